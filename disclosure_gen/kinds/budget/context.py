"""What a budget rule sees: the model, the run's settings, and the figures computed once."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from disclosure_gen.catalogs import Catalog
from disclosure_gen.kinds.budget.compute.run import Computed, compute
from disclosure_gen.kinds.budget.model import Disclosure
from disclosure_gen.validate.context import Settings


@dataclass
class BudgetContext:
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
