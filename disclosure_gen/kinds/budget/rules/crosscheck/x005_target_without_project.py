from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.budget.context import BudgetContext
from disclosure_gen.kinds.budget.rules.common import did_you_mean
from disclosure_gen.validate.registry import rule


@rule("X005", Severity.ERROR, "绩效目标的项目不存在")
def target_without_project(ctx: BudgetContext) -> Iterator[Finding]:
    """A performance target names a project that is not on sheet 项目信息 (nor a
    绩效目标表名称 that several projects share)."""
    described = {p.name for p in ctx.model.projects}
    described |= {p.target_table for p in ctx.model.projects if p.target_table}
    for t in ctx.model.targets:
        if t.project not in described:
            yield get("X005").finding(
                f"绩效目标的项目“{t.project}”不在“项目信息”表中（也不是其中的绩效目标表名称）；"
                f"{did_you_mean(t.project, described)}请核对项目名称。",
                t.sheet,
                t.cell("project"),
                t.project,
            )
