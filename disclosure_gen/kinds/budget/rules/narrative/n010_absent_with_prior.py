from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.budget.context import BudgetContext
from disclosure_gen.kinds.budget.schema import ABSENT
from disclosure_gen.validate.registry import rule


@rule("N010", Severity.WARNING, "上年无此项却填写了上年预算数")
def absent_with_prior(ctx: BudgetContext) -> Iterator[Finding]:
    """A row of 上年对比 says 上年无此项 (the prior year had no such item) but also gives a
    上年预算数. The amount is used and the change is stated against it; clear the amount
    if the item is really new, or clear 上年无此项."""
    for c in ctx.model.comparisons:
        if c.status == ABSENT and c.prior is not None:
            yield get("N010").finding(
                f"“{c.item}”的“确认”选了“上年无此项”，但又填写了上年预算数；现按所填金额计算增减。"
                "上年确实没有这一项的，请清空上年预算数；否则请清空“上年无此项”。",
                c.sheet,
                c.cell("prior"),
                f"第 {c.row} 行",
            )
