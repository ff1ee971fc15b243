"""`consolidate`: a department assembled from its 本级 workbook and its units' workbooks
equals the department built directly; disagreements are located in file, sheet and cell."""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from disclosure_gen.cli import app
from disclosure_gen.kinds.budget.compute.run import Computed
from disclosure_gen.kinds.budget.consolidate import Consolidated, Part, consolidate
from disclosure_gen.kinds.budget.model import Disclosure
from disclosure_gen.pipeline import check
from tests import builders
from tests.conftest import ROOT
from tests.test_reader import edit

CENTRE, HOTLINE = "某市数据中心", "某市热线中心 & <x>"
CENTRE_PROJECT, SECRET = "数据中心机房运维", "涉密专项"
G = builders.G


def _centre() -> dict[str, Any]:
    return {
        "lines": [
            ("2010350", "30101", G, "人员经费", "", 456789.12, ""),
            ("2010350", "30201", G, "公用经费", "", 12345.67, ""),
            ("2010302", "30227", G, "项目支出", CENTRE_PROJECT, 33333.33, ""),
        ],
        "projects": [
            (
                CENTRE_PROJECT,
                "《机房管理办法》",
                CENTRE,
                "运维 3.33 万元",
                "2025年",
                "李四",
                "",
                "否",
            ),
        ],
        "targets": [
            (CENTRE_PROJECT, "产出指标", "质量指标", "机房可用率", "≥99%", "", "", 100, "", ""),
        ],
        "comparisons": [
            ("收入：一般公共预算", 500000, ""),
            ("功能科目：2010350", 400000, "新增下属单位"),
        ],
        "profile": dict(
            staff_quota=10, in_service=9, in_service_prior=8, retired=1, retired_prior=1
        ),
        "procurement": dict(goods=10000, services=20000, sme_reserved=15000),
        "assets": dict(house_area=100.25, house_value=500000, furniture_value=30000),
    }


def _hotline() -> dict[str, Any]:
    return {
        "lines": [
            ("2010302", "30299", G, "项目支出", SECRET, 88888.88, ""),
            ("2010302", "30299", "财政拨款结转-一般公共预算", "项目支出", SECRET, 11111.11, ""),
        ],
        "projects": [(SECRET, "涉密", HOTLINE, "涉密", "2025年", "", "", "是", "8110039Y")],
        "targets": [(SECRET, "产出指标", "数量指标", "涉密指标", "1", "", "", 100, "", "")],
        "comparisons": [("收入：财政拨款结转", 50000, "")],
        "profile": dict(staff_quota=5, in_service=5, in_service_prior=5),
        "procurement": dict(services=5000),
        "assets": dict(car_general_count=1, car_general_value=200000),
    }


PROFILE_KEYS = ("staff_quota", "in_service", "in_service_prior", "retired", "retired_prior")


def _own() -> dict[str, Any]:
    """The department's 本级 workbook: the builders' sample as a department."""
    data = builders.sample()
    data["forms"]["profile"]["level"] = "部门"
    data["forms"]["profile"]["functions"] = "统筹全市数据工作。"
    data["rows"]["subordinate_units"] = [(CENTRE, "事业单位"), (HOTLINE, "事业单位")]
    data["rows"]["comparisons"] = [
        ("收入：一般公共预算", 1500000, "人员经费标准调整") if c[0] == "收入：一般公共预算" else c
        for c in data["rows"]["comparisons"]
    ]
    data["rows"]["department_indicators"] = [
        ("履职效能", "质量指标", "接通率", "≥90%", "《工作方案》", 100)
    ]
    data["forms"]["department_performance"] = dict(
        contact="王先生", goal="全年稳定运行。", own=1000000
    )
    return data


def _unit(name: str, part: dict[str, Any]) -> dict[str, Any]:
    data = builders.sample()
    profile = dict(
        data["forms"]["profile"],
        name=name,
        nature="事业单位",
        functions=f"{name}的职能。",
        retired=0,
        retired_prior=0,
    )
    profile.update(part["profile"])
    zero_assets = {k: 0 for k in data["forms"]["assets"]}
    return {
        "rows": {
            "divisions": [("综合科",)],
            "lines": part["lines"],
            "projects": part["projects"],
            "comparisons": part["comparisons"],
            "purposes": [("201 一般公共服务支出", "单位运行")],
            "targets": part["targets"],
        },
        "forms": {
            "profile": profile,
            "procurement": part["procurement"],
            "assets": {**zero_assets, **part["assets"]},
        },
    }


