"""Justified Chinese body text in the PDF: lay the paragraphs out once, then fix each line.

WeasyPrint justifies at spaces only, so a Chinese paragraph with ``text-align: justify``
keeps ragged line ends (measured 474–521 pt against a 521 pt margin).  The technique the
issue proposed (a space at every break opportunity, ``word-spacing`` minus its advance)
straightens the edge, but the spaces are real glyphs: pypdf and pdfplumber extract
"新 疆 维 吾 尔", so copy-paste and search see spaced-out text.

Instead: the body paragraphs alone are laid out by WeasyPrint (about 0.1–0.2 s, no tables,
no PDF written), each number glued to its unit and each run of digits or Latin letters in a
span of its own, so every piece of a line has a measured width (ideographs and full-width
punctuation are 1 em).  The paragraph is then broken anew by least cost over the breaks
our rules allow (禁则: no 。，、：；）》” at a line start, no （《“ at a line end, a number
never split nor parted from its unit), full-width punctuation giving up part of its blank
half where that lets a piece fit (标点挤压).  The document prints every line as a span of
its own whose ``letter-spacing`` spreads the slack over its gaps, followed by a forced
break.  The glyphs are the same; only their advances change, and no gap grows past
``MAX_GAP_EM``, which extractors read as nothing.  A line that cannot reach the margin
within that (“…比上年预算增加” before a long “2,184.24万元，”) is spread to that cap and
stays a little short.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import groupby, pairwise
from typing import Any

from markupsafe import Markup, escape

from disclosure_gen.render.blocks import Block

# A number and the unit after it stay on one line (“1,234.56万元”, “20.43%”, “12人”);
# Pango would break between a digit and a CJK unit.
UNIT_GLUE = re.compile(
    r"[-+]?\d[\d,.]*(?:万元|亿元|万|亿|元|%|％|个百分点|平方米|人|个|辆|家|项|台|套|名)"
)

# Characters one em wide in every CJK face: ideographs and full-width punctuation.
FULL_WIDTH_CHARS = "\u3000-\u303f\u3400-\u9fff\uff01-\uff5e"
FULL_WIDTH = re.compile(f"[{FULL_WIDTH_CHARS}]")

# The pieces that get a span (and so a measured width) in the measuring layout.
PIECE = re.compile(UNIT_GLUE.pattern + f"|[^\\s{FULL_WIDTH_CHARS}]+")

# Digits and Latin letters of one run: never parted by a line break.
TIGHT = re.compile(r"[0-9A-Za-z.,%+\-]")

# A gap may grow by at most this share of the font size: pypdf reads a gap of 0.95 × half
# the font's space as a space (Noto Serif CJK's space is 0.256 em: 0.12 em; measured, gaps
# of 0.155 em extracted as "数 为"); pdftotext starts a word at 0.1 em.
MAX_GAP_EM = 0.08

# Full-width punctuation may give up this much of its blank half where a line needs room
# (标点挤压): after a closing mark, before an opening one.
SQUEEZE_EM = 0.5
SQUEEZE_END_EM = 0.5
CLOSERS = set("，。、；：！？）》」』】〕")
OPENERS = set("（《「『【〔")

# 禁则: what may not open a line, what may not close one.
NO_LINE_START = set("。，、：；！？）》」』】〕”’%％·…—")
NO_LINE_END = set("（《「『【〔“‘")


@dataclass(frozen=True)
class Line:
    """One printed line of a paragraph and the letter-spacing (px) after each character."""

    text: str
    gaps: tuple[float, ...] = ()


def glued(text: str) -> Markup:
    """The escaped text with each number+unit and each digit/Latin run in a no-wrap span."""
    out: list[str] = []
    last = 0
    for match in PIECE.finditer(text):
        out.append(str(escape(text[last : match.start()])))
        out.append(f'<span class="nw">{escape(match.group(0))}</span>')
        last = match.end()
    out.append(str(escape(text[last:])))
    return Markup("".join(out))


def justified(lines: Sequence[Line]) -> Markup:
    """Each line as one no-wrap span (a stretched line carries its letter-spacing itself; a
    squeezed one spans its characters by spacing) and a forced break after all but the
    last: the fewer boxes, the cheaper the layout."""
    out = []
    for line in lines:
        groups = [(value, len(list(run))) for value, run in groupby(line.gaps)]
        if len(groups) == 1 and groups[0][0]:
            style = f' style="letter-spacing:{groups[0][0]:.3f}px"'
            out.append(f'<span class="jl"{style}>{escape(line.text)}</span>')
        else:
            out.append('<span class="jl">')
            position = 0
            for value, size in groups:
                run = escape(line.text[position : position + size])
                position += size
                if value:
                    out.append(f'<span style="letter-spacing:{value:.3f}px">{run}</span>')
                else:
                    out.append(str(run))
            out.append(str(escape(line.text[position:])) + "</span>")
        if line is not lines[-1]:
            out.append("<br>")
    return Markup("".join(out))


def squeezable(text: str) -> list[bool]:
    """For each character, whether the gap after it may shrink (full-width punctuation)."""
    return [a in CLOSERS or b in OPENERS for a, b in pairwise(text)] + [False]


def numbered(blocks: Sequence[Block]) -> tuple[Block, ...]:
    """Body paragraphs carry their index (``data-p`` in the HTML), which keys their lines."""
    out = []
    for index, block in enumerate(blocks):
        if block.type == "p":
            block = replace(block, extra={**block.extra, "p": index})
        out.append(block)
    return tuple(out)


def with_lines(blocks: Sequence[Block], lines: dict[int, list[Line]]) -> tuple[Block, ...]:
    """The blocks with each measured paragraph's lines (a one-line paragraph becomes one
    no-wrap span: cheaper to lay out than its text with every number in a span)."""
    out = []
    for block in blocks:
        index = block.extra.get("p")
        if block.type == "p" and index in lines:
            block = replace(block, extra={**block.extra, "lines": lines[index]})
        out.append(block)
    return tuple(out)


PROBE_LINES = "一" * 120  # two lines and more: the first line's and the others' width
PROBE_SPACE = "一 一"


def probes(blocks: Sequence[Block]) -> tuple[Block, ...]:
    """The measuring layout's paragraphs: two that give the line widths and the width of a
    space, and one holding every distinct digit/Latin run of the body text, each in a span
    of its own (ideographs and full-width punctuation are 1 em in every CJK face)."""
    runs = sorted({m.group(0) for b in blocks if b.type == "p" for m in PIECE.finditer(b.text)})
    texts = (PROBE_LINES, PROBE_SPACE, "一".join(runs) or "一")
    return tuple(Block("p", text, extra={"p": -1 - i}) for i, text in enumerate(texts))


@dataclass(frozen=True)
class Metrics:
    """What the measuring layout says about body lines (px)."""

    first: float  # room on a paragraph's first line (after its indent)
    rest: float  # room on its other lines
    size: float  # the font size: the width of a full-width character
    space: float
    runs: dict[str, float]


def _paragraph_boxes(box: Any) -> Iterator[tuple[int, Any]]:
    from weasyprint.formatting_structure import boxes

    for child in box.descendants():
        if isinstance(child, boxes.BlockBox) and child.element_tag == "p":
            index = child.element.get("data-p") if child.element is not None else None
            if index is not None:
                yield int(index), child


def metrics(pages: Sequence[Any]) -> Metrics | None:
    """The line widths and piece widths read from the probes' line and text boxes."""
    from weasyprint.formatting_structure import boxes

    found = {index: box for page in pages for index, box in _paragraph_boxes(page._page_box)}
    if not {-1, -2, -3} <= found.keys():
        return None
    probe = found[-1]
    right = probe.content_box_x() + probe.width
    lines = [line for line in probe.children if isinstance(line, boxes.LineBox)]
    if len(lines) < 2:
        return None
    size = float(probe.style["font_size"])
    first, rest = (right - _texts(line)[0].position_x for line in lines[:2])
    space = sum(c.width for c in _texts(found[-2].children[0])) - 2 * size
    runs = {c.text: c.width for line in found[-3].children for c in _texts(line)}
    return Metrics(first, rest, size, space, runs)


