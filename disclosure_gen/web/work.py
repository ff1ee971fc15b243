"""What the worker processes run: the CLI's pipeline calls on a job's folder.

Each function takes the job folder, does one thing with ``input.xlsx`` in it and returns a
plain dict (it crosses a process boundary).  A per-call time limit is enforced inside the
worker with an interval timer, so a slow workbook ends with a message instead of holding a
worker for ever; the server also waits only a little longer than that (``jobs``).
"""

from __future__ import annotations

import datetime as dt
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from disclosure_gen import atomic
from disclosure_gen.findings import Finding, Severity, WorkbookUnreadable
from disclosure_gen.pipeline import check, render_checked, safe_filename
from disclosure_gen.validate.annotate import AnnotateError, annotate

INPUT = "input.xlsx"
ARTIFACTS = {"annotated": "annotated.xlsx", "docx": "document.docx", "pdf": "document.pdf"}
MAX_REGIONS = 300  # findings shown with their sheet region (V001 caps the list anyway)
ROWS_AROUND = 2
COLS_AROUND = 2
MAX_CELL_TEXT = 40
MAX_TITLE_TEXT = 500


class JobTimeout(BaseException):
    """A BaseException, so that no ``except Exception`` in the pipeline (the reader turns
    any openpyxl exception into a finding) mistakes the time limit for a damaged file."""


def warm() -> None:
    """Pool initializer: the imports above are done; nothing else to prepare."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise JobTimeout in this (main) thread after ``seconds``; elsewhere do nothing."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum: int, frame: Any) -> None:
        raise JobTimeout

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _guarded(timeout: float, action: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    try:
        with time_limit(timeout):
            return action()
    except JobTimeout:
        return {
            "ok": False,
            "message": f"处理超过 {timeout:g} 秒仍未完成，已停止。工作簿可能异常庞大；请删除多余内容后重新上传。",
        }


def _finding_dict(f: Finding, name: str) -> dict[str, Any]:
    """A finding for the page; messages that name the file name the user's file, not the
    job folder's ``input.xlsx``."""
    data = {**f.to_dict(), "label": f.severity.label, "location": f.location}
    data["message"] = f.message.replace(INPUT, name)
    return data


def inspect(job_dir: str, name: str, timeout: float) -> dict[str, Any]:
    """Validate the job's workbook (uploaded as ``name``): findings, their sheet regions
    and a summary."""
    return _guarded(timeout, lambda: _inspect(Path(job_dir), name))


def _inspect(folder: Path, name: str) -> dict[str, Any]:
    path = folder / INPUT
    try:
        checked = check(path)
    except WorkbookUnreadable as exc:
        return {"ok": True, "readable": False, "findings": [_finding_dict(exc.finding, name)]}
    order = {name: i for i, name in enumerate(checked.sheet_order)}
    findings = sorted(  # grouped by sheet in workbook order, as the CLI's report is
        checked.findings, key=lambda f: -1 if f.sheet is None else order.get(f.sheet, len(order))
    )
    profile = getattr(checked.model, "profile", None)
    return {
        "ok": True,
        "readable": True,
        "findings": [_finding_dict(f, name) for f in findings],
        "regions": regions(path, findings),
        "errors": sum(f.severity == Severity.ERROR for f in findings),
        "warnings": sum(f.severity == Severity.WARNING for f in findings),
        "infos": sum(f.severity == Severity.INFO for f in findings),
        "content_checked": checked.content_checked,
        "generatable": checked.ok(),
        "kind": checked.kind.label if checked.kind else None,
        "unit": getattr(profile, "name", None),
        "year": getattr(profile, "year", None),
    }


def build(job_dir: str, name: str, artifact: str, timeout: float) -> dict[str, Any]:
    """Write the annotated copy (``annotated``) or both documents (``documents``) into
    the job folder."""
    result = _guarded(timeout, lambda: _build(Path(job_dir), artifact))
    if "message" in result:
        result["message"] = str(result["message"]).replace(INPUT, name)
    return result


