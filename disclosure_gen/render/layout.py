"""Grid tables: one layout model that both the HTML and the DOCX template draw.

A header spec (a kind's tables.yaml) plus computed rows become a ``Grid``: rows of
cells with colspan/rowspan.  HTML uses the spans directly; DOCX needs a cell in every grid
slot (``docx_rows`` adds the vertical-merge continuations Word expects).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from disclosure_gen.money import format_amount


@dataclass(frozen=True)
class GridCell:
    text: str
    colspan: int = 1
    rowspan: int = 1
    align: str = "c"
    bold: bool = False
    color: str = ""  # "#rrggbb" for a chart legend's swatch; empty is black


@dataclass(frozen=True)
class DocxCell:
    """A DOCX ``w:tc``: text, grid span and vertical merge state (None, restart, continue)."""

    text: str
    span: int
    width: int
    align: str
    bold: bool
    vmerge: str | None
    color: str = ""


@dataclass(frozen=True)
class Grid:
    widths: tuple[int, ...]  # relative
    header: tuple[tuple[GridCell, ...], ...]
    body: tuple[tuple[GridCell, ...], ...]
    landscape: bool = False
    font: str = "normal"  # normal / small
    meta: dict[str, Any] = field(default_factory=dict)
    # Rows printed once above ``header`` (a 绩效目标表's project block with its long goal):
    # only the column titles repeat on a continuation page.
    lead: tuple[tuple[GridCell, ...], ...] = ()

    def body_groups(self) -> list[tuple[bool, tuple[tuple[GridCell, ...], ...]]]:
        """The body rows as (keep, rows) groups: a row whose first cell spans rows (a
        绩效目标表's 一级指标 label) with the rows it spans is kept on one page, so a
        continuation page never shows rows without their 一级/二级 labels (short of a group
        taller than a page); the other rows run together."""
        groups: list[tuple[bool, tuple[tuple[GridCell, ...], ...]]] = []
        index = 0
        while index < len(self.body):
            size = max(1, self.body[index][0].rowspan) if self.body[index] else 1
            rows = self.body[index : index + size]
            if size == 1 and groups and not groups[-1][0]:
                groups[-1] = (False, groups[-1][1] + rows)
            else:
                groups.append((size > 1, rows))
            index += size
        return groups

    def percent_widths(self) -> list[str]:
        whole = sum(self.widths)
        return [f"{w * 100 / whole:.2f}%" for w in self.widths]

    def twips(self, total: int) -> list[int]:
        """Column widths in twips for a table ``total`` twips wide."""
        whole = sum(self.widths)
        return [w * total // whole for w in self.widths]

    def docx_lead(self, total_twips: int) -> list[list[DocxCell]]:
        return _docx_rows(self.lead, self.twips(total_twips))

    def docx_header(self, total_twips: int) -> list[list[DocxCell]]:
        return _docx_rows(self.header, self.twips(total_twips))

    def docx_body(self, total_twips: int) -> list[list[DocxCell]]:
        return _docx_rows(self.body, self.twips(total_twips))


def cell_text(value: object) -> str:
    """Amounts as 1,234.56 (blank for zero, as the tables print them); text as is."""
    if isinstance(value, Decimal):
        return format_amount(value, blank_zero=True)
    return "" if value is None else str(value)


def header_rows(
    spec: Sequence[Sequence[Any]], subject: dict[str, str]
) -> tuple[tuple[GridCell, ...], ...]:
    rows = []
    for row in spec:
        cells = []
        for cell in row:
            if isinstance(cell, dict):
                text = str(cell["text"]).format(**subject)
                cells.append(
                    GridCell(
                        text, int(cell.get("colspan", 1)), int(cell.get("rowspan", 1)), bold=True
                    )
                )
            else:
                cells.append(GridCell(str(cell).format(**subject), bold=True))
        rows.append(tuple(cells))
    return tuple(rows)


# 总计 rows and a department's unit subtotal rows (表7, 表11) stand out from the rows they sum.
BOLD_LEVELS = frozenset({"total", "unit"})


def body_rows(
    rows: Sequence[tuple[str, Sequence[object]]], align: Sequence[str]
) -> tuple[tuple[GridCell, ...], ...]:
    """Computed rows (level, cells) as grid cells; total and unit rows are bold."""
    out = []
    for level, cells in rows:
        out.append(
            tuple(
                GridCell(
                    cell_text(value),
                    align=align[i] if i < len(align) else "l",
                    bold=level in BOLD_LEVELS,
                )
                for i, value in enumerate(cells)
            )
        )
    return tuple(out)


def _docx_rows(rows: Sequence[Sequence[GridCell]], twips: Sequence[int]) -> list[list[DocxCell]]:
    """Place cells on the grid (``twips``: each column's width); add a ``continue`` cell
    under every rowspan."""
    pending: dict[int, tuple[GridCell, int]] = {}  # column → (cell, rows still covered)
    out: list[list[DocxCell]] = []
    for row in rows:
        placed: list[DocxCell] = []
        col = 0
        queue = list(row)
        while col < len(twips):
            if col in pending:
                cell, left = pending[col]
                placed.append(
                    DocxCell(
                        "",
                        cell.colspan,
                        sum(twips[col : col + cell.colspan]),
                        cell.align,
                        cell.bold,
                        "continue",
                    )
                )
                if left > 1:
                    pending[col] = (cell, left - 1)
                else:
                    del pending[col]
                col += cell.colspan
                continue
            if not queue:
                placed.append(DocxCell("", 1, twips[col], "c", False, None))
                col += 1
                continue
            cell = queue.pop(0)
            span = min(cell.colspan, len(twips) - col)
            vmerge = "restart" if cell.rowspan > 1 else None
            if cell.rowspan > 1:
                pending[col] = (cell, cell.rowspan - 1)
            placed.append(
                DocxCell(
                    cell.text,
                    span,
                    sum(twips[col : col + span]),
                    cell.align,
                    cell.bold,
                    vmerge,
                    cell.color,
                )
            )
            col += span
        out.append(placed)
    return out
