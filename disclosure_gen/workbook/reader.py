"""Read a filled workbook into records, collecting every finding on the way.

The reader is driven by a kind's ``WorkbookSchema`` alone, so it reads exactly what
``init`` writes.  It reads 基本信息 first: its 公开类型 names the document kind, and only
that kind's sheets are read.  It never raises for bad content: each problem becomes a
located finding and the row or field is left out; only a file that cannot be opened at
all raises ``WorkbookUnreadable``.  Records are plain dicts (field key → typed value, plus
``sheet``, ``row`` and ``cells``); each kind builds its own model from them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from disclosure_gen.findings import Finding
from disclosure_gen.render.fonts import fonts_missing
from disclosure_gen.workbook import codes, safety
from disclosure_gen.workbook.cells import CellContext, Invalid, parse_cell
from disclosure_gen.workbook.package import MAX_ROWS, Package, SheetData
from disclosure_gen.workbook.schema import (
    DOCUMENT_LABEL,
    DOCUMENTS,
    PROFILE_SHEET,
    Field,
    FieldType,
    Sheet,
    WorkbookSchema,
)

DOCUMENT_FIELD = Field("document", DOCUMENT_LABEL, FieldType.CHOICE, True, "documents")


@dataclass
class ReadResult:
    """What the workbook says: its kind (None when it cannot be told or is not served),
    the records of the kind's sheets by sheet key, and all findings."""

    kind: str | None
    records: dict[str, Any] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)


def read_workbook(path: Path, schemas: Mapping[str, WorkbookSchema]) -> ReadResult:
    """Read ``path`` with the schema of the kind its 基本信息 names (``schemas``: the kinds
    this version serves); raise WorkbookUnreadable only if it cannot be opened at all.

    A workbook whose 公开类型 names one kind while its sheets are another kind's gets one
    finding at 公开类型 instead of a missing-sheet finding for every sheet."""
    safety.check_file(path)
    with Package(path) as package:
        profile = package.sheet(PROFILE_SHEET)
        findings: list[Finding] = []
        kind = _document_kind(profile, findings)
        schema = schemas.get(kind) if kind else None
        if kind and schema is None:
            findings.append(_unserved(kind, profile))
        if schema is None or profile is None:
            return ReadResult(None, {}, findings)
        other = _kind_of_sheets(package.sheet_names(), schemas, schema)
        if other is not None:
            findings.append(_wrong_kind(schema, other, profile))
            return ReadResult(None, {}, findings)
        records = _read_sheets(schema, package, profile, findings)
    if fonts_missing():  # one finding, not one per text cell (cells.py skips the check)
        findings.append(
            codes.NO_FONTS.finding(
                "本机没有找到任何字体（fontconfig 未列出字体），无法检查文字能否印出，PDF 也无法正常显示；"
                "请运行 make setup 安装字体，或安装中文字体（如 Noto Serif CJK SC）后再检查。"
            )
        )
    return ReadResult(kind, records, findings)


def _document_kind(profile: SheetData | None, findings: list[Finding]) -> str | None:
    """The kind 基本信息!公开类型 names, or None with the finding that says why not."""
    if profile is None:
        findings.append(_sheet_missing(PROFILE_SHEET))
        return None
    row_no = _form_labels(profile).get(DOCUMENT_LABEL)
    if row_no is None:
        findings.append(_label_missing(PROFILE_SHEET, DOCUMENT_LABEL))
        return None
    ctx = CellContext(PROFILE_SHEET, f"B{row_no}", DOCUMENT_LABEL)
    raw = _value(profile, row_no - 1, 1)
    try:
        if _formula_without_value(profile, row_no - 1, 1, raw, ctx):
            raise Invalid
        value = parse_cell(DOCUMENT_FIELD, raw, ctx, tuple(DOCUMENTS))
    except Invalid:
        value = None
    findings.extend(ctx.findings)
    return DOCUMENTS.get(str(value)) if value is not None else None


def _required_sheets(schema: WorkbookSchema) -> set[str]:
    return {s.name for s in schema.sheets if not s.optional}


def _kind_of_sheets(
    names: set[str], schemas: Mapping[str, WorkbookSchema], named: WorkbookSchema
) -> WorkbookSchema | None:
    """Another kind whose every sheet the workbook has, when the named kind's are missing."""
    if _required_sheets(named) <= names:
        return None
    return next(
        (s for s in schemas.values() if s is not named and _required_sheets(s) <= names), None
    )


