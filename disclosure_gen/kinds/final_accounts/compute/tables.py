"""The nine tables of 第四部分 部门决算报表, as rows of cells (text or 万元 Decimal).

Headers, titles and widths live in templates/tables.yaml.  Every cell is a sum of rounded
leaves; 年末结转和结余 is computed from the displayed 年初, 收入 and 支出, so each row's
identity 年初 + 收入 = 支出 + 年末 holds in what is printed.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from disclosure_gen.catalogs import Catalog
from disclosure_gen.compute.table import Cell, Row, Table
from disclosure_gen.compute.tree import TOTAL, TreeRow, economic_tree, function_tree
from disclosure_gen.kinds.final_accounts.compute import leaves as lv
from disclosure_gen.kinds.final_accounts.compute.facts import Facts
from disclosure_gen.kinds.final_accounts.compute.leaves import Leaf
from disclosure_gen.kinds.final_accounts.schema import FISCAL_SOURCES
from disclosure_gen.money import ZERO

# 类 the national 收入支出决算总表 does not list (its fixed rows; not seed data).
TABLE1_OMITTED_CLASSES = ("209", "227", "230", "231", "232", "233")
CN = "一二三四五六七八九十"


def cn_ordinal(n: int) -> str:
    if n <= 10:
        return CN[n - 1]
    if n < 20:
        return "十" + CN[n - 11]
    tens, ones = divmod(n, 10)
    return CN[tens - 1] + "十" + (CN[ones - 1] if ones else "")


def _tree_rows(tree: Sequence[TreeRow], total_label: str = "合计") -> list[Row]:
    out = []
    for r in tree:
        label = " ".join([c for c in r.codes if c] + [r.name]) if r.level != TOTAL else total_label
        out.append(Row(r.level, (label, *r.values)))
    return out


def _in_class(code: str, fund: str | None = None) -> lv.Predicate:
    return lambda leaf: leaf.function_class == code and (fund is None or leaf.source == fund)


def _classes(functions: Catalog) -> list[str]:
    return [c for c in functions.codes(3) if c not in TABLE1_OMITTED_CLASSES]


def _pad(left: list[tuple[Cell, ...]], right: list[tuple[Cell, ...]]) -> list[Row]:
    width_l = len(left[0]) if left else 2
    width_r = len(right[0]) if right else 2
    n = max(len(left), len(right))
    left = left + [("",) * width_l] * (n - len(left))
    right = right + [("",) * width_r] * (n - len(right))
    return [Row("item", (*a, *b)) for a, b in zip(left, right, strict=True)]


def table1(items: Sequence[Leaf], facts: Facts, functions: Catalog) -> Table:
    inc = [
        ("一、一般公共预算财政拨款收入", "general_budget"),
        ("二、政府性基金预算财政拨款收入", "government_fund"),
        ("三、国有资本经营预算财政拨款收入", "state_capital"),
        ("四、上级补助收入", "superior_subsidy"),
        ("五、事业收入", "institution_income"),
        ("六、经营收入", "business_income"),
        ("七、附属单位上缴收入", "affiliated_income"),
        ("八、其他收入", "other_income"),
    ]
    left: list[tuple[Cell, ...]] = [(label, lv.total(items, lv.income(c))) for label, c in inc]
    right: list[tuple[Cell, ...]] = []
    for i, code in enumerate(_classes(functions), start=1):
        amount = lv.total(items, lv.lines(_in_class(code)))
        right.append((f"{cn_ordinal(i)}、{functions.name(code)}", amount))
    rows = _pad(left, right)
    rows += [
        Row("total", ("本年收入合计", facts.income, "本年支出合计", facts.spend)),
        Row("item", ("使用非财政拨款结余", facts.use_surplus, "结余分配", facts.distribution)),
        Row("item", ("年初结转和结余", facts.carry_in, "年末结转和结余", facts.carry_out)),
        Row("total", ("总计", facts.income_total, "总计", facts.spend_total)),
    ]
    return Table("t1", tuple(rows))


def table2(items: Sequence[Leaf], functions: Catalog) -> Table:
    income = [leaf for leaf in items if leaf.record == lv.INCOME]
    cats = (
        "superior_subsidy",
        "institution_income",
        "business_income",
        "affiliated_income",
        "other_income",
    )
    columns: list[lv.Predicate] = [
        lambda leaf: True,
        lambda leaf: leaf.kind in FISCAL_SOURCES,
        *(lv.kind_in(c) for c in cats),
    ]
    tree = function_tree(income, functions, columns)
    return Table("t2", tuple(_tree_rows(tree)), empty=not income)


def table3(items: Sequence[Leaf], functions: Catalog) -> Table:
    lines = [leaf for leaf in items if leaf.record == lv.LINE]
    columns: list[lv.Predicate] = [
        lambda leaf: True,
        lambda leaf: leaf.basic,
        *(lv.kind_in(k) for k in ("project", "remit", "business", "affiliated_subsidy")),
    ]
    return Table("t3", tuple(_tree_rows(function_tree(lines, functions, columns))), empty=not lines)


def table4(items: Sequence[Leaf], facts: Facts, functions: Catalog) -> Table:
    funds = FISCAL_SOURCES
    names = ("一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款")
    left: list[tuple[Cell, ...]] = [
        (f"{cn_ordinal(i)}、{n}", facts.fiscal_by_fund[f][1])
        for i, (n, f) in enumerate(zip(names, funds, strict=True), start=1)
    ]
    right: list[tuple[Cell, ...]] = []
    for i, code in enumerate(_classes(functions), start=1):
        per = [
            lv.total(
                items,
                lv.lines(_in_class(code, f)),
            )
            for f in funds
        ]
        right.append((f"{cn_ordinal(i)}、{functions.name(code)}", sum(per, ZERO), *per))
    rows = _pad(left, right)
    spend = [facts.fiscal_by_fund[f][2] for f in funds]
    rows.append(
        Row(
            "total",
            ("本年收入合计", facts.fiscal_income, "本年支出合计", facts.fiscal_spend, *spend),
        )
    )
    rows.append(
        Row(
            "item",
            (
                "年初财政拨款结转和结余",
                facts.fiscal_carry_in,
                "年末财政拨款结转和结余",
                facts.fiscal_carry_out,
                *(facts.fiscal_by_fund[f][3] for f in funds),
            ),
        )
    )
    for i, (n, f) in enumerate(zip(names, funds, strict=True), start=1):
        out = facts.fiscal_by_fund[f][3]
        cells = [out if g == f else ZERO for g in funds]
        rows.append(
            Row(
                "item",
                (
                    f"{cn_ordinal(i)}、{n}",
                    facts.fiscal_by_fund[f][0],
                    f"{cn_ordinal(i)}、{n}",
                    out,
                    *cells,
                ),
            )
        )
    total_out = facts.fiscal_spend + facts.fiscal_carry_out
    rows.append(
        Row(
            "total",
            (
                "总计",
                facts.fiscal_income + facts.fiscal_carry_in,
                "总计",
                total_out,
                *(facts.fiscal_by_fund[f][2] + facts.fiscal_by_fund[f][3] for f in funds),
            ),
        )
    )
    return Table("t4", tuple(rows))


def table5(items: Sequence[Leaf], functions: Catalog) -> Table:
    gb = [leaf for leaf in items if leaf.record == lv.LINE and leaf.source == "general_budget"]
    columns: list[lv.Predicate] = [
        lambda leaf: True,
        lambda leaf: leaf.basic,
        lv.kind_in("project"),
    ]
    tree = function_tree(gb, functions, columns)
    rows = _tree_rows(tree)
    rows = rows[1:] + rows[:1]  # 合计 last, as the national template
    return Table("t5", tuple(rows), empty=not gb)


def table6(items: Sequence[Leaf], economic: Catalog) -> Table:
    gb = [
        leaf
        for leaf in items
        if leaf.record == lv.LINE and leaf.source == "general_budget" and leaf.basic and leaf.amount
    ]

    def panel(kind: str) -> list[tuple[Cell, ...]]:
        mine = [leaf for leaf in gb if leaf.kind == kind]
        tree = economic_tree(mine, economic, [lambda leaf: True])[1:]
        return [("".join(r.codes), r.name, r.values[0]) for r in tree]

    rows = _pad(panel("personnel"), panel("operating"))
    personnel = sum((leaf.amount for leaf in gb if leaf.kind == "personnel"), ZERO)
    operating = sum((leaf.amount for leaf in gb if leaf.kind == "operating"), ZERO)
    rows.append(Row("total", ("人员经费合计", "", personnel, "公用经费合计", "", operating)))
    return Table("t6", tuple(rows), empty=not gb)


def fund_table(key: str, items: Sequence[Leaf], fund: str, functions: Catalog) -> Table:
    mine = [leaf for leaf in items if leaf.source == fund]
    columns: list[lv.Predicate] = [
        lv.balances(),
        lv.income(),
        lv.lines(),
        lv.lines(lambda leaf: leaf.basic),
        lv.lines(lv.kind_in("project")),
    ]
    rows = []
    for r in function_tree(mine, functions, columns):
        carry_in, income, spend = r.values[0], r.values[1], r.values[2]
        label = " ".join([c for c in r.codes if c] + [r.name]) if r.level != TOTAL else "合计"
        rows.append(Row(r.level, (label, *r.values, carry_in + income - spend)))
    return Table(key, tuple(rows) if mine else (), empty=not mine)


def table9(facts: Facts) -> Table:
    t = facts.three_public_items
    cells: list[Cell] = []
    for s in (
        facts.three_public,
        t[lv.ABROAD],
        t["car"],
        t[lv.CAR_PURCHASE],
        t[lv.CAR_RUNNING],
        t[lv.RECEPTION],
    ):
        cells += [s.budget, s.amount]
    empty = all(c == ZERO for c in cells)
    return Table("t9", (Row("item", tuple(cells)),), empty=empty)


def all_tables(
    items: Sequence[Leaf], facts: Facts, functions: Catalog, economic: Catalog
) -> dict[str, Table]:
    tables = [
        table1(items, facts, functions),
        table2(items, functions),
        table3(items, functions),
        table4(items, facts, functions),
        table5(items, functions),
        table6(items, economic),
        fund_table("t7", items, "government_fund", functions),
        fund_table("t8", items, "state_capital", functions),
        table9(facts),
    ]
    return {t.key: t for t in tables}


def identity_holds(t: Table) -> bool:
    """Table 1's 总计 row: 收入总计 = 支出总计."""
    last = t.rows[-1].cells
    return isinstance(last[1], Decimal) and last[1] == last[3]
