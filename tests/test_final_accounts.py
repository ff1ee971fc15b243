"""The final-accounts kind (决算公开): init, reading, the example of seed 004, a second
synthetic workbook, identities and determinism."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest

from disclosure_gen import kinds
from disclosure_gen.kinds.budget import KIND as BUDGET
from disclosure_gen.kinds.final_accounts import KIND
from disclosure_gen.kinds.final_accounts.compute.run import Computed
from disclosure_gen.kinds.final_accounts.schema import SCHEMA
from disclosure_gen.pipeline import check, render_checked
from disclosure_gen.workbook.writer import build_blank_workbook
from tests.conftest import ROOT, SHARED
from tests.test_reader import edit

EXAMPLE = ROOT / "examples" / "department-final-accounts-2024" / "workbook.xlsx"
SEED = SHARED / "seeds" / "004_ea1f752ea61a86e9.txt"
SEEDCHECK = SHARED / "tools" / "seedcheck.py"


def computed_of(path: Path) -> Computed:
    checked = check(path)
    assert checked.ok(), [(f.code, f.sheet, f.cell, f.message) for f in checked.findings]
    assert isinstance(checked.computed, Computed)
    return checked.computed


def test_init_writes_the_kind_with_its_profile_first(tmp_path: Path) -> None:
    out = tmp_path / "blank.xlsx"
    out.write_bytes(build_blank_workbook(SCHEMA, 2024, "部门"))
    checked = check(out)
    assert checked.kind is KIND
    assert checked.sheet_order[0] == "基本信息"
    assert SCHEMA.profile.fields[0].default == "决算公开"


def test_a_kind_this_version_cannot_serve_is_x013(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "fa.xlsx"
    out.write_bytes(build_blank_workbook(SCHEMA, 2024, "部门"))
    monkeypatch.setattr(kinds, "KINDS", {"budget": BUDGET})
    findings = check(out).findings
    assert [(f.code, f.sheet, f.cell) for f in findings] == [("X013", "基本信息", "B1")]


def test_example_validates_without_errors() -> None:
    checked = check(EXAMPLE)
    assert checked.ok()
    # Seed 004 gives no 预决算差异原因 per 项 (its 五(三) compares with last year only), so
    # the five 项 whose actual differs from the year-start budget are warned about (A005).
    # Its carry-over uses 2121399, which the 2024 catalog lacks and 补充科目 adds: C004 asks
    # to confirm the added code, as it does for a budget workbook. (Seed 004's 部门整体支出
    # 绩效自评表 states 7,443.76 万元 executed where its tables add up to 7,443.77: the
    # document would state one figure two ways, A025 refuses it, so the example enters
    # 7,443.77 — docs/final-accounts-seed-004.md, D5.)
    assert {(f.code, f.sheet, f.cell) for f in checked.findings if f.code != "A005"} == {
        ("C004", "补充科目", "B2"),
    }


def _identity(c: Computed) -> None:
    f = c.facts
    assert f.income + f.use_surplus + f.carry_in == f.spend + f.distribution + f.carry_out
    assert f.income_total == f.spend_total
    for carry_in, income, spend, carry_out in f.fiscal_by_fund.values():
        assert carry_in + income == spend + carry_out
    last = c.tables["t1"].rows[-1].cells
    assert last[1] == last[3]
    t4 = c.tables["t4"].rows[-1].cells
    assert t4[1] == t4[3]
    for key in ("t7", "t8"):
        for row in c.tables[key].rows:
            cells = [c for c in row.cells[1:] if isinstance(c, D)]
            assert len(cells) == 6
            assert cells[0] + cells[1] == cells[2] + cells[5]
    assert f.general_basic == f.personnel + f.operating
    assert f.running_costs.amount + f.institution_operating.amount == f.operating


def test_example_identities_hold() -> None:
    _identity(computed_of(EXAMPLE))


def test_example_figures_are_computed_once() -> None:
    f = computed_of(EXAMPLE).facts
    # 一 and 四 state the same fiscal total; 五(二) shares add up to the GB total.
    assert f.fiscal.amount == f.fiscal_carry_in + f.fiscal_income
    assert sum((s.amount for _, _, s in f.general_classes), D(0)) == f.general.amount
    assert sum((s.amount for s in f.spend_items), D(0)) == f.spend


@pytest.mark.skipif(not SEEDCHECK.exists(), reason="../shared/tools/seedcheck.py not present")
@pytest.mark.parametrize("suffix", ["docx", "pdf"])
def test_example_reproduces_seed_004(suffix: str, tmp_path: Path) -> None:
    checked = check(EXAMPLE)
    docs = render_checked(checked, pdf=suffix == "pdf")
    out = tmp_path / f"example.{suffix}"
    out.write_bytes(docs.docx if suffix == "docx" else docs.pdf or b"")
    # Floors at what this version reaches (target: numbers 0.95, clauses 0.90); see
    # docs/final-accounts-seed-004.md for what is still missing.
    result = subprocess.run(
        [
            sys.executable,
            str(SEEDCHECK),
            str(out),
            str(SEED),
            "--min-numbers",
            "0.88",
            "--min-clauses",
            "0.50",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout


def synthetic(tmp_path: Path) -> Path:
    """A unit-level institution with business income and a subsidy to affiliated units."""
    gb, nf = "一般公共预算财政拨款", "非财政拨款资金"
    rows: dict[str, Sequence[Sequence[Any]]] = {
        "divisions": [("办公室 & <综合>",), ("{{ 业务 }}科",)],
        "lines": [
            ("2050299 其他普通教育支出", "30101", gb, "人员经费", "", "", 500000, 520000, 520000),
            ("2050299", "30201", gb, "公用经费", "", "", 100000, 100000, 90000),
            ("2050299", "30231", gb, "公用经费", "", "", 20000, 20000, 18000),
            ("2050299", "30227", gb, "项目支出", "课程建设", "", 300000, 350000, 340000),
            ("2050299", "", nf, "经营支出", "", "", 0, 80000, 75000),
            ("2050299", "", nf, "对附属单位补助支出", "", "", 0, 40000, 40000),
        ],
        "income": [
            ("2050299", "一般公共预算财政拨款收入", "", 980000),
            ("2050299", "事业收入", "", 60000),
            ("2050299", "经营收入", "", 90000),
        ],
        "carryover": [("非财政拨款资金", "2050299", "", 12345)],
        "comparisons": [
            ("收支总计", 1000000, "招生规模扩大", None),
            ("财政拨款收支总计", 900000, "人员增加", "年中追加"),
            ("功能科目：2050299", 850000, "人员增加", None),
            ("三公：公务用车运行维护费", 18000, None, None),
            ("事业单位公用经费", 100000, "办公经费增加", None),
        ],
    }
    forms = {
        "profile": {
            "level": "单位",
            "name": "某市 A&B <职业> 学校",
            "nature": "事业单位",
            "functions": "教学",
            "in_service": 20,
            "in_service_prior": 21,
            "retired": 3,
            "retired_prior": 3,
            "retired_cadre": 0,
            "retired_cadre_prior": 0,
        },
    }
    path = tmp_path / "synthetic.xlsx"
    path.write_bytes(build_blank_workbook(SCHEMA, 2024, "单位", rows=rows, form_values=forms))
    return path


def test_a_second_workbook_gives_a_different_consistent_document(tmp_path: Path) -> None:
    path = synthetic(tmp_path)
    c = computed_of(path)
    _identity(c)
    f = c.facts
    assert f.income == D("113.00")
    assert f.spend == D("108.30")
    assert [s.amount for s in f.spend_items] == [D("62.80"), D("34.00"), D(0), D("7.50"), D("4.00")]
    assert f.carry_out == D("113.00") + D("1.23") - D("108.30")
    assert f.running_costs.amount == 0 and f.institution_operating.amount == D("10.80")
    from tests.render_helpers import docx_xml

    docs = render_checked(check(path), pdf=False)
    # the XML, not the zip's bytes: a compressed PNG may hold "{{" by chance
    text = docx_xml(docs.docx)
    assert "{{" not in text.replace("{{ 业务 }}", "")


def test_same_input_same_bytes(tmp_path: Path) -> None:
    path = synthetic(tmp_path)
    a = render_checked(check(path))
    b = render_checked(check(path))
    assert a.docx == b.docx and a.pdf == b.pdf


def test_user_text_renders_literally(tmp_path: Path) -> None:
    from tests.render_helpers import docx_xml

    path = synthetic(tmp_path)
    xml = docx_xml(render_checked(check(path), pdf=False).docx)
    assert "办公室 &amp; &lt;综合&gt;" in xml
    assert "{{ 业务 }}科" in xml
    assert "某市 A&amp;B &lt;职业&gt; 学校" in xml


def test_a_final_accounts_workbook_marked_as_budget_is_refused_as_the_wrong_kind(
    tmp_path: Path,
) -> None:
    path = synthetic(tmp_path)
    edit(path, "基本信息", "B1", "预算公开")
    checked = check(path)
    assert checked.kind is None
    assert [f.code for f in checked.findings] == ["X018"]


MUTATIONS = [
    # 收入决算 row 2 is 2010301's income: the 项 left short, at its largest line (row 3).
    ("A001", [("收入决算", "D2", 0)], "决算明细", "I3"),
    ("A002", [("项目自评指标", "H2", 5)], "项目自评指标", "H2"),
    ("A003", [("项目自评指标", "G2", 95)], "项目自评", "J2"),
    ("A004", [("项目自评", "F2", 99999999)], "项目自评", "N2"),
    ("A006", [("三公经费", "B4", 1)], "三公经费", "B4"),
]


@pytest.mark.parametrize(
    ("code", "edits", "sheet", "cell"), MUTATIONS, ids=[m[0] for m in MUTATIONS]
)
def test_mutation_is_reported_at_its_cell(
    code: str, edits: list[tuple[str, str, object]], sheet: str, cell: str, tmp_path: Path
) -> None:
    path = tmp_path / "m.xlsx"
    path.write_bytes(EXAMPLE.read_bytes())
    for sh, ref, value in edits:
        edit(path, sh, ref, value)
    found = {(f.code, f.sheet, f.cell) for f in check(path).findings}
    assert (code, sheet, cell) in found, sorted(found)


def test_a005_a_reason_on_the_item_row_silences_it(tmp_path: Path) -> None:
    assert ("A005", "上年对比", "D7") in {
        (f.code, f.sheet, f.cell) for f in check(EXAMPLE).findings
    }
    path = tmp_path / "m.xlsx"
    path.write_bytes(EXAMPLE.read_bytes())
    edit(path, "上年对比", "D7", "年中追加项目经费")
    assert ("A005", "上年对比", "D7") not in {
        (f.code, f.sheet, f.cell) for f in check(path).findings
    }
