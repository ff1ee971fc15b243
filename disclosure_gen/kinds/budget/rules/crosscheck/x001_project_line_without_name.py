from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.budget.context import BudgetContext
from disclosure_gen.kinds.budget.rules.common import row_key
from disclosure_gen.validate.registry import rule


@rule("X001", Severity.ERROR, "项目支出缺少项目名称")
def project_line_without_name(ctx: BudgetContext) -> Iterator[Finding]:
    """A 项目支出 line has no 项目名称; every project line must name its project."""
    for line in ctx.model.lines:
        if line.kind == "project" and not line.project:
            yield get("X001").finding(
                "支出类型为“项目支出”时必须填写项目名称；请填写与“项目信息”表一致的项目名称。",
                line.sheet,
                line.cell("project"),
                row_key(line),
            )
