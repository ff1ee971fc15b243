from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.budget.context import BudgetContext
from disclosure_gen.validate.registry import rule


@rule("X006", Severity.ERROR, "政府采购预留金额大于总额")
def procurement_reserves(ctx: BudgetContext) -> Iterator[Finding]:
    """The amount reserved for SMEs cannot exceed the procurement total (a share over 100%),
    and the part for small and micro enterprises cannot exceed the SME reserve."""
    p = ctx.model.procurement
    if p.sme_reserved > p.total:
        yield get("X006").finding(
            "面向中小企业预留金额大于政府采购预算合计（货物+工程+服务）；请核对。",
            p.sheet,
            p.cell("sme_reserved"),
        )
    if p.small_micro_reserved > p.sme_reserved:
        yield get("X006").finding(
            "小微企业预留金额大于面向中小企业预留金额；小微企业预留是其中的一部分，请核对。",
            p.sheet,
            p.cell("small_micro_reserved"),
        )
