"""What a final-accounts rule sees: the model, the run's settings, the figures computed once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from disclosure_gen.kinds.final_accounts.compute.run import Computed, compute
from disclosure_gen.kinds.final_accounts.controls import control_totals
from disclosure_gen.kinds.final_accounts.model import ActualLine, FinalAccounts
from disclosure_gen.kinds.final_accounts.schema import (
    FIXED_COMPARISONS,
    FUNCTION_COMPARISON_PREFIX,
    PROJECT_EVALUATIONS,
)
from disclosure_gen.validate.context import Settings
from disclosure_gen.validate.controls import ControlTotal
from disclosure_gen.validate.lines import (
    AmountCell,
    CodedRow,
    ModelFacts,
    NamedClass,
)


@dataclass
class FinalAccountsContext(ModelFacts):
    """Also the final accounts' ``LinesContext`` (disclosure_gen.validate.lines): the rules
    both kinds run read 决算明细, 收入决算 and 结转结余 through it."""

    model: FinalAccounts
    settings: Settings = field(default_factory=Settings)

    @cached_property
    def computed(self) -> Computed:
        return compute(self.model)

    # ------------------------------------------------------------ LinesContext

    @property
    def project_sheet(self) -> str:
        return PROJECT_EVALUATIONS.name

    def coded_lines(self) -> Sequence[ActualLine]:
        return self.model.lines

    def other_coded_rows(self) -> Sequence[CodedRow]:
        return [*self.model.income, *self.model.carryover]

    def named_classes(self) -> Sequence[NamedClass]:
        return ()

    def amount_cells(self) -> Sequence[AmountCell]:
        """The 决算数 of every line (what 核对数 adds up)."""
        return [AmountCell(line.actual, line, "actual") for line in self.model.lines]

    def magnitude_columns(self) -> Sequence[Sequence[AmountCell]]:
        """决算数, 年初预算数 and 全年预算数, each judged on its own: the document prints all
        three (“年初预算为…，决算为…，完成年初预算的…%”), and one column can be typed in
        万元 while the others are in 元."""
        lines = self.model.lines
        return [
            self.amount_cells(),
            [AmountCell(line.budget, line, "budget") for line in lines],
            [AmountCell(line.full_budget, line, "full_budget") for line in lines],
        ]

    def control_totals(self) -> Sequence[ControlTotal]:
        return control_totals(self.model)

    @property
    def fixed_comparisons(self) -> Sequence[str]:
        return FIXED_COMPARISONS

    @property
    def function_comparison_prefix(self) -> str:
        return FUNCTION_COMPARISON_PREFIX
