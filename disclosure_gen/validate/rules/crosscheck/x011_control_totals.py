from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.money import TEN_THOUSAND
from disclosure_gen.validate.controls import ControlTotal
from disclosure_gen.validate.lines import AmountCell, LinesContext
from disclosure_gen.validate.registry import rule
from disclosure_gen.validate.rules import BOTH

HALF_CENT_WAN = Decimal(50)  # 元: the most a line moves when it is printed as 0.01 万元


def _yuan(value: Decimal) -> str:
    return f"{value:,.2f} 元"


def suspects(cells: list[AmountCell], total: ControlTotal, difference: Decimal) -> list[str]:
    """Lines that most likely explain a gap of ``difference`` (typed − detail, in 元): a
    line equal to the gap (doubled, or counted under another heading), or one typed 10,000
    times too small (万元 in a 元 cell)."""
    where = total.scope
    if where is None or difference == 0:
        return []
    gap = abs(difference)
    out = []
    for cell in cells:
        if cell.amount <= 0:
            continue
        mine = where(cell.line)
        at = f"第 {cell.line.row} 行（{_yuan(cell.amount)}）"
        if cell.amount == gap and mine and difference < 0:
            out.append(f"{at}正好等于多出的金额，是否重复录入或不该计入")
        elif cell.amount == gap and not mine and difference > 0:
            out.append(f"{at}正好等于差额但未计入“{total.label}”，是否资金来源或支出类型选错")
        elif (
            mine
            and difference > 0
            and abs(cell.amount * TEN_THOUSAND - cell.amount - gap) < HALF_CENT_WAN
        ):
            out.append(f"{at}按元计算只有应有的万分之一，是否按万元填写")
    return out[:3]


@rule("X011", Severity.ERROR, "核对数与明细不符", BOTH)
def control_totals(ctx: LinesContext) -> Iterator[Finding]:
    """A control total typed on sheet 核对数 (copied from the budget or 决算 system) differs
    from the sum of the detail it controls: a line is missing, doubled or mistyped. Totals
    are compared in 元, exactly; 实有人数 is 在职 + 退休 + 离休. The message prints both
    totals with thousands separators, says when the gap is within the rounding of figures
    printed in 万元 (a control total converted back from a printed table), and names the
    line most likely at fault: one whose amount equals the gap, or one 10,000 times too
    small."""
    cells = list(ctx.amount_cells())
    for total in ctx.control_totals():
        typed, derived, label = total.typed, total.derived, total.label
        if typed is None or typed == derived:
            continue
        difference = typed - derived
        if total.people:
            message = (
                f"核对数“{label}”为 {typed} 人，“基本信息”的在职 + 退休 + 离休为 {derived} 人，"
                f"相差 {difference} 人；请核对人数。"
            )
        else:
            scope = total.scope
            count = sum(1 for c in cells if scope and scope(c.line) and c.amount > 0)
            hints = suspects(cells, total, difference)
            rounding = (
                f"相差不超过明细折成万元（每笔最多差 50 元，共 {count} 笔）的舍入误差：如核对数是由"
                "公开表的万元数换算的，请改填预算系统中以元计的合计；"
                if count and abs(difference) <= HALF_CENT_WAN * count
                else ""
            )
            likely = f"最可能的原因：{'；'.join(hints)}；" if hints else ""
            message = (
                f"核对数“{label}”为 {_yuan(typed)}，明细合计为 {_yuan(derived)}，"
                f"相差 {_yuan(difference)}；{rounding}{likely}"
                "请检查是否漏填、重填或填错了明细。"
            )
        yield get("X011").finding(message, total.sheet, total.cell, label)
