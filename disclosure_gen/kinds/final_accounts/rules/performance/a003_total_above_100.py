from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.final_accounts.context import FinalAccountsContext
from disclosure_gen.validate.registry import rule

HUNDRED = 100


@rule("A003", Severity.ERROR, "自评表分值合计超过 100", kinds=("final_accounts",))
def total_above_100(ctx: FinalAccountsContext) -> Iterator[Finding]:
    """The 分值 of one 自评表 (执行率分值 + every indicator's 分值) add up to at most 100; the
    printed 总分 is computed from them, so a larger sum prints a total above 100."""
    evaluations = ctx.computed.evaluations
    rows = {p.name: p for p in ctx.model.project_evaluations}
    for e in evaluations.projects:
        if e.weight > HUNDRED:
            row = rows[e.name]
            yield get("A003").finding(
                f"项目“{e.name}”的执行率分值与各指标分值合计为 {e.weight}，超过 100；请调整“项目自评指标”的分值。",
                row.sheet,
                row.cell("rate_weight"),
            )
    d = evaluations.department
    if d is not None and d.weight > HUNDRED and ctx.model.department_evaluation is not None:
        yield get("A003").finding(
            f"部门整体自评的执行率分值与各指标分值合计为 {d.weight}，超过 100；请调整“整体自评指标”的分值权重。",
            ctx.model.department_evaluation.sheet,
            ctx.model.department_evaluation.cell("rate_weight"),
        )
