"""Issue 9, the rule-level items: wrong magnitudes (2), what changes a figure unseen (3),
narrative contradictions (6) and messages that name the likely cause (8).

Each test starts from the builders' sample or the example workbook and makes one edit;
the mutation and adversarial suites hold one case per code, these the finer behaviour.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner

from disclosure_gen.cli import app
from disclosure_gen.pipeline import check
from disclosure_gen.validate.context import Settings
from disclosure_gen.workbook.cells import misplaced_separators

LINES = "支出明细"
COMPARE = "上年对比"
PROJECTS = "项目信息"
runner = CliRunner()


def edit(path: Path, *edits: tuple[str, str, Any]) -> Path:
    wb = openpyxl.load_workbook(path)
    for sheet, cell, value in edits:
        wb[sheet][cell] = value
    wb.save(path)
    return path


def found(
    path: Path, settings: Settings | None = None
) -> dict[tuple[str, str | None, str | None], str]:
    return {(f.code, f.sheet, f.cell): f.message for f in check(path, settings).findings}


def _in_wan(path: Path) -> Path:
    wb = openpyxl.load_workbook(path)
    ws = wb[LINES]
    for row in range(2, ws.max_row + 1):
        value = ws[f"F{row}"].value
        if isinstance(value, int | float):
            ws[f"F{row}"].value = round(value / 10000, 2)
    wb.save(path)
    return path


# ------------------------------------------------------------------ item 2: magnitudes


@pytest.mark.parametrize(
    "text", ["116,40", "１１６，４０", "1.234,56", "1234,5678", "12 34", "1,23", "12,345,67"]
)
def test_separators_that_are_not_thousands_separators_are_refused(text: str) -> None:
    assert misplaced_separators(text)


@pytest.mark.parametrize(
    "text",
    ["1,234.56", "215,800", " 55,555.55 ", "1 234 567", "30000", "３００００", "-1,234", "2025 年"],
)
def test_thousands_separators_and_plain_numbers_are_read(text: str) -> None:
    assert not misplaced_separators(text)


def test_116_40_is_not_silently_read_as_11640(sample_path: Path) -> None:
    edit(sample_path, (LINES, "F3", "116,40"))
    result = check(sample_path)
    assert ("S023", LINES, "F3") in {(f.code, f.sheet, f.cell) for f in result.findings}
    assert not result.ok()
    assert "11640" in next(f.message for f in result.findings if f.code == "S023")


def test_a_few_lines_in_wan_are_each_an_error_at_their_cell(sample_path: Path) -> None:
    edit(sample_path, (LINES, "F4", 3), (LINES, "F7", 15))
    result = check(sample_path)
    located = {(f.code, f.cell) for f in result.findings if f.sheet == LINES}
    assert {("P007", "F4"), ("P007", "F7")} <= located
    assert not result.ok()


def test_a_genuine_small_line_beside_large_ones_does_not_block(sample_path: Path) -> None:
    edit(sample_path, (LINES, "F4", 800))  # a 公务接待费 of 800 元 is possible
    codes = {f.code for f in check(sample_path).findings}
    assert not codes & {"P001", "P007", "P008"}


def test_most_lines_in_wan_blocks_generation_until_confirmed(sample_path: Path) -> None:
    _in_wan(sample_path)
    blocked = check(sample_path)
    assert "P001" in {f.code for f in blocked.findings} and not blocked.ok()
    assert "P007" not in {f.code for f in blocked.findings}  # one finding for the whole sheet
    confirmed = check(sample_path, Settings(amounts_checked=True))
    assert confirmed.ok()
    note = next(f for f in confirmed.findings if f.code == "V002")
    assert (note.sheet, note.cell) == (LINES, "F2") and "P001" in note.message


def test_amounts_checked_is_a_flag_of_validate_and_generate(
    sample_path: Path, tmp_path: Path
) -> None:
    _in_wan(sample_path)
    plain = runner.invoke(app, ["validate", str(sample_path), "--format", "json"])
    assert plain.exit_code == 1
    checked = runner.invoke(
        app, ["validate", str(sample_path), "--format", "json", "--amounts-checked"]
    )
    assert checked.exit_code == 0
    assert "V002" in {f["code"] for f in json.loads(checked.stdout)["findings"]}
    refused = runner.invoke(app, ["generate", str(sample_path), "-o", str(tmp_path), "--no-pdf"])
    assert refused.exit_code == 1 and not list(tmp_path.glob("*.docx"))
    generated = runner.invoke(
        app, ["generate", str(sample_path), "-o", str(tmp_path), "--no-pdf", "--amounts-checked"]
    )
    assert generated.exit_code == 0, generated.output
    assert "V002" in generated.output and list(tmp_path.glob("*.docx"))


def test_a_prior_year_amount_in_wan_names_the_rate_the_document_would_print(
    sample_path: Path,
) -> None:
    edit(sample_path, (COMPARE, "B2", 200))
    message = found(sample_path)[("P009", COMPARE, "B2")]
    assert "增长" in message and "%" in message and "2,000,000.00" in message


# ------------------------------------------------------------------ item 6: narrative


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("C13", "预算安排无变化"),  # 三公：公务接待费 3.00 → 3.00
        ("C13", "与上年持平"),
        ("C13", "增加0.00万元，增长0.00%"),
        ("C11", "未安排购置"),  # 0 → 0
        ("C6", "在职人员增加2人"),  # 基本信息 16 → 18
        ("C6", "比上年增加11.34万元，增长7.56%"),
        ("C6", "人员增加，增加11万元"),  # 11 for 11.34: fewer digits, not a contradiction
        ("C6", "其中工资增加5万元，社保增加3万元"),  # parts of the change, not its size
        ("C12", "压缩运行费用，减少5600元"),
    ],
)
def test_reasons_that_agree_with_the_figures_do_not_warn(
    sample_path: Path, cell: str, reason: str
) -> None:
    edit(sample_path, (COMPARE, cell, reason))
    assert not {c for (c, _, at) in found(sample_path) if at == cell} & {"N003", "N007", "N008"}


def test_a_stated_headcount_names_what_basic_information_says(sample_path: Path) -> None:
    edit(sample_path, (COMPARE, "C6", "在职人员减少4人"))
    message = found(sample_path)[("N007", COMPARE, "C6")]
    assert "增加 2 人" in message and "16 → 18" in message


# ------------------------------------------------------------------ item 8: messages


def test_a_misspelt_project_suggests_the_nearest_name(sample_path: Path) -> None:
    edit(sample_path, (LINES, "E9", "智慧政务平台建设（二期）"))
    message = found(sample_path)[("X002", LINES, "E9")]
    assert "最接近的是“智慧政务平台建设 <二期> & “{{ 运维 }}””" in message


def test_a_full_width_variant_of_a_project_name_says_so(sample_path: Path) -> None:
    edit(sample_path, (LINES, "E11", "ＡＢ档案数字化项目"), (PROJECTS, "A3", "AB档案数字化项目"))
    located = found(sample_path)
    assert "只差全角/半角" in located[("X002", LINES, "E11")]


def test_control_totals_print_separators_and_name_the_line_in_wan(sample_path: Path) -> None:
    edit(sample_path, (LINES, "F7", 15), ("核对数", "B1", 2_843_332.89))
    message = found(sample_path)[("X011", "核对数", "B1")]
    assert "2,843,332.89 元" in message and "2,693,347.89 元" in message
    assert "第 7 行（15.00 元）" in message and "万元" in message


def test_control_totals_name_a_doubled_line(sample_path: Path) -> None:
    edit(sample_path, ("核对数", "B1", 2_843_332.89 - 150_000))
    message = found(sample_path)[("X011", "核对数", "B1")]
    assert "第 7 行（150,000.00 元）正好等于多出的金额" in message


def test_control_totals_say_when_the_gap_is_rounding(sample_path: Path) -> None:
    edit(sample_path, ("核对数", "B1", 2_843_300))
    message = found(sample_path)[("X011", "核对数", "B1")]
    assert "舍入误差" in message and "-32.89 元" in message


# ------------------------------------------------------------------ item 3: nothing unseen


def _hide(path: Path, change: Any) -> Path:
    wb = openpyxl.load_workbook(path)
    change(wb)
    wb.save(path)
    return path


def test_a_hidden_line_blocks_and_says_where(sample_path: Path) -> None:
    _hide(sample_path, lambda wb: setattr(wb[LINES].row_dimensions[3], "hidden", True))
    result = check(sample_path)
    finding = next(f for f in result.findings if f.code == "S024")
    assert (finding.sheet, finding.cell) == (LINES, "A3") and "取消隐藏" in finding.message
    assert not result.ok()


def test_hidden_empty_rows_and_hidden_hint_columns_are_fine(sample_path: Path) -> None:
    def change(wb: openpyxl.Workbook) -> None:
        wb[LINES].row_dimensions[40].hidden = True  # below the last line: nothing there
        wb["基本信息"].column_dimensions["C"].hidden = True  # the hints, not read

    _hide(sample_path, change)
    assert not {f.code for f in check(sample_path).findings} & {"S024", "S025"}


def test_a_hidden_sheet_is_read_and_said_to_be_read(sample_path: Path) -> None:
    _hide(sample_path, lambda wb: setattr(wb["政府采购"], "sheet_state", "hidden"))
    result = check(sample_path)
    assert ("S025", "政府采购", "A1") in {(f.code, f.sheet, f.cell) for f in result.findings}
    assert result.ok() and result.model is not None
    assert result.model.procurement.services == 850000  # read, not dropped


def test_a_label_twice_with_different_values_is_refused(sample_path: Path) -> None:
    edit(sample_path, ("基本信息", "A20", "在职人数"), ("基本信息", "B20", 25))
    result = check(sample_path)
    message = next(f.message for f in result.findings if f.code == "S026")
    assert "第 8 行“18”" in message and "第 20 行“25”" in message
    assert not result.ok()


def test_a_rename_on_additions_names_both_names(sample_path: Path) -> None:
    edit(
        sample_path,
        ("补充科目", "A3", "功能分类"),
        ("补充科目", "B3", "2010301"),
        ("补充科目", "C3", "机关运行"),
    )
    message = found(sample_path)[("C010", "补充科目", "C3")]
    assert "“行政运行”" in message and "“机关运行”" in message


def test_an_addition_that_repeats_the_catalog_name_is_quiet(sample_path: Path) -> None:
    edit(
        sample_path,
        ("补充科目", "A3", "经济分类"),
        ("补充科目", "B3", "30213"),
        ("补充科目", "C3", "维修(护)费"),
    )
    assert "C010" not in {c for (c, _, _) in found(sample_path)}


def test_a_line_copied_with_the_own_unit_name_is_a_duplicate(sample_path: Path) -> None:
    def change(wb: openpyxl.Workbook) -> None:
        ws = wb[LINES]
        ws.append([c.value for c in ws[2]])
        ws.cell(ws.max_row, 7, "某市数据局 & <测试>")

    _hide(sample_path, change)
    message = found(sample_path)[("X010", LINES, "A13")]
    assert "预算单位写法不同" in message and "空白（本级）" in message
