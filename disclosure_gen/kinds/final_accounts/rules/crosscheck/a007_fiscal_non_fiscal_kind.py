from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.final_accounts.context import FinalAccountsContext
from disclosure_gen.kinds.final_accounts.rules.common import is_fiscal
from disclosure_gen.kinds.final_accounts.schema import KINDS, NON_FISCAL_KINDS, SOURCES
from disclosure_gen.validate.lines import row_key
from disclosure_gen.validate.registry import rule

KIND_NAMES = {v: k for k, v in KINDS.items()}
SOURCE_NAMES = {v: k for k, v in SOURCES.items()}


@rule("A007", Severity.ERROR, "财政拨款支出使用了非财政拨款的支出类型", kinds=("final_accounts",))
def fiscal_non_fiscal_kind(ctx: FinalAccountsContext) -> Iterator[Finding]:
    """经营支出, 上缴上级支出 and 对附属单位补助支出 are by definition paid from non-fiscal
    money (名词解释); a 财政拨款 line of such a kind would put fiscal money in columns of
    表3 that the fiscal tables (表4–表8) do not have, so the tables could not agree."""
    for line in ctx.model.lines:
        if is_fiscal(line) and line.kind in NON_FISCAL_KINDS:
            yield get("A007").finding(
                f"“{KIND_NAMES[line.kind]}”只能使用非财政拨款资金，本行资金来源是"
                f"“{SOURCE_NAMES.get(line.source, line.source)}”；请把资金来源改为“非财政拨款资金”，"
                "或把支出类型改为人员经费、公用经费或项目支出。",
                line.sheet,
                line.cell("kind"),
                row_key(line),
            )
