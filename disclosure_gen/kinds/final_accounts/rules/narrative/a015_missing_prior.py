from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity
from disclosure_gen.kinds.final_accounts.context import FinalAccountsContext
from disclosure_gen.kinds.final_accounts.rules.common import at_comparison, compared, comparison
from disclosure_gen.validate.registry import rule


@rule("A015", Severity.ERROR, "缺少上年决算数", kinds=("final_accounts",))
def missing_prior(ctx: FinalAccountsContext) -> Iterator[Finding]:
    """The document compares this figure with last year's actual (it has money this year),
    but sheet 上年对比 has no 上年决算数 for it, so the sentence would silently leave the
    comparison out. Enter it (0 if there was none). Rows computed from their parts
    (一般公共预算财政拨款支出, 三公：合计, 三公：公务用车购置及运行维护费) take it from those."""
    for c in compared(ctx):
        if not c.computed and c.figure.change is None and c.figure.amount:
            where = (
                "请填写（上年为 0 的填 0）。"
                if comparison(ctx.model, c.item)
                else f"请在“上年对比”表增加“{c.item}”一行，填写上年决算数（上年为 0 的填 0）。"
            )
            yield at_comparison(
                ctx,
                "A015",
                c.item,
                "prior",
                f"说明中要写“{c.item}”与上年决算相比的增减，但“上年对比”表没有它的上年决算数；{where}",
            )
