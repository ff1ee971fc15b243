from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.budget.context import BudgetContext
from disclosure_gen.money import format_amount, yuan_to_wan
from disclosure_gen.validate.registry import rule


@rule("X016", Severity.WARNING, "部门整体绩效目标资金与收支总预算不一致")
def department_funds(ctx: BudgetContext) -> Iterator[Finding]:
    """The 部门整体绩效目标表 states funds (上级安排 + 本级安排 + 其他) that differ from the
    department's 收支总预算. A department may leave some money out on purpose (a unit's
    carry-over), but a reader compares the two figures: say why in 其他需说明的事项, or
    correct the funds."""
    performance = ctx.model.department_performance
    if performance is None or not performance.total:
        return
    stated = yuan_to_wan(performance.total)
    budget = ctx.computed.facts.income_total
    if stated != budget:
        yield get("X016").finding(
            f"部门整体绩效目标表的资金总额 {format_amount(stated)} 万元与收支总预算 "
            f"{format_amount(budget)} 万元相差 {format_amount(abs(budget - stated))} 万元；"
            "请核对上级安排、本级安排和其他资金，或在“其他需说明的事项”中说明原因。",
            performance.sheet,
            performance.cell("own"),
        )
