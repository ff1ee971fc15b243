"""The budget workbook (预算公开): its sheets, columns and dropdown lists, defined once.

``init`` writes ``SCHEMA`` and the reader reads it.  Every sheet a finance officer fills is
described here: its Chinese name, its columns (or, for a form sheet, its labelled fields),
their types, which are required, which dropdown list feeds them, and the hint shown in the
instructions sheet and as a cell comment.
"""

from __future__ import annotations

from pathlib import Path

from disclosure_gen.catalogs import economic_catalog, function_catalog
from disclosure_gen.kinds import profiles
from disclosure_gen.workbook.schema import (
    DOCUMENT_LABEL,
    DOCUMENTS,
    LEVELS,
    NATURES,
    PROFILE_SHEET,
    YES_NO,
    Field,
    FieldType,
    Sheet,
    WorkbookSchema,
)

# Dropdown lists; the value shown is the value read.
SOURCES: dict[str, str] = {
    "一般公共预算拨款": "general_budget",
    "上级一般公共预算安排转移支付": "general_transfer",
    "政府性基金预算拨款": "government_fund",
    "上级政府性基金安排转移支付": "fund_transfer",
    "国有资本经营预算拨款": "state_capital",
    "上级国有资本经营预算安排转移支付": "capital_transfer",
    "财政专户核拨": "special_account",
    "单位资金-事业收入": "unit_business",
    "单位资金-上级补助收入": "unit_subsidy",
    "单位资金-附属单位上缴收入": "unit_affiliated",
    "单位资金-事业单位经营收入": "unit_operating",
    "单位资金-其他收入": "unit_other",
    "财政拨款结转-一般公共预算": "carryover_general",
    "财政拨款结转-政府性基金预算": "carryover_fund",
    "财政拨款结转-国有资本经营预算": "carryover_capital",
    "非财政拨款结转结余-财政专户": "carryover_special",
    "非财政拨款结转结余-单位资金": "carryover_unit",
}
KINDS: dict[str, str] = {"人员经费": "personnel", "公用经费": "operating", "项目支出": "project"}
ADDITION_KINDS: dict[str, str] = {"功能分类": "function", "经济分类": "economic"}
# 上年对比!确认: whether a row's reason was confirmed, or that the prior year had no such item.
PENDING, CONFIRMED, ABSENT = "pending", "confirmed", "absent"
CONFIRMATIONS: dict[str, str] = {"待确认": PENDING, "已确认": CONFIRMED, "上年无此项": ABSENT}

# Figures whose prior-year value the narrative compares with (sheet 上年对比).
FIXED_COMPARISONS: tuple[str, ...] = (
    "收入：一般公共预算",
    "收入：上级一般公共预算转移支付",
    "收入：政府性基金预算",
    "收入：上级政府性基金转移支付",
    "收入：国有资本经营预算",
    "收入：上级国有资本经营预算转移支付",
    "收入：财政专户管理资金",
    "收入：单位资金",
    "收入：财政拨款结转",
    "收入：非财政拨款结转结余",
    "支出：基本支出",
    "支出：项目支出",
    "一般公共预算：基本支出",
    "一般公共预算：项目支出",
    "三公：因公出国（境）费",
    "三公：公务用车购置费",
    "三公：公务用车运行费",
    "三公：公务接待费",
    "运行经费",
)
FUNCTION_COMPARISON_PREFIX = "功能科目："

PROFILES = Path(__file__).resolve().parent / "templates" / "profiles"
WORDINGS: dict[str, str] = profiles.shipped(PROFILES)

F = FieldType

