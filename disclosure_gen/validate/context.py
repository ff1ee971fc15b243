"""What a rule sees: the model, the settings of this run, and derived figures computed once."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from disclosure_gen.catalogs import Catalog
from disclosure_gen.compute.run import Computed, compute
from disclosure_gen.model.budget import Disclosure


@dataclass(frozen=True)
class Settings:
    """Thresholds a finance office may tune (CLI options of validate and generate)."""

    reason_min_change: Decimal = Decimal(0)  # 万元: a change larger than this needs a reason
    large_change_percent: Decimal = Decimal(50)  # a change beyond ±this % needs a specific reason


@dataclass
class RuleContext:
    model: Disclosure
    settings: Settings = field(default_factory=Settings)

    @cached_property
    def computed(self) -> Computed:
        """Tables and facts, computed once per run however many rules ask."""
        return compute(self.model)

    @property
    def functions(self) -> Catalog:
        """The year's function catalog with the workbook's 补充科目 merged in."""
        return self.computed.functions

    @property
    def economic(self) -> Catalog:
        """The economic catalog with the workbook's 补充科目 merged in."""
        return self.computed.economic
