from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.budget.context import BudgetContext
from disclosure_gen.kinds.budget.rules.common import row_key
from disclosure_gen.validate.registry import rule


@rule("X010", Severity.WARNING, "支出明细重复")
def duplicate_lines(ctx: BudgetContext) -> Iterator[Finding]:
    """Two expenditure lines have the same codes, source, kind, project and unit; they are
    added together, but a copied row is the usual cause."""
    seen: dict[tuple[object, ...], int | None] = {}
    for line in ctx.model.lines:
        key = (line.function, line.economic, line.source, line.kind, line.project, line.unit)
        if key in seen:
            yield get("X010").finding(
                f"与第 {seen[key]} 行的科目、资金来源、支出类型和项目完全相同，将合并计算；如为重复录入请删除一行。",
                line.sheet,
                f"A{line.row}",
                row_key(line),
            )
        else:
            seen[key] = line.row
