"""PDF output through WeasyPrint from templates/skin/document.html.

No creation date is written (no dcterms meta), and with libharfbuzz-subset the bytes are
identical across runs; ``lang="zh-CN"`` keeps CJK glyphs Chinese rather than Japanese.

Every PDF is tagged (PDF/UA-1: a structure tree with H1-H3, Table/TH/TD, reading order as
the HTML's, /Lang zh-CN, /MarkInfo) so a screen reader can read it.  ``PdfOptions.archival``
writes PDF/A-3b instead (still tagged), optionally with the source workbook embedded as an
associated file (AFRelationship /Source), so the published PDF carries its own data.  The
PDF/A file identifier is WeasyPrint's hash of the content, and the attachment's dates come
from the workbook's own properties, so the bytes stay the same run after run.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
import zipfile
from dataclasses import dataclass, replace
from typing import Any

from disclosure_gen.render import justify
from disclosure_gen.render.context import RenderContext
from disclosure_gen.render.environment import DocumentEnvironment
from disclosure_gen.render.fonts import css_fonts


def render_html(env: DocumentEnvironment, context: RenderContext, measuring: bool = False) -> str:
    """The HTML WeasyPrint lays out; style.css gets the installed font stacks (``fonts``);
    ``measuring``: the paragraphs-only layout justification reads."""
    return env.get_template("skin/document.html").render(
        {**context.as_dict(), "fonts": css_fonts(), "measuring": measuring}
    )


@dataclass(frozen=True)
class Pdf:
    """The PDF and the page each 目录 anchor landed on (the DOCX stores them in its TOC)."""

    data: bytes
    pages: dict[str, int]


@dataclass(frozen=True)
class Source:
    """The workbook a PDF/A embeds: its file name and bytes."""

    name: str
    data: bytes


@dataclass(frozen=True)
class PdfOptions:
    archival: bool = False  # PDF/A-3b rather than PDF/UA-1
    source: Source | None = None  # embedded as the associated file (PDF/A only)


def render_pdf(
    env: DocumentEnvironment, context: RenderContext, options: PdfOptions | None = None
) -> Pdf:
    from weasyprint import HTML  # imported here: it loads pango, which takes a moment

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    options = options or PdfOptions()
    base = str(env.search.path("skin"))
    blocks = justify.numbered(context.blocks)
    paragraphs = replace(context, blocks=justify.probes(blocks))
    measured = HTML(string=render_html(env, paragraphs, measuring=True), base_url=base).render()
    lines = justify.measure(measured.pages, blocks)
    html = render_html(env, replace(context, blocks=justify.with_lines(blocks, lines)))
    document = HTML(string=html, base_url=base).render()
    pages: dict[str, int] = {}
    for number, page in enumerate(document.pages, start=1):
        for anchor in page.anchors:
            pages.setdefault(anchor, number)
    data: bytes = document.write_pdf(
        uncompressed_pdf=False, finisher=_one_entry_per_file, **_variant(options, context.year)
    )
    return Pdf(data, pages)


def _one_entry_per_file(_document: Any, pdf: Any) -> None:
    """WeasyPrint 70 lists an embedded file in the catalog's /AF twice (once from the
    EmbeddedFiles name tree, once as its file specification): keep each once."""
    if "AF" in pdf.catalog:
        unique = list(dict.fromkeys(pdf.catalog["AF"]))
        pdf.catalog["AF"].clear()
        pdf.catalog["AF"].extend(unique)


def _variant(options: PdfOptions, year: int) -> dict[str, Any]:
    """WeasyPrint's write options for the PDF variant asked for."""
    if not options.archival:
        return {"pdf_variant": "pdf/ua-1"}
    from weasyprint import Attachment

    attachments = []
    if options.source is not None:
        when = workbook_modified(options.source.data) or dt.datetime(year, 1, 1)
        attachments.append(
            Attachment(
                file_obj=io.BytesIO(options.source.data),
                name=options.source.name,
                description="本公开文件的数据来源：填报的工作簿",
                created=when,
                modified=when,
                relationship="Source",
            )
        )
    return {"pdf_variant": "pdf/a-3b", "pdf_tags": True, "attachments": attachments}


MODIFIED_RE = re.compile(rb"<dcterms:modified[^>]*>(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)")


def workbook_modified(data: bytes) -> dt.datetime | None:
    """When the workbook says it was last saved (docProps/core.xml), or None."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            core = zf.read("docProps/core.xml")
    except (zipfile.BadZipFile, KeyError):
        return None
    match = MODIFIED_RE.search(core)
    return dt.datetime.fromisoformat(match.group(1).decode()) if match else None
