from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.final_accounts.context import FinalAccountsContext
from disclosure_gen.validate.registry import rule


@rule("A004", Severity.WARNING, "执行率超过 100% 且未说明原因", kinds=("final_accounts",))
def execution_above_100(ctx: FinalAccountsContext) -> Iterator[Finding]:
    """A project's 全年执行数 above its 全年预算数 (执行率 > 100%) needs its reason in 执行偏差原因:
    mid-year additions belong in the 全年预算数."""
    for p in ctx.model.project_evaluations:
        budget = p.fiscal_full_budget + p.other_full_budget
        actual = p.fiscal_actual + p.other_actual
        if actual > budget and not (p.deviation or "").strip():
            yield get("A004").finding(
                f"项目“{p.name}”全年执行数超过全年预算数（执行率超过 100%）；请在“执行偏差原因”中说明，或核对全年预算数是否含年中追加。",
                p.sheet,
                p.cell("deviation") or p.cell("fiscal_actual"),
            )
