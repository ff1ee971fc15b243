from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity
from disclosure_gen.kinds.final_accounts.context import FinalAccountsContext
from disclosure_gen.kinds.final_accounts.rules.common import at_comparison, compared
from disclosure_gen.money import format_amount
from disclosure_gen.validate.claims import direction, without_no_change
from disclosure_gen.validate.registry import rule

WORD = {"up": "增加", "down": "减少"}


def contradiction(reason: str, delta_sign: int) -> str | None:
    """The direction word of a reason's conclusion when it contradicts the sign (or names a
    direction for a figure that did not move), else None."""
    if not reason:
        return None
    if delta_sign == 0:
        said = direction(without_no_change(reason))
        return WORD[said] if said else None
    said = direction(reason)
    actual = "up" if delta_sign > 0 else "down"
    return WORD[said] if said and said != actual else None


@rule("A017", Severity.WARNING, "原因与增减方向不符", kinds=("final_accounts",))
def reason_contradicts(ctx: FinalAccountsContext) -> Iterator[Finding]:
    """The conclusion (last clause) of a reason says 增加/增长 while the figure decreased, or
    the reverse, or names a direction for a figure that did not move (“无变化”, “持平”
    are not a direction): either the amounts or the reason are wrong. Checked for the
    与上年相比变动原因 against the change from last year's actual, and for the
    预决算差异原因 against the actual minus the budget."""
    for c in compared(ctx):
        s, change = c.figure, c.figure.change
        if c.printed and change is not None:
            delta = change.delta
            said = contradiction(s.reason, (delta > 0) - (delta < 0))
            if said:
                yield at_comparison(
                    ctx,
                    "A017",
                    c.item,
                    "reason",
                    f"“{c.item}”比上年决算{change.verb} {format_amount(change.amount)} 万元，"
                    f"但原因的结论写的是{said}；请核对上年决算数或原因。",
                )
        if c.versus_budget:
            gap = s.amount - s.budget
            said = contradiction(s.budget_reason, (gap > 0) - (gap < 0))
            if said:
                verb = "大于" if gap > 0 else "小于" if gap < 0 else "等于"
                yield at_comparison(
                    ctx,
                    "A017",
                    c.item,
                    "budget_reason",
                    f"“{c.item}”决算数 {format_amount(s.amount)} 万元{verb}预算数 {format_amount(s.budget)} 万元，"
                    f"但预决算差异原因的结论写的是{said}；请核对预算数或原因。",
                )