PROFILE = Sheet(
    "profile",
    PROFILE_SHEET,
    "form",
    (
        Field(
            "document",
            DOCUMENT_LABEL,
            F.CHOICE,
            True,
            "documents",
            "本工具目前生成预算公开",
            default="预算公开",
        ),
        Field("year", "预算年度", F.YEAR, True, hint="四位年份，如 2024"),
        Field(
            "level",
            "公开主体",
            F.CHOICE,
            True,
            "levels",
            "单位预算公开选“单位”，部门预算公开选“部门”",
        ),
        Field("name", "单位名称", F.TEXT, True, hint="全称，如 新疆维吾尔自治区××厅信息中心"),
        Field(
            "nature",
            "单位性质",
            F.CHOICE,
            True,
            "natures",
            "决定说明中写“机关运行经费”还是“事业单位运行经费”",
        ),
        Field(
            "functions",
            "主要职能",
            F.LONG_TEXT,
            False,
            hint="可分段（单元格内换行）；职能涉密时留空，并在“职能是否涉密”选“是”",
        ),
        Field("staff_quota", "编制数", F.COUNT, True, hint="人"),
        Field(
            "in_service", "在职人数", F.COUNT, True, hint="人；实有人数=在职+退休+离休，由工具计算"
        ),
        Field("in_service_prior", "上年在职人数", F.COUNT, True, hint="人，用于计算增减"),
        Field("retired", "退休人数", F.COUNT, True, hint="人"),
        Field("retired_prior", "上年退休人数", F.COUNT, True, hint="人"),
        Field("retired_cadre", "离休人数", F.COUNT, True, hint="人"),
        Field("retired_cadre_prior", "上年离休人数", F.COUNT, True, hint="人"),
        Field(
            "other_notes",
            "其他需说明的事项",
            F.LONG_TEXT,
            False,
            hint="没有时留空，说明中写“本单位无其他需说明事项。”",
        ),
        Field("publish_date", "公开日期", F.DATE, True, hint="文末落款日期，如 2024-03-01"),
        profiles.wording_field("乌鲁木齐市"),
        Field(
            "functions_secret",
            "职能是否涉密",
            F.CHOICE,
            False,
            "yes_no",
            "选“是”时说明中写“按照保密要求……职能不予公开”，不写主要职能",
        ),
    ),
    "单位基本情况与第一部分概况的文字。每行 A 列是项目，在 B 列填写。",
)

DIVISIONS = Sheet(
    "divisions",
    "内设机构",
    "table",
    (Field("name", "内设机构名称", F.TEXT, True, hint="每行一个科室/处室，按公开顺序", width=30),),
    "本级内设科室（处室），个数由工具统计。",
    (("综合部",),),
)

UNITS = Sheet(
    "subordinate_units",
    "下属单位",
    "table",
    (
        Field("name", "下属预算单位名称", F.TEXT, True, width=40),
        Field("nature", "单位性质", F.CHOICE, True, "natures"),
        Field(
            "secret",
            "是否涉密",
            F.CHOICE,
            False,
            "yes_no",
            "涉密单位只计入金额，名称不公开（显示为“涉密单位”），其项目均按涉密项目处理",
        ),
    ),
    "部门预算才填写：纳入部门预算的下属预算单位；单位预算留空（说明中写“无下属预算单位”）。",
    optional=True,
)

LINES = Sheet(
    "lines",
    "支出明细",
    "table",
    (
        Field(
            "function",
            "功能分类科目（项）",
            F.CODE,
            True,
            "function_items",
            "7 位项级编码，可带名称，如 2080502 事业单位离退休",
            34,
        ),
        Field(
            "economic",
            "经济分类科目（款）",
            F.CODE,
            True,
            "economic_items",
            "5 位款级编码，如 30101 基本工资",
            30,
        ),
        Field("source", "资金来源", F.CHOICE, True, "sources", width=30),
        Field("kind", "支出类型", F.CHOICE, True, "kinds", "人员经费、公用经费属基本支出"),
        Field(
            "project", "项目名称", F.TEXT, False, hint="项目支出必填，与“项目信息”表一致", width=36
        ),
        Field("amount", "金额（元）", F.MONEY, True, hint="以元为单位，可带两位小数", width=16),
        Field(
            "unit",
            "预算单位",
            F.TEXT,
            False,
            hint="部门预算填写下属单位名称，本级或单位预算留空",
            width=24,
        ),
    ),
    "本年每一笔支出预算：功能分类项 × 经济分类款 × 资金来源 × 支出类型（项目按名称），金额以元填写。"
    "所有公开表、合计、占比都由此计算，不要另填合计行。",
    (
        ("2080502 事业单位离退休", "30302 退休费", "一般公共预算拨款", "人员经费", "", 150000, ""),
        (
            "2010302 一般行政管理事务",
            "30213 维修（护）费",
            "一般公共预算拨款",
            "项目支出",
            "办公系统运维",
            80000,
            "",
        ),
    ),
)

