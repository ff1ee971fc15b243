from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.final_accounts.compute import leaves as lv
from disclosure_gen.kinds.final_accounts.context import FinalAccountsContext
from disclosure_gen.kinds.final_accounts.rules.common import shown, three_public_lines, yuan
from disclosure_gen.validate.registry import rule


@rule("A021", Severity.ERROR, "外事接待多于公务接待", kinds=("final_accounts",))
def foreign_above_reception(ctx: FinalAccountsContext) -> Iterator[Finding]:
    """外事接待 is part of 国内公务接待 (its 其中), so its 费用, 批次 and 人次 cannot exceed
    the 公务接待费 (the 决算数 of the fiscal 30217 lines) and the 国内公务接待 批次 and 人次:
    the document would print a part larger than its whole."""
    t = ctx.model.three_public
    reception = yuan([line.actual for line in three_public_lines(ctx.model, lv.RECEPTION)])
    if t.foreign_amount > reception:
        yield get("A021").finding(
            f"外事接待费 {shown(t.foreign_amount)} 元超过公务接待费 {shown(reception)} 元"
            "（“决算明细”财政拨款 30217 公务接待费的决算数）；外事接待费是公务接待费的一部分，请核对。",
            t.sheet,
            t.cell("foreign_amount"),
        )
    for field, part, whole, label in (
        ("foreign_receptions", t.foreign_receptions, t.receptions, "批次"),
        ("foreign_people", t.foreign_people, t.reception_people, "人次"),
    ):
        if part > whole:
            yield get("A021").finding(
                f"外事接待{label} {part} 超过国内公务接待{label} {whole}（国内公务接待含外事接待）；请核对。",
                t.sheet,
                t.cell(field),
            )
