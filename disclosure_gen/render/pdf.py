"""PDF output through WeasyPrint from templates/skin/document.html.

No creation date is written (no dcterms meta), and with libharfbuzz-subset the bytes are
identical across runs; ``lang="zh-CN"`` keeps CJK glyphs Chinese rather than Japanese.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from disclosure_gen.render import justify
from disclosure_gen.render.context import RenderContext
from disclosure_gen.render.environment import DocumentEnvironment


def render_html(env: DocumentEnvironment, context: RenderContext, measuring: bool = False) -> str:
    """The document's HTML; ``measuring``: the paragraphs-only layout justification reads."""
    return env.get_template("skin/document.html").render(
        {**context.as_dict(), "measuring": measuring}
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
    data: bytes = document.write_pdf(uncompressed_pdf=False)
    return Pdf(data, pages)
