"""Time validate and generate on every example workbook, beside LibreOffice converting our
own DOCX to PDF, and print medians and peak memory; then the batch throughput: N copies of
the unit example, each with its own unit name, through ``disclosure-gen batch`` with its
default --jobs (the CPU count), in seconds per workbook.

    .venv/bin/python scripts/benchmark.py [--runs 5] [--batch 8]

A benchmark, not a test: it prints figures and asserts nothing.  Each figure is a whole
process (the command a user runs), timed from outside with the kernel's own accounting of
the child (wall seconds, peak resident memory), so start-up and imports count as they do
for a finance officer.  Our DOCX → PDF and LibreOffice's conversion of the same DOCX run in
turn (ours, LibreOffice, ours, …), and the ratio is taken pair by pair, so a machine whose
speed drifts (other work on it) still gives a fair comparison; the load average is printed
beside the figures for that reason.  The package's bytecode is compiled first, as pip does
when it installs the tool, so no run pays for compiling source (PYTHONDONTWRITEBYTECODE
would otherwise make every run compile it again).

The issue's targets are printed beside the figures they apply to (the unit example; a
40–60 page document); the department example is one of 44 pages.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
UNIT_EXAMPLE = EXAMPLES / "unit-budget-2024" / "workbook.xlsx"
UNIT_TARGET = "target ≤ 1.5 s"
MIDSIZE_TARGET = "target ≤ 3 s, ≤ 300 MB, faster than LibreOffice"


def run(argv: Sequence[str]) -> tuple[float, int]:
    """Wall seconds and peak resident memory (KiB) of one run of ``argv``."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        print(f"  (exit {os.waitstatus_to_exitcode(status)}: {' '.join(argv)})")
    return wall, usage.ru_maxrss


def report(name: str, results: Sequence[tuple[float, int]], note: str = "") -> float:
    """Print one figure's median, spread and peak memory; return the median."""
    walls = [w for w, _ in results]
    peak = max(m for _, m in results)
    median = statistics.median(walls)
    print(
        f"  {name:<44} median {median:6.2f} s"
        f"  (min {min(walls):.2f}, max {max(walls):.2f})  peak {peak / 1024:6.0f} MB"
        + (f"  [{note}]" if note else "")
    )
    return median


def measure(name: str, argv: Sequence[str], runs: int, note: str = "") -> float:
    run(argv)  # warm-up: page cache, font cache
    return report(name, [run(argv) for _ in range(runs)], note)


def measure_pair(
    name: str, argv: Sequence[str], other_name: str, other: Sequence[str], runs: int, note: str
) -> None:
    """``argv`` and ``other`` in turn, each figure's median, and the median of the ratios of
    each pair (robust when the machine's speed drifts during the runs)."""
    run(argv)
    run(other)
    ours: list[tuple[float, int]] = []
    theirs: list[tuple[float, int]] = []
    for _ in range(runs):
        ours.append(run(argv))
        theirs.append(run(other))
    report(name, ours, note)
    report(other_name, theirs)
    ratio = statistics.median(a / b for (a, _), (b, _) in zip(ours, theirs, strict=True))
    print(f"  {'ours / LibreOffice, pair by pair':<44} median {ratio:6.2f}×")


def pages(pdf: Path) -> int | None:
    """The PDF's page count (pypdf comes with the dev extras; None without it)."""
    try:
        from pypdf import PdfReader
    except ImportError:
        return None
    return len(PdfReader(pdf).pages)


def unit_copies(folder: Path, count: int) -> None:
    """``count`` copies of the unit example, each with a different 单位名称."""
    for i in range(count):
        wb = load_workbook(UNIT_EXAMPLE)
        sheet = wb["基本信息"]
        cell = next(row[1] for row in sheet.iter_rows(max_col=2) if row[0].value == "单位名称")
        cell.value = f"{cell.value}第{i + 1:03d}分中心"
        wb.save(folder / f"unit{i + 1:03d}.xlsx")


def batch_throughput(cli: Sequence[str], count: int, tmp: Path) -> None:
    """One run of ``batch`` over ``count`` unit workbooks (DOCX + PDF), default --jobs."""
    source = tmp / "batch-in"
    source.mkdir()
    unit_copies(source, count)
    load = os.getloadavg()[0]
    wall, _ = run([*cli, "batch", str(source), "-o", str(tmp / "batch-out")])
    jobs = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(
        f"batch: {count} copies of {UNIT_EXAMPLE.relative_to(ROOT)} (DOCX + PDF), "
        f"--jobs {jobs} (default)"
    )
    print(
        f"  {'batch (validate + DOCX + PDF, all)':<44} {wall:6.2f} s, {wall / count:.2f} s per workbook"
        f"  (load average {load:.1f} before)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--batch", type=int, default=8, help="workbooks in the batch (0: skip)")
    args = parser.parse_args()
    compileall.compile_dir(ROOT / "disclosure_gen", quiet=1)
    cli = [sys.executable, "-m", "disclosure_gen"]
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    with tempfile.TemporaryDirectory() as tmp:
        for workbook in sorted(EXAMPLES.glob("*/workbook.xlsx")):
            out = Path(tmp) / workbook.parent.name
            generate = [*cli, "generate", str(workbook), "-o", str(out)]
            run(generate)  # the PDF's page count says which target applies
            count = pages(next(out.glob("*.pdf")))
            note = (
                UNIT_TARGET
                if workbook == UNIT_EXAMPLE
                else MIDSIZE_TARGET
                if count is not None and 40 <= count <= 60
                else ""
            )
            print(
                f"{workbook.relative_to(ROOT)} ({workbook.stat().st_size // 1024} KiB, "
                f"{count if count is not None else '?'} pages), runs: {args.runs}, "
                f"load average {os.getloadavg()[0]:.1f} before"
            )
            measure("validate", [*cli, "validate", str(workbook)], args.runs)
            measure(
                "generate DOCX only",
                [*cli, "generate", str(workbook), "-o", str(out), "--no-pdf"],
                args.runs,
            )
            docx = next(out.glob("*.docx"))
            if not soffice:
                measure("generate DOCX + PDF (validate included)", generate, args.runs, note)
                print(
                    "  LibreOffice: not installed (apt-get install libreoffice-writer-nogui), not compared"
                )
                continue
            # a fresh LibreOffice profile, as on a new machine; the DOCX is copied so that
            # generate rewriting it in turn cannot race the conversion
            profile = Path(tmp) / "lo-profile"
            source = Path(tmp) / "lo-in" / docx.name
            source.parent.mkdir(exist_ok=True)
            shutil.copyfile(docx, source)
            measure_pair(
                "generate DOCX + PDF (validate included)",
                generate,
                "LibreOffice: our DOCX → PDF",
                [
                    soffice,
                    f"-env:UserInstallation=file://{profile}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(Path(tmp) / "lo"),
                    str(source),
                ],
                args.runs,
                note,
            )
            shutil.rmtree(profile, ignore_errors=True)
        if args.batch > 0:
            batch_throughput(cli, args.batch, Path(tmp))


if __name__ == "__main__":
    main()
