from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.final_accounts.context import FinalAccountsContext
from disclosure_gen.kinds.final_accounts.schema import COMPARISONS, FUNCTION_COMPARISON_PREFIX
from disclosure_gen.validate.registry import rule


@rule(
    "A005",
    Severity.WARNING,
    "功能科目决算数与年初预算数不同但未说明原因",
    kinds=("final_accounts",),
)
def item_budget_reason(ctx: FinalAccountsContext) -> Iterator[Finding]:
    """A 一般公共预算 项 whose 决算数 differs from its 年初预算数 needs the reason on 上年对比
    (预决算差异原因 of its “功能科目：” row): readers of 决算 documents look for it."""
    rows = {c.item: c for c in ctx.model.comparisons}
    for item in ctx.computed.facts.general_items:
        s = item.figure
        if s.amount == s.budget or s.budget_reason:
            continue
        key = FUNCTION_COMPARISON_PREFIX + item.code
        row = rows.get(key)
        yield get("A005").finding(
            f"{item.code} {item.name}：决算数 {s.amount:,.2f} 万元，年初预算数 {s.budget:,.2f} 万元，"
            f"请在“上年对比”“{key}”行的“预决算差异原因”中说明原因。",
            COMPARISONS.name,
            row.cell("budget_reason") if row else None,
            key,
        )
