"""Render a workbook once and read the text back, for tests of wording and layout."""

from __future__ import annotations

import io
import re
import zipfile
from functools import cache
from pathlib import Path

from disclosure_gen.pipeline import Documents, check, render_checked


@cache
def documents(path: Path, pdf: bool = True) -> Documents:
    checked = check(path)
    assert checked.ok(), [f.message for f in checked.findings if f.severity == "error"]
    assert checked.model is not None
    return render_checked(checked, pdf=pdf)


def docx_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read("word/document.xml").decode("utf-8")


def docx_paragraphs(data: bytes) -> list[str]:
    """Text of each body paragraph (field instructions left out), unescaped; a heading's
    explicit line breaks (balanced title lines) are layout, not text, and are dropped."""
    from docx import Document

    doc = Document(io.BytesIO(data))
    return [p.text.replace("\n", "") for p in doc.paragraphs if p.text.strip()]


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", "", "".join(page.extract_text() or "" for page in reader.pages))