def _texts(line: Any) -> list[Any]:
    from weasyprint.formatting_structure import boxes

    return [c for c in line.descendants() if isinstance(c, boxes.TextBox)]


def measure(pages: Sequence[Any], blocks: Sequence[Block]) -> dict[int, list[Line]]:
    """Each numbered paragraph's lines, broken from the widths of the probes laid out on
    ``pages``."""
    return lines(blocks, metrics(pages))


def lines(blocks: Sequence[Block], found: Metrics | None) -> dict[int, list[Line]]:
    """Each numbered paragraph's lines, broken from the probes' widths ``found`` (measured
    here or in the PDF process); a paragraph with a piece of unknown width (or white space
    WeasyPrint would collapse) is left out, it prints as before."""
    out: dict[int, list[Line]] = {}
    if found is None:
        return out
    for block in blocks:
        if block.type != "p" or "p" not in block.extra or re.search(r"\s\s|[^\S ]", block.text):
            continue
        pieces = _pieces(block.text, found)
        lines = _rebreak(block.text, pieces, found) if pieces is not None else None
        if lines is not None:
            out[block.extra["p"]] = [_spaced(line, last=line is lines[-1]) for line in lines]
    return out


Piece = tuple[str, float]  # text and width (px)


@dataclass(frozen=True)
class _Measured:
    pieces: list[Piece]
    slack: float
    size: float

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.pieces)


