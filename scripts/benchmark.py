"""Time validate and generate on the largest example workbook and print medians.

    .venv/bin/python scripts/benchmark.py [--runs 5]

A benchmark, not a test: it prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from disclosure_gen.pipeline import check, render, render_checked, write

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def largest_example() -> Path:
    return max(EXAMPLES.glob("*/*.xlsx"), key=lambda p: p.stat().st_size)


def timed(fn: object, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        out.append(time.perf_counter() - start)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
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


if __name__ == "__main__":
    main()
