"""Edge cases found in review: each pins a defect that once produced a wrong figure, a
wrong sentence or a crash."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

from openpyxl import load_workbook
from typer.testing import CliRunner

from disclosure_gen.cli import app
from disclosure_gen.kinds.budget.compute.run import compute
from disclosure_gen.money import parse_decimal
from disclosure_gen.pipeline import check, render_checked
from disclosure_gen.render.environment import cn_number
from tests import builders
from tests.render_helpers import documents, docx_paragraphs, docx_xml


def _computed(tmp_path: Path, **changes: object):  # type: ignore[no-untyped-def]
    checked = check(builders.write(tmp_path / "e.xlsx", builders.variant(**changes)))
    assert checked.model is not None, checked.findings
    return checked, compute(checked.model)


def test_vehicle_purchase_in_capital_construction_counts_as_three_public(tmp_path: Path) -> None:
    lines = [
        *builders.sample()["rows"]["lines"],
        ("2010302", "30913", builders.G, "项目支出", builders.PROJECT, 300000, ""),
    ]
    _, computed = _computed(tmp_path, lines=lines)
    rows = {r.cells[0]: r.cells[1] for r in computed.tables["t10"].rows}
    assert rows["其中：公务用车购置费"] == D("30.00")


def test_lines_that_round_to_zero_leave_no_rows_and_no_used_fund(tmp_path: Path) -> None:
    lines = [
        *builders.sample()["rows"]["lines"],
        ("2010301", "30201", "国有资本经营预算拨款", "公用经费", "", 0, ""),
        ("2010301", "30201", builders.G, "公用经费", "", 40, ""),  # 0.004 万元
    ]
    _, computed = _computed(tmp_path, lines=lines)
    assert computed.tables["t9"].empty
    assert all(leaf.amount > 0 for leaf in computed.leaves)


def test_carryover_section_lists_basic_expenditure_and_splits_fiscal_money(tmp_path: Path) -> None:
    lines = [
        *builders.sample()["rows"]["lines"],
        ("2010301", "30201", "非财政拨款结转结余-单位资金", "公用经费", "", 150000, ""),
    ]
    comparisons = [
        *builders.sample()["rows"]["comparisons"],
        ("收入：非财政拨款结转结余", 0, "新增单位资金结转"),
    ]
    data = builders.variant(lines=lines, comparisons=comparisons)
    paragraphs = docx_paragraphs(
        documents(builders.write(tmp_path / "c.xlsx", data), pdf=False).docx
    )
    assert (
        "某市数据局 & <测试>2025年上年结转结余40.00万元，包括：财政拨款25.00万元，非财政拨款15.00万元，其中："
        in paragraphs
    )
    assert "1．基本支出15.00万元。" in paragraphs and "2．档案数字化项目25.00万元。" in paragraphs


def test_a_source_that_fell_to_zero_still_needs_its_reason(tmp_path: Path) -> None:
    comparisons = [
        c for c in builders.sample()["rows"]["comparisons"] if c[0] != "收入：国有资本经营预算"
    ]
    comparisons.append(("收入：国有资本经营预算", 100000, ""))
    checked, _ = _computed(tmp_path, comparisons=comparisons)
    assert ("N002", "收入：国有资本经营预算") in {(f.code, f.key) for f in checked.findings}


def test_numbers_in_text_cells_print_plainly() -> None:
    from disclosure_gen.kinds.budget.schema import TARGETS
    from disclosure_gen.workbook.cells import CellContext, parse_cell

    ctx = CellContext("绩效目标", "E2", "指标值")
    assert parse_cell(TARGETS.field("value"), 100, ctx) == "100"
    assert parse_cell(TARGETS.field("value"), 0.95, ctx) == "0.95"


def test_float_noise_from_excel_formulas_is_read_at_excel_precision() -> None:
    assert parse_decimal(1234.56 * 3) == D("3703.68")


def test_annotating_a_merged_cell_marks_its_top_left_cell(
    sample_path: Path, tmp_path: Path
) -> None:
    wb = load_workbook(sample_path)
    wb["支出明细"].merge_cells("G2:G3")
    wb.save(sample_path)
    out = tmp_path / "a.xlsx"
    result = CliRunner().invoke(app, ["validate", str(sample_path), "--annotate", str(out)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert "S007" in load_workbook(out)["支出明细"]["G2"].comment.text


def test_section_numbers_beyond_ninety_nine() -> None:
    assert [cn_number(n) for n in (99, 100, 105, 110, 123)] == [
        "九十九",
        "一百",
        "一百零五",
        "一百一十",
        "一百二十三",
    ]


def test_rows_of_formulas_that_return_empty_text_are_skipped(sample_path: Path) -> None:
    before = check(sample_path)
    wb = load_workbook(sample_path)
    for row in range(30, 60):
        wb["支出明细"][f"F{row}"] = f'=IF(E{row}="","",E{row}*2)'
    wb.save(sample_path)
    after = check(sample_path)
    assert {f.code for f in after.findings} == {f.code for f in before.findings}


def test_a_secret_project_is_masked_everywhere_and_has_no_target_table(tmp_path: Path) -> None:
    data = builders.sample()
    project = list(data["rows"]["projects"][0])
    project[7] = "是"
    project.append("8110039Y")
    data["rows"]["projects"][0] = tuple(project)
    rendered = documents(builders.write(tmp_path / "s.xlsx", data), pdf=False)
    paragraphs = docx_paragraphs(rendered.docx)
    assert "（一）项目名称：特定目标 8110039Y" in paragraphs
    assert "预算安排规模：80.00万元，按照保密要求完全不予公开。" in paragraphs
    xml = docx_xml(rendered.docx)
    assert "智慧政务平台" not in xml  # neither in 表7 nor in a 绩效目标表
    assert "特定目标 8110039Y" in xml


def test_no_general_budget_money_says_so_instead_of_empty_headings(tmp_path: Path) -> None:
    lines = [("2010301", "30101", "单位资金-其他收入", "人员经费", "", 100000, "")]
    comparisons = [("收入：单位资金", 100000, ""), ("支出：基本支出", 100000, "")]
    data = builders.variant(lines=lines, comparisons=comparisons, targets=[], purposes=[])
    paragraphs = docx_paragraphs(
        documents(builders.write(tmp_path / "n.xlsx", data), pdf=False).docx
    )
    assert paragraphs.count("某市数据局 & <测试>2025年没有一般公共预算当年拨款。") == 2


def test_department_without_subordinates_or_divisions_reads_naturally(tmp_path: Path) -> None:
    data = builders.variant(divisions=[])
    data["forms"]["profile"]["level"] = "部门"
    paragraphs = docx_paragraphs(
        documents(builders.write(tmp_path / "d.xlsx", data), pdf=False).docx
    )
    assert any(p.endswith("本级预算，无下属预算单位。") for p in paragraphs)
    assert any(p.endswith("本级未设内设处室。") for p in paragraphs)
    assert not any("分别是：。" in p or "下属0家" in p for p in paragraphs)


def test_multi_line_project_texts_keep_their_lines(tmp_path: Path) -> None:
    data = builders.sample()
    project = list(data["rows"]["projects"][0])
    project[3] = "1、运维服务50万元\n2、设备购置30万元"
    data["rows"]["projects"][0] = tuple(project)
    paragraphs = docx_paragraphs(
        documents(builders.write(tmp_path / "m.xlsx", data), pdf=False).docx
    )
    assert "资金分配情况：1、运维服务50万元" in paragraphs and "2、设备购置30万元" in paragraphs


def test_department_tables_7_and_11_group_rows_by_unit(tmp_path: Path) -> None:
    lines = [
        *builders.sample()["rows"]["lines"],
        ("2010302", "30213", builders.G, "项目支出", builders.CARRIED, 50000, "某市数据中心"),
        (
            "2010302",
            "30213",
            "财政拨款结转-一般公共预算",
            "项目支出",
            builders.CARRIED,
            10000,
            "某市数据中心",
        ),
    ]
    data = builders.variant(lines=lines, subordinate_units=[("某市数据中心", "事业单位")])
    data["forms"]["profile"]["level"] = "部门"
    checked = check(builders.write(tmp_path / "u.xlsx", data))
    assert checked.model is not None
    tables = compute(checked.model).tables
    t7 = [(r.level, r.cells[0]) for r in tables["t7"].rows if r.level in ("unit", "total")]
    assert t7 == [("total", "总计"), ("unit", "某市数据局 & <测试>"), ("unit", "某市数据中心")]
    t11 = [(r.level, r.cells[0], r.cells[1]) for r in tables["t11"].rows]
    assert t11[0] == ("total", "总计", D("26.00"))
    assert ("unit", "某市数据中心", D("1.00")) in t11


def test_a_code_the_catalog_lacks_is_printed_under_the_name_typed_beside_it(
    tmp_path: Path,
) -> None:
    """The shipped catalog is not the complete official one: a 项 under a known 款 with its
    name typed beside the code is used under that name with a warning (C011); without a name,
    or under an unknown 款, it stays an error (C001)."""
    lines = [
        (
            "2120801 征地和拆迁补偿支出",
            "30213",
            "政府性基金预算拨款",
            "项目支出",
            builders.PROJECT,
            100000,
            "",
        ),
        ("2010301", "30101", "一般公共预算拨款", "人员经费", "", 200000, ""),
    ]
    data = builders.variant(lines=lines)
    path = builders.write(tmp_path / "typed.xlsx", data)
    checked = check(path)
    assert checked.ok(), [f.message for f in checked.findings if f.severity == "error"]
    assert [(f.code, f.cell) for f in checked.findings if f.code in ("C001", "C011")] == [
        ("C011", "A2")
    ]
    xml = docx_xml(render_checked(checked, pdf=False).docx)
    assert "征地和拆迁补偿支出" in xml  # in the tables, under the typed name
    assert "国有土地使用权出让收入安排的支出" in xml  # its 款, from the catalog
    for code in ("2120801", "9990101 不存在的科目"):  # no name / an unknown 款
        bad = builders.variant(
            lines=[(code, "30213", "一般公共预算拨款", "项目支出", builders.PROJECT, 1, "")]
        )
        found = check(builders.write(tmp_path / "bad.xlsx", bad)).findings
        assert "C001" in {f.code for f in found}, code
