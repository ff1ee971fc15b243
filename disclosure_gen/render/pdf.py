"""PDF output through WeasyPrint from templates/skin/document.html.

No creation date is written (no dcterms meta), and with libharfbuzz-subset the bytes are
identical across runs; ``lang="zh-CN"`` keeps CJK glyphs Chinese rather than Japanese.
"""

from __future__ import annotations

import contextlib
import gc
import io
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the PDF process imports this module before anything else is loaded
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


def base_url(env: DocumentEnvironment) -> str:
    """Where the HTML's relative references (none today) would be resolved."""
    return str(env.search.path("skin"))


@contextmanager
def _no_library_search() -> Iterator[None]:
    """While WeasyPrint loads its C libraries, ``ctypes.util.find_library`` finds nothing.

    WeasyPrint tries each library under its Windows and macOS names before the Linux
    soname (``libgobject-2.0-0``, ``gobject-2.0-0``, ``gobject-2.0``,
    ``libgobject-2.0.so.0``, …), and cffi asks find_library about every name it cannot
    open directly; on Linux each question runs ldconfig, and each miss gcc and ld as well:
    22 questions, 16 misses, 0.2-0.4 s of every start spent in subprocesses.  With no
    answers, cffi reaches the soname and opens it with dlopen, which is what the answer
    would have been opened with anyway (find_library answers with the soname from ldconfig's
    cache), so the same libraries are loaded.
    """
    import ctypes.util

    original = ctypes.util.find_library
    ctypes.util.find_library = lambda name: None
    try:
        yield
    finally:
        ctypes.util.find_library = original


def load() -> None:
    """Import WeasyPrint: it loads pango and parses its C declarations, which takes a moment,
    so only the PDF path pays for it."""
    if "weasyprint" not in sys.modules and sys.platform.startswith("linux"):
        try:  # WeasyPrint prints its own error message before it raises: keep it quiet
            with _no_library_search(), contextlib.redirect_stdout(io.StringIO()):
                import weasyprint
        except OSError:  # a library under another soname: let ctypes search for it
            pass
    import weasyprint  # noqa: F401

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)


def lay_out(html: str, base: str) -> Any:
    """The laid-out WeasyPrint document (its pages are final)."""
    load()
    from weasyprint import HTML

    return HTML(string=html, base_url=base).render()


def anchor_pages(document: Any) -> dict[str, int]:
    """The page (from 1) on which each anchor first appears."""
    pages: dict[str, int] = {}
    for number, page in enumerate(document.pages, start=1):
        for anchor in page.anchors:
            pages.setdefault(anchor, number)
    return pages


def write(document: Any) -> bytes:
    data: bytes = document.write_pdf(uncompressed_pdf=False)
    return data


def print_html(html: str, base: str) -> Pdf:
    """The PDF of an HTML document, and where its anchors landed."""
    with fewer_collections():
        document = lay_out(html, base)
        return Pdf(write(document), anchor_pages(document))


def render_pdf(env: DocumentEnvironment, context: RenderContext) -> Pdf:
    return print_html(render_html(env, context), base_url(env))
