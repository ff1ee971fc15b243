"""How much of what we print each candidate face can draw: every character of the document
templates (disclosure_gen/kinds/*/templates, templates/) and of the example workbooks, and
GB2312 levels 1 and 2 (the 6,763 hanzi an official Simplified Chinese face must have).

    .venv/bin/python scripts/font_coverage.py FONT_FILE [FONT_FILE ...]

With no arguments it measures the faces fontconfig finds for the open GB/T 9704 set.
The figures in the README's font section come from this script.
"""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from fontTools.ttLib import TTFont
from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parent.parent
TEXT_SUFFIXES = {".j2", ".yaml", ".html", ".css", ".xml"}
OPEN_FACES = ("FandolFang", "FandolHei", "FandolKai", "FandolSong", "Noto Serif CJK SC")


def _printable(chars: Iterable[str]) -> set[str]:
    return {c for c in chars if c > " " and not unicodedata.category(c).startswith(("C", "Z"))}


def template_characters() -> set[str]:
    folders = [ROOT / "templates", *sorted((ROOT / "disclosure_gen" / "kinds").glob("*/templates"))]
    chars: set[str] = set()
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file() and path.suffix in TEXT_SUFFIXES:
                chars |= set(path.read_text(encoding="utf-8"))
    return _printable(chars)


def workbook_characters(paths: Iterable[Path]) -> set[str]:
    chars: set[str] = set()
    for path in paths:
        wb = load_workbook(path, read_only=True)
        for sheet in wb.worksheets:
            chars |= set(sheet.title)
            for row in sheet.iter_rows(values_only=True):
                for value in row:
                    if value is not None:
                        chars |= set(str(value))
        wb.close()
    return _printable(chars)


def used_characters() -> set[str]:
    return template_characters() | workbook_characters(
        sorted(ROOT.glob("examples/*/workbook.xlsx"))
    )


def gb2312(level: int) -> set[str]:
    """GB2312 hanzi: level 1 is rows 16-55 (3,755), level 2 rows 56-87 (3,008)."""
    rows = range(0xB0, 0xD8) if level == 1 else range(0xD8, 0xF8)
    out = set()
    for hi in rows:
        for lo in range(0xA1, 0xFF):
            try:
                out.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return out


def face_file(family: str) -> Path | None:
    """The file fontconfig has for exactly this family, or None."""
    result = subprocess.run(
        ["fc-list", "--format", "%{file}\n", f":family={family}"],
        capture_output=True,
        text=True,
        check=False,
    )
    files = sorted(result.stdout.split("\n")[:-1])
    return Path(files[0]) if files else None


def codepoints(path: Path) -> set[int]:
    font = TTFont(path, fontNumber=0, lazy=True)
    return set(font.getBestCmap())


def report(path: Path, used: set[str]) -> str:
    cmap = codepoints(path)
    missing = "".join(sorted(c for c in used if ord(c) not in cmap))
    figures = [f"used {len(used) - len(missing)}/{len(used)}"]
    for level in (1, 2):
        chars = gb2312(level)
        figures.append(f"GB2312 L{level} {sum(ord(c) in cmap for c in chars)}/{len(chars)}")
    return f"{path.name}: {', '.join(figures)}" + (f"; lacks {missing}" if missing else "")


def main(argv: list[str]) -> int:
    used = used_characters()
    paths = [Path(a) for a in argv] or [p for f in OPEN_FACES if (p := face_file(f))]
    print(f"{len(used)} distinct characters in the templates and example workbooks")
    for path in paths:
        print(report(path, used))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
