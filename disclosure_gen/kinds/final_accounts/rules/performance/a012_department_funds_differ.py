from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.final_accounts.context import FinalAccountsContext
from disclosure_gen.kinds.final_accounts.rules.common import shown, yuan
from disclosure_gen.validate.registry import rule


@rule("A012", Severity.WARNING, "整体自评预算数与决算明细不符", kinds=("final_accounts",))
def department_funds_differ(ctx: FinalAccountsContext) -> Iterator[Finding]:
    """The 部门整体支出绩效自评表 states the year's budget (上级 + 本级 + 其他资金) beside tables
    computed from the workbook: its 年初预算数 should be the lines' 年初预算数 and its
    全年预算数 either the lines' 全年预算数 or, as seed 004 and many regions take it, the
    收入总计. Compared in 元, exactly; a filed self-evaluation that differs is usually copied
    from an earlier draft. Regions count these budgets differently, so this warns; the
    execution total is A025's (an error: the document states it twice)."""
    d = ctx.model.department_evaluation
    if d is None:
        return
    m = ctx.model
    lines = m.lines
    income_total = (
        yuan([r.amount for r in m.income])
        + m.balance.use_surplus
        + yuan([r.amount for r in m.carryover])
    )
    checks = (
        (
            "own_budget",
            "年初预算数",
            d.superior_budget + d.own_budget + d.other_budget,
            (yuan([x.budget for x in lines]),),
            "“决算明细”年初预算数合计",
        ),
        (
            "own_full_budget",
            "全年预算数",
            d.superior_full_budget + d.own_full_budget + d.other_full_budget,
            (yuan([x.full_budget for x in lines]), income_total),
            "“决算明细”全年预算数合计或收入总计",
        ),
    )
    for field, label, typed, expected, what in checks:
        if typed not in expected:
            computed = "或".join(f"{shown(e)} 元" for e in expected)
            yield get("A012").finding(
                f"整体自评的{label}（上级、本级、其他资金合计）为 {shown(typed)} 元，而{what}为 {computed}；"
                "请核对自评表的资金数。",
                d.sheet,
                d.cell(field),
                label,
            )
