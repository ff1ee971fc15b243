from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.final_accounts.context import FinalAccountsContext
from disclosure_gen.kinds.final_accounts.schema import INCOME_CATEGORIES, KINDS
from disclosure_gen.validate.registry import rule

# By definition (名词解释) these are 事业单位's: a 行政单位 has none of them.
INSTITUTION_INCOME = ("institution_income", "business_income")
INSTITUTION_SPENDING = ("business", "affiliated_subsidy")
CATEGORY_NAMES = {v: k for k, v in INCOME_CATEGORIES.items()}
KIND_NAMES = {v: k for k, v in KINDS.items()}


@rule("A031", Severity.ERROR, "行政单位有事业单位才有的收支", kinds=("final_accounts",))
def administrative_unit_business(ctx: FinalAccountsContext) -> Iterator[Finding]:
    """事业收入, 经营收入, 经营支出 and 对附属单位补助支出 are defined as a 事业单位's (名词解释),
    so a 行政单位 with any of them has a wrong 单位性质 — which miscounts the 行政/事业 units
    and the 机关运行经费 computed from the 行政单位' 公用经费 — or the row has the wrong
    收入类别 or 支出类型, which puts the money in the wrong column of 表2/表3.  Either way a
    printed figure is wrong."""
    natures = {u.name: u.nature for u in ctx.model.subordinate_units}
    own = ctx.model.profile
    for row in ctx.model.income:
        nature = natures.get(row.unit, own.nature) if row.unit else own.nature
        if nature == "administrative" and row.category in INSTITUTION_INCOME:
            yield _finding(
                row.unit or own.name, CATEGORY_NAMES[row.category], row.sheet, row.cell("category")
            )
    for line in ctx.model.lines:
        nature = natures.get(line.unit, own.nature) if line.unit else own.nature
        if nature == "administrative" and line.kind in INSTITUTION_SPENDING and line.actual:
            yield _finding(
                line.unit or own.name, KIND_NAMES[line.kind], line.sheet, line.cell("kind")
            )


def _finding(unit: str, what: str, sheet: str, cell: str | None) -> Finding:
    return get("A031").finding(
        f"“{unit}”是行政单位，但这一行是“{what}”——按名词解释只有事业单位才有；"
        "请核对该单位的单位性质（基本信息或“下属单位”表），或改正这一行的类别。",
        sheet,
        cell,
    )
