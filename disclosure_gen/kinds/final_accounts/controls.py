"""The final accounts' control totals (sheet 核对数) and how the detail derives each (X011).

Every value is exact, in 元, from what was typed: the year-end balance is 年初结转和结余
+ 本年收入 + 使用非财政拨款结余 − 本年支出 − 结余分配, as the tables compute it in 万元.
"""

from __future__ import annotations

from decimal import Decimal

from disclosure_gen.kinds.final_accounts.compute import leaves as lv
from disclosure_gen.kinds.final_accounts.model import FinalAccounts
from disclosure_gen.kinds.final_accounts.schema import BASIC_KINDS, FISCAL_SOURCES
from disclosure_gen.money import ZERO
from disclosure_gen.validate.controls import ControlTotal, Scope, totals_of
from disclosure_gen.validate.lines import PROJECT, CodedLine

THREE_PUBLIC = {code for codes in lv.THREE_PUBLIC_CODES.values() for code in codes}


def _three_public(line: CodedLine) -> bool:
    return line.source in FISCAL_SOURCES and line.economic in THREE_PUBLIC


SCOPES: dict[str, Scope] = {
    "spend": lambda line: True,
    "general_budget": lambda line: line.source == "general_budget",
    "basic": lambda line: line.kind in BASIC_KINDS,
    "project": lambda line: line.kind == PROJECT,
    "three_public": _three_public,
}
LABELS = {
    "income_total": "收入总计",
    "income": "本年收入合计",
    "spend": "本年支出合计",
    "carry_in": "年初结转和结余",
    "carry_out": "年末结转和结余",
    "fiscal_income": "财政拨款收入",
    "general_budget": "一般公共预算财政拨款支出",
    "basic": "基本支出",
    "project": "项目支出",
    "three_public": "财政拨款“三公”经费支出",
    "procurement": "政府采购支出总额",
    "headcount": "实有人数",
}


def _derived(model: FinalAccounts) -> dict[str, Decimal]:
    income = sum((r.amount for r in model.income), ZERO)
    carry_in = sum((r.amount for r in model.carryover), ZERO)
    spend = sum((line.actual for line in model.lines), ZERO)
    balance, proc = model.balance, model.procurement
    derived = {
        key: sum((line.actual for line in model.lines if where(line)), ZERO)
        for key, where in SCOPES.items()
    }
    derived.update(
        income_total=income + balance.use_surplus + carry_in,
        income=income,
        carry_in=carry_in,
        carry_out=carry_in + income + balance.use_surplus - spend - balance.distribution,
        fiscal_income=sum((r.amount for r in model.income if r.category in FISCAL_SOURCES), ZERO),
        procurement=proc.goods + proc.works + proc.services,
        headcount=Decimal(model.profile.headcount),
    )
    return derived


def control_totals(model: FinalAccounts) -> list[ControlTotal]:
    """Every total of 核对数, typed or not, with its value derived from the detail in 元."""
    if model.controls is None:
        return []
    return totals_of(model.controls, LABELS, _derived(model), SCOPES)
