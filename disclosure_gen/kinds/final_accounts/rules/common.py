"""Helpers of the final-accounts rules: the figures the document compares, and their rows
on 上年对比."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from disclosure_gen.findings import Finding, get
from disclosure_gen.kinds.final_accounts.compute import leaves as lv
from disclosure_gen.kinds.final_accounts.compute.facts import Stated
from disclosure_gen.kinds.final_accounts.context import FinalAccountsContext
from disclosure_gen.kinds.final_accounts.model import ActualLine, Comparison, FinalAccounts
from disclosure_gen.kinds.final_accounts.schema import (
    COMPARISONS,
    FISCAL_SOURCES,
    FUNCTION_COMPARISON_PREFIX,
)
from disclosure_gen.money import ZERO

COMPARISON_SHEET = COMPARISONS.name
GENERAL = "一般公共预算财政拨款支出"
THREE_TOTAL = "三公：合计"
CAR = "三公：公务用车购置及运行维护费"
THREE_ITEMS = {
    lv.ABROAD: "三公：因公出国（境）费",
    lv.CAR_PURCHASE: "三公：公务用车购置费",
    lv.CAR_RUNNING: "三公：公务用车运行维护费",
    lv.RECEPTION: "三公：公务接待费",
}


@dataclass(frozen=True)
class Compared:
    """A figure the document sets against last year's actual (and perhaps the budget).

    ``computed`` rows take their prior from their parts; ``printed`` says whether the
    document prints the change itself (the two car items only feed their sum);
    ``versus_budget`` whether it prints 预决算差异率 with a reason.
    """

    item: str
    figure: Stated
    computed: bool = False
    printed: bool = True
    versus_budget: bool = False


def compared(ctx: FinalAccountsContext) -> Iterator[Compared]:
    """Every figure the 决算情况说明 compares with last year, as content.j2 prints them."""
    f = ctx.computed.facts
    yield Compared("收支总计", f.overall)
    yield Compared("财政拨款收支总计", f.fiscal, versus_budget=True)
    yield Compared(GENERAL, f.general, computed=True, versus_budget=True)
    for item in f.general_items:
        yield Compared(FUNCTION_COMPARISON_PREFIX + item.code, item.figure)
    for fund, name in (
        (f.fund, "政府性基金预算财政拨款收支总计"),
        (f.capital, "国有资本经营预算财政拨款收支总计"),
    ):
        if not fund.empty:
            yield Compared(name, fund.figure, versus_budget=True)
    tp, ti = f.three_public, f.three_public_items
    if tp.amount or tp.change is not None:
        yield Compared(THREE_TOTAL, tp, computed=True, versus_budget=True)
        yield Compared(THREE_ITEMS[lv.ABROAD], ti[lv.ABROAD], versus_budget=True)
        yield Compared(CAR, ti["car"], computed=True)
        for key in (lv.CAR_PURCHASE, lv.CAR_RUNNING):
            yield Compared(THREE_ITEMS[key], ti[key], printed=False, versus_budget=True)
        yield Compared(THREE_ITEMS[lv.RECEPTION], ti[lv.RECEPTION], versus_budget=True)
    if f.has_administrative:
        yield Compared("机关运行经费", f.running_costs)
    if f.has_institution:
        yield Compared("事业单位公用经费", f.institution_operating)


def comparison(model: FinalAccounts, item: str) -> Comparison | None:
    """The row of 上年对比 that gives this item's prior (or names it at all)."""
    rows = [c for c in model.comparisons if c.item == item]
    return next((c for c in rows if c.prior is not None), rows[0] if rows else None)


def at_comparison(
    ctx: FinalAccountsContext, code: str, item: str, column: str, message: str
) -> Finding:
    """A finding on the 上年对比 row of ``item`` (its ``column`` cell if the row exists)."""
    row = comparison(ctx.model, item)
    return get(code).finding(message, COMPARISON_SHEET, row.cell(column) if row else None, item)


def is_fiscal(line: ActualLine) -> bool:
    return line.source in FISCAL_SOURCES


def three_public_lines(model: FinalAccounts, key: str) -> list[ActualLine]:
    """The fiscal lines whose economic 款 makes them this 三公 item (as compute counts them)."""
    codes = lv.THREE_PUBLIC_CODES[key]
    return [line for line in model.lines if is_fiscal(line) and line.economic in codes]


def yuan(values: Iterator[Decimal] | list[Decimal]) -> Decimal:
    return sum(values, ZERO)


def shown(amount: Decimal) -> str:
    """An amount in 元 as a message prints it: thousands separators, no trailing zeros."""
    return f"{amount.normalize():,f}" if amount == amount.to_integral_value() else f"{amount:,}"
