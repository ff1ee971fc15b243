"""Control totals (sheet 核对数): totals typed from the budget or 决算 system, each set
against the sum of the detail it controls, in 元, exactly.

Each kind says which totals it offers and how it derives them (``ControlTotal``); the one
rule X011 (disclosure_gen/validate/rules/crosscheck) compares them and names the lines most
likely at fault, so both kinds explain a gap in the same words.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from disclosure_gen.records import Located
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


def totals_of(
    controls: Located | None,
    labels: Mapping[str, str],
    derived: Mapping[str, Decimal],
    scopes: Mapping[str, Scope],
) -> list[ControlTotal]:
    """Every total a kind's 核对数 offers (``labels``: field key → label), typed or not,
    beside its value ``derived`` from the detail in 元 (``scopes``: the lines it adds up)."""
    if controls is None:
        return []
    out = []
    for key, label in labels.items():
        typed = getattr(controls, key)
        out.append(
            ControlTotal(
                label,
                None if typed is None else Decimal(typed),
                derived[key],
                controls.sheet,
                controls.cell(key),
                scopes.get(key),
                people=key == "headcount",
            )
        )
    return out