def _wrong_kind(named: WorkbookSchema, actual: WorkbookSchema, profile: SheetData) -> Finding:
    row_no = _form_labels(profile).get(DOCUMENT_LABEL)
    return codes.WRONG_KIND.finding(
        f"“{DOCUMENT_LABEL}”选了“{named.title}”，但这是一个{actual.title}工作簿（工作表是{actual.title}的）；"
        f"请把“{DOCUMENT_LABEL}”改回“{actual.title}”，或用 disclosure-gen init --kind 生成{named.title}工作簿再填写。",
        PROFILE_SHEET,
        f"B{row_no}" if row_no else None,
    )


def _unserved(kind: str, profile: SheetData | None) -> Finding:
    shown = next(label for label, value in DOCUMENTS.items() if value == kind)
    row_no = _form_labels(profile).get(DOCUMENT_LABEL) if profile else None
    return codes.UNSERVED_KIND.finding(
        f"本版本还不能生成{shown}；请确认“{DOCUMENT_LABEL}”是否选错，或使用支持{shown}的新版本。",
        PROFILE_SHEET,
        f"B{row_no}" if row_no else None,
    )


def _read_sheets(
    schema: WorkbookSchema, package: Package, profile: SheetData, findings: list[Finding]
) -> dict[str, Any]:
    records: dict[str, Any] = {}
    for spec in schema.sheets:
        sheet_data = profile if spec.name == PROFILE_SHEET else package.sheet(spec.name)
        if sheet_data is None and spec.optional:
            continue
        if sheet_data is None:
            findings.append(_sheet_missing(spec.name))
            continue
        findings.extend(_merged_findings(spec, sheet_data))
        findings.extend(_hidden_findings(spec, sheet_data))
        findings.extend(_duplicate_findings(spec, sheet_data))
        if spec.kind == "form":
            records[spec.key] = _read_form(schema, spec, sheet_data, findings)
        else:
            records[spec.key] = list(_read_table(schema, spec, sheet_data, findings))
    return records


def _sheet_missing(name: str) -> Finding:
    return codes.SHEET_MISSING.finding(
        f"缺少工作表“{name}”；请用 disclosure-gen init 生成的模板填写，不要删除或改名工作表。",
        name,
    )


def _label_missing(sheet: str, label: str) -> Finding:
    return codes.COLUMN_MISSING.finding(
        f"“{sheet}”A 列缺少项目“{label}”；请按模板恢复该行。", sheet, None, label
    )


def _form_labels(data: SheetData) -> dict[str, int]:
    """Label in column A → the row number of its first occurrence (S026/S027 report a
    second one)."""
    labels: dict[str, int] = {}
    for index, row in enumerate(data.values, start=1):
        if row and isinstance(row[0], str):
            labels.setdefault(row[0].strip(), index)
    return labels


def _duplicate_findings(spec: Sheet, data: SheetData) -> Iterator[Finding]:
    """A form label or a table column title of the schema that appears twice."""
    wanted = {f.label for f in spec.fields}
    if spec.kind == "form":
        first: dict[str, int] = {}
        for index, row in enumerate(data.values, start=1):
            label = row[0].strip() if row and isinstance(row[0], str) else None
            if label not in wanted or label is None:
                continue
            if label not in first:
                first[label] = index
                continue
            earlier = _value(data, first[label] - 1, 1)
            here = _value(data, index - 1, 1)
            same = (_blank(earlier) and _blank(here)) or earlier == here
            code = codes.REPEATED_LABEL if same else codes.DUPLICATE_LABEL
            action = (
                "只读取一次；请删除重复的行。"
                if same
                else f"两处的值不同（第 {first[label]} 行“{_shown(earlier)}”，第 {index} 行"
                f"“{_shown(here)}”），无法判断用哪一个，未生成；请保留正确的一行，删除另一行。"
            )
            yield code.finding(
                f"“{spec.name}”A 列的项目“{label}”出现了两次（第 {first[label]} 行和第 {index} 行），{action}",
                spec.name,
                f"A{index}",
                label,
            )
        return
    header = data.values[0] if data.values else ()
    seen: dict[str, int] = {}
    for col, title in enumerate(header):
        label = title.strip() if isinstance(title, str) else None
        if label is None or label not in wanted:
            continue
        if label in seen:
            yield codes.DUPLICATE_LABEL.finding(
                f"“{spec.name}”第 1 行有两列都叫“{label}”（{get_column_letter(seen[label] + 1)} 列和 "
                f"{get_column_letter(col + 1)} 列），无法判断读取哪一列，未生成；请删除或改正其中一列。",
                spec.name,
                f"{get_column_letter(col + 1)}1",
                label,
            )
        else:
            seen[label] = col


