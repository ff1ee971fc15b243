"""Run every registered rule over a model and collect all findings at once."""

from __future__ import annotations

from disclosure_gen.validate.context import RuleContext
from disclosure_gen.validate.findings import Finding, Severity
from disclosure_gen.validate.registry import declare, rules

MAX_FINDINGS = 500
TRUNCATED = declare(
    "V001",
    Severity.WARNING,
    "问题过多，列表已截断",
    "More findings than a person can act on; the list stops here. Fix the first ones (often "
    "one mistake repeated down a column) and validate again.",
)


def run_rules(ctx: RuleContext) -> list[Finding]:
    """All findings of all rules, up to MAX_FINDINGS and then one that says the list was cut.

    The caller keeps ``ctx``, so the figures the rules computed can be rendered as they are.
    """
    out: list[Finding] = []
    for code in rules():
        assert code.check is not None
        for finding in code.check(ctx):
            if len(out) >= MAX_FINDINGS:
                out.append(
                    TRUNCATED.finding(
                        f"问题超过 {MAX_FINDINGS} 条，其余未列出；请先改正前面的问题后重新检查。"
                    )
                )
                return out
            out.append(finding)
    return out
