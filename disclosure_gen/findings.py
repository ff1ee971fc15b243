"""One finding type for everything the tool tells a finance officer about a workbook, and
the registry of the codes findings carry.

A finding has a severity, a stable code, a Chinese message that says what is wrong and
what to do, and a location (sheet, cell, and the row's key where one helps).  Every code
is declared exactly once, here or through ``validate.registry.rule``, with a short Chinese
title and an explanation; the README's table of finding codes is generated from them.
Every stage (the reader, the kinds, the validator) reports through this module, so no
stage has to import the validator to say something.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def label(self) -> str:
        return {"error": "错误", "warning": "警告", "info": "提示"}[self.value]


class Finding(BaseModel):
    """A located message about the workbook."""

    model_config = ConfigDict(frozen=True)

    code: str
    severity: Severity
    message: str
    sheet: str | None = None
    cell: str | None = None
    key: str | None = None

    @property
    def location(self) -> str:
        if self.sheet and self.cell:
            return f"{self.sheet}!{self.cell}"
        return self.sheet or "（整个文件）"

    def to_dict(self) -> dict[str, str | None]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "sheet": self.sheet,
            "cell": self.cell,
            "key": self.key,
        }


class WorkbookUnreadable(Exception):
    """Raised when a file cannot be read at all; carries the one finding that says why."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message)
        self.finding = finding


def has_errors(findings: list[Finding], strict: bool = False) -> bool:
    """True when the findings block generation (warnings too under ``strict``)."""
    blocking = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    return any(f.severity in blocking for f in findings)


@dataclass(frozen=True)
class Code:
    """A declared finding code; ``finding`` makes a located instance of it."""

    code: str
    severity: Severity
    title: str
    doc: str

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
    """Declare a finding code; refuses duplicates (one meaning per code)."""
    if code in CODES:
        raise ValueError(f"finding code {code} declared twice")
    CODES[code] = Code(code, severity, title, " ".join(doc.split()))
    return CODES[code]


def get(code: str) -> Code:
    return CODES[code]
