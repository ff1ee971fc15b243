from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.final_accounts.context import FinalAccountsContext
from disclosure_gen.kinds.final_accounts.model import ActualLine
from disclosure_gen.kinds.final_accounts.schema import (
    FISCAL_SOURCES,
    FUNCTION_COMPARISON_PREFIX,
    LINES,
    SOURCES,
)
from disclosure_gen.money import ZERO, format_amount, yuan_to_wan
from disclosure_gen.validate.registry import rule

FUND_NAMES = {v: k for k, v in SOURCES.items()}


@rule("A030", Severity.WARNING, "决算数超过全年预算数", kinds=("final_accounts",))
def actual_above_full_budget(ctx: FinalAccountsContext) -> Iterator[Finding]:
    """Financial appropriations are spent within the budget: the 全年预算数 includes every
    mid-year addition, so a 项 whose 决算数 exceeds its 全年预算数 usually means an addition
    left out of the 全年预算数 column or an actual typed on the wrong 项 or fund.  Judged per
    资金来源 × 功能科目 (a budget is often entered on one line and spent across several);
    a 预决算差异原因 on the 项's 上年对比 row says the reader is told why."""
    groups: dict[tuple[str, str], list[ActualLine]] = defaultdict(list)
    for line in ctx.model.lines:
        if line.source in FISCAL_SOURCES:
            groups[(line.source, line.function)].append(line)
    explained = {
        c.item[len(FUNCTION_COMPARISON_PREFIX) :]
        for c in ctx.model.comparisons
        if c.item.startswith(FUNCTION_COMPARISON_PREFIX) and (c.budget_reason or "").strip()
    }
    for (fund, code), lines in groups.items():
        actual = sum((x.actual for x in lines), ZERO)
        budget = sum((x.full_budget for x in lines), ZERO)
        if actual <= budget or code in explained:
            continue
        worst = max(lines, key=lambda x: (x.actual - x.full_budget, x.actual))
        name = ctx.functions.name(code) or ""
        yield get("A030").finding(
            f"{FUND_NAMES[fund]} {code} {name}：决算数 {format_amount(yuan_to_wan(actual))} 万元"
            f"超过全年预算数 {format_amount(yuan_to_wan(budget))} 万元；年中追加的预算应计入“全年预算数”，请核对该科目各行的全年预算数和"
            f"资金来源，确属超预算的请在“上年对比”“{FUNCTION_COMPARISON_PREFIX}{code}”行的"
            "“预决算差异原因”中说明。",
            LINES.name,
            worst.cell("full_budget"),
            f"{fund}:{code}",
        )
