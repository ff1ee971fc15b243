from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.budget.context import BudgetContext
from disclosure_gen.validate.registry import rule


@rule("C009", Severity.ERROR, "功能类用途的编码不是类")
def purpose_class(ctx: BudgetContext) -> Iterator[Finding]:
    """A row of 功能类用途 must name a 3-digit function class (类) of the year's catalog;
    a 款 or 项 code there is never matched, so its text would silently go unused."""
    catalog = ctx.functions
    for p in ctx.model.purposes:
        code = p.function_class
        if len(code) != 3 or code not in catalog:
            yield get("C009").finding(
                f"“{code}”不是当年功能分类的类级编码（3 位，如 208）；请从下拉列表中选择。",
                p.sheet,
                p.cell("function_class"),
                f"第 {p.row} 行",
            )
