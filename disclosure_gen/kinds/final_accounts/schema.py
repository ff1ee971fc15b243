"""The final-accounts workbook (决算公开): its sheets, columns and dropdown lists, defined once.

``init --kind final-accounts`` writes ``SCHEMA`` and the reader reads it.  Leaf facts are
entered once, in 元: every expenditure line with its 年初预算数, 全年预算数 and 决算数, the
income actuals, the 年初结转和结余 balances.  Every total, share, rate, change and table,
and the 年末结转和结余, is computed.
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
    Field,
    FieldType,
    Sheet,
    WorkbookSchema,
)

F = FieldType

# 资金来源 of an expenditure line / 资金性质 of a balance.
SOURCES: dict[str, str] = {
    "一般公共预算财政拨款": "general_budget",
    "政府性基金预算财政拨款": "government_fund",
    "国有资本经营预算财政拨款": "state_capital",
    "非财政拨款资金": "non_fiscal",
}
FISCAL_SOURCES: tuple[str, ...] = ("general_budget", "government_fund", "state_capital")

# 支出类型: 人员经费 and 公用经费 are 基本支出.
KINDS: dict[str, str] = {
    "人员经费": "personnel",
    "公用经费": "operating",
    "项目支出": "project",
    "上缴上级支出": "remit",
    "经营支出": "business",
    "对附属单位补助支出": "affiliated_subsidy",
}
BASIC_KINDS: tuple[str, ...] = ("personnel", "operating")
NON_FISCAL_KINDS: tuple[str, ...] = ("remit", "business", "affiliated_subsidy")

# 收入类别; the three fiscal ones belong to the fund type of the same name.
INCOME_CATEGORIES: dict[str, str] = {
    "一般公共预算财政拨款收入": "general_budget",
    "政府性基金预算财政拨款收入": "government_fund",
    "国有资本经营预算财政拨款收入": "state_capital",
    "上级补助收入": "superior_subsidy",
    "事业收入": "institution_income",
    "经营收入": "business_income",
    "附属单位上缴收入": "affiliated_income",
    "其他收入": "other_income",
}
ADDITION_KINDS: dict[str, str] = {"功能分类": "function", "经济分类": "economic"}

# 上年对比: the figures compared with last year's actuals.  Items marked computed take
# their prior from their parts and must be left blank.
FIXED_COMPARISONS: tuple[str, ...] = (
    "收支总计",
    "财政拨款收支总计",
    "一般公共预算财政拨款支出",
    "政府性基金预算财政拨款收支总计",
    "国有资本经营预算财政拨款收支总计",
    "三公：合计",
    "三公：因公出国（境）费",
    "三公：公务用车购置及运行维护费",
    "三公：公务用车购置费",
    "三公：公务用车运行维护费",
    "三公：公务接待费",
    "机关运行经费",
    "事业单位公用经费",
)
COMPUTED_COMPARISONS: tuple[str, ...] = (
    "一般公共预算财政拨款支出",
    "三公：合计",
    "三公：公务用车购置及运行维护费",
)
FUNCTION_COMPARISON_PREFIX = "功能科目："

# Wording profiles (基本信息!措辞模板): a region's wording is a folder of template overrides.
PROFILES = Path(__file__).resolve().parent / "templates" / "profiles"
WORDINGS: dict[str, str] = profiles.shipped(PROFILES)

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
            "选“决算公开”",
            default="决算公开",
        ),
        Field("year", "年度", F.YEAR, True, hint="决算年度，四位年份，如 2024"),
        Field("level", "公开主体", F.CHOICE, True, "levels", "部门决算选“部门”，单位决算选“单位”"),
        Field(
            "name",
            "单位名称",
            F.TEXT,
            True,
            hint="全称，不带“（部门）”“（本级）”（由工具加）",
        ),
        Field(
            "nature",
            "单位性质",
            F.CHOICE,
            True,
            "natures",
            "本级的性质；决定本级公用经费计入“机关运行经费”还是“事业单位公用经费”",
        ),
        Field("functions", "主要职能", F.LONG_TEXT, True, hint="可分段，每段一行"),
        Field("staff_quota", "编制数", F.COUNT, False, hint="人；决算说明不用，可留空"),
        Field("in_service", "在职人数", F.COUNT, True, hint="年末人数；实有人数由工具计算"),
        Field("in_service_prior", "上年在职人数", F.COUNT, True, hint="上年末人数，用于计算增减"),
        Field("retired", "退休人数", F.COUNT, True),
        Field("retired_prior", "上年退休人数", F.COUNT, True),
        Field("retired_cadre", "离休人数", F.COUNT, True),
        Field("retired_cadre_prior", "上年离休人数", F.COUNT, True),
        Field(
            "other_notes",
            "其他需说明的事项",
            F.LONG_TEXT,
            False,
            hint="没有时留空，说明中写“本部门无其他需说明的事项。”",
        ),
        Field("publish_date", "公开日期", F.DATE, False, hint="文末落款日期；留空则不写日期"),
        profiles.wording_field("上海市"),
        *(
            Field(
                key,
                f"{label}主要是",
                F.TEXT,
                False,
                hint=f"选填，地区措辞模板（如上海市）的名词解释使用：填收入来源，如“技术服务、培训”，"
                f"说明中写“主要是：技术服务、培训收入等。”；本年没有{label}时不写",
            )
            for key, label in (
                ("institution_income_sources", "事业收入"),
                ("business_income_sources", "经营收入"),
                ("other_income_sources", "其他收入"),
            )
        ),
    ),
    "单位基本情况与第一部分部门概况的文字。每行 A 列是项目，在 B 列填写。",
)

DIVISIONS = Sheet(
    "divisions",
    "内设机构",
    "table",
    (Field("name", "内设机构名称", F.TEXT, True, hint="本级科室，按公开顺序", width=30),),
    "本级内设科室（处室），个数由工具统计。",
    (("办公室",),),
)

UNITS = Sheet(
    "subordinate_units",
    "下属单位",
    "table",
    (
        Field("name", "下属预算单位名称", F.TEXT, True, width=40),
        Field(
            "nature",
            "单位性质",
            F.CHOICE,
            True,
            "natures",
            "决定其公用经费计入“机关运行经费”还是“事业单位公用经费”",
        ),
    ),
    "部门决算才填写：纳入部门决算编制范围的下属预算单位（不含本级）。",
    optional=True,
)

_FUNCTION = Field(
    "function",
    "功能分类科目（项）",
    F.CODE,
    True,
    "function_items",
    "7 位项级编码，可带名称，如 2010301 行政运行",
    34,
)
_UNIT = Field("unit", "预算单位", F.TEXT, False, hint="本级留空；否则填下属单位名称", width=30)

LINES = Sheet(
    "lines",
    "决算明细",
    "table",
    (
        _FUNCTION,
        Field(
            "economic",
            "经济分类科目（款）",
            F.CODE,
            False,
            "economic_items",
            "5 位款级编码；财政拨款必填（基本支出表与“三公”经费由此计算）",
            30,
        ),
        Field("source", "资金来源", F.CHOICE, True, "sources", width=26),
        Field("kind", "支出类型", F.CHOICE, True, "kinds", "人员经费、公用经费属基本支出"),
        Field(
            "project", "项目名称", F.TEXT, False, hint="项目支出必填，与“项目自评”一致", width=36
        ),
        _UNIT,
        Field("budget", "年初预算数（元）", F.MONEY, True, hint="人大批准的年初预算，没有填 0"),
        Field("full_budget", "全年预算数（元）", F.MONEY, True, hint="年初预算 + 年中追加/调整"),
        Field("actual", "决算数（元）", F.MONEY, True, hint="本年支出决算"),
    ),
    "本年每一笔支出：功能分类项 × 经济分类款 × 资金来源 × 支出类型（项目按名称）× 预算单位，"
    "金额以元填写。所有决算表、合计、占比、执行率都由此计算，不要另填合计行。",
    (
        (
            "2010301 行政运行",
            "30101 基本工资",
            "一般公共预算财政拨款",
            "人员经费",
            "",
            "",
            1000000,
            1000000,
            1000000,
        ),
    ),
)

INCOME = Sheet(
    "income",
    "收入决算",
    "table",
    (
        _FUNCTION,
        Field("category", "收入类别", F.CHOICE, True, "income_categories", width=28),
        _UNIT,
        Field("amount", "决算数（元）", F.MONEY, True),
    ),
    "本年收入决算：按功能分类项和收入类别各填一行（表2 收入决算表由此生成）。",
    (("2010301 行政运行", "一般公共预算财政拨款收入", "", 1000000),),
)

CARRYOVER = Sheet(
    "carryover",
    "结转结余",
    "table",
    (
        Field("source", "资金性质", F.CHOICE, True, "sources", width=26),
        _FUNCTION,
        _UNIT,
        Field("amount", "年初结转和结余（元）", F.MONEY, True, hint="= 上年决算的年末结转和结余"),
    ),
    "年初结转和结余，每笔一行；年末结转和结余由工具计算（年初 + 收入 − 支出），不要填写。",
    optional=True,
)

BALANCE = Sheet(
    "balance",
    "结余分配",
    "form",
    (
        Field(
            "use_surplus", "使用非财政拨款结余（元）", F.MONEY, True, hint="含专用结余", default=0
        ),
        Field(
            "distribution",
            "结余分配（元）",
            F.MONEY,
            True,
            hint="交纳所得税、提取专用基金、转入非财政拨款结余等",
            default=0,
        ),
    ),
    "非财政拨款结余的使用与分配。",
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
            "固定项目已列出；功能科目按“功能科目：2010301”增加行",
            34,
        ),
        Field(
            "prior",
            "上年决算数（元）",
            F.MONEY,
            False,
            hint="上年没有的填 0；“一般公共预算财政拨款支出”“三公：合计”“三公：公务用车购置及运行维护费”由工具合计，留空",
            width=18,
        ),
        Field("reason", "与上年相比变动原因", F.LONG_TEXT, False, hint="写原因本身", width=50),
        Field(
            "budget_reason",
            "预决算差异原因",
            F.LONG_TEXT,
            False,
            hint="决算数与年初（“三公”为全年）预算数不同的原因",
            width=50,
        ),
        Field(
            "purpose",
            "主要用途",
            F.LONG_TEXT,
            False,
            hint="只在“功能科目：”行填写：该项级科目的资金主要用于什么；地区措辞模板（如上海市）逐项写“主要用于：…”，留空则不写这一句",
            width=40,
        ),
    ),
    "说明中每一句“与上年相比”的上年决算数和原因，以及“与年初预算相比”的差异原因。增减额、增减率、差异率由工具计算。",
)

THREE_PUBLIC = Sheet(
    "three_public",
    "三公经费",
    "form",
    (
        Field("abroad_groups", "因公出国（境）团组数（个）", F.COUNT, True, default=0),
        Field("abroad_people", "因公出国（境）人次", F.COUNT, True, default=0),
        Field("abroad_content", "因公出国（境）费开支内容", F.LONG_TEXT, False),
        Field("cars_bought", "公务用车购置数（辆）", F.COUNT, True, default=0),
        Field("cars_held", "公务用车保有量（辆）", F.COUNT, True, default=0, hint="年末数"),
        Field("purchase_content", "公务用车购置费开支内容", F.LONG_TEXT, False),
        Field(
            "running_content",
            "公务用车运行维护费开支内容",
            F.LONG_TEXT,
            False,
            hint="如“车辆加油费、维修费、保险费等支出”",
        ),
        Field("vehicle_reason", "固定资产车辆与公务用车保有量差异原因", F.LONG_TEXT, False),
        Field("receptions", "国内公务接待批次", F.COUNT, True, default=0, hint="含外事接待"),
        Field("reception_people", "国内公务接待人次", F.COUNT, True, default=0),
        Field("foreign_receptions", "其中：外事接待批次", F.COUNT, True, default=0),
        Field("foreign_people", "其中：外事接待人次", F.COUNT, True, default=0),
        Field("foreign_amount", "其中：外事接待费（元）", F.MONEY, True, default=0),
        Field("reception_content", "公务接待费开支内容", F.LONG_TEXT, False),
    ),
    "“三公”经费的数量和开支内容；金额由“决算明细”的经济分类计算（30212、31013/30913、30231、30217）。",
)

# 面向中小企业预留 detail some regions state (上海市 十一(二)); optional, blank leaves the
# clause out: the figures come from the procurement system and cannot be derived here.
_RESERVED_HINT = "选填，地区措辞模板（如上海市）使用；留空则说明中不写这一项。"
_RESERVED: tuple[tuple[str, str, str], ...] = (
    ("sme_reserved", "面向中小企业预留项目预算金额（元）", ""),
    ("small_reserved", "面向小微企业预留项目预算金额（元）", "不超过面向中小企业预留的金额"),
    ("sme_reserved_won", "预留项目中由中小企业中标或成交的采购金额（元）", ""),
    ("small_reserved_won", "小微企业预留项目中由小微企业中标或成交的采购金额（元）", ""),
    ("sme_other_won", "其他采购项目中由中小企业中标或成交的采购金额（元）", ""),
)

PROCUREMENT = Sheet(
    "procurement",
    "政府采购",
    "form",
    (
        Field("goods", "政府采购货物支出（元）", F.MONEY, True, default=0),
        Field("works", "政府采购工程支出（元）", F.MONEY, True, default=0),
        Field("services", "政府采购服务支出（元）", F.MONEY, True, default=0),
        Field("sme", "授予中小企业合同金额（元）", F.MONEY, True, default=0),
        Field("small_micro", "其中：授予小微企业合同金额（元）", F.MONEY, True, default=0),
        *(
            Field(key, label, F.MONEY, False, hint=f"{_RESERVED_HINT}{hint}")
            for key, label, hint in _RESERVED
        ),
    ),
    "政府采购实际支出；总额与占比由工具计算。",
)

VEHICLE_CATEGORIES: tuple[tuple[str, str], ...] = (
    ("cars_minister", "副部（省）级及以上领导用车"),
    ("cars_head", "主要负责人用车"),
    ("cars_confidential", "机要通信用车"),
    ("cars_emergency", "应急保障用车"),
    ("cars_enforcement", "执法执勤用车"),
    ("cars_special", "特种专业技术用车"),
    ("cars_retiree", "离退休干部服务用车"),
    ("cars_other", "其他用车"),
)

ASSETS = Sheet(
    "assets",
    "国有资产",
    "form",
    (
        Field("house_area", "房屋面积（平方米）", F.DECIMAL, True, default=0),
        Field("house_value", "房屋价值（元）", F.MONEY, True, default=0),
        *(
            Field(key, f"{label}（辆）", F.COUNT, True, default=0)
            for key, label in VEHICLE_CATEGORIES
        ),
        Field("other_cars_are", "其他用车主要是", F.TEXT, False, hint="如“一般公务用车”"),
        Field("vehicle_value", "车辆价值（元）", F.MONEY, True, default=0),
        Field(
            "equipment_100",
            "单价100万元（含）以上设备（不含车辆）（台（套））",
            F.COUNT,
            True,
            default=0,
        ),
    ),
    "截至决算年度 12 月 31 日占用使用的国有资产；车辆合计由工具计算。",
)

_EVAL_MONEY = tuple(
    Field(f"{prefix}_{col}", f"{label}{col_label}（元）", F.MONEY, False, default=0)
    for prefix, label in (("superior", "上级资金"), ("own", "本级资金"), ("other", "其他资金"))
    for col, col_label in (
        ("budget", "年初预算数"),
        ("full_budget", "全年预算数"),
        ("actual", "全年执行数"),
    )
)

DEPARTMENT_EVALUATION = Sheet(
    "department_evaluation",
    "整体自评",
    "form",
    (
        *_EVAL_MONEY,
        Field("rate_weight", "执行率分值", F.DECIMAL, True, default=10),
        Field("rate_score", "执行率得分", F.DECIMAL, False, hint="不超过执行率分值"),
        Field("goal", "预期目标", F.LONG_TEXT, False, hint="留空则不生成部门整体支出绩效自评表"),
        Field("result", "实际完成目标", F.LONG_TEXT, False),
    ),
    "部门整体支出绩效自评表的表头；年度总资金、执行率和总分由工具计算。",
    optional=True,
)

_INDICATOR_COLUMNS = (
    Field("level1", "一级指标", F.TEXT, True),
    Field("level2", "二级指标", F.TEXT, True),
    Field("level3", "三级指标", F.TEXT, True, width=28),
)

DEPARTMENT_INDICATORS = Sheet(
    "department_indicators",
    "整体自评指标",
    "table",
    (
        *_INDICATOR_COLUMNS,
        Field("target", "预期指标值", F.TEXT, True),
        Field("basis", "指标值设定依据", F.TEXT, False, width=30),
        Field("achieved", "实际完成指标值", F.TEXT, True),
        Field("weight", "分值权重", F.DECIMAL, True),
        Field("score", "得分", F.DECIMAL, True, hint="不超过分值权重"),
        Field("deviation", "偏差原因分析及改进措施", F.LONG_TEXT, False, width=40),
    ),
    "部门整体支出绩效自评表的指标，每个指标一行。",
    optional=True,
)

PROJECT_EVALUATIONS = Sheet(
    "project_evaluations",
    "项目自评",
    "table",
    (
        Field("name", "项目名称", F.TEXT, True, hint="与“决算明细”的项目名称一致", width=36),
        Field("department", "主管部门", F.TEXT, True, width=30),
        Field("implementer", "实施单位", F.TEXT, True, width=30),
        *(
            Field(f"{prefix}_{col}", f"{label}{col_label}（元）", F.MONEY, True)
            for prefix, label in (("fiscal", "当年财政拨款"), ("other", "其他资金"))
            for col, col_label in (
                ("budget", "年初预算数"),
                ("full_budget", "全年预算数"),
                ("actual", "全年执行数"),
            )
        ),
        Field("rate_weight", "执行率分值", F.DECIMAL, True),
        Field("rate_score", "执行率得分", F.DECIMAL, True, hint="不超过执行率分值"),
        Field("goal", "预期目标", F.LONG_TEXT, True, width=40),
        Field("result", "实际完成情况", F.LONG_TEXT, True, width=40),
        Field("deviation", "执行偏差原因", F.LONG_TEXT, False, hint="执行数超过全年预算数时必填"),
    ),
    "每个项目支出绩效自评表一行；年度资金总额、执行率和总分由工具计算。",
    optional=True,
)

PROJECT_INDICATORS = Sheet(
    "project_indicators",
    "项目自评指标",
    "table",
    (
        Field("project", "项目名称", F.TEXT, True, hint="与“项目自评”一致", width=30),
        *_INDICATOR_COLUMNS,
        Field("target", "年度指标值", F.TEXT, True),
        Field("achieved", "实际完成值", F.TEXT, True),
        Field("weight", "分值", F.DECIMAL, True),
        Field("score", "得分", F.DECIMAL, True, hint="不超过分值"),
        Field("deviation", "偏差原因分析及改进措施", F.LONG_TEXT, False, width=40),
    ),
    "项目支出绩效自评表的指标，每个指标一行，同一项目的各行连续填写。",
    optional=True,
)

PERFORMANCE_NOTES = Sheet(
    "performance_notes",
    "绩效说明",
    "form",
    (
        Field("achievements", "预算绩效管理取得的成效", F.LONG_TEXT, False),
        Field("problems", "发现的问题及原因", F.LONG_TEXT, False),
        Field("measures", "下一步改进措施", F.LONG_TEXT, False),
    ),
    "第二部分“十一、预算绩效的情况说明”的文字。",
    optional=True,
)

PERFORMANCE_MANAGEMENT = Sheet(
    "performance_management",
    "绩效管理",
    "form",
    (
        Field(
            "systems",
            "预算绩效管理制度",
            F.LONG_TEXT,
            False,
            hint="制度名称，多个用顿号“、”分隔，如“××局预算绩效管理办法、××局绩效自评实施细则”",
        ),
        Field(
            "mechanism",
            "预算绩效管理工作机制",
            F.TEXT,
            False,
            hint="填“建立了……的预算绩效管理工作机制”中间的部分",
        ),
        Field("target_projects", "编报绩效目标的项目数（个）", F.COUNT, False),
        Field("target_amount", "编报绩效目标项目涉及预算金额（元）", F.MONEY, False),
        Field("tracked_projects", "绩效跟踪评价的项目数（个）", F.COUNT, False),
        Field("tracked_amount", "绩效跟踪评价项目涉及预算金额（元）", F.MONEY, False),
        Field("evaluated_projects", "绩效自评的项目数（个）", F.COUNT, False),
        Field("evaluated_amount", "绩效自评项目涉及预算金额（元）", F.MONEY, False),
        Field("average_score", "绩效自评平均得分（分）", F.DECIMAL, False, hint="0～100"),
        Field("excellent", "绩效评级为“优”的项目数（个）", F.COUNT, False),
        Field("good", "绩效评级为“良”的项目数（个）", F.COUNT, False),
        Field("passed", "绩效评级为“合格”的项目数（个）", F.COUNT, False),
        Field("failed", "绩效评级为“不合格”的项目数（个）", F.COUNT, False),
        Field("problems", "绩效自评中发现问题数（个）", F.COUNT, False),
        Field("fixed", "已经完成整改的问题数（个）", F.COUNT, False),
        Field(
            "fixing",
            "正在整改的问题数（个）",
            F.COUNT,
            False,
            hint="已完成整改 + 正在整改 = 发现问题数",
        ),
    ),
    "选填：地区措辞模板（如上海市“十、预算绩效管理情况”）写的预算绩效管理制度和全过程绩效管理的项目数、金额；"
    "留空的项不写。项目数、金额、评级个数都从预算绩效管理系统抄录，工具不推算。",
    optional=True,
)

CONTROLS = Sheet(
    "controls",
    "核对数",
    "form",
    (
        Field(
            "income_total", "收入总计（元）", F.MONEY, hint="从决算系统抄录，用于核对明细是否完整"
        ),
        Field("income", "本年收入合计（元）", F.MONEY),
        Field("spend", "本年支出合计（元）", F.MONEY),
        Field("carry_in", "年初结转和结余（元）", F.MONEY),
        Field("carry_out", "年末结转和结余（元）", F.MONEY),
        Field("fiscal_income", "财政拨款收入（元）", F.MONEY),
        Field("general_budget", "一般公共预算财政拨款支出（元）", F.MONEY),
        Field("basic", "基本支出（元）", F.MONEY),
        Field("project", "项目支出（元）", F.MONEY),
        Field("three_public", "财政拨款“三公”经费支出（元）", F.MONEY),
        Field("procurement", "政府采购支出总额（元）", F.MONEY),
        Field("headcount", "实有人数（人）", F.COUNT, hint="应等于在职+退休+离休"),
    ),
    "选填：从决算系统抄录的合计数。工具不使用这些数字生成文件，只用来核对明细是否漏填、重填。",
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
    "内置科目目录中没有的编码在此补充。",
    optional=True,
)

SHEETS: tuple[Sheet, ...] = (
    PROFILE,
    DIVISIONS,
    UNITS,
    LINES,
    INCOME,
    CARRYOVER,
    BALANCE,
    COMPARISONS,
    THREE_PUBLIC,
    PROCUREMENT,
    ASSETS,
    DEPARTMENT_EVALUATION,
    DEPARTMENT_INDICATORS,
    PROJECT_EVALUATIONS,
    PROJECT_INDICATORS,
    PERFORMANCE_NOTES,
    PERFORMANCE_MANAGEMENT,
    CONTROLS,
    ADDITIONS,
)


def year_lists(year: int) -> dict[str, list[str]]:
    """Dropdown lists that depend on the year's catalogs."""
    functions = function_catalog(year)
    economic = economic_catalog()
    return {
        "function_items": [f"{c} {functions.names[c]}" for c in functions.codes(7)],
        "economic_items": [f"{c} {economic.names[c]}" for c in economic.codes(5)],
        "comparisons": list(FIXED_COMPARISONS)
        + [f"{FUNCTION_COMPARISON_PREFIX}{c}" for c in functions.codes(7)],
    }


SCHEMA = WorkbookSchema(
    kind="final_accounts",
    title="决算公开",
    sheets=SHEETS,
    choices={
        "sources": SOURCES,
        "kinds": KINDS,
        "income_categories": INCOME_CATEGORIES,
        "natures": NATURES,
        "levels": LEVELS,
        "documents": DOCUMENTS,
        "addition_kinds": ADDITION_KINDS,
        "wordings": WORDINGS,
    },
    year_lists=year_lists,
    prefilled={COMPARISONS.key: tuple((item,) for item in FIXED_COMPARISONS)},
)
