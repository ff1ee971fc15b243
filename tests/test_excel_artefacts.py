"""Excel's own artefacts never reach a document: cached error values, escaped characters,
bidirectional controls, full-width placeholders, pasted HTML and absurd numbers each end in
a located finding, never in the document and never in a traceback."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from disclosure_gen.pipeline import check
from disclosure_gen.workbook.cells import CellContext, Invalid, parse_cell
from disclosure_gen.workbook.schema import Field, FieldType
from tests.test_hostile import with_sheet
from tests.test_reader import edit

LINES = "支出明细"
PROFILE = "基本信息"
PROJECTS = "项目信息"


def findings_at(path: Path) -> set[tuple[str, str | None, str | None]]:
    return {(f.code, f.sheet, f.cell) for f in check(path).findings}


def assert_refused(path: Path, code: str, sheet: str, cell: str) -> None:
    checked = check(path)
    assert (code, sheet, cell) in {(f.code, f.sheet, f.cell) for f in checked.findings}
    assert not checked.ok()  # generate would write nothing
    finding = next(f for f in checked.findings if f.code == code)
    assert sheet in finding.location and "请" in finding.message


@pytest.mark.parametrize(
    "error", ["#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"]
)
def test_cached_error_value_in_an_amount_is_a_located_error(sample_path: Path, error: str) -> None:
    edit(sample_path, LINES, "F3", error)  # openpyxl stores these as error cells (t="e")
    assert_refused(sample_path, "S018", LINES, "F3")
    assert ("S004", LINES, "F3") not in findings_at(sample_path)  # one finding, the right one


@pytest.mark.parametrize(
    ("sheet", "cell"),
    [
        pytest.param(PROFILE, "B4", id="text-unit-name"),
        pytest.param(LINES, "A3", id="code"),
        pytest.param(LINES, "C3", id="dropdown"),
        pytest.param(PROFILE, "B15", id="date"),
        pytest.param(PROJECTS, "B2", id="long-text"),
    ],
)
def test_cached_error_value_in_any_cell_is_a_located_error(
    sample_path: Path, sheet: str, cell: str
) -> None:
    edit(sample_path, sheet, cell, "#N/A")
    assert_refused(sample_path, "S018", sheet, cell)


def test_formula_whose_cached_result_is_an_error_is_a_located_error(
    sample_path: Path, tmp_path: Path
) -> None:
    def change(xml: str) -> str:
        start = xml.index('<c r="F3"')
        end = xml.index("</c>", start) + len("</c>")
        return xml[:start] + '<c r="F3" t="e"><f>F2/0</f><v>#DIV/0!</v></c>' + xml[end:]

    path = with_sheet(sample_path, tmp_path / "formula.xlsx", LINES, change)
    assert_refused(path, "S018", LINES, "F3")


def test_excel_escaped_line_break_is_turned_back_with_a_warning(sample_path: Path) -> None:
    edit(sample_path, PROFILE, "B6", "负责全市数据资源管理。_x000D_\n统筹推进数字政府建设。")
    checked = check(sample_path)
    assert ("S019", PROFILE, "B6") in {(f.code, f.sheet, f.cell) for f in checked.findings}
    assert checked.model is not None
    assert checked.model.profile.functions == "负责全市数据资源管理。\n统筹推进数字政府建设。"
    assert "_x" not in checked.model.profile.functions


def test_excel_escaped_character_is_decoded_and_escaped_control_is_still_refused(
    sample_path: Path,
) -> None:
    edit(sample_path, PROFILE, "B4", "某市_x6570_据局")
    checked = check(sample_path)
    assert checked.model is not None and checked.model.profile.name == "某市数据局"
    edit(sample_path, PROFILE, "B4", "某市数据局_x0007_")
    assert ("S012", PROFILE, "B4") in findings_at(sample_path)


@pytest.mark.parametrize("char", ["\u202e", "\u202a", "\u2066", "\u2069"])
def test_bidirectional_control_characters_are_a_located_error(sample_path: Path, char: str) -> None:
    edit(sample_path, PROJECTS, "D2", f"平台运维 {char}08{char} 万元")
    assert_refused(sample_path, "S020", PROJECTS, "D2")


@pytest.mark.parametrize("placeholder", ["ＸＸ单位", "ｘｘ万元", "××项目"])
def test_full_width_placeholders_are_caught_like_half_width_ones(
    sample_path: Path, placeholder: str
) -> None:
    edit(sample_path, PROJECTS, "B2", f"《{placeholder}管理办法》")
    assert_refused(sample_path, "N005", PROJECTS, "B2")


@pytest.mark.parametrize(
    "text",
    [
        "<p>负责全市数据资源管理。</p>",
        "负责全市数据资源管理。<br>统筹推进数字政府建设。",
        "负责全市数据资源管理。<BR/>",
        '<div class="content">统筹推进数字政府建设</div>',
        "负责全市&nbsp;数据资源管理",
        "<span style='font-family:仿宋'>数据资源</span>",
    ],
)
def test_html_markup_pasted_from_a_web_page_is_a_located_error(
    sample_path: Path, text: str
) -> None:
    edit(sample_path, PROFILE, "B6", text)
    assert_refused(sample_path, "S021", PROFILE, "B6")


def test_angle_brackets_and_ampersands_that_are_not_markup_are_text(sample_path: Path) -> None:
    edit(sample_path, PROFILE, "B4", "某市数据局 & <测试> R&D <二期>")
    assert check(sample_path).ok()


@pytest.mark.parametrize(
    ("sheet", "cell", "value"),
    [
        pytest.param(LINES, "F3", 1e30, id="amount-1E+30"),
        pytest.param(LINES, "F3", "1E+30", id="amount-as-text"),
        pytest.param(LINES, "F3", 3.5e15, id="pasted-id-number"),
        pytest.param("上年对比", "B2", 1e30, id="prior-year"),
        pytest.param(PROFILE, "B7", 1e30, id="headcount"),
        pytest.param("国有资产", "B2", 1e300, id="area"),
    ],
)
def test_numbers_far_beyond_any_budget_are_a_located_error_not_a_traceback(
    sample_path: Path, sheet: str, cell: str, value: Any
) -> None:
    edit(sample_path, sheet, cell, value)
    assert_refused(sample_path, "S022", sheet, cell)


def test_largest_plausible_amount_is_still_read() -> None:
    ctx = CellContext(LINES, "F2", "金额（元）")
    spec = Field("amount", "金额（元）", FieldType.MONEY, True)
    assert parse_cell(spec, 999_999_999_999.99, ctx) == Decimal("999999999999.99")
    with pytest.raises(Invalid):
        parse_cell(spec, 10**12, ctx)
    assert [f.code for f in ctx.findings] == ["S022"]
