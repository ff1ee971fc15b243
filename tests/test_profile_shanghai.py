"""The 上海市（2024） final-accounts wording profile: with 基本信息!措辞模板 selected, the
document follows the official Shanghai 2024 部门决算 template section by section (its 目录,
its sentences, its “not applicable” variants); without it the standard (seed 004) wording
stays, which the golden digests pin.  Every figure comes from
``tests/builders.final_accounts_sample()``; the expected 万元 figures below are computed here
from that workbook's 元, independently of the tool's arithmetic."""

from __future__ import annotations

import copy
import io
import zipfile
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from disclosure_gen.kinds.final_accounts import KIND
from disclosure_gen.kinds.final_accounts.schema import PROFILES, SCHEMA, WORDINGS
from disclosure_gen.pipeline import check, render_checked
from disclosure_gen.render.blocks import Block
from disclosure_gen.render.environment import build_environment
from disclosure_gen.workbook.schema import LISTS_SHEET, PROFILE_SHEET
from disclosure_gen.workbook.writer import build_blank_workbook
from tests import builders
from tests.builders import FA_NAME as NAME
from tests.render_helpers import docx_paragraphs

WORDING = "上海市（2024）"
FOLDER = PROFILES / "shanghai-2024"
REFERENCE = Path("/work/shared/references/final-accounts-template-shanghai.txt")

# The template's 目录, 上海市 XX 局 → the unit's name, 2024 → the year (its own wording: the
# body's heading of 十一 reads “其他重要事项的情况说明”, the 目录's is followed).
CONTENTS = """第一部分 上海市XX局概况
一、主要职能
二、部门决算单位构成
第二部分 上海市XX局2024年度部门决算表
一、收入支出决算总表
二、收入决算表
三、支出决算表
四、财政拨款收入支出决算总表
五、一般公共预算财政拨款支出决算表
六、一般公共预算财政拨款基本支出决算表
七、财政拨款“三公”经费支出决算表
八、政府性基金预算财政拨款收入支出决算表
九、国有资本经营预算财政拨款收入支出决算表
第三部分 上海市XX局2024年度部门决算情况说明
一、收入支出决算总体情况说明
二、收入决算情况说明
三、支出决算情况说明
四、财政拨款收入支出决算总体情况说明
五、一般公共预算财政拨款支出决算情况说明
六、一般公共预算财政拨款基本支出决算情况说明
七、财政拨款“三公”经费支出决算情况说明
八、政府性基金预算财政拨款收入支出决算情况说明
九、国有资本经营预算财政拨款收入支出决算情况说明
十、预算绩效管理情况
十一、其他重要事项说明
第四部分 名词解释"""


def wan(yuan: float | int | Decimal) -> str:
    """元 → the 万元 text a sentence prints (two decimals, half up, thousands separators)."""
    value = (Decimal(str(yuan)) / 10000).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return f"{value:,.2f}"


