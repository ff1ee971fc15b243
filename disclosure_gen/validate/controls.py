"""Control totals (sheet 核对数): totals typed from the budget or 决算 system, each set
against the sum of the detail it controls, in 元, exactly.

Each kind says which totals it offers and how it derives them (``ControlTotal``); the one
rule X011 (disclosure_gen/validate/rules/crosscheck) compares them and names the lines most
likely at fault, so both kinds explain a gap in the same words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from disclosure_gen.validate.lines import CodedLine

Scope = Callable[[CodedLine], bool]


@dataclass(frozen=True)
class ControlTotal:
    """One typed control total and the value the workbook's detail gives it.

    ``scope`` picks the lines (of the kind's ``amount_cells``) the total adds up, so a gap
    can name a line; totals that add up no lines (procurement, balances) have none.
    ``people`` marks a headcount (实有人数), compared in 人 rather than 元.
    """

    label: str
    typed: Decimal | None
    derived: Decimal
    sheet: str
    cell: str | None
    scope: Scope | None = None
    people: bool = False
