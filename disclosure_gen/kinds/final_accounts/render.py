"""The final-accounts document's render context: content.j2 phrases the computed figures."""

from __future__ import annotations

from jinja2 import Environment

from disclosure_gen.kinds.final_accounts.compute.run import Computed
from disclosure_gen.kinds.final_accounts.model import FinalAccounts
from disclosure_gen.kinds.final_accounts.selfgrid import department_grid, project_grid
from disclosure_gen.render.blocks import DocumentBuilder, assign_pages
from disclosure_gen.render.context import RenderContext, load_specs


def build_context(env: Environment, model: FinalAccounts, computed: Computed) -> RenderContext:
    profile = model.profile
    department = profile.level == "department"
    subject = {
        "subject": "部门" if department else "单位",
        "editor": "编制部门" if department else "编制单位",
    }
    specs = load_specs(env, "final_accounts/tables.yaml")
    doc = DocumentBuilder(specs, computed.tables, subject)
    ev = computed.evaluations
    env.get_template("final_accounts/content.j2").render(
        doc=doc,
        profile=profile,
        model=model,
        facts=computed.facts,
        tables=computed.tables,
        evaluations=ev,
        department_grid=department_grid(
            ev.department, f"{profile.name}（部门）" if department else profile.name
        )
        if ev.department
        else None,
        project_grids=[(p, project_grid(p)) for p in ev.projects],
        subject=subject["subject"],
        editor=subject["editor"],
        department=department,
        three=model.three_public,
        assets=model.assets,
        headcount=profile.headcount,
        unchanged_style="zero",
        zero_base_style="hundred",
    )
    title = f"{profile.name}{profile.year}年{subject['subject']}决算公开"
    return RenderContext(title, profile.name, profile.year, tuple(assign_pages(doc.blocks)))
