from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.budget.context import BudgetContext
from disclosure_gen.kinds.budget.rules.common import did_you_mean
from disclosure_gen.validate.registry import rule


@rule("X012", Severity.WARNING, "项目没有预算金额")
def project_without_money(ctx: BudgetContext) -> Iterator[Finding]:
    """A project described on 项目信息 has no line on 支出明细, so no table or sentence
    mentions it; a misspelt name on either sheet is the usual cause."""
    named = {line.project for line in ctx.model.lines if line.kind == "project" and line.project}
    described = {p.name for p in ctx.model.projects}
    for project in ctx.model.projects:
        if project.name not in named:
            yield get("X012").finding(
                f"项目“{project.name}”在“支出明细”中没有金额，不会出现在公开文件中；"
                f"{did_you_mean(project.name, named - described)}请核对两表中的项目名称是否一致。",
                project.sheet,
                project.cell("name"),
                project.name,
            )
