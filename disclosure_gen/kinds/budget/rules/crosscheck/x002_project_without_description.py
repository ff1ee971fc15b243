from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.budget.context import BudgetContext
from disclosure_gen.kinds.budget.rules.common import did_you_mean, row_key
from disclosure_gen.validate.registry import rule


@rule("X002", Severity.ERROR, "项目未在项目信息表中说明")
def project_without_description(ctx: BudgetContext) -> Iterator[Finding]:
    """A project named on 支出明细 has no row on 项目信息, so section 七 cannot describe it.
    The message names the nearest name on 项目信息 (a misspelling is the usual cause)."""
    described = {p.name for p in ctx.model.projects}
    reported: set[str] = set()
    for line in ctx.model.lines:
        name = line.project
        if line.kind == "project" and name and name not in described and name not in reported:
            reported.add(name)
            yield get("X002").finding(
                f"项目“{name}”没有在“项目信息”表中填写政策依据等说明；{did_you_mean(name, described)}"
                "请改正名称，或在“项目信息”表增加该项目（名称须完全一致）。",
                line.sheet,
                line.cell("project"),
                row_key(line),
            )
