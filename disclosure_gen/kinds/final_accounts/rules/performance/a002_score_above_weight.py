from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.final_accounts.context import FinalAccountsContext
from disclosure_gen.validate.registry import rule


@rule("A002", Severity.ERROR, "自评得分超过分值", kinds=("final_accounts",))
def score_above_weight(ctx: FinalAccountsContext) -> Iterator[Finding]:
    """An indicator's 得分 cannot exceed its 分值, nor the 执行率得分 its 执行率分值: the
    total score of a 自评表 is computed from them and must stay within 100."""
    m = ctx.model
    for ind in (*m.department_indicators, *m.project_indicators):
        if ind.score > ind.weight:
            yield get("A002").finding(
                f"“{ind.sheet}”第 {ind.row} 行指标“{ind.level3}”得分 {ind.score} 超过分值 {ind.weight}；请改为不超过分值的得分。",
                ind.sheet,
                ind.cell("score"),
            )
    for p in m.project_evaluations:
        if p.rate_score > p.rate_weight:
            yield get("A002").finding(
                f"“{p.sheet}”第 {p.row} 行项目“{p.name}”执行率得分 {p.rate_score} 超过执行率分值 {p.rate_weight}；请改正。",
                p.sheet,
                p.cell("rate_score"),
            )
    d = m.department_evaluation
    if d is not None and d.rate_score > d.rate_weight:
        yield get("A002").finding(
            f"“整体自评”执行率得分 {d.rate_score} 超过执行率分值 {d.rate_weight}；请改正。",
            d.sheet,
            d.cell("rate_score"),
        )
