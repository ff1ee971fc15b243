"""What a final-accounts rule sees: the model, the run's settings, the figures computed once."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from disclosure_gen.kinds.final_accounts.compute.run import Computed, compute
from disclosure_gen.kinds.final_accounts.model import FinalAccounts
from disclosure_gen.validate.context import Settings


@dataclass
class FinalAccountsContext:
    model: FinalAccounts
    settings: Settings = field(default_factory=Settings)

    @cached_property
    def computed(self) -> Computed:
        return compute(self.model)
