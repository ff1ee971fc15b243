"""`next-year` on a final-accounts workbook: last year's published figures become the new
year's 上年决算数, and this year's 年末结转和结余 its 年初结转和结余."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from disclosure_gen.cli import app
from disclosure_gen.kinds.final_accounts.compute.balances import year_end_balances
from disclosure_gen.kinds.final_accounts.model import ActualLine, Balance, FinalAccounts
from disclosure_gen.kinds.final_accounts.next_year import next_year
from disclosure_gen.kinds.final_accounts.schema import COMPUTED_COMPARISONS, FISCAL_SOURCES
from disclosure_gen.pipeline import check
from disclosure_gen.yearly import NextYearError
from tests.conftest import ROOT

EXAMPLE = ROOT / "examples" / "department-final-accounts-2024" / "workbook.xlsx"


def _model(path: Path = EXAMPLE) -> FinalAccounts:
    checked = check(path)
    assert isinstance(checked.model, FinalAccounts)
    return checked.model


def _read_back(model: FinalAccounts, tmp_path: Path, year: int = 2025) -> FinalAccounts:
    path = tmp_path / "next.xlsx"
    path.write_bytes(next_year(model, year).workbook)
    return _model(path)


def test_the_new_year_compares_with_the_figures_this_years_document_printed(
    tmp_path: Path,
) -> None:
    model = _model()
    stated = check(EXAMPLE).computed.facts.compared  # type: ignore[union-attr]
    new = _read_back(model, tmp_path)
    priors = {c.item: c for c in new.comparisons}
    for item, amount in stated.items():
        if item in COMPUTED_COMPARISONS:
            assert priors[item].prior is None, item  # the tool totals these itself (A018)
        elif item in priors:
            assert priors[item].prior == amount * 10000, item
    assert priors["收支总计"].prior == stated["收支总计"] * 10000
    assert all(c.reason is None and c.budget_reason is None for c in new.comparisons)


def test_headcounts_units_and_divisions_carry_over_and_the_year_moves_on(tmp_path: Path) -> None:
    model = _model()
    new = _read_back(model, tmp_path)
    p, q = model.profile, new.profile
    assert q.year == 2025 and q.name == p.name and q.level == p.level
    assert (q.in_service_prior, q.retired_prior, q.retired_cadre_prior) == (
        p.in_service,
        p.retired,
        p.retired_cadre,
    )
    assert q.other_notes is None
    assert [d.name for d in new.divisions] == [d.name for d in model.divisions]
    assert [u.name for u in new.subordinate_units] == [u.name for u in model.subordinate_units]
    assert not new.lines and not new.income  # the new year's figures are entered afresh


def _fiscal_year_end(model: FinalAccounts) -> Decimal:
    """This year's 年末财政拨款结转和结余 in 元, from the workbook's own detail."""
    carry = sum((b.amount for b in model.carryover if b.source in FISCAL_SOURCES), Decimal(0))
    income = sum((r.amount for r in model.income if r.category in FISCAL_SOURCES), Decimal(0))
    spent = sum((ln.actual for ln in model.lines if ln.source in FISCAL_SOURCES), Decimal(0))
    return carry + income - spent


def test_year_end_fiscal_balances_become_the_new_year_start_balances(tmp_path: Path) -> None:
    model = _model()
    new = _read_back(model, tmp_path)
    carried = sum((b.amount for b in new.carryover if b.source in FISCAL_SOURCES), Decimal(0))
    assert carried == _fiscal_year_end(model) > 0
    by_key: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for b in new.carryover:
        assert b.unit is None
        by_key[(b.source, b.function)] += b.amount
    balances = year_end_balances(model)
    assert all(balances[key] == amount for key, amount in by_key.items())
    # The new document states them as its 年初财政拨款结转和结余, to the cent.
    old_facts = check(EXAMPLE).computed.facts  # type: ignore[union-attr]
    path = tmp_path / "next.xlsx"
    new_facts = check(path).computed
    assert new_facts is not None
    assert new_facts.facts.fiscal_carry_in == old_facts.fiscal_carry_out


def test_non_fiscal_balances_are_carried_only_when_no_surplus_was_used_or_distributed(
    tmp_path: Path,
) -> None:
    model = _model()
    plain = model.model_copy(update={"balance": Balance(sheet="结余分配")})
    carried = _read_back(plain, tmp_path).carryover
    exact = year_end_balances(plain)
    non_fiscal = {k: v for k, v in exact.items() if k[0] == "non_fiscal" and v > 0}
    assert {(b.source, b.function): b.amount for b in carried if b.source == "non_fiscal"} == (
        non_fiscal
    )
    used = model.model_copy(
        update={"balance": Balance(sheet="结余分配", use_surplus=Decimal("5000"))}
    )
    result = next_year(used, 2025)
    assert not [b for b in result.model.carryover if b.source == "non_fiscal"]
    assert any("非财政拨款的年初结转和结余没有带入" in n for n in result.notes)


def test_a_function_spent_beyond_its_money_is_named_and_not_carried() -> None:
    model = _model()
    first = model.lines[0]
    overspent = first.model_copy(
        update={"function": "2011101", "source": "general_budget", "actual": Decimal("12345")}
    )
    assert isinstance(overspent, ActualLine)
    result = next_year(model.model_copy(update={"lines": (*model.lines, overspent)}), 2025)
    assert not [b for b in result.model.carryover if b.function == "2011101"]
    assert any("2011101" in n and "支出大于" in n for n in result.notes)


def test_the_command_writes_the_new_workbook_and_refuses_an_earlier_year(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "2025.xlsx"
    result = runner.invoke(app, ["next-year", str(EXAMPLE), "--year", "2025", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "2025 年决算工作簿" in result.output and "结转结余" in result.output
    assert _model(out).profile.year == 2025
    again = runner.invoke(
        app, ["next-year", str(EXAMPLE), "--year", "2024", "-o", str(out), "--force"]
    )
    assert again.exit_code != 0 and "应晚于" in again.output
    with pytest.raises(NextYearError, match="应晚于"):
        next_year(_model(), 2023)


def test_the_new_workbook_validates_without_errors(tmp_path: Path) -> None:
    path = tmp_path / "next.xlsx"
    path.write_bytes(next_year(_model(), 2025).workbook)
    checked = check(path)
    assert checked.ok(), [f.message for f in checked.findings if f.severity.name == "ERROR"]
