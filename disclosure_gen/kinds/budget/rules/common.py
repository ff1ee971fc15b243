"""Helpers shared by several rules."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable, Iterator

from disclosure_gen.compute.figures import Figure
from disclosure_gen.findings import Finding, get
from disclosure_gen.kinds.budget.compute.sources import INCOME_GROUPS
from disclosure_gen.kinds.budget.context import BudgetContext
from disclosure_gen.kinds.budget.model import Comparison, Disclosure, ExpenditureLine
from disclosure_gen.kinds.budget.schema import COMPARISONS, FUNCTION_COMPARISON_PREFIX, PENDING
from disclosure_gen.validate.run import AMOUNTS_CHECKED

COMPARISON_SHEET = COMPARISONS.name


def row_key(line: ExpenditureLine) -> str:
    return f"第 {line.row} 行"


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


def magnitude(
    ctx: BudgetContext,
    code: str,
    message: str,
    sheet: str,
    cell: str | None,
    key: str | None = None,
) -> Finding:
    """A magnitude error (万元 typed into a 元 cell) at its cell; under ``--amounts-checked``
    the same words as a note (V002), so the user's confirmation is shown where it applies."""
    if not ctx.settings.amounts_checked:
        return get(code).finding(message, sheet, cell, key)
    return AMOUNTS_CHECKED.finding(
        f"{code} {get(code).title}：{message}（已用 --amounts-checked 确认按所填数字生成；"
        "请再核对一次。）",
        sheet,
        cell,
        key,
    )


def fold(text: str) -> str:
    """A name as compared: NFKC (full-width → half-width) without any spaces."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def nearest(name: str, names: Iterable[str]) -> str | None:
    """The existing name ``name`` was most likely meant to be (difflib), if any is close."""
    candidates = sorted(set(names))
    same = [c for c in candidates if fold(c) == fold(name)]
    if same:
        return same[0]
    folded = {fold(c): c for c in candidates}
    match = difflib.get_close_matches(fold(name), list(folded), n=1, cutoff=0.6)
    return folded[match[0]] if match else None


def did_you_mean(name: str, names: Iterable[str]) -> str:
    """“是否应为“…”？” naming the nearest existing name, or nothing."""
    match = nearest(name, names)
    if match is None:
        return ""
    if fold(match) == fold(name):
        return f"与“{match}”只差全角/半角或空格，是否应为“{match}”？"
    return f"最接近的是“{match}”，是否应为它？"
