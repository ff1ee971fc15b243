from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.budget.context import BudgetContext
from disclosure_gen.validate.registry import rule

ALLOWED_WEIGHT_SUMS = (Decimal(100), Decimal(90))


@rule("X004", Severity.WARNING, "绩效指标分值权重合计不符")
def target_weights(ctx: BudgetContext) -> Iterator[Finding]:
    """The 分值权重 of one project's indicators should add up to 100 (or 90 where 10 points
    are kept for the budget execution rate, as in many regions)."""
    sums: dict[str, Decimal] = {}
    first: dict[str, tuple[str, str | None]] = {}
    for t in ctx.model.targets:
        sums[t.project] = sums.get(t.project, Decimal(0)) + t.weight
        first.setdefault(t.project, (t.sheet, t.cell("weight")))
    for project, weight in sums.items():
        if weight not in ALLOWED_WEIGHT_SUMS:
            sheet, cell = first[project]
            yield get("X004").finding(
                f"项目“{project}”的指标分值权重合计为 {weight.normalize():f}，应为 100（或 90，另 10 分为预算执行率）；请调整权重。",
                sheet,
                cell,
                project,
            )
