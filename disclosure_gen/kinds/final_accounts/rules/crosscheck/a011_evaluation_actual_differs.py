from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.final_accounts.context import FinalAccountsContext
from disclosure_gen.kinds.final_accounts.rules.common import is_fiscal, shown, yuan
from disclosure_gen.kinds.final_accounts.schema import LINES
from disclosure_gen.validate.lines import fold
from disclosure_gen.validate.registry import rule


@rule("A011", Severity.WARNING, "项目自评执行数与决算明细不符", kinds=("final_accounts",))
def evaluation_actual_differs(ctx: FinalAccountsContext) -> Iterator[Finding]:
    """A 项目自评's 全年执行数 (当年财政拨款, 其他资金) should equal the 决算数 of that
    project's lines on 决算明细 (财政拨款 lines, non-fiscal lines): the self-evaluation and the
    tables describe the same money, and a reader compares them. Compared in 元, exactly;
    a project with no line at all is A009."""
    for p in ctx.model.project_evaluations:
        mine = [
            line for line in ctx.model.lines if line.project and fold(line.project) == fold(p.name)
        ]
        if not mine:
            continue
        for field, typed, fiscal, label in (
            ("fiscal_actual", p.fiscal_actual, True, "当年财政拨款"),
            ("other_actual", p.other_actual, False, "其他资金"),
        ):
            total = yuan([line.actual for line in mine if is_fiscal(line) == fiscal])
            if typed != total:
                yield get("A011").finding(
                    f"项目“{p.name}”{label}全年执行数填的是 {shown(typed)} 元，而“{LINES.name}”中该项目"
                    f"{'财政拨款' if fiscal else '非财政拨款资金'}的决算数合计 {shown(total)} 元；"
                    "请核对自评表或支出明细。",
                    p.sheet,
                    p.cell(field),
                    p.name,
                )
