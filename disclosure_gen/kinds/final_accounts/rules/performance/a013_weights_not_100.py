from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.final_accounts.context import FinalAccountsContext
from disclosure_gen.validate.registry import rule

HUNDRED = 100


@rule("A013", Severity.WARNING, "自评表分值合计不足 100", kinds=("final_accounts",))
def weights_not_100(ctx: FinalAccountsContext) -> Iterator[Finding]:
    """The 分值 of one 自评表 (执行率分值 + every indicator's 分值) add up to 100; a smaller
    sum prints a 总分 out of less than 100, usually because an indicator row is missing or
    names another project. (A sum above 100 is the error A003.)"""
    rows = {p.name: p for p in ctx.model.project_evaluations}
    for e in ctx.computed.evaluations.projects:
        if e.weight < HUNDRED and e.name in rows:
            row = rows[e.name]
            yield get("A013").finding(
                f"项目“{e.name}”的执行率分值与各指标分值合计为 {e.weight}，不足 100；"
                "请核对“项目自评指标”中该项目的指标和分值（项目名称须与“项目自评”一致）。",
                row.sheet,
                row.cell("rate_weight"),
                e.name,
            )
    d = ctx.computed.evaluations.department
    evaluation = ctx.model.department_evaluation
    if d is not None and evaluation is not None and d.weight < HUNDRED:
        yield get("A013").finding(
            f"部门整体自评的执行率分值与各指标分值合计为 {d.weight}，不足 100；请核对“整体自评指标”的分值权重。",
            evaluation.sheet,
            evaluation.cell("rate_weight"),
        )
