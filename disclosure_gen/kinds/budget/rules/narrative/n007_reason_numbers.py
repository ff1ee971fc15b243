from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity
from disclosure_gen.kinds.budget.context import BudgetContext
from disclosure_gen.kinds.budget.rules.common import at_comparison, confirmed_reasons
from disclosure_gen.money import format_amount
from disclosure_gen.validate.claims import (
    amount_claims,
    contradicted,
    headcount_claims,
    of_the_figure,
    rate_claims,
)
from disclosure_gen.validate.registry import rule

STAFF = {"在职": "in_service", "退休": "retired", "离休": "retired_cadre"}
STAFF_LABEL = {"在职": "在职人数", "退休": "退休人数", "离休": "离休人数"}


@rule("N007", Severity.WARNING, "原因中的数字与数据不符")
def reason_numbers(ctx: BudgetContext) -> Iterator[Finding]:
    """A reason states a number the workbook contradicts: a headcount change (“在职人员减少
    4人”) that differs from 基本信息 (在职/退休/离休 this year against last year), or an
    amount or rate of change (“增加10万元”, “增长20%”) that differs from the change the
    document prints beside it. Amounts and rates are compared when said of the figure
    (“比上年…”) or when the reason states only one; a figure given to fewer digits may
    differ by less than its last digit (“12万元” for 12.50 is not reported)."""
    profile = ctx.model.profile
    for item, figure in confirmed_reasons(ctx):
        change = figure.change
        if change is None or not figure.reason:
            continue
        for group, claim in headcount_claims(figure.reason):
            now: int = getattr(profile, STAFF[group])
            prior: int = getattr(profile, f"{STAFF[group]}_prior")
            delta = now - prior
            said = claim.value if claim.direction == "up" else -claim.value
            if said != delta:
                actual = (
                    f"没有变化（{now} 人）"
                    if delta == 0
                    else f"{'增加' if delta > 0 else '减少'} {abs(delta)} 人（{prior} → {now}）"
                )
                yield at_comparison(
                    ctx,
                    "N007",
                    item,
                    "reason",
                    f"“{item}”的原因写“{claim.text}”，但“基本信息”中{STAFF_LABEL[group]}{actual}；"
                    "请改正原因中的人数，或核对“基本信息”的本年和上年人数。",
                )
        for claim in of_the_figure(amount_claims(figure.reason)):
            if contradicted(claim, change.amount):
                yield at_comparison(
                    ctx,
                    "N007",
                    item,
                    "reason",
                    f"“{item}”的原因写“{claim.text}”，但公开文件写的是比上年{change.verb} "
                    f"{format_amount(change.amount)} 万元；请改正原因中的金额，或核对上年预算数和明细。",
                )
        for claim in of_the_figure(rate_claims(figure.reason)):
            if contradicted(claim, change.rate):
                yield at_comparison(
                    ctx,
                    "N007",
                    item,
                    "reason",
                    f"“{item}”的原因写“{claim.text}”，但公开文件写的是{change.rate_verb} "
                    f"{change.rate}%；请改正原因中的百分比，或核对上年预算数和明细。",
                )
