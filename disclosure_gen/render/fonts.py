"""Which installed faces draw each GB/T 9704 role, and which characters any face can draw.

The PDF's font stacks are built here rather than written in style.css because fontconfig
aliases would otherwise decide: an alias file maps a missing Windows name (仿宋_GB2312) to
whatever it prefers before CSS gets to name the next candidate, so a stack of official names
followed by open faces renders in the alias's face, and that file is machine-wide state.
Naming only families that are installed makes the stack mean what it says: the official
Windows face where it exists, else the open Fandol face, else Noto CJK SC; pango still falls
back per glyph through the rest of the stack.

Both answers come from one ``fc-list`` call, once per process, lazily.
"""

from __future__ import annotations

import bisect
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from functools import cache

from markupsafe import Markup

# Each role: the official names first (a Windows machine has them), then the open faces
# scripts/system-deps.sh installs, then the generic family.
ROLES: dict[str, tuple[tuple[str, ...], str]] = {
    "fang": (
        ("FangSong_GB2312", "仿宋_GB2312", "FangSong", "仿宋", "FandolFang", "Noto Serif CJK SC"),
        "serif",
    ),
    "hei": (("SimHei", "黑体", "FandolHei", "Noto Sans CJK SC"), "sans-serif"),
    "kai": (
        (
            "KaiTi_GB2312",
            "楷体_GB2312",
            "KaiTi",
            "楷体",
            "FandolKai",
            "AR PL UKai CN",
            "Noto Serif CJK SC",
        ),
        "serif",
    ),
    "title": (("方正小标宋简体", "FZXiaoBiaoSong-B05S", "华文中宋", "Noto Serif CJK SC"), "serif"),
    "song": (("SimSun", "宋体", "Noto Serif CJK SC"), "serif"),
    # Bold table cells: the one installed CJK face with a real bold weight (WeasyPrint
    # draws no synthetic bold, and 仿宋 has none).
    "bold": (("Noto Serif CJK SC", "SimHei", "黑体", "FandolHei"), "serif"),
}

# Mean ink box (height and width averaged over common hanzi, in em) of the open faces, as
# tests/test_fonts.py measures them with fontTools: a 三号 heading in a face with a smaller
# ink box is set larger so it looks as large as 三号 body text.
INK_EM: dict[str, float] = {
    "FandolFang": 0.869,
    "FandolKai": 0.840,
    "FandolHei": 0.908,
    "AR PL UKai CN": 0.810,
    "Noto Serif CJK SC": 0.905,
    "Noto Sans CJK SC": 0.900,
}


def _fc_list(fmt: str) -> list[str]:
    """``fc-list`` lines in ``fmt``; empty where fontconfig's tools are missing."""
    if shutil.which("fc-list") is None:
        return []
    try:
        result = subprocess.run(
            ["fc-list", "--format", fmt], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return []
    return result.stdout.splitlines()


@cache
def _faces() -> tuple[tuple[str, str], ...]:
    """(family names, charset) of every installed face: one fc-list call serves both
    questions, since generate asks both (validation, then the PDF's stacks)."""
    faces = []
    for line in _fc_list("%{family}\t%{charset}\n"):
        families, _, charset = line.partition("\t")
        faces.append((families, charset))
    return tuple(faces)


@cache
def installed_families() -> frozenset[str]:
    """Every family name fontconfig knows (a face's localised names included)."""
    names: set[str] = set()
    for families, _ in _faces():
        names.update(name.strip() for name in families.split(","))
    return frozenset(names)


@dataclass(frozen=True)
class Stack:
    families: tuple[str, ...]
    generic: str

    @property
    def first(self) -> str:
        return self.families[0] if self.families else self.generic

    def css(self) -> str:
        return ", ".join([*(f'"{name}"' for name in self.families), self.generic])


def stack(role: str) -> Stack:
    """The role's installed candidates in order; all of them where nothing is known (no
    fontconfig tools), so the renderer still gets the full list."""
    candidates, generic = ROLES[role]
    known = installed_families()
    chosen = tuple(name for name in candidates if name in known) if known else candidates
    return Stack(chosen, generic)


def optical_scale(role: str, body: str = "fang") -> float:
    """How much larger ``role`` is set than the body so the two look one size (1 where
    either face has not been measured, e.g. the official Windows faces)."""
    face, base = stack(role).first, stack(body).first
    if face in INK_EM and base in INK_EM:
        return INK_EM[base] / INK_EM[face]
    return 1.0


def css_fonts() -> dict[str, Markup]:
    """What style.css needs: a ``font-family`` value per role and the 楷体 heading size
    (markup-safe: the quotes go into a <style> element, where entities are not decoded)."""
    fonts = {role: Markup(stack(role).css()) for role in ROLES}
    fonts["kai_size"] = Markup(f"{16 * optical_scale('kai'):.1f}pt")
    return fonts


@dataclass(frozen=True)
class Coverage:
    """The code points some installed face can draw, as sorted disjoint ranges."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @property
    def empty(self) -> bool:
        return not self.starts

    def __contains__(self, codepoint: object) -> bool:
        if not isinstance(codepoint, int):
            return False
        i = bisect.bisect_right(self.starts, codepoint) - 1
        return i >= 0 and codepoint <= self.ends[i]


def _merge(ranges: list[tuple[int, int]]) -> Coverage:
    ranges.sort()
    starts: list[int] = []
    ends: list[int] = []
    for start, end in ranges:
        if ends and start <= ends[-1] + 1:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return Coverage(tuple(starts), tuple(ends))


def parse_charsets(lines: list[str]) -> Coverage:
    """fontconfig's ``%{charset}`` lines ("20-7e a0-17f 192 …", hex) as one coverage."""
    ranges: list[tuple[int, int]] = []
    items = {item for line in lines for item in line.split()}  # faces share most ranges
    for item in items:
        low, _, high = item.partition("-")
        try:
            ranges.append((int(low, 16), int(high or low, 16)))
        except ValueError:
            continue
    return _merge(ranges)


@cache
def coverage() -> Coverage:
    """What the installed fonts can draw together (pango falls back to any of them)."""
    return parse_charsets([charset for _, charset in _faces()])


def undrawable(text: str) -> list[str]:
    """The distinct printable characters of ``text`` that no installed face draws, in order
    of appearance; none when nothing could be checked (no fonts found: said once, by
    ``fonts_missing``), and no font lookup at all for plain ASCII text."""
    if text.isascii():
        return []
    cover = coverage()
    if cover.empty:
        return []
    out: dict[str, None] = {}
    for char in text:
        if char <= " " or char in out or ord(char) in cover:
            continue
        if not unicodedata.category(char).startswith(("C", "Z")):
            out[char] = None
    return list(out)


def fonts_missing() -> bool:
    """True when fontconfig reports no font at all.  Where its tools are absent (Windows)
    nothing can be told, and nothing is said."""
    return shutil.which("fc-list") is not None and coverage().empty
