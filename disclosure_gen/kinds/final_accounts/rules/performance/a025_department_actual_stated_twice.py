from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.final_accounts.context import FinalAccountsContext
from disclosure_gen.validate.registry import rule


@rule("A025", Severity.ERROR, "整体自评全年执行数与本年支出合计不符", kinds=("final_accounts",))
def department_actual_stated_twice(ctx: FinalAccountsContext) -> Iterator[Finding]:
    """The 部门整体支出绩效自评表's 全年执行数 (上级 + 本级 + 其他资金) is the year's whole
    spending, which sections 一 and 三 and tables 1 and 3 state as 本年支出合计 from the lines;
    section 十一 prints the self-evaluation's figure as 实际执行总额. If the two differ, the
    document states one figure two ways, so this is an error: correct the self-evaluation
    (or the lines), compared as the document prints them, in 万元."""
    d = ctx.computed.evaluations.department
    row = ctx.model.department_evaluation
    if d is None or row is None:
        return
    stated, spend = d.total[2], ctx.computed.facts.spend
    if stated == spend:
        return
    yield get("A025").finding(
        f"整体自评的全年执行数（上级、本级、其他资金合计）为 {stated:,.2f} 万元，而本年支出合计为 "
        f"{spend:,.2f} 万元（第二部分一、三及表1、表3）；同一个数在文件中会出现两个值。请把自评表的"
        "全年执行数改为与“决算明细”一致，或核对“决算明细”的决算数。",
        row.sheet,
        row.cell("own_actual"),
        "全年执行数",
    )