def _shown(value: Any) -> str:
    return "（空）" if _blank(value) else str(value)[:20]


def _data_columns(spec: Sheet, data: SheetData) -> frozenset[int]:
    """1-based numbers of the columns the schema reads (labels and values on a form)."""
    if spec.kind == "form":
        return frozenset({1, 2})
    labels = {f.label for f in spec.fields}
    header = data.values[0] if data.values else ()
    return frozenset(
        col
        for col, title in enumerate(header, start=1)
        if isinstance(title, str) and title.strip() in labels
    )


def _hidden_findings(spec: Sheet, data: SheetData) -> Iterator[Finding]:
    """Content that Excel does not show: a hidden sheet, hidden rows, hidden columns."""
    if not any(not _blank(v) for row in data.values for v in row):
        return
    if data.state == "veryHidden":
        yield codes.HIDDEN_CONTENT.finding(
            f"工作表“{spec.name}”被设为“非常隐藏”（在 Excel 的菜单中无法取消隐藏），但有内容，会计入公开文件；"
            "请在 VBA 编辑器中把它的 Visible 属性改为 xlSheetVisible，或把内容复制到 disclosure-gen init "
            "生成的新工作簿中，核对后再检查。",
            spec.name,
            "A1",
        )
    elif data.state == "hidden":
        yield codes.HIDDEN_SHEET.finding(
            f"工作表“{spec.name}”被隐藏，但有内容；它已被读取并计入公开文件。请右键单击工作表标签 → "
            "取消隐藏，核对其中的内容。",
            spec.name,
            "A1",
        )
    first_data_row = 1 if spec.kind == "form" else 2
    for number in sorted(data.hidden_rows):
        row = data.values[number - 1] if number <= len(data.values) else ()
        if number >= first_data_row and any(not _blank(v) for v in row):
            yield codes.HIDDEN_CONTENT.finding(
                f"“{spec.name}”第 {number} 行被隐藏（或行高几乎为 0），但有内容，会计入公开文件；请取消隐藏"
                "（选中上下两行 → 右键 → 取消隐藏，或清除筛选）后核对：不该计入的请删除整行。",
                spec.name,
                f"A{number}",
                f"第 {number} 行",
            )
    for col in sorted(data.hidden_columns & _data_columns(spec, data)):
        cells = [
            (index + 1, row[col - 1])
            for index, row in enumerate(data.values)
            if index + 1 >= first_data_row and col - 1 < len(row)
        ]
        filled = next((n for n, v in cells if not _blank(v)), None)
        if filled is not None:
            letter = get_column_letter(col)
            yield codes.HIDDEN_CONTENT.finding(
                f"“{spec.name}”{letter} 列被隐藏（或列宽几乎为 0），但有内容，会被读取；请取消隐藏"
                f"（选中左右两列 → 右键 → 取消隐藏）后核对。",
                spec.name,
                f"{letter}{filled}",
            )


def _merged_findings(spec: Sheet, data: SheetData) -> Iterator[Finding]:
    first_data_row = 1 if spec.kind == "form" else 2
    for ref in data.merged:
        start = ref.split(":")[0]
        row = int(re.sub(r"[A-Z]+", "", start))
        if row >= first_data_row:
            yield codes.MERGED.finding(
                f"{ref} 是合并单元格；请取消合并，并在每个单元格中分别填写。", spec.name, start
            )


def _read_form(
    schema: WorkbookSchema, spec: Sheet, data: SheetData, findings: list[Finding]
) -> dict[str, Any]:
    labels = _form_labels(data)
    record: dict[str, Any] = {"sheet": spec.name, "cells": {}}
    for f in spec.fields:
        row_no = labels.get(f.label)
        if row_no is None:
            if f.required:  # an optional field may be absent (older workbooks lack newer ones)
                findings.append(_label_missing(spec.name, f.label))
            continue
        cell = f"B{row_no}"
        raw = _value(data, row_no - 1, 1)
        ctx = CellContext(spec.name, cell, f.label)
        if _formula_without_value(data, row_no - 1, 1, raw, ctx):
            findings.extend(ctx.findings)
            continue
        try:
            value = parse_cell(f, raw, ctx, schema.options(f.choices))
        except Invalid:
            value = None
        findings.extend(ctx.findings)
        record["cells"][f.key] = cell
        if value is not None:
            record[f.key] = schema.read_value(f.choices, value)
    return record


