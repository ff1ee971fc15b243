from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.validate.lines import LinesContext
from disclosure_gen.validate.registry import rule
from disclosure_gen.validate.rules import BOTH


@rule("X008", Severity.ERROR, "比较项目重复", BOTH)
def duplicate_comparison(ctx: LinesContext) -> Iterator[Finding]:
    """The same item appears twice on 上年对比 with a prior-year amount; keep one row."""
    first: dict[str, int | None] = {}
    for c in ctx.comparisons():
        if c.prior is None:
            continue
        if c.item in first:
            yield get("X008").finding(
                f"比较项目“{c.item}”已在第 {first[c.item]} 行填写；请只保留一行。",
                c.sheet,
                c.cell("item"),
                f"第 {c.row} 行",
            )
        else:
            first[c.item] = c.row
