from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.budget.context import BudgetContext
from disclosure_gen.validate.registry import rule


@rule("X009", Severity.WARNING, "单位预算填写了下属单位")
def unit_with_subordinates(ctx: BudgetContext) -> Iterator[Finding]:
    """A unit-level (单位) disclosure lists subordinate units; only a department has them."""
    if ctx.model.profile.level == "unit" and ctx.model.subordinate_units:
        first = ctx.model.subordinate_units[0]
        yield get("X009").finding(
            "公开主体为“单位”，但“下属单位”表有内容；单位预算说明中写“无下属预算单位”，请清空该表或把公开主体改为“部门”。",
            first.sheet,
            first.cell("name"),
        )
