"""Read a PDF back as positioned lines (pdfplumber) and find each body paragraph in them.

Tests of the page layout measure what a reader sees: where a line ends, which characters
open and close a line, what an extractor copies.  Paragraphs are found by their text (the
render context's ``p`` blocks), so the measure does not depend on font names or margins.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from disclosure_gen.pipeline import check
from disclosure_gen.render.blocks import Block
from disclosure_gen.render.environment import build_environment


@dataclass(frozen=True)
class PdfLine:
    page: int
    text: str
    x0: float
    x1: float
    top: float
    size: float  # the largest font size on the line


@cache
def pdf_lines(data: bytes) -> tuple[PdfLine, ...]:
    import pdfplumber

    out = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            for line in page.extract_text_lines(return_chars=True):
                out.append(
                    PdfLine(
                        number,
                        line["text"],
                        float(line["x0"]),
                        float(line["x1"]),
                        float(line["top"]),
                        max(float(c["size"]) for c in line["chars"]),
                    )
                )
    return tuple(out)


@cache
def context_blocks(path: Path) -> tuple[Block, ...]:
    """The blocks of a workbook's render context (what both formats print)."""
    checked = check(path)
    assert checked.kind is not None and checked.model is not None
    env = build_environment(checked.kind.name, checked.kind.template_folders(checked.model))
    return checked.kind.render_context(env, checked.model, checked.computed).blocks


def paragraph_texts(path: Path) -> tuple[str, ...]:
    """The body paragraphs (``p`` blocks) a workbook's document prints, in order."""
    return tuple(b.text for b in context_blocks(path) if b.type == "p")


PAGE_NUMBER = re.compile(r"—\d+—")


def _bare(text: str) -> str:
    return re.sub(r"\s+", "", text)


def find_paragraphs(lines: tuple[PdfLine, ...], paragraphs: tuple[str, ...]) -> list[list[PdfLine]]:
    """Each paragraph's lines in the PDF, in order; no lines for a paragraph not found whole.

    A paragraph is the run of lines whose texts, spaces left out, add up to its text; a
    page number between two of its lines (a paragraph across a page break) is skipped."""
    found: list[list[PdfLine]] = []
    start = 0
    for paragraph in paragraphs:
        want = _bare(paragraph)
        match = None
        for first in range(start, len(lines)):
            if want.startswith(_bare(lines[first].text)) and _bare(lines[first].text):
                match = _collect(lines, first, want)
                if match is not None:
                    break
        found.append(match or [])
        if match:
            start = lines.index(match[-1]) + 1
    return found


def _collect(lines: tuple[PdfLine, ...], first: int, want: str) -> list[PdfLine] | None:
    taken: list[PdfLine] = []
    got = ""
    index = first
    while index < len(lines) and got != want:
        line = lines[index]
        text = _bare(line.text)
        if want.startswith(got + text) and text:
            taken.append(line)
            got += text
        elif not (taken and PAGE_NUMBER.fullmatch(text)):
            return None
        index += 1
    return taken if got == want else None
