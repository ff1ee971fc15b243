"""Read a filled workbook into the model, collecting every finding on the way.

The reader is driven by ``schema.py`` alone, so it reads exactly what ``init`` writes.
It never raises for bad content: each problem becomes a located finding and the row or
field is left out; only a file that cannot be opened at all raises ``WorkbookUnreadable``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter
from pydantic import ValidationError

from disclosure_gen.model.budget import (
    Addition,
    Assets,
    Comparison,
    ControlTotals,
    Disclosure,
    Division,
    ExpenditureLine,
    Procurement,
    Profile,
    Project,
    Purpose,
    SubordinateUnit,
    Target,
)
from disclosure_gen.validate.findings import Finding
from disclosure_gen.workbook import codes, safety
from disclosure_gen.workbook.cells import CellContext, Invalid, parse_cell
from disclosure_gen.workbook.package import MAX_ROWS, SheetData, load_sheets
from disclosure_gen.workbook.schema import (
    ADDITION_KINDS,
    DOCUMENTS,
    KINDS,
    LEVELS,
    NATURES,
    SHEETS,
    SOURCES,
    YES_NO,
    Sheet,
)

MAPPED_CHOICES: dict[str, dict[str, Any]] = {
    "sources": SOURCES,
    "kinds": KINDS,
    "natures": NATURES,
    "levels": LEVELS,
    "documents": DOCUMENTS,
    "yes_no": YES_NO,
    "addition_kinds": ADDITION_KINDS,
}


@dataclass
class ReadResult:
    """The model (None when the workbook is too broken to build one) and all findings."""

    model: Disclosure | None
    findings: list[Finding] = field(default_factory=list)


def read_workbook(path: Path) -> ReadResult:
    """Read ``path``; raise WorkbookUnreadable only if it cannot be opened at all."""
    safety.check_file(path)
    data = load_sheets(path)
    findings: list[Finding] = []
    records: dict[str, Any] = {}
    for spec in SHEETS:
        sheet_data = data.get(spec.name)
        if sheet_data is None and spec.optional:
            continue
        if sheet_data is None:
            findings.append(
                codes.SHEET_MISSING.finding(
                    f"缺少工作表“{spec.name}”；请用 disclosure-gen init 生成的模板填写，不要删除或改名工作表。",
                    spec.name,
                )
            )
            continue
        findings.extend(_merged_findings(spec, sheet_data))
        if spec.kind == "form":
            records[spec.key] = _read_form(spec, sheet_data, findings)
        else:
            records[spec.key] = list(_read_table(spec, sheet_data, findings))
    return ReadResult(_build(records, findings), findings)


def _merged_findings(spec: Sheet, data: SheetData) -> Iterator[Finding]:
    first_data_row = 1 if spec.kind == "form" else 2
    for ref in data.merged:
        start = ref.split(":")[0]
        row = int(re.sub(r"[A-Z]+", "", start))
        if row >= first_data_row:
            yield codes.MERGED.finding(
                f"{ref} 是合并单元格；请取消合并，并在每个单元格中分别填写。", spec.name, start
            )


def _read_form(spec: Sheet, data: SheetData, findings: list[Finding]) -> dict[str, Any]:
    labels = {}
    for index, row in enumerate(data.values, start=1):
        if row and isinstance(row[0], str):
            labels[row[0].strip()] = index
    record: dict[str, Any] = {"sheet": spec.name, "cells": {}}
    for f in spec.fields:
        row_no = labels.get(f.label)
        if row_no is None:
            findings.append(
                codes.COLUMN_MISSING.finding(
                    f"“{spec.name}”A 列缺少项目“{f.label}”；请按模板恢复该行。",
                    spec.name,
                    None,
                    f.label,
                )
            )
            continue
        cell = f"B{row_no}"
        raw = _value(data, row_no - 1, 1)
        ctx = CellContext(spec.name, cell, f.label)
        if _formula_without_value(data, row_no - 1, 1, raw, ctx):
            findings.extend(ctx.findings)
            continue
        try:
            value = parse_cell(f, raw, ctx)
        except Invalid:
            value = None
        findings.extend(ctx.findings)
        record["cells"][f.key] = cell
        if value is not None:
            record[f.key] = _map_choice(f.choices, value)
    return record


def _read_table(spec: Sheet, data: SheetData, findings: list[Finding]) -> Iterator[dict[str, Any]]:
    header = data.values[0] if data.values else ()
    columns: dict[str, int] = {}
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
        record = _read_row(spec, data, index, positions, findings)
        if record is not None:
            yield record


def _read_row(
    spec: Sheet, data: SheetData, index: int, positions: dict[str, int], findings: list[Finding]
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
            value = parse_cell(f, raw, ctx)
        except Invalid:
            ok = False
            value = None
        findings.extend(ctx.findings)
        if value is None:
            continue
        if isinstance(value, tuple):  # a code with its typed name
            record[f.key], record[f"{f.key}_name"] = value
        else:
            record[f.key] = _map_choice(f.choices, value)
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


def _map_choice(choices: str | None, value: Any) -> Any:
    mapping = MAPPED_CHOICES.get(choices or "")
    return mapping[value] if mapping and value in mapping else value


def _build(records: dict[str, Any], findings: list[Finding]) -> Disclosure | None:
    """Assemble the model; None if a required form field is missing (already reported)."""
    try:
        return Disclosure(
            profile=Profile(**records["profile"]),
            divisions=tuple(Division(**r) for r in records.get("divisions", [])),
            subordinate_units=tuple(
                SubordinateUnit(**r) for r in records.get("subordinate_units", [])
            ),
            lines=tuple(ExpenditureLine(**r) for r in records.get("lines", [])),
            projects=tuple(Project(**r) for r in records.get("projects", [])),
            comparisons=tuple(Comparison(**r) for r in records.get("comparisons", [])),
            purposes=tuple(Purpose(**r) for r in records.get("purposes", [])),
            procurement=Procurement(**records["procurement"]),
            assets=Assets(**records["assets"]),
            targets=tuple(Target(**r) for r in records.get("targets", [])),
            additions=tuple(Addition(**r) for r in records.get("additions", [])),
            controls=ControlTotals(**records["controls"]) if "controls" in records else None,
        )
    except (KeyError, ValidationError, TypeError):
        if not any(f.severity == "error" for f in findings):
            raise
        return None
