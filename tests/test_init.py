"""`init` writes the schema; the reader reads exactly that; inputs/ stays current."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from disclosure_gen.kinds.budget.schema import SCHEMA, SHEETS
from disclosure_gen.pipeline import check
from disclosure_gen.workbook.schema import INSTRUCTIONS_SHEET, LISTS_SHEET
from disclosure_gen.workbook.writer import build_blank_workbook
from scripts.write_inputs import BLANKS, INPUTS


def test_blank_workbook_has_every_schema_sheet_headers_dropdowns_and_instructions(
    tmp_path: Path,
) -> None:
    path = tmp_path / "blank.xlsx"
    path.write_bytes(build_blank_workbook(SCHEMA, 2025, "单位"))
    wb = load_workbook(path)
    assert wb.sheetnames[0] == INSTRUCTIONS_SHEET
    assert wb[LISTS_SHEET].sheet_state == "hidden"
    for spec in SHEETS:
        ws = wb[spec.name]
        if spec.kind == "table":
            assert [c.value for c in ws[1]][: len(spec.fields)] == [f.label for f in spec.fields]
            assert ws.freeze_panes == "A2"
            assert all(ws.cell(1, i + 1).comment is not None for i in range(len(spec.fields)))
        else:
            assert [ws.cell(i + 1, 1).value for i in range(len(spec.fields))] == [
                f.label for f in spec.fields
            ]
    lines = wb["支出明细"]
    assert any("代码表" in str(dv.formula1) for dv in lines.data_validations.dataValidation)
    functions = [c.value for c in wb[LISTS_SHEET]["A"]]
    assert "function_items" not in functions  # column A holds the sources list


def test_code_columns_warn_but_accept_a_code_outside_the_catalog(tmp_path: Path) -> None:
    """The function and economic code columns list the tool's catalog, which is not the
    complete official one: Excel only warns on another entry there (the validator accepts
    “编码 名称” under a known parent, C011/C012), while every other dropdown refuses one."""
    path = tmp_path / "blank.xlsx"
    path.write_bytes(build_blank_workbook(SCHEMA, 2025, "单位"))
    ws = load_workbook(path)["支出明细"]
    styles = {
        str(dv.sqref).split(":")[0]: dv.errorStyle for dv in ws.data_validations.dataValidation
    }
    assert styles["A2"] == styles["B2"] == "warning"  # 功能分类, 经济分类
    assert styles["C2"] in (None, "stop")  # 资金来源: only the listed values


def test_blank_workbook_reads_back_with_required_fields_reported(tmp_path: Path) -> None:
    path = tmp_path / "blank.xlsx"
    path.write_bytes(build_blank_workbook(SCHEMA, 2024, "单位"))
    result = check(path)
    assert result.model is None
    assert {f.code for f in result.findings} == {"S003"}
    assert all(f.sheet == "基本信息" and f.cell for f in result.findings)


def test_dropdown_lists_follow_the_year_catalog(tmp_path: Path) -> None:
    for year, expected in ((2024, True), (2025, False)):
        path = tmp_path / f"{year}.xlsx"
        path.write_bytes(build_blank_workbook(SCHEMA, year, "单位"))
        wb = load_workbook(path)
        values = {str(c.value) for row in wb[LISTS_SHEET].iter_rows() for c in row if c.value}
        assert ("234 抗疫特别国债安排的支出" in values) is expected


def test_blank_workbooks_are_byte_identical_across_runs() -> None:
    assert build_blank_workbook(SCHEMA, 2025, "部门") == build_blank_workbook(SCHEMA, 2025, "部门")


@pytest.mark.parametrize("name", sorted(BLANKS))
def test_inputs_folder_holds_what_init_writes_today(name: str) -> None:
    year, level = BLANKS[name]
    assert (INPUTS / name).read_bytes() == build_blank_workbook(SCHEMA, year, level), (
        "run `make inputs`"
    )
