"""`next-year`: next year's workbook from this year's, its 待确认 proposals and 上年无此项."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from disclosure_gen.cli import app
from disclosure_gen.kinds.budget.compute.run import Computed
from disclosure_gen.kinds.budget.model import Disclosure, Project
from disclosure_gen.kinds.budget.next_year import (
    NextYearError,
    figures_by_item,
    is_continuing,
    next_year,
    period_end,
)
from disclosure_gen.pipeline import Checked, check, render_checked
from tests import builders
from tests.conftest import EXAMPLE
from tests.render_helpers import docx_paragraphs
from tests.test_reader import edit

PROJECT = "工信厅电子政务运行维护和企业信息化工作经费"


def _model(path: Path = EXAMPLE) -> Disclosure:
    checked = check(path)
    assert isinstance(checked.model, Disclosure)
    return checked.model


def _copy_lines(source: Path, target: Path, skip_project: bool = False) -> None:
    """Type the source's 支出明细 into the target, as a finance officer enters the new budget."""
    rows = [
        r
        for r in load_workbook(source)["支出明细"].iter_rows(min_row=2, values_only=True)
        if any(v is not None for v in r) and not (skip_project and r[3] == "项目支出")
    ]
    wb = load_workbook(target)
    ws = wb["支出明细"]
    for i, row in enumerate(rows, start=2):
        for j, value in enumerate(row, start=1):
            ws.cell(i, j, value)
    wb.save(target)


def _next(tmp_path: Path, year: int = 2025, all_projects: bool = False) -> Path:
    path = tmp_path / "next.xlsx"
    path.write_bytes(next_year(_model(), year, all_projects=all_projects).workbook)
    return path


def test_round_trip_validates_with_exactly_the_pending_warnings(tmp_path: Path) -> None:
    result = next_year(_model(), 2025, all_projects=True)
    path = tmp_path / "next.xlsx"
    path.write_bytes(result.workbook)
    _copy_lines(EXAMPLE, path)
    checked = check(path)
    pending = [c for c in _checked_model(checked).comparisons if c.status == "pending"]
    assert result.pending == len(pending) == 17
    assert [(f.code, f.severity.value) for f in checked.findings] == [("N009", "warning")] * 17
    assert sorted(f.cell or "" for f in checked.findings) == sorted(
        c.cell("reason") or "" for c in pending
    )
    assert all("上年" in f.message and "已确认" in f.message for f in checked.findings)


def test_a_confirmed_reason_is_judged_again_by_the_reason_rules(tmp_path: Path) -> None:
    """Pending reasons wait (N009 covers them); once confirmed, last year's reasons for this
    year's unchanged figures meet N003/N008 as any typed reason does."""
    path = _next(tmp_path, all_projects=True)
    _copy_lines(EXAMPLE, path)
    wb = load_workbook(path)
    ws = wb["上年对比"]
    for row in range(2, ws.max_row + 1):
        if ws.cell(row, 4).value == "待确认":
            ws.cell(row, 4).value = "已确认"
    wb.save(path)
    findings = check(path).findings
    assert findings and {f.code for f in findings} <= {"N003", "N007", "N008", "P003"}
    assert ("N003", "C22") in {(f.code, f.cell) for f in findings}  # “…导致测算基数增长”, unchanged


def _checked_model(checked: Checked) -> Disclosure:
    assert isinstance(checked.model, Disclosure)
    return checked.model