def _pieces(text: str, found: Metrics) -> list[Piece] | None:
    """The text as pieces of known width: digit/Latin runs whole, other characters alone."""
    out: list[Piece] = []
    last = 0
    for match in [*PIECE.finditer(text), None]:
        for char in text[last : match.start() if match else len(text)]:
            if char == " ":
                out.append((char, found.space))
            elif FULL_WIDTH.fullmatch(char):
                out.append((char, found.size))
            else:
                return None
        if match:
            width = found.runs.get(match.group(0))
            if width is None:
                return None
            out.append((match.group(0), width))
            last = match.end()
    return out


def _rebreak(text: str, pieces: list[Piece], found: Metrics) -> list[_Measured] | None:
    """The paragraph broken by least total cost over all allowed breaks (a small
    Knuth–Plass); None when no breaking fits (a piece wider than a line)."""
    size, first, rest = found.size, found.first, found.rest
    forbidden = _no_break_positions(text)
    offsets, advance = [0], [0.0]
    for piece, width in pieces:
        offsets.append(offsets[-1] + len(piece))
        advance.append(advance[-1] + width)
    squeeze = [0]
    for shrinks in squeezable(text):
        squeeze.append(squeeze[-1] + shrinks)
    count = len(pieces)
    best: list[float] = [0.0] + [OUT * 10] * count
    back = [0] * (count + 1)
    allowed = [i == 0 or i == count or offsets[i] not in forbidden for i in range(count + 1)]
    for j in range(1, count + 1):
        if not allowed[j]:
            continue
        b = offsets[j]
        for i in range(j - 1, -1, -1):
            cap = first if i == 0 else rest
            width = advance[j] - advance[i]
            if width > 1.2 * cap:
                break
            if not allowed[i] or best[i] >= OUT or (width < cap - 6 * size and j < count):
                continue  # a line 6 em short is never the best (and the search stays short)
            a = offsets[i]
            room = SQUEEZE_EM * (squeeze[b - 1] - squeeze[a])
            room += SQUEEZE_END_EM * (text[b - 1] in CLOSERS)
            cost = best[i] + _line_cost((cap - width) / size, room, b - a, j == count)
            if cost < best[j]:
                best[j], back[j] = cost, i
    if best[count] >= OUT:
        return None
    bounds = [count]
    while bounds[-1]:
        bounds.append(back[bounds[-1]])
    bounds.reverse()
    return [
        _Measured(pieces[i:j], (first if i == 0 else rest) - (advance[j] - advance[i]), size)
        for i, j in pairwise(bounds)
    ]


def _spaced(line: _Measured, last: bool) -> Line:
    text, room, size = line.text, line.slack, line.size
    if not text or (last and room >= 0):
        return Line(text)
    if room >= 0:
        # One spacing for the whole line (also after its last character, which only moves
        # the invisible end of the box); a line that cannot reach the margin is spread as
        # far as the cap allows, so it stops a fraction of an em short, not ems.
        count = len(text) - 1
        value = min(room / count, MAX_GAP_EM * size) if count else 0.0
        return Line(text, (value,) * len(text) if value else ())
    # A closing mark at the line end gives up to half its width first (it then hangs past
    # the margin by what it gave, its ink still inside), then the inner marks.
    end = max(room, -SQUEEZE_END_EM * size) if text[-1] in CLOSERS else 0.0
    flags = squeezable(text)
    count = sum(flags)
    value = max((room - end) / count, -SQUEEZE_EM * size) if count else 0.0
    gaps = [value if flag else 0.0 for flag in flags]
    gaps[-1] = end
    return Line(text, tuple(gaps))


def _line_cost(room: float, squeeze: float, chars: int, last: bool) -> float:
    """How bad a line looks (``room`` in em): an overfull line is out, then a line that stays
    short of the margin (gaps would pass the cap), then the squared gap, a squeezed line a
    little more than a stretched one."""
    if abs(room) < 0.001:
        room = 0.0
    if last:  # left as it falls, unless squeezing lets it take a paragraph's last piece
        lone = 0.0 if chars >= 2 else OUT / 2
        if room >= 0:
            return lone
        return lone + (OUT if -room > squeeze else 4 * (room / squeeze) ** 2)
    if room >= 0:
        if room <= MAX_GAP_EM * (chars - 1):
            return (room / max(chars - 1, 1)) ** 2
        # The line cannot reach the margin: one such line is better than two.
        return RAGGED + room - MAX_GAP_EM * (chars - 1)
    if -room > squeeze:
        return OUT
    return 4 * (room / squeeze) ** 2


OUT = 1e9  # the cost of a line that does not fit
RAGGED = 1e3  # the cost of a line short of the margin


def _no_break_positions(text: str) -> set[int]:
    """Indexes ``i`` where a line may not start (a break between ``i - 1`` and ``i``)."""
    out = set()
    for index in range(1, len(text)):
        before, after = text[index - 1], text[index]
        tight = TIGHT.fullmatch(before) and TIGHT.fullmatch(after)
        space = before.isspace() or after.isspace()
        if after in NO_LINE_START or before in NO_LINE_END or tight or space:
            out.add(index)
    for match in UNIT_GLUE.finditer(text):
        out.update(range(match.start() + 1, match.end()))
    return out
