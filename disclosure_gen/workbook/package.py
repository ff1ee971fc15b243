"""The xlsx package below the reader: open it (twice: cached values and formulas), read
only the sheets asked for, and find merged ranges, which read-only worksheets do not keep.

The formulas are read only from sheets whose XML holds a formula: elsewhere they are the
values, and reading each sheet a second time through openpyxl was a third of the reading
(blank and filled-in workbooks hold none; the formulas workbook is opened on first need).

Any failure here means the file cannot be read as a workbook: ``WorkbookUnreadable`` (F005).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from defusedxml import ElementTree as DefusedET
from openpyxl import load_workbook

from disclosure_gen.findings import WorkbookUnreadable
from disclosure_gen.workbook import codes

MAX_ROWS = 5000
MAX_COLUMNS = 40


@dataclass
class SheetData:
    values: list[tuple[Any, ...]]
    formulas: list[tuple[Any, ...]]
    merged: list[str]
    overflow: bool = False  # a row past MAX_ROWS holds content (not just formatting)
    hidden_rows: frozenset[int] = frozenset()  # 1-based numbers of rows Excel does not show
    hidden_columns: frozenset[int] = frozenset()  # 1-based column numbers
    state: str = "visible"  # the sheet's own state: visible, hidden or veryHidden


class Package:
    """An open workbook package whose sheets are read on demand, by name.

    The reader reads 基本信息 first to learn the document kind, then only the kind's
    sheets; other sheets are never read.  Any failure is F005 (``WorkbookUnreadable``).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._values = load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a broken package
            raise _corrupt(path, exc) from exc
        try:  # the sheet index is read once, not once per sheet
            self._zip = zipfile.ZipFile(path)
            self._parts = sheet_parts(self._zip)
            self._states = sheet_states(self._zip)
            self._names = set(self._zip.namelist())
        except Exception as exc:
            self._values.close()
            raise _corrupt(path, exc) from exc
        self._formulas: Any | None = None

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *_: object) -> None:
        self._values.close()
        if self._formulas is not None:
            self._formulas.close()
        self._zip.close()

    def _formula_sheet(self, name: str) -> Any:
        if self._formulas is None:
            self._formulas = load_workbook(self.path, read_only=True, data_only=False)
        return self._formulas[name]

    def sheet_names(self) -> set[str]:
        return set(self._values.sheetnames)

    def sheet(self, name: str) -> SheetData | None:
        """Values, formulas and merged ranges of sheet ``name``; None if there is none."""
        if name not in self._values.sheetnames:
            return None
        try:
            scan = self._scan(name)
            values = _rows(self._values[name])
            return SheetData(
                values,
                _rows(self._formula_sheet(name)) if scan.formulas else list(values),
                scan.merged,
                scan.overflow,
                scan.hidden_rows,
                scan.hidden_columns,
                scan.state,
            )
        except Exception as exc:
            raise _corrupt(self.path, exc) from exc

    def _scan(self, name: str) -> PartScan:
        state = self._states.get(name, "visible")
        part = self._parts.get(name)
        if part is None or part not in self._names:
            return PartScan([], False, frozenset(), frozenset(), state)
        return _scan_text(self._zip.read(part).decode("utf-8", errors="replace"), state)


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


# The sheet XML is searched as text, so these patterns accept what any writer may spell
# differently from Excel: a namespace prefix on every element (<x:row>), attributes in any
# order and either quote, lower-case cell references, and rows without an ``r`` number.
_PREFIX = r"(?:[A-Za-z_][\w.-]*:)?"
MERGE_RE = re.compile(
    rf"<{_PREFIX}mergeCell\b[^>]*?\sref\s*=\s*[\"']([A-Za-z]+\d+:[A-Za-z]+\d+)[\"']"
)
ROW_RE = re.compile(rf"<{_PREFIX}row\b([^>]*)>")
ROW_NUMBER_RE = re.compile(r"(?:^|\s)r\s*=\s*[\"'](\d+)[\"']")
CONTENT_RE = re.compile(rf"<{_PREFIX}(?:v|is|f)\b")
FORMULA_RE = re.compile(rf"<{_PREFIX}f\b")
SHEET_DATA_END_RE = re.compile(rf"</{_PREFIX}sheetData\s*>")
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
        parts[sheet.get("name", "")] = posixpath.normpath(part)
    return parts


