from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.validate.lines import LinesContext, row_key
from disclosure_gen.validate.registry import rule
from disclosure_gen.validate.rules import BOTH


@rule("C002", Severity.ERROR, "经济分类科目不存在", BOTH)
def unknown_economic_code(ctx: LinesContext) -> Iterator[Finding]:
    """An expenditure line uses an economic code that is not a 5-digit 款 of the department
    economic classification (部门预算支出经济分类) nor added on sheet 补充科目."""
    catalog = ctx.economic
    for line in ctx.coded_lines():
        economic = line.economic
        if economic is None:
            continue  # optional on non-fiscal final-accounts lines (A008 asks for fiscal ones)
        if len(economic) != 5 or economic not in catalog:
            yield get("C002").finding(
                f"经济分类“{economic}”不是部门预算支出经济分类的 5 位款级编码；请从下拉列表中选择。",
                line.sheet,
                line.cell("economic"),
                row_key(line),
            )
