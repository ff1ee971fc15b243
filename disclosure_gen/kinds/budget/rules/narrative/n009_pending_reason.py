from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.budget.context import BudgetContext
from disclosure_gen.kinds.budget.schema import PENDING
from disclosure_gen.validate.registry import rule


@rule("N009", Severity.WARNING, "变动原因待确认")
def pending_reason(ctx: BudgetContext) -> Iterator[Finding]:
    """A row of 上年对比 is marked 待确认: its reason was carried over from last year's
    workbook by `next-year` (or assembled from the units' reasons by `consolidate`), so it
    explains last year's change, not this year's. Read it, rewrite it if needed, and set
    确认 to 已确认; nobody should publish last year's reason by accident."""
    for c in ctx.model.comparisons:
        if c.status == PENDING:
            cell = c.cell("reason") or c.cell("status")
            yield get("N009").finding(
                f"“{c.item}”的变动原因“{_short(c.reason or '')}”是从上年（或下属单位）带入的建议，尚未确认；"
                f"请按今年的实际情况核对或改写，然后把“确认”列（{c.cell('status') or '确认列'}）改为“已确认”。",
                c.sheet,
                cell,
                f"第 {c.row} 行",
            )


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "……"
