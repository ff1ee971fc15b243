"""The department budget (部门预算公开): the seed-001 example and a department built here."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from disclosure_gen.compute.table import Table
from disclosure_gen.kinds.budget.compute.run import Computed
from disclosure_gen.pipeline import check
from tests import builders
from tests.conftest import ROOT, SHARED
from tests.render_helpers import documents, docx_paragraphs, pdf_text

EXAMPLE = ROOT / "examples" / "department-budget-2025" / "workbook.xlsx"
SEED = SHARED / "seeds" / "001_5e3aa68c6056a407.txt"
SEEDCHECK = SHARED / "tools" / "seedcheck.py"
CENTRE, HOTLINE = "某市数据中心", "某市热线中心 & <x>"
SECRET = "涉密专项"
FLOORS = ("--min-numbers", "0.93", "--min-clauses", "0.87")


def department() -> dict[str, Any]:
    """The builders' sample as a department: two subordinate units, one secret project."""
    data = builders.sample()
    data["forms"]["profile"]["level"] = "部门"
    data["rows"]["subordinate_units"] = [(CENTRE, "事业单位"), (HOTLINE, "事业单位")]
    data["rows"]["lines"] = [
        *data["rows"]["lines"],
        ("2010350", "30101", builders.G, "人员经费", "", 456789.12, CENTRE),
        ("2010302", "30227", builders.G, "项目支出", builders.CARRIED, 33333.33, CENTRE),
        ("2010302", "30299", builders.G, "项目支出", SECRET, 88888.88, HOTLINE),
        ("2010302", "30299", "财政拨款结转-一般公共预算", "项目支出", SECRET, 11111.11, HOTLINE),
    ]
    data["rows"]["comparisons"] = [
        *data["rows"]["comparisons"],
        ("功能科目：2010350", 400000, "新增下属单位"),
    ]
    data["rows"]["projects"] = [
        *data["rows"]["projects"],
        (SECRET, "涉密", HOTLINE, "涉密", "2025年", "", "", "是", "8110039Y"),
    ]
    data["rows"]["targets"] = [
        *data["rows"]["targets"],
        (SECRET, "产出指标", "数量指标", "涉密指标", "1", "", "", 100, "", ""),
    ]
    data["rows"]["department_indicators"] = [
        ("履职效能", "质量指标", "接通率", "≥90%", "《工作方案》", 50),
        ("履职效能", "质量指标", "办结率", "≥95%", "《工作方案》", 50),
    ]
    data["forms"]["department_performance"] = dict(
        contact="王先生", phone="0991-1234567", goal="全年政务服务稳定运行。", own=1000000
    )
    return data


@pytest.fixture
def dept_path(tmp_path: Path) -> Path:
    return builders.write(tmp_path / "dept.xlsx", department())


def _computed(path: Path) -> Computed:
    checked = check(path)
    assert checked.ok(), [f.message for f in checked.findings if f.severity == "error"]
    assert isinstance(checked.computed, Computed)
    return checked.computed


def _money(table: Table, level: str) -> list[list[Decimal]]:
    return [[c for c in r.cells if isinstance(c, Decimal)] for r in table.rows if r.level == level]


def test_unit_subtotals_of_tables_7_and_11_add_up_to_the_department_totals(
    dept_path: Path,
) -> None:
    tables = _computed(dept_path).tables
    for key in ("t7", "t11"):
        units = _money(tables[key], "unit")
        (grand,) = _money(tables[key], "total")
        assert len(units) >= 2, key
        assert [sum(col, Decimal(0)) for col in zip(*units, strict=True)] == grand, key


def test_a_secret_project_is_masked_everywhere_but_its_money_counts(dept_path: Path) -> None:
    computed = _computed(dept_path)
    docs = documents(dept_path)
    text = "".join(docx_paragraphs(docs.docx))
    assert SECRET not in text and SECRET not in pdf_text(docs.pdf or b"")
    assert "特定目标 8110039Y" in text and "完全不予公开" in text
    grand = _money(computed.tables["t3"], "total")[0][0]
    assert grand == computed.facts.income_total
    assert any(leaf.project == SECRET for leaf in computed.leaves)


def test_department_target_table_prints_its_header_and_computed_funds(dept_path: Path) -> None:
    text = pdf_text(documents(dept_path).pdf or b"").replace("\n", "")
    assert "部门整体绩效目标表" in text and "王先生" in text and "0991-1234567" in text
    assert "接通率" in text and "100.00" in text  # 1,000,000 元 = 100.00 万元


def test_a_project_target_table_names_the_unit_that_carries_the_project(tmp_path: Path) -> None:
    data = department()
    lines = [list(r) for r in data["rows"]["lines"]]
    for line in lines:
        if line[4] == builders.PROJECT:
            line[6] = HOTLINE
    data["rows"]["lines"] = [tuple(r) for r in lines]
    path = builders.write(tmp_path / "d.xlsx", data)
    facts = _computed(path).facts
    (project,) = [p for p in facts.all_projects if p.project.name == builders.PROJECT]
    assert project.unit == HOTLINE


def test_composition_is_counted_from_the_list_of_units(dept_path: Path) -> None:
    text = "".join(docx_paragraphs(documents(dept_path).docx))
    assert "下属2家预算单位" in text and "事业单位2家" in text


