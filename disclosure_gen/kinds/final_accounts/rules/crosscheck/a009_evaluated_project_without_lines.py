"""项目自评 rows against the projects of 决算明细 (A009 error, A010 warning)."""

from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.final_accounts.context import FinalAccountsContext
from disclosure_gen.kinds.final_accounts.model import ProjectEvaluation
from disclosure_gen.kinds.final_accounts.schema import LINES
from disclosure_gen.validate.lines import did_you_mean, fold
from disclosure_gen.validate.registry import rule


def line_projects(ctx: FinalAccountsContext) -> set[str]:
    return {line.project for line in ctx.model.lines if line.project}


def unmatched(ctx: FinalAccountsContext) -> Iterator[tuple[ProjectEvaluation, str | None]]:
    """(evaluation, the 决算明细 name equal to it but for width/spaces, if any) for every
    项目自评 row whose name is not exactly a project of 决算明细."""
    names = line_projects(ctx)
    folded = {fold(n): n for n in sorted(names)}
    for p in ctx.model.project_evaluations:
        if p.name not in names:
            yield p, folded.get(fold(p.name))


@rule("A009", Severity.ERROR, "自评项目在决算明细中没有支出", kinds=("final_accounts",))
def evaluated_project_without_lines(ctx: FinalAccountsContext) -> Iterator[Finding]:
    """A 项目自评 row names a project no line of 决算明细 has, so its 全年执行数 stands in
    the document beside tables that hold no such project: usually a misspelt name on one of
    the two sheets (the message names the nearest), or the project's lines are missing."""
    names = line_projects(ctx)
    for p, variant in unmatched(ctx):
        if variant is None:
            yield get("A009").finding(
                f"项目自评“{p.name}”在“{LINES.name}”中没有任何一行；{did_you_mean(p.name, names)}"
                f"请使项目名称与“{LINES.name}”的“项目名称”完全一致，或补填该项目的支出。",
                p.sheet,
                p.cell("name"),
                p.name,
            )


@rule("A010", Severity.WARNING, "自评项目名称与决算明细写法不同", kinds=("final_accounts",))
def evaluated_project_spelt_differently(ctx: FinalAccountsContext) -> Iterator[Finding]:
    """A 项目自评 row's project differs from a project of 决算明细 only in spaces or
    full-width/half-width characters: it is the same project, but the document would print
    two spellings of its name. Copy the name from one sheet to the other."""
    for p, variant in unmatched(ctx):
        if variant is not None:
            yield get("A010").finding(
                f"项目自评“{p.name}”与“{LINES.name}”中的“{variant}”只差空格或全角/半角；"
                "公开文件会印出两种写法，请把两处改为完全一致。",
                p.sheet,
                p.cell("name"),
                p.name,
            )
