from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity
from disclosure_gen.kinds.budget.context import BudgetContext
from disclosure_gen.kinds.budget.rules.common import at_comparison, confirmed_reasons
from disclosure_gen.money import format_amount
from disclosure_gen.validate.claims import direction, says_change, without_no_change
from disclosure_gen.validate.registry import rule


@rule("N008", Severity.WARNING, "数字未变动却写了变动原因")
def reason_for_no_change(ctx: BudgetContext) -> Iterator[Finding]:
    """A figure equals its prior-year figure (the document prints “增加0.00万元，增长0.00%”)
    but its reason explains a change (人员调整, 标准调整, 项目变动…): either the prior-year
    amount is wrong or the reason belongs to another item. A reason that says 增加/减少 for
    the unchanged figure is N003; one that says why nothing changed (预算安排无变化, 持平,
    未安排) is fine."""
    for item, figure in confirmed_reasons(ctx):
        change = figure.change
        if change is None or not change.unchanged or not figure.reason:
            continue
        if direction(without_no_change(figure.reason)) or not says_change(figure.reason):
            continue  # N003 speaks of the direction; or nothing is said to have changed
        yield at_comparison(
            ctx,
            "N008",
            item,
            "reason",
            f"“{item}”本年与上年都是 {format_amount(change.current)} 万元，没有变动，但原因写的是"
            f"“{figure.reason[:40]}”；请核对上年预算数，或把原因改为说明为何不变（如“预算安排无变化”）。",
        )
