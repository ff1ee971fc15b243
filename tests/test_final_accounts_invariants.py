"""Properties of the final-accounts kind that hold for any workbook (hypothesis draws them):
本年收入 + 年初结转结余 = 本年支出 + 结余分配 + 年末结转结余 in every table that states it,
every displayed total is the sum of its parts, and the document renders."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal as D

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from disclosure_gen.kinds.final_accounts.compute.run import Computed, compute
from disclosure_gen.kinds.final_accounts.model import (
    ActualLine,
    Assets,
    Balance,
    CarryoverRow,
    FinalAccounts,
    IncomeRow,
    Procurement,
    Profile,
    ThreePublic,
)
from disclosure_gen.kinds.final_accounts.schema import INCOME_CATEGORIES, KINDS, SOURCES
from tests.test_final_accounts import _identity

FUNCTIONS = ["2010301", "2010302", "2010350", "2080505", "2060499", "2050299"]
ECONOMIC = {"personnel": ["30101", "30108"], "operating": ["30201", "30231"]}
YUAN = st.integers(min_value=0, max_value=10**10).map(lambda cents: D(cents) / 100)


@st.composite
def actual_lines(draw: st.DrawFn) -> ActualLine:
    kind = draw(st.sampled_from(sorted(KINDS.values())))
    source = draw(st.sampled_from(sorted(SOURCES.values())))
    if kind in ("remit", "business", "affiliated_subsidy"):
        source = "non_fiscal"
    return ActualLine(
        sheet="决算明细",
        function=draw(st.sampled_from(FUNCTIONS)),
        economic=draw(st.sampled_from(ECONOMIC.get(kind, ["30227", "31002"]))),
        source=source,
        kind=kind,
        project=draw(st.sampled_from(["甲项目", "乙项目"])) if kind == "project" else None,
        budget=draw(YUAN),
        full_budget=draw(YUAN),
        actual=draw(YUAN),
    )


@st.composite
def income_rows(draw: st.DrawFn) -> IncomeRow:
    return IncomeRow(
        sheet="收入决算",
        function=draw(st.sampled_from(FUNCTIONS)),
        category=draw(st.sampled_from(sorted(INCOME_CATEGORIES.values()))),
        amount=draw(YUAN),
    )


@st.composite
def carryover_rows(draw: st.DrawFn) -> CarryoverRow:
    return CarryoverRow(
        sheet="结转结余",
        source=draw(st.sampled_from(sorted(SOURCES.values()))),
        function=draw(st.sampled_from(FUNCTIONS)),
        amount=draw(YUAN),
    )


def final_accounts(
    lines: Sequence[ActualLine],
    income: Sequence[IncomeRow] = (),
    carryover: Sequence[CarryoverRow] = (),
    balance: Balance | None = None,
    nature: str = "administrative",
) -> FinalAccounts:
    """A final-accounts model of these rows (the property and rounding tests draw them)."""
    profile = Profile(
        sheet="基本信息",
        year=2024,
        level="unit",
        name="某单位",
        nature=nature,
        functions="职能",
        in_service=10,
        in_service_prior=9,
        retired=1,
        retired_prior=1,
        retired_cadre=0,
        retired_cadre_prior=0,
        publish_date=dt.date(2025, 8, 1),
    )
    return FinalAccounts(
        profile=profile,
        lines=tuple(lines),
        income=tuple(income),
        carryover=tuple(carryover),
        balance=balance or Balance(sheet="结余分配"),
        three_public=ThreePublic(sheet="三公经费"),
        procurement=Procurement(sheet="政府采购"),
        assets=Assets(sheet="国有资产"),
    )


@st.composite
def workbooks(draw: st.DrawFn) -> FinalAccounts:
    return final_accounts(
        draw(st.lists(actual_lines(), min_size=1, max_size=25)),
        draw(st.lists(income_rows(), max_size=12)),
        draw(st.lists(carryover_rows(), max_size=6)),
        Balance(sheet="结余分配", use_surplus=draw(YUAN), distribution=draw(YUAN)),
        draw(st.sampled_from(["administrative", "institution"])),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(workbooks())
def test_the_identities_hold_in_every_table_for_any_workbook(model: FinalAccounts) -> None:
    computed: Computed = compute(model)
    _identity(computed)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(workbooks())
def test_every_table_total_row_is_the_sum_of_its_top_level_rows(model: FinalAccounts) -> None:
    computed = compute(model)
    for key in ("t3", "t5"):
        rows = computed.tables[key].rows
        totals = [r for r in rows if r.level == "total"]
        classes = [r for r in rows if r.level == "class"]
        if not totals:
            continue
        for col, value in enumerate(totals[0].cells):
            if isinstance(value, D):
                assert value == sum(
                    (r.cells[col] for r in classes if isinstance(r.cells[col], D)), D(0)
                ), (key, col)
