"""The eleven tables of 第二部分, as rows of cells (text or 万元 Decimal).

Headers, titles and column widths are presentation and live in the kind's templates/tables.yaml;
this module decides which rows exist and what each cell adds up.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from disclosure_gen.catalogs import Catalog
from disclosure_gen.compute.table import Cell, Row, Table
from disclosure_gen.compute.tree import TOTAL, TreeRow, economic_tree, function_tree
from disclosure_gen.kinds.budget.compute import leaves as lv
from disclosure_gen.kinds.budget.compute.leaves import Leaf, Predicate, total

SEVEN_CLASSES = ("301", "302", "303", "307", "309", "310", "311", "312", "313", "399")


def _tree_rows(tree: Sequence[TreeRow], with_project: bool = False) -> tuple[Row, ...]:
    """Tree rows with code and name in one cell: “208 05 02 事业单位离退休”.

    One cell (rather than 类/款/项 columns) keeps wide tables readable and means a code is
    never a bare number standing alone in a cell, which text extraction of a DOCX would
    take for a page number.
    """
    out = []
    for r in tree:
        label = " ".join([c for c in r.codes if c] + [r.name]) if r.level != TOTAL else "总计"
        head: tuple[Cell, ...] = (label,)
        if with_project:
            head = (*head, r.project)
        out.append(Row(r.level, head + r.values))
    return tuple(out)


def _income_items(items: Sequence[Leaf]) -> list[tuple[str, Decimal]]:
    s = lv.source_in

    def t(pred: Predicate) -> Decimal:
        return total(items, pred)

    current = t(lambda leaf: not leaf.carryover)
    unit = s("unit_business", "unit_subsidy", "unit_affiliated", "unit_operating", "unit_other")
    return [
        ("一、本年收入", current),
        ("1、一般公共预算拨款", t(s("general_budget", "general_transfer"))),
        ("其中：一般财力", t(s("general_budget"))),
        ("上级一般公共预算安排转移支付", t(s("general_transfer"))),
        ("2、基金预算拨款", t(s("government_fund", "fund_transfer"))),
        ("其中：政府性基金收入", t(s("government_fund"))),
        ("上级政府性基金安排转移支付", t(s("fund_transfer"))),
        ("3、国有资本经营预算拨款", t(s("state_capital", "capital_transfer"))),
        ("其中：国有资本经营收入", t(s("state_capital"))),
        ("上级国有资本经营预算安排转移支付", t(s("capital_transfer"))),
        ("4.财政专户核拨", t(s("special_account"))),
        ("5.单位资金", t(unit)),
        ("其中：事业收入", t(s("unit_business"))),
        ("上级补助收入", t(s("unit_subsidy"))),
        ("附属单位上缴收入", t(s("unit_affiliated"))),
        ("事业单位经营收入", t(s("unit_operating"))),
        ("其他收入", t(s("unit_other"))),
        ("二、上年结转结余", t(lambda leaf: leaf.carryover)),
        ("1、财政拨款结转", t(s("carryover_general", "carryover_fund", "carryover_capital"))),
        ("其中：一般公共预算拨款", t(s("carryover_general"))),
        ("基金预算拨款", t(s("carryover_fund"))),
        ("国有资本经营预算拨款", t(s("carryover_capital"))),
        ("2、非财政拨款结转结余", t(s("carryover_special", "carryover_unit"))),
        ("其中：财政专户核拨", t(s("carryover_special"))),
        ("单位资金", t(s("carryover_unit"))),
    ]


def _side_by_side(
    left: list[tuple[Cell, ...]], right: list[tuple[Cell, ...]], widths: tuple[int, int]
) -> list[Row]:
    rows = []
    for index in range(max(len(left), len(right))):
        a = left[index] if index < len(left) else ("",) * widths[0]
        b = right[index] if index < len(right) else ("",) * widths[1]
        rows.append(Row("item", a + b))
    return rows


def table1(items: Sequence[Leaf], catalog: Catalog) -> Table:
    left: list[tuple[Cell, ...]] = [(label, value) for label, value in _income_items(items)]
    right: list[tuple[Cell, ...]] = [
        (f"{c} {catalog.names[c]}", total(items, lv.function_class_is(c))) for c in catalog.codes(3)
    ]
    grand = total(items)
    rows = _side_by_side(left, right, (2, 2))
    rows.append(Row(TOTAL, ("收 入 总 计", grand, "支 出 总 计", grand)))
    return Table("t1", tuple(rows))


T2_COLUMNS: tuple[Predicate, ...] = (
    lv.is_any,
    lambda leaf: leaf.info.appropriation,
    lv.source_in("general_budget"),
    lv.source_in("general_transfer"),
    lv.source_in("government_fund"),
    lv.source_in("fund_transfer"),
    lv.source_in("state_capital"),
    lv.source_in("capital_transfer"),
    lv.source_in("special_account"),
    lv.source_in(
        "unit_business", "unit_subsidy", "unit_affiliated", "unit_operating", "unit_other"
    ),
    lambda leaf: leaf.info.fiscal_carryover,
    lv.source_in("carryover_special", "carryover_unit"),
)
BASIC_PROJECT: tuple[Predicate, ...] = (lv.is_any, lv.is_basic, lv.is_project)
FUND_COLUMNS: tuple[Predicate, ...] = (lv.is_any, lv.is_personnel, lv.is_operating, lv.is_project)


def table2(items: Sequence[Leaf], catalog: Catalog) -> Table:
    return Table("t2", _tree_rows(function_tree(items, catalog, T2_COLUMNS)))


def table3(items: Sequence[Leaf], catalog: Catalog) -> Table:
    return Table("t3", _tree_rows(function_tree(items, catalog, BASIC_PROJECT)))


FUNDS = ("general", "government_fund", "state_capital")


def table4(items: Sequence[Leaf], catalog: Catalog) -> Table:
    fiscal = [leaf for leaf in items if leaf.info.appropriation]
    by_fund = [total(fiscal, lv.fund_current(f)) for f in FUNDS]
    left: list[tuple[Cell, ...]] = [
        ("一、财政拨款（补助）", sum(by_fund, Decimal(0))),
        ("一般公共预算", by_fund[0]),
        ("政府性基金预算", by_fund[1]),
        ("国有资本经营预算", by_fund[2]),
    ]
    right: list[tuple[Cell, ...]] = []
    for c in catalog.codes(3):
        mine = [leaf for leaf in fiscal if leaf.function_class == c]
        right.append(
            (
                f"{c} {catalog.names[c]}",
                total(mine),
                *(total(mine, lv.fund_current(f)) for f in FUNDS),
            )
        )
    grand = total(fiscal)
    rows = _side_by_side(left, right, (2, 5))
    rows.append(Row(TOTAL, ("收入总计", grand, "支出总计", grand, *by_fund)))
    return Table("t4", tuple(rows))


def table5(items: Sequence[Leaf], catalog: Catalog) -> Table:
    general = [leaf for leaf in items if leaf.general_current]
    return Table(
        "t5", _tree_rows(function_tree(general, catalog, BASIC_PROJECT)), empty=not general
    )


def table6(items: Sequence[Leaf], economic: Catalog) -> Table:
    basic = [leaf for leaf in items if leaf.general_current and leaf.basic]
    columns = (lv.is_any, lv.is_personnel, lv.is_operating)
    return Table("t6", _tree_rows(economic_tree(basic, economic, columns)), empty=not basic)


def _by_unit(items: Sequence[Leaf], units: Sequence[str]) -> list[tuple[str, list[Leaf]]]:
    """Leaves grouped by budget unit, in the order of ``units`` (本级 first); units without
    leaves are left out."""
    groups = [(unit, [leaf for leaf in items if leaf.unit == unit]) for unit in units]
    return [(unit, mine) for unit, mine in groups if mine]


def table7(
    items: Sequence[Leaf],
    catalog: Catalog,
    units: Sequence[str] = (),
    labels: Mapping[str, str] | None = None,
) -> Table:
    """Project rows under the function tree; a department first groups them by unit
    (each unit row printed under its ``labels`` name: a secret unit's is not its own)."""
    projects = [leaf for leaf in items if leaf.general_current and not leaf.basic]
    columns: list[Predicate] = [lv.is_any]
    columns += [lv.economic_class_is(c) for c in SEVEN_CLASSES]
    rows = _tree_rows(
        function_tree(projects, catalog, columns, with_projects=True), with_project=True
    )
    if len(units) > 1:
        grouped = [rows[0]]
        for unit, mine in _by_unit(projects, units):
            tree = _tree_rows(
                function_tree(mine, catalog, columns, with_projects=True), with_project=True
            )
            head = tree[0]
            grouped.append(Row("unit", ((labels or {}).get(unit, unit), "", *head.cells[2:])))
            grouped.extend(tree[1:])
        rows = tuple(grouped)
    return Table("t7", rows, empty=not projects)


def fund_table(key: str, fund: str, items: Sequence[Leaf], catalog: Catalog) -> Table:
    """Tables 8 and 9: one fund type's current appropriations, or an empty table."""
    mine = [leaf for leaf in items if lv.fund_current(fund)(leaf)]
    if not mine:
        return Table(key, (), empty=True)
    return Table(key, _tree_rows(function_tree(mine, catalog, FUND_COLUMNS)))


THREE_PUBLIC_CODES = {
    "abroad": ("30212",),
    "reception": ("30217",),
    "vehicle_purchase": ("30913", "31013"),  # 公务用车购置, in 基本建设 (309) or not (310)
    "vehicle_running": ("30231",),
}


def three_public_amount(items: Sequence[Leaf], part: str, fund: str | None = None) -> Decimal:
    """财政拨款“三公”经费 of one part, from its economic items (current appropriations)."""
    codes = THREE_PUBLIC_CODES[part]
    return total(
        items,
        lambda leaf: (
            leaf.info.appropriation
            and leaf.economic in codes
            and (fund is None or leaf.info.fund == fund)
        ),
    )


def table10(items: Sequence[Leaf]) -> Table:
    def row(label: str, parts: tuple[str, ...], level: str = "item") -> Row:
        values = [
            sum((three_public_amount(items, p, f) for p in parts), Decimal(0))
            for f in (None, *FUNDS)
        ]
        return Row(level, (label, *values))

    everything = tuple(THREE_PUBLIC_CODES)
    return Table(
        "t10",
        (
            row("合计", everything, TOTAL),
            row("因公出国（境）费", ("abroad",)),
            row("公务接待费", ("reception",)),
            row("公务用车购置及运行费（小计）", ("vehicle_purchase", "vehicle_running")),
            row("其中：公务用车购置费", ("vehicle_purchase",)),
            row("公务用车运行费", ("vehicle_running",)),
        ),
    )


def _carry_values(mine: Sequence[Leaf]) -> tuple[Decimal, ...]:
    fiscal = [leaf for leaf in mine if leaf.info.fiscal_carryover]
    other = [leaf for leaf in mine if not leaf.info.fiscal_carryover]
    values: list[Decimal] = [total(mine)]
    for group in (fiscal, other):
        values += [
            total(group),
            total(group, lv.is_personnel),
            total(group, lv.is_operating),
            total(group, lv.is_project),
        ]
    return tuple(values)


def _carry_rows(carried: Sequence[Leaf]) -> list[Row]:
    """基本支出 (if any), then one row per carried project under its printed name."""
    rows = []
    basic = [leaf for leaf in carried if leaf.basic]
    if basic:
        rows.append(Row("item", ("基本支出", *_carry_values(basic))))
    for name in lv.project_names(carried):
        mine = [leaf for leaf in carried if leaf.project == name]
        rows.append(Row("item", (mine[0].label or name, *_carry_values(mine))))
    return rows


def table11(
    items: Sequence[Leaf], units: Sequence[str] = (), labels: Mapping[str, str] | None = None
) -> Table:
    """Carried-over money by project; a department first groups it by unit (as 表7)."""
    carried = [leaf for leaf in items if leaf.carryover]
    if not carried:
        return Table("t11", (), empty=True)
    rows = [Row(TOTAL, ("总计", *_carry_values(carried)))]
    if len(units) > 1:
        for unit, mine in _by_unit(carried, units):
            rows.append(Row("unit", ((labels or {}).get(unit, unit), *_carry_values(mine))))
            rows.extend(_carry_rows(mine))
    else:
        rows.extend(_carry_rows(carried))
    return Table("t11", tuple(rows))


def all_tables(
    items: Sequence[Leaf],
    functions: Catalog,
    economic: Catalog,
    units: Sequence[str] = (),
    labels: Mapping[str, str] | None = None,
) -> dict[str, Table]:
    """The eleven tables; ``units`` (本级 first, then subordinate units) groups 表7 and 表11
    of a department, whose unit rows print the ``labels`` names."""
    tables = [
        table1(items, functions),
        table2(items, functions),
        table3(items, functions),
        table4(items, functions),
        table5(items, functions),
        table6(items, economic),
        table7(items, functions, units, labels),
        fund_table("t8", "government_fund", items, functions),
        fund_table("t9", "state_capital", items, functions),
        table10(items),
        table11(items, units, labels),
    ]
    return {t.key: t for t in tables}
