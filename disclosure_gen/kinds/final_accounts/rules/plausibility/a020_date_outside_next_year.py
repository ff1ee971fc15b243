from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.final_accounts.context import FinalAccountsContext
from disclosure_gen.validate.registry import rule


@rule("A020", Severity.WARNING, "公开日期不在决算年度的次年", kinds=("final_accounts",))
def date_outside_next_year(ctx: FinalAccountsContext) -> Iterator[Finding]:
    """A final-accounts disclosure is published after the year closes and its 决算 is
    approved, within the following year (2024 年决算 in 2025). A date outside that year is
    usually last year's date left in the workbook, or the 年度 is wrong."""
    profile = ctx.model.profile
    date = profile.publish_date
    if date is not None and date.year != profile.year + 1:
        yield get("A020").finding(
            f"公开日期 {date:%Y-%m-%d} 不在 {profile.year} 年决算公开的合理时间内"
            f"（{profile.year + 1} 年内）；请核对年度或日期。",
            profile.sheet,
            profile.cell("publish_date"),
        )