def _direct() -> dict[str, Any]:
    """The same department typed as one workbook: what consolidate must reproduce."""
    data = copy.deepcopy(_own())
    rows, forms = data["rows"], data["forms"]
    for name, part in ((CENTRE, _centre()), (HOTLINE, _hotline())):
        unit = _unit(name, part)
        rows["lines"] += [(*line[:6], name) for line in part["lines"]]
        rows["projects"] += part["projects"]
        rows["targets"] += part["targets"]
        for key in PROFILE_KEYS:
            forms["profile"][key] += unit["forms"]["profile"][key]
        for form in ("procurement", "assets"):
            for key, value in unit["forms"][form].items():
                forms[form][key] = forms[form].get(key, 0) + value
    rows["comparisons"] = [
        ("收入：一般公共预算", 2000000, "人员经费标准调整") if c[0] == "收入：一般公共预算" else c
        for c in rows["comparisons"]
    ] + [
        ("收入：财政拨款结转", 350000, "上年结转项目执行进度加快，结转减少"),
        ("功能科目：2010350", 400000, "新增下属单位"),
    ]
    rows["comparisons"] = [
        c
        for i, c in enumerate(rows["comparisons"])
        if not (c[0] == "收入：财政拨款结转" and c[1] == 300000)
    ]
    return data


@pytest.fixture
def paths(tmp_path: Path) -> dict[str, Path]:
    return {
        "dept": builders.write(tmp_path / "本级.xlsx", _own()),
        "centre": builders.write(tmp_path / "数据中心.xlsx", _unit(CENTRE, _centre())),
        "hotline": builders.write(tmp_path / "热线中心.xlsx", _unit(HOTLINE, _hotline())),
    }


def _model(path: Path) -> Disclosure:
    checked = check(path)
    assert isinstance(checked.model, Disclosure), [f.message for f in checked.findings]
    return checked.model


def _merge(paths: dict[str, Path], *units: str) -> Consolidated:
    return consolidate(
        Part(paths["dept"].name, _model(paths["dept"])),
        [Part(paths[u].name, _model(paths[u])) for u in units],
    )


def _computed(path: Path) -> Computed:
    checked = check(path)
    assert checked.ok(), [f.message for f in checked.findings if f.severity == "error"]
    assert isinstance(checked.computed, Computed)
    return checked.computed


def test_consolidated_department_equals_the_department_built_directly(
    paths: dict[str, Path], tmp_path: Path
) -> None:
    result = _merge(paths, "centre", "hotline")
    assert result.ok and result.findings == ()
    merged_path = tmp_path / "merged.xlsx"
    merged_path.write_bytes(result.workbook())
    direct_path = builders.write(tmp_path / "direct.xlsx", _direct())
    merged, direct = _computed(merged_path), _computed(direct_path)
    assert merged.tables.keys() == direct.tables.keys()
    for key in direct.tables:
        assert merged.tables[key] == direct.tables[key], key
    m, d = merged.facts, direct.facts
    assert m.income == d.income and m.general_items == d.general_items
    assert (m.basic, m.project, m.three_public, m.running_costs) == (
        d.basic,
        d.project,
        d.three_public,
        d.running_costs,
    )
    assert [p.unit for p in m.all_projects] == [p.unit for p in d.all_projects]
    assert m.composition == d.composition
    mm, dm = _model(merged_path), _model(direct_path)
    assert mm.profile.headcount == dm.profile.headcount == 18 + 3 + 9 + 1 + 5
    assert mm.profile.in_service_prior == dm.profile.in_service_prior
    assert mm.procurement.total == dm.procurement.total
    assert mm.assets.house_area == dm.assets.house_area == Decimal("1300.75")
    assert mm.assets.car_general_count == 3
    assert len(mm.targets) == len(dm.targets)


def test_summed_prior_figures_keep_a_single_reason_and_mark_joined_ones_pending(
    paths: dict[str, Path],
) -> None:
    model = _merge(paths, "centre", "hotline").model
    assert model is not None
    rows = {c.item: c for c in model.comparisons}
    general = rows["收入：一般公共预算"]
    assert (general.prior, general.reason, general.status) == (
        Decimal(2000000),
        "人员经费标准调整",
        None,
    )
    carry = rows["收入：财政拨款结转"]
    assert carry.prior == Decimal(350000) and carry.status is None
    assert rows["功能科目：2010350"].reason == "新增下属单位"


def test_reasons_from_several_workbooks_are_joined_and_pending(paths: dict[str, Path]) -> None:
    edit(paths["centre"], "上年对比", "C2", "新增聘用人员")
    model = _merge(paths, "centre", "hotline").model
    assert model is not None
    row = next(c for c in model.comparisons if c.item == "收入：一般公共预算")
    assert row.status == "pending"
    assert row.reason == f"某市数据局 & <测试>：人员经费标准调整；{CENTRE}：新增聘用人员"


def _located(result: Consolidated) -> set[tuple[str, str, str | None, str | None]]:
    return {(f.finding.code, f.file, f.finding.sheet, f.finding.cell) for f in result.findings}


