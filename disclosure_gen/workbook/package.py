"""The xlsx package below the reader: open it (twice: cached values and formulas), read
only the schema's sheets, and find merged ranges, which read-only worksheets do not keep.

Any failure here means the file cannot be read as a workbook: ``WorkbookUnreadable`` (F005).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from defusedxml import ElementTree as DefusedET
from openpyxl import load_workbook

from disclosure_gen.validate.findings import WorkbookUnreadable
from disclosure_gen.workbook import codes
from disclosure_gen.workbook.schema import SHEETS

MAX_ROWS = 5000
MAX_COLUMNS = 40


@dataclass
class SheetData:
    values: list[tuple[Any, ...]]
    formulas: list[tuple[Any, ...]]
    merged: list[str]
    overflow: bool = False  # a row past MAX_ROWS holds content (not just formatting)


def load_sheets(path: Path) -> dict[str, SheetData]:
    """Values, formulas and merged ranges of the schema's sheets; any failure is F005."""
    try:
        values_wb = load_workbook(path, read_only=True, data_only=True)
        formulas_wb = load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a broken package
        raise _corrupt(path, exc) from exc
    wanted = {spec.name for spec in SHEETS}
    out: dict[str, SheetData] = {}
    try:
        scanned = _scan_parts(path)
        for name in (n for n in values_wb.sheetnames if n in wanted):  # others are never read
            merged, overflow = scanned.get(name, ([], False))
            out[name] = SheetData(
                _rows(values_wb[name]), _rows(formulas_wb[name]), merged, overflow
            )
    except Exception as exc:
        raise _corrupt(path, exc) from exc
    finally:
        values_wb.close()
        formulas_wb.close()
    return out


def _corrupt(path: Path, exc: Exception) -> WorkbookUnreadable:
    return WorkbookUnreadable(
        codes.CORRUPT.finding(
            f"{path.name} 无法作为 Excel 工作簿读取（{type(exc).__name__}）；请在 Excel/WPS 中打开并重新保存为 .xlsx。"
        )
    )


def _rows(ws: Any) -> list[tuple[Any, ...]]:
    """The first MAX_ROWS rows (the sheet's own dimension record is ignored: a stale one
    would hide rows)."""
    ws.reset_dimensions()
    rows: list[tuple[Any, ...]] = []
    for row in ws.iter_rows(max_col=MAX_COLUMNS, values_only=True):
        if len(rows) >= MAX_ROWS:
            break
        rows.append(tuple(row))
    return rows


MERGE_RE = re.compile(r'<mergeCell ref="([A-Z]+\d+:[A-Z]+\d+)"')
ROW_RE = re.compile(r'<row r="(\d+)"')
CONTENT_RE = re.compile(r"<v>|<v |<is>|<f>|<f ")
NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
NS_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → its part in the package, from workbook.xml and its relationships.

    Excel keeps a sheet's file name when sheets are reordered, so the n-th sheet is not
    necessarily ``sheet{n}.xml``.
    """
    workbook = DefusedET.fromstring(zf.read("xl/workbook.xml"))
    rels = DefusedET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(f"{NS_PKG}Relationship")}
    parts = {}
    for sheet in workbook.iter(f"{NS_MAIN}sheet"):
        target = targets.get(sheet.get(f"{NS_REL}id"), "")
        part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        parts[sheet.get("name", "")] = part
    return parts


def _scan_parts(path: Path) -> dict[str, tuple[list[str], bool]]:
    """Per schema sheet, from its XML: merged ranges (read-only worksheets do not keep
    them) and whether a row past MAX_ROWS holds a value or formula.

    Formatting applied down a column leaves empty rows that must not block a workbook;
    content past the limit must. A text search finds it in milliseconds where iterating a
    million rows through openpyxl takes seconds (the package size checks bound the text).
    """
    wanted = {spec.name for spec in SHEETS}
    out: dict[str, tuple[list[str], bool]] = {}
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        for name, part in sheet_parts(zf).items():
            if name in wanted and part in names:
                text = zf.read(part).decode("utf-8", errors="replace")
                out[name] = (MERGE_RE.findall(text), _content_after_limit(text))
    return out


def _content_after_limit(text: str) -> bool:
    for match in ROW_RE.finditer(text):  # rows are in order; stops within MAX_ROWS matches
        if int(match.group(1)) > MAX_ROWS:
            return CONTENT_RE.search(text, match.start()) is not None
    return False
