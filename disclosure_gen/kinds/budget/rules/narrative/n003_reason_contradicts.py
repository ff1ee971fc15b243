from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity
from disclosure_gen.kinds.budget.context import BudgetContext
from disclosure_gen.kinds.budget.rules.common import at_comparison, confirmed_reasons
from disclosure_gen.money import format_amount
from disclosure_gen.validate.claims import direction, without_no_change
from disclosure_gen.validate.registry import rule


@rule("N003", Severity.WARNING, "原因与增减方向不符")
def reason_contradicts(ctx: BudgetContext) -> Iterator[Finding]:
    """The conclusion (last clause) of a reason says 增加/增长 while the figure decreased, or
    the reverse, or says either for a figure that did not change (the document prints
    “增加0.00万元”; “无变化”, “持平”, “增加0.00万元” in the reason are not a direction):
    either the prior-year amount or the reason is wrong."""
    for item, figure in confirmed_reasons(ctx):
        change = figure.change
        if change is None or not figure.reason:
            continue
        if change.unchanged:
            said = direction(without_no_change(figure.reason))
            if said:
                yield at_comparison(
                    ctx,
                    "N003",
                    item,
                    "reason",
                    f"“{item}”本年与上年都是 {format_amount(change.current)} 万元，没有变动，"
                    f"但原因的结论写的是{'增加' if said == 'up' else '减少'}；请核对上年数或原因。",
                )
            continue
        said = direction(figure.reason)
        actual = "up" if change.delta > 0 else "down"
        if said and said != actual:
            yield at_comparison(
                ctx,
                "N003",
                item,
                "reason",
                f"“{item}”比上年{change.verb} {change.amount} 万元，但原因的结论写的是"
                f"{'增加' if said == 'up' else '减少'}；请核对上年数或原因。",
            )
