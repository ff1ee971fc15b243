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
within that (“…比上年预算增加” before a long “2,184.24万元，”) stays a little short.
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
    """Each line as a no-wrap span, its characters grouped by the spacing after them, and a
    forced break after every line but the last."""
    out = []
    for line in lines:
        out.append('<span class="jl">')
        gaps = line.gaps or (0.0,) * len(line.text)
        position = 0
        for value, group in groupby(gaps):
            size = len(list(group))
            run = escape(line.text[position : position + size])
            position += size
            if value:
                out.append(f'<span style="letter-spacing:{value:.3f}px">{run}</span>')
            else:
                out.append(str(run))
        out.append("</span>")
        if line is not lines[-1]:
            out.append("<br>")
    return Markup("".join(out))


def squeezable(text: str) -> list[bool]:
    """For each character, whether the gap after it may shrink (full-width punctuation)."""
    return [a in CLOSERS or b in OPENERS for a, b in pairwise(text)] + [False]


def numbered(blocks: Sequence[Block]) -> tuple[Block, ...]:
    """Body paragraphs carry their index (``data-p``) so their line boxes can be found."""
    out = []
    for index, block in enumerate(blocks):
        if block.type == "p":
            block = replace(block, extra={**block.extra, "p": index})
        out.append(block)
    return tuple(out)


def with_lines(blocks: Sequence[Block], lines: dict[int, list[Line]]) -> tuple[Block, ...]:
    """The blocks with each measured paragraph's lines (a one-line paragraph stays as is)."""
    out = []
    for block in blocks:
        index = block.extra.get("p")
        if block.type == "p" and index in lines and len(lines[index]) > 1:
            block = replace(block, extra={**block.extra, "lines": lines[index]})
        out.append(block)
    return tuple(out)


Piece = tuple[str, float | None]  # text and width (px), None where unknown


@dataclass
class _Measured:
    pieces: list[Piece]
    slack: float
    size: float

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.pieces)


def _paragraph_boxes(box: Any) -> Iterator[tuple[int, Any]]:
    from weasyprint.formatting_structure import boxes

    for child in box.descendants():
        if isinstance(child, boxes.BlockBox) and child.element_tag == "p":
            index = child.element.get("data-p") if child.element is not None else None
            if index is not None:
                yield int(index), child


def _pieces(text: str, width: float, size: float) -> list[Piece]:
    """A text box as pieces: a span's run whole, full-width characters (1 em) one by one,
    spaces sharing what is left of the box's width."""
    if PIECE.fullmatch(text):
        return [(text, width)]
    spaces = sum(c.isspace() for c in text)
    if not text or not all(FULL_WIDTH.fullmatch(c) or c.isspace() for c in text):
        return [(c, None) for c in text]
    space = (width - (len(text) - spaces) * size) / spaces if spaces else 0.0
    return [(c, space if c.isspace() else size) for c in text]


def _line_boxes(paragraph: Any) -> Iterator[_Measured]:
    """The pieces and slack (px) of each line box of a paragraph box."""
    from weasyprint.formatting_structure import boxes

    right = paragraph.content_box_x() + paragraph.width
    size = float(paragraph.style["font_size"])
    for line in paragraph.children:
        if not isinstance(line, boxes.LineBox):
            continue
        texts = [c for c in line.descendants() if isinstance(c, boxes.TextBox)]
        if not texts:
            continue
        end = max(c.position_x + c.width for c in texts)
        pieces = [piece for c in texts for piece in _pieces(c.text, c.width, size)]
        while pieces and pieces[0][0].isspace():
            pieces.pop(0)
        while pieces and pieces[-1][0].isspace():
            pieces.pop()
        yield _Measured(pieces, right - end, size)


def measure(pages: Sequence[Any], blocks: Sequence[Block]) -> dict[int, list[Line]]:
    """Each numbered paragraph's lines, from the pages of a layout of the paragraphs.

    A paragraph whose line texts do not add up to its own text (collapsed white space) is
    left out: it prints as before rather than risk a changed text."""
    found: dict[int, list[_Measured]] = {}
    for page in pages:
        for index, paragraph in _paragraph_boxes(page._page_box):
            found.setdefault(index, []).extend(_line_boxes(paragraph))
    texts = {b.extra["p"]: b.text for b in blocks if b.type == "p" and "p" in b.extra}
    out: dict[int, list[Line]] = {}
    for index, measured in found.items():
        lines = _justify(texts.get(index, ""), measured)
        if lines is not None:
            out[index] = lines
    return out


def _justify(text: str, measured: list[_Measured]) -> list[Line] | None:
    """Map the measured lines onto the paragraph's text, break it anew, give lines spacing.

    Where a piece's width is unknown (a text box mixing kinds of characters) the measured
    breaks stay as they are."""
    pos = 0
    for line in measured:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if not line.pieces or not text.startswith(line.text, pos):
            return None
        pos += len(line.text)
    if text[pos:].strip() or not measured:
        return None
    lines = _rebreak(text, measured) or measured
    return [_spaced(line, last=line is lines[-1]) for line in lines]


def _rebreak(text: str, measured: list[_Measured]) -> list[_Measured] | None:
    """The paragraph broken anew by least total cost over all allowed breaks (a small
    Knuth–Plass), from the measured widths of its pieces; None when a piece has no known
    width (a text box mixing kinds of characters): then the measured breaks stay."""
    pieces = [piece for line in measured for piece in line.pieces]
    widths = [width for _, width in pieces]
    if any(w is None for w in widths) or not pieces:
        return None
    size = measured[0].size
    caps = [line.slack + sum(w or 0.0 for _, w in line.pieces) for line in measured]
    first, rest = caps[0], caps[1] if len(caps) > 1 else caps[0]
    forbidden = _no_break_positions(text)
    offsets, advance = [0], [0.0]
    for (piece, _), width in zip(pieces, widths, strict=True):
        offsets.append(offsets[-1] + len(piece))
        advance.append(advance[-1] + (width or 0.0))
    squeeze = [0]
    for shrinks in squeezable(text):
        squeeze.append(squeeze[-1] + shrinks)
    count = len(pieces)
    best: list[float] = [0.0] + [OUT * 10] * count
    back = [0] * (count + 1)
    for j in range(1, count + 1):
        if j < count and offsets[j] in forbidden:
            continue
        for i in range(j - 1, -1, -1):
            width = advance[j] - advance[i]
            cap = first if i == 0 else rest
            if width > 1.2 * cap:
                break
            if i and offsets[i] in forbidden:
                continue
            a, b = offsets[i], offsets[j]
            cost = best[i] + _line_cost(
                (cap - width) / size,
                SQUEEZE_EM * (squeeze[b - 1] - squeeze[a])
                + SQUEEZE_END_EM * (text[b - 1] in CLOSERS),
                b - a,
                j == count,
            )
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
    if last or not text:
        return Line(text)
    if room >= 0:
        # One spacing for the whole line (also after its last character, which only moves
        # the invisible end of the box); a line that cannot reach the margin keeps its
        # natural spacing.
        count = len(text) - 1
        value = room / count if count and room <= MAX_GAP_EM * size * count else 0.0
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
    if last:
        return (0.0 if room >= 0 else OUT) + (0.0 if chars >= 2 else OUT / 2)
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
