"""Properties of departments drawn at random: every table, tables 4, 6 and 11 included,
adds up, each unit's subtotal rows add up to the department's totals, and every
year-over-year figure is the difference of the two displayed amounts."""

from __future__ import annotations

from decimal import Decimal as D

from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_gen.compute.figures import Figure
from disclosure_gen.compute.table import Table
from disclosure_gen.kinds.budget.compute.run import compute
from disclosure_gen.kinds.budget.model import Comparison, Disclosure, ExpenditureLine
from disclosure_gen.money import yuan_to_wan
from disclosure_gen.records import SubordinateUnit
from tests.test_invariants import amounts, column_sums_match, lines, model

UNITS = ("甲中心", "乙中心", "丙中心")


@st.composite
def departments(draw: st.DrawFn) -> Disclosure:
    """本级 plus one to three subordinate units (one possibly secret), lines spread over
    them, and prior-year figures for some of the function items."""
    count = draw(st.integers(min_value=1, max_value=3))
    secret = draw(st.integers(min_value=-1, max_value=count - 1))
    units = tuple(
        SubordinateUnit(sheet="下属单位", name=n, nature="事业单位", secret=i == secret)
        for i, n in enumerate(UNITS[:count])
    )
    drawn: list[ExpenditureLine] = draw(st.lists(lines(), min_size=1, max_size=25))
    owners = st.sampled_from([None, *(u.name for u in units)])
    items = [line.model_copy(update={"unit": draw(owners)}) for line in drawn]
    base = model(items)
    functions = sorted({line.function for line in items})
    priors = draw(
        st.lists(
            st.tuples(st.sampled_from(functions), st.integers(min_value=0, max_value=10**10)),
            max_size=len(functions),
            unique_by=lambda t: t[0],
        )
    )
    comparisons = tuple(
        Comparison(sheet="上年对比", item=f"功能科目：{code}", prior=D(cents) / 100, reason="原因")
        for code, cents in priors
    )
    profile = base.profile.model_copy(update={"level": "department"})
    return base.model_copy(
        update={"profile": profile, "subordinate_units": units, "comparisons": comparisons}
    )


def _rows(table: Table, level: str) -> list[tuple[D, ...]]:
    return [amounts(r.cells) for r in table.rows if r.level == level]


@settings(max_examples=50, deadline=None)
@given(departments())
def test_tables_4_6_and_11_add_up(d: Disclosure) -> None:
    c = compute(d)
    t4 = c.tables["t4"]
    (total4,) = _rows(t4, "total")
    left = {r.cells[0]: r.cells[1] for r in t4.rows if isinstance(r.cells[1], D)}
    fiscal = left["一般公共预算"] + left["政府性基金预算"] + left["国有资本经营预算"]
    assert left["一、财政拨款（补助）"] == fiscal == total4[0] == total4[1]
    right = [amounts(r.cells[2:]) for r in t4.rows if r.level == "item"]
    assert column_sums_match(right, total4[1:])
    for row in [*right, total4[1:]]:
        assert row[0] == row[1] + row[2] + row[3]
    t6 = c.tables["t6"]
    if not t6.empty:
        (total6,) = _rows(t6, "total")
        assert column_sums_match(_rows(t6, "class"), total6)
        assert column_sums_match(_rows(t6, "section"), total6)
        for row in [total6, *_rows(t6, "class"), *_rows(t6, "section")]:
            assert row[0] == row[1] + row[2]
    t11 = c.tables["t11"]
    if not t11.empty:
        (total11,) = _rows(t11, "total")
        for row in [total11, *_rows(t11, "unit"), *_rows(t11, "item")]:
            assert row[0] == row[1] + row[5]
            assert row[1] == row[2] + row[3] + row[4] and row[5] == row[6] + row[7] + row[8]


@settings(max_examples=50, deadline=None)
@given(departments())
def test_each_units_subtotals_add_up_to_the_department_totals(d: Disclosure) -> None:
    c = compute(d)
    for key in ("t7", "t11"):
        table = c.tables[key]
        if table.empty:
            continue
        (grand,) = _rows(table, "total")
        units = _rows(table, "unit")
        assert column_sums_match(units, grand), key
        # each unit row sums the rows under it up to the next unit row
        level = "item" if key == "t11" else "class"
        block: list[tuple[D, ...]] = []
        head: tuple[D, ...] | None = None
        for row in [*table.rows[1:], None]:
            if row is None or row.level == "unit":
                if head is not None:
                    assert column_sums_match(block, head), key
                if row is not None:
                    head, block = amounts(row.cells), []
            elif row.level == level:
                block.append(amounts(row.cells))
    names = {u.name for u in d.subordinate_units if u.secret}
    for table in c.tables.values():
        for row in table.rows:
            assert not names & {str(cell) for cell in row.cells}


def _changes(figures: list[Figure]) -> list[Figure]:
    return [f for f in figures if f.change is not None]


@settings(max_examples=50, deadline=None)
@given(departments())
def test_every_year_over_year_figure_is_the_difference_of_the_displayed_amounts(
    d: Disclosure,
) -> None:
    c = compute(d)
    priors = {
        r.item.removeprefix("功能科目："): yuan_to_wan(r.prior or D(0)) for r in d.comparisons
    }
    stated = [item.figure for item in c.facts.general_items]
    for figure, item in zip(stated, c.facts.general_items, strict=True):
        change = figure.change
        if item.code in priors:
            assert change is not None and change.prior == priors[item.code]
            assert change.current == figure.amount
            assert change.delta == figure.amount - priors[item.code]
        else:
            assert change is None
    for figure in _changes(stated):
        assert figure.change is not None
        if figure.change.prior:
            exact = abs(figure.change.delta) / figure.change.prior * 100
            assert abs(figure.change.rate - exact) <= D("0.005")
