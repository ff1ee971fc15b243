"""What every kind's rules share: the settings of this run (CLI options)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Settings:
    """Thresholds a finance office may tune (CLI options of validate and generate)."""

    reason_min_change: Decimal = Decimal(0)  # 万元: a change larger than this needs a reason
    large_change_percent: Decimal = Decimal(50)  # a change beyond ±this % needs a specific reason
    # --amounts-checked: the user has confirmed that amounts which look like 万元 typed into
    # 元 cells are meant as they are; the magnitude errors become notes (V002) at their cells.
    amounts_checked: bool = False
