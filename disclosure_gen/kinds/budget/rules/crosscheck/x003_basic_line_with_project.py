from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.budget.context import BudgetContext
from disclosure_gen.kinds.budget.rules.common import row_key
from disclosure_gen.validate.registry import rule


@rule("X003", Severity.WARNING, "基本支出填写了项目名称")
def basic_line_with_project(ctx: BudgetContext) -> Iterator[Finding]:
    """A basic (人员经费/公用经费) line names a project; the name is ignored."""
    for line in ctx.model.lines:
        if line.kind != "project" and line.project:
            yield get("X003").finding(
                f"基本支出行填写了项目名称“{line.project}”，该名称不会使用；如属项目支出请把支出类型改为“项目支出”。",
                line.sheet,
                line.cell("project"),
                row_key(line),
            )
