"""The budget disclosure (单位预算公开 / 部门预算公开): schema, model, computations, rules
and wording templates of one document kind."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment

import disclosure_gen.kinds.budget.consolidate  # declares the M codes
import disclosure_gen.kinds.budget.rules  # noqa: F401  (registers the kind's rules)
from disclosure_gen.kinds import profiles
from disclosure_gen.kinds.budget.compute.run import Computed, compute
from disclosure_gen.kinds.budget.context import BudgetContext
from disclosure_gen.kinds.budget.model import Disclosure, from_records
from disclosure_gen.kinds.budget.render import build_context
from disclosure_gen.kinds.budget.schema import PROFILES, SCHEMA
from disclosure_gen.render.context import RenderContext
from disclosure_gen.validate.context import Settings
from disclosure_gen.workbook.schema import WorkbookSchema

if TYPE_CHECKING:  # next-year and consolidate are imported only when run
    from collections.abc import Sequence

    from disclosure_gen.consolidation import Consolidated, Part
    from disclosure_gen.yearly import NextWorkbook


@dataclass(frozen=True)
class BudgetKind:
    name: str = "budget"
    label: str = "预算公开"
    schema: WorkbookSchema = SCHEMA
    templates: Path = Path(__file__).resolve().parent / "templates"

    def template_folders(self, model: Disclosure) -> tuple[Path, ...]:
        return profiles.layered(PROFILES, model.profile.wording, self.templates)

    def build_model(self, records: dict[str, Any]) -> Disclosure:
        return from_records(records)

    def rule_context(self, model: Disclosure, settings: Settings) -> BudgetContext:
        return BudgetContext(model, settings)

    def compute(self, model: Disclosure) -> Computed:
        return compute(model)

    def render_context(
        self, env: Environment, model: Disclosure, computed: Computed
    ) -> RenderContext:
        return build_context(env, model, computed)

    def consolidate(self, dept: Part, units: Sequence[Part]) -> Consolidated:
        """The department's workbook from its 本级 part and its units' parts."""
        from disclosure_gen.kinds.budget.consolidate import consolidate

        return consolidate(dept, units)

    def next_year(
        self,
        model: Disclosure,
        year: int,
        all_projects: bool = False,
        computed: Computed | None = None,
    ) -> NextWorkbook:
        """Next year's workbook; ``all_projects`` carries ended projects too."""
        from disclosure_gen.kinds.budget.next_year import next_year

        return next_year(model, year, all_projects=all_projects, computed=computed)


KIND = BudgetKind()
