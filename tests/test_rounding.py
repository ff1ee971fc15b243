"""尾差调整: lines are rounded together so that the totals are their 元-exact values rounded once.

Properties, for both kinds (hypothesis draws the lines, amounts in 元 with fen, many sources):
(a) every displayed total is the sum of its displayed parts (tables add up);
(b) the grand total is the exact grand total rounded once (ROUND_HALF_UP);
(c) every funding source's total and the 基本/项目支出 totals are the floor or ceiling of their
    exact value and equal their own rounding whenever a consistent choice exists: no choice
    of lines (each at its floor or ceiling, grand total rounded once) has fewer totals away
    from their own rounding (checked against brute force on small tables);
(d) every line is within 0.01 万元 of its own rounding (in fact at its floor or ceiling).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_gen.compute.rounding import Part, Path, Rank, allocate
from disclosure_gen.kinds.budget.compute.leaves import (
    kind_path,
    rounded_amounts,
    rounding_rank,
    source_path,
)
from disclosure_gen.kinds.budget.compute.run import compute
from disclosure_gen.kinds.budget.compute.sources import SOURCE_INFO
from disclosure_gen.kinds.budget.model import ExpenditureLine
from disclosure_gen.kinds.final_accounts import model as fa
from disclosure_gen.kinds.final_accounts.compute.leaves import fund_path as fa_fund_path
from disclosure_gen.kinds.final_accounts.compute.leaves import kind_path as fa_kind_path
from disclosure_gen.kinds.final_accounts.compute.leaves import leaves as fa_leaves
from disclosure_gen.kinds.final_accounts.compute.leaves import rounding_rank as fa_rank
from disclosure_gen.kinds.final_accounts.compute.run import compute as fa_compute
from disclosure_gen.kinds.final_accounts.schema import INCOME_CATEGORIES as FA_SCHEMA_CATEGORIES
from disclosure_gen.kinds.final_accounts.schema import KINDS as FA_SCHEMA_KINDS
from disclosure_gen.kinds.final_accounts.schema import SOURCES as FA_SCHEMA_SOURCES
from tests.test_final_accounts_invariants import final_accounts
from tests.test_invariants import ECONOMIC, FUNCTIONS, amounts, model

CENT = D("0.01")


def half_up(value: D) -> D:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def floor(value: D) -> D:
    return value.quantize(CENT, rounding=ROUND_FLOOR)


def ceiling(value: D) -> D:
    return value.quantize(CENT, rounding=ROUND_CEILING)


def groups(parts: Sequence[Part]) -> dict[tuple[str, Path], list[int]]:
    """Every row group and column group (each prefix of a path) → the parts beneath it."""
    out: dict[tuple[str, Path], list[int]] = {}
    for index, part in enumerate(parts):
        for side, path in (("row", part.row), ("column", part.column)):
            for depth in range(1, len(path) + 1):
                out.setdefault((side, path[:depth]), []).append(index)
    return out


def cells(parts: Sequence[Part]) -> dict[tuple[Path, Path], list[int]]:
    """Every cell (a finest row × a finest column) → its parts."""
    out: dict[tuple[Path, Path], list[int]] = {}
    for index, part in enumerate(parts):
        out.setdefault((part.row, part.column), []).append(index)
    return out


def deviations(parts: Sequence[Part], shown: Sequence[D], rank: Rank | None) -> dict[int, int]:
    """Rank → how many groups of that rank are not their own rounding."""
    out: dict[int, int] = {}
    for (side, path), members in groups(parts).items():
        r = rank(side, path) if rank else 0
        exact = sum((parts[i].amount for i in members), D(0))
        total = sum((shown[i] for i in members), D(0))
        out[r] = out.get(r, 0) + (total != half_up(exact))
    return out


def assert_controlled(parts: Sequence[Part], shown: Sequence[D]) -> None:
    """(b), (d) and the floor-or-ceiling half of (c)."""
    assert len(shown) == len(parts)
    for part, value in zip(parts, shown, strict=True):
        assert value in (floor(part.amount), ceiling(part.amount))
        assert abs(value - half_up(part.amount)) <= CENT
        assert value == value.quantize(CENT)
    grand = sum((p.amount for p in parts), D(0))
    assert sum(shown, D(0)) == half_up(grand)
    for members in groups(parts).values():
        exact = sum((parts[i].amount for i in members), D(0))
        total = sum((shown[i] for i in members), D(0))
        assert total in (floor(exact), ceiling(exact))
    for members in cells(parts).values():
        exact = sum((parts[i].amount for i in members), D(0))
        assert sum((shown[i] for i in members), D(0)) in (floor(exact), ceiling(exact))


def best_possible(parts: Sequence[Part], rank: Rank | None) -> list[int]:
    """Brute force: the fewest deviations, highest rank first, over every controlled rounding:
    each line at floor or ceiling, every group and cell at floor or ceiling, the grand total
    rounded once."""
    grand = half_up(sum((p.amount for p in parts), D(0)))
    options = [sorted({floor(p.amount), ceiling(p.amount)}) for p in parts]
    bounds = [
        (members, floor(exact), ceiling(exact))
        for members in [*groups(parts).values(), *cells(parts).values()]
        for exact in [sum((parts[i].amount for i in members), D(0))]
    ]
    best: list[int] | None = None
    for choice in itertools.product(*options):
        if sum(choice, D(0)) != grand:
            continue
        if not all(lo <= sum((choice[i] for i in m), D(0)) <= hi for m, lo, hi in bounds):
            continue
        counts = deviations(parts, choice, rank)
        key = [counts.get(r, 0) for r in sorted(counts, reverse=True)]
        if best is None or key < best:
            best = key
    assert best is not None
    return best


def assert_optimal(parts: Sequence[Part], shown: Sequence[D], rank: Rank | None) -> None:
    """(c): own rounding wherever a consistent choice allows it (same count per rank)."""
    counts = deviations(parts, shown, rank)
    assert [counts.get(r, 0) for r in sorted(counts, reverse=True)] == best_possible(parts, rank)


# ---------------------------------------------------------------- the shared allocation


def test_two_sources_of_six_yuan_tenths_give_way_to_the_grand_total() -> None:
    """BRIEF §4: 0.006 + 0.006 万元 round to 0.01 + 0.01, but their exact sum 0.012 to 0.01."""
    parts = [Part(D("0.006"), ("a",), ("basic",)), Part(D("0.006"), ("b",), ("basic",))]
    shown = allocate(parts)
    assert sum(shown, D(0)) == D("0.01")
    assert sorted(shown) == [D("0.00"), D("0.01")]
    assert shown == (D("0.01"), D("0.00"))  # a tie: the earlier line keeps its rounding


def test_the_remainder_closest_to_a_half_gives_way() -> None:
    parts = [Part(D("0.0055")), Part(D("0.0051")), Part(D("0.0058"))]  # exact 0.0164 → 0.02
    assert allocate(parts) == (D("0.01"), D("0.00"), D("0.01"))


def test_largest_remainder_within_a_cell() -> None:
    parts = [Part(D("1.234")), Part(D("2.345")), Part(D("3.456")), Part(D("0.004"))]
    # exact 7.039 → 7.04; own roundings 1.23 + 2.35 + 3.46 + 0.00 = 7.04 already
    assert allocate(parts) == (D("1.23"), D("2.35"), D("3.46"), D("0.00"))
    many = [Part(D("0.004"))] * 5  # exact 0.020: two of them must show 0.01
    assert allocate(many) == (D("0.01"), D("0.01"), D("0.00"), D("0.00"), D("0.00"))


def test_whole_quanta_never_move_and_empty_input_is_empty() -> None:
    parts = [Part(D("12.34"), ("a",)), Part(D("0.50"), ("b",)), Part(D("0"), ("a",))]
    assert allocate(parts) == (D("12.34"), D("0.50"), D("0.00"))
    assert allocate([]) == ()


def test_quantum_must_be_a_power_of_ten() -> None:
    with pytest.raises(ValueError):
        allocate([Part(D(1))], quantum=D("0.05"))


ROWS: tuple[Path, ...] = (
    ("current", "fiscal", "g1"),
    ("current", "fiscal", "g2"),
    ("current", "own", "u1"),
    ("carry", "c1"),
    ("carry", "c2"),
    ("x",),
)
COLUMNS: tuple[Path, ...] = (("basic", "personnel"), ("basic", "operating"), ("project",))


def generic_rank(side: str, path: Path) -> int:
    return 2 if (side == "row" and path in ROWS) or (side == "column" and len(path) == 1) else 1


def amounts_in_yuan(max_yuan: int) -> st.SearchStrategy[D]:
    """万元 amounts that were 元 with fen: exact to 0.000001 万元."""
    return st.integers(min_value=0, max_value=max_yuan * 100).map(lambda fen: D(fen).scaleb(-6))


def parts_strategy(max_size: int, max_yuan: int) -> st.SearchStrategy[list[Part]]:
    part = st.builds(
        Part, amounts_in_yuan(max_yuan), st.sampled_from(ROWS), st.sampled_from(COLUMNS)
    )
    return st.lists(part, min_size=0, max_size=max_size)


@settings(max_examples=300, deadline=None)
@given(parts_strategy(40, 10**7))
def test_allocation_keeps_every_total_at_floor_or_ceiling(parts: list[Part]) -> None:
    assert_controlled(parts, allocate(parts, rank=generic_rank))


@settings(max_examples=300, deadline=None)
@given(parts_strategy(8, 300))
def test_allocation_keeps_own_rounding_wherever_possible(parts: list[Part]) -> None:
    shown = allocate(parts, rank=generic_rank)
    assert_controlled(parts, shown)
    assert_optimal(parts, shown, generic_rank)


@settings(max_examples=100, deadline=None)
@given(parts_strategy(20, 10**5))
def test_allocation_is_deterministic(parts: list[Part]) -> None:
    assert allocate(parts, rank=generic_rank) == allocate(list(parts), rank=generic_rank)


# ---------------------------------------------------------------- the budget kind


@st.composite
def budget_lines(draw: st.DrawFn, max_yuan: int = 10**9) -> ExpenditureLine:
    kind = draw(st.sampled_from(sorted(ECONOMIC)))
    fen = draw(st.integers(min_value=0, max_value=max_yuan * 100))
    return ExpenditureLine(
        sheet="支出明细",
        function=draw(st.sampled_from(FUNCTIONS)),
        economic=draw(st.sampled_from(ECONOMIC[kind])),
        source=draw(st.sampled_from(sorted(SOURCE_INFO))),
        kind=kind,
        project=draw(st.sampled_from(["甲项目", "乙项目"])) if kind == "project" else None,
        amount=D(fen) / 100,
    )


def exact_wan(items: Iterable[ExpenditureLine], where: Callable[[ExpenditureLine], bool]) -> D:
    return sum((line.amount for line in items if where(line)), D(0)) / 10000


def source_in(sources: tuple[str, ...]) -> Callable[[ExpenditureLine], bool]:
    return lambda line: line.source in sources


# Small amounts make the remainders matter: a line of a few hundred 元 is a few 0.01 万元.
SOME_LINES = st.lists(
    st.one_of(budget_lines(max_yuan=500), budget_lines()), min_size=1, max_size=30
)


@settings(max_examples=150, deadline=None)
@given(SOME_LINES)
def test_budget_totals_are_the_exact_totals_rounded_once(items: list[ExpenditureLine]) -> None:
    c = compute(model(items))
    grand = half_up(exact_wan(items, lambda line: True))
    # (b) the grand total, wherever it is printed
    t1_total = c.tables["t1"].rows[-1].cells
    assert t1_total[1] == t1_total[3] == grand
    t3 = amounts(c.tables["t3"].rows[0].cells)
    assert t3[0] == grand == c.facts.income_total
    # (c) 基本支出 and 项目支出
    basic = exact_wan(items, lambda line: line.kind != "project")
    project = exact_wan(items, lambda line: line.kind == "project")
    assert t3[1] in (floor(basic), ceiling(basic)) and t3[2] in (floor(project), ceiling(project))
    assert c.facts.basic.amount == t3[1] and c.facts.project.amount == t3[2]
    # (whether each keeps its own rounding is checked against brute force below: a source
    # may hold it only if 基本支出 gives way, as 0.000724 + 0.004276 万元 of two sources do)
    # (c) each funding source (the rows of 表1's income side)
    t1 = dict((r.cells[0], r.cells[1]) for r in c.tables["t1"].rows[:-1] if r.cells[0])
    for label, sources in (
        ("其中：一般财力", ("general_budget",)),
        ("上级一般公共预算安排转移支付", ("general_transfer",)),
        ("其中：事业收入", ("unit_business",)),
        ("其中：财政专户核拨", ("carryover_special",)),
        ("4.财政专户核拨", ("special_account",)),
    ):
        exact = exact_wan(items, source_in(sources))
        assert t1[label] in (floor(exact), ceiling(exact)), label
    # (d) every line within 0.01 万元 of its own rounding
    for line, shown in zip(items, rounded_amounts(model(items)), strict=True):
        assert abs(shown - half_up(line.amount / 10000)) <= CENT
        assert shown in (floor(line.amount / 10000), ceiling(line.amount / 10000))
    # (a) tables still add up: the leaves are what every total sums
    assert sum((leaf.amount for leaf in c.leaves), D(0)) == grand
    for key in ("t2", "t3", "t5"):
        table = c.tables[key]
        if table.empty:
            continue
        total = amounts(table.rows[0].cells)
        for level in ("class", "item"):
            rows = [amounts(r.cells) for r in table.rows if r.level == level]
            for i in range(len(total)):
                assert sum((r[i] for r in rows), D(0)) == total[i], (key, level, i)


def budget_parts(items: Sequence[ExpenditureLine]) -> list[Part]:
    return [
        Part(line.amount / 10000, source_path(line.source), kind_path(line.kind)) for line in items
    ]


@settings(max_examples=200, deadline=None)
@given(st.lists(budget_lines(max_yuan=300), min_size=1, max_size=8))
def test_budget_sources_keep_their_own_rounding_wherever_possible(
    items: list[ExpenditureLine],
) -> None:
    parts = budget_parts(items)
    shown = rounded_amounts(model(items))
    assert_controlled(parts, shown)
    assert_optimal(parts, shown, rounding_rank)


@settings(max_examples=100, deadline=None)
@given(st.lists(budget_lines(max_yuan=10**6), min_size=1, max_size=60))
def test_budget_sources_and_kinds_at_floor_or_ceiling_for_many_lines(
    items: list[ExpenditureLine],
) -> None:
    assert_controlled(budget_parts(items), rounded_amounts(model(items)))


def test_budget_grand_total_drifted_when_each_line_was_rounded_alone() -> None:
    """The failure of rounding first and adding second: 28 lines of 1,234.56 元 (0.123456
    万元, each shown 0.12) add up to 3.36 万元, while the exact 3.456768 万元 rounds to 3.46."""
    line = ExpenditureLine(
        sheet="支出明细",
        function="2010301",
        economic="30101",
        source="general_budget",
        kind="personnel",
        amount=D("1234.56"),
    )
    items = [line] * 28
    c = compute(model(items))
    assert c.facts.income_total == D("3.46")
    assert sorted({leaf.amount for leaf in c.leaves}) == [D("0.12"), D("0.13")]


# ---------------------------------------------------------------- the final-accounts kind

FA_SOURCES = sorted(FA_SCHEMA_SOURCES.values())
FA_KINDS = sorted(FA_SCHEMA_KINDS.values())
FA_CATEGORIES = sorted(FA_SCHEMA_CATEGORIES.values())


def yuan(max_yuan: int) -> st.SearchStrategy[D]:
    return st.integers(min_value=0, max_value=max_yuan * 100).map(lambda fen: D(fen) / 100)


@st.composite
def actual_lines(draw: st.DrawFn, max_yuan: int = 10**8) -> fa.ActualLine:
    return fa.ActualLine(
        sheet="决算明细",
        function=draw(st.sampled_from(FUNCTIONS)),
        economic="30101",
        source=draw(st.sampled_from(FA_SOURCES)),
        kind=draw(st.sampled_from(FA_KINDS)),
        budget=draw(yuan(max_yuan)),
        full_budget=draw(yuan(max_yuan)),
        actual=draw(yuan(max_yuan)),
    )


@st.composite
def income_rows(draw: st.DrawFn, max_yuan: int = 10**8) -> fa.IncomeRow:
    category = draw(st.sampled_from(FA_CATEGORIES))
    return fa.IncomeRow(
        sheet="收入决算",
        function=draw(st.sampled_from(FUNCTIONS)),
        category=category,
        amount=draw(yuan(max_yuan)),
    )


@st.composite
def carryover_rows(draw: st.DrawFn, max_yuan: int = 10**8) -> fa.CarryoverRow:
    return fa.CarryoverRow(
        sheet="结转结余",
        source=draw(st.sampled_from(FA_SOURCES)),
        function=draw(st.sampled_from(FUNCTIONS)),
        amount=draw(yuan(max_yuan)),
    )


def fa_parts(amounts: Iterable[D], rows: Iterable[Path], columns: Iterable[Path]) -> list[Part]:
    return [Part(a / 10000, r, c) for a, r, c in zip(amounts, rows, columns, strict=True)]


def small(strategy: Callable[..., st.SearchStrategy[object]]) -> st.SearchStrategy[object]:
    return st.one_of(strategy(max_yuan=500), strategy())


@settings(max_examples=100, deadline=None)
@given(
    st.lists(small(actual_lines), min_size=1, max_size=25),
    st.lists(small(income_rows), max_size=12),
    st.lists(small(carryover_rows), max_size=8),
)
def test_final_accounts_totals_are_the_exact_totals_rounded_once(
    lines: list[fa.ActualLine], income: list[fa.IncomeRow], carryover: list[fa.CarryoverRow]
) -> None:
    c = fa_compute(final_accounts(lines, income, carryover))
    f = c.facts
    # (b) grand totals of each column rounded once
    assert f.spend == half_up(sum((line.actual for line in lines), D(0)) / 10000)
    assert f.income == half_up(sum((row.amount for row in income), D(0)) / 10000)
    assert f.carry_in == half_up(sum((row.amount for row in carryover), D(0)) / 10000)
    line_leaves = [leaf for leaf in c.leaves if leaf.record == "line"]
    for column in ("budget", "full_budget"):
        shown = sum((getattr(leaf, column) for leaf in line_leaves), D(0))
        assert shown == half_up(sum((getattr(x, column) for x in lines), D(0)) / 10000)
    # (a) the identity and the table totals are sums of what is printed
    assert f.income_total == f.spend_total
    assert f.carry_out == f.carry_in + f.income - f.spend
    t3 = c.tables["t3"]
    total = amounts(t3.rows[0].cells)
    assert total[0] == f.spend == sum(total[1:], D(0))
    for level in ("class", "item"):
        rows = [amounts(r.cells) for r in t3.rows if r.level == level]
        for i in range(len(total)):
            assert sum((r[i] for r in rows), D(0)) == total[i], (level, i)
    # (c), (d): every column of every record is a controlled rounding
    rows_of = [fa_fund_path(line.source) for line in lines]
    columns_of = [fa_kind_path(line.kind) for line in lines]
    for column in ("actual", "budget", "full_budget"):
        parts = fa_parts([getattr(x, column) for x in lines], rows_of, columns_of)
        field = "amount" if column == "actual" else column
        assert_controlled(parts, [getattr(leaf, field) for leaf in line_leaves])
    income_parts = fa_parts(
        [row.amount for row in income],
        [fa_fund_path(r.category) for r in income],
        [()] * len(income),
    )
    assert_controlled(income_parts, [leaf.amount for leaf in c.leaves if leaf.record == "income"])


@settings(max_examples=200, deadline=None)
@given(st.lists(actual_lines(max_yuan=300), min_size=1, max_size=8))
def test_final_accounts_sources_keep_their_own_rounding_wherever_possible(
    lines: list[fa.ActualLine],
) -> None:
    parts = fa_parts(
        [line.actual for line in lines],
        [fa_fund_path(line.source) for line in lines],
        [fa_kind_path(line.kind) for line in lines],
    )
    shown = [leaf.amount for leaf in fa_leaves(final_accounts(lines))]
    assert_controlled(parts, shown)
    assert_optimal(parts, shown, fa_rank)
