"""Prior-year amounts on 上年对比 typed in 万元 (P009 error, P010 warning)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from disclosure_gen.compute.figures import Figure
from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.budget.context import BudgetContext
from disclosure_gen.kinds.budget.rules.common import (
    COMPARISON_SHEET,
    comparison,
    stated_changes,
)
from disclosure_gen.money import TEN_THOUSAND, ZERO, format_amount
from disclosure_gen.validate.lines import magnitude
from disclosure_gen.validate.registry import rule

RATIO = Decimal(1000)  # this year 1,000 times last year (a rise of 99,900%) is not a budget
NEAR = Decimal(10)  # the prior amount read as 万元 is within 10× of this year's


def suspects(ctx: BudgetContext) -> Iterator[tuple[str, Figure, Decimal, bool]]:
    """(item, figure, prior in 元, whether read as 万元 it is close to this year's) for every
    stated change whose current amount is at least 1,000 times the prior one."""
    for item, figure in stated_changes(ctx):
        change = figure.change
        row = comparison(ctx.model, item)
        if change is None or row is None or row.prior is None or row.prior <= 0:
            continue
        current = change.current
        if current <= ZERO or (change.prior > ZERO and current < RATIO * change.prior):
            continue
        as_wan = row.prior  # the number typed, read as 万元
        near = current / NEAR <= as_wan <= current * NEAR
        yield item, figure, row.prior, near


def _rate(figure: Figure) -> str:
    assert figure.change is not None
    return f"{figure.change.rate:,.2f}%"


@rule("P009", Severity.ERROR, "上年预算数按万元填写")
def prior_in_wan(ctx: BudgetContext) -> Iterator[Finding]:
    """A prior-year amount on 上年对比 is at most 1/1,000 of this year's figure, and read as
    万元 it is close to this year's: it was typed in 万元 into a 元 cell, and the document
    would print a rise of tens of thousands of percent (“增长649,900.00%”). This blocks
    generation; `--amounts-checked` accepts it as typed (V002)."""
    for item, figure, prior, near in suspects(ctx):
        if not near:
            continue
        row = comparison(ctx.model, item)
        assert row is not None
        yield magnitude(
            ctx.settings,
            "P009",
            f"“{item}”上年预算数填的是 {prior:,} 元，本年为 {format_amount(figure.amount)} 万元，"
            f"公开文件会写“增长{_rate(figure)}”；这是按万元填写的。请以元填写（{prior:,} 万元应填 "
            f"{prior * TEN_THOUSAND:,.2f} 元）。",
            COMPARISON_SHEET,
            row.cell("prior"),
            item,
        )


@rule("P010", Severity.WARNING, "上年预算数远小于本年")
def prior_much_smaller(ctx: BudgetContext) -> Iterator[Finding]:
    """This year's figure is at least 1,000 times its prior-year amount, though the prior
    amount read as 万元 does not match it either: the document would print a rise of
    99,900% or more. Check the prior-year amount (in 元) and the lines behind the figure."""
    for item, figure, prior, near in suspects(ctx):
        if near:
            continue
        row = comparison(ctx.model, item)
        assert row is not None
        yield get("P010").finding(
            f"“{item}”上年预算数 {prior:,} 元，本年 {format_amount(figure.amount)} 万元，公开文件会写"
            f"“增长{_rate(figure)}”；请核对上年预算数是否以元填写、本年明细是否多填。",
            COMPARISON_SHEET,
            row.cell("prior"),
            item,
        )
