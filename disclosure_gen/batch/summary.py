"""What a batch reports: OUT/summary.json, OUT/summary.csv and the table on the screen.

Rows are in the order of the workbooks' labels (as the sources sort them), so two runs
over the same inputs give the same files except for the seconds. Output paths are given
relative to OUT where they lie inside it. The CSV starts with a byte-order mark so that
Excel opens its Chinese text correctly.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.table import Table
from rich.text import Text

from disclosure_gen import atomic
from disclosure_gen.batch.task import Result

CSV_COLUMNS = ("unit", "workbook", "status", "errors", "warnings", "outputs", "seconds", "reason")


def rows(results: Sequence[Result], out: Path) -> list[dict[str, Any]]:
    return [
        {
            "unit": r.unit,
            "workbook": r.workbook,
            "status": r.status,
            "reason": r.reason,
            "errors": r.errors,
            "warnings": r.warnings,
            "infos": r.infos,
            "outputs": [_shown(Path(p), out) for p in r.outputs],
            "seconds": r.seconds,
            "findings": list(r.findings),
        }
        for r in results
    ]


def write(results: Sequence[Result], out: Path, seconds: float) -> tuple[Path, Path]:
    """Write both summaries atomically; return their paths."""
    table = rows(results, out)
    failed = sum(not r.ok for r in results)
    document = {
        "total": len(results),
        "ok": len(results) - failed,
        "failed": failed,
        "seconds": round(seconds, 3),
        "workbooks": table,
    }
    json_path, csv_path = out / "summary.json", out / "summary.csv"
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    atomic.write_bytes(json_path, text.encode("utf-8"))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in table:
        writer.writerow([";".join(row[c]) if c == "outputs" else row[c] for c in CSV_COLUMNS])
    atomic.write_bytes(csv_path, buffer.getvalue().encode("utf-8-sig"))
    return json_path, csv_path


def _shown(path: Path, out: Path) -> str:
    try:
        return path.relative_to(out.absolute()).as_posix()
    except ValueError:
        return os.fspath(path)


def table(results: Sequence[Result]) -> Table:
    """The summary table for the screen (rich), one row per workbook; the reasons of the
    failed ones follow it (``reasons``), where they have the whole width."""
    grid = Table(title="批量生成结果")
    grid.add_column("单位", overflow="fold")
    grid.add_column("工作簿", overflow="fold")
    grid.add_column("结果", justify="center", no_wrap=True)
    for name in ("错误", "警告", "文件", "秒"):
        grid.add_column(name, justify="right", no_wrap=True)
    for r in results:
        grid.add_row(
            Text(r.unit),
            Text(r.workbook),
            Text("成功", style="green") if r.ok else Text("失败", style="bold red"),
            str(r.errors),
            str(r.warnings),
            str(len(r.outputs)),
            f"{r.seconds:.1f}",
        )
    return grid


def reasons(results: Sequence[Result]) -> list[str]:
    """One line per failed workbook: its label and why it failed."""
    return [f"失败 {r.workbook}：{r.reason}" for r in results if not r.ok]
