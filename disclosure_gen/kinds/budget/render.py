"""The budget document's render context: content.j2 phrases the computed figures as blocks."""

from __future__ import annotations

from jinja2 import Environment

from disclosure_gen.kinds.budget.compute.facts import target_tables
from disclosure_gen.kinds.budget.compute.other import asset_facts, procurement_facts
from disclosure_gen.kinds.budget.compute.run import Computed
from disclosure_gen.kinds.budget.model import Disclosure
from disclosure_gen.kinds.budget.targets import department_grid, target_grid
from disclosure_gen.money import yuan_to_wan
from disclosure_gen.render.blocks import DocumentBuilder, assign_pages
from disclosure_gen.render.context import RenderContext, load_specs


def build_context(env: Environment, model: Disclosure, computed: Computed) -> RenderContext:
    profile = model.profile
    facts = computed.facts
    department = profile.level == "department"
    subject = {
        "subject": "部门" if department else "单位",
        "editor": "编制部门" if department else "编制单位",
    }
    specs = load_specs(env, "budget/tables.yaml")
    doc = DocumentBuilder(specs, computed.tables, subject)
    tables = target_tables(facts.all_projects, profile.name, model.targets)
    targets = {t.name: target_grid(t, specs["targets"]) for t in tables if t.targets and not t.secret}
    withheld = [t.projects[0].project.label for t in tables if t.targets and t.secret]
    performance = model.department_performance
    department_targets = (
        department_grid(
            profile.name, performance, model.department_indicators, specs["department_targets"]
        )
        if department and performance is not None and (performance.goal or model.department_indicators)
        else None
    )
    env.get_template("budget/content.j2").render(
        doc=doc,
        profile=profile,
        model=model,
        facts=facts,
        tables=computed.tables,
        targets=targets,
        department_targets=department_targets,
        withheld_targets=withheld,
        department_funds=yuan_to_wan(performance.total) if performance else None,
        subject=subject["subject"],
        editor=subject["editor"],
        department=department,
        catalog=computed.functions,
        procurement=procurement_facts(model.procurement),
        assets=asset_facts(model.assets),
        headcount=profile.headcount,
    )
    title = f"{profile.name}{profile.year}年{subject['subject']}预算公开"
    return RenderContext(title, profile.name, profile.year, tuple(assign_pages(doc.blocks)))
