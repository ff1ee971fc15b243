"""Time validate and generate on the largest example workbook and print medians, then
the batch throughput: N copies of the unit example, each with its own unit name, through
``disclosure-gen batch``'s machinery with its default --jobs (the CPU count).

    .venv/bin/python scripts/benchmark.py [--runs 5] [--batch 8]

A benchmark, not a test: it prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from openpyxl import load_workbook

from disclosure_gen.batch.local import run_local
from disclosure_gen.batch.sources import jobs_from
from disclosure_gen.batch.task import Options
from disclosure_gen.cli import _cpu_count
from disclosure_gen.pipeline import check, render, render_checked, write

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
UNIT_EXAMPLE = EXAMPLES / "unit-budget-2024" / "workbook.xlsx"


def largest_example() -> Path:
    return max(EXAMPLES.glob("*/*.xlsx"), key=lambda p: p.stat().st_size)


def timed(fn: object, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        out.append(time.perf_counter() - start)
    return out


def unit_copies(folder: Path, count: int) -> None:
    """``count`` copies of the unit example, each with a different 单位名称."""
    for i in range(count):
        wb = load_workbook(UNIT_EXAMPLE)
        sheet = wb["基本信息"]
        cell = next(row[1] for row in sheet.iter_rows(max_col=2) if row[0].value == "单位名称")
        cell.value = f"{cell.value}第{i + 1:03d}分中心"
        wb.save(folder / f"unit{i + 1:03d}.xlsx")


def batch_throughput(count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source, out = Path(tmp) / "in", Path(tmp) / "out"
        source.mkdir()
        unit_copies(source, count)
        jobs = jobs_from(source, out)
        load = os.getloadavg()[0]
        workers = min(_cpu_count(), len(jobs))
        start = time.perf_counter()
        results = run_local(jobs, Options(), workers)
        seconds = time.perf_counter() - start
    failed = sum(not r.ok for r in results)
    print(
        f"batch: {count} copies of {UNIT_EXAMPLE.relative_to(EXAMPLES.parent)} (DOCX + PDF), "
        f"--jobs {workers}: {seconds:.2f} s, {seconds / count:.2f} s per workbook"
        + (f", {failed} FAILED" if failed else "")
        + f" (load average {load:.1f} before)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--batch", type=int, default=8, help="workbooks in the batch (0: skip)")
    args = parser.parse_args()
    workbook = largest_example()
    checked = check(workbook)
    assert checked.kind is not None and checked.model is not None
    kind, model = checked.kind, checked.model
    with tempfile.TemporaryDirectory() as tmp:
        figures = {
            "validate (read + rules)": timed(lambda: check(workbook), args.runs),
            "render DOCX only": timed(lambda: render(kind, model, pdf=False), args.runs),
            "generate (validate + DOCX + PDF + write)": timed(
                lambda: write(render_checked(check(workbook)), Path(tmp)),
                args.runs,
            ),
        }
    print(
        f"workbook: {workbook.relative_to(EXAMPLES.parent)} ({workbook.stat().st_size // 1024} KiB), runs: {args.runs}"
    )
    for name, values in figures.items():
        print(
            f"  {name:<42} median {statistics.median(values):6.2f} s  (min {min(values):.2f}, max {max(values):.2f})"
        )
    if args.batch > 0:
        batch_throughput(args.batch)


if __name__ == "__main__":
    main()
