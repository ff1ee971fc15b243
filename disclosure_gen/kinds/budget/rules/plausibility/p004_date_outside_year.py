from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.budget.context import BudgetContext
from disclosure_gen.validate.registry import rule


@rule("P004", Severity.WARNING, "公开日期不在预算年度内")
def date_outside_year(ctx: BudgetContext) -> Iterator[Finding]:
    """A budget disclosure is published shortly after the budget is approved: between
    October of the year before and the end of the budget year. A date outside that window
    is usually last year's date left in the workbook."""
    profile = ctx.model.profile
    earliest, latest = dt.date(profile.year - 1, 10, 1), dt.date(profile.year, 12, 31)
    if not earliest <= profile.publish_date <= latest:
        yield get("P004").finding(
            f"公开日期 {profile.publish_date:%Y-%m-%d} 不在 {profile.year} 年预算公开的合理时间内"
            f"（{earliest:%Y-%m-%d} 至 {latest:%Y-%m-%d}）；请核对年度或日期。",
            profile.sheet,
            profile.cell("publish_date"),
        )
