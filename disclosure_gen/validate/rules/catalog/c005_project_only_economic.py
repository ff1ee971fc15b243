from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.catalogs import economic_catalog
from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.validate.lines import BASIC_KINDS, LinesContext, row_key
from disclosure_gen.validate.registry import rule
from disclosure_gen.validate.rules import BOTH


@rule("C005", Severity.ERROR, "经济分类不能用于基本支出", BOTH)
def project_only_economic(ctx: LinesContext) -> Iterator[Finding]:
    """Basic expenditure (人员经费/公用经费) uses an economic code that is project-only
    (e.g. 309 资本性支出（基本建设）, 311 对企业补助（基本建设）)."""
    catalog = economic_catalog()
    for line in ctx.coded_lines():
        economic = line.economic
        if (
            line.kind in BASIC_KINDS
            and economic in catalog
            and economic not in catalog.basic_allowed
        ):
            yield get("C005").finding(
                f"经济分类 {economic} {catalog.name(economic or '')} 只能用于项目支出；请把支出类型改为“项目支出”或更换经济分类。",
                line.sheet,
                line.cell("kind"),
                row_key(line),
            )
