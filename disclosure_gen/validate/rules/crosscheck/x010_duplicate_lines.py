from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.validate.lines import CodedLine, LinesContext, fold, row_key
from disclosure_gen.validate.registry import rule
from disclosure_gen.validate.rules import BOTH


def unit_key(line: CodedLine, own: str) -> str:
    """The 预算单位 as compared: blank and the reporting unit's own name are both 本级;
    full-width/half-width variants and spaces do not make another unit."""
    return "" if not line.unit or fold(line.unit) == fold(own) else fold(line.unit)


def _shown(unit: str | None) -> str:
    return f"“{unit}”" if unit else "空白（本级）"


@rule("X010", Severity.WARNING, "支出明细重复", BOTH)
def duplicate_lines(ctx: LinesContext) -> Iterator[Finding]:
    """Two expenditure lines have the same codes, source, kind, project and unit; they are
    added together, but a copied row is the usual cause. Units compare as the document
    groups them: a blank 预算单位 and the reporting unit's own name are the same 本级, and
    full-width/half-width variants of a name are the same name (X015 refuses a variant
    that matches no unit exactly)."""
    own = ctx.own_name
    seen: dict[tuple[object, ...], CodedLine] = {}
    for line in ctx.coded_lines():
        project = fold(line.project) if line.project else None
        key = (line.function, line.economic, line.source, line.kind, project, unit_key(line, own))
        first = seen.get(key)
        if first is None:
            seen[key] = line
            continue
        if (first.unit or "") != (line.unit or "") or first.project != line.project:
            how = (
                f"，只是预算单位写法不同（第 {first.row} 行{_shown(first.unit)}，本行{_shown(line.unit)}）"
                if (first.unit or "") != (line.unit or "")
                else "，只是项目名称的全角/半角或空格不同"
            )
        else:
            how = ""
        yield get("X010").finding(
            f"与第 {first.row} 行的科目、资金来源、支出类型、项目和预算单位相同{how}，将合并计算；"
            "如为重复录入请删除一行。",
            line.sheet,
            f"A{line.row}",
            row_key(line),
        )
