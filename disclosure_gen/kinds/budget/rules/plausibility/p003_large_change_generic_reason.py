from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity
from disclosure_gen.kinds.budget.context import BudgetContext
from disclosure_gen.kinds.budget.rules.common import at_comparison, confirmed_reasons
from disclosure_gen.validate.registry import rule

GENERIC = (
    "工作需要",
    "根据工作需要",
    "实际需要",
    "根据实际情况",
    "正常变动",
    "预算调整",
    "其他",
    "无",
    "略",
    "见说明",
)


def is_generic(reason: str) -> bool:
    text = reason.strip("。；;，, ")
    return len(text) < 4 or text in GENERIC


@rule("P003", Severity.WARNING, "大幅变动的原因过于笼统")
def large_change_generic_reason(ctx: BudgetContext) -> Iterator[Finding]:
    """A figure changed by more than ±50% (`--large-change` to tune) and its reason is a
    generic phrase (工作需要, 预算调整, …); reviewers ask for the concrete cause."""
    limit = ctx.settings.large_change_percent
    for item, figure in confirmed_reasons(ctx):
        change = figure.change
        if change is None or change.unchanged or change.rate <= limit or not figure.reason:
            continue
        if is_generic(figure.reason):
            yield at_comparison(
                ctx,
                "P003",
                item,
                "reason",
                f"“{item}”{change.rate_verb} {change.rate}%，原因“{figure.reason}”过于笼统；请写明具体原因（如政策、机构、人员、项目的变化）。",
            )
