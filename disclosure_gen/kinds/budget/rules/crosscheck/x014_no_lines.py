from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.budget.context import BudgetContext
from disclosure_gen.kinds.budget.schema import LINES
from disclosure_gen.validate.registry import rule


@rule("X014", Severity.ERROR, "支出明细为空")
def no_lines(ctx: BudgetContext) -> Iterator[Finding]:
    """Sheet 支出明细 has no line with an amount above zero, so every table would be empty
    and every sentence would say 0.00; fill in the year's expenditure lines first."""
    if not any(line.amount > 0 for line in ctx.model.lines):
        yield get("X014").finding(
            "“支出明细”没有任何金额大于 0 的支出；请先填写本年每一笔支出预算（以元为单位）。",
            LINES.name,
            "A2",
        )
