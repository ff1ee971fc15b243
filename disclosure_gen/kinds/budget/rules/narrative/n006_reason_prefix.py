from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.budget.context import BudgetContext
from disclosure_gen.money import REASON_PREFIXES
from disclosure_gen.validate.registry import rule


@rule("N006", Severity.INFO, "原因前缀已去除")
def reason_prefix(ctx: BudgetContext) -> Iterator[Finding]:
    """A reason starts with “主要原因是” (or similar); the document adds that phrase itself,
    so the typed one is left out rather than printed twice."""
    for c in ctx.model.comparisons:
        reason = (c.reason or "").strip()
        if any(reason.startswith(p) for p in REASON_PREFIXES):
            yield get("N006").finding(
                "变动原因以“主要原因是”开头；文件中会自动加上这几个字，已去掉重复部分。",
                c.sheet,
                c.cell("reason"),
                c.item,
            )