PROJECTS = Sheet(
    "projects",
    "项目信息",
    "table",
    (
        Field("name", "项目名称", F.TEXT, True, width=36),
        Field("policy_basis", "设立的政策依据", F.LONG_TEXT, True, width=40),
        Field("undertaker", "项目承担单位", F.TEXT, True, width=30),
        Field("allocation", "资金分配情况", F.LONG_TEXT, True, width=40),
        Field("period", "资金执行时间", F.TEXT, True, hint="如 2024 年 1 月-12 月"),
        Field("leader", "项目负责人", F.TEXT, False),
        Field("goal", "项目总体目标", F.LONG_TEXT, False, width=40),
        Field("secret", "是否涉密", F.CHOICE, False, "yes_no", "涉密项目在说明中写“完全不予公开”"),
        Field(
            "code",
            "项目编码",
            F.TEXT,
            False,
            hint="预算系统中的项目编码；涉密项目以“特定目标 编码”公开",
        ),
        Field(
            "target_table",
            "绩效目标表名称",
            F.TEXT,
            False,
            hint="几个项目合用一张绩效目标表时（如当年资金与上年结转资金），填同一个名称；"
            "表中资金为这些项目之和，指标填在其中一个项目名下",
            width=36,
        ),
        Field(
            "carryover_note",
            "结转说明",
            F.LONG_TEXT,
            False,
            hint="有上年结转结余资金的项目：接在第三部分十一该项目金额之后，如“主要用于：……”",
            width=40,
        ),
    ),
    "每个项目一行，第三部分“项目支出情况说明”和绩效目标表由此生成；预算规模由支出明细计算。",
    (
        (
            "办公系统运维",
            "《××管理办法》",
            "本单位",
            "运维服务 8 万元",
            "2025年1月-12月",
            "张××",
            "系统全年稳定运行",
            "否",
        ),
    ),
)

COMPARISONS = Sheet(
    "comparisons",
    "上年对比",
    "table",
    (
        Field(
            "item",
            "比较项目",
            F.TEXT,
            True,
            "comparisons",
            "固定项目已列出；功能科目按“功能科目：2080502”增加行",
            34,
        ),
        Field(
            "prior",
            "上年预算数（元）",
            F.MONEY,
            False,
            hint="上年没有的填 0；留空的行不使用",
            width=18,
        ),
        Field(
            "reason",
            "变动原因",
            F.LONG_TEXT,
            False,
            hint="写原因本身，不必写“主要原因是”",
            width=60,
        ),
        Field(
            "status",
            "确认",
            F.CHOICE,
            False,
            "confirmations",
            "“待确认”：原因是从上年带入或由下属单位汇总的建议，核对后改为“已确认”（否则给出警告）；"
            "“上年无此项”：上年没有这一项，上年预算数留空，说明中写“上年无此项”而不按 0 计算增减；"
            "自己填写的行可留空",
            width=14,
        ),
    ),
    "说明中每一句“比上年预算增加/减少”的上年数和原因。增减额和增减率由工具计算。",
    (
        ("收入：一般公共预算", 3000000, "在职人员增加 2 人"),
        ("功能科目：2080502", 140000, "退休人员增加 1 人"),
    ),
)

PURPOSES = Sheet(
    "purposes",
    "功能类用途",
    "table",
    (
        Field(
            "function_class",
            "功能分类（类）",
            F.CODE,
            True,
            "function_classes",
            "3 位类级编码，如 208",
            30,
        ),
        Field(
            "purpose",
            "主要用于",
            F.LONG_TEXT,
            True,
            hint="接在“主要用于”之后，如 事业单位离退休、养老保险缴费支出",
            width=60,
        ),
    ),
    "第三部分“财政拨款收支预算总体情况”中每个有财政拨款支出的功能类“主要用于……”。",
    (("208 社会保障和就业支出", "离退休人员经费和养老保险缴费"),),
)

