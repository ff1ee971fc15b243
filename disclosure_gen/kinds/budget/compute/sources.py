"""What each funding source counts as, in one place.

Tables and sentences group the seventeen leaf sources in several ways (fund type, current
appropriation, carry-over, the income items of table 1); every grouping is defined here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SourceInfo:
    code: str
    fund: str | None  # general / government_fund / state_capital for fiscal money
    appropriation: bool  # current-year fiscal appropriation (财政拨款（补助）)
    fiscal_carryover: bool  # 财政拨款结转
    income_group: str  # key of the income item in sections 一/二


SOURCE_INFO: dict[str, SourceInfo] = {
    s.code: s
    for s in (
        SourceInfo("general_budget", "general", True, False, "general_budget"),
        SourceInfo("general_transfer", "general", True, False, "general_transfer"),
        SourceInfo("government_fund", "government_fund", True, False, "government_fund"),
        SourceInfo("fund_transfer", "government_fund", True, False, "fund_transfer"),
        SourceInfo("state_capital", "state_capital", True, False, "state_capital"),
        SourceInfo("capital_transfer", "state_capital", True, False, "capital_transfer"),
        SourceInfo("special_account", None, False, False, "special_account"),
        SourceInfo("unit_business", None, False, False, "unit_funds"),
        SourceInfo("unit_subsidy", None, False, False, "unit_funds"),
        SourceInfo("unit_affiliated", None, False, False, "unit_funds"),
        SourceInfo("unit_operating", None, False, False, "unit_funds"),
        SourceInfo("unit_other", None, False, False, "unit_funds"),
        SourceInfo("carryover_general", "general", False, True, "fiscal_carryover"),
        SourceInfo("carryover_fund", "government_fund", False, True, "fiscal_carryover"),
        SourceInfo("carryover_capital", "state_capital", False, True, "fiscal_carryover"),
        SourceInfo("carryover_special", None, False, False, "other_carryover"),
        SourceInfo("carryover_unit", None, False, False, "other_carryover"),
    )
}

# Income items of the narrative (sections 一 and 二), in the order the seeds state them:
# key, name in section 二, comparison item in sheet 上年对比, is a transfer.
INCOME_GROUPS: tuple[tuple[str, str, str, bool], ...] = (
    ("general_budget", "一般公共预算", "收入：一般公共预算", False),
    (
        "general_transfer",
        "上级一般公共预算安排的转移支付资金",
        "收入：上级一般公共预算转移支付",
        True,
    ),
    ("government_fund", "政府性基金预算", "收入：政府性基金预算", False),
    ("fund_transfer", "上级政府性基金安排的转移支付资金", "收入：上级政府性基金转移支付", True),
    ("state_capital", "国有资本经营预算", "收入：国有资本经营预算", False),
    (
        "capital_transfer",
        "上级国有资本经营预算安排的转移支付资金",
        "收入：上级国有资本经营预算转移支付",
        True,
    ),
    ("special_account", "财政专户管理资金", "收入：财政专户管理资金", False),
    ("unit_funds", "单位资金", "收入：单位资金", False),
    ("fiscal_carryover", "财政拨款结转", "收入：财政拨款结转", False),
    ("other_carryover", "非财政拨款结转结余", "收入：非财政拨款结转结余", False),
)

# How section 一 lists the income items that have money.
INCOME_LIST_NAMES: dict[str, str] = {
    "general_budget": "一般公共预算",
    "general_transfer": "一般公共预算",
    "government_fund": "政府性基金预算",
    "fund_transfer": "政府性基金预算",
    "state_capital": "国有资本经营预算",
    "capital_transfer": "国有资本经营预算",
    "special_account": "财政专户管理资金",
    "unit_funds": "单位资金",
    "fiscal_carryover": "财政拨款结转结余",
    "other_carryover": "非财政拨款结转结余",
}

FUND_NAMES: dict[str, str] = {
    "general": "一般公共预算",
    "government_fund": "政府性基金预算",
    "state_capital": "国有资本经营预算",
}


def info(source: str) -> SourceInfo:
    return SOURCE_INFO[source]
