"""Helpers shared by several rules."""

from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.compute.figures import Figure
from disclosure_gen.findings import Finding, get
from disclosure_gen.kinds.budget.compute.sources import INCOME_GROUPS
from disclosure_gen.kinds.budget.context import BudgetContext
from disclosure_gen.kinds.budget.model import Comparison, Disclosure
from disclosure_gen.kinds.budget.schema import COMPARISONS, FUNCTION_COMPARISON_PREFIX, PENDING
from disclosure_gen.validate.lines import did_you_mean, fold, nearest, row_key

COMPARISON_SHEET = COMPARISONS.name
__all__ = [
    "COMPARISON_SHEET",
    "at_comparison",
    "comparison",
    "confirmed_reasons",
    "did_you_mean",
    "fold",
    "nearest",
    "row_key",
    "stated_changes",
]


def stated_changes(ctx: BudgetContext) -> Iterator[tuple[str, Figure]]:
    """(comparison item, figure) for every figure whose change the document states."""
    facts = ctx.computed.facts
    for (_, _, item, _), figure in zip(INCOME_GROUPS, facts.income, strict=True):
        if figure.amount or figure.change is not None:  # “0.00万元 … 下降100.00%” is stated too
            yield item, figure
    yield "支出：基本支出", facts.basic
    yield "支出：项目支出", facts.project
    yield "一般公共预算：基本支出", facts.general_basic
    yield "一般公共预算：项目支出", facts.general_project
    for function_item in facts.general_items:
        yield FUNCTION_COMPARISON_PREFIX + function_item.code, function_item.figure
    for figure in facts.three_public_items:
        yield f"三公：{figure.name}", figure
    yield "运行经费", facts.running_costs


def confirmed_reasons(ctx: BudgetContext) -> Iterator[tuple[str, Figure]]:
    """``stated_changes`` less the figures whose reason is a 待确认 proposal (carried from last
    year by next-year, or joined by consolidate): N009 already asks for each to be read and
    rewritten, so the rules that judge a reason's content wait until it is confirmed."""
    pending = {c.item for c in ctx.model.comparisons if c.status == PENDING and c.prior is not None}
    for item, figure in stated_changes(ctx):
        if item not in pending:
            yield item, figure


def at_comparison(ctx: BudgetContext, code: str, item: str, column: str, message: str) -> Finding:
    """A finding located on the 上年对比 row of ``item`` (its ``column`` cell if the row exists)."""
    row = comparison(ctx.model, item)
    return get(code).finding(message, COMPARISON_SHEET, row.cell(column) if row else None, item)


def comparison(model: Disclosure, item: str) -> Comparison | None:
    """The row of 上年对比 that gives this item's prior-year amount (or names it at all)."""
    rows = [c for c in model.comparisons if c.item == item]
    return next((c for c in rows if c.prior is not None), rows[0] if rows else None)
