from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity
from disclosure_gen.kinds.budget.context import BudgetContext
from disclosure_gen.kinds.budget.rules.common import at_comparison, stated_changes
from disclosure_gen.validate.registry import rule


@rule("N001", Severity.ERROR, "缺少上年预算数")
def missing_prior(ctx: BudgetContext) -> Iterator[Finding]:
    """The document states a change against the prior year for this figure (it has money
    this year), but sheet 上年对比 has no prior-year amount for it. Enter it (0 if there was
    none, or choose 上年无此项 in its 确认 column when the prior year had no such item)."""
    for item, figure in stated_changes(ctx):
        # 0.00 is stated without a comparison; a new item (上年无此项) is stated as new
        if figure.change is None and not figure.new and figure.amount:
            yield at_comparison(
                ctx,
                "N001",
                item,
                "prior",
                f"说明中要写“{item}”比上年的增减，但“上年对比”表没有它的上年预算数；请填写（上年为 0 的填 0；上年没有这一项的，在“确认”列选“上年无此项”）。",
            )
