from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.final_accounts.context import FinalAccountsContext
from disclosure_gen.validate.registry import rule


@rule("A026", Severity.ERROR, "绩效管理的评级或整改个数对不上", kinds=("final_accounts",))
def performance_counts_differ(ctx: FinalAccountsContext) -> Iterator[Finding]:
    """Sheet 绩效管理 states counts a regional wording prints side by side (“绩效自评的项目
    10个……其中，绩效评级为‘优’的项目7个……发现问题3个，已经完成整改的2个，正在整改的1
    个”): every self-evaluated project has one rating and every problem found is either
    rectified or being rectified, so the parts must add up to their whole once all are
    entered, or the document contradicts itself in one sentence."""
    pm = ctx.model.performance_management
    if pm is None:
        return
    ratings = pm.ratings
    if pm.evaluated_projects is not None and all(n is not None for n in ratings):
        rated = sum(n for n in ratings if n is not None)
        if rated != pm.evaluated_projects:
            yield get("A026").finding(
                f"“优”“良”“合格”“不合格”的项目数合计 {rated} 个，与绩效自评的项目数 "
                f"{pm.evaluated_projects} 个不一致；请核对评级个数或自评项目数。",
                pm.sheet,
                pm.cell("excellent"),
            )
    problems, fixed, fixing = pm.problems, pm.fixed, pm.fixing
    if (
        problems is not None
        and fixed is not None
        and fixing is not None
        and fixed + fixing != problems
    ):
        yield get("A026").finding(
            f"已经完成整改 {fixed} 个、正在整改 {fixing} 个，合计与发现问题 "
            f"{problems} 个不一致；请核对这三个数。",
            pm.sheet,
            pm.cell("fixed"),
        )
