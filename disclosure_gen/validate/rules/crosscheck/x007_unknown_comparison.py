from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.validate.lines import LinesContext
from disclosure_gen.validate.registry import rule
from disclosure_gen.validate.rules import BOTH


@rule("X007", Severity.ERROR, "比较项目无法识别", BOTH)
def unknown_comparison(ctx: LinesContext) -> Iterator[Finding]:
    """A row of 上年对比 names an item the document never compares (or a function code that
    is not a 项 of the catalog)."""
    catalog, prefix = ctx.functions, ctx.function_comparison_prefix
    for c in ctx.comparisons():
        if c.item in ctx.fixed_comparisons:
            continue
        if c.item.startswith(prefix):
            code = c.item[len(prefix) :].strip()
            if len(code) == 7 and code in catalog:
                continue
        yield get("X007").finding(
            f"比较项目“{c.item[:40]}”无法识别；请从下拉列表中选择，功能科目写作“功能科目：2080502”。",
            c.sheet,
            c.cell("item"),
            f"第 {c.row} 行",
        )
