from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.final_accounts.context import FinalAccountsContext
from disclosure_gen.kinds.final_accounts.schema import FISCAL_SOURCES, LINES, SOURCES
from disclosure_gen.money import ZERO
from disclosure_gen.validate.registry import rule

FUND_NAMES = {v: k for k, v in SOURCES.items()}


@rule("A001", Severity.ERROR, "年末结转和结余为负数", kinds=("final_accounts",))
def negative_year_end(ctx: FinalAccountsContext) -> Iterator[Finding]:
    """年末结转和结余 is computed as 年初结转和结余 + 本年收入 − 本年支出 per fund type, so
    the identity 本年收入 + 年初结转结余 = 本年支出 + 结余分配 + 年末结转结余 holds in every
    table. A negative result means expenditure exceeds what the fund had: a line has the
    wrong 资金来源, or an income or balance row is missing."""
    facts = ctx.computed.facts
    for fund in FISCAL_SOURCES:
        carry_in, income, spend, carry_out = facts.fiscal_by_fund[fund]
        if carry_out < ZERO:
            line = next((x for x in ctx.model.lines if x.source == fund), None)
            yield get("A001").finding(
                f"{FUND_NAMES[fund]}：年初结转和结余 {carry_in:,.2f} 万元 + 本年收入 {income:,.2f} 万元，"
                f"少于本年支出 {spend:,.2f} 万元，年末结转和结余为 {carry_out:,.2f} 万元；"
                "请核对“决算明细”的资金来源，或补填“收入决算”“结转结余”。",
                LINES.name,
                line.cell("actual") if line else None,
                FUND_NAMES[fund],
            )
