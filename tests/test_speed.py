"""The speed-ups change how the work is scheduled, never what it produces or leaves behind."""

from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from disclosure_gen.pipeline import check, render_checked
from disclosure_gen.render import pdf, pdf_process
from disclosure_gen.render.pdf import fewer_collections
from disclosure_gen.render.pdf_process import PdfProcess, PdfProcessDied
from tests import builders

linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the PDF process is forked on Linux only"
)


def test_pdf_rendering_collects_rarely_and_restores_the_collector_thresholds() -> None:
    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold()[0] >= 50_000
    assert gc.get_threshold() == before


def test_collector_thresholds_come_back_when_rendering_fails() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), fewer_collections():
        raise RuntimeError("a template that fails in rendering")
    assert gc.get_threshold() == before


@pytest.mark.parametrize(
    ("args", "forks"),
    [
        (["generate", "a.xlsx"], True),
        (["generate", "a.xlsx", "-o", "out", "--strict"], True),
        (["generate", "a.xlsx", "--no-pdf"], False),
        (["generate", "--help"], False),
        (["validate", "a.xlsx"], False),
        (["batch", "folder"], False),
        ([], False),
    ],
)
def test_the_entry_point_forks_a_pdf_process_only_for_a_generate_that_prints_one(
    args: list[str], forks: bool
) -> None:
    assert pdf_process.wants_pdf(args) is forks


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


@pytest.fixture
def printer() -> Iterator[PdfProcess]:
    started = PdfProcess.start()
    assert started is not None
    yield started
    started.close()
    assert _gone(started.pid), "the PDF process was left behind"


@linux_only
def test_the_pdf_process_prints_the_same_bytes_and_pages_as_this_process(
    tmp_path: Path, printer: PdfProcess
) -> None:
    checked = check(builders.write(tmp_path / "sample.xlsx"))
    here = render_checked(checked)
    there = render_checked(checked, printer=printer)
    assert there.pdf == here.pdf and there.docx == here.docx


