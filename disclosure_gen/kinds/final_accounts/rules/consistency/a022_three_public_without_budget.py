from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.final_accounts.context import FinalAccountsContext
from disclosure_gen.kinds.final_accounts.rules.common import (
    THREE_ITEMS,
    shown,
    three_public_lines,
    yuan,
)
from disclosure_gen.validate.registry import rule


@rule("A022", Severity.WARNING, "“三公”经费无预算却有支出", kinds=("final_accounts",))
def three_public_without_budget(ctx: FinalAccountsContext) -> Iterator[Finding]:
    """A 三公 item (因公出国（境）费, 公务用车购置费, 公务用车运行维护费, 公务接待费) has a 决算数
    but a 全年预算数 of 0: 三公 spending must be budgeted, and the document would print a
    预决算差异率 of 100%. Usually the budget was put on another line or 款; otherwise explain
    it in the item's 预决算差异原因."""
    for key, item in THREE_ITEMS.items():
        lines = three_public_lines(ctx.model, key)
        actual = yuan([line.actual for line in lines])
        if actual > 0 and yuan([line.full_budget for line in lines]) == 0:
            first = lines[0]
            yield get("A022").finding(
                f"{item[3:]}决算数 {shown(actual)} 元，但全年预算数为 0；“三公”经费须有预算，"
                "请核对“决算明细”的全年预算数，或在“上年对比”该项的“预决算差异原因”中说明。",
                first.sheet,
                first.cell("full_budget"),
                item,
            )
