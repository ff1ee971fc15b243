from __future__ import annotations

import statistics
from collections.abc import Iterator
from decimal import Decimal

from disclosure_gen.findings import Finding, Severity
from disclosure_gen.kinds.final_accounts.context import FinalAccountsContext
from disclosure_gen.validate.lines import magnitude, row_key
from disclosure_gen.validate.registry import rule

HUGE = Decimal(1_000_000_000)  # 元: 10 亿 in one line of a department's accounts …
RATIO = Decimal(10_000)  # … and 10,000 times its typical (median) line
MIN_LINES = 4  # fewer lines say nothing about what a typical line is
MONEY_FIELDS = ("budget", "full_budget", "actual")


@rule("A019", Severity.ERROR, "金额大得不合理", kinds=("final_accounts",))
def amount_far_too_large(ctx: FinalAccountsContext) -> Iterator[Finding]:
    """An amount on 决算明细, 收入决算 or 结转结余 of 10 亿元 or more that is also at least
    10,000 times the typical (median) 决算数 of the lines: a figure typed twice, a 元
    amount multiplied by 10,000 as if it were 万元, or an account number pasted into a money
    cell. Every total and table would be dominated by it. This blocks generation; a
    genuine amount is accepted with `--amounts-checked` (V002 notes it at the cell)."""
    m = ctx.model
    actuals = [line.actual for line in m.lines if line.actual > 0]
    if len(actuals) < MIN_LINES:
        return
    median = Decimal(statistics.median(actuals))
    limit = max(HUGE, median * RATIO)
    cells: list[tuple[Decimal, str, str | None, str]] = []
    for line in m.lines:
        cells.extend(
            (getattr(line, f), line.sheet, line.cell(f), row_key(line)) for f in MONEY_FIELDS
        )
    for rows in (m.income, m.carryover):
        cells.extend((r.amount, r.sheet, r.cell("amount"), row_key(r)) for r in rows)
    for amount, sheet, cell, key in cells:
        if amount >= limit:
            yield magnitude(
                ctx.settings,
                "A019",
                f"金额 {amount:,} 元（{amount / Decimal(100_000_000):,.2f} 亿元）是一般决算明细（中位数 "
                f"{median:,} 元）的 {amount / median:,.0f} 倍，疑似重复输入数字或把元当作万元换算；"
                "请核对后以元填写。如金额确实如此，请用 --amounts-checked 确认后再生成。",
                sheet,
                cell,
                key,
            )
