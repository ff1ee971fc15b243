from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.catalogs import economic_catalog, function_catalog
from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.validate.lines import LinesContext, fold
from disclosure_gen.validate.registry import rule
from disclosure_gen.validate.rules import BOTH


@rule("C010", Severity.WARNING, "补充科目改了内置科目的名称", BOTH)
def addition_renames(ctx: LinesContext) -> Iterator[Finding]:
    """A row of 补充科目 gives a code the shipped catalog already has, under another name.
    The workbook's name is what the document prints (the sheet exists to supply what the
    catalog lacks, and a region's name may differ), but the change is easy to miss: the
    message names both names. Delete the row if the rename was not meant."""
    functions = function_catalog(ctx.year)
    economic = economic_catalog()
    for a in ctx.additions:
        catalog = functions if a.kind == "function" else economic
        if a.code not in catalog:
            continue
        official = catalog.names[a.code]
        if fold(official) != fold(a.name):
            yield get("C010").finding(
                f"补充科目 {a.code} 在内置目录中名为“{official}”，这里写作“{a.name}”；公开文件的各表"
                f"将印“{a.name}”。如不是有意更名，请删除这一行（内置目录已有该科目）。",
                a.sheet,
                a.cell("name"),
                f"第 {a.row} 行",
            )
