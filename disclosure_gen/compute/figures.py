"""Figures with their year-over-year change, and the prior-year figures they compare with.

A ``Figure`` is what one sentence states: an amount, its share, its change against the
prior year (sheet 上年对比) and the reason the unit typed for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from disclosure_gen.money import Change, percent, strip_reason_prefix, yuan_to_wan


@dataclass(frozen=True)
class Figure:
    """An amount with its share, its change against the prior year and the reason given."""

    name: str
    amount: Decimal
    share: Decimal | None = None
    change: Change | None = None
    reason: str = ""
    arranged: bool = True  # False: stated as “未安排”
    new: bool = False  # no prior-year figure (上年无此项): stated as new, never as a change from 0


class PriorRow(Protocol):
    """A row of a kind's prior-year sheet: the item it compares, its amount in 元, why."""

    @property
    def item(self) -> str: ...
    @property
    def prior(self) -> Decimal | None: ...
    @property
    def reason(self) -> str | None: ...


class Comparisons:
    """Prior-year figures and reasons by item name (sheet 上年对比).

    ``absent`` names the items the prior year did not have at all (上年无此项): their figures
    are stated as new, not as a change from 0.
    """

    def __init__(self, rows: Sequence[PriorRow], absent: Iterable[str] = ()) -> None:
        self.rows = {r.item: r for r in rows if r.prior is not None}
        self.absent = frozenset(absent) - set(self.rows)

    def figure(self, name: str, item: str, amount: Decimal, whole: Decimal | None = None) -> Figure:
        share = percent(amount, whole) if whole is not None else None
        row = self.rows.get(item)
        if row is None or row.prior is None:
            return Figure(name, amount, share, new=item in self.absent)
        change = Change(amount, yuan_to_wan(row.prior))
        return Figure(name, amount, share, change, strip_reason_prefix(row.reason or ""))
