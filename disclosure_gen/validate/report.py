"""Print findings for people (grouped by sheet, aligned) or for machines (JSON)."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Sequence
from itertools import groupby

from disclosure_gen.findings import Finding, Severity
from disclosure_gen.workbook.schema import PROFILE_SHEET

ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def _sheet_rank(f: Finding, order: dict[str, int]) -> tuple[int, str]:
    """Whole-file findings first, then sheets in workbook order."""
    if f.sheet is None:
        return (-1, "")
    return (order.get(f.sheet, len(order)), f.sheet)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def summary(findings: list[Finding]) -> str:
    counts = {s: sum(1 for f in findings if f.severity == s) for s in Severity}
    return f"错误 {counts[Severity.ERROR]} 个，警告 {counts[Severity.WARNING]} 个，提示 {counts[Severity.INFO]} 个"


def human(findings: list[Finding], sheet_order: Sequence[str] = (PROFILE_SHEET,)) -> str:
    """Findings grouped by sheet, in ``sheet_order`` (the kind's workbook order)."""
    if not findings:
        return "检查通过：没有发现问题。"
    lines: list[str] = []
    order = {name: i for i, name in enumerate(sheet_order)}
    ordered = sorted(findings, key=lambda f: (_sheet_rank(f, order), ORDER[f.severity]))
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
