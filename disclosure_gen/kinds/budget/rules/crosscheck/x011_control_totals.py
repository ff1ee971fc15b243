from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.budget.compute.sources import SOURCE_INFO
from disclosure_gen.kinds.budget.compute.tables import THREE_PUBLIC_CODES
from disclosure_gen.kinds.budget.context import BudgetContext
from disclosure_gen.kinds.budget.model import Disclosure, ExpenditureLine
from disclosure_gen.validate.registry import rule

THREE_PUBLIC = {code for codes in THREE_PUBLIC_CODES.values() for code in codes}


def _lines(model: Disclosure, where: Callable[[ExpenditureLine], bool]) -> Decimal:
    return sum((line.amount for line in model.lines if where(line)), Decimal(0))


def _derived(model: Disclosure) -> dict[str, Decimal]:
    """Each control total as derived from the detail, in 元 (exact, before rounding)."""
    info = SOURCE_INFO
    p = model.procurement
    profile = model.profile
    return {
        "total": _lines(model, lambda line: True),
        "general_budget": _lines(
            model,
            lambda line: info[line.source].appropriation and info[line.source].fund == "general",
        ),
        "basic": _lines(model, lambda line: line.kind != "project"),
        "project": _lines(model, lambda line: line.kind == "project"),
        "three_public": _lines(
            model, lambda line: info[line.source].appropriation and line.economic in THREE_PUBLIC
        ),
        "carryover": _lines(model, lambda line: line.source.startswith("carryover")),
        "procurement": p.total,
        "headcount": Decimal(profile.headcount),
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


@rule("X011", Severity.ERROR, "核对数与明细不符")
def control_totals(ctx: BudgetContext) -> Iterator[Finding]:
    """A control total typed on sheet 核对数 (copied from the budget system) differs from the
    sum of the detail it controls: a line is missing, doubled or mistyped. Totals are
    compared in 元, exactly; 实有人数 is 在职 + 退休 + 离休."""
    controls = ctx.model.controls
    if controls is None:
        return
    derived = _derived(ctx.model)
    for key, label in LABELS.items():
        typed = getattr(controls, key)
        if typed is None or Decimal(typed) == derived[key]:
            continue
        unit = "人" if key == "headcount" else "元"
        difference = Decimal(typed) - derived[key]
        yield get("X011").finding(
            f"核对数“{label}”为 {typed} {unit}，明细合计为 {derived[key]} {unit}，相差 {difference} {unit}；"
            "请检查是否漏填、重填或填错了明细。",
            controls.sheet,
            controls.cell(key),
            label,
        )