def sheet_states(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → visible, hidden or veryHidden (workbook.xml; read-only mode loses it)."""
    workbook = DefusedET.fromstring(zf.read("xl/workbook.xml"))
    return {
        sheet.get("name", ""): sheet.get("state", "visible")
        for sheet in workbook.iter(f"{NS_MAIN}sheet")
    }


@dataclass(frozen=True)
class PartScan:
    merged: list[str]
    overflow: bool
    hidden_rows: frozenset[int]
    hidden_columns: frozenset[int]
    state: str
    formulas: bool = True  # whether a cell may hold a formula (False: none in the XML)


def _scan_text(text: str, state: str) -> PartScan:
    """From sheet ``name``'s XML: its merged ranges, hidden rows and columns (read-only
    worksheets keep none of them), its state, and whether a row past MAX_ROWS holds a
    value or formula.

    Formatting applied down a column leaves empty rows that must not block a workbook;
    content past the limit must. A text search finds it in milliseconds where iterating a
    million rows through openpyxl takes seconds (the package size checks bound the text).
    """
    return PartScan(
        [ref.upper() for ref in MERGE_RE.findall(text)],
        _content_after_limit(text),
        _hidden_rows(text),
        _hidden_columns(text),
        state,
        FORMULA_RE.search(text) is not None,
    )


HIDDEN_RE = re.compile(r"(?:^|\s)hidden\s*=\s*[\"'](?:1|true)[\"']")
HEIGHT_RE = re.compile(r"(?:^|\s)ht\s*=\s*[\"']([0-9.]+)[\"']")
WIDTH_RE = re.compile(r"(?:^|\s)width\s*=\s*[\"']([0-9.]+)[\"']")
COL_RE = re.compile(rf"<{_PREFIX}col\b([^>]*)>")
MIN_RE = re.compile(r"(?:^|\s)min\s*=\s*[\"'](\d+)[\"']")
MAX_RE = re.compile(r"(?:^|\s)max\s*=\s*[\"'](\d+)[\"']")
UNSEEN = 2.0  # points (rows) or characters (columns): narrower than this is not seen


def _unseen(attributes: str, size: re.Pattern[str]) -> bool:
    """Hidden, or given a height or width too small to see (an attacker's other hiding)."""
    if HIDDEN_RE.search(attributes):
        return True
    match = size.search(attributes)
    return match is not None and float(match.group(1)) < UNSEEN


def _hidden_rows(text: str) -> frozenset[int]:
    """Numbers of the rows (up to MAX_ROWS) that are hidden or too low to see."""
    end = SHEET_DATA_END_RE.search(text)
    stop = end.start() if end else len(text)
    number = 0
    hidden = set()
    for match in ROW_RE.finditer(text, 0, stop):
        explicit = ROW_NUMBER_RE.search(match.group(1))
        number = int(explicit.group(1)) if explicit else number + 1
        if number > MAX_ROWS:
            break
        if _unseen(match.group(1), HEIGHT_RE):
            hidden.add(number)
    return frozenset(hidden)


def _hidden_columns(text: str) -> frozenset[int]:
    """Numbers of the columns (up to MAX_COLUMNS) that are hidden or too narrow to see."""
    hidden: set[int] = set()
    for match in COL_RE.finditer(text):
        attributes = match.group(1)
        low, high = MIN_RE.search(attributes), MAX_RE.search(attributes)
        if low is None or not _unseen(attributes, WIDTH_RE):
            continue
        first = int(low.group(1))
        last = min(int(high.group(1)) if high else first, MAX_COLUMNS)
        hidden.update(range(first, last + 1))
    return frozenset(hidden)


def _content_after_limit(text: str) -> bool:
    """Whether a row numbered above MAX_ROWS holds a value, inline string or formula.

    A row without ``r`` follows the one before it (as the standard says); rows are in
    order, so the search stops within MAX_ROWS + 1 row tags.
    """
    end = SHEET_DATA_END_RE.search(text)
    stop = end.start() if end else len(text)
    number = 0
    for match in ROW_RE.finditer(text, 0, stop):
        explicit = ROW_NUMBER_RE.search(match.group(1))
        number = int(explicit.group(1)) if explicit else number + 1
        if number > MAX_ROWS:
            return CONTENT_RE.search(text, match.start(), stop) is not None
    return False
