from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.budget.context import BudgetContext
from disclosure_gen.validate.registry import rule


@rule("X017", Severity.ERROR, "主要职能未填写")
def functions_missing(ctx: BudgetContext) -> Iterator[Finding]:
    """第一部分 一 needs the unit's 主要职能, unless 职能是否涉密 is 是 (then the document
    says, in fixed words, that they are withheld; typed text would publish them anyway)."""
    p = ctx.model.profile
    if p.functions_secret and p.functions:
        yield get("X017").finding(
            "“职能是否涉密”选了“是”，但“主要职能”仍有内容（不会公开）；请清空主要职能，或把“职能是否涉密”改为“否”。",
            p.sheet,
            p.cell("functions"),
        )
    elif not p.functions_secret and not (p.functions or "").strip():
        yield get("X017").finding(
            "“主要职能”为空；请填写主要职能，职能涉密时在“职能是否涉密”选“是”。",
            p.sheet,
            p.cell("functions") or p.cell("functions_secret"),
        )
