"""PDF output through WeasyPrint from templates/skin/document.html.

No creation date is written (no dcterms meta), and with libharfbuzz-subset the bytes are
identical across runs; ``lang="zh-CN"`` keeps CJK glyphs Chinese rather than Japanese.

Every PDF is tagged (PDF/UA-1: a structure tree with H1-H3, Table/TH/TD, reading order as
the HTML's, /Lang zh-CN, /MarkInfo) so a screen reader can read it.  ``PdfOptions.archival``
writes PDF/A-3b instead (still tagged), optionally with the source workbook embedded as an
associated file (AFRelationship /Source), so the published PDF carries its own data.  The
PDF/A file identifier is WeasyPrint's hash of the content, and the attachment's dates come
from the workbook's own properties, so the bytes stay the same run after run.

Body text is justified (``render.justify``): a first, small layout of probes measures the
widths the paragraphs are broken from, then the document is laid out once.  Both layouts
run in this process or in the PDF process the CLI forks (``render.pdf_process``); this
module imports nothing heavy at its top, since that process imports it first.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import io
import logging
import re
import sys
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the PDF process imports this module before anything else is loaded
    from disclosure_gen.render.blocks import Block
    from disclosure_gen.render.context import RenderContext
    from disclosure_gen.render.environment import DocumentEnvironment
    from disclosure_gen.render.justify import Metrics


def render_html(env: DocumentEnvironment, context: RenderContext, measuring: bool = False) -> str:
    """The HTML WeasyPrint lays out; style.css gets the installed font stacks (``fonts``);
    ``measuring``: the probes-only layout justification reads."""
    from disclosure_gen.render.fonts import css_fonts

    return env.get_template("skin/document.html").render(
        {**context.as_dict(), "fonts": css_fonts(), "measuring": measuring}
    )


@dataclass(frozen=True)
class Source:
    """The workbook a PDF/A embeds: its file name and bytes."""

    name: str
    data: bytes


@dataclass(frozen=True)
class PdfOptions:
    archival: bool = False  # PDF/A-3b rather than PDF/UA-1
    source: Source | None = None  # embedded as the associated file (PDF/A only)
    year: int = 2000  # the attachment's date when the workbook states none


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

    _remember_page_references()
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)


def _remember_page_references() -> None:
    """pydyf builds ``PDF.page_references`` (every page's reference) anew each time it is
    read, and WeasyPrint's tagging reads it once per marked element: 7,000 tuples of every
    page for the department example, 5% of the write.  The pages are all added before it
    is read, so one tuple per page count gives the same references; the bytes do not
    change."""
    import pydyf

    computed = pydyf.PDF.page_references
    if not isinstance(computed, property) or getattr(computed.fget, "remembered", False):
        return

    def remembered(pdf: Any) -> Any:
        count = len(pdf.pages["Kids"])
        known = pdf.__dict__.get("_page_references")
        if known is None or known[0] != count:
            known = (count, computed.fget(pdf))  # type: ignore[misc]
            pdf.__dict__["_page_references"] = known
        return known[1]

    remembered.remembered = True  # type: ignore[attr-defined]
    pydyf.PDF.page_references = property(remembered)


def lay_out(html: str, base: str) -> Any:
    """The laid-out WeasyPrint document (its pages are final)."""
    load()
    from weasyprint import HTML

    return HTML(string=html, base_url=base).render()


def measure(html: str, base: str) -> Metrics | None:
    """The widths justification breaks paragraphs from, read off the probes' layout."""
    from disclosure_gen.render import justify

    return justify.metrics(lay_out(html, base).pages)


def anchor_pages(document: Any) -> dict[str, int]:
    """The page (from 1) on which each anchor first appears."""
    pages: dict[str, int] = {}
    for number, page in enumerate(document.pages, start=1):
        for anchor in page.anchors:
            pages.setdefault(anchor, number)
    return pages


def write(document: Any, options: PdfOptions | None = None) -> bytes:
    data: bytes = document.write_pdf(
        uncompressed_pdf=False, finisher=_finish, **_variant(options or PdfOptions())
    )
    return data


def _finish(document: Any, pdf: Any) -> None:
    _one_entry_per_file(document, pdf)
    _declare_pdf_ua(pdf)


@dataclass(frozen=True)
class Justification:
    """The HTML of the probes' layout, and how to make the document's HTML from its widths."""

    env: DocumentEnvironment
    context: RenderContext
    blocks: tuple[Block, ...]

    @classmethod
    def of(cls, env: DocumentEnvironment, context: RenderContext) -> Justification:
        from disclosure_gen.render import justify

        return cls(env, context, justify.numbered(context.blocks))

    def probe_html(self) -> str:
        from disclosure_gen.render import justify

        probes = replace(self.context, blocks=justify.probes(self.blocks))
        return render_html(self.env, probes, measuring=True)

    def document_html(self, found: Metrics | None) -> str:
        from disclosure_gen.render import justify

        lines = justify.lines(self.blocks, found)
        return render_html(
            self.env, replace(self.context, blocks=justify.with_lines(self.blocks, lines))
        )


class LocalPrinter:
    """The PDF process's interface (``render.pdf_process.PdfProcess``) in this process, so
    the pipeline has one way to print: measure the probes, send the document, read where
    its anchors landed, then its bytes. Used where no process was forked (other systems,
    ``DISCLOSURE_GEN_PDF_PROCESS=0``, the batch and web workers, tests)."""

    def __init__(self) -> None:
        self._document: Any = None
        self._options: PdfOptions | None = None

    def measure(self, html: str, base: str) -> Metrics | None:
        return measure(html, base)

    def send(self, html: str, base: str, options: PdfOptions | None = None) -> None:
        self._document, self._options = lay_out(html, base), options

    def pages(self) -> dict[str, int]:
        return anchor_pages(self._document)

    def data(self) -> bytes:
        return write(self._document, self._options)


def _one_entry_per_file(_document: Any, pdf: Any) -> None:
    """WeasyPrint 70 lists an embedded file in the catalog's /AF twice (once from the
    EmbeddedFiles name tree, once as its file specification): keep each once."""
    if "AF" in pdf.catalog:
        unique = list(dict.fromkeys(pdf.catalog["AF"]))
        pdf.catalog["AF"].clear()
        pdf.catalog["AF"].extend(unique)


# PDF/UA-1's identification (ISO 14289-1, 5) beside PDF/A's, with the extension schema that
# PDF/A (ISO 19005-3, 6.6.2.3) asks for a property outside its predefined schemas.
PDF_UA_XMP = (
    b'<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"'
    b' pdfuaid:part="1"/>'
    b'<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"'
    b' xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"'
    b' xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">'
    b"<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">"
    b"<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>"
    b"<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>"
    b"<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>"
    b"<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">"
    b"<pdfaProperty:name>part</pdfaProperty:name>"
    b"<pdfaProperty:valueType>Integer</pdfaProperty:valueType>"
    b"<pdfaProperty:category>internal</pdfaProperty:category>"
    b"<pdfaProperty:description>Part of ISO 14289 the file conforms to</pdfaProperty:description>"
    b"</rdf:li></rdf:Seq></pdfaSchema:property></rdf:li></rdf:Bag></pdfaExtension:schemas>"
    b"</rdf:Description>"
)


def _declare_pdf_ua(pdf: Any) -> None:
    """A PDF/A-3b is tagged as the PDF/UA-1 file is (WeasyPrint writes one variant's
    identification only): its XMP declares PDF/UA-1 too, so a checker tests it as both."""
    metadata = pdf.catalog.get("Metadata")
    if metadata is None:
        return
    reference = metadata.decode() if isinstance(metadata, bytes) else str(metadata)
    stream = pdf.objects[int(reference.split()[0])]
    xml = b"".join(stream.stream)
    if b'pdfaid:part="' in xml and b"pdfuaid:" not in xml:
        stream.stream[:] = [xml.replace(b"</rdf:RDF>", PDF_UA_XMP + b"</rdf:RDF>", 1)]


def _variant(options: PdfOptions) -> dict[str, Any]:
    """WeasyPrint's write options for the PDF variant asked for."""
    if not options.archival:
        return {"pdf_variant": "pdf/ua-1"}
    from weasyprint import Attachment

    attachments = []
    if options.source is not None:
        when = workbook_modified(options.source.data) or dt.datetime(options.year, 1, 1)
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
