from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.final_accounts.context import FinalAccountsContext
from disclosure_gen.validate.registry import rule


@rule("A027", Severity.ERROR, "面向中小企业预留金额不合逻辑", kinds=("final_accounts",))
def reserved_above_reservation(ctx: FinalAccountsContext) -> Iterator[Finding]:
    """The 面向中小企业预留 figures of sheet 政府采购 nest: the 小微企业 reservation is part
    of the 中小企业 one, and what 中小企业 (小微企业) suppliers won in reserved projects
    cannot exceed what was reserved for them.  A larger part is a figure typed into the
    wrong row, which a regional wording would print as it stands."""
    p = ctx.model.procurement
    pairs: tuple[tuple[str, Decimal | None, str, Decimal | None, str], ...] = (
        (
            "small_reserved",
            p.small_reserved,
            "面向小微企业预留",
            p.sme_reserved,
            "面向中小企业预留",
        ),
        (
            "sme_reserved_won",
            p.sme_reserved_won,
            "预留项目中由中小企业中标或成交的",
            p.sme_reserved,
            "面向中小企业预留",
        ),
        (
            "small_reserved_won",
            p.small_reserved_won,
            "小微企业预留项目中由小微企业中标或成交的",
            p.small_reserved,
            "面向小微企业预留",
        ),
    )
    for key, part, part_label, whole, whole_label in pairs:
        if part is not None and whole is not None and part > whole:
            yield get("A027").finding(
                f"{part_label}金额 {part} 元大于{whole_label}的金额 {whole} 元；请核对这两个数是否填错行。",
                p.sheet,
                p.cell(key),
            )
