from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity
from disclosure_gen.kinds.final_accounts.compute import leaves as lv
from disclosure_gen.kinds.final_accounts.context import FinalAccountsContext
from disclosure_gen.kinds.final_accounts.rules.common import (
    CAR,
    GENERAL,
    THREE_ITEMS,
    THREE_TOTAL,
    at_comparison,
    comparison,
    shown,
    yuan,
)
from disclosure_gen.kinds.final_accounts.schema import FUNCTION_COMPARISON_PREFIX
from disclosure_gen.validate.registry import rule


def _parts(ctx: FinalAccountsContext) -> dict[str, tuple[str, list[str]]]:
    """Computed item → (what its parts are called, the items of its parts)."""
    functions = [
        c.item for c in ctx.model.comparisons if c.item.startswith(FUNCTION_COMPARISON_PREFIX)
    ]
    car = [THREE_ITEMS[lv.CAR_PURCHASE], THREE_ITEMS[lv.CAR_RUNNING]]
    return {
        GENERAL: ("各“功能科目：”行", functions),
        THREE_TOTAL: ("“三公”各项", [THREE_ITEMS[lv.ABROAD], *car, THREE_ITEMS[lv.RECEPTION]]),
        CAR: ("公务用车购置费与运行维护费", car),
    }


@rule("A018", Severity.ERROR, "计算项目的上年决算数与其组成部分之和不符", kinds=("final_accounts",))
def computed_prior_differs(ctx: FinalAccountsContext) -> Iterator[Finding]:
    """一般公共预算财政拨款支出, 三公：合计 and 三公：公务用车购置及运行维护费 take last year's
    actual from their parts on 上年对比 (the 功能科目 rows, the 三公 items), so the sentences
    agree with the items beside them. A 上年决算数 typed on such a row that differs from the
    sum of its parts is ignored, which hides that one of the two is wrong. Leave the row's
    上年决算数 empty, or correct the parts."""
    for item, (label, parts) in _parts(ctx).items():
        row = comparison(ctx.model, item)
        priors = [
            p.prior for part in parts if (p := comparison(ctx.model, part)) and p.prior is not None
        ]
        if row is None or row.prior is None or not priors:
            continue
        total = yuan(priors)
        if row.prior != total:
            yield at_comparison(
                ctx,
                "A018",
                item,
                "prior",
                f"“{item}”的上年决算数由{label}相加得到（{shown(total)} 元），这里填写的 "
                f"{shown(row.prior)} 元与之不同，不会被使用；请清空该单元格，或核对各组成部分的上年决算数。",
            )
