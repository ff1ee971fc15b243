"""Issue 6 for final accounts, "nothing wrong is published": the rules of the 决算 kind.

Each mutation edits one copy of the final-accounts example (seed 004) and expects its code
at its cell; the shared line rules (C/X/P codes) run for both kinds, the A codes only for
final accounts. The unmutated example keeps the findings it had (A005) plus the one this
issue adds on purpose (C004 for its 补充科目), and
odd or empty values never raise (validate, --annotate, generate).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.workbook.workbook import Workbook
from typer.testing import CliRunner

from disclosure_gen.cli import app
from disclosure_gen.findings import CODES, Severity
from disclosure_gen.kinds.budget.context import BudgetContext
from disclosure_gen.kinds.final_accounts.context import FinalAccountsContext
from disclosure_gen.kinds.final_accounts.model import FinalAccounts
from disclosure_gen.kinds.final_accounts.schema import (
    CONTROLS,
    PERFORMANCE_MANAGEMENT,
    PROCUREMENT,
    SCHEMA,
)
from disclosure_gen.pipeline import check, render_checked
from disclosure_gen.validate.context import Settings
from disclosure_gen.validate.lines import LinesContext
from disclosure_gen.validate.registry import rules
from disclosure_gen.workbook.writer import build_blank_workbook
from tests.conftest import ROOT
from tests.test_final_accounts import synthetic

EXAMPLE = ROOT / "examples" / "department-final-accounts-2024" / "workbook.xlsx"
LINES, INCOME, CARRY, COMPARE = "决算明细", "收入决算", "结转结余", "上年对比"
THREE, EVAL, INDICATORS, WHOLE = "三公经费", "项目自评", "项目自评指标", "整体自评"
ADDED, PROFILE = "补充科目", "基本信息"
# Rows of the example: 决算明细 row 2 is a 人员经费 line (2010301 × 30101, 本级), row 13
# the only 公务接待费 (30217) line, row 72 the first 项目支出 line; 上年对比 rows 2–4 are
# 收支总计, 财政拨款收支总计, 一般公共预算财政拨款支出; 项目自评 row 2 is the first project
# and 项目自评指标 row 2 its first indicator.
PROJECT_ROW = 72
runner = CliRunner()

Edit = tuple[str, str, Any]
Special = Callable[[Workbook], None]


@dataclass(frozen=True)
class Case:
    code: str
    edits: tuple[Edit, ...]
    sheet: str
    cell: str | None
    special: Special | None = None
    id: str = ""


def _copy_row_2(wb: Workbook) -> None:
    ws = wb[LINES]
    ws.append([c.value for c in ws[2]])


def _controls(**values: int) -> Special:
    """Type these totals on the optional sheet 核对数 (added if the workbook has none)."""

    def add(wb: Workbook) -> None:
        if CONTROLS.name in wb.sheetnames:
            ws = wb[CONTROLS.name]
        else:
            ws = wb.create_sheet(CONTROLS.name, index=wb.sheetnames.index(ADDED))
        for row, field in enumerate(CONTROLS.fields, start=1):
            ws.cell(row, 1, field.label)
            ws.cell(row, 2, values.get(field.key))

    return add


def _form_rows(sheet: str, values: dict[str, Any], fields: tuple[Any, ...]) -> Special:
    """Type these values on a form sheet below its rows (the sheet is added if the workbook
    has none): an older workbook gains the optional rows a regional wording reads."""

    def add(wb: Workbook) -> None:
        if sheet in wb.sheetnames:
            ws = wb[sheet]
        else:
            ws = wb.create_sheet(sheet, index=wb.sheetnames.index(ADDED))
        for field in fields:
            if field.key in values:
                ws.append([field.label, values[field.key]])

    return add


_RATED = {"evaluated_projects": 3, "excellent": 1, "good": 1, "passed": 0, "failed": 0}
_FIXED = {"problems": 3, "fixed": 1, "fixing": 1}
_RESERVED = {"sme_reserved": 100000, "small_reserved": 200000}


def _example_totals() -> dict[str, int]:
    """The example's totals in 元 as the 决算 system would state them (its model's sums;
    实有人数 is 在职 + 退休 + 离休 of 基本信息)."""
    model = check(EXAMPLE).model
    assert isinstance(model, FinalAccounts)
    return {
        "spend": int(sum(line.actual for line in model.lines)),
        "income": int(sum(r.amount for r in model.income)),
        "carry_in": int(sum(r.amount for r in model.carryover)),
        "headcount": model.profile.headcount,
    }


def _in_wan(column: str) -> Special:
    """Retype one amount column of 决算明细 in 万元 (I 决算数, G 年初预算数, H 全年预算数)."""

    def retype(wb: Workbook) -> None:
        ws = wb[LINES]
        for row in range(2, ws.max_row + 1):
            value = ws[f"{column}{row}"].value
            if isinstance(value, int | float):
                ws[f"{column}{row}"].value = round(value / 10000, 2)

    return retype


_actuals_in_wan = _in_wan("I")


CASES = [
    # ---------------------------------------------------------------- shared line rules
    Case("C001", ((LINES, "A2", "2019988"),), LINES, "A2"),
    Case("C001", ((INCOME, "A2", "20103"),), INCOME, "A2", id="C001-income-not-7-digits"),
    Case("C001", ((CARRY, "B2", "2019988"),), CARRY, "B2", id="C001-carryover"),
    Case("C002", ((LINES, "B3", "39988"),), LINES, "B3"),
    Case("C003", ((LINES, "A2", "2010301 一般行政管理事务"),), LINES, "A2"),
    Case("C011", ((INCOME, "A2", "2120801 征地和拆迁补偿支出"),), INCOME, "A2"),
    Case("C012", ((LINES, "B2", "39909 经常性赠与"),), LINES, "B2"),
    Case("C005", ((LINES, "B2", "30901"),), LINES, "D2"),
    Case("C006", ((LINES, "B2", "30201"),), LINES, "D2"),
    Case(
        "C007",
        ((ADDED, "A3", "功能分类"), (ADDED, "B3", "9990101"), (ADDED, "C3", "无上级的科目")),
        ADDED,
        "B3",
    ),
    Case(
        "C010",
        ((ADDED, "A3", "功能分类"), (ADDED, "B3", "2010301"), (ADDED, "C3", "改了名的行政运行")),
        ADDED,
        "C3",
    ),
    Case("X001", ((LINES, f"E{PROJECT_ROW}", None),), LINES, f"E{PROJECT_ROW}"),
    Case("X007", ((COMPARE, "A7", "功能科目：2019988"),), COMPARE, "A7"),
    Case("X007", ((COMPARE, "A7", "收支合计"),), COMPARE, "A7", id="X007-not-an-item"),
    Case("X008", ((COMPARE, "A7", "功能科目：2010301"),), COMPARE, "A7"),
    Case("X010", (), LINES, "A99", _copy_row_2),
    Case("X011", (), CONTROLS.name, "B3", _controls(spend=1)),
    Case("X011", (), CONTROLS.name, "B12", _controls(headcount=1), id="X011-headcount"),
    Case("X015", ((LINES, "F2", "不存在的单位"),), LINES, "F2"),
    Case("X015", ((INCOME, "C2", "不存在的单位"),), INCOME, "C2", id="X015-income"),
    Case("P001", (), LINES, "I2", _actuals_in_wan),
    Case("P001", (), LINES, "G2", _in_wan("G"), id="P001-budget-column"),
    Case("P007", ((LINES, "I3", 20.87),), LINES, "I3"),
    Case("P007", ((LINES, "H3", 20.87),), LINES, "H3", id="P007-full-budget-column"),
    Case("P008", ((LINES, "I8", 56),), LINES, "I8"),
    # ---------------------------------------------------------------- cross-checks
    Case("A007", ((LINES, "D2", "经营支出"),), LINES, "D2"),
    Case("A008", ((LINES, "B2", None),), LINES, "B2"),
    Case("A009", ((EVAL, "A2", "不存在的项目"),), EVAL, "A2"),
    Case("A010", ((EVAL, "A2", "２０２４年大厅便民服务及印刷经费"),), EVAL, "A2"),
    Case("A011", ((EVAL, "F2", 46000),), EVAL, "F2"),
    Case("A012", ((WHOLE, "B4", 1),), WHOLE, "B4"),
    Case("A025", ((WHOLE, "B6", 74_437_600),), WHOLE, "B6"),
    Case("A013", ((INDICATORS, "G2", 0.5), (INDICATORS, "H2", 0.5)), EVAL, "J2"),
    Case("A014", ((INDICATORS, "H2", 0.5),), INDICATORS, "I2"),
    # ---------------------------------------------------------------- narrative
    Case("A015", ((COMPARE, "B2", None),), COMPARE, "B2"),
    Case("A016", ((COMPARE, "C2", None),), COMPARE, "C2"),
    Case("A016", ((COMPARE, "D3", None),), COMPARE, "D3", id="A016-budget-reason"),
    Case("A017", ((COMPARE, "C2", "机构改革，收入支出减少"),), COMPARE, "C2"),
    Case(
        "A017", ((COMPARE, "D3", "年中追加，决算数减少"),), COMPARE, "D3", id="A017-budget-reason"
    ),
    Case("A018", ((COMPARE, "B4", 1),), COMPARE, "B4"),
    # ---------------------------------------------------------------- plausibility
    Case("A019", ((LINES, "I2", 123_456_789_012),), LINES, "I2"),
    Case("A019", ((INCOME, "D2", 123_456_789_012),), INCOME, "D2", id="A019-income"),
    Case("A020", ((PROFILE, "B15", dt.datetime(2024, 6, 1)),), PROFILE, "B15"),
    Case("A021", ((THREE, "B13", 5000),), THREE, "B13"),
    Case("A021", ((THREE, "B11", 2),), THREE, "B11", id="A021-batches"),
    Case("A022", ((LINES, "H13", 0),), LINES, "H13"),
    Case("A023", ((THREE, "B5", 5), (THREE, "B8", None)), THREE, "B5"),
    Case("A024", ((THREE, "B10", 0),), THREE, "B10"),
    # 决算明细 row 3 (2010301, 2,000,000 元 budget and actual): its 全年预算数 cut below it.
    Case("A030", ((LINES, "H3", 1_500_000),), LINES, "H3"),
    # The department (本级) is a 行政单位: no 事业收入, no 经营支出.
    Case("A031", ((INCOME, "B2", "事业收入"),), INCOME, "B2"),
    Case("A031", ((LINES, "D2", "经营支出"),), LINES, "D2", id="A031-business-spending"),
    # ---------------------------------------------------------------- regional wording inputs
    Case(
        "A026",
        (),
        PERFORMANCE_MANAGEMENT.name,
        "B2",  # the rows are typed in field order: 绩效自评的项目数 B1, “优” B2
        special=_form_rows(PERFORMANCE_MANAGEMENT.name, _RATED, PERFORMANCE_MANAGEMENT.fields),
    ),
    Case(
        "A026",
        (),
        PERFORMANCE_MANAGEMENT.name,
        "B2",  # 发现问题数 B1, 已经完成整改 B2
        special=_form_rows(PERFORMANCE_MANAGEMENT.name, _FIXED, PERFORMANCE_MANAGEMENT.fields),
        id="A026-problems",
    ),
    Case(
        "A027",
        (),
        PROCUREMENT.name,
        "B7",  # the example's five rows, then 面向中小企业预留 B6, 面向小微企业预留 B7
        special=_form_rows(PROCUREMENT.name, _RESERVED, PROCUREMENT.fields),
    ),
]
CASE_IDS = [c.id or c.code for c in CASES]
# What the unmutated example triggers: A005 (seed 004 gives no 预决算差异原因 per 项) and
# C004 (its 补充科目 2121399).
BASELINE_CODES = {"A005", "C004"}


def mutate(case: Case, target: Path) -> Path:
    shutil.copy(EXAMPLE, target)
    wb = openpyxl.load_workbook(target)
    for sheet, cell, value in case.edits:
        wb[sheet][cell] = value
    if case.special:
        case.special(wb)
    wb.save(target)
    return target


def located(
    path: Path, settings: Settings | None = None
) -> set[tuple[str, str | None, str | None]]:
    return {(f.code, f.sheet, f.cell) for f in check(path, settings).findings}


@pytest.fixture(scope="module")
def clean() -> set[tuple[str, str | None, str | None]]:
    return located(EXAMPLE)


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_mutation_is_reported_with_its_code_at_its_cell(case: Case, tmp_path: Path) -> None:
    path = mutate(case, tmp_path / "m.xlsx")
    checked = check(path)
    found = {(f.code, f.sheet, f.cell) for f in checked.findings}
    assert (case.code, case.sheet, case.cell) in found, sorted(found)
    finding = next(f for f in checked.findings if (f.code, f.sheet, f.cell) == found_key(case))
    assert "请" in finding.message  # says what to do, in Chinese
    if CODES[case.code].severity == Severity.ERROR:
        assert not checked.ok()


def found_key(case: Case) -> tuple[str, str | None, str | None]:
    return (case.code, case.sheet, case.cell)


@pytest.mark.parametrize("code", sorted({c.code for c in CASES}))
def test_unmutated_example_does_not_trigger(
    code: str, clean: set[tuple[str, str | None, str | None]]
) -> None:
    if code in BASELINE_CODES:
        return
    assert {f for f in clean if f[0] == code} == set()


def test_unmutated_example_triggers_only_its_known_findings(
    clean: set[tuple[str, str | None, str | None]],
) -> None:
    assert {code for code, _, _ in clean} == BASELINE_CODES


def test_every_final_accounts_rule_has_a_mutation() -> None:
    covered = {c.code for c in CASES} | {"A001", "A002", "A003", "A004", "A005", "A006"}
    covered |= {"C004"}  # the example itself (test_unmutated_example_triggers_only_…)
    assert {r.code.code for r in rules("final_accounts")} <= covered


def test_the_gaps_measured_in_the_issue_are_closed(tmp_path: Path) -> None:
    # The issue's 2019999 (其他一般公共服务支出) and 39999 (其他支出) are codes of the
    # catalogs, so C001/C002 rightly accept them; what is wrong with them is caught all the
    # same: a 项 the document compares with last year without a 上年决算数 (A015), a 399 款
    # on a 人员经费 line (C005, C006). Codes the catalogs lack are C001/C002.
    edits: tuple[Edit, ...] = (
        (LINES, "A2", "2019999"),
        (LINES, "B3", "39999"),
        (LINES, "F4", "不存在的单位"),
        (LINES, "I5", 123_456_789_012),
        (COMPARE, "B2", None),
        (LINES, "A6", "2019988"),
        (LINES, "B7", "39988"),
    )
    found = located(mutate(Case("-", edits, "", None), tmp_path / "m.xlsx"))
    assert {
        ("A015", COMPARE, None),  # 功能科目：2019999 has no row on 上年对比
        ("C005", LINES, "D3"),
        ("C006", LINES, "D3"),
        ("X015", LINES, "F4"),
        ("A019", LINES, "I5"),
        ("A015", COMPARE, "B2"),
        ("C001", LINES, "A6"),
        ("C002", LINES, "B7"),
    } <= found


def test_a_far_too_large_amount_checked_by_the_user_is_a_note(tmp_path: Path) -> None:
    path = mutate(Case("A019", ((LINES, "I2", 123_456_789_012),), LINES, "I2"), tmp_path / "m.xlsx")
    found = located(path, Settings(amounts_checked=True))
    assert ("V002", LINES, "I2") in found
    assert not {f for f in found if f[0] == "A019"}


def test_a_reason_for_the_budget_gap_is_judged_against_actual_minus_budget(tmp_path: Path) -> None:
    # 财政拨款收支总计: actual above the year-start budget, so “增加” agrees and “减少” does not.
    fine = mutate(
        Case("-", ((COMPARE, "D3", "年中追加，决算数增加"),), "", None), tmp_path / "a.xlsx"
    )
    assert ("A017", COMPARE, "D3") not in located(fine)


def test_a_typed_prior_equal_to_the_sum_of_its_parts_is_accepted(tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(EXAMPLE)
    ws = wb[COMPARE]
    parts = sum(
        ws[f"B{r}"].value or 0
        for r in range(2, ws.max_row + 1)
        if str(ws[f"A{r}"].value).startswith("功能科目：")
    )
    ws["B4"] = parts
    path = tmp_path / "m.xlsx"
    wb.save(path)
    assert ("A018", COMPARE, "B4") not in located(path)


def test_cars_that_differ_with_a_reason_are_accepted(tmp_path: Path) -> None:
    edits: tuple[Edit, ...] = ((THREE, "B5", 5), (THREE, "B8", "1 辆车辆待报废处置，未计入保有量"))
    assert ("A023", THREE, "B5") not in located(
        mutate(Case("-", edits, "", None), tmp_path / "m.xlsx")
    )


def test_a_spelling_variant_of_a_project_is_a_warning_not_an_error(tmp_path: Path) -> None:
    path = mutate(
        Case("-", ((EVAL, "A2", "２０２４年大厅便民服务及印刷经费"),), "", None),
        tmp_path / "m.xlsx",
    )
    codes = {code for code, sheet, cell in located(path) if (sheet, cell) == (EVAL, "A2")}
    assert codes == {"A010"}


def test_a_sparse_second_workbook_gets_only_warnings(tmp_path: Path) -> None:
    # Unit level, business income, no self-evaluation, few 上年对比 rows: the rows it
    # lacks are reasons (A016) and a 预决算差异原因 per 项 (A005); A006 is its 30231 line
    # without a 公务用车保有量.
    checked = check(synthetic(tmp_path))
    assert checked.ok()
    assert {f.code for f in checked.findings} == {"A005", "A006", "A016"}


def test_control_totals_that_agree_with_the_detail_pass(tmp_path: Path) -> None:
    path = mutate(Case("-", (), "", None, _controls(**_example_totals())), tmp_path / "m.xlsx")
    assert not {f for f in located(path) if f[0] == "X011"}


def test_detail_one_line_above_its_control_total_names_that_line(tmp_path: Path) -> None:
    totals = _example_totals()
    totals["spend"] -= 700  # as if 决算明细 row 13 (公务接待费, 700 元) should not count
    path = mutate(Case("-", (), "", None, _controls(**totals)), tmp_path / "m.xlsx")
    message = {(f.code, f.cell): f.message for f in check(path).findings}[("X011", "B3")]
    assert "相差 -700.00 元" in message and "第 13 行（700.00 元）正好等于多出的金额" in message


def _lines_contexts(budget: BudgetContext, final: FinalAccountsContext) -> list[LinesContext]:
    """mypy checks here that both kinds' rule contexts implement the shared protocol."""
    return [budget, final]


