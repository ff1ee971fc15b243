from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.final_accounts.context import FinalAccountsContext
from disclosure_gen.kinds.final_accounts.rules.common import is_fiscal
from disclosure_gen.validate.lines import row_key
from disclosure_gen.validate.registry import rule


@rule("A008", Severity.ERROR, "财政拨款支出缺少经济分类", kinds=("final_accounts",))
def fiscal_without_economic(ctx: FinalAccountsContext) -> Iterator[Finding]:
    """A 财政拨款 line needs its economic 款: the basic-expenditure table (表6), the lists
    of 人员经费 and 公用经费 in section 六 and every 三公 figure are computed from it, so a
    line without one would silently drop out of them. Non-fiscal lines may leave it empty."""
    for line in ctx.model.lines:
        if is_fiscal(line) and not line.economic:
            yield get("A008").finding(
                "财政拨款支出必须填写经济分类款（5 位，如 30201）：基本支出表和“三公”经费由此计算；"
                "请从下拉列表中选择。",
                line.sheet,
                line.cell("economic"),
                row_key(line),
            )
