"""Properties that hold for any workbook: every displayed total is the sum of its
displayed parts, in every table and every sentence (hypothesis draws the workbooks)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_gen.kinds.budget.compute.run import Computed, compute
from disclosure_gen.kinds.budget.compute.sources import SOURCE_INFO
from disclosure_gen.kinds.budget.model import (
    Assets,
    Disclosure,
    ExpenditureLine,
    Procurement,
    Profile,
)

FUNCTIONS = ["2010301", "2010302", "2010350", "2080505", "2101102", "2210201", "2060499"]
ECONOMIC = {
    "personnel": ["30101", "30108", "30302"],
    "operating": ["30201", "30217", "30231"],
    "project": ["30213", "31002", "30299", "31013", "30212"],
}


@st.composite
def lines(draw: st.DrawFn) -> ExpenditureLine:
    kind = draw(st.sampled_from(sorted(ECONOMIC)))
    cents = draw(st.integers(min_value=0, max_value=10**11))
    return ExpenditureLine(
        sheet="支出明细",
        function=draw(st.sampled_from(FUNCTIONS)),
        economic=draw(st.sampled_from(ECONOMIC[kind])),
        source=draw(st.sampled_from(sorted(SOURCE_INFO))),
        kind=kind,
        project=draw(st.sampled_from(["甲项目", "乙项目"])) if kind == "project" else None,
        amount=D(cents) / 100,
    )


def model(items: list[ExpenditureLine]) -> Disclosure:
    profile = Profile(
        sheet="基本信息",
        year=2025,
        level="unit",
        name="测试单位",
        nature="institution",
        functions="职能",
        staff_quota=1,
        in_service=1,
        in_service_prior=1,
        retired=0,
        retired_prior=0,
        retired_cadre=0,
        retired_cadre_prior=0,
        publish_date=dt.date(2025, 3, 1),
    )
    return Disclosure(
        profile=profile,
        lines=tuple(items),
        procurement=Procurement(sheet="政府采购"),
        assets=Assets(sheet="国有资产"),
    )


def column_sums_match(rows: list[tuple[D, ...]], total: tuple[D, ...]) -> bool:
    return all(sum((r[i] for r in rows), D(0)) == total[i] for i in range(len(total)))


def amounts(cells: tuple[object, ...]) -> tuple[D, ...]:
    return tuple(c for c in cells if isinstance(c, D))


@settings(max_examples=60, deadline=None)
@given(st.lists(lines(), min_size=1, max_size=25))
def test_every_table_total_is_the_sum_of_its_rows_and_columns(items: list[ExpenditureLine]) -> None:
    c: Computed = compute(model(items))
    grand = sum((leaf.amount for leaf in c.leaves), D(0))
    for key in ("t2", "t3", "t5", "t7", "t8", "t9"):
        table = c.tables[key]
        if table.empty:
            continue
        total = amounts(table.rows[0].cells)
        for level in ("class", "item"):
            rows = [amounts(r.cells) for r in table.rows if r.level == level]
            assert column_sums_match(rows, total), (key, level)
    t2 = amounts(c.tables["t2"].rows[0].cells)
    assert t2[0] == grand == t2[1] + t2[8] + t2[9] + t2[10] + t2[11]
    assert t2[1] == sum(t2[2:8], D(0))
    t3 = amounts(c.tables["t3"].rows[0].cells)
    assert t3[0] == t3[1] + t3[2]
    last = c.tables["t1"].rows[-1].cells
    assert last[1] == last[3] == grand
    t10 = {r.cells[0]: amounts(r.cells) for r in c.tables["t10"].rows}
    assert (
        t10["合计"][0]
        == t10["因公出国（境）费"][0]
        + t10["公务接待费"][0]
        + t10["公务用车购置及运行费（小计）"][0]
    )
    for row in t10.values():
        assert row[0] == sum(row[1:], D(0))


@settings(max_examples=60, deadline=None)
@given(st.lists(lines(), min_size=1, max_size=25))
def test_narrative_figures_agree_with_the_tables(items: list[ExpenditureLine]) -> None:
    c = compute(model(items))
    f = c.facts
    assert f.income_total == sum((g.amount for g in f.income), D(0))
    assert f.income_total == f.basic.amount + f.project.amount
    assert f.general_total == f.general_basic.amount + f.general_project.amount
    assert f.general_basic_total == f.personnel + f.operating
    assert f.general_total == sum((u.amount for u in f.general_classes), D(0))
    assert f.three_public.amount == sum((p.amount for p in f.three_public_items), D(0))
    t5 = amounts(c.tables["t5"].rows[0].cells) if not c.tables["t5"].empty else (D(0),)
    assert t5[0] == f.general_total
    shares = [g.share for g in f.income if g.share is not None and g.amount]
    if f.income_total:
        assert abs(sum(shares, D(0)) - 100) <= D("0.01") * len(shares)