PROCUREMENT = Sheet(
    "procurement",
    "政府采购",
    "form",
    (
        Field("goods", "政府采购货物预算（元）", F.MONEY, True, default=0),
        Field("works", "政府采购工程预算（元）", F.MONEY, True, default=0),
        Field("services", "政府采购服务预算（元）", F.MONEY, True, default=0),
        Field("sme_reserved", "面向中小企业预留金额（元）", F.MONEY, True, default=0),
        Field("small_micro_reserved", "其中：小微企业预留金额（元）", F.MONEY, True, default=0),
    ),
    "政府采购预算；合计由工具计算。",
)

ASSETS = Sheet(
    "assets",
    "国有资产",
    "form",
    (
        Field("house_area", "房屋面积（平方米）", F.DECIMAL, True, default=0),
        Field("house_value", "房屋价值（元）", F.MONEY, True, default=0),
        Field("car_general_count", "一般公务用车（辆）", F.COUNT, True, default=0),
        Field("car_general_value", "一般公务用车价值（元）", F.MONEY, True, default=0),
        Field("car_enforcement_count", "执法执勤用车（辆）", F.COUNT, True, default=0),
        Field("car_enforcement_value", "执法执勤用车价值（元）", F.MONEY, True, default=0),
        Field("car_other_count", "其他车辆（辆）", F.COUNT, True, default=0),
        Field("car_other_value", "其他车辆价值（元）", F.MONEY, True, default=0),
        Field("furniture_value", "办公家具价值（元）", F.MONEY, True, default=0),
        Field("other_value", "其他资产价值（元）", F.MONEY, True, default=0),
        Field("equipment_50", "单位价值 50 万元以上大型设备（台）", F.COUNT, True, default=0),
        Field("equipment_100", "单位价值 100 万元以上大型设备（套）", F.COUNT, True, default=0),
        Field("plan_vehicles", "本年预算安排购置车辆（辆）", F.COUNT, True, default=0),
        Field(
            "plan_equipment_50", "本年安排购置 50 万元以上大型设备（台）", F.COUNT, True, default=0
        ),
        Field(
            "plan_equipment_100",
            "本年安排购置 100 万元以上大型设备（台）",
            F.COUNT,
            True,
            default=0,
        ),
    ),
    "截至上年底占用使用的国有资产；车辆合计由工具计算。",
)

TARGETS = Sheet(
    "targets",
    "绩效目标",
    "table",
    (
        Field("project", "项目名称", F.TEXT, True, hint="与“项目信息”表一致", width=30),
        Field("level1", "一级指标", F.TEXT, True),
        Field("level2", "二级指标", F.TEXT, True),
        Field("level3", "三级指标", F.TEXT, True, width=28),
        Field("value", "指标值", F.TEXT, True),
        Field("basis", "指标值设置依据", F.TEXT, False),
        Field("prior_value", "上年完成值", F.TEXT, False),
        Field("weight", "分值权重", F.DECIMAL, True),
        Field("scoring", "指标赋分规则", F.TEXT, False),
        Field("evidence", "佐证资料", F.TEXT, False),
    ),
    "项目支出绩效目标表：每个指标一行，同一项目的各行连续填写，分值权重合计应为 100（或 90，另 10 分为预算执行率）。",
    (
        (
            "办公系统运维",
            "产出指标",
            "质量指标",
            "系统可用率",
            "≥99%",
            "行业标准",
            "99%",
            20,
            "按完成比例赋分",
            "运维记录",
        ),
    ),
)

DEPARTMENT_PERFORMANCE = Sheet(
    "department_performance",
    "部门整体绩效",
    "form",
    (
        Field("contact", "部门联系人", F.TEXT, False),
        Field("phone", "联系电话", F.TEXT, False),
        Field("goal", "年度绩效目标", F.LONG_TEXT, False, hint="部门整体绩效目标表中的“年度绩效目标”"),
        Field("upper", "上级安排资金（元）", F.MONEY, False, hint="财政资金中上级安排的部分", default=0),
        Field("own", "本级安排资金（元）", F.MONEY, False, hint="财政资金中本级安排的部分", default=0),
        Field("other", "其他资金（元）", F.MONEY, False, hint="财政资金以外的资金", default=0),
    ),
    "部门预算填写：部门整体绩效目标表的表头；资金总额由工具计算，与收支总预算不一致时会提示。"
    "单位预算或没有部门整体绩效目标时留空。",
    optional=True,
)