@pytest.mark.skipif(not SEEDCHECK.exists(), reason="../shared/tools/seedcheck.py not present")
@pytest.mark.parametrize("suffix", ["docx", "pdf"])
def test_example_reproduces_seed_001_as_far_as_the_seed_agrees_with_itself(
    suffix: str, tmp_path: Path
) -> None:
    """Floors, not targets: the remaining gap is listed in docs/seed-discrepancies.md."""
    docs = documents(EXAMPLE)
    out = tmp_path / f"example.{suffix}"
    out.write_bytes(docs.docx if suffix == "docx" else docs.pdf or b"")
    result = subprocess.run(
        [sys.executable, str(SEEDCHECK), str(out), str(SEED), *FLOORS],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout


def test_secret_functions_are_a_flag_that_prints_the_fixed_sentence(tmp_path: Path) -> None:
    data = department()
    data["forms"]["profile"]["functions"] = None
    data["forms"]["profile"]["functions_secret"] = "是"
    path = builders.write(tmp_path / "d.xlsx", data)
    text = "".join(docx_paragraphs(documents(path).docx))
    assert "本部门按照保密要求部门职能不予公开。" in text
    assert "负责全市数据资源管理" not in text


def test_no_amount_breaks_inside_a_number_in_the_wide_tables() -> None:
    """An amount with thousands separators never ends after one decimal in the PDF text: that
    is an amount whose last digit wrapped onto the next line of a narrow cell."""
    import io
    import re

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(documents(EXAMPLE).pdf or b""))
    text = "\n".join(page.extract_text() for page in reader.pages)  # spaces kept
    split = re.findall(r"(?<![\d,.])\d{1,3}(?:,\d{3})+\.\d(?![\d])", text)
    assert split == []


SECRET_UNIT = "某市保密技术服务中心"
SECRET_UNIT_PROJECT = "保密设备购置"


def department_with_a_secret_unit() -> dict[str, Any]:
    """The department above plus a third unit flagged 涉密 with basic money, a project (not
    itself flagged) and carried-over money."""
    data = department()
    data["rows"]["subordinate_units"] = [
        *data["rows"]["subordinate_units"],
        (SECRET_UNIT, "行政单位", "是"),
    ]
    data["rows"]["lines"] = [
        *data["rows"]["lines"],
        ("2010350", "30101", builders.G, "人员经费", "", 222222.22, SECRET_UNIT),
        ("2010302", "30299", builders.G, "项目支出", SECRET_UNIT_PROJECT, 77777.77, SECRET_UNIT),
        (
            "2010302",
            "30299",
            "财政拨款结转-一般公共预算",
            "项目支出",
            SECRET_UNIT_PROJECT,
            5555.55,
            SECRET_UNIT,
        ),
    ]
    data["rows"]["projects"] = [
        *data["rows"]["projects"],
        (SECRET_UNIT_PROJECT, "依据", SECRET_UNIT, "按需", "2025年", "", "", "否", "7010041A"),
    ]
    data["rows"]["targets"] = [
        *data["rows"]["targets"],
        (SECRET_UNIT_PROJECT, "产出指标", "数量指标", "设备台数", "1台", "", "", 100, "", ""),
    ]
    return data


def test_a_secret_unit_is_counted_and_its_money_published_but_its_name_never_printed(
    tmp_path: Path,
) -> None:
    path = builders.write(tmp_path / "secret-unit.xlsx", department_with_a_secret_unit())
    computed = _computed(path)
    docs = documents(path)
    docx_text = "".join(docx_paragraphs(docs.docx))
    pdf = "".join(pdf_text(docs.pdf or b"").split())
    for text in (docx_text, pdf):
        assert SECRET_UNIT not in text and SECRET_UNIT_PROJECT not in text
        assert "涉密单位" in text and "7010041A" in text
    assert "特定目标 7010041A" in docx_text and "（按照保密要求不公开单位名称）" in docx_text
    assert "下属3家预算单位" in docx_text and "行政单位2家" in docx_text
    for key in ("t7", "t11"):
        rows = [r.cells[0] for r in computed.tables[key].rows if r.level == "unit"]
        assert "涉密单位" in rows and SECRET_UNIT not in rows, key
        units = _money(computed.tables[key], "unit")
        (grand,) = _money(computed.tables[key], "total")
        assert [sum(col, Decimal(0)) for col in zip(*units, strict=True)] == grand, key
    plain = _computed(builders.write(tmp_path / "plain.xlsx", department())).facts
    secret_money = (Decimal("222222.22") + Decimal("77777.77") + Decimal("5555.55")) / 10000
    # the unit's 30.56 万元 count in the totals (尾差调整 may move one cent between units)
    assert abs(computed.facts.income_total - plain.income_total - secret_money) < Decimal("0.01")


def test_a_text_naming_a_secret_unit_or_project_is_an_error_at_its_cell(tmp_path: Path) -> None:
    data = department_with_a_secret_unit()
    data["rows"]["comparisons"] = [
        *data["rows"]["comparisons"][:-1],
        ("功能科目：2010350", 400000, f"新增下属单位{SECRET_UNIT}"),
    ]
    projects = [list(r) for r in data["rows"]["projects"]]
    projects[0][2] = f"本级会同{SECRET}工作组"
    data["rows"]["projects"] = [tuple(r) for r in projects]
    checked = check(builders.write(tmp_path / "leak.xlsx", data))
    found = {(f.sheet, f.cell) for f in checked.findings if f.code == "X019"}
    row = 1 + len(data["rows"]["comparisons"])
    assert ("上年对比", f"C{row}") in found and ("项目信息", "C2") in found
    assert len(found) == 2
    clean = check(builders.write(tmp_path / "clean.xlsx", department_with_a_secret_unit()))
    assert not [f for f in clean.findings if f.code == "X019"]