@linux_only
def test_an_error_in_the_pdf_process_reaches_the_command_with_its_type_and_message(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(html: str, base: str) -> object:
        raise ValueError("font missing")

    monkeypatch.setattr(pdf, "lay_out", broken)  # the child is a copy of this process
    started = PdfProcess.start()
    assert started is not None
    started.send("<p>x</p>", ".")
    with pytest.raises(ValueError, match="font missing"):
        started.pages()
    assert _gone(started.pid)


@linux_only
def test_a_pdf_process_that_dies_is_reported_in_chinese_instead_of_waited_for(
    printer: PdfProcess,
) -> None:
    os.kill(printer.pid, signal.SIGKILL)
    printer.send("<p>x</p>", ".")
    with pytest.raises(PdfProcessDied, match="子进程意外结束"):
        printer.pages()


@linux_only
def test_a_pdf_process_never_sent_a_document_is_ended_and_reaped() -> None:
    started = PdfProcess.start()
    assert started is not None
    started.close()
    assert _gone(started.pid)


@linux_only
def test_generate_from_the_command_line_writes_the_bytes_rendered_in_one_process(
    tmp_path: Path,
) -> None:
    """The console command forks the PDF process; its files equal an in-process render."""
    workbook = builders.write(tmp_path / "sample.xlsx")
    out = tmp_path / "out"
    env = {k: v for k, v in os.environ.items() if k != pdf_process.ENV_SWITCH}
    result = subprocess.run(
        [sys.executable, "-m", "disclosure_gen", "generate", str(workbook), "-o", str(out)],
        capture_output=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode()
    here = render_checked(check(workbook))
    assert here.pdf is not None
    assert next(out.glob("*.pdf")).read_bytes() == here.pdf
    assert next(out.glob("*.docx")).read_bytes() == here.docx


def test_an_edited_template_is_compiled_again_not_served_from_the_bytecode_cache(
    tmp_path: Path,
) -> None:
    from disclosure_gen.render.environment import build_environment

    template = tmp_path / "mine" / "budget" / "note.j2"
    template.parent.mkdir(parents=True)
    template.write_text("上年措辞", encoding="utf-8")
    first = build_environment("budget", [], tmp_path / "mine")
    assert first.bytecode_cache is not None
    assert first.get_template("budget/note.j2").render() == "上年措辞"
    template.write_text("本年措辞", encoding="utf-8")  # same length, maybe the same mtime
    again = build_environment("budget", [], tmp_path / "mine")
    assert again.get_template("budget/note.j2").render() == "本年措辞"


def test_a_bytecode_cache_that_cannot_be_written_only_costs_the_compilation(
    tmp_path: Path,
) -> None:
    from jinja2 import DictLoader, Environment

    from disclosure_gen.render.environment import _QuietBytecodeCache

    cache = _QuietBytecodeCache(directory=str(tmp_path / "gone"))  # never created
    env = Environment(loader=DictLoader({"t": "{{ 1 + 1 }}"}), bytecode_cache=cache)
    assert env.get_template("t").render() == "2"


def test_a_workbook_without_formulas_is_read_once_and_its_formulas_are_its_values(
    tmp_path: Path,
) -> None:
    from disclosure_gen.workbook.package import Package

    with Package(builders.write(tmp_path / "sample.xlsx")) as package:
        sheets = [package.sheet(name) for name in sorted(package.sheet_names())]
        assert package._formulas is None, "the formulas workbook was opened for nothing"
    assert all(s is not None and s.formulas == s.values for s in sheets)


@linux_only
def test_the_process_the_entry_point_forks_is_handed_to_generate_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(pdf_process.ENV_SWITCH, raising=False)
    pdf_process.prestart(["generate", "a.xlsx"])
    printer = pdf_process.take()
    assert printer is not None and not _gone(printer.pid)
    assert pdf_process.take() is None
    printer.close()
    assert _gone(printer.pid)


@linux_only
def test_a_generate_that_stops_before_printing_leaves_no_process_behind(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a workbook")
    env = {k: v for k, v in os.environ.items() if k != pdf_process.ENV_SWITCH}
    command = subprocess.Popen(
        [sys.executable, "-m", "disclosure_gen", "generate", str(bad), "-o", str(tmp_path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        start_new_session=True,  # its own process group, which the forked child joins
    )
    assert command.wait(timeout=120) == 2
    with pytest.raises(ProcessLookupError):
        os.killpg(command.pid, 0)


def test_no_pdf_process_is_forked_when_it_is_switched_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(pdf_process.ENV_SWITCH, "0")
    pdf_process.prestart(["generate", "a.xlsx"])
    assert pdf_process.take() is None


@linux_only
def test_weasyprint_loads_its_libraries_with_harfbuzz_subsetting_and_no_subprocess() -> None:
    """Fresh interpreter: the quick load opens the same libraries, harfbuzz-subset among
    them (without it fonts are subset by fontTools and the PDF bytes change)."""
    script = """
import subprocess
started = []
original = subprocess.Popen.__init__
def counted(self, *args, **kwargs):
    started.append(args)
    original(self, *args, **kwargs)
subprocess.Popen.__init__ = counted
from disclosure_gen.render import pdf
pdf.load()
from weasyprint.text import ffi
print(ffi.harfbuzz_subset is not None, len(started))
"""
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["True", "0"]


def test_pdf_page_references_are_built_once_per_page_count() -> None:
    """pydyf rebuilds every page's reference each time they are read (once per tagged
    element); after ``pdf.load`` they are remembered while the page count stays, and equal
    what pydyf builds."""
    import pydyf

    pdf.load()
    document = pydyf.PDF()
    for _ in range(3):
        document.add_page(pydyf.Dictionary({"Type": "/Page"}))
    first = document.page_references
    assert document.page_references is first and len(first) == 3
    document.add_page(pydyf.Dictionary({"Type": "/Page"}))
    assert len(document.page_references) == 4
    assert list(document.page_references) == [
        f"{number} 0 R".encode() for number in document.pages["Kids"][::3]
    ]
