"""Grid tables: one layout model that both the HTML and the DOCX template draw.

A header spec (a kind's tables.yaml) plus computed rows become a ``Grid``: rows of
cells with colspan/rowspan.  HTML uses the spans directly; DOCX needs a cell in every grid
slot (``docx_rows`` adds the vertical-merge continuations Word expects).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from itertools import accumulate, pairwise
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
    # The project name of a 绩效目标表 / 自评表: a page the table continues on repeats it
    # above the column titles as “（续）name” (PDF; style.css's named string ``continued``).
    continued: bool = False


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

    def body_groups(
        self, page: str = "text"
    ) -> list[tuple[bool, tuple[tuple[GridCell, ...], ...]]]:
        """The body rows as (keep, rows) groups: a row whose first cell spans rows (a
        绩效目标表's 一级指标 label) with the rows it spans is kept on one page, so a
        continuation page never shows rows without their 一级/二级 labels; the other rows
        run together.

        A group taller than a ``page`` (estimated: ``heights``) cannot be kept whole, and
        neither WeasyPrint nor Word repeats a spanning label on the next page: it is cut
        into kept pieces of about a third of a page, each carrying its 一级 and 二级 labels,
        so every page starts with a labelled row and a piece that does not fit on a page
        leaves at most about a third of it blank."""
        room = self.page_room(page)
        groups: list[tuple[bool, tuple[tuple[GridCell, ...], ...]]] = []
        index = 0
        while index < len(self.body):
            size = max(1, self.body[index][0].rowspan) if self.body[index] else 1
            rows = self.body[index : index + size]
            if size == 1 and groups and not groups[-1][0]:
                groups[-1] = (False, groups[-1][1] + rows)
            elif size > 1 and sum(self.heights(rows, page)) > room:
                groups.extend((True, piece) for piece in self._pieces(rows, page, room / 3))
            else:
                groups.append((size > 1, rows))
            index += size
        return groups

    def _pieces(
        self, rows: tuple[tuple[GridCell, ...], ...], page: str, target: float
    ) -> list[tuple[tuple[GridCell, ...], ...]]:
        """``rows`` cut into runs, each with the labels spanning into it: a first one of
        about half ``target`` (it shares its page with what comes before the table, so a
        small one fits more often), then runs of about equal height up to ``target``."""
        heights = self.heights(rows, page)
        cuts = [0]
        height = 0.0
        for number, row_height in enumerate(heights):
            if height and height + row_height > target / 2:
                cuts.append(number)
                break
            height += row_height
        start = cuts[-1]
        tops = list(accumulate(heights[start:], initial=0.0))  # each row's top in the rest
        count = max(1, math.ceil(tops[-1] / target))
        for piece in range(1, count):  # cut at the row top nearest each equal share
            share = tops[-1] * piece / count
            best = min(range(len(tops)), key=lambda n: abs(tops[n] - share))
            if cuts[-1] < start + best < len(rows):
                cuts.append(start + best)
        cuts.append(len(rows))
        return [relabelled(rows, start, end) for start, end in pairwise(dict.fromkeys(cuts))]

    def short_lead(self, page: str) -> bool:
        """Whether the lead rows (a project's block) take under a fifth of a page: they are
        then kept whole, going to the next page with the table's first rows rather than
        leaving a row or two of the block behind; a longer one (a 部门 block, a 自评表's goals)
        may break between its rows, so a table starts where it falls instead of leaving half
        a page blank."""
        return sum(self.heights(self.lead, page)) < PAGE_HEIGHT_PT[page] / 5

    def short_block(self, page: str) -> bool:
        """Whether a table with a lead block (a 绩效目标表, a 自评表) takes under two thirds
        of a page in all: it is then kept whole, caption included, so it starts on the next page
        rather than leaving its lead block split over two pages with three indicator rows
        on the second (seen with the 部门整体绩效目标表); a longer one starts where it
        falls and breaks as ``short_lead`` and ``body_groups`` allow."""
        rows = (*self.lead, *self.header, *self.body)
        return bool(self.lead) and sum(self.heights(rows, page)) < PAGE_HEIGHT_PT[page] * 2 / 3

    def page_room(self, page: str) -> float:
        """The height (pt) a page of this kind leaves the body rows under the repeated
        column titles."""
        return PAGE_HEIGHT_PT[page] - sum(self.heights(self.header, page))

    def heights(self, rows: Sequence[Sequence[GridCell]], page: str) -> list[float]:
        """Each row's height (pt) as the PDF draws it, estimated from its texts: the cell
        needing the most lines at the table's size (style.css: line-height 1.2, 0.3 mm
        padding, a 0.6 pt rule) in a box 2 mm narrower than its columns.  A label spanning
        rows is left out (its lines spread over them).  The estimate errs high (every
        character as wide as a CJK one), which only makes a piece smaller."""
        size = FONT_PT[self.font]
        whole = sum(self.widths)
        points = [w * TEXT_WIDTH_PT[page] / whole for w in self.widths]
        out = []
        for placed in _placements(rows):
            lines = 1
            for column, cell in placed:
                if cell.rowspan == 1:
                    width = sum(points[column : column + cell.colspan]) - CELL_PADDING_PT
                    lines = max(lines, _lines(cell.text, width, size))
            out.append(lines * size * 1.2 + 2.3)
        return out

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

    def docx_body(self, total_twips: int, page: str = "text") -> list[tuple[bool, list[DocxCell]]]:
        """The body rows as the PDF groups them (``body_groups``), each with whether it keeps
        with the next row (Word's keepNext: a kept group's rows but its last), so a
        continuation page in Word too starts with a row that carries its labels."""
        groups = self.body_groups(page)
        rows = [row for _, group in groups for row in group]
        keeps = [keep and n < len(group) - 1 for keep, group in groups for n in range(len(group))]
        return list(zip(keeps, _docx_rows(rows, self.twips(total_twips)), strict=True))


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


# The text block of each kind of page (style.css @page: A4, its margins), in pt; a grid's
# cell is 2 mm narrower than its columns (1 mm padding each side).
MM = 72 / 25.4
TEXT_WIDTH_PT = {"text": 156 * MM, "tables": 170 * MM, "wide": 261 * MM}
PAGE_HEIGHT_PT = {"text": 225 * MM, "tables": 253 * MM, "wide": 168 * MM}
FONT_PT = {"normal": 9.5, "small": 8.0}
CELL_PADDING_PT = 2 * MM


def _lines(text: str, width: float, size: float) -> int:
    """Lines ``text`` takes in a box ``width`` pt wide at ``size`` pt: whole characters a
    line, each counted as wide as a CJK character."""
    per_line = max(1, int(width // size))
    return max(1, math.ceil(len(text) / per_line))


def _placements(rows: Sequence[Sequence[GridCell]]) -> list[list[tuple[int, GridCell]]]:
    """Each row's cells with the column each starts in: a cell takes the first column not
    covered by a cell spanning down from a row above (the HTML table model)."""
    covered: dict[int, int] = {}  # column → rows it is still covered for, this one included
    out: list[list[tuple[int, GridCell]]] = []
    for row in rows:
        placed = []
        column = 0
        for cell in row:
            while covered.get(column, 0) > 0:
                column += 1
            placed.append((column, cell))
            for c in range(column, column + cell.colspan):
                covered[c] = cell.rowspan
            column += cell.colspan
        out.append(placed)
        covered = {c: left - 1 for c, left in covered.items() if left > 1}
    return out


def relabelled(
    rows: Sequence[Sequence[GridCell]], start: int, end: int
) -> tuple[tuple[GridCell, ...], ...]:
    """Rows ``start:end`` of a run of rows, standing on their own: a label spanning into
    them from above is repeated on their first row, and no label spans past their end."""
    placements = _placements(rows)
    out = []
    for number in range(start, end):
        cells = [
            (column, replace(cell, rowspan=min(cell.rowspan, end - number)))
            for column, cell in placements[number]
        ]
        if number == start:
            cells += [
                (column, replace(cell, rowspan=min(first + cell.rowspan, end) - start))
                for first in range(start)
                for column, cell in placements[first]
                if first + cell.rowspan > start
            ]
        out.append(tuple(cell for _, cell in sorted(cells, key=lambda pair: pair[0])))
    return tuple(out)
