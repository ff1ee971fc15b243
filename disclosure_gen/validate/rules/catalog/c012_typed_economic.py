from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.catalogs import economic_catalog
from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.validate.lines import LinesContext, row_key
from disclosure_gen.validate.registry import rule
from disclosure_gen.validate.rules import BOTH


@rule("C012", Severity.WARNING, "使用了目录外的经济分类科目（按填写的名称）", BOTH)
def typed_economic(ctx: LinesContext) -> Iterator[Finding]:
    """An expenditure line's 5-digit economic code is neither in the tool's economic
    classification nor on sheet 补充科目, but its 类 is known and the line gives the 款's name
    beside the code (“39909 经常性赠与”): the code is used under that name, once per code.
    Check it against the year's 部门预算支出经济分类; whether it may carry 基本支出 follows
    its 类 (301/302/303/310)."""
    shipped = economic_catalog()
    added = {a.code for a in ctx.additions if a.kind == "economic"}
    seen: set[str] = set()
    for line in ctx.coded_lines():
        code = line.economic
        if not code or code in shipped or code in added or code in seen:
            continue
        if code not in ctx.economic:
            continue
        seen.add(code)
        yield get("C012").finding(
            f"经济分类 {code} 不在工具内置的部门预算支出经济分类中，已按本行填写的名称"
            f"“{ctx.economic.name(code)}”使用；请对照当年部门预算支出经济分类科目核对编码和名称"
            "（也可在“补充科目”表中补充，以后不再提示）。",
            line.sheet,
            line.cell("economic"),
            row_key(line),
        )
