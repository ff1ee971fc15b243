"""Build filled workbooks for tests through the same writer that ``init`` uses.

``sample()`` is a small 行政单位 budget whose numbers have nothing to do with the example
workbook: other codes, sources (unit funds, carry-over, a government fund via 补充科目),
三公 items and odd 元 amounts that exercise rounding.
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

from disclosure_gen.kinds.budget.schema import SCHEMA
from disclosure_gen.workbook.writer import build_blank_workbook

G = "一般公共预算拨款"
PROJECT = "智慧政务平台建设 <二期> & “{{ 运维 }}”"
CARRIED = "档案数字化项目"


def sample() -> dict[str, Any]:
    """Schema-keyed rows and form values of a valid workbook."""
    lines = [
        ("2010301 行政运行", "30101 基本工资", G, "人员经费", "", 1234567.89, ""),
        ("2010301", "30201", G, "公用经费", "", 55555.55, ""),
        ("2010301", "30217", G, "公用经费", "", 30000, ""),
        ("2010301", "30231", G, "公用经费", "", 44444.45, ""),
        ("2010301", "30212", G, "公用经费", "", 0, ""),
        ("2080505", "30108", G, "人员经费", "", 150000, ""),
        ("2210201", "30113", G, "人员经费", "", 98765, ""),
        ("2010302", "30213", G, "项目支出", PROJECT, 800000, ""),
        ("2010302", "31002", "单位资金-其他收入", "项目支出", PROJECT, 120000, ""),
        ("2010302", "30213", "财政拨款结转-一般公共预算", "项目支出", CARRIED, 250000, ""),
        ("2120899", "30213", "政府性基金预算拨款", "项目支出", PROJECT, 60000, ""),
    ]
    comparisons = [
        ("收入：一般公共预算", 2000000, "人员经费标准调整"),
        ("收入：政府性基金预算", 100000, "土地出让收入安排的支出减少"),
        ("收入：单位资金", 0, "新增事业收入安排的项目"),
        ("收入：财政拨款结转", 300000, "上年结转项目执行进度加快，结转减少"),
        ("支出：基本支出", 1500000, "人员增加"),
        ("支出：项目支出", 1200000, "项目调整"),
        ("一般公共预算：基本支出", 1500000, "人员增加"),
        ("一般公共预算：项目支出", 800000, ""),
        ("三公：因公出国（境）费", 10000, "不再安排出国任务，经费减少"),
        ("三公：公务用车购置费", 0, "未安排购置"),
        ("三公：公务用车运行费", 50000, "压缩运行费用，支出减少"),
        ("三公：公务接待费", 30000, "维持上年水平"),
        ("运行经费", 120000, "公用经费定额调整"),
        ("功能科目：2010301", 1200000, "人员增加"),
        ("功能科目：2010302", 800000, ""),
        ("功能科目：2080505", 150000, ""),
        ("功能科目：2210201", 90000, "缴费基数调增，支出增加"),
    ]
    return {
        "rows": {
            "divisions": [("办公室",), ("业务科",)],
            "lines": lines,
            "projects": [
                (
                    PROJECT,
                    "《政务信息化管理办法》",
                    "某市数据局",
                    "平台运维 80 万元{% if x %}",
                    "2025年1月-12月",
                    "张三",
                    "平台稳定运行",
                    "否",
                ),
                (CARRIED, "档案管理规定", "某市数据局", "扫描服务 25 万元", "2025年", "", "", "否"),
            ],
            "comparisons": comparisons,
            "purposes": [
                ("201 一般公共服务支出", "机关运行和平台运维"),
                ("208 社会保障和就业支出", "养老保险缴费"),
                ("212 城乡社区支出", "平台建设"),
                ("221 住房保障支出", "住房公积金"),
            ],
            "targets": [
                (
                    PROJECT,
                    "产出指标",
                    "数量指标",
                    "接入系统数",
                    "≥10个",
                    "计划标准",
                    "8个",
                    40,
                    "按比例",
                    "验收报告",
                ),
                (
                    PROJECT,
                    "产出指标",
                    "质量指标",
                    "可用率",
                    "≥99%",
                    "行业标准",
                    "99%",
                    30,
                    "按比例",
                    "监测记录",
                ),
                (
                    PROJECT,
                    "满意度指标",
                    "满意度指标",
                    "用户满意度",
                    "≥90%",
                    "历史标准",
                    "92%",
                    30,
                    "问卷",
                    "问卷",
                ),
            ],
            "additions": [("功能分类", "2120899", "其他国有土地使用权出让收入安排的支出")],
        },
        "forms": {
            "profile": dict(
                year=2025,
                level="单位",
                name="某市数据局 & <测试>",
                nature="行政单位",
                functions="负责全市数据资源管理。\n统筹推进数字政府建设。",
                staff_quota=20,
                in_service=18,
                in_service_prior=16,
                retired=3,
                retired_prior=4,
                retired_cadre=0,
                retired_cadre_prior=0,
                publish_date=dt.datetime(2025, 2, 20),
            ),
            "procurement": dict(
                goods=50000,
                works=0,
                services=850000,
                sme_reserved=600000,
                small_micro_reserved=400000,
            ),
            "assets": dict(
                house_area=1200.5,
                house_value=3500000,
                car_general_count=2,
                car_general_value=400000,
                car_enforcement_count=1,
                car_enforcement_value=250000,
                furniture_value=120000,
                other_value=800000,
                equipment_50=1,
                plan_vehicles=1,
            ),
        },
    }


def write(path: Path, data: dict[str, Any] | None = None, year: int | None = None) -> Path:
    data = data if data is not None else sample()
    forms = data["forms"]
    level = forms["profile"].get("level", "单位")
    year = year or forms["profile"].get("year", 2025)
    path.write_bytes(build_blank_workbook(SCHEMA, year, level, rows=data["rows"], form_values=forms))
    return path


def variant(**changes: Any) -> dict[str, Any]:
    """A deep copy of ``sample()`` with top-level rows/forms entries replaced."""
    data = copy.deepcopy(sample())
    for key, value in changes.items():
        section = "forms" if key in data["forms"] else "rows"
        data[section][key] = value
    return data


# ───────────────────────── final accounts (决算公开) ─────────────────────────

FA_GB, FA_FUND, FA_NF = "一般公共预算财政拨款", "政府性基金预算财政拨款", "非财政拨款资金"
FA_NAME = "上海市示例管理局"
FA_CENTRE = "上海市示例管理局信息中心"
FA_LOTTERY = "2296002"  # a fund 项 the 2024 catalog lacks: 补充科目 adds it (C004 asks to confirm)


def final_accounts_sample() -> dict[str, Any]:
    """A Shanghai-style 部门决算 (本级 行政单位 + one 事业单位), figures of its own: 三公 on
    every item, a 政府性基金 项, non-fiscal income and spending, 上年对比 with reasons and
    主要用途, the 面向中小企业预留 detail and sheet 绩效管理.  Income is each fund's spending
    plus a remainder, so every 年末结转和结余 is positive; the 上年 figures are chosen so
    that some changes rise, one falls and 2080505 is 持平 (prior = actual, budget = actual)."""
    lines = [
        # function, economic, source, kind, project, unit, 年初预算, 全年预算, 决算 (元)
        ("2010101 行政运行", "30101 基本工资", FA_GB, "人员经费", "", "", 2345678, 2400000, 2398765.43),
        ("2010101", "30102", FA_GB, "人员经费", "", "", 1000000, 1000000, 987654.32),
        ("2010101", "30201", FA_GB, "公用经费", "", "", 300000, 310000, 305432.10),
        ("2010101", "30211", FA_GB, "公用经费", "", "", 80000, 80000, 76543.21),
        ("2010101", "30231", FA_GB, "公用经费", "", "", 60000, 60000, 58765.43),
        ("2010101", "30217", FA_GB, "公用经费", "", "", 20000, 20000, 12345.67),
        ("2010101", "30212", FA_GB, "公用经费", "", "", 50000, 50000, 43210.98),
        ("2010102", "30227", FA_GB, "项目支出", "监管平台运维", "", 500000, 650000, 612345),
        ("2010102", "31013", FA_GB, "项目支出", "执法车辆更新", "", 250000, 250000, 248000),
        ("2010350", "30101", FA_GB, "人员经费", "", FA_CENTRE, 700000, 720000, 715678.90),
        ("2010350", "30201", FA_GB, "公用经费", "", FA_CENTRE, 90000, 90000, 88888.88),
        ("2080505", "30108", FA_GB, "人员经费", "", "", 400000, 400000, 400000),
        ("2210201", "30113", FA_GB, "人员经费", "", "", 350000, 350000, 351234.56),
        (FA_LOTTERY, "30227", FA_FUND, "项目支出", "公益金资助项目", "", 200000, 200000, 180000),
        ("2010350", "30201", FA_NF, "公用经费", "", FA_CENTRE, 0, 100000, 95000),
        ("2010350", "", FA_NF, "经营支出", "", FA_CENTRE, 0, 50000, 45000),
    ]
    spent: dict[tuple[str, str, str], float] = {}
    for function, _, source, _, _, unit, _, _, actual in lines:
        if source != FA_NF:
            key = (function.split()[0], source, unit)
            spent[key] = spent.get(key, 0) + actual
    category = {FA_GB: "一般公共预算财政拨款收入", FA_FUND: "政府性基金预算财政拨款收入"}
    income = [
        (function, category[source], unit, round(amount + 1000, 2))
        for (function, source, unit), amount in sorted(spent.items())
    ]
    income += [
        ("2010350", "事业收入", FA_CENTRE, 120000),
        ("2010350", "经营收入", FA_CENTRE, 60000),
    ]
    rows: dict[str, Any] = {
        "subordinate_units": [(FA_CENTRE, "事业单位")],
        "divisions": [("办公室",), ("监管处",)],
        "lines": lines,
        "income": income,
        "carryover": [(FA_GB, "2010102", "", 100000)],
        "comparisons": [
            ("收支总计", 6200000, "执法车辆更新和监管平台运维支出增加", None, None),
            ("财政拨款收支总计", 6000000, "监管平台运维经费增加", "年中追加监管平台运维经费", None),
            ("功能科目：2010101", 3700000, "人员经费增加", "人员调整", "保障机关正常运转的人员经费和日常公用经费"),
            ("功能科目：2010102", 700000, "车辆更新", "年中追加监管平台运维经费", "监管平台运维和执法车辆更新"),
            ("功能科目：2010350", 820000, "事业运行支出减少", "编制调整", "信息中心正常运转"),
            ("功能科目：2080505", 400000, None, None, "机关事业单位基本养老保险缴费"),
            ("功能科目：2210201", 340000, "缴存基数调整", "缴存基数调整", None),
            (f"功能科目：{FA_LOTTERY}", None, None, "项目按进度实施", "资助社会福利项目"),
            ("政府性基金预算财政拨款收支总计", 150000, "公益金项目增加", "项目按进度实施", None),
            ("一般公共预算财政拨款支出", None, "监管平台运维经费增加", "年中追加监管平台运维经费", None),
            ("三公：合计", None, "执法车辆到期更新", "厉行节约", None),
            ("三公：公务用车购置及运行维护费", None, "执法车辆到期更新", None, None),
            ("三公：因公出国（境）费", 30000, "出访团组增加", "压减出访", None),
            ("三公：公务用车购置费", 0, "执法车辆到期更新", "购置价格低于预算", None),
            ("三公：公务用车运行维护费", 60000, "车辆运行费用下降", "节约运行费用", None),
            ("三公：公务接待费", 15000, "接待批次减少", "压减接待", None),
            ("机关运行经费", 500000, "日常公用经费压减", None, None),
            ("事业单位公用经费", 80000, "办公费增加", None, None),
        ],
        "additions": [("功能分类", FA_LOTTERY, "用于社会福利的彩票公益金支出")],
    }
    forms: dict[str, dict[str, Any]] = {
        "profile": {
            "level": "部门",
            "name": FA_NAME,
            "nature": "行政单位",
            "functions": "负责本市示例事务的管理和监督。\n组织实施示例领域的执法检查。",
            "in_service": 60,
            "in_service_prior": 58,
            "retired": 20,
            "retired_prior": 19,
            "retired_cadre": 1,
            "retired_cadre_prior": 1,
            "publish_date": dt.date(2025, 9, 1),
            "institution_income_sources": "技术服务、培训",
            "other_income_sources": "利息",  # no 其他收入 this year: not listed
        },
        "three_public": {
            "abroad_groups": 2,
            "abroad_people": 5,
            "abroad_content": "赴境外开展示例监管业务交流的国际旅费、住宿费",
            "cars_bought": 1,
            "cars_held": 6,
            "purchase_content": "更新到期执法执勤用车",
            "running_content": "车辆加油费、维修费、保险费",
            "receptions": 8,
            "reception_people": 40,
            "foreign_receptions": 1,
            "foreign_people": 4,
            "foreign_amount": 2345,
            "reception_content": "接待外省市同行业务交流",
        },
        "procurement": {
            "goods": 456789,
            "works": 0,
            "services": 1234567,
            "sme": 900000,
            "small_micro": 500000,
            "sme_reserved": 800000,
            "small_reserved": 400000,
            "sme_reserved_won": 780000,
            "small_reserved_won": 390000,
            "sme_other_won": 120000,
        },
        "assets": {"cars_enforcement": 4, "cars_other": 2, "equipment_100": 1},
        "performance_management": {
            "systems": "示例局预算绩效管理办法、示例局项目绩效自评工作规程",
            "mechanism": "“预算编制有目标、执行有监控、完成有评价、结果有应用”",
            "target_projects": 12,
            "target_amount": 5678900,
            "tracked_projects": 12,
            "tracked_amount": 5678900,
            "evaluated_projects": 10,
            "evaluated_amount": 4567800,
            "average_score": 92.5,
            "excellent": 7,
            "good": 2,
            "passed": 1,
            "failed": 0,
            "problems": 3,
            "fixed": 2,
            "fixing": 1,
        },
    }
    return {"rows": rows, "forms": forms}


def write_final_accounts(path: Path, data: dict[str, Any] | None = None, year: int = 2024) -> Path:
    from disclosure_gen.kinds.final_accounts.schema import SCHEMA as FA_SCHEMA

    data = data if data is not None else final_accounts_sample()
    level = data["forms"]["profile"].get("level", "部门")
    path.write_bytes(
        build_blank_workbook(FA_SCHEMA, year, level, rows=data["rows"], form_values=data["forms"])
    )
    return path
