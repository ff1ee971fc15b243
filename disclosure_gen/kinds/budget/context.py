"""What a budget rule sees: the model, the run's settings, and the figures computed once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from disclosure_gen.kinds.budget.compute.run import Computed, compute
from disclosure_gen.kinds.budget.controls import control_totals
from disclosure_gen.kinds.budget.model import Disclosure, ExpenditureLine, Purpose
from disclosure_gen.kinds.budget.schema import FIXED_COMPARISONS, FUNCTION_COMPARISON_PREFIX
from disclosure_gen.validate.context import Settings
from disclosure_gen.validate.controls import ControlTotal
from disclosure_gen.validate.lines import AmountCell, CodedRow, ModelFacts


@dataclass
class BudgetContext(ModelFacts):
    """Also the budget's ``LinesContext`` (disclosure_gen.validate.lines): the rules both
    kinds run read 支出明细 through it."""

    model: Disclosure
    settings: Settings = field(default_factory=Settings)

    @cached_property
    def computed(self) -> Computed:
        """Tables and facts, computed once per run however many rules ask."""
        return compute(self.model)

    # ------------------------------------------------------------ LinesContext

    @property
    def project_sheet(self) -> str:
        return "项目信息"

    def coded_lines(self) -> Sequence[ExpenditureLine]:
        return self.model.lines

    def other_coded_rows(self) -> Sequence[CodedRow]:
        return ()

    def named_classes(self) -> Sequence[Purpose]:
        return self.model.purposes

    def amount_cells(self) -> Sequence[AmountCell]:
        return [AmountCell(line.amount, line, "amount") for line in self.model.lines]

    def magnitude_columns(self) -> Sequence[Sequence[AmountCell]]:
        return [self.amount_cells()]

    def control_totals(self) -> Sequence[ControlTotal]:
        return control_totals(self.model)

    @property
    def fixed_comparisons(self) -> Sequence[str]:
        return FIXED_COMPARISONS

    @property
    def function_comparison_prefix(self) -> str:
        return FUNCTION_COMPARISON_PREFIX
