from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.catalogs import economic_catalog, function_catalog
from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.validate.lines import LinesContext
from disclosure_gen.validate.registry import rule
from disclosure_gen.validate.rules import BOTH


@rule("C004", Severity.WARNING, "使用了补充科目", BOTH)
def added_codes(ctx: LinesContext) -> Iterator[Finding]:
    """A code was added on sheet 补充科目. It is used, but check that it is valid for the
    budget year: the shipped catalog does not know it."""
    functions = function_catalog(ctx.year)
    economic = economic_catalog()
    for a in ctx.additions:
        catalog = functions if a.kind == "function" else economic
        if a.code not in catalog:
            yield get("C004").finding(
                f"补充科目 {a.code} {a.name} 不在内置目录中，已按补充内容使用；请确认它是 {ctx.year} 年有效科目。",
                a.sheet,
                a.cell("code"),
                f"第 {a.row} 行",
            )
