"""Roll-ups and tables: every displayed total is the sum of its displayed parts."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

from disclosure_gen.catalogs import function_catalog
from disclosure_gen.compute.table import Row
from disclosure_gen.kinds.budget.compute.run import Computed, compute
from disclosure_gen.pipeline import check
from tests import builders


@pytest.fixture
def computed(sample_path: Path) -> Computed:
    checked = check(sample_path)
    assert checked.ok(), checked.findings
    assert checked.model is not None
    return compute(checked.model)


def _amounts(row: Row) -> list[D]:
    return [c for c in row.cells if isinstance(c, D)]


def test_leaves_are_rounded_together_so_the_total_is_rounded_once(tmp_path: Path) -> None:
    # Two lines of 12,345 元: each rounds to 1.23 万元 on its own, which would print a total
    # of 2.46; 24,690 元 rounded once is 2.47, so one line (the first of a tie) shows 1.24
    # and the printed total is still the sum of the printed lines (尾差调整).
    lines = [
        ("2010301", "30101", builders.G, "人员经费", "", 12345, ""),
        ("2010301", "30102", builders.G, "人员经费", "", 12345, ""),
    ]
    data = builders.variant(lines=lines, comparisons=[], targets=[], purposes=[])
    checked = check(builders.write(tmp_path / "r.xlsx", data))
    assert checked.model is not None
    computed = compute(checked.model)
    assert [leaf.amount for leaf in computed.leaves] == [D("1.24"), D("1.23")]
    assert computed.tables["t3"].rows[0].cells[1] == D("2.47")
    assert computed.tables["t6"].rows[0].cells[1] == D("2.47")
    assert computed.facts.income_total == D("2.47")


def test_function_tree_rolls_items_up_to_sections_classes_and_total(computed: Computed) -> None:
    rows = computed.tables["t3"].rows
    total = rows[0]
    classes = [r for r in rows if r.level == "class"]
    items = [r for r in rows if r.level == "item"]
    for column in range(1, 4):
        assert total.cells[column] == sum((r.cells[column] for r in classes), D(0))  # type: ignore[misc]
        assert total.cells[column] == sum((r.cells[column] for r in items), D(0))  # type: ignore[misc]
    # 合计 = 基本 + 项目 on every row
    for r in rows:
        assert r.cells[1] == r.cells[2] + r.cells[3]  # type: ignore[operator]


def test_table1_income_equals_expenditure_and_lists_every_class_of_the_year(
    computed: Computed,
) -> None:
    rows = computed.tables["t1"].rows
    last = rows[-1]
    assert last.cells[1] == last.cells[3] == D("284.33")
    listed = [str(r.cells[2]).split(" ")[0] for r in rows[:-1] if r.cells[2]]
    assert listed == function_catalog(2025).codes(3)
    assert "234" not in listed  # 2025 has no 抗疫特别国债 class


def test_table1_of_2024_lists_class_234() -> None:
    assert "234" in function_catalog(2024).codes(3)


def test_table2_columns_split_by_source_and_add_up(computed: Computed) -> None:
    total = computed.tables["t2"].rows[0].cells
    # 总计, 财政拨款小计, 一般公共预算, …, 单位资金 (col 10), 财政拨款结转 (col 11)
    assert total[1] == D("284.33")
    assert total[2] == D("247.33")  # appropriations: 241.33 general + 6.00 government fund
    assert total[3] == D("241.33")
    assert total[5] == D("6.00")
    assert total[10] == D("12.00")
    assert total[11] == D("25.00")
    assert total[1] == total[2] + total[9] + total[10] + total[11] + total[12]  # type: ignore[operator]


def test_table6_splits_personnel_and_operating_by_economic_item(computed: Computed) -> None:
    rows = computed.tables["t6"].rows
    assert rows[0].cells[1:] == (D("161.33"), D("148.33"), D("13.00"))
    assert [r.cells[0] for r in rows if r.level == "class"] == [
        "301 工资福利支出",
        "302 商品和服务支出",
    ]


def test_table7_has_one_row_per_item_and_project_with_economic_class_columns(
    computed: Computed,
) -> None:
    rows = computed.tables["t7"].rows
    item = next(r for r in rows if r.level == "item")
    assert item.cells[1].startswith("智慧政务平台建设")  # type: ignore[union-attr]
    assert item.cells[2] == D("80.00") and item.cells[4] == D("80.00")  # 合计, 302


def test_government_fund_table_is_filled_and_state_capital_table_is_empty(
    computed: Computed,
) -> None:
    assert not computed.tables["t8"].empty
    assert computed.tables["t8"].rows[0].cells[1] == D("6.00")
    assert computed.tables["t9"].empty and computed.tables["t9"].rows == ()


def test_three_public_comes_from_economic_items_of_appropriations(computed: Computed) -> None:
    rows = {r.cells[0]: r.cells[1] for r in computed.tables["t10"].rows}
    assert rows["合计"] == D("7.44")
    assert rows["公务接待费"] == D("3.00")
    assert rows["公务用车运行费"] == D("4.44")
    assert rows["因公出国（境）费"] == D("0")


def test_carryover_table_lists_carried_projects(computed: Computed) -> None:
    rows = computed.tables["t11"].rows
    assert rows[0].cells[:3] == ("总计", D("25.00"), D("25.00"))
    assert rows[1].cells[0] == "档案数字化项目"


def test_shares_add_to_one_hundred_for_the_example_structure(computed: Computed) -> None:
    shares = [c.share for c in computed.facts.general_classes]
    assert sum(shares, D(0)) == D("100.00")
