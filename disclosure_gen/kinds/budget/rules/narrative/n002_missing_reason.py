from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity
from disclosure_gen.kinds.budget.context import BudgetContext
from disclosure_gen.kinds.budget.rules.common import at_comparison, stated_changes
from disclosure_gen.validate.registry import rule


@rule("N002", Severity.WARNING, "变动缺少原因")
def missing_reason(ctx: BudgetContext) -> Iterator[Finding]:
    """A figure changed against the prior year by more than the threshold (default: any
    change; `--reason-threshold` in 万元) but no reason was given, so the document would
    state the change without explaining it."""
    threshold = ctx.settings.reason_min_change
    for item, figure in stated_changes(ctx):
        change = figure.change
        if change is not None and change.amount > threshold and not figure.reason:
            yield at_comparison(
                ctx,
                "N002",
                item,
                "reason",
                f"“{item}”比上年{change.verb} {change.amount} 万元，但没有填写变动原因；请在“上年对比”表的“变动原因”列说明。",
            )
