"""Run every registered rule of a kind over a model and collect all findings at once."""

from __future__ import annotations

from typing import Any

from disclosure_gen.findings import Finding, Severity, declare
from disclosure_gen.validate.registry import rules

MAX_FINDINGS = 500
TRUNCATED = declare(
    "V001",
    Severity.WARNING,
    "问题过多，列表已截断",
    "More findings than a person can act on; the list stops here. Fix the first ones (often "
    "one mistake repeated down a column) and validate again.",
)

AMOUNTS_CHECKED = declare(
    "V002",
    Severity.INFO,
    "金额已由 --amounts-checked 确认",
    "An amount looked like 万元 typed into a 元 cell (P001, P007, P009), or far too large "
    "for a final account (A019), which blocks generation, but validate/generate ran with "
    "--amounts-checked: the user has confirmed "
    "the amounts as typed, so the document is generated from them. The note stays at each "
    "cell, so the confirmation is visible in every report.",
)


def run_rules(kind: str, ctx: Any) -> list[Finding]:
    """All findings of ``kind``'s rules over ``ctx``, up to MAX_FINDINGS and then one that
    says the list was cut.

    The caller keeps ``ctx``, so the figures the rules computed can be rendered as they are.
    """
    out: list[Finding] = []
    for registered in rules(kind):
        for finding in registered.check(ctx):
            if len(out) >= MAX_FINDINGS:
                out.append(
                    TRUNCATED.finding(
                        f"问题超过 {MAX_FINDINGS} 条，其余未列出；请先改正前面的问题后重新检查。"
                    )
                )
                return out
            out.append(finding)
    return out
