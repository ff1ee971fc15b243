"""Run the phrasing template and record the document as a list of typed blocks.

``content.j2`` calls ``doc.part(...)``, ``{% call doc.p() %}…{% endcall %}`` and so on;
each call appends a block.  The HTML and DOCX templates then only style blocks, so both
formats say exactly the same thing and a region's wording is one template change.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from disclosure_gen.compute.table import Table
from disclosure_gen.render.chart import Part, PieChart
from disclosure_gen.render.layout import Grid, GridCell, body_rows, header_rows
from disclosure_gen.render.titles import HEADING_CHARS, TITLE_CHARS, balanced_lines

LEGEND_HEADER = (
    (
        GridCell("项目", colspan=2, bold=True),
        GridCell("金额（万元）", bold=True),
        GridCell("占比", bold=True),
    ),
)


@dataclass
class Block:
    type: str
    text: str = ""
    grid: Grid | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    page: str = "text"  # text / tables (portrait, narrow margins) / wide (landscape)


def assign_pages(blocks: list[Block]) -> list[Block]:
    """Give each block its kind of page; a part heading shares the page of a table after it.

    Both layouts change page geometry only where the kind changes (a DOCX section break, a
    CSS named page), so a part title and its first table stay on one page.
    """
    for block in blocks:
        if block.type == "table" and block.grid is not None:
            # An empty wide table (its statement under the header) needs no landscape page.
            wide = block.grid.landscape and not block.extra.get("empty_note")
            block.page = "wide" if wide else "tables"
    for block, following in pairwise(blocks):
        if block.type == "part" and following.type == "table":
            block.page = following.page
    for block in blocks:
        if block.type == "part":  # its line width is known only now
            block.extra["lines"] = balanced_lines(block.text, TITLE_CHARS[block.page])
    return blocks


def _join(text: str) -> str:
    """Join the template's source lines: Chinese prose has no spaces at line breaks."""
    return "".join(line.strip() for line in text.splitlines())


class DocumentBuilder:
    """The ``doc`` object the content template talks to."""

    def __init__(
        self, specs: dict[str, Any], tables: dict[str, Table], subject: dict[str, str]
    ) -> None:
        self.blocks: list[Block] = []
        self.specs = specs
        self.tables = tables
        self.subject = subject
        self.toc: list[tuple[str, str, int]] = []
        self.sections_listed = False  # whether each h1 is a 目录 entry (``list_sections``)

    def _add(self, block: Block) -> str:
        self.blocks.append(block)
        return ""

    def _anchor(self, text: str, level: int) -> str:
        anchor = f"s{len(self.toc) + 1}"
        self.toc.append((anchor, text, level))
        return anchor

    def cover(self, *lines: str) -> str:
        """The cover title, one line per argument at least; an argument too long for one
        line (a long unit name) is broken into balanced lines at word boundaries."""
        broken = [part for line in lines for part in balanced_lines(line, TITLE_CHARS["text"])]
        return self._add(Block("cover", "".join(lines), extra={"lines": broken}))

    def list_sections(self) -> str:
        """From here on every section heading (h1) is a 目录 entry as well, for a region
        whose 目录 lists the sections of each part (Shanghai's 决算), not only parts and
        tables."""
        self.sections_listed = True
        return ""

    def contents(self, title: str) -> str:
        return self._add(Block("toc", title, extra={"entries": self.toc}))

    def part(self, text: str) -> str:
        return self._add(Block("part", text, extra={"anchor": self._anchor(text, 1)}))

    def h1(self, text: str) -> str:
        return self._heading("h1", _join(text))

    def h2(self, text: str) -> str:
        return self._heading("h2", _join(text))

    def _heading(self, level: str, text: str) -> str:
        """A heading with its balanced lines (a long one breaks at a word, not “总|体说明”)."""
        lines = balanced_lines(text, HEADING_CHARS[level])
        extra: dict[str, Any] = {"lines": lines}
        if level == "h1" and self.sections_listed:
            extra["anchor"] = self._anchor(text, 2)
        return self._add(Block(level, text, extra=extra))

    def p(self, caller: Callable[[], str]) -> str:
        text = _join(caller())
        return self._add(Block("p", text)) if text else ""

    def labelled(self, label: str, text: str) -> str:
        """“label：text”; a text with line breaks continues in paragraphs of its own."""
        lines = [line.strip() for line in text.splitlines() if line.strip()] or [""]
        self._add(Block("p", f"{label}：{lines[0]}"))
        for line in lines[1:]:
            self._add(Block("p", line))
        return ""

    def paras(self, text: str) -> str:
        """User text with its own line breaks: one paragraph per non-empty line."""
        for line in text.splitlines():
            if line.strip():
                self._add(Block("p", line.strip()))
        return ""

    def sign(self, *lines: str) -> str:
        return self._add(Block("sign", extra={"lines": list(lines)}))

    def page_break(self) -> str:
        return self._add(Block("pagebreak"))

    def table(
        self,
        key: str,
        number: str,
        editor: str,
        empty_note: str = "",
        note: str = "",
        numbered: bool = True,
    ) -> str:
        """Caption, 编制单位 line, the grid and, for an empty table, its sentence.

        ``note``: a line printed under the table whether it is empty or not (a region's
        “注：本表反映…”); ``numbered``: whether the caption prints ``number`` above the
        title (the 目录 lists it either way).

        A spec's ``relabel`` maps a computed row label to the wording a region prints
        (``1、一般公共预算拨款`` → ``1.一般公共预算拨款``): labels are presentation.
        """
        spec = self.specs[key]
        table = self.tables[key]
        title = spec["title"].format(**self.subject)
        anchor = self._anchor(f"{number} {title}", 2)
        relabel: dict[str, str] = spec.get("relabel", {})
        rows = [
            (r.level, [relabel.get(c, c) if isinstance(c, str) else c for c in r.cells])
            for r in table.rows
        ]
        grid = Grid(
            widths=tuple(spec["widths"]),
            header=header_rows(spec["header"], self.subject),
            # An empty table prints its statement, not a 总计 row of blanks.
            body=body_rows(rows, spec["align"]) if not table.empty else (),
            landscape=spec.get("orientation") == "landscape",
            font="small" if len(spec["widths"]) > 8 else "normal",
        )
        return self._add(
            Block(
                "table",
                title,
                grid,
                {
                    "number": number,
                    "anchor": anchor,
                    "editor": editor,
                    "unit": "单位：万元",
                    "empty_note": empty_note if table.empty else "",
                    "note": note,
                    "numbered": numbered,
                },
            )
        )

    def chart(self, title: str, parts: Sequence[Part]) -> str:
        """A structure chart of stated figures and its legend (name, amount, share in text,
        so the figures are readable without the picture); nothing when every part is zero."""
        chart = PieChart.of(title, parts)
        if chart.empty:
            return ""
        legend = Grid(
            widths=(1, 9, 5, 4),
            header=LEGEND_HEADER,
            body=tuple(
                (
                    GridCell("■", color=color),
                    GridCell(name, align="l"),
                    GridCell(amount, align="r"),
                    GridCell(share, align="r"),
                )
                for color, name, amount, share in chart.legend()
            ),
        )
        key = f"chart{sum(1 for b in self.blocks if b.type == 'chart') + 1}"
        return self._add(Block("chart", title, legend, {"chart": chart, "key": key}))

    def grid(self, grid: Grid, title: str = "", subtitle: str = "") -> str:
        return self._add(Block("grid", title, grid, {"subtitle": subtitle}))
