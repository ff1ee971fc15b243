"""Deterministic zip packages: the same content always gives the same bytes.

openpyxl and python-docx stamp every zip entry with the current time; rewriting the
package with a fixed timestamp, a fixed entry order and fixed compression makes output
byte-identical across runs (a requirement for reproducible publication).
"""

from __future__ import annotations

import io
import re
import zipfile

FIXED_TIME = (2000, 1, 1, 0, 0, 0)
FIXED_STAMP = "2000-01-01T00:00:00Z"
CORE = "docProps/core.xml"
DATE_RE = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip package with fixed timestamps, attributes and document dates."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            fixed.create_system = 3
            content = source.read(info.filename)
            if info.filename == CORE:  # openpyxl stamps "modified" with the time of saving
                content = DATE_RE.sub(rb"\g<1>" + FIXED_STAMP.encode() + rb"\g<2>", content)
            target.writestr(fixed, content)
    return out.getvalue()
