"""Print findings for people (grouped by sheet, aligned) or for machines (JSON).

In the human report, GROUP_AT or more findings of one code on one sheet are one group: a
line with the code, the count, its title and every cell, then its distinct messages (the
first SHOWN_MESSAGES; JSON and the annotated copy keep every one).
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Sequence
from itertools import groupby

from disclosure_gen.findings import CODES, Finding, Severity
from disclosure_gen.workbook.schema import PROFILE_SHEET

ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
GROUP_AT = 3
SHOWN_MESSAGES = 3


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
        by_code: dict[tuple[Severity, str], list[Finding]] = {}
        for f in group:
            by_code.setdefault((f.severity, f.code), []).append(f)
        for items in by_code.values():
            lines += _group(items) if len(items) >= GROUP_AT else [_line(f) for f in items]
    lines.append(summary(findings))
    return "\n".join(lines)


def _where(f: Finding) -> str:
    return f.cell or (f.key or "")


def _line(f: Finding) -> str:
    return f"  {_pad(f.severity.label, 4)} {f.code}  {_pad(_where(f), 8)} {f.message}"


def _group(items: list[Finding]) -> list[str]:
    """One cause repeated: its count, title and every cell, then its distinct messages."""
    first = items[0]
    code = CODES.get(first.code)
    title = code.title if code else first.code
    cells = "、".join(dict.fromkeys(_where(f) for f in items if _where(f)))
    lines = [f"  {_pad(first.severity.label, 4)} {first.code} ×{len(items)}  {title}：{cells}"]
    messages: dict[str, list[str]] = {}
    for f in items:
        messages.setdefault(f.message, []).append(_where(f))
    for message, wheres in list(messages.items())[:SHOWN_MESSAGES]:
        shown = "、".join(w for w in wheres if w) if len(wheres) > 1 else wheres[0]
        lines.append(f"        {_pad(shown, 8)} {message}")
    hidden = len(messages) - SHOWN_MESSAGES
    if hidden > 0:
        lines.append(
            f"        …另有 {hidden} 条同类说明（validate --format json 或 --annotate 可看到每一条）"
        )
    return lines


def as_json(findings: list[Finding]) -> str:
    return json.dumps(
        {"findings": [f.to_dict() for f in findings], "summary": summary(findings)},
        ensure_ascii=False,
        indent=2,
    )
