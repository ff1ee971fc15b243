"""Break a title into balanced lines at word boundaries, the same in DOCX and PDF.

A renderer breaks a centred title wherever the line is full: "…工业和信|息化厅…", or a lone
"心" on the second line.  The unit name is data, so we cannot place breaks in a template;
instead a break may fall after a space or after the words that end an administrative name
(自治区, 厅, 局, 中心 …) and we choose the breaks that make the lines most even.  Where no
boundary gives lines that fit, the longest run between boundaries is cut at its middle.
Widths are in characters: a CJK character is 1, an ASCII one ½.
"""

from __future__ import annotations

from itertools import combinations, pairwise

# A line may end after these (longest first, so 委员会 wins over 会).
WORD_ENDS = (
    "维吾尔自治区",
    "自治区",
    "自治州",
    "委员会",
    "办公室",
    "管理局",
    "中心",
    "部分",
    "省",
    "市",
    "县",
    "州",
    "盟",
    "旗",
    "厅",
    "局",
    "委",
    "办",
    "院",
    "所",
    "站",
    "队",
    "馆",
    "处",
    "年",
)
MIN_LAST = 2  # characters: never one character alone on a line
MAX_LINES = 4

# Characters per line of a 22pt title on each kind of page (text width ÷ 22pt, rounded
# down): 442pt portrait text pages, 482pt table pages, 740pt landscape pages.
TITLE_CHARS = {"text": 20.0, "tables": 21.0, "wide": 33.0}
# Headings on text pages (442pt) after their 2em indent: 黑体 16pt, 楷体 16.6pt.
HEADING_CHARS = {"h1": 25.0, "h2": 24.0}


def width(text: str) -> float:
    return sum(0.5 if ord(c) < 0x2E80 else 1.0 for c in text)


def boundaries(text: str) -> list[int]:
    """Positions (0 < i < len) where a line may end."""
    out: set[int] = set()
    for i, char in enumerate(text):
        if char == " ":
            out.add(i + 1)
    for word in WORD_ENDS:
        start = text.find(word)
        while start >= 0:
            out.add(start + len(word))
            start = text.find(word, start + 1)
    return sorted(i for i in out if 0 < i < len(text))


def _split(text: str, cuts: tuple[int, ...]) -> list[str]:
    edges = (0, *cuts, len(text))
    return [text[a:b] for a, b in pairwise(edges)]  # joined, they are the text again


NEAREST = 6  # candidate cuts kept around each even break position


def _near_even(text: str, cuts: list[int], count: int) -> list[int]:
    """The cuts near where ``count`` even breaks would fall: a balanced split uses those,
    and trying only them keeps a title with a boundary at every character (“市市市…”)
    to a few hundred trials instead of C(n, 3)."""
    if len(cuts) <= NEAREST * count:
        return cuts
    total = width(text)
    near: set[int] = set()
    for j in range(1, count + 1):
        ideal = total * j / (count + 1)
        near.update(sorted(cuts, key=lambda i: (abs(width(text[:i]) - ideal), i))[:NEAREST])
    return sorted(near)


def _best(text: str, cuts: list[int], limit: float) -> list[str] | None:
    """The most even split at ``cuts`` into the fewest lines that fit, or None."""
    for count in range(1, min(len(cuts), MAX_LINES - 1) + 1):
        best: tuple[float, float, list[str]] | None = None
        for chosen in combinations(_near_even(text, cuts, count), count):
            lines = _split(text, chosen)
            widths = [width(line.rstrip()) for line in lines]
            if max(widths) > limit or min(len(line.strip()) for line in lines) < MIN_LAST:
                continue
            score = (max(widths), max(widths) - min(widths), lines)
            if best is None or score[:2] < best[:2]:
                best = score
        if best is not None:
            return best[2]
    return None


def balanced_lines(text: str, limit: float) -> list[str]:
    """``text`` as lines no wider than ``limit`` characters, broken at word boundaries
    into lines as even as possible (a text longer than MAX_LINES lines, such as a pasted
    paragraph in a name cell, is filled line by line instead: balancing it would be costly
    and pointless)."""
    if width(text.strip()) <= limit or len(text.strip()) < 2 * MIN_LAST:
        return [text.strip()]
    text = text.strip()
    if width(text) > limit * MAX_LINES:
        return _filled(text, limit)
    cuts = boundaries(text)
    for _ in range(MAX_LINES * 2):
        lines = _best(text, cuts, limit)
        if lines is not None:
            return lines
        edges = [0, *cuts, len(text)]
        start, end = max(pairwise(edges), key=lambda run: (width(text[run[0] : run[1]]), -run[0]))
        if end - start < 2 * MIN_LAST:
            break
        cuts = sorted({*cuts, (start + end) // 2})
    return _filled(text, limit)


def _filled(text: str, limit: float) -> list[str]:
    """Greedy lines: each as full as fits, ending at the last boundary that fits (or at
    the limit where a run is longer than a line)."""
    allowed = set(boundaries(text))
    lines: list[str] = []
    start = 0
    while width(text[start:]) > limit:
        end, used = start, 0.0
        while end < len(text) and used + width(text[end]) <= limit:
            used += width(text[end])
            end += 1
        fitting = [i for i in allowed if start + MIN_LAST <= i <= end]
        cut = max(fitting) if fitting else end
        lines.append(text[start:cut])
        start = cut
    lines.append(text[start:])
    return lines
