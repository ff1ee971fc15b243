from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.final_accounts.context import FinalAccountsContext
from disclosure_gen.validate.registry import rule


@rule("A014", Severity.WARNING, "得分低于分值但未说明偏差原因", kinds=("final_accounts",))
def score_below_weight_unexplained(ctx: FinalAccountsContext) -> Iterator[Finding]:
    """An indicator scored below its 分值 needs its 偏差原因分析及改进措施: the 自评表 prints
    the lost points, and reviewers ask why the target was missed and what will change."""
    m = ctx.model
    for ind in (*m.department_indicators, *m.project_indicators):
        if ind.score < ind.weight and not (ind.deviation or "").strip():
            yield get("A014").finding(
                f"“{ind.sheet}”第 {ind.row} 行指标“{ind.level3}”得分 {ind.score} 低于分值 {ind.weight}，"
                "但没有填写偏差原因；请在“偏差原因分析及改进措施”中说明原因和改进措施。",
                ind.sheet,
                ind.cell("deviation") or ind.cell("score"),
            )
