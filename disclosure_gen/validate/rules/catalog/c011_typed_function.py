from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.catalogs import function_catalog
from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.validate.lines import LinesContext, coded_rows, row_key
from disclosure_gen.validate.registry import rule
from disclosure_gen.validate.rules import BOTH


@rule("C011", Severity.WARNING, "使用了目录外的科目（按填写的名称）", BOTH)
def typed_function(ctx: LinesContext) -> Iterator[Finding]:
    """A line's 7-digit function code is neither in the tool's catalog for the year nor on
    sheet 补充科目, but its 款 is known and the line gives the 项's name beside the code
    (“2130101 行政运行”): the code is used under that name (the tool's catalog is not the
    complete official one), once per code. Check the code and name against the year's
    政府收支分类科目; a wrong code would put the money under a wrong 项."""
    shipped = function_catalog(ctx.year)
    added = {a.code for a in ctx.additions if a.kind == "function"}
    seen: set[str] = set()
    for line in coded_rows(ctx):
        code = line.function
        if code in shipped or code in added or code in seen or code not in ctx.functions:
            continue
        seen.add(code)
        yield get("C011").finding(
            f"功能分类 {code} 不在工具内置的 {shipped.year} 年科目目录中，已按本行填写的名称"
            f"“{ctx.functions.name(code)}”使用；请对照当年政府收支分类科目核对编码和名称"
            "（内置目录不完整；也可在“补充科目”表中补充，以后不再提示）。",
            line.sheet,
            line.cell("function"),
            row_key(line),
        )
