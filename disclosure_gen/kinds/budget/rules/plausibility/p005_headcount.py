from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.budget.context import BudgetContext
from disclosure_gen.validate.registry import rule


@rule("P005", Severity.WARNING, "在职人数与编制数相差过大")
def headcount(ctx: BudgetContext) -> Iterator[Finding]:
    """在职人数 more than twice the 编制数 (or staff with a 编制数 of 0) is almost always a
    typing slip in one of the two cells."""
    p = ctx.model.profile
    if p.in_service > 2 * p.staff_quota and p.in_service > 5:
        yield get("P005").finding(
            f"在职人数 {p.in_service} 超过编制数 {p.staff_quota} 的两倍；请核对两个数字。",
            p.sheet,
            p.cell("in_service"),
        )
