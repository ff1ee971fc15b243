"""DOCX output: docxtpl renders the unzipped package template under templates/skin/docx/.

The template is kept as plain XML files (diffable, editable) and zipped in memory.  docxtpl
gets an overlay of the shared environment with autoescape on, so ``&`` and ``<`` in user
text stay text (docxtpl would otherwise repair the broken XML silently).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from disclosure_gen.render.chart import PieChart
from disclosure_gen.render.context import RenderContext
from disclosure_gen.render.environment import DocumentEnvironment
from disclosure_gen.zipfix import normalise_zip

if TYPE_CHECKING:
    from docxtpl import DocxTemplate

PACKAGE_DIR = "skin/docx"
FIRST = "[Content_Types].xml"


def _zip_template(folder: Path) -> io.BytesIO:
    buffer = io.BytesIO()
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    files.sort(key=lambda p: p.name != FIRST)  # content types first, as Word writes it
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in files:
            zf.writestr(path.relative_to(folder).as_posix(), path.read_bytes())
    buffer.seek(0)
    return buffer


CORE_PROPERTY_MAX = 255  # characters python-docx (and Word) allow in a core property
CHART_WIDTH_MM = 150  # within the 156 mm text column; the height follows the PNG's ratio


def _charts(template: DocxTemplate, context: RenderContext) -> dict[str, Any]:
    """Each chart block's PNG as a picture docxtpl embeds (word/media, its relationship)
    where the layout writes ``charts[key]`` (Pillow and docxtpl imported only when a
    document has charts)."""
    out: dict[str, Any] = {}
    for block in context.blocks:
        chart = block.extra.get("chart")
        if block.type == "chart" and isinstance(chart, PieChart):
            from docx.shared import Mm
            from docxtpl import InlineImage

            from disclosure_gen.render.chart_png import cjk_font, draw_png

            png = io.BytesIO(draw_png(chart, cjk_font()))
            out[str(block.extra["key"])] = InlineImage(template, png, width=Mm(CHART_WIDTH_MM))
    return out


def render_docx(
    env: DocumentEnvironment, context: RenderContext, pages: dict[str, int] | None = None
) -> bytes:
    """The DOCX; ``pages`` (anchor → page, from the PDF's pagination) are stored as the
    目录's field results, so the 目录 shows numbers even where fields are never updated."""
    # imported here, not with the module: docxtpl brings python-docx and lxml (about 70 ms),
    # which validate never needs and generate needs only once the PDF process is printing
    from docxtpl import DocxTemplate

    folder = env.search.path(PACKAGE_DIR)
    template = DocxTemplate(_zip_template(folder))
    escaped = env.overlay(autoescape=True)
    values = {**context.as_dict(), "pages": pages or {}, "charts": _charts(template, context)}
    template.render(values, jinja_env=escaped, autoescape=True)
    props = template.docx.core_properties
    props.title = context.title[:CORE_PROPERTY_MAX]
    props.author = context.unit_name[:CORE_PROPERTY_MAX]
    out = io.BytesIO()
    template.docx.save(out)
    return normalise_zip(out.getvalue())