def _read_table(
    schema: WorkbookSchema, spec: Sheet, data: SheetData, findings: list[Finding]
) -> Iterator[dict[str, Any]]:
    header = data.values[0] if data.values else ()
    columns: dict[str, int] = {}
    titles = [title.strip() for title in header if isinstance(title, str)]
    if any(titles.count(f.label) > 1 for f in spec.fields):
        return  # S026 says which column title is doubled; either column could be meant
    for index, title in enumerate(header):
        if isinstance(title, str):
            columns[title.strip()] = index
    positions = {}
    missing = False
    for f in spec.fields:
        if f.label in columns:
            positions[f.key] = columns[f.label]
        elif f.required:  # an optional column may be absent (older workbooks lack newer ones)
            missing = True
            findings.append(
                codes.COLUMN_MISSING.finding(
                    f"“{spec.name}”第 1 行缺少列标题“{f.label}”；请按模板恢复该列。",
                    spec.name,
                    None,
                    f.label,
                )
            )
    if missing:
        return
    known = set(positions.values())
    if data.overflow:
        findings.append(
            codes.TOO_MANY_ROWS.finding(
                f"“{spec.name}”超过 {MAX_ROWS} 行，其余行未读取；请删除多余的行。",
                spec.name,
                f"A{MAX_ROWS + 1}",
            )
        )
    for index in range(1, len(data.values)):
        row = data.values[index]
        row_no = index + 1
        findings.extend(_stray(spec, row, row_no, known))
        # A row whose cells are all blank is skipped, formulas or not: a column of
        # =IF(…,"",…) copied down is empty, not 1,000 rows with missing values.
        if all(_blank(row[p] if p < len(row) else None) for p in known):
            continue
        record = _read_row(schema, spec, data, index, positions, findings)
        if record is not None:
            yield record


def _read_row(
    schema: WorkbookSchema,
    spec: Sheet,
    data: SheetData,
    index: int,
    positions: dict[str, int],
    findings: list[Finding],
) -> dict[str, Any] | None:
    row_no = index + 1
    record: dict[str, Any] = {"sheet": spec.name, "row": row_no, "cells": {}}
    ok = True
    for f in spec.fields:
        if f.key not in positions:  # an optional column the workbook does not have
            continue
        col = positions[f.key]
        cell = f"{get_column_letter(col + 1)}{row_no}"
        raw = _value(data, index, col)
        ctx = CellContext(spec.name, cell, f.label, key=f"第 {row_no} 行")
        record["cells"][f.key] = cell
        if _formula_without_value(data, index, col, raw, ctx):
            findings.extend(ctx.findings)
            ok = False
            continue
        try:
            value = parse_cell(f, raw, ctx, schema.options(f.choices))
        except Invalid:
            ok = False
            value = None
        findings.extend(ctx.findings)
        if value is None:
            continue
        if isinstance(value, tuple):  # a code with its typed name
            record[f.key], record[f"{f.key}_name"] = value
        else:
            record[f.key] = schema.read_value(f.choices, value)
    return record if ok else None


def _stray(spec: Sheet, row: tuple[Any, ...], row_no: int, known: set[int]) -> Iterator[Finding]:
    for col, value in enumerate(row):
        if col not in known and not _blank(value):
            cell = f"{get_column_letter(col + 1)}{row_no}"
            yield codes.STRAY.finding(
                f"{cell} 在“{spec.name}”的数据列之外，内容不会被读取；请移动到正确的列或删除。",
                spec.name,
                cell,
            )
            return


def _value(data: SheetData, index: int, col: int) -> Any:
    row = data.values[index] if index < len(data.values) else ()
    return row[col] if col < len(row) else None


def _formula(data: SheetData, index: int, col: int) -> bool:
    row = data.formulas[index] if index < len(data.formulas) else ()
    value = row[col] if col < len(row) else None
    return isinstance(value, str) and value.startswith("=")


def _formula_without_value(
    data: SheetData, index: int, col: int, raw: Any, ctx: CellContext
) -> bool:
    if raw is None and _formula(data, index, col):
        ctx.add(
            codes.FORMULA_NO_VALUE,
            f"“{ctx.label}”是公式但没有计算结果；请在 Excel/WPS 中打开并保存后再试，或直接填写数值。",
        )
        return True
    return False


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())