def test_both_kinds_offer_the_shared_line_rules_their_lines() -> None:
    checked = check(EXAMPLE)
    assert isinstance(checked.context, FinalAccountsContext)
    budget = check(ROOT / "examples" / "unit-budget-2024" / "workbook.xlsx").context
    assert isinstance(budget, BudgetContext)
    for ctx in _lines_contexts(budget, checked.context):
        assert ctx.coded_lines() and ctx.amount_cells()


# ------------------------------------------------------------------ adversarial values

ODD: dict[str, tuple[Edit, ...]] = {
    "blank-optional-cells": (
        (LINES, "B2", None),
        (LINES, "F2", None),
        (COMPARE, "C2", None),
        (COMPARE, "D3", None),
        (THREE, "B8", None),
        (EVAL, "N2", None),
        (INDICATORS, "I2", None),
    ),
    "zeros-everywhere": (
        *((LINES, f"{col}{row}", 0) for row in range(2, 99) for col in "GHI"),
        (WHOLE, "B4", 0),
        (WHOLE, "B5", 0),
        (WHOLE, "B6", 0),
        (THREE, "B13", 0),
    ),
    "spaces-and-width": (
        (LINES, f"E{PROJECT_ROW}", " 2024年度乌鲁木齐市政务云服务项目 "),
        (LINES, "F2", "乌鲁木齐市数字化发展局"),
        (EVAL, "A2", "２０２４年 大厅便民服务及印刷经费"),
        (COMPARE, "C2", "。；，"),
        (COMPARE, "D3", "增加减少"),
    ),
    "no-evaluations": (
        *((EVAL, f"{col}{row}", None) for row in range(2, 12) for col in "ABCDEFGHIJKLMN"),
        *((INDICATORS, f"{col}{row}", None) for row in range(2, 76) for col in "ABCDEFGHI"),
    ),
    "huge-and-tiny": (
        (LINES, "I2", 999_999_999_999),
        (LINES, "I3", 0.01),
        (INCOME, "D2", 999_999_999_999),
        (THREE, "B11", 99),
        (THREE, "B13", 999_999_999),
        (PROFILE, "B15", dt.datetime(1999, 1, 1)),
    ),
    "only-non-fiscal-lines": tuple((LINES, f"C{row}", "非财政拨款资金") for row in range(2, 99)),
}


