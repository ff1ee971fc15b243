"""Run every registered rule over a model and collect all findings at once."""

from __future__ import annotations

from disclosure_gen.model.budget import Disclosure
from disclosure_gen.validate.findings import Finding
from disclosure_gen.validate.registry import rules

MAX_FINDINGS = 500


def validate_model(model: Disclosure) -> list[Finding]:
    """All findings of all rules (up to MAX_FINDINGS, then one note that the list was cut)."""
    out: list[Finding] = []
    for code in rules():
        assert code.check is not None
        for finding in code.check(model):
            out.append(finding)
            if len(out) >= MAX_FINDINGS:
                return out
    return out
