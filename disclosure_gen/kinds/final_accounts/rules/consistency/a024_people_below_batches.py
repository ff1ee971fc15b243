from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.final_accounts.context import FinalAccountsContext
from disclosure_gen.validate.registry import rule


@rule("A024", Severity.WARNING, "“三公”人次少于团组或批次", kinds=("final_accounts",))
def people_below_batches(ctx: FinalAccountsContext) -> Iterator[Finding]:
    """Every 因公出国（境）团组 and every 公务接待 batch has at least one person, so the 人次
    printed beside it cannot be smaller (团组数 2, 人次 1 is a swapped pair of cells or a
    count typed into the wrong row)."""
    t = ctx.model.three_public
    for field, people, batches, what in (
        ("abroad_people", t.abroad_people, t.abroad_groups, "因公出国（境）人次少于团组数"),
        ("reception_people", t.reception_people, t.receptions, "国内公务接待人次少于批次"),
        ("foreign_people", t.foreign_people, t.foreign_receptions, "外事接待人次少于批次"),
    ):
        if people < batches:
            yield get("A024").finding(
                f"{what}（{people} 人次，{batches} 个）；每个团组或批次至少一人，请核对这两个数是否填反或填错行。",
                t.sheet,
                t.cell(field),
            )
