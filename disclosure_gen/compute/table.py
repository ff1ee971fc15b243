"""A computed table: rows of cells (text or 万元 Decimal), each row with its level.

Kinds compute their tables as these; headers, titles and widths are presentation and live
in each kind's ``tables.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

Cell = str | Decimal


@dataclass(frozen=True)
class Row:
    level: str  # total / class / section / item / project / … (total rows print bold)
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Table:
    key: str
    rows: tuple[Row, ...]
    empty: bool = False
