"""Write the blank, self-explaining workbook that ``disclosure-gen init`` produces.

Everything comes from the kind's ``WorkbookSchema``: sheet names, headers, dropdowns (lists
on a hidden sheet 代码表, filled from the year's catalogs), frozen headers, hints as header
comments, and an instructions sheet that describes every sheet and field.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from disclosure_gen.workbook.schema import (
    INSTRUCTIONS_SHEET,
    LISTS_SHEET,
    PROFILE_SHEET,
    Sheet,
    WorkbookSchema,
)
from disclosure_gen.zipfix import normalise_zip

HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
LABEL_FILL = PatternFill("solid", fgColor="F2F2F2")
BOLD = Font(bold=True)
FIXED_DATE = dt.datetime(2000, 1, 1)
DATA_ROWS = 1000


def build_blank_workbook(
    schema: WorkbookSchema,
    year: int,
    level: str,
    rows: dict[str, Sequence[Sequence[Any]]] | None = None,
    form_values: dict[str, dict[str, Any]] | None = None,
) -> bytes:
    """The xlsx bytes of ``schema``'s workbook for ``year`` and ``level`` (单位 or 部门).

    ``rows`` and ``form_values`` pre-fill sheets (by schema key); tests and examples use them
    to build filled workbooks through the very code that writes the blank one.
    """
    lists = {**{k: list(v) for k, v in schema.choices.items()}, **schema.year_lists(year)}
    wb = Workbook()
    wb.remove(wb.worksheets[0])
    _instructions(wb.create_sheet(INSTRUCTIONS_SHEET), schema, year)
    list_refs = _lists_sheet(wb, lists)
    defaults = {"year": year, "level": level}
    for spec in schema.sheets:
        ws = wb.create_sheet(spec.name)
        values = dict((form_values or {}).get(spec.key, {}))
        if spec.name == PROFILE_SHEET:
            values = {**defaults, **values}
        if spec.kind == "form":
            _form(ws, spec, list_refs, values)
        else:
            default_rows = schema.prefilled.get(spec.key, ())
            _table(ws, spec, list_refs, (rows or {}).get(spec.key, default_rows))
    wb.move_sheet(LISTS_SHEET, offset=len(wb.sheetnames))
    wb.properties.creator = "disclosure-gen"
    wb.properties.created = FIXED_DATE
    wb.properties.modified = FIXED_DATE
    buffer = io.BytesIO()
    wb.save(buffer)
    return normalise_zip(buffer.getvalue())


def _set(ws: Worksheet, row: int, col: int, value: Any) -> None:
    """Write a value; text that starts with “=” (such as “=100%”) stays text, not a formula."""
    cell = ws.cell(row, col, value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"


def _lists_sheet(wb: Workbook, lists: dict[str, list[str]]) -> dict[str, str]:
    ws = wb.create_sheet(LISTS_SHEET)
    refs = {}
    for col, (name, values) in enumerate(lists.items(), start=1):
        letter = get_column_letter(col)
        ws.cell(1, col, name).font = BOLD
        for row, value in enumerate(values, start=2):
            ws.cell(row, col, value)
        refs[name] = f"'{LISTS_SHEET}'!${letter}$2:${letter}${len(values) + 1}"
    ws.sheet_state = "hidden"
    return refs


# Code columns whose list is the tool's catalog, which is not the complete official one: a
# code typed with its name (“2120801 征地和拆迁补偿支出”) is accepted by the validator (C011,
# C012), so Excel only warns there instead of refusing the entry.
OPEN_LISTS = frozenset({"function_items", "economic_items"})


def _validation(ws: Worksheet, ref: str, cells: str, label: str, open_list: bool = False) -> None:
    dv = DataValidation(type="list", formula1=ref, allow_blank=True)
    if open_list:
        dv.errorStyle = "warning"
        dv.error = f"“{label}”不在内置目录中；如确为当年科目，请写成“编码 名称”，检查时会提示核对。"
    else:
        dv.error = f"请从下拉列表中选择“{label}”"
    dv.errorTitle = "不在可选范围"
    dv.showErrorMessage = True
    dv.add(cells)
    ws.add_data_validation(dv)


def _form(ws: Worksheet, spec: Sheet, refs: dict[str, str], values: dict[str, Any]) -> None:
    ws.column_dimensions["A"].width = 36
    ws.column_dimensions["B"].width = 60
    ws.column_dimensions["C"].width = 50
    for row, f in enumerate(spec.fields, start=1):
        label = ws.cell(row, 1, f.label)
        label.fill = LABEL_FILL
        label.font = BOLD if f.required else Font()
        value = values.get(f.key, f.default)
        if value is not None:
            _set(ws, row, 2, value)
        ws.cell(row, 2).alignment = Alignment(wrap_text=True, vertical="top")
        ws.cell(row, 3, ("必填。" if f.required else "选填。") + f.hint).font = Font(color="808080")
        if f.choices in refs:
            _validation(ws, refs[f.choices], f"B{row}", f.label, f.choices in OPEN_LISTS)
    ws.freeze_panes = "B1"


def _table(ws: Worksheet, spec: Sheet, refs: dict[str, str], rows: Sequence[Sequence[Any]]) -> None:
    for col, f in enumerate(spec.fields, start=1):
        cell = ws.cell(1, col, f.label)
        cell.fill = HEADER_FILL
        cell.font = BOLD
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        hint = ("必填。" if f.required else "选填。") + f.hint
        cell.comment = Comment(hint, "disclosure-gen")
        ws.column_dimensions[get_column_letter(col)].width = f.width
        if f.choices in refs:
            letter = get_column_letter(col)
            cells = f"{letter}2:{letter}{DATA_ROWS}"
            _validation(ws, refs[f.choices], cells, f.label, f.choices in OPEN_LISTS)
    for row_no, row in enumerate(rows, start=2):
        for col, value in enumerate(row, start=1):
            if value is not None and value != "":
                _set(ws, row_no, col, value)
    ws.freeze_panes = "A2"


def _instructions(ws: Worksheet, schema: WorkbookSchema, year: int) -> None:
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 100
    lines: list[tuple[str, str]] = [
        (
            "disclosure-gen 工作簿",
            f"{year} 年{schema.title}数据填报工作簿。填好后运行：disclosure-gen validate 本文件，"
            "再运行 disclosure-gen generate 本文件 -o 输出目录。",
        ),
        (
            "总原则",
            "每个数据只填一次：所有公开表、合计、占比、增减额和增减率都由工具计算，不要填写合计行。"
            "金额一律以“元”填写，公开文件中以“万元”显示（每笔支出先四舍五入到 0.01 万元再相加，保证表内合计与明细一致）。",
        ),
        (
            "",
            "灰色说明列与表头批注说明了每一项怎么填；带下拉箭头的单元格请从列表中选择。不要删除、改名或调换工作表。",
        ),
    ]
    for spec in schema.sheets:
        lines.append((spec.name, spec.purpose))
        for f in spec.fields:
            lines.append(("", f"· {f.label}：{'必填' if f.required else '选填'}。{f.hint}"))
        for example in spec.example:
            lines.append(("", "示例：" + " | ".join(str(v) for v in example if v != "")))
    for row, (a, b) in enumerate(lines, start=1):
        ws.cell(row, 1, a).font = BOLD
        ws.cell(row, 2, b).alignment = Alignment(wrap_text=True, vertical="top")
