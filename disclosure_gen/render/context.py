"""Build the render context once; both output formats render from it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment

from disclosure_gen.catalogs import Catalog
from disclosure_gen.compute.facts import Facts
from disclosure_gen.compute.other import asset_facts, procurement_facts
from disclosure_gen.compute.tables import Table
from disclosure_gen.model.budget import Disclosure
from disclosure_gen.render.blocks import Block, DocumentBuilder, assign_pages
from disclosure_gen.render.targets import target_grid


@dataclass(frozen=True)
class RenderContext:
    """What the HTML and DOCX templates see: document metadata and the blocks."""

    title: str
    unit_name: str
    year: int
    blocks: tuple[Block, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "unit_name": self.unit_name,
            "year": self.year,
            "blocks": self.blocks,
        }


def load_specs(env: Environment) -> dict[str, Any]:
    """tables.yaml through the environment's loader, so a user's copy overrides ours."""
    source, _, _ = env.loader.get_source(env, "budget/tables.yaml")  # type: ignore[union-attr]
    specs: dict[str, Any] = yaml.safe_load(source)
    return specs


def build_context(
    env: Environment,
    model: Disclosure,
    facts: Facts,
    tables: dict[str, Table],
    functions: Catalog,
) -> RenderContext:
    profile = model.profile
    department = profile.level == "department"
    subject = {
        "subject": "部门" if department else "单位",
        "editor": "编制部门" if department else "编制单位",
    }
    specs = load_specs(env)
    doc = DocumentBuilder(specs, tables, subject)
    targets = {
        p.project.name: target_grid(p, profile.name, specs["targets"])
        for p in facts.all_projects
        if p.targets and not p.project.secret
    }
    env.get_template("budget/content.j2").render(
        doc=doc,
        profile=profile,
        model=model,
        facts=facts,
        tables=tables,
        targets=targets,
        subject=subject["subject"],
        editor=subject["editor"],
        department=department,
        catalog=functions,
        procurement=procurement_facts(model.procurement),
        assets=asset_facts(model.assets),
        headcount=profile.headcount,
    )
    title = f"{profile.name}{profile.year}年{subject['subject']}预算公开"
    return RenderContext(title, profile.name, profile.year, tuple(assign_pages(doc.blocks)))


def template_path(env: Environment, name: str) -> Path:
    """The file a template name resolves to (for binary/asset lookups)."""
    for root in env.loader.searchpath:  # type: ignore[union-attr]
        candidate = Path(root) / name
        if candidate.exists():
            return candidate
    raise FileNotFoundError(name)
