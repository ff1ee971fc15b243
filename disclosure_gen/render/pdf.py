"""PDF output through WeasyPrint from templates/skin/document.html.

No creation date is written (no dcterms meta), and with libharfbuzz-subset the bytes are
identical across runs; ``lang="zh-CN"`` keeps CJK glyphs Chinese rather than Japanese.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from disclosure_gen.render.context import RenderContext
from disclosure_gen.render.environment import DocumentEnvironment
from disclosure_gen.render.fonts import css_fonts


def render_html(env: DocumentEnvironment, context: RenderContext) -> str:
    """The HTML WeasyPrint lays out; style.css gets the installed font stacks (``fonts``)."""
    return env.get_template("skin/document.html").render(
        {**context.as_dict(), "fonts": css_fonts()}
    )


@dataclass(frozen=True)
class Pdf:
    """The PDF and the page each 目录 anchor landed on (the DOCX stores them in its TOC)."""

    data: bytes
    pages: dict[str, int]


def render_pdf(env: DocumentEnvironment, context: RenderContext) -> Pdf:
    from weasyprint import HTML  # imported here: it loads pango, which takes a moment

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    html = render_html(env, context)
    base = env.search.path("skin")
    document = HTML(string=html, base_url=str(base)).render()
    pages: dict[str, int] = {}
    for number, page in enumerate(document.pages, start=1):
        for anchor in page.anchors:
            pages.setdefault(anchor, number)
    data: bytes = document.write_pdf(uncompressed_pdf=False)
    return Pdf(data, pages)