def test_a_unit_not_on_the_list_is_located_at_its_name(paths: dict[str, Path]) -> None:
    edit(paths["centre"], "基本信息", "B4", "某市另一个中心")
    result = _merge(paths, "centre", "hotline")
    assert not result.ok
    assert ("M001", "数据中心.xlsx", "基本信息", "B4") in _located(result)
    assert ("M008", "本级.xlsx", "下属单位", "A2") in _located(
        result
    )  # 数据中心 now has no workbook


def test_the_same_project_in_two_units_is_located_at_the_second(paths: dict[str, Path]) -> None:
    edit(paths["hotline"], "项目信息", "A2", CENTRE_PROJECT)
    edit(paths["hotline"], "支出明细", "E2", CENTRE_PROJECT)
    edit(paths["hotline"], "支出明细", "E3", CENTRE_PROJECT)
    edit(paths["hotline"], "绩效目标", "A2", CENTRE_PROJECT)
    result = _merge(paths, "centre", "hotline")
    assert _located(result) == {("M002", "热线中心.xlsx", "项目信息", "A2")}
    assert CENTRE_PROJECT in result.findings[0].finding.message
    assert "数据中心.xlsx" in result.findings[0].finding.message


def test_a_project_of_the_department_and_a_unit_is_a_duplicate(paths: dict[str, Path]) -> None:
    edit(paths["centre"], "项目信息", "A2", builders.CARRIED)
    edit(paths["centre"], "支出明细", "E4", builders.CARRIED)
    edit(paths["centre"], "绩效目标", "A2", builders.CARRIED)
    assert ("M002", "数据中心.xlsx", "项目信息", "A2") in _located(
        _merge(paths, "centre", "hotline")
    )


def test_a_unit_of_another_year_is_located_at_its_year(paths: dict[str, Path]) -> None:
    edit(paths["hotline"], "基本信息", "B2", 2024)
    assert _located(_merge(paths, "centre", "hotline")) == {
        ("M003", "热线中心.xlsx", "基本信息", "B2")
    }


def test_a_department_workbook_as_unit_and_a_unit_twice_are_located(
    paths: dict[str, Path],
) -> None:
    result = consolidate(
        Part("数据中心.xlsx", _model(paths["centre"])),
        [Part(paths["hotline"].name, _model(paths["hotline"]))],
    )
    assert ("M005", "数据中心.xlsx", "基本信息", "B3") in _located(result)
    twice = _merge(paths, "centre", "centre", "hotline")
    assert ("M007", "数据中心.xlsx", "基本信息", "B4") in _located(twice)


def test_lines_of_another_unit_and_lines_counted_twice_are_located(
    paths: dict[str, Path],
) -> None:
    edit(paths["centre"], "支出明细", "G2", HOTLINE)
    edit(paths["dept"], "支出明细", "G3", CENTRE)
    found = _located(_merge(paths, "centre", "hotline"))
    assert ("M006", "数据中心.xlsx", "支出明细", "G2") in found
    assert ("M007", "本级.xlsx", "支出明细", "G3") in found


def test_a_nature_that_differs_from_the_list_is_a_warning_and_the_list_wins(
    paths: dict[str, Path],
) -> None:
    edit(paths["centre"], "基本信息", "B5", "行政单位")
    result = _merge(paths, "centre", "hotline")
    assert result.ok and _located(result) == {("M009", "数据中心.xlsx", "基本信息", "B5")}
    assert result.model is not None
    assert [u.nature for u in result.model.subordinate_units] == ["institution", "institution"]


def test_cli_writes_the_merged_workbook_or_nothing(paths: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "部门.xlsx"
    runner = CliRunner()
    args = ["consolidate", str(paths["dept"]), str(paths["centre"]), str(paths["hotline"])]
    ok = runner.invoke(app, [*args, "-o", str(out)])
    assert ok.exit_code == 0, ok.output
    assert _model(out).profile.level == "department"
    edit(paths["hotline"], "基本信息", "B2", 2024)
    bad_out = tmp_path / "bad.xlsx"
    bad = runner.invoke(app, [*args, "-o", str(bad_out)])
    assert bad.exit_code == 1 and not bad_out.exists()
    assert "热线中心.xlsx 基本信息!B2 [M003 错误]" in bad.output


def test_cli_refuses_a_final_accounts_workbook(paths: dict[str, Path], tmp_path: Path) -> None:
    fa = ROOT / "examples" / "department-final-accounts-2024" / "workbook.xlsx"
    out = tmp_path / "o.xlsx"
    result = CliRunner().invoke(app, ["consolidate", str(paths["dept"]), str(fa), "-o", str(out)])
    assert result.exit_code == 1 and not out.exists()
    assert "workbook.xlsx 基本信息!B1 [M004 错误]" in result.output
