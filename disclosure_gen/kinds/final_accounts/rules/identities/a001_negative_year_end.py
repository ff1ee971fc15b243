from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.final_accounts.compute.balances import year_end_balances
from disclosure_gen.kinds.final_accounts.context import FinalAccountsContext
from disclosure_gen.kinds.final_accounts.schema import FISCAL_SOURCES, LINES, SOURCES
from disclosure_gen.money import ZERO, format_amount, yuan_to_wan
from disclosure_gen.validate.registry import rule

FUND_NAMES = {v: k for k, v in SOURCES.items()}


@rule("A001", Severity.ERROR, "年末结转和结余为负数", kinds=("final_accounts",))
def negative_year_end(ctx: FinalAccountsContext) -> Iterator[Finding]:
    """年末结转和结余 is computed as 年初结转和结余 + 本年收入 − 本年支出 per fund type, so
    the identity 本年收入 + 年初结转结余 = 本年支出 + 结余分配 + 年末结转结余 holds in every
    table. A negative result means expenditure exceeds what the fund had: a line has the
    wrong 资金来源, or an income or balance row is missing.  The finding points at the 项
    whose own balance is the most negative (its largest line): that is where the money is
    missing, rather than at whichever line of the fund comes first."""
    facts = ctx.computed.facts
    for fund in FISCAL_SOURCES:
        carry_in, income, spend, carry_out = facts.fiscal_by_fund[fund]
        if carry_out < ZERO:
            worst = _most_negative_item(ctx, fund)
            lines = [x for x in ctx.model.lines if x.source == fund]
            if worst is not None:
                lines = [x for x in lines if x.function == worst[0]] or lines
            line = max(lines, key=lambda x: x.actual, default=None)
            where = (
                f"其中功能科目 {worst[0]} 的支出比它的年初结转和收入多 {format_amount(yuan_to_wan(-worst[1]))} 万元；"
                if worst
                else ""
            )
            yield get("A001").finding(
                f"{FUND_NAMES[fund]}：年初结转和结余 {carry_in:,.2f} 万元 + 本年收入 {income:,.2f} 万元，"
                f"少于本年支出 {spend:,.2f} 万元，年末结转和结余为 {carry_out:,.2f} 万元；{where}"
                "请核对“决算明细”的资金来源，或补填“收入决算”“结转结余”。",
                LINES.name,
                line.cell("actual") if line else None,
                FUND_NAMES[fund],
            )


def _most_negative_item(ctx: FinalAccountsContext, fund: str) -> tuple[str, Decimal] | None:
    """The 功能科目 of ``fund`` with the most negative 年末 balance (元), if any is negative."""
    balances = [(k[1], v) for k, v in year_end_balances(ctx.model).items() if k[0] == fund]
    worst = min(balances, key=lambda kv: (kv[1], kv[0]), default=None)
    return worst if worst is not None and worst[1] < ZERO else None
