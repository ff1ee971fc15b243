"""Wording of 第一部分 and 第三部分 for a workbook unlike the example: every figure comes
from the workbook, every change case reads right."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import builders
from tests.render_helpers import documents, docx_paragraphs


@pytest.fixture(scope="module")
def paragraphs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    path = builders.write(tmp_path_factory.mktemp("n") / "sample.xlsx")
    return docx_paragraphs(documents(path, pdf=False).docx)


def has(paragraphs: list[str], text: str) -> bool:
    return any(text in p for p in paragraphs)


def test_profile_sentences_count_divisions_and_derive_headcount(paragraphs: list[str]) -> None:
    name = "某市数据局 & <测试>"
    assert has(paragraphs, f"{name}无下属预算单位，下设2个科室，分别是：办公室、业务科。")
    assert has(
        paragraphs,
        f"{name}编制数20，实有人数21人，其中：在职18人，增加2人；退休3人，减少1人；离休0人，增加0人。",
    )


def test_income_sentences_cover_increase_decrease_zero_to_x_and_not_arranged(
    paragraphs: list[str],
) -> None:
    assert has(
        paragraphs,
        "一般公共预算241.33万元，占84.88%，比上年预算增加41.33万元，增长20.67%，主要原因是人员经费标准调整。",
    )
    assert has(
        paragraphs,
        "政府性基金预算6.00万元，占2.11%，比上年预算减少4.00万元，下降40.00%，主要原因是土地出让收入安排的支出减少。",
    )
    assert has(
        paragraphs,
        "单位资金12.00万元，占4.22%，比上年预算增加12.00万元，增长100.00%，主要原因是新增事业收入安排的项目。",
    )
    assert has(paragraphs, "国有资本经营预算未安排。")
    assert has(paragraphs, "上级一般公共预算安排的转移支付资金未安排。")


def test_unchanged_item_says_increase_zero_and_x_to_zero_says_minus_hundred(
    paragraphs: list[str],
) -> None:
    assert has(
        paragraphs,
        "机关事业单位基本养老保险缴费支出（项）：2025年预算数为15.00万元，比上年预算增加0.00万元，增长0.00%。",
    )
    assert has(
        paragraphs,
        "因公出国（境）费减少1.00万元，下降100.00%，主要原因是不再安排出国任务，经费减少",
    )


def test_three_public_total_change_is_the_sum_of_its_parts(paragraphs: list[str]) -> None:
    assert has(
        paragraphs,
        "“三公”经费预算数为7.44万元，其中：因公出国（境）费0万元，公务用车购置费0万元，公务用车运行费4.44万元，公务接待费3.00万元。",
    )
    assert has(paragraphs, "2025年财政拨款“三公”经费预算比上年预算减少1.56万元，下降17.33%")


def test_appropriation_section_lists_each_fund_with_its_classes_and_purposes(
    paragraphs: list[str],
) -> None:
    assert has(paragraphs, "收入预算包括：一般公共预算拨款241.33万元；政府性基金预算拨款6.00万元。")
    assert has(paragraphs, "政府性基金预算支出包括：城乡社区支出6.00万元，主要用于平台建设。")


def test_running_costs_use_the_administrative_label(paragraphs: list[str]) -> None:
    assert has(
        paragraphs,
        "2025年的机关运行经费财政拨款预算13.00万元，比上年预算增加1.00万元，增长8.33%。主要原因是公用经费定额调整。",
    )


def test_procurement_and_assets_totals_are_derived(paragraphs: list[str]) -> None:
    assert has(
        paragraphs,
        "政府采购预算90.00万元，其中：政府采购货物预算5.00万元，政府采购工程预算0万元，政府采购服务预算85.00万元。",
    )
    assert has(
        paragraphs,
        "2.车辆3辆，价值65.00万元；其中：一般公务用车2辆，价值40.00万元；执法执勤用车1辆，价值25.00万元",
    )
    assert has(paragraphs, "2025年单位预算安排购置车辆1辆")


def test_performance_counts_pair_each_count_with_its_money(paragraphs: list[str]) -> None:
    assert has(
        paragraphs,
        "当年财政拨款项目1个，涉及预算金额86.00万元；当年非财政拨款项目1个，涉及预算金额12.00万元。",
    )


def test_project_section_states_the_general_budget_scale(paragraphs: list[str]) -> None:
    assert has(paragraphs, "预算安排规模：80.00万元")


def test_empty_state_capital_statement_and_carryover_details(paragraphs: list[str]) -> None:
    assert has(
        paragraphs,
        "2025年没有使用国有资本经营预算拨款安排的支出，国有资本经营预算支出情况表为空表。",
    )
    assert has(
        paragraphs,
        "2025年上年结转结余25.00万元，包括：财政拨款25.00万元，非财政拨款0.00万元，其中：",
    )
    assert has(paragraphs, "1．档案数字化项目25.00万元。")


def test_a_different_year_changes_every_year_mention(tmp_path: Path) -> None:
    data = builders.sample()
    data["forms"]["profile"]["year"] = 2024
    paragraphs = docx_paragraphs(
        documents(builders.write(tmp_path / "y.xlsx", data, 2024), pdf=False).docx
    )
    assert has(paragraphs, "截至2023年底")
    assert has(paragraphs, "2024年一般公共预算拨款合计241.33万元")
    typed_by_user = ("资金执行时间", "2025年2月20日")
    assert not any("2025年" in p for p in paragraphs if not any(t in p for t in typed_by_user))


def test_department_counts_units_from_the_list_it_prints(tmp_path: Path) -> None:
    data = builders.variant(
        subordinate_units=[("甲中心", "事业单位"), ("乙中心", "事业单位"), ("丙中心", "事业单位")]
    )
    data["forms"]["profile"]["level"] = "部门"
    paragraphs = docx_paragraphs(
        documents(builders.write(tmp_path / "d.xlsx", data), pdf=False).docx
    )
    assert has(paragraphs, "本级预算及下属3家预算单位在内的汇总预算。")
    assert has(paragraphs, "本部门中，行政单位1家，事业单位3家，纳入")
    assert [p for p in paragraphs if p[:2] in ("1、", "2、", "3、") and p.endswith("中心")] == [
        "1、甲中心",
        "2、乙中心",
        "3、丙中心",
    ]
    assert has(paragraphs, "第一部分 2025年部门概况")