def test_prior_figures_are_last_years_printed_figures_in_yuan(tmp_path: Path) -> None:
    last = check(EXAMPLE)
    assert isinstance(last.computed, Computed)
    new = _model(_next(tmp_path))
    rows = {c.item: c for c in new.comparisons}
    for item, amount in figures_by_item(last.computed.facts):
        row = rows[item]
        if amount or item.startswith(("三公：", "运行经费")):
            assert row.prior == amount * Decimal(10000), item
            assert isinstance(row.prior, Decimal)
        else:
            assert (row.prior, row.status) == (None, "absent"), item
    assert rows["收入：一般公共预算"].prior == Decimal(
        "3353700"
    )  # 335.37 万元, as the 2024 document prints it
    assert rows["收入：一般公共预算"].status == "pending"
    assert (
        rows["收入：一般公共预算"].reason
        == "人员减少、人员职级增长、工资普调等原因造成一般公共预算相对减少"
    )
    assert rows["收入：单位资金"].status == "absent"  # no unit funds in 2024
    assert rows["三公：公务接待费"].prior == 0
    assert "功能科目：2150599" in rows


def test_profile_headcounts_and_lists_are_carried(tmp_path: Path) -> None:
    old, new = _model(), _model(_next(tmp_path))
    p, q = old.profile, new.profile
    assert (q.year, q.name, q.nature, q.level, q.functions) == (
        2025,
        p.name,
        p.nature,
        p.level,
        p.functions,
    )
    assert (q.in_service_prior, q.retired_prior, q.retired_cadre_prior) == (11, 10, 1)
    assert (q.staff_quota, q.publish_date.year, q.other_notes) == (p.staff_quota, 2025, None)
    assert [d.name for d in new.divisions] == [d.name for d in old.divisions]
    assert [x.purpose for x in new.purposes] == [x.purpose for x in old.purposes]
    assert new.lines == () and new.targets == ()


def test_a_project_ending_last_year_is_not_carried_unless_asked(tmp_path: Path) -> None:
    result = next_year(_model(), 2025)
    assert result.carried_projects == () and result.ended_projects == (PROJECT,)
    assert any(PROJECT in note for note in result.notes)
    assert next_year(_model(), 2025, all_projects=True).carried_projects == (PROJECT,)


@pytest.mark.parametrize(
    ("period", "end", "continuing"),
    [
        ("2024年1月-12月", 2024, False),
        ("2025年1月1日-2025年12月31日", 2025, True),
        ("2023-2026年", 2026, True),
        ("长期", None, True),
        ("2023年", 2023, False),
    ],
)
def test_continuing_is_decided_by_the_last_year_of_the_period(
    period: str, end: int | None, continuing: bool
) -> None:
    assert period_end(period) == end
    project = Project(
        sheet="项目信息", name="p", policy_basis="x", undertaker="u", allocation="a", period=period
    )
    assert is_continuing(project, 2024) is continuing


def test_a_year_without_a_catalog_uses_the_nearest_earlier_one_with_a_note(tmp_path: Path) -> None:
    result = next_year(_model(), 2026)
    assert any("2026 年" in n and "2025 年目录" in n for n in result.notes)
    path = tmp_path / "n.xlsx"
    path.write_bytes(result.workbook)
    assert {f.code for f in check(path).findings} >= {"C008"}


def test_the_new_year_must_come_after_the_last() -> None:
    with pytest.raises(NextYearError, match="应晚于"):
        next_year(_model(), 2024)


def test_a_new_item_is_stated_as_new_instead_of_a_change_from_zero(tmp_path: Path) -> None:
    path = _next(tmp_path, all_projects=True)
    _copy_lines(EXAMPLE, path)
    edit(path, "支出明细", "C22", "单位资金-事业收入")  # the project line now spends unit funds
    checked = check(path)
    assert not [f for f in checked.findings if f.code == "N001"]
    text = "".join(docx_paragraphs(render_checked(checked, pdf=False).docx))
    assert "单位资金65.00万元，占" in text and "上年无此项，为本年新增。" in text
    assert "单位资金65.00万元，占" in text.split("上年无此项")[0][-40:]


