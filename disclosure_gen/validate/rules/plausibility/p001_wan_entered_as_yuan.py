from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

from disclosure_gen.findings import Finding, Severity
from disclosure_gen.validate.lines import AmountCell, LinesContext, magnitude
from disclosure_gen.validate.registry import rule
from disclosure_gen.validate.rules import BOTH

SMALL_LINE = Decimal(1000)  # 元: a budget line this small is a 万元 figure typed as 元


def positive(column: Sequence[AmountCell]) -> list[AmountCell]:
    """The amounts of one column the magnitude rules judge, those above zero."""
    return [a for a in column if a.amount > 0]


def most_lines_small(column: Sequence[AmountCell]) -> bool:
    """Whether more than half of the lines with money are below 1,000 元 (P001)."""
    lines = positive(column)
    small = [a for a in lines if a.amount < SMALL_LINE]
    return bool(lines) and 2 * len(small) > len(lines)


@rule("P001", Severity.ERROR, "金额疑似按万元填写", BOTH)
def wan_entered_as_yuan(ctx: LinesContext) -> Iterator[Finding]:
    """Amounts are entered in 元. When most (more than half of the) expenditure lines of an
    amount column are below 1,000 元 they were almost certainly typed in 万元 (335.37
    instead of 3,353,700), which would print every figure ten thousand times too small
    (final accounts: each of 决算数, 年初预算数 and 全年预算数 on its own). This blocks
    generation; after checking, `validate/generate --amounts-checked` accepts the amounts
    as typed (V002 says so at the cell)."""
    for column in ctx.magnitude_columns():
        lines = positive(column)
        small = [a for a in lines if a.amount < SMALL_LINE]
        if not most_lines_small(column):
            continue
        first = small[0]
        yield magnitude(
            ctx.settings,
            "P001",
            f"“{first.line.sheet}”中 {len(small)}/{len(lines)} 行金额小于 1000 元（如第 {first.line.row} 行 "
            f"{first.amount:,} 元），疑似按万元填写，公开文件的每个数都会小一万倍；请以元为单位"
            f"重新填写（如 {first.amount:,} 万元填 {first.amount * 10000:,.2f}）。如金额确实以元"
            "填写，请用 --amounts-checked 确认后再生成。",
            first.line.sheet,
            first.line.cell(first.field),
        )