def _build(folder: Path, artifact: str) -> dict[str, Any]:
    path = folder / INPUT
    try:
        checked = check(path)
    except WorkbookUnreadable as exc:
        return {"ok": False, "message": exc.finding.message}
    if artifact == "annotated":
        try:
            annotate(path, folder / ARTIFACTS["annotated"], checked.findings)
        except AnnotateError as exc:
            return {"ok": False, "message": exc.finding.message}
        return {"ok": True}
    if not checked.ok():
        return {
            "ok": False,
            "message": "工作簿有错误，未生成文件；请按页面上的提示修改后重新上传。",
        }
    try:  # both at once, as generate does: the DOCX's 目录 takes its page numbers from the PDF
        documents = render_checked(checked, pdf=True)
    except Exception as exc:  # a template or font problem, as the CLI reports it
        return {"ok": False, "message": f"生成失败（{type(exc).__name__}: {str(exc)[:200]}）。"}
    assert documents.pdf is not None
    atomic.write_bytes(folder / ARTIFACTS["pdf"], documents.pdf)
    atomic.write_bytes(folder / ARTIFACTS["docx"], documents.docx)
    return {"ok": True, "stem": safe_filename(documents.stem)}


# --- the sheet region a finding points at -------------------------------------------------


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, float):
        return format(value, ".15g")
    return str(value)


def _position(cell: str) -> tuple[int, int] | None:
    from openpyxl.utils.cell import coordinate_to_tuple

    try:
        return coordinate_to_tuple(cell.split(":")[0].replace("$", ""))
    except (ValueError, TypeError):
        return None


def regions(path: Path, findings: list[Finding]) -> dict[str, dict[str, Any]]:
    """For each located finding, a few rows and columns around its cell, read with openpyxl
    in read-only mode (values as cached): ``{"sheet!cell": {"cols", "rows", "target"}}``.
    A region is a nicety: any problem reading it leaves it out."""
    wanted: dict[str, dict[str, tuple[int, int]]] = {}
    for f in findings[:MAX_REGIONS]:
        if f.sheet and f.cell and (pos := _position(f.cell)):
            wanted.setdefault(f.sheet, {})[f"{f.sheet}!{f.cell}"] = pos
    if not wanted:
        return {}
    try:
        return _read_regions(path, wanted)
    except Exception:
        return {}


def _read_regions(
    path: Path, wanted: dict[str, dict[str, tuple[int, int]]]
) -> dict[str, dict[str, Any]]:
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    out: dict[str, dict[str, Any]] = {}
    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        for sheet, cells in wanted.items():
            if sheet not in wb.sheetnames:
                continue
            needed: set[int] = {1}
            for row, _ in cells.values():
                needed.update(range(max(1, row - ROWS_AROUND), row + ROWS_AROUND + 1))
            max_col = max(col for _, col in cells.values()) + COLS_AROUND
            rows: dict[int, tuple[Any, ...]] = {}
            ws = wb[sheet]
            for number, values in enumerate(
                ws.iter_rows(min_row=1, max_row=max(needed), max_col=max_col, values_only=True),
                start=1,
            ):
                if number in needed:
                    rows[number] = tuple(values)
            for key, (row, col) in cells.items():
                first_col = max(1, col - COLS_AROUND)
                col_range = range(first_col, col + COLS_AROUND + 1)
                row_numbers = sorted({1, *range(max(1, row - ROWS_AROUND), row + ROWS_AROUND + 1)})
                shown = []
                previous = 0
                for n in row_numbers:
                    values = rows.get(n, ())
                    texts = [
                        _cell_text(values[c - 1]) if c - 1 < len(values) else "" for c in col_range
                    ]
                    shown.append(
                        {
                            "n": n,
                            "gap": n > previous + 1,
                            "cells": [
                                {
                                    "text": t[:MAX_CELL_TEXT]
                                    + ("…" if len(t) > MAX_CELL_TEXT else ""),
                                    "title": t[:MAX_TITLE_TEXT],
                                    "target": n == row and c == col,
                                }
                                for c, t in zip(col_range, texts, strict=True)
                            ],
                        }
                    )
                    previous = n
                out[key] = {
                    "cols": [get_column_letter(c) for c in col_range],
                    "rows": shown,
                    "target": [row, col],
                }
    finally:
        wb.close()
    return out
