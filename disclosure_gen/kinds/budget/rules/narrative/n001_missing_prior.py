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
    none)."""
    for item, figure in stated_changes(ctx):
        if figure.change is None and figure.amount:  # 0.00 is stated without a comparison
            yield at_comparison(
                ctx,
                "N001",
                item,
                "prior",
                f"说明中要写“{item}”比上年的增减，但“上年对比”表没有它的上年预算数；请填写（上年没有的填 0）。",
            )
