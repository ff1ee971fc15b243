from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.catalogs import catalog_year_for
from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.budget.context import BudgetContext
from disclosure_gen.validate.registry import rule


@rule("C008", Severity.WARNING, "没有当年的科目目录")
def catalog_year(ctx: BudgetContext) -> Iterator[Finding]:
    """The tool ships no function classification for the budget year, so the nearest
    earlier year's is used (classes and names may have changed). Check the class rows of
    表1 and 表4 and add new codes on sheet 补充科目."""
    year = ctx.model.profile.year
    used = catalog_year_for(year)
    if used != year:
        p = ctx.model.profile
        yield get("C008").finding(
            f"工具没有 {year} 年的功能分类科目目录，暂按 {used} 年目录处理；请核对表1、表4 的类级科目，"
            "当年新增的科目请在“补充科目”表中补充。",
            p.sheet,
            p.cell("year"),
        )
