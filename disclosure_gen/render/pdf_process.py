"""A forked process that prints the PDF, started before the command's own imports.

``generate`` spends its first second importing: its own modules (the workbook reader, the
rules, both kinds, docxtpl, openpyxl) take about half a second, and WeasyPrint (pango through
cffi, whose C declarations are parsed again at every start) another half.  Neither needs the
other and the machine has two cores, so the console entry point forks this process first
(``disclosure_gen.__main__``): it imports WeasyPrint while the parent imports the rest and
reads and validates the workbook, then lays out what the parent sends: first the probes
whose widths justification breaks the paragraphs from (``render.justify``), then the
document.  It reports the 目录 anchors' pages as soon as that layout is done, so the parent
renders the DOCX while the child writes the PDF.

Only on Linux (a fork before any thread exists, of a process that has imported only the
standard library); elsewhere, or with ``DISCLOSURE_GEN_PDF_PROCESS=0``, the PDF is printed
in the command's own process as before.  The bytes are the same either way: the child runs
the same code on the same HTML.  The batch and the web server keep one process per
workbook already and print in it.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:  # imported before anything else in the child: keep its imports light
    from disclosure_gen.render.justify import Metrics
    from disclosure_gen.render.pdf import PdfOptions

ENV_SWITCH = "DISCLOSURE_GEN_PDF_PROCESS"


class PdfProcessDied(RuntimeError):
    """The child ended without sending its result (killed, or out of memory)."""


class PdfProcess:
    """The parent's end: send one HTML document, then read its pages and its PDF."""

    def __init__(self, pid: int, jobs: IO[bytes], results: IO[bytes]) -> None:
        self.pid = pid
        self._jobs: IO[bytes] | None = jobs
        self._results = results
        self._sent = False
        self._finished = False  # the PDF, an error or the child's end has been read
        self._exit: int | None = None

    @classmethod
    def start(cls) -> PdfProcess | None:
        """Fork the child, or None where that is not done (see the module's docstring)."""
        if not sys.platform.startswith("linux") or os.environ.get(ENV_SWITCH, "1") == "0":
            return None
        job_read, job_write = os.pipe()
        result_read, result_write = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover  (the child; its work is checked through the parent)
            os.close(job_write)
            os.close(result_read)
            _serve(os.fdopen(job_read, "rb"), os.fdopen(result_write, "wb"))
        os.close(job_read)
        os.close(result_write)
        return cls(pid, os.fdopen(job_write, "wb"), os.fdopen(result_read, "rb"))

    def measure(self, html: str, base: str) -> Metrics | None:
        """Lay out justification's probes in the child; their widths."""
        if self._jobs is None or self._sent:
            raise RuntimeError("a PDF process measures before it prints")
        with contextlib.suppress(BrokenPipeError):  # the child is gone: the read says so
            pickle.dump(("measure", html, base), self._jobs, protocol=pickle.HIGHEST_PROTOCOL)
            self._jobs.flush()
        found: Metrics | None = self._receive("metrics")
        return found

    def send(self, html: str, base: str, options: PdfOptions | None = None) -> None:
        """Hand the child its one document (``options``: PDF/A and its attachment)."""
        if self._jobs is None or self._sent:
            raise RuntimeError("a PDF process prints one document")
        self._sent = True
        jobs, self._jobs = self._jobs, None
        with contextlib.suppress(BrokenPipeError):  # the child is gone: the next read says so
            try:
                pickle.dump(("print", html, base, options), jobs, protocol=pickle.HIGHEST_PROTOCOL)
            finally:
                jobs.close()

    def pages(self) -> dict[str, int]:
        """Where each anchor landed; available before the PDF is written."""
        pages: dict[str, int] = self._receive("pages")
        return pages

    def data(self) -> bytes:
        data: bytes = self._receive("pdf")
        self.close()
        return data

    def _receive(self, expected: str) -> Any:
        try:
            what, payload = pickle.load(self._results)
        except (EOFError, pickle.UnpicklingError):
            self._finished = True
            code = self._reap()
            raise PdfProcessDied(
                f"生成 PDF 的子进程意外结束（退出状态 {code}），可能是内存不足；请重试。"
            ) from None
        if what in ("error", "pdf"):
            self._finished = True
        if what == "error":
            self.close()
            raise payload
        if what != expected:  # pragma: no cover  (a protocol slip would be ours)
            raise RuntimeError(f"PDF process sent {what!r}, expected {expected!r}")
        return payload

    def close(self) -> None:
        """End the child if its work is no longer wanted (a command that fails validation
        never sends it anything; one whose DOCX failed does not read the PDF) and reap it,
        so no process is left behind."""
        if self._jobs is not None:
            with contextlib.suppress(BrokenPipeError):
                self._jobs.close()
            self._jobs = None
        if not self._finished:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGTERM)
            self._finished = True
        self._results.close()
        self._reap()

    def _reap(self) -> int:
        if self._exit is None:
            try:
                _, status = os.waitpid(self.pid, 0)
                self._exit = os.waitstatus_to_exitcode(status)
            except ChildProcessError:  # pragma: no cover  (reaped elsewhere)
                self._exit = -1
        return self._exit


