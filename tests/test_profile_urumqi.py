"""The 乌鲁木齐市（2025） wording profile: with 基本信息!措辞模板 selected the document is phrased
as seed 001 (乌鲁木齐市数字化发展局 2025 年部门预算公开) phrases it; without it the standard
wording stays.  Every figure and name below comes from ``tests/builders.sample()``."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
import yaml

from disclosure_gen.kinds.budget import KIND as BUDGET
from disclosure_gen.kinds.budget.schema import PROFILES, WORDINGS
from tests import builders
from tests.render_helpers import documents, docx_paragraphs

WORDING = "乌鲁木齐市（2025）"
FOLDER = PROFILES / "urumqi-2025"
NAME = "某市数据局 & <测试>"


def department(wording: str | None, **changes: Any) -> dict[str, Any]:
    data = builders.variant(
        subordinate_units=[("甲中心", "事业单位"), ("乙中心", "事业单位")], **changes
    )
    data["forms"]["profile"]["level"] = "部门"
    if wording:
        data["forms"]["profile"]["wording"] = wording
    return data


def render(tmp_path: Path, data: dict[str, Any], name: str = "w.xlsx") -> list[str]:
    return docx_paragraphs(documents(builders.write(tmp_path / name, data), pdf=False).docx)


@pytest.fixture(scope="module")
def urumqi(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    return render(tmp_path_factory.mktemp("u"), department(WORDING))


@pytest.fixture(scope="module")
def standard(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    return render(tmp_path_factory.mktemp("s"), department(None))


def has(paragraphs: list[str], text: str) -> bool:
    return any(text in p for p in paragraphs)


# Sentences the profile phrases differently: (seed-001 style, standard).
DIFFERENT = [
    (  # 四: opens with the year
        "\n2025年财政拨款收支总预算247.33万元。",
        f"\n{NAME}2025年财政拨款收支总预算247.33万元。",
    ),
    (  # 五(一): the reason after a comma
        "基本支出161.33万元，比上年预算增加11.33万元，增长7.55%，主要原因是人员增加。",
        "基本支出161.33万元，比上年预算增加11.33万元，增长7.55%。主要原因是人员增加。",
    ),
    (  # 五(三)
        "行政运行（项）：2025年预算数为136.46万元，比上年预算增加16.46万元，增长13.72%，主要原因是人员增加。",
        "行政运行（项）：2025年预算数为136.46万元，比上年预算增加16.46万元，增长13.72%。主要原因是人员增加。",
    ),
    (  # 十: “经费数为”, zero items with two decimals
        "“三公”经费数为7.44万元，其中：因公出国（境）费0.00万元，公务用车购置费0.00万元，"
        "公务用车运行费4.44万元，公务接待费3.00万元。",
        "“三公”经费预算数为7.44万元，其中：因公出国（境）费0万元，公务用车购置费0万元，"
        "公务用车运行费4.44万元，公务接待费3.00万元。",
    ),
    ("\n（一）单位运行经费情况\n", "\n（一）部门运行经费情况\n"),
    (  # 十二(一)
        "机关运行经费财政拨款预算13.00万元，比上年预算增加1.00万元，增长8.33%，主要原因是公用经费定额调整。",
        "机关运行经费财政拨款预算13.00万元，比上年预算增加1.00万元，增长8.33%。主要原因是公用经费定额调整。",
    ),
    (  # 十二(二)
        "政府采购货物预算5.00万元，政府采购工程预算0.00万元，政府采购服务预算85.00万元。",
        "政府采购货物预算5.00万元，政府采购工程预算0万元，政府采购服务预算85.00万元。",
    ),
    (  # 十二(三)
        f"截至2024年底，{NAME}及下属各预算单位占用使用国有资产总体情况为：\n",
        f"截至2024年底，{NAME}占用使用国有资产总体情况为\n",
    ),
    (
        "\n部门价值50万元以上大型设备1台，部门价值100万元以上大型设备0台。\n",
        "\n单位价值50万元以上大型设备1台，单位价值100万元以上大型设备0套。\n",
    ),
    (  # 十二(四)
        "2025年，本部门当年预算安排项目共2个，其中：财政拨款项目涉及预算金额86.00万元；"
        "非财政拨款项目涉及预算金额12.00万元。具体情况见下表：",
        f"2025年，{NAME}当年财政拨款项目1个，涉及预算金额86.00万元；当年非财政拨款项目1个，"
        "涉及预算金额12.00万元。具体情况见下表（按项目分别填报）：",
    ),
    (  # 第四部分 七
        "公务用车购置反映机关和参公事业单位公务用车购置支出（含车辆购置税、牌照费）；"
        "公务用车运行维护费反映机关和参公事业单位按规定保留的公务用车燃料费、新能源汽车充电费、维修费",
        "公务用车购置反映基本建设支出中安排机关和参公事业单位用于公务用车购置的支出（含车辆购置税、牌照费）；"
        "公务用车运行维护费反映机关和参公事业单位按规定保留的公务用车燃料费、维修费",
    ),
]


def joined(paragraphs: list[str]) -> str:
    return "\n" + "\n".join(paragraphs) + "\n"


@pytest.mark.parametrize("seed_style, standard_style", DIFFERENT, ids=range(len(DIFFERENT)))
def test_the_profile_phrases_as_seed_001_and_the_standard_wording_stays(
    urumqi: list[str], standard: list[str], seed_style: str, standard_style: str
) -> None:
    assert seed_style in joined(urumqi)
    assert standard_style not in joined(urumqi)
    assert standard_style in joined(standard)
    assert seed_style not in joined(standard)


def test_zero_non_fiscal_sources_are_left_out_and_zero_fiscal_sources_say_not_arranged(
    urumqi: list[str], standard: list[str]
) -> None:
    for unstated in ("财政专户管理资金未安排。", "非财政拨款结转结余未安排。"):
        assert unstated not in urumqi
        assert unstated in standard
    for stated in ("国有资本经营预算未安排。", "上级一般公共预算安排的转移支付资金未安排。"):
        assert stated in urumqi
        assert stated in standard
    assert has(urumqi, "单位资金12.00万元，占4.22%")


def comma_reason(paragraph: str) -> str:
    """The standard “…%。主要原因是…” as the profile writes every reason: “…%，主要原因是…”."""
    return paragraph.replace("%。主要原因是", "%，主要原因是")


def test_the_sections_the_profile_does_not_override_read_the_same(
    urumqi: list[str], standard: list[str]
) -> None:
    expected = {"财政专户管理资金未安排。", "非财政拨款结转结余未安排。"}
    unexplained = [
        p
        for p in standard
        if p not in urumqi
        and comma_reason(p) not in urumqi
        and p not in expected
        and not any(p in s.strip("\n") or s.strip("\n") in p for _, s in DIFFERENT)
    ]
    assert unexplained == []
    assert has(urumqi, "项目支出绩效目标表")  # s12 still includes target_tables.j2


def test_a_unit_with_the_profile_says_unit_and_has_no_subordinates(tmp_path: Path) -> None:
    data = builders.sample()
    data["forms"]["profile"]["wording"] = WORDING
    paragraphs = render(tmp_path, data)
    assert has(paragraphs, f"截至2024年底，{NAME}占用使用国有资产总体情况为：")
    assert has(paragraphs, "单位价值50万元以上大型设备1台，单位价值100万元以上大型设备0台。")
    assert has(paragraphs, "2025年，本单位当年预算安排项目共2个，其中：")


def test_the_department_target_counts_its_funds_before_the_projects(tmp_path: Path) -> None:
    data = department(
        WORDING,
        department_indicators=[("履职效能", "质量指标", "热线接通率", "≥90%", "《工作方案》", 100)],
    )
    data["forms"]["department_performance"] = dict(
        contact="李先生", phone="0991-1234567", goal="提升服务", own=12345678.9, other=1000000
    )
    paragraphs = render(tmp_path, data)
    assert has(
        paragraphs,
        "2025年，本部门预算绩效管理整体预算绩效目标1个，涉及预算金额1334.57万元；"
        "当年预算安排项目共2个，其中：财政拨款项目涉及预算金额86.00万元；",
    )
    assert has(paragraphs, "部门整体绩效目标表")


def test_the_profile_table_headers_use_the_seed_words(tmp_path: Path) -> None:
    from docx import Document

    data = department(WORDING)
    docx = documents(builders.write(tmp_path / "t.xlsx", data), pdf=False).docx
    tables = Document(io.BytesIO(docx)).tables
    assert [c.text for c in tables[0].rows[1].cells] == ["项目", "预算数", "功能分类", "预算数"]
    assert "商品和服务支出" in [c.text for c in tables[6].rows[1].cells]


def test_the_profile_tables_yaml_keeps_every_entry_of_the_standard_one() -> None:
    def load(path: Path) -> dict[str, Any]:
        specs: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
        return specs

    ours, theirs = load(FOLDER / "tables.yaml"), load(BUDGET.templates / "tables.yaml")
    assert ours.keys() == theirs.keys()
    for key, spec in theirs.items():
        assert ours[key].keys() - {"relabel"} == spec.keys() - {"relabel"}, key
        if "labels" in spec:
            assert ours[key]["labels"].keys() == spec["labels"].keys(), key
        for part in ("columns", "widths", "align", "orientation"):
            if part in spec:
                assert ours[key][part] == spec[part], (key, part)


def test_the_profile_is_shipped_and_only_overrides_files_the_kind_has() -> None:
    assert WORDINGS[WORDING] == FOLDER.name
    for override in FOLDER.rglob("*"):
        if override.is_file() and override.name != "profile.yaml":
            assert (BUDGET.templates / override.relative_to(FOLDER)).is_file(), override
    s12 = (FOLDER / "part3" / "s12_other.j2").read_text(encoding="utf-8")
    assert '{%- include "budget/part3/target_tables.j2" -%}' in s12
