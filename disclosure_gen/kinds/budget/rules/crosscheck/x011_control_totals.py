from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.budget.compute.sources import SOURCE_INFO
from disclosure_gen.kinds.budget.compute.tables import THREE_PUBLIC_CODES
from disclosure_gen.kinds.budget.context import BudgetContext
from disclosure_gen.kinds.budget.model import Disclosure, ExpenditureLine
from disclosure_gen.money import TEN_THOUSAND
from disclosure_gen.validate.registry import rule

THREE_PUBLIC = {code for codes in THREE_PUBLIC_CODES.values() for code in codes}
HALF_CENT_WAN = Decimal(50)  # 元: the most a line moves when it is printed as 0.01 万元
Where = Callable[[ExpenditureLine], bool]


def _scopes() -> dict[str, Where]:
    """The lines each control total adds up (procurement and headcount add up no lines)."""
    info = SOURCE_INFO
    return {
        "total": lambda line: True,
        "general_budget": lambda line: (
            info[line.source].appropriation and info[line.source].fund == "general"
        ),
        "basic": lambda line: line.kind != "project",
        "project": lambda line: line.kind == "project",
        "three_public": lambda line: (
            info[line.source].appropriation and line.economic in THREE_PUBLIC
        ),
        "carryover": lambda line: line.source.startswith("carryover"),
    }


def _derived(model: Disclosure) -> dict[str, Decimal]:
    """Each control total as derived from the detail, in 元 (exact, before rounding)."""
    derived = {
        key: sum((line.amount for line in model.lines if where(line)), Decimal(0))
        for key, where in _scopes().items()
    }
    derived["procurement"] = model.procurement.total
    derived["headcount"] = Decimal(model.profile.headcount)
    return derived


LABELS = {
    "total": "收支总预算",
    "general_budget": "一般公共预算拨款",
    "basic": "基本支出",
    "project": "项目支出",
    "three_public": "财政拨款“三公”经费",
    "carryover": "上年结转结余",
    "procurement": "政府采购预算",
    "headcount": "实有人数",
}


def _yuan(value: Decimal) -> str:
    return f"{value:,.2f} 元"


def suspects(model: Disclosure, key: str, difference: Decimal) -> list[str]:
    """Lines that most likely explain a gap of ``difference`` (typed − detail, in 元): a
    line equal to the gap (doubled, or counted under another heading), or one typed 10,000
    times too small (万元 in a 元 cell)."""
    where = _scopes().get(key)
    if where is None or difference == 0:
        return []
    gap = abs(difference)
    out = []
    for line in model.lines:
        if line.amount <= 0:
            continue
        mine = where(line)
        at = f"第 {line.row} 行（{_yuan(line.amount)}）"
        if line.amount == gap and mine and difference < 0:
            out.append(f"{at}正好等于多出的金额，是否重复录入或不该计入")
        elif line.amount == gap and not mine and difference > 0:
            out.append(f"{at}正好等于差额但未计入“{LABELS[key]}”，是否资金来源或支出类型选错")
        elif (
            mine
            and difference > 0
            and abs(line.amount * TEN_THOUSAND - line.amount - gap) < HALF_CENT_WAN
        ):
            out.append(f"{at}按元计算只有应有的万分之一，是否按万元填写")
    return out[:3]


@rule("X011", Severity.ERROR, "核对数与明细不符")
def control_totals(ctx: BudgetContext) -> Iterator[Finding]:
    """A control total typed on sheet 核对数 (copied from the budget system) differs from the
    sum of the detail it controls: a line is missing, doubled or mistyped. Totals are
    compared in 元, exactly; 实有人数 is 在职 + 退休 + 离休. The message prints both totals
    with thousands separators, says when the gap is within the rounding of figures printed
    in 万元 (a control total converted back from a printed table), and names the line most
    likely at fault: one whose amount equals the gap, or one 10,000 times too small."""
    controls = ctx.model.controls
    if controls is None:
        return
    derived = _derived(ctx.model)
    for key, label in LABELS.items():
        typed = getattr(controls, key)
        if typed is None or Decimal(typed) == derived[key]:
            continue
        difference = Decimal(typed) - derived[key]
        if key == "headcount":
            message = (
                f"核对数“{label}”为 {typed} 人，“基本信息”的在职 + 退休 + 离休为 {derived[key]} 人，"
                f"相差 {difference} 人；请核对人数。"
            )
        else:
            scope = _scopes().get(key)
            count = sum(1 for line in ctx.model.lines if scope and scope(line) and line.amount > 0)
            hints = suspects(ctx.model, key, difference)
            rounding = (
                f"相差不超过明细折成万元（每笔最多差 50 元，共 {count} 笔）的舍入误差：如核对数是由"
                "公开表的万元数换算的，请改填预算系统中以元计的合计；"
                if count and abs(difference) <= HALF_CENT_WAN * count
                else ""
            )
            likely = f"最可能的原因：{'；'.join(hints)}；" if hints else ""
            message = (
                f"核对数“{label}”为 {_yuan(Decimal(typed))}，明细合计为 {_yuan(derived[key])}，"
                f"相差 {_yuan(difference)}；{rounding}{likely}"
                "请检查是否漏填、重填或填错了明细。"
            )
        yield get("X011").finding(message, controls.sheet, controls.cell(key), label)
