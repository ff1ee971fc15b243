"""PDF output through WeasyPrint from templates/skin/document.html.

No creation date is written (no dcterms meta), and with libharfbuzz-subset the bytes are
identical across runs; ``lang="zh-CN"`` keeps CJK glyphs Chinese rather than Japanese.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from disclosure_gen.render.context import RenderContext
from disclosure_gen.render.environment import DocumentEnvironment


def render_html(env: DocumentEnvironment, context: RenderContext) -> str:
    return env.get_template("skin/document.html").render(context.as_dict())


@dataclass(frozen=True)
class Pdf:
    """The PDF and the page each 目录 anchor landed on (the DOCX stores them in its TOC)."""

    data: bytes
    pages: dict[str, int]


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the collector rarely while WeasyPrint lays out and writes the document.

    Layout builds hundreds of thousands of boxes that all live until the PDF is written, so
    with the default threshold (a collection every 700 allocations) the collector walks the
    same live objects again and again and frees almost nothing; none of our objects needs a
    prompt collection.  The output bytes do not depend on it.  The previous thresholds come
    back afterwards, for the batch and web workers that go on running.
    """
    previous = gc.get_threshold()
    gc.set_threshold(50_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*previous)


def render_pdf(env: DocumentEnvironment, context: RenderContext) -> Pdf:
    from weasyprint import HTML  # imported here: it loads pango, which takes a moment

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    html = render_html(env, context)
    base = env.search.path("skin")
    with fewer_collections():
        document = HTML(string=html, base_url=str(base)).render()
        pages: dict[str, int] = {}
        for number, page in enumerate(document.pages, start=1):
            for anchor in page.anchors:
                pages.setdefault(anchor, number)
        data: bytes = document.write_pdf(uncompressed_pdf=False)
    return Pdf(data, pages)
