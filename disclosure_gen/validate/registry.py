"""The registry of finding codes and of the rules that check a model.

Every code is declared exactly once, with its severity, a short Chinese title and a
docstring-like explanation (what is wrong, what is right); the README's table of finding
codes is generated from here (``scripts/finding_codes.py``).  Rules are small generators
over a ``RuleContext``, one per module under ``rules/``; the reader declares its own codes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from disclosure_gen.validate.findings import Finding, Severity

if TYPE_CHECKING:
    from disclosure_gen.validate.context import RuleContext

Check = Callable[["RuleContext"], Iterable[Finding]]


@dataclass(frozen=True)
class Code:
    code: str
    severity: Severity
    title: str
    doc: str
    check: Check | None = None

    def finding(
        self,
        message: str,
        sheet: str | None = None,
        cell: str | None = None,
        key: str | None = None,
    ) -> Finding:
        return Finding(
            code=self.code, severity=self.severity, message=message, sheet=sheet, cell=cell, key=key
        )


CODES: dict[str, Code] = {}


def declare(code: str, severity: Severity, title: str, doc: str) -> Code:
    """Declare a code emitted outside a rule (by the reader); refuses duplicates."""
    if code in CODES:
        raise ValueError(f"finding code {code} declared twice")
    CODES[code] = Code(code, severity, title, " ".join(doc.split()))
    return CODES[code]


def rule(code: str, severity: Severity, title: str) -> Callable[[Check], Check]:
    """Register a model rule; its docstring documents the code."""

    def wrap(check: Check) -> Check:
        declared = declare(code, severity, title, check.__doc__ or "")
        CODES[code] = Code(declared.code, severity, title, declared.doc, check)
        return check

    return wrap


def get(code: str) -> Code:
    return CODES[code]


def rules() -> Iterator[Code]:
    """The registered model rules, in code order."""
    _load_rules()
    return iter(sorted((c for c in CODES.values() if c.check), key=lambda c: c.code))


def all_codes() -> list[Code]:
    _load_rules()
    return sorted(CODES.values(), key=lambda c: c.code)


def _load_rules() -> None:
    """Import the rule modules and the other declaring modules so every code is known."""
    import disclosure_gen.validate.rules
    import disclosure_gen.validate.run
    import disclosure_gen.workbook.codes  # noqa: F401
