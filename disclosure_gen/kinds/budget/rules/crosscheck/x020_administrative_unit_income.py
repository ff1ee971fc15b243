from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.budget.context import BudgetContext
from disclosure_gen.kinds.budget.rules.common import row_key
from disclosure_gen.kinds.budget.schema import SOURCES
from disclosure_gen.validate.registry import rule

# 事业收入 and 事业单位经营收入 are a 事业单位's by definition: a 行政单位 has neither.
INSTITUTION_SOURCES = ("unit_business", "unit_operating")
SOURCE_NAMES = {v: k for k, v in SOURCES.items()}


@rule("X020", Severity.ERROR, "行政单位有事业收入或经营收入")
def administrative_unit_income(ctx: BudgetContext) -> Iterator[Finding]:
    """A line of a 行政单位 paid from 单位资金-事业收入 or 单位资金-事业单位经营收入: only a
    事业单位 has these, so either the unit's 单位性质 is wrong (the composition sentence
    counts 行政/事业 units from it) or the line's 资金来源 is, and 表1/表2 put the money in
    the wrong column."""
    natures = {u.name: u.nature for u in ctx.model.subordinate_units}
    own = ctx.model.profile
    for line in ctx.model.lines:
        nature = natures.get(line.unit, own.nature) if line.unit else own.nature
        if nature == "administrative" and line.source in INSTITUTION_SOURCES and line.amount:
            yield get("X020").finding(
                f"“{line.unit or own.name}”是行政单位，但这一行的资金来源是“{SOURCE_NAMES[line.source]}”"
                "——只有事业单位才有；请核对该单位的单位性质（基本信息或“下属单位”表），或改正资金来源。",
                line.sheet,
                line.cell("source"),
                row_key(line),
            )