def test_without_the_mark_a_new_item_still_needs_its_prior_figure(tmp_path: Path) -> None:
    path = _next(tmp_path, all_projects=True)
    _copy_lines(EXAMPLE, path)
    edit(path, "支出明细", "C22", "单位资金-事业收入")
    wb = load_workbook(path)
    ws = wb["上年对比"]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "收入：单位资金")
    ws.cell(row, 4).value = None
    wb.save(path)
    assert [(f.code, f.cell) for f in check(path).findings if f.code == "N001"] == [
        ("N001", f"B{row}")
    ]


def test_an_absent_mark_beside_an_amount_is_a_warning_and_the_amount_counts(tmp_path: Path) -> None:
    path = _next(tmp_path, all_projects=True)
    _copy_lines(EXAMPLE, path)
    wb = load_workbook(path)
    ws = wb["上年对比"]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "收入：单位资金")
    ws.cell(row, 2).value = 10000
    wb.save(path)
    findings = check(path).findings
    assert [(f.code, f.sheet, f.cell) for f in findings if f.code == "N010"] == [
        ("N010", "上年对比", f"B{row}")
    ]


def test_cli_writes_the_new_workbook_and_refuses_to_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "2025.xlsx"
    runner = CliRunner()
    result = runner.invoke(app, ["next-year", str(EXAMPLE), "--year", "2025", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "待确认" in result.output and out.is_file()
    assert _model(out).profile.year == 2025
    again = runner.invoke(app, ["next-year", str(EXAMPLE), "--year", "2025", "-o", str(out)])
    assert again.exit_code == 2 and "已存在" in again.output
    same = runner.invoke(
        app, ["next-year", str(EXAMPLE), "--year", "2025", "-o", str(EXAMPLE), "--force"]
    )
    assert same.exit_code == 2
    past = runner.invoke(
        app, ["next-year", str(EXAMPLE), "--year", "2023", "-o", str(tmp_path / "x.xlsx")]
    )
    assert past.exit_code == 2 and "应晚于" in past.output


def _with_comparisons(tmp_path: Path, replace: dict[str, tuple[object, ...]]) -> Path:
    data = builders.sample()
    data["rows"]["comparisons"] = [replace.get(c[0], c) for c in data["rows"]["comparisons"]]
    return builders.write(tmp_path / "s.xlsx", data)


def test_a_pending_reason_is_a_warning_at_its_cell(tmp_path: Path) -> None:
    path = _with_comparisons(
        tmp_path,
        {"收入：一般公共预算": ("收入：一般公共预算", 2000000, "人员经费标准调整", "待确认")},
    )
    found = [(f.code, f.sheet, f.cell) for f in check(path).findings if f.code == "N009"]
    assert found == [("N009", "上年对比", "C2")]
    confirmed = _with_comparisons(
        tmp_path,
        {"收入：一般公共预算": ("收入：一般公共预算", 2000000, "人员经费标准调整", "已确认")},
    )
    assert not [f for f in check(confirmed).findings if f.code == "N009"]


def test_an_item_absent_last_year_is_stated_as_new(tmp_path: Path) -> None:
    path = _with_comparisons(
        tmp_path, {"收入：单位资金": ("收入：单位资金", None, None, "上年无此项")}
    )
    checked = check(path)
    assert not [f for f in checked.findings if f.code == "N001"]
    text = "".join(docx_paragraphs(render_checked(checked, pdf=False).docx))
    assert "单位资金12.00万元，占" in text
    assert "上年无此项，为本年新增。" in text.split("单位资金12.00万元，占")[1][:40]


def test_an_absent_mark_beside_a_typed_zero_is_a_warning_and_the_zero_counts(
    tmp_path: Path,
) -> None:
    path = _with_comparisons(
        tmp_path, {"收入：单位资金": ("收入：单位资金", 0, "新增", "上年无此项")}
    )
    checked = check(path)
    assert [(f.code, f.cell) for f in checked.findings if f.code == "N010"] == [("N010", "B4")]
    text = "".join(docx_paragraphs(render_checked(checked, pdf=False).docx))
    assert "单位资金12.00万元" in text and "增长100.00%" in text