DEPARTMENT_INDICATORS = Sheet(
    "department_indicators",
    "部门整体绩效指标",
    "table",
    (
        Field("level1", "一级指标", F.TEXT, True),
        Field("level2", "二级指标", F.TEXT, True),
        Field("level3", "三级指标", F.TEXT, True, width=30),
        Field("value", "指标值", F.TEXT, True),
        Field("basis", "指标设定依据", F.TEXT, False, width=30),
        Field("weight", "分值权重", F.DECIMAL, True),
    ),
    "部门整体绩效目标表的指标：每个指标一行，同一一级、二级指标的行连续填写。",
    (("履职效能", "质量指标", "热线接通率", "≥90%", "《××工作方案》", 30),),
    optional=True,
)

CONTROLS = Sheet(
    "controls",
    "核对数",
    "form",
    (
        Field(
            "total", "收支总预算（元）", F.MONEY, hint="从预算系统抄录，用于核对支出明细是否完整"
        ),
        Field("general_budget", "一般公共预算拨款（元）", F.MONEY),
        Field("basic", "基本支出（元）", F.MONEY),
        Field("project", "项目支出（元）", F.MONEY),
        Field("three_public", "财政拨款“三公”经费（元）", F.MONEY),
        Field("carryover", "上年结转结余（元）", F.MONEY),
        Field("procurement", "政府采购预算合计（元）", F.MONEY),
        Field("headcount", "实有人数（人）", F.COUNT, hint="应等于在职+退休+离休"),
    ),
    "选填：从预算系统抄录的合计数。工具不使用这些数字生成文件，只用来核对明细是否漏填、重填。",
    optional=True,
)

ADDITIONS = Sheet(
    "additions",
    "补充科目",
    "table",
    (
        Field("kind", "分类", F.CHOICE, True, "addition_kinds"),
        Field("code", "编码", F.TEXT, True),
        Field("name", "名称", F.TEXT, True, width=40),
    ),
    "内置科目目录中没有的编码在此补充（会给出提示，请核对是否为当年有效科目）。",
    optional=True,
)

SHEETS: tuple[Sheet, ...] = (
    PROFILE,
    DIVISIONS,
    UNITS,
    LINES,
    PROJECTS,
    COMPARISONS,
    PURPOSES,
    PROCUREMENT,
    ASSETS,
    TARGETS,
    DEPARTMENT_PERFORMANCE,
    DEPARTMENT_INDICATORS,
    CONTROLS,
    ADDITIONS,
)


def year_lists(year: int) -> dict[str, list[str]]:
    """Dropdown lists that depend on the year's catalogs."""
    functions = function_catalog(year)
    economic = economic_catalog()
    return {
        "function_items": [f"{c} {functions.names[c]}" for c in functions.codes(7)],
        "function_classes": [f"{c} {functions.names[c]}" for c in functions.codes(3)],
        "economic_items": [f"{c} {economic.names[c]}" for c in economic.codes(5)],
        "comparisons": list(FIXED_COMPARISONS)
        + [f"{FUNCTION_COMPARISON_PREFIX}{c}" for c in functions.codes(7)],
    }


SCHEMA = WorkbookSchema(
    kind="budget",
    title="预算公开",
    sheets=SHEETS,
    choices={
        "sources": SOURCES,
        "kinds": KINDS,
        "natures": NATURES,
        "levels": LEVELS,
        "documents": DOCUMENTS,
        "yes_no": YES_NO,
        "addition_kinds": ADDITION_KINDS,
        "wordings": WORDINGS,
        "confirmations": CONFIRMATIONS,
    },
    year_lists=year_lists,
    prefilled={COMPARISONS.key: tuple((item,) for item in FIXED_COMPARISONS)},
)
