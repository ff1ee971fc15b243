from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity
from disclosure_gen.kinds.final_accounts.context import FinalAccountsContext
from disclosure_gen.kinds.final_accounts.rules.common import at_comparison, compared
from disclosure_gen.money import format_amount
from disclosure_gen.validate.registry import rule


@rule("A016", Severity.WARNING, "变动或预决算差异缺少原因", kinds=("final_accounts",))
def missing_reason(ctx: FinalAccountsContext) -> Iterator[Finding]:
    """A figure changed against last year's actual by more than the threshold (default:
    any change; `--reason-threshold` in 万元) with no 与上年相比变动原因, or a figure the
    document sets against its budget (四, 五, 七, 八 against the 年初预算, 三公 against the
    全年预算) differs from it with no 预决算差异原因: the document would state the change
    without explaining it. The 预决算差异原因 of each 功能科目 项 is A005."""
    threshold = ctx.settings.reason_min_change
    for c in compared(ctx):
        s, change = c.figure, c.figure.change
        if c.printed and change is not None and change.amount > threshold and not s.reason:
            yield at_comparison(
                ctx,
                "A016",
                c.item,
                "reason",
                f"“{c.item}”比上年决算{change.verb} {format_amount(change.amount)} 万元，但没有填写变动原因；"
                "请在“上年对比”表的“与上年相比变动原因”列说明。",
            )
        gap = abs(s.amount - s.budget)
        if c.versus_budget and gap > threshold and not s.budget_reason:
            yield at_comparison(
                ctx,
                "A016",
                c.item,
                "budget_reason",
                f"“{c.item}”决算数 {format_amount(s.amount)} 万元，预算数 {format_amount(s.budget)} 万元，"
                "但没有填写预决算差异原因；请在“上年对比”表的“预决算差异原因”列说明。",
            )
