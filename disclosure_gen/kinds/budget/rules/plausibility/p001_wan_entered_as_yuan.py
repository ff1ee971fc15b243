from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from disclosure_gen.findings import Finding, Severity
from disclosure_gen.kinds.budget.context import BudgetContext
from disclosure_gen.kinds.budget.rules.common import magnitude
from disclosure_gen.validate.registry import rule

SMALL_LINE = Decimal(1000)  # 元: a budget line this small is a 万元 figure typed as 元


def most_lines_small(ctx: BudgetContext) -> bool:
    """Whether more than half of the lines with money are below 1,000 元 (P001)."""
    lines = [line for line in ctx.model.lines if line.amount > 0]
    small = [line for line in lines if line.amount < SMALL_LINE]
    return bool(lines) and 2 * len(small) > len(lines)


@rule("P001", Severity.ERROR, "金额疑似按万元填写")
def wan_entered_as_yuan(ctx: BudgetContext) -> Iterator[Finding]:
    """Amounts are entered in 元. When most (more than half of the) expenditure lines are
    below 1,000 元 they were almost certainly typed in 万元 (335.37 instead of 3,353,700),
    which would print every figure ten thousand times too small. This blocks generation;
    after checking, `validate/generate --amounts-checked` accepts the amounts as typed
    (V002 says so at the cell)."""
    lines = [line for line in ctx.model.lines if line.amount > 0]
    small = [line for line in lines if line.amount < SMALL_LINE]
    if most_lines_small(ctx):
        first = small[0]
        yield magnitude(
            ctx,
            "P001",
            f"“支出明细”中 {len(small)}/{len(lines)} 行金额小于 1000 元（如第 {first.row} 行 "
            f"{first.amount:,} 元），疑似按万元填写，公开文件的每个数都会小一万倍；请以元为单位"
            f"重新填写（如 {first.amount:,} 万元填 {first.amount * 10000:,.2f}）。如金额确实以元"
            "填写，请用 --amounts-checked 确认后再生成。",
            first.sheet,
            first.cell("amount"),
        )
