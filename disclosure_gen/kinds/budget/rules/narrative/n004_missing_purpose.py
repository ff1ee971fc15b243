from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.budget.context import BudgetContext
from disclosure_gen.kinds.budget.schema import PURPOSES
from disclosure_gen.validate.registry import rule


@rule("N004", Severity.WARNING, "缺少功能类的“主要用于”")
def missing_purpose(ctx: BudgetContext) -> Iterator[Finding]:
    """A function class has fiscal money but no “主要用于” text on sheet 功能类用途, so
    section 四 would name the class without saying what the money is for."""
    given = {p.function_class for p in ctx.model.purposes}
    for uses in ctx.computed.facts.appropriation_classes.values():
        for use in uses:
            if use.code not in given:
                yield get("N004").finding(
                    f"功能类 {use.code} {use.name} 有财政拨款支出，但“功能类用途”表没有写主要用于什么；请补充一行。",
                    PURPOSES.name,
                    None,
                    use.code,
                )
