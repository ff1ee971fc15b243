from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.budget.context import BudgetContext
from disclosure_gen.kinds.budget.schema import FIXED_COMPARISONS, FUNCTION_COMPARISON_PREFIX
from disclosure_gen.validate.registry import rule


@rule("X007", Severity.ERROR, "比较项目无法识别")
def unknown_comparison(ctx: BudgetContext) -> Iterator[Finding]:
    """A row of 上年对比 names an item the document never compares (or a function code that
    is not a 项 of the catalog)."""
    catalog = ctx.functions
    for c in ctx.model.comparisons:
        if c.item in FIXED_COMPARISONS:
            continue
        if c.item.startswith(FUNCTION_COMPARISON_PREFIX):
            code = c.item[len(FUNCTION_COMPARISON_PREFIX) :].strip()
            if len(code) == 7 and code in catalog:
                continue
        yield get("X007").finding(
            f"比较项目“{c.item[:40]}”无法识别；请从下拉列表中选择，功能科目写作“功能科目：2080502”。",
            c.sheet,
            c.cell("item"),
            f"第 {c.row} 行",
        )
