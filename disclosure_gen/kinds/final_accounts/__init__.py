"""The final-accounts disclosure (部门决算公开 / 单位决算公开): schema, model, computations,
rules and wording templates of one document kind."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment

import disclosure_gen.kinds.final_accounts.consolidate
import disclosure_gen.kinds.final_accounts.rules  # noqa: F401  (registers the kind's rules)
from disclosure_gen.kinds import profiles
from disclosure_gen.kinds.final_accounts.compute.run import Computed, compute
from disclosure_gen.kinds.final_accounts.context import FinalAccountsContext
from disclosure_gen.kinds.final_accounts.model import FinalAccounts, from_records
from disclosure_gen.kinds.final_accounts.render import build_context
from disclosure_gen.kinds.final_accounts.schema import PROFILES, SCHEMA
from disclosure_gen.render.context import RenderContext
from disclosure_gen.validate.context import Settings
from disclosure_gen.workbook.schema import WorkbookSchema

if TYPE_CHECKING:  # next-year and consolidate are imported only when run
    from collections.abc import Sequence

    from disclosure_gen.consolidation import Consolidated, Part
    from disclosure_gen.yearly import NextWorkbook


@dataclass(frozen=True)
class FinalAccountsKind:
    name: str = "final_accounts"
    label: str = "决算公开"
    schema: WorkbookSchema = SCHEMA
    templates: Path = Path(__file__).resolve().parent / "templates"

    def template_folders(self, model: FinalAccounts) -> tuple[Path, ...]:
        return profiles.layered(PROFILES, model.profile.wording, self.templates)

    def build_model(self, records: dict[str, Any]) -> FinalAccounts:
        return from_records(records)

    def rule_context(self, model: FinalAccounts, settings: Settings) -> FinalAccountsContext:
        return FinalAccountsContext(model, settings)

    def compute(self, model: FinalAccounts) -> Computed:
        return compute(model)

    def render_context(
        self, env: Environment, model: FinalAccounts, computed: Computed
    ) -> RenderContext:
        return build_context(env, model, computed)

    def consolidate(self, dept: Part, units: Sequence[Part]) -> Consolidated:
        """The department's workbook from its 本级 part and its units' parts."""
        from disclosure_gen.kinds.final_accounts.consolidate import consolidate

        return consolidate(dept, units)

    def next_year(
        self,
        model: FinalAccounts,
        year: int,
        all_projects: bool = False,
        computed: Computed | None = None,
    ) -> NextWorkbook:
        """Next year's workbook (``all_projects`` does not apply: a 决算 carries no projects)."""
        from disclosure_gen.kinds.final_accounts.next_year import next_year

        return next_year(model, year, computed)


KIND = FinalAccountsKind()
