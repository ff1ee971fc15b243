"""PDF output through WeasyPrint from templates/skin/document.html.

No creation date is written (no dcterms meta), and with libharfbuzz-subset the bytes are
identical across runs; ``lang="zh-CN"`` keeps CJK glyphs Chinese rather than Japanese.
"""

from __future__ import annotations

import logging

from disclosure_gen.render.context import RenderContext
from disclosure_gen.render.environment import DocumentEnvironment


def render_html(env: DocumentEnvironment, context: RenderContext) -> str:
    return env.get_template("skin/document.html").render(context.as_dict())


def render_pdf(env: DocumentEnvironment, context: RenderContext) -> bytes:
    from weasyprint import HTML  # imported here: it loads pango, which takes a moment

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    html = render_html(env, context)
    base = env.search.path("skin")
    pdf: bytes = HTML(string=html, base_url=str(base)).write_pdf(uncompressed_pdf=False)
    return pdf
