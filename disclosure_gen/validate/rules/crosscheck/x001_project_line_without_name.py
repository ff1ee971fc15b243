from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.validate.lines import PROJECT, LinesContext, row_key
from disclosure_gen.validate.registry import rule
from disclosure_gen.validate.rules import BOTH


@rule("X001", Severity.ERROR, "项目支出缺少项目名称", BOTH)
def project_line_without_name(ctx: LinesContext) -> Iterator[Finding]:
    """A 项目支出 line has no 项目名称; every project line must name its project."""
    for line in ctx.coded_lines():
        if line.kind == PROJECT and not line.project:
            yield get("X001").finding(
                f"支出类型为“项目支出”时必须填写项目名称；请填写与“{ctx.project_sheet}”表一致的项目名称。",
                line.sheet,
                line.cell("project"),
                row_key(line),
            )
