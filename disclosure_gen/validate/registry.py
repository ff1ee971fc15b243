"""The registry of the rules that check a model.

Rules are small generators over a kind's rule context, one per module in the kind's
``rules/`` package; each declares its code (through ``findings.declare``) and the
document kinds it applies to, so shared machinery can run exactly a kind's rules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from disclosure_gen.findings import CODES, Code, Finding, Severity, declare

Check = Callable[[Any], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    code: Code
    kinds: frozenset[str]
    check: Check


RULES: dict[str, Rule] = {}


def rule(
    code: str, severity: Severity, title: str, kinds: Iterable[str] = ("budget",)
) -> Callable[[Check], Check]:
    """Register a model rule for ``kinds``; its docstring documents the code."""

    def wrap(check: Check) -> Check:
        declared = declare(code, severity, title, check.__doc__ or "")
        RULES[code] = Rule(declared, frozenset(kinds), check)
        return check

    return wrap


def rules(kind: str) -> Iterator[Rule]:
    """The registered rules of ``kind``, in code order."""
    return iter(sorted((r for r in RULES.values() if kind in r.kinds), key=lambda r: r.code.code))


def declared_codes() -> list[Code]:
    """Every code declared so far, in code order (the kinds' registry loads them all)."""
    return sorted(CODES.values(), key=lambda c: c.code)
