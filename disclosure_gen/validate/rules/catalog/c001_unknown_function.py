from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.validate.lines import LinesContext, coded_rows, row_key
from disclosure_gen.validate.registry import rule
from disclosure_gen.validate.rules import BOTH


@rule("C001", Severity.ERROR, "功能分类科目不存在", BOTH)
def unknown_function_code(ctx: LinesContext) -> Iterator[Finding]:
    """A line uses a function code that is not a 7-digit 项 of the year's catalog nor added
    on sheet 补充科目 (budget 支出明细; final accounts 决算明细, 收入决算 and 结转结余). Pick
    the code from the dropdown, or add it there."""
    catalog = ctx.functions
    for line in coded_rows(ctx):
        if len(line.function) != 7:
            message = f"功能分类“{line.function}”不是 7 位项级编码；请填写到“项”，如 2080502。"
        elif line.function not in catalog:
            message = (
                f"功能分类 {line.function} 不在 {catalog.year} 年科目目录中；请核对编码，"
                "确为当年新增科目的请在“补充科目”表中补充名称。"
            )
        else:
            continue
        yield get("C001").finding(message, line.sheet, line.cell("function"), row_key(line))