def shanghai(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(builders.final_accounts_sample())
    data["forms"]["profile"]["wording"] = WORDING
    for key, value in changes.items():
        section = "forms" if key in data["forms"] else "rows"
        data[section][key] = value
    return data


def checked_of(tmp_path: Path, data: dict[str, Any], name: str = "sh.xlsx") -> Any:
    checked = check(builders.write_final_accounts(tmp_path / name, data))
    errors = [(f.code, f.cell, f.message) for f in checked.findings if f.severity == "error"]
    assert checked.ok(), errors
    return checked


def blocks(checked: Any, user: Path | None = None) -> tuple[Block, ...]:
    env = build_environment(KIND.name, KIND.template_folders(checked.model), user)
    context = KIND.render_context(env, checked.model, checked.computed)
    return tuple(context.blocks)


def paragraphs(tmp_path: Path, data: dict[str, Any]) -> list[str]:
    return docx_paragraphs(render_checked(checked_of(tmp_path, data), pdf=False).docx)


@pytest.fixture(scope="module")
def text(tmp_path_factory: pytest.TempPathFactory) -> str:
    return "\n".join(paragraphs(tmp_path_factory.mktemp("sh"), shanghai()))


@pytest.fixture(scope="module")
def facts(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return checked_of(tmp_path_factory.mktemp("f"), shanghai()).computed.facts


def shown(figure: Decimal, yuan: Decimal) -> str:
    """A computed 万元 figure as printed, checked against the exact 元 sum: the tool rounds so
    that its tables add up (compute/rounding.py), which may move a sum by 0.01."""
    assert abs(figure - yuan / 10000) <= Decimal("0.01"), (figure, yuan)
    return f"{figure:,.2f}"


def lines_where(pred: Any) -> list[tuple[Any, ...]]:
    return [row for row in builders.final_accounts_sample()["rows"]["lines"] if pred(row)]


def total(rows: list[tuple[Any, ...]], column: int = 8) -> Decimal:
    return sum((Decimal(str(row[column])) for row in rows), Decimal(0))


GB = lines_where(lambda r: r[2] == builders.FA_GB)


def test_the_dropdown_lists_the_shanghai_profile(tmp_path: Path) -> None:
    assert WORDINGS[WORDING] == "shanghai-2024"
    assert (FOLDER / "profile.yaml").is_file()
    out = tmp_path / "blank.xlsx"
    out.write_bytes(build_blank_workbook(SCHEMA, 2024, "部门"))
    wb = openpyxl.load_workbook(out)
    labels = [c.value for c in wb[PROFILE_SHEET]["A"]]
    assert "措辞模板" in labels
    listed = {str(c.value) for row in wb[LISTS_SHEET].iter_rows() for c in row if c.value}
    assert WORDING in listed
    checked = check(builders.write_final_accounts(tmp_path / "w.xlsx", shanghai()))
    assert checked.model is not None and checked.model.profile.wording == "shanghai-2024"
    assert KIND.template_folders(checked.model) == (FOLDER, KIND.templates)


def test_the_headings_are_the_templates_contents_in_order(tmp_path: Path) -> None:
    headings = [
        b.extra["number"] + b.text if b.type == "table" else b.text
        for b in blocks(checked_of(tmp_path, shanghai()))
        if b.type in ("part", "h1", "table")
    ]
    assert headings == CONTENTS.replace("上海市XX局", NAME).splitlines()


def test_the_contents_page_lists_the_templates_contents(tmp_path: Path) -> None:
    """The 目录 lists each part's sections too (the standard wording lists parts and
    tables only), in the PDF and as DOCX bookmarks its PAGEREF fields point at."""
    checked = checked_of(tmp_path, shanghai())
    toc = next(b for b in blocks(checked) if b.type == "toc")
    entries = [text.replace("、 ", "、") for _, text, _ in toc.extra["entries"]]
    assert entries == CONTENTS.replace("上海市XX局", NAME).splitlines()
    docx = render_checked(checked, pdf=False).docx
    xml = zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml").decode()
    for anchor, _, _ in toc.extra["entries"]:
        assert f'w:name="{anchor}"' in xml and f"PAGEREF {anchor} " in xml


def test_each_table_prints_its_title_and_its_note_without_a_number(tmp_path: Path) -> None:
    found = paragraphs(tmp_path, shanghai())
    assert "注：本表反映部门本年度取得的各项收入情况。" in found
    assert "注：本表反映部门本年度“三公”经费支出预决算情况。" in found
    assert sum(p.startswith("注：本表反映部门本年度") for p in found) == 9
    assert not {"一、", "二、", "九、"} & set(found)  # the 目录 numbers them, the page does not
    assert "收入支出决算总表" in found


@pytest.mark.skipif(not REFERENCE.exists(), reason="the Shanghai template text is not present")
def test_the_contents_above_are_the_reference_templates() -> None:
    text = REFERENCE.read_text(encoding="utf-8")
    toc = text[text.index("目 录") + 3 : text.index("===== PAGE 4")]
    lines = [
        line.replace(" ", "")
        for line in toc.splitlines()
        if line.strip() and not line.startswith("=====")
    ]
    assert lines == [line.replace(" ", "") for line in CONTENTS.splitlines()]


def test_the_cover_and_the_units_table(tmp_path: Path) -> None:
    found = blocks(checked_of(tmp_path, shanghai()))
    assert found[0].extra["lines"] == [NAME, "2024年度部门决算"]
    grid = next(b.grid for b in found if b.type == "grid" and b.grid is not None)
    assert [[c.text for c in row] for row in grid.body] == [
        ["1", f"{NAME}（本级）", ""],
        ["2", builders.FA_CENTRE, ""],
    ]
    assert [c.text for c in grid.header[0]] == ["序号", "单位名称", "备注"]


def test_sections_one_to_four_state_the_totals_and_the_changes(text: str) -> None:
    data = builders.final_accounts_sample()
    income = sum(Decimal(str(r[3])) for r in data["rows"]["income"])
    carry_in = Decimal(100000)
    assert (
        f"{NAME}2024年度收入支出总计{wan(income + carry_in)}万元。与2023年度相比，收入支出总计增加"
        in text
    )
    assert "主要原因：执法车辆更新和监管平台运维支出增加。" in text
    assert f"本年收入合计{wan(income)}万元，其中：财政拨款收入" in text
    # 不涉及的不列: the income this workbook does not have is not listed
    income_section = text.split("二、收入决算情况说明")[1].split("三、支出决算情况说明")[0]
    for absent in ("上级补助收入", "附属单位上缴收入", "其他收入"):
        assert absent not in income_section
    spend = total(data["rows"]["lines"])
    assert f"本年支出合计{wan(spend)}万元，其中：基本支出" in text
    assert "上缴上级支出" not in text and "对附属单位补助支出" not in text
    assert f"{NAME}2024年度财政拨款收入支出总计" in text


def test_section_five_states_every_item_against_its_budget(text: str, facts: Any) -> None:
    gb = total(GB)
    budget = total(GB, 6)
    assert f"一般公共预算财政拨款支出{wan(gb)}万元，占本年支出合计的" in text
    assert (
        f"一般公共预算财政拨款支出年初预算为{wan(budget)}万元，支出决算为{wan(gb)}万元，完成年初预算的"
        in text
    )
    assert "决算数大于预算数的主要原因：年中追加监管平台运维经费。其中：" in text
    item = [r for r in GB if r[0].split()[0] == "2010102"]
    figure = next(it.figure for it in facts.general_items if it.code == "2010102")
    assert (
        "2、一般公共服务支出（类）人大事务（款）一般行政管理事务（项）。主要用于：监管平台运维和执法车辆更新。"
        f"年初预算为{shown(figure.budget, total(item, 6))}万元，支出决算为{shown(figure.amount, total(item))}万元。"
        "决算数大于预算数的主要原因：年中追加监管平台运维经费。"
    ) in text
    # 预决算持平的不用说明变动原因; a 项 without 主要用途 leaves that sentence out
    assert (
        "机关事业单位基本养老保险缴费支出（项）。主要用于：机关事业单位基本养老保险缴费。年初预算为40.00万元，支出决算为40.00万元。决算数与预算数持平。"
        in text
    )
    assert "住房公积金（项）。年初预算为" in text
    assert "一般公共预算财政拨款支出" in text and "主要用于以下方面：一般公共服务支出（类）" in text


def test_section_seven_states_the_three_public_items(text: str, facts: Any) -> None:
    codes = {"30212", "30217", "30231", "31013"}
    three = [r for r in GB if r[1].split()[0] in codes]
    tp = facts.three_public_start["total"]
    assert (
        f"“三公”经费财政拨款支出年初预算为{shown(tp.budget, total(three, 6))}万元，"
        f"支出决算为{shown(tp.amount, total(three))}万元，完成预算的" in text
    )
    assert "2024年度“三公”经费支出决算数小于预算数的主要原因：厉行节约。" in text
    assert "2024年度“三公”经费财政拨款支出决算数比2023年度增加" in text
    assert "因公出国（境）费支出增加的主要原因是出访团组增加。" in text
    assert "全年安排因公出国（境）团组2个、累计5人次。" in text
    assert "主要用于更新到期执法执勤用车，购置公务用车1辆。" in text
    assert f"2024年，{NAME}所属各预算单位开支财政拨款的公务用车保有量为6辆。" in text
    reception = [r for r in GB if r[1] == "30217"]
    amount = shown(facts.three_public_start["reception"].amount, total(reception))
    assert f"国内公务接待支出{amount}万元（含外宾接待支出{wan(2345)}万元）。" in text
    assert "共接待8批次、40人次，其中：接待外宾1批次、4人次。" in text


def test_the_fund_sections_and_section_ten_and_eleven(text: str) -> None:
    fund = lines_where(lambda r: r[2] == builders.FA_FUND)
    assert (
        f"政府性基金预算财政拨款收入{wan(181000)}万元，支出{wan(total(fund))}万元，支出具体情况如下："
        in text
    )
    assert (
        "1、其他支出（类）彩票公益金安排的支出（款）用于社会福利的彩票公益金支出（项）。主要用于：资助社会福利项目。"
        in text
    )
    assert f"{NAME}2024年度无国有资本经营预算财政拨款收入和支出。" in text
    assert (
        f"{NAME}2024年度预算绩效管理工作开展情况如下：本部门建立了如下预算绩效管理制度："
        "示例局预算绩效管理办法、示例局项目绩效自评工作规程，建立了" in text
    )
    assert f"编报绩效目标的2024年度项目12个，涉及预算金额{wan(5678900)}万元；" in text
    assert "平均得分92.5分（其中，绩效评级为“优”的项目7个；" in text
    assert "绩效自评中共发现问题3个，已经完成整改的2个，正在整改的1个）。" in text
    running = [r for r in GB if r[3] == "公用经费" and r[5] == ""]
    assert f"机关运行经费支出{wan(total(running))}万元，比2023年度减少" in text
    assert "主要原因是日常公用经费压减。" in text
    assert (
        f"{NAME}2024年度政府采购金额（以合同签订为准）为{wan(456789 + 1234567)}万元，其中：货物采购金额"
        f"{wan(456789)}万元、工程采购金额0.00万元、服务采购金额{wan(1234567)}万元。"
    ) in text
    assert f"2024年度本部门面向中小企业预留政府采购项目预算金额{wan(800000)}万元，" in text
    assert (
        f"在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额{wan(120000)}万元。" in text
    )
    assert f"截至2024年12月31日，{NAME}共有车辆6辆，其中：部级领导干部用车0辆" in text
    assert "第四部分 名词解释\n一、财政拨款收入：指单位本年度从本级财政部门取得的财政拨款" in text
    assert "十一、机关运行经费：" in text
    # 主要是：… for the income the unit has; none for 经营收入 (no text) or 其他收入 (no income)
    assert (
        "二、事业收入：指事业单位开展专业业务活动及其辅助活动取得的收入。主要是：技术服务、培训收入等。"
        in text
    )
    assert (
        "三、经营收入：指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动取得的收入。\n"
        in text
    )
    assert "利息" not in text


def test_nothing_is_a_placeholder_and_the_standard_wording_is_gone(text: str) -> None:
    for stray in ("XX", "None", "（不涉及的不列）", "如持平", "第四部分 部门决算报表", "十二、"):
        assert stray not in text


def without_three_public(data: dict[str, Any]) -> dict[str, Any]:
    codes = {"30212", "30217", "30231", "31013"}
    rows = data["rows"]
    rows["lines"] = [r for r in rows["lines"] if r[1].split(" ")[0] not in codes]
    rows["comparisons"] = [c for c in rows["comparisons"] if not c[0].startswith("三公")]
    data["forms"]["three_public"] = {"cars_held": 6}
    return data


def test_the_not_applicable_sentences(tmp_path: Path) -> None:
    data = without_three_public(shanghai())
    rows = data["rows"]
    rows["lines"] = [r for r in rows["lines"] if r[2] != builders.FA_FUND]
    rows["income"] = [r for r in rows["income"] if not r[1].startswith("政府性基金")]
    rows["comparisons"] = [
        c
        for c in rows["comparisons"]
        if not c[0].startswith("政府性基金")
        and c[0] != f"功能科目：{builders.FA_LOTTERY}"
        and c[0] != "机关运行经费"
    ]
    rows["additions"] = []
    data["forms"]["profile"]["nature"] = "事业单位"  # no administrative unit: no 机关运行经费
    text = "\n".join(paragraphs(tmp_path, data))
    assert f"{NAME}2024年度无“三公”经费财政拨款支出。" in text
    assert f"{NAME}2024年度无政府性基金预算财政拨款收入和支出。" in text
    assert f"{NAME}2024年度无国有资本经营预算财政拨款收入和支出。" in text
    assert f"{NAME}2024年度无机关运行经费支出。" in text
    assert "（一）“三公”经费财政拨款支出决算总体情况说明。" not in text
    assert f"说明：{NAME}本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。" in text


def test_an_unchanged_figure_is_stated_as_flat(tmp_path: Path) -> None:
    data = shanghai()
    total_yuan = checked_of(tmp_path, data, "a.xlsx").computed.facts.income_total * 10000
    data["rows"]["comparisons"][0] = ("收支总计", total_yuan, None, None, None)
    text = "\n".join(paragraphs(tmp_path, data))
    assert "与2023年度相比，收入支出总计持平。" in text


def test_blank_optional_inputs_leave_their_sentences_out(tmp_path: Path) -> None:
    data = shanghai()
    data["forms"].pop("performance_management")
    for key in (
        "sme_reserved",
        "small_reserved",
        "sme_reserved_won",
        "small_reserved_won",
        "sme_other_won",
    ):
        data["forms"]["procurement"].pop(key)
    data["rows"]["comparisons"] = [(*c[:4], None) for c in data["rows"]["comparisons"]]
    text = "\n".join(paragraphs(tmp_path, data))
    assert "主要用于：" not in text
    assert "面向中小企业预留" not in text and "中标或成交" not in text
    assert "预算绩效管理工作开展情况" not in text  # neither 绩效管理 nor 项目自评 to count
    assert "十、预算绩效管理情况" in text
    assert "XX" not in text and "None" not in text


def test_a_users_template_folder_still_wins_over_the_profile(tmp_path: Path) -> None:
    checked = checked_of(tmp_path, shanghai())
    user = tmp_path / "mine"
    (user / "final_accounts" / "part2").mkdir(parents=True)
    mine = user / "final_accounts" / "part2" / "s01_overview.j2"
    mine.write_text(
        '{{- doc.h1("一、收入支出决算总体情况说明") -}}{% call doc.p() %}我的写法。{% endcall %}',
        encoding="utf-8",
    )
    env = build_environment(KIND.name, KIND.template_folders(checked.model), user)
    assert env.search.path("final_accounts/part2/s01_overview.j2") == mine
    assert (
        env.search.path("final_accounts/part2/s05_general.j2")
        == FOLDER / "part2" / "s05_general.j2"
    )
    assert env.search.path("final_accounts/phrases.j2") == KIND.templates / "phrases.j2"
    texts = [b.text for b in blocks(checked, user)]
    assert "我的写法。" in texts
    assert not any(t.startswith(f"{NAME}2024年度收入支出总计") for t in texts)


def test_every_profile_file_overrides_a_standard_one_or_is_its_own() -> None:
    """The profile holds only what differs: each file either replaces a standard template
    of the same name or is one only the profile's own templates include."""
    own = {"profile.yaml", "phrases_shanghai.j2"}
    for path in FOLDER.rglob("*"):
        if path.is_file():
            relative = path.relative_to(FOLDER).as_posix()
            assert relative in own or (KIND.templates / relative).is_file(), relative


def test_same_workbook_same_bytes(tmp_path: Path) -> None:
    checked = checked_of(tmp_path, shanghai())
    a = render_checked(checked)
    b = render_checked(check(builders.write_final_accounts(tmp_path / "again.xlsx", shanghai())))
    assert a.docx == b.docx and a.pdf == b.pdf


def test_a_single_unit_states_its_organisation_instead_of_the_units_table(tmp_path: Path) -> None:
    data = shanghai()
    data["forms"]["profile"]["level"] = "单位"
    # The units' money becomes the unit's own, 事业收入 and 经营支出 included: a 事业单位 (A031).
    data["forms"]["profile"]["nature"] = "事业单位"
    rows = data["rows"]
    rows["subordinate_units"] = []
    rows["lines"] = [(*r[:5], "", *r[6:]) for r in rows["lines"]]
    rows["income"] = [(r[0], r[1], "", r[3]) for r in rows["income"]]
    found = blocks(checked_of(tmp_path, data))
    headings = [b.text for b in found if b.type in ("part", "h1")]
    assert headings[:3] == [f"第一部分 {NAME}概况", "一、主要职能", "二、机构设置"]
    assert f"第二部分 {NAME}2024年度单位决算表" in headings
    texts = [b.text for b in found]
    assert f"{NAME}下设2个内设机构，分别是：办公室、监管处。" in texts
    assert f"{NAME}无下属预算单位。" in texts
    assert not any(b.type == "grid" for b in found)