def _survives(path: Path, tmp_path: Path) -> None:
    checked = check(path)
    assert all(f.message and "请" in f.message for f in checked.findings if f.code[0] in "ACPX")
    out = tmp_path / "out"
    generated = runner.invoke(app, ["generate", str(path), "-o", str(out), "--no-pdf"])
    assert generated.exception is None or isinstance(generated.exception, SystemExit), repr(
        generated.exception
    )
    assert generated.exit_code == (0 if checked.ok() else 1), generated.stdout
    assert any(out.glob("*.docx")) == checked.ok()
    result = runner.invoke(
        app, ["validate", str(path), "--format", "json", "--annotate", str(tmp_path / "copy.xlsx")]
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    json.loads(result.stdout)
    assert (tmp_path / "copy.xlsx").exists()


@pytest.mark.parametrize("name", sorted(ODD))
def test_odd_values_never_raise(name: str, tmp_path: Path) -> None:
    path = mutate(Case("-", ODD[name], "", None), tmp_path / "odd.xlsx")
    _survives(path, tmp_path)


def test_a_blank_workbook_never_raises(tmp_path: Path) -> None:
    path = tmp_path / "blank.xlsx"
    path.write_bytes(build_blank_workbook(SCHEMA, 2024, "部门"))
    _survives(path, tmp_path)


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_every_mutation_generates_or_refuses_without_raising(case: Case, tmp_path: Path) -> None:
    checked = check(mutate(case, tmp_path / "m.xlsx"), Settings(amounts_checked=True))
    if checked.ok():
        assert render_checked(checked, pdf=False).docx
