"""Single expenditure lines typed in 万元 among lines typed in 元 (P007 error, P008 warning)."""

from __future__ import annotations

import statistics
from collections.abc import Iterator
from decimal import Decimal

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.money import ZERO, yuan_to_wan
from disclosure_gen.validate.lines import AmountCell, LinesContext, magnitude, row_key
from disclosure_gen.validate.registry import rule
from disclosure_gen.validate.rules import BOTH
from disclosure_gen.validate.rules.plausibility.p001_wan_entered_as_yuan import (
    SMALL_LINE,
    most_lines_small,
    positive,
)

CLEAR_RATIO = Decimal(5000)  # the typical line is this many times larger: plainly 万元
# … or 1,000 times larger and the amount has 角/分, as 万元 figures do (56.92 for 569,200)
FRACTION_RATIO = Decimal(1000)
SUSPECT_RATIO = Decimal(500)
MIN_LINES = 4  # fewer lines say nothing about what a typical line is


def tiny_lines(ctx: LinesContext) -> Iterator[tuple[AmountCell, Decimal | None]]:
    """(line, how many times the median line of its column is larger) for every line below
    1,000 元 among lines in 元, column by column; the ratio is None for a line that rounds
    to 0.00 万元."""
    for column in ctx.magnitude_columns():
        lines = positive(column)
        if len(lines) < MIN_LINES or most_lines_small(column):
            continue  # P001 speaks for the whole column
        median = Decimal(statistics.median(line.amount for line in lines))
        for line in lines:
            if line.amount >= SMALL_LINE:
                continue
            if yuan_to_wan(line.amount) == ZERO:
                yield line, None
            else:
                yield line, (median / line.amount).quantize(Decimal(1))


def clear(amount: Decimal, ratio: Decimal) -> bool:
    return ratio >= CLEAR_RATIO or (
        ratio >= FRACTION_RATIO and amount != amount.to_integral_value()
    )


def _hint(line: AmountCell) -> str:
    return f"如 {line.amount:,} 万元应填 {line.amount * 10000:,.2f} 元"


@rule("P007", Severity.ERROR, "个别支出明细按万元填写", BOTH)
def line_in_wan(ctx: LinesContext) -> Iterator[Finding]:
    """One expenditure line among lines in 元 is so small that it was typed in 万元: below
    50 元 it rounds to 0.00 万元 and vanishes from every table, or the typical (median)
    line is 5,000 times larger (1,000 times when the amount has 角/分, as 56.92 typed for
    569,200 has). The evidence is clear, so this blocks generation; `--amounts-checked`
    accepts it as typed (V002)."""
    for line, ratio in tiny_lines(ctx):
        if ratio is None:
            what = f"金额 {line.amount} 元折合 0.00 万元，公开文件的各表中不会出现这一笔"
        elif clear(line.amount, ratio):
            what = f"金额 {line.amount:,} 元，只有一般明细（中位数）的约 1/{ratio:,}"
        else:
            continue
        yield magnitude(
            ctx.settings,
            "P007",
            f"{what}，疑似按万元填写；请以元填写（{_hint(line)}）。如确为 {line.amount} 元，"
            "请用 --amounts-checked 确认后再生成。",
            line.line.sheet,
            line.line.cell(line.field),
            row_key(line.line),
        )


@rule("P008", Severity.WARNING, "支出明细金额远小于其他明细", BOTH)
def line_much_smaller(ctx: LinesContext) -> Iterator[Finding]:
    """A line below 1,000 元 while the typical (median) line is more than 500 times larger
    (and P007 does not apply): often a figure typed in 万元, sometimes a genuine small
    amount (the seed-001 department's 公务接待费 of 800 元 is 1/211 of its median line)."""
    for line, ratio in tiny_lines(ctx):
        if ratio is not None and ratio >= SUSPECT_RATIO and not clear(line.amount, ratio):
            yield get("P008").finding(
                f"金额 {line.amount:,} 元，只有一般明细（中位数）的约 1/{ratio:,}；如是按万元填写，"
                f"请改为元（{_hint(line)}），否则请核对无误。",
                line.line.sheet,
                line.line.cell(line.field),
                row_key(line.line),
            )
