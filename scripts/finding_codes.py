"""Rewrite the table of finding codes in README.md from the rule registry.

    python scripts/finding_codes.py          # rewrite the section between the markers
    python scripts/finding_codes.py --check  # exit 1 if README.md is stale

The registry is the single source: each code's severity, title and docstring.
"""

from __future__ import annotations

import sys
from pathlib import Path

from disclosure_gen.kinds import all_codes

README = Path(__file__).resolve().parent.parent / "README.md"
START = "<!-- finding-codes:start -->"
END = "<!-- finding-codes:end -->"
PREFIXES = {
    "A": "决算 final accounts",
    "F": "文件 file",
    "S": "结构 structure",
    "C": "科目 catalog",
    "X": "核对 cross-check",
    "N": "说明 narrative",
    "P": "合理性 plausibility",
    "V": "校验 run",
    "M": "汇总 consolidate",
}


def table() -> str:
    lines = [
        "| 代码 code | 级别 severity | 名称 title | 说明 (what is wrong, what is right) |",
        "|---|---|---|---|",
    ]
    for code in all_codes():
        doc = code.doc.replace("|", "\\|")
        lines.append(f"| {code.code} | {code.severity.value} | {code.title} | {doc} |")
    groups = "; ".join(f"{k} = {v}" for k, v in PREFIXES.items())
    return f"{START}\n{groups}\n\n" + "\n".join(lines) + f"\n{END}"


def updated(text: str) -> str:
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    return head + table() + tail


def main() -> int:
    text = README.read_text(encoding="utf-8")
    new = updated(text)
    if "--check" in sys.argv:
        return 0 if new == text else 1
    README.write_text(new, encoding="utf-8")
    print(f"updated {README}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
