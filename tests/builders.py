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
