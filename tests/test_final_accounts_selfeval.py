"""The 绩效自评表: 执行率 and 总分 are computed from the funds and scores typed, never typed
themselves, and printed with two decimals unless wording.yaml says ``rate_places: 0``."""

from __future__ import annotations

from decimal import Decimal as D
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from disclosure_gen.kinds.final_accounts.compute.run import Computed
from disclosure_gen.kinds.final_accounts.compute.selfeval import rate
from disclosure_gen.kinds.final_accounts.schema import SCHEMA
from disclosure_gen.pipeline import check, render_checked
from disclosure_gen.workbook.writer import build_blank_workbook
from tests.render_helpers import docx_xml

GB = "一般公共预算财政拨款"


def evaluated_workbook(path: Path) -> Path:
    """A department whose 整体自评 executes 920,000 of 1,000,000 元 (92%; its lines spend the
    same 920,000, as A025 requires) and two
    projects: 课程建设 fully executed (100%), 设备更新 at 2/3 (66.67%)."""
    rows: dict[str, Any] = {
        "lines": [
            ("2050299 其他普通教育支出", "30101", GB, "人员经费", "", "", 570000, 570000, 570000),
            ("2050299", "30227", GB, "项目支出", "课程建设", "", 250000, 250000, 250000),
            ("2050299", "31002", GB, "项目支出", "设备更新", "", 150000, 150000, 100000),
        ],
        "income": [("2050299", "一般公共预算财政拨款收入", "", 920000)],
        # the year-over-year sentences need last year's figures (A015)
        "comparisons": [
            ("收支总计", 900000, "招生增加", ""),
            ("财政拨款收支总计", 900000, "招生增加", ""),
            ("功能科目：2050299", 900000, "招生增加", "年中调减"),
        ],
        "department_indicators": [
            ("产出指标", "数量指标", "培训人次", "≥100人次", "", "120人次", 50, D("48.5")),
            ("效益指标", "满意度", "学员满意度", "≥90%", "", "95%", 40, 40),
        ],
        "project_evaluations": [
            (
                "课程建设",
                "某市教育局",
                "某市学校",
                250000,
                250000,
                250000,
                0,
                0,
                0,
                10,
                10,
                "建设课程",
                "已建设",
            ),
            (
                "设备更新",
                "某市教育局",
                "某市学校",
                150000,
                150000,
                100000,
                0,
                0,
                0,
                10,
                D("6.67"),
                "更新设备",
                "部分更新",
            ),
        ],
        "project_indicators": [
            ("课程建设", "产出指标", "数量指标", "课程数", "5门", "5门", 90, 85),
            ("设备更新", "产出指标", "数量指标", "设备数", "10台", "7台", 90, 60),
        ],
    }
    forms: dict[str, dict[str, Any]] = {
        "profile": {
            "level": "部门",
            "name": "某市教育局",
            "nature": "行政单位",
            "functions": "教育管理",
            "in_service": 10,
            "in_service_prior": 10,
            "retired": 0,
            "retired_prior": 0,
            "retired_cadre": 0,
            "retired_cadre_prior": 0,
        },
        "department_evaluation": {
            "own_budget": 1000000,
            "own_full_budget": 1000000,
            "own_actual": 920000,
            "rate_weight": 10,
            "rate_score": D("9.2"),
            "goal": "完成年度工作",
            "result": "基本完成",
        },
    }
    path.write_bytes(build_blank_workbook(SCHEMA, 2024, "部门", rows=rows, form_values=forms))
    return path


@cache
def _checked(folder: Path) -> Any:
    checked = check(evaluated_workbook(folder / "evaluated.xlsx"))
    assert checked.ok(), [(f.code, f.sheet, f.cell, f.message) for f in checked.findings]
    return checked


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("selfeval")


def test_rates_and_total_scores_are_computed_from_funds_and_scores(folder: Path) -> None:
    computed = _checked(folder).computed
    assert isinstance(computed, Computed)
    ev = computed.evaluations
    assert ev.department is not None
    assert ev.department.total == (D("100.00"), D("100.00"), D("92.00"))
    assert ev.department.rate == D("92.00")
    assert ev.department.score == D("9.2") + D("48.5") + 40
    assert ev.department.weight == 100
    course, equipment = ev.projects
    assert (course.rate, course.score) == (D("100.00"), D(95))
    assert (equipment.rate, equipment.score) == (D("66.67"), D("66.67"))
    assert ev.project_totals == (D("40.00"), D("40.00"), D("35.00"))


def test_the_grids_print_two_decimal_rates_and_scores_in_points(folder: Path) -> None:
    xml = docx_xml(render_checked(_checked(folder), pdf=False).docx)
    for text in ("92.00%", "100.00%", "66.67%", "97.70分", "95.00分", "66.67分"):
        assert f">{text}<" in xml, text


def test_rate_places_0_prints_whole_percent_rounded_once(folder: Path) -> None:
    templates = folder / "templates" / "final_accounts"
    templates.mkdir(parents=True)
    (templates / "wording.yaml").write_text("rate_places: 0\n", encoding="utf-8")
    xml = docx_xml(render_checked(_checked(folder), folder / "templates", pdf=False).docx)
    assert ">92%<" in xml and ">100%<" in xml and ">67%<" in xml
    assert ">92.00%<" not in xml


def test_a_rate_is_rounded_once_half_up_from_the_exact_quotient() -> None:
    # 92.495 %: two decimals give 92.50 (half up), but a whole percent is 92, not 93
    assert rate(D("92.495"), D(100)) == D("92.50")
    assert rate(D("92.495"), D(100), 0) == D(92)
    assert rate(D("92.5"), D(100), 0) == D(93)
    assert rate(D(5), D(0)) == D("0.00")
