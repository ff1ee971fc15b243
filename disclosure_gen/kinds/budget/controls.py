"""The budget's control totals (sheet 核对数) and how the detail derives each (X011)."""

from __future__ import annotations

from decimal import Decimal

from disclosure_gen.kinds.budget.compute.sources import SOURCE_INFO
from disclosure_gen.kinds.budget.compute.tables import THREE_PUBLIC_CODES
from disclosure_gen.kinds.budget.model import Disclosure
from disclosure_gen.validate.controls import ControlTotal, Scope, totals_of
from disclosure_gen.validate.lines import CodedLine

THREE_PUBLIC = {code for codes in THREE_PUBLIC_CODES.values() for code in codes}


def _appropriation(line: CodedLine) -> bool:
    info = SOURCE_INFO.get(line.source)
    return bool(info and info.appropriation)


def _scopes() -> dict[str, Scope]:
    """The lines each control total adds up (procurement and headcount add up no lines)."""
    return {
        "total": lambda line: True,
        "general_budget": lambda line: (
            _appropriation(line) and SOURCE_INFO[line.source].fund == "general"
        ),
        "basic": lambda line: line.kind != "project",
        "project": lambda line: line.kind == "project",
        "three_public": lambda line: _appropriation(line) and line.economic in THREE_PUBLIC,
        "carryover": lambda line: line.source.startswith("carryover"),
    }


LABELS = {
    "total": "收支总预算",
    "general_budget": "一般公共预算拨款",
    "basic": "基本支出",
    "project": "项目支出",
    "three_public": "财政拨款“三公”经费",
    "carryover": "上年结转结余",
    "procurement": "政府采购预算",
    "headcount": "实有人数",
}


def control_totals(model: Disclosure) -> list[ControlTotal]:
    """Every total of 核对数, typed or not, with its value derived from the detail in 元."""
    if model.controls is None:
        return []
    scopes = _scopes()
    derived = {
        key: sum((line.amount for line in model.lines if where(line)), Decimal(0))
        for key, where in scopes.items()
    }
    derived["procurement"] = model.procurement.total
    derived["headcount"] = Decimal(model.profile.headcount)
    return totals_of(model.controls, LABELS, derived, scopes)
