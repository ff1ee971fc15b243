"""Write an annotated copy of a workbook: a comment and a fill on each offending cell, and
a sheet listing every finding.  The input file is never modified."""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils.cell import coordinate_to_tuple
from openpyxl.worksheet.worksheet import Worksheet

from disclosure_gen import atomic
from disclosure_gen.findings import Finding, Severity

FILLS = {
    Severity.ERROR: PatternFill("solid", fgColor="FFC7CE"),
    Severity.WARNING: PatternFill("solid", fgColor="FFEB9C"),
    Severity.INFO: PatternFill("solid", fgColor="DDEBF7"),
}
SHEET = "校验结果"


def _writable(ws: Worksheet, ref: str) -> Cell:
    """The cell to annotate: for a cell inside a merged range, its top-left cell (the other
    cells of a merged range cannot hold a comment or a fill)."""
    row, col = coordinate_to_tuple(ref)
    for merged in ws.merged_cells.ranges:
        if ref in merged:
            row, col = merged.min_row, merged.min_col
    cell = ws.cell(row, col)
    assert isinstance(cell, Cell)  # a top-left or unmerged cell is never a MergedCell
    return cell


def annotate(source: Path, target: Path, findings: list[Finding]) -> None:
    if target.resolve() == source.resolve():
        raise ValueError("批注副本不能覆盖输入工作簿，请换一个文件名。")
    wb = load_workbook(source)
    by_cell: dict[tuple[str, str], list[Finding]] = {}
    for f in findings:
        if f.sheet in wb.sheetnames and f.cell:
            by_cell.setdefault((f.sheet, f.cell), []).append(f)
    for (sheet, cell), items in by_cell.items():
        target_cell = _writable(wb[sheet], cell)
        text = "\n".join(f"[{f.severity.label} {f.code}] {f.message}" for f in items)
        target_cell.comment = Comment(text, "disclosure-gen", width=360, height=160)
        worst = min(items, key=lambda f: list(Severity).index(f.severity)).severity
        target_cell.fill = FILLS[worst]
    if SHEET in wb.sheetnames:
        del wb[SHEET]
    ws = wb.create_sheet(SHEET, 0)
    ws.append(["级别", "代码", "工作表", "单元格", "说明"])
    for c in ws[1]:
        c.font = Font(bold=True)
    for f in findings:
        ws.append([f.severity.label, f.code, f.sheet or "", f.cell or "", f.message])
    for letter, width in zip("ABCDE", (8, 8, 14, 10, 100), strict=True):
        ws.column_dimensions[letter].width = width
    buffer = io.BytesIO()
    wb.save(buffer)
    atomic.write_bytes(target, buffer.getvalue())
