"""The final-accounts document's render context: content.j2 phrases the computed figures."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from jinja2 import Environment

from disclosure_gen.kinds.final_accounts.compute.run import Computed
from disclosure_gen.kinds.final_accounts.model import FinalAccounts
from disclosure_gen.kinds.final_accounts.selfgrid import department_grid, project_grid
from disclosure_gen.money import yuan_to_wan
from disclosure_gen.render.blocks import DocumentBuilder, assign_pages
from disclosure_gen.render.context import RenderContext, load_specs
from disclosure_gen.render.layout import Grid, GridCell

WORDING = "final_accounts/wording.yaml"
CHOICES: dict[str, tuple[Any, ...]] = {
    "unchanged": ("zero", "flat"),
    "zero_base": ("hundred", "omit"),
    "charts": (True, False),
    "rate_places": (2, 0),
}
DEFAULTS = {key: values[0] for key, values in CHOICES.items()}


def wording_choices(env: Environment) -> dict[str, Any]:
    """The region choices of wording.yaml (a user's or a profile's copy wins), checked:
    a misspelt choice would otherwise fall through to some wording silently."""
    chosen = {**DEFAULTS, **(load_specs(env, WORDING) or {})}
    for key, value in chosen.items():
        if key not in CHOICES:
            raise ValueError(f"模板 {WORDING} 中的“{key}”不是可选项；可选项：{'、'.join(CHOICES)}")
        if not any(value == v and type(value) is type(v) for v in CHOICES[key]):
            allowed = "、".join(str(v).lower() for v in CHOICES[key])
            raise ValueError(f"模板 {WORDING} 中“{key}: {value}”无效；请填写 {allowed} 之一")
    return chosen


def units_grid(model: FinalAccounts) -> Grid:
    """序号 / 单位名称 / 备注 of the units a department's 决算 covers (本级 first), the table
    a regional wording (上海市 二、部门决算单位构成) prints; 备注 is left for the unit."""
    names = [f"{model.profile.name}（本级）", *(u.name for u in model.subordinate_units)]
    return Grid(
        widths=(2, 12, 5),
        header=(tuple(GridCell(t, bold=True) for t in ("序号", "单位名称", "备注")),),
        body=tuple(
            (GridCell(str(i)), GridCell(name, align="l"), GridCell(""))
            for i, name in enumerate(names, start=1)
        ),
    )


def reserved(model: FinalAccounts) -> dict[str, Decimal]:
    """The 面向中小企业预留 figures entered on sheet 政府采购, in 万元; a blank one is absent,
    so the wording leaves its clause out rather than print a figure nobody entered."""
    p = model.procurement
    entered = {
        "sme_reserved": p.sme_reserved,
        "small_reserved": p.small_reserved,
        "sme_reserved_won": p.sme_reserved_won,
        "small_reserved_won": p.small_reserved_won,
        "sme_other_won": p.sme_other_won,
    }
    return {key: yuan_to_wan(value) for key, value in entered.items() if value is not None}


def performance_amounts(model: FinalAccounts) -> dict[str, Decimal | None]:
    """The amounts of sheet 绩效管理 in 万元, None where blank (the clause is left out)."""
    pm = model.performance_management
    keys = ("target_amount", "tracked_amount", "evaluated_amount")
    values = {key: getattr(pm, key) if pm else None for key in keys}
    return {key: None if value is None else yuan_to_wan(value) for key, value in values.items()}


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
    wording = wording_choices(env)
    places = int(wording["rate_places"])
    env.get_template("final_accounts/content.j2").render(
        doc=doc,
        profile=profile,
        model=model,
        facts=computed.facts,
        tables=computed.tables,
        evaluations=ev,
        department_grid=department_grid(
            ev.department, f"{profile.name}（部门）" if department else profile.name, places
        )
        if ev.department
        else None,
        project_grids=[(p, project_grid(p, places)) for p in ev.projects],
        subject=subject["subject"],
        editor=subject["editor"],
        department=department,
        three=model.three_public,
        assets=model.assets,
        headcount=profile.headcount,
        wording=wording,
        units_grid=units_grid(model),
        performance=model.performance_management,
        reserved=reserved(model),
        pm_amounts=performance_amounts(model),
        foreign_reception=yuan_to_wan(model.three_public.foreign_amount),
    )
    title = f"{profile.name}{profile.year}年{subject['subject']}决算公开"
    return RenderContext(title, profile.name, profile.year, tuple(assign_pages(doc.blocks)))
