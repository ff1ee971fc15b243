from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.budget.context import BudgetContext
from disclosure_gen.validate.registry import rule

SMALL_LINE = Decimal(1000)  # 元: a budget line this small is a 万元 figure typed as 元
SMALL_SHARE = Decimal("0.8")


@rule("P001", Severity.WARNING, "金额疑似按万元填写")
def wan_entered_as_yuan(ctx: BudgetContext) -> Iterator[Finding]:
    """Amounts are entered in 元. When most expenditure lines are below 1,000 元 they were
    almost certainly typed in 万元 (335.37 instead of 3,353,700), which would print every
    figure ten thousand times too small."""
    lines = [line for line in ctx.model.lines if line.amount > 0]
    small = [line for line in lines if line.amount < SMALL_LINE]
    if lines and len(small) >= SMALL_SHARE * len(lines):
        first = small[0]
        yield get("P001").finding(
            f"“支出明细”中 {len(small)}/{len(lines)} 行金额小于 1000 元，疑似按万元填写；金额应以元为单位（如 335.37 万元填 3353700）。",
            first.sheet,
            first.cell("amount"),
        )
