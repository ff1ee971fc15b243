"""Structure charts (收入决算结构, 支出决算结构): one pie geometry drawn twice.

The parts are the very figures a sentence states (name, displayed 万元 amount, displayed
share), never numbers parsed back from text, so the chart cannot disagree with the prose.
The geometry (slice angles, label places) is computed once here; ``svg()`` draws it for the
PDF (WeasyPrint renders inline SVG) and ``chart_png.draw_png`` draws the same picture for
the DOCX.  Zero parts are left out (a slice of nothing has no place on a pie); a single
part is a full disc.  Coordinates are rounded to 0.01 so the SVG text is the same on every run.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol
from xml.sax.saxutils import escape, quoteattr

from disclosure_gen.money import ZERO, format_amount, round2

# SVG user units (the PNG is drawn at a multiple of them): the disc and room for a label
# above and below it, no more, so a chart and its caption take under a third of a page.
WIDTH, HEIGHT = 600, 220
CX, CY, RADIUS = 300.0, 110.0, 96.0
ELBOW = RADIUS + 12  # the leader line bends here …
LABEL_GAP = 30  # … and its label starts this far from the disc
FONT_SIZE = 12.0
LINE_STEP = 17.0  # least vertical distance between two labels on one side
MARGIN = 10.0
FONT_FAMILY = "SimHei, 黑体, 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif"
# Distinct, print-safe colours; a part keeps its colour by its place in the full list.
PALETTE = ("#2f5597", "#c55a11", "#548235", "#bf9000", "#7030a0", "#2e9fa6", "#a5a5a5")


class Part(Protocol):
    """What a chart needs of a stated figure."""

    @property
    def name(self) -> str: ...

    @property
    def amount(self) -> Decimal: ...

    @property
    def share(self) -> Decimal | None: ...


@dataclass(frozen=True)
class Slice:
    name: str
    amount: Decimal
    share: Decimal  # percent, as the sentence prints it
    color: str
    start: float  # degrees clockwise from 12 o'clock
    end: float

    @property
    def full(self) -> bool:
        return self.end - self.start >= 360.0

    @property
    def middle(self) -> float:
        return (self.start + self.end) / 2

    @property
    def label(self) -> str:
        return f"{self.name} {share_text(self.share)}%"


@dataclass(frozen=True)
class Label:
    """A slice's label: the leader line from the disc (anchor → elbow → end) and the text."""

    text: str
    anchor: tuple[float, float]
    elbow: tuple[float, float]
    end: tuple[float, float]
    right: bool  # text to the right of the disc (starts at ``end``) or left (ends there)

    @property
    def baseline(self) -> float:
        """The text's baseline: its middle sits on the leader line."""
        return round(self.end[1] + FONT_SIZE * 0.35, 2)


def share_text(share: Decimal) -> str:
    return f"{round2(share):,.2f}"


def point(angle: float, radius: float) -> tuple[float, float]:
    """A point at ``angle`` degrees clockwise from 12 o'clock, ``radius`` from the centre."""
    rad = math.radians(angle)
    return round(CX + radius * math.sin(rad), 2), round(CY - radius * math.cos(rad), 2)


def _spread(ys: list[float]) -> list[float]:
    """Labels of one side, top to bottom, moved apart to at least LINE_STEP and kept inside."""
    out = list(ys)
    for i in range(1, len(out)):
        out[i] = max(out[i], out[i - 1] + LINE_STEP)
    bottom = HEIGHT - MARGIN
    if out and out[-1] > bottom:
        out[-1] = bottom
        for i in range(len(out) - 2, -1, -1):
            out[i] = min(out[i], out[i + 1] - LINE_STEP)
    top = MARGIN + FONT_SIZE / 2
    for i in range(len(out)):
        out[i] = max(out[i], top + i * LINE_STEP)
    return out


def _labels(slices: Sequence[Slice]) -> tuple[Label, ...]:
    placed: dict[int, Label] = {}
    for right in (True, False):
        mine = [
            (i, s)
            for i, s in enumerate(slices)
            if (math.sin(math.radians(s.middle)) >= -1e-9) == right
        ]
        mine.sort(key=lambda item: point(item[1].middle, ELBOW)[1])
        ys = _spread([point(s.middle, ELBOW)[1] for _, s in mine])
        for (i, s), y in zip(mine, ys, strict=True):
            x = CX + (RADIUS + LABEL_GAP) * (1 if right else -1)
            elbow_x = point(s.middle, ELBOW)[0]
            placed[i] = Label(
                s.label,
                point(s.middle, RADIUS),
                (elbow_x, round(y, 2)),
                (round(x, 2), round(y, 2)),
                right,
            )
    return tuple(placed[i] for i in range(len(slices)))


@dataclass(frozen=True)
class PieChart:
    title: str
    slices: tuple[Slice, ...]
    labels: tuple[Label, ...]

    @classmethod
    def of(cls, title: str, parts: Sequence[Part]) -> PieChart:
        """The chart of ``parts``; zero parts are left out, colours follow the full list."""
        drawn = [(i, p) for i, p in enumerate(parts) if p.amount > ZERO]
        whole = sum((p.amount for _, p in drawn), ZERO)
        slices = []
        done = ZERO
        for i, p in drawn:
            if p.share is None:
                raise ValueError(f"{p.name}: a chart part needs the share its sentence states")
            start = float(done * 360 / whole)
            done += p.amount
            end = float(done * 360 / whole)
            slices.append(Slice(p.name, p.amount, p.share, PALETTE[i % len(PALETTE)], start, end))
        return cls(title, tuple(slices), _labels(slices))

    @property
    def empty(self) -> bool:
        return not self.slices

    def legend(self) -> tuple[tuple[str, str, str, str], ...]:
        """(colour, name, amount in 万元, share %) per drawn part: the figures in text."""
        return tuple(
            (s.color, s.name, format_amount(s.amount), share_text(s.share) + "%")
            for s in self.slices
        )

    def svg(self) -> str:
        """The chart as an inline SVG element (user text escaped)."""
        out = [
            f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {HEIGHT}"'
            f' xml:lang="zh-CN" role="img" aria-label={quoteattr(self.title)}>'
        ]
        for s in self.slices:
            if s.full:
                out.append(
                    f'<circle cx="{CX}" cy="{CY}" r="{RADIUS}" fill="{s.color}"'
                    ' stroke="#ffffff" stroke-width="1"/>'
                )
                continue
            x0, y0 = point(s.start, RADIUS)
            x1, y1 = point(s.end, RADIUS)
            large = 1 if s.end - s.start > 180 else 0
            out.append(
                f'<path d="M{CX} {CY} L{x0} {y0} A{RADIUS} {RADIUS} 0 {large} 1 {x1} {y1} Z"'
                f' fill="{s.color}" stroke="#ffffff" stroke-width="1"/>'
            )
        for label in self.labels:
            points = " ".join(f"{x},{y}" for x, y in (label.anchor, label.elbow, label.end))
            out.append(
                f'<polyline points="{points}" fill="none" stroke="#595959" stroke-width="0.8"/>'
            )
            x = label.end[0] + (3 if label.right else -3)
            anchor = "start" if label.right else "end"
            out.append(
                f'<text x="{round(x, 2)}" y="{label.baseline}" text-anchor="{anchor}"'
                f' font-family="{FONT_FAMILY}" font-size="{FONT_SIZE}" fill="#000000">'
                f"{escape(label.text)}</text>"
            )
        out.append("</svg>")
        return "".join(out)
