"""Print findings for people (grouped by sheet, aligned) or for machines (JSON)."""

from __future__ import annotations

import json
import unicodedata
from itertools import groupby

from disclosure_gen.validate.findings import Finding, Severity
from disclosure_gen.workbook.schema import SHEETS

ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
SHEET_ORDER = {s.name: i for i, s in enumerate(SHEETS)}


def _sheet_rank(f: Finding) -> tuple[int, str]:
    """Whole-file findings first, then sheets in workbook order."""
    if f.sheet is None:
        return (-1, "")
    return (SHEET_ORDER.get(f.sheet, len(SHEET_ORDER)), f.sheet)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def summary(findings: list[Finding]) -> str:
    counts = {s: sum(1 for f in findings if f.severity == s) for s in Severity}
    return f"错误 {counts[Severity.ERROR]} 个，警告 {counts[Severity.WARNING]} 个，提示 {counts[Severity.INFO]} 个"


def human(findings: list[Finding]) -> str:
    if not findings:
        return "检查通过：没有发现问题。"
    lines: list[str] = []
    ordered = sorted(findings, key=lambda f: (_sheet_rank(f), ORDER[f.severity]))
    for sheet, group in groupby(ordered, key=lambda f: f.sheet or "（整个文件）"):
        lines.append(f"【{sheet}】")
        for f in group:
            where = f.cell or (f.key or "")
            lines.append(f"  {_pad(f.severity.label, 4)} {f.code}  {_pad(where, 8)} {f.message}")
    lines.append(summary(findings))
    return "\n".join(lines)


def as_json(findings: list[Finding]) -> str:
    return json.dumps(
        {"findings": [f.to_dict() for f in findings], "summary": summary(findings)},
        ensure_ascii=False,
        indent=2,
    )
