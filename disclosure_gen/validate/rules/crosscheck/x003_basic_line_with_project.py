from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.validate.context import RuleContext
from disclosure_gen.validate.findings import Finding, Severity
from disclosure_gen.validate.registry import get, rule
from disclosure_gen.validate.rules.common import row_key


@rule("X003", Severity.WARNING, "基本支出填写了项目名称")
def basic_line_with_project(ctx: RuleContext) -> Iterator[Finding]:
    """A basic (人员经费/公用经费) line names a project; the name is ignored."""
    for line in ctx.model.lines:
        if line.kind != "project" and line.project:
            yield get("X003").finding(
                f"基本支出行填写了项目名称“{line.project}”，该名称不会使用；如属项目支出请把支出类型改为“项目支出”。",
                line.sheet,
                line.cell("project"),
                row_key(line),
            )