def _serve(jobs: IO[bytes], results: IO[bytes]) -> NoReturn:  # pragma: no cover  (child)
    """The child: import WeasyPrint, measure the probes it is sent, print the one document
    it is sent, send back its pages and then its PDF (or the exception that stopped it),
    and leave without running the parent's exit handlers."""
    code = 0
    try:
        import gc

        from disclosure_gen.render import pdf

        pdf.load()
        # The whole process is this one document: collect rarely for all of it.
        gc.set_threshold(50_000, 50, 100)
        while True:
            try:
                job = pickle.load(jobs)
            except EOFError:  # the parent will not need a PDF after all
                os._exit(0)
            try:
                if job[0] == "measure":
                    _send(results, "metrics", pdf.measure(job[1], job[2]))
                    continue
                _, html, base, options = job
                document = pdf.lay_out(html, base)
                _send(results, "pages", pdf.anchor_pages(document))
                _send(results, "pdf", pdf.write(document, options))
            except Exception as exc:
                code = 1
                _send_error(results, exc)
            break
    except BaseException:  # Ctrl+C, or the parent gone (broken pipe): leave quietly
        code = 1
    finally:
        try:
            results.close()
        finally:
            os._exit(code)


def _send(results: IO[bytes], what: str, payload: object) -> None:  # pragma: no cover
    pickle.dump((what, payload), results, protocol=pickle.HIGHEST_PROTOCOL)
    results.flush()


def _send_error(results: IO[bytes], exc: Exception) -> None:  # pragma: no cover  (child)
    """The exception itself where it pickles, so the parent reports the same type and
    message as an in-process render would."""
    try:
        payload = pickle.dumps(("error", exc), protocol=pickle.HIGHEST_PROTOCOL)
        pickle.loads(payload)
    except Exception:
        payload = pickle.dumps(("error", RuntimeError(f"{type(exc).__name__}: {exc}")))
    results.write(payload)
    results.flush()


_started: PdfProcess | None = None


def wants_pdf(args: Sequence[str]) -> bool:
    """Whether these command-line arguments are a ``generate`` that will print a PDF."""
    return bool(args) and args[0] == "generate" and not {"--no-pdf", "--help"} & set(args)


def prestart(args: Sequence[str]) -> None:
    """Fork the PDF process now if the command will need it (called before the CLI's
    imports, by the console entry point)."""
    global _started
    if _started is None and wants_pdf(args):
        _started = PdfProcess.start()


def take() -> PdfProcess | None:
    """The process ``prestart`` forked, once; None if there is none."""
    global _started
    started, _started = _started, None
    return started
