"""Publication-grade PDF pages: justified body text that extracts cleanly, breaks that obey
Chinese line-breaking rules, tables that break well."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections import Counter
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from disclosure_gen.pipeline import check
from disclosure_gen.render.environment import build_environment
from disclosure_gen.render.justify import Line, glued, justified
from tests import builders
from tests.conftest import EXAMPLE
from tests.pdf_layout import PdfLine, context_blocks, find_paragraphs, paragraph_texts, pdf_lines
from tests.render_helpers import documents, pdf_text

CLAUSES = (
    "按照《政务信息化项目管理办法》（试行）的要求",
    "统筹推进全市“数字政府”建设和政务数据共享交换",
    "安排资金{n}万元，比上年增长{p}%",
    "承担电子政务外网、IPv6升级改造及政务云平台的运行维护",
    "完成{k}个部门、{k}家单位的系统迁移",
    "其中：基础设施{n}万元，软件服务{n}万元",
    "组织开展网络安全等级保护测评、密码应用安全性评估",
    "落实“过紧日子”要求，压减一般性支出",
    "配合财政部门做好预算绩效管理（含绩效目标、绩效监控和绩效评价）",
    "负责机关办公用房{k}平方米的日常管理",
)


def long_text(paragraphs: int) -> str:
    """Deterministic prose mixing numbers, units, brackets and quotes; one line a paragraph."""
    out = []
    step = 0
    for number in range(paragraphs):
        sentence = []
        for _ in range(3 + number % 5):
            clause = CLAUSES[step % len(CLAUSES)]
            step += 7
            sentence.append(
                clause.format(
                    n=f"{(step * 7919) % 100000 / 100:,.2f}",
                    p=f"{(step * 31) % 1000 / 100:.2f}",
                    k=step % 97 + 3,
                )
            )
        out.append("，".join(sentence).rstrip("；，") + "。")
    return "\n".join(out)


@pytest.fixture(scope="module")
def long_document(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = builders.sample()
    data["forms"]["profile"]["functions"] = long_text(24)
    return builders.write(tmp_path_factory.mktemp("long") / "long.xlsx", data)


def body_paragraphs(path: Path) -> list[list[PdfLine]]:
    pdf = documents(path).pdf
    assert pdf is not None
    found = find_paragraphs(pdf_lines(pdf), paragraph_texts(path))
    missing = [text for text, lines in zip(paragraph_texts(path), found, strict=True) if not lines]
    assert missing == []  # every paragraph extracts as its own text, no character added
    return found


@pytest.fixture(params=["unit-example", "long-synthetic"])
def measured(request: pytest.FixtureRequest, long_document: Path) -> list[list[PdfLine]]:
    return body_paragraphs(EXAMPLE if request.param == "unit-example" else long_document)


def flush(lines: list[PdfLine]) -> tuple[float, list[PdfLine]]:
    """The right edge (the commonest line end) and the lines that reach it: within 1 pt, or
    for a line ending in a closing mark, hanging past it by at most half that mark (its
    blank half given up, 标点挤压)."""
    ends = Counter(round(line.x1, 1) for line in lines if line.text[-1:] not in CLOSING)
    right = ends.most_common(1)[0][0]
    out = []
    for line in lines:
        hang = line.size / 2 + 1 if line.text[-1:] in CLOSING else 1.0
        if right - 1.0 <= line.x1 <= right + hang:
            out.append(line)
    return right, out


def test_non_final_body_lines_end_at_the_right_margin(measured: list[list[PdfLine]]) -> None:
    inner = [line for lines in measured for line in lines[:-1]]
    assert len(inner) > 40
    right, reached = flush(inner)
    short = [(round(right - line.x1, 1), line.text) for line in inner if line not in reached]
    assert len(reached) / len(inner) >= 0.95, short


def test_last_lines_of_paragraphs_are_not_stretched(measured: list[list[PdfLine]]) -> None:
    right, _ = flush([line for lines in measured for line in lines[:-1]])
    short = [lines[-1] for lines in measured if right - lines[-1].x1 > 16]
    assert len(short) > len(measured) / 2


CLOSING = "。，、：；）》”！？"
OPENING = "（《“"


def test_body_lines_obey_chinese_line_breaking_rules(measured: list[list[PdfLine]]) -> None:
    """No closing punctuation opens a line, no opening one ends it, a number keeps its unit
    and is never split."""
    bad = []
    for lines in measured:
        for before, after in pairwise(lines):
            end, start = before.text.rstrip(), after.text.lstrip()
            if start[:1] in CLOSING or end[-1:] in OPENING:
                bad.append((end[-6:], start[:6]))
            if re.search(r"\d$", end) and re.match(r"[\d,.%万亿元人个家项辆]", start):
                bad.append((end[-6:], start[:6]))
            if re.search(r"[\d,.]$", end) and re.match(r"[\d,.]", start):
                bad.append((end[-6:], start[:6]))
    assert bad == []


def test_justified_lines_extract_without_spaces(long_document: Path) -> None:
    """pypdf reads a gap of about 0.12 em as a space, pdftotext one of 0.1 em: the spread
    gaps stay below both (pdfplumber's own extraction is checked by ``body_paragraphs``)."""
    from pypdf import PdfReader

    pdf = documents(long_document).pdf or b""
    reader = PdfReader(io.BytesIO(pdf))
    pages = {n: (p.extract_text() or "").splitlines() for n, p in enumerate(reader.pages, 1)}
    found = body_paragraphs(long_document)
    inner = [line for lines in found for line in lines[:-1] if " " not in line.text]
    assert len(inner) > 100
    assert [line.text for line in inner if line.text not in pages[line.page]] == []
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
        ).stdout.decode("utf-8")
        assert [line.text for line in inner if line.text not in text.splitlines()] == []


def test_justified_markup_keeps_user_text_literal() -> None:
    text = "A & B <i>x</i> {{ y }} 1,234.56万元"
    first = "A & B <i>x</i>"
    lines = justified([Line(first, (0.25,) * len(first)), Line("{{ y }} 1,234.56万元")])
    assert "A &amp; B &lt;i&gt;x&lt;/i&gt;" in lines and "<i>" not in lines
    assert 'style="letter-spacing:0.250px"' in lines and "<br>" in lines
    assert lines.endswith("{{ y }} 1,234.56万元</span>")
    assert str(glued(text)).endswith('<span class="nw">1,234.56万元</span>')
    assert '<span class="nw">&lt;i&gt;x&lt;/i&gt;</span>' in glued(text)
    assert "&lt;i&gt;" in glued(text)


def test_docx_body_paragraphs_are_justified_by_word() -> None:
    """Word and WPS justify CJK themselves: the Normal style inherits jc=both."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = Document(io.BytesIO(documents(EXAMPLE).docx))
    normal = doc.styles["Normal"]
    body = [p for p in doc.paragraphs if p.style is not None and p.style.name == "Normal"]
    assert body and all(p.paragraph_format.alignment is None for p in body)
    assert normal.paragraph_format.alignment in (None, WD_ALIGN_PARAGRAPH.JUSTIFY)
    assert '<w:jc w:val="both"/></w:pPr></w:pPrDefault>' in _styles(documents(EXAMPLE).docx)


def _styles(data: bytes) -> str:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read("word/styles.xml").decode("utf-8")


# Tables that break well ------------------------------------------------------------------

EXAMPLES = sorted((EXAMPLE.parent.parent).glob("*/workbook.xlsx"))
AMOUNT = re.compile(r"(?<![\d,.])\d{1,3}(?:,\d{3})*\.\d{2}(?![\d])")


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_table_headers_use_full_width_brackets(path: Path) -> None:
    cells = [
        cell.text
        for block in context_blocks(path)
        if block.grid is not None
        for row in (*block.grid.lead, *block.grid.header)
        for cell in row
    ]
    assert [
        t
        for t in cells
        if re.search(r"[\u4e00-\u9fff]\(|\)[\u4e00-\u9fff]|\(.*[\u4e00-\u9fff].*\)", t)
    ] == []


def test_an_empty_table_prints_its_statement_without_a_total_row(tmp_path: Path) -> None:
    data = builders.sample()
    data["rows"]["lines"] = [
        r for r in data["rows"]["lines"] if r[3] != "项目支出" or r[2] != builders.G
    ]
    path = builders.write(tmp_path / "no-projects.xlsx", data)
    table7 = next(
        b for b in context_blocks(path) if b.type == "table" and b.extra["number"] == "表7"
    )
    assert table7.extra["empty_note"] and table7.grid is not None and table7.grid.body == ()
    text = pdf_text(documents(path).pdf or b"")
    assert re.sub(r"\s", "", table7.extra["empty_note"]) in text


def _pages(data: bytes) -> list[tuple[float, float, str]]:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [(p.width, p.height, re.sub(r"\s", "", p.extract_text() or "")) for p in pdf.pages]


def test_an_empty_wide_table_sits_on_a_portrait_page() -> None:
    """表11 of the unit example is empty: its statement needs no landscape page."""
    pages = _pages(documents(EXAMPLE).pdf or b"")
    width, height, _ = next(p for p in pages if "上年结转结余情况明细表" in p[2] and "表11" in p[2])
    assert width < height


def test_an_intro_sentence_shares_its_page_with_the_table_it_announces() -> None:
    path = EXAMPLE.parent.parent / "department-budget-2025" / "workbook.xlsx"
    pages = _pages(documents(path).pdf or b"")
    page = next(p for p in pages if "具体情况见下表" in p[2])
    assert page[2].index("具体情况见下表") < page[2].find("部门整体绩效目标表")


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_no_table_page_holds_a_single_row_of_figures(path: Path) -> None:
    """A 公开表 continued on the next page (a table page without the caption's 单位：万元)
    carries at least two of its rows there: the last rows keep together."""
    import pdfplumber

    lonely = []
    with pdfplumber.open(io.BytesIO(documents(path).pdf or b"")) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            lines = page.extract_text_lines()
            rows = [ln for ln in lines if AMOUNT.search(ln["text"])]
            text = "".join(ln["text"] for ln in lines)
            table = any(e["orientation"] == "v" for e in page.edges)
            continued = table and "单位：万元" not in text and "绩效" not in text
            if continued and len(rows) == 1:
                lonely.append((number, rows[0]["text"][:40]))
    assert lonely == []


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_no_amount_crosses_a_cell_border(path: Path) -> None:
    """A bold 总计 amount prints whole on one line (no-wrap cells), and no amount runs over
    its cell: no vertical table rule passes through one."""
    import pdfplumber

    totals = {
        cell.text
        for block in context_blocks(path)
        if block.type == "table" and block.grid is not None
        for row in block.grid.body
        for cell in row
        if cell.bold and AMOUNT.fullmatch(cell.text)
    }
    assert totals
    crossed = []
    printed: set[str] = set()
    with pdfplumber.open(io.BytesIO(documents(path).pdf or b"")) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            rules = [e for e in page.edges if e["orientation"] == "v"]
            if not rules:
                continue
            for line in page.extract_text_lines(return_chars=True):
                chars = _spaced_chars(line["chars"])
                text = "".join(c["text"] for c in chars)
                printed.update(text.split())
                for match in AMOUNT.finditer(text):
                    first, last = chars[match.start()], chars[match.end() - 1]
                    for rule in rules:
                        inside = first["x0"] + 0.5 < rule["x0"] < last["x1"] - 0.5
                        if (
                            inside
                            and rule["top"] <= first["top"] + 1
                            and rule["bottom"] >= first["bottom"] - 1
                        ):
                            crossed.append((number, match.group(0)))
    assert crossed == []
    assert totals - printed == set()  # every 总计 amount printed whole on one line


def _spaced_chars(chars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The characters of a line with a blank between two that stand apart (two cells)."""
    out: list[dict[str, Any]] = []
    for char in chars:
        if out and char["x0"] - out[-1]["x1"] > 1.5:
            out.append({**char, "text": " "})
        out.append(char)
    return out


def test_merged_indicator_labels_keep_their_rows_on_one_page() -> None:
    """A 绩效目标表's 一级指标 label spans its rows: they are one group a page break does not
    split, so a continuation page never starts under a label left on the page before."""
    path = EXAMPLE.parent.parent / "department-budget-2025" / "workbook.xlsx"
    grids = [b.grid for b in context_blocks(path) if b.type == "grid" and b.grid is not None]
    assert grids
    for grid in grids:
        groups = grid.body_groups()
        assert sum(len(rows) for _, rows in groups) == len(grid.body)
        for keep, rows in groups:
            if keep:
                assert rows[0][0].rowspan == len(rows) > 1
    html = _document_html(path)
    assert html.count('<tbody class="keep">') >= sum(k for g in grids for k, _ in g.body_groups())


def _document_html(path: Path) -> str:
    from disclosure_gen.render.context import RenderContext
    from disclosure_gen.render.pdf import render_html

    checked = check(path)
    assert checked.kind is not None and checked.model is not None
    env = build_environment(checked.kind.name, checked.kind.template_folders(checked.model))
    context = RenderContext("", "", 0, context_blocks(path))
    return render_html(env, context)


SUBGROUPS = (("数量指标", 16), ("质量指标", 14), ("时效指标", 10))


@pytest.fixture(scope="module")
def tall_group(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project whose 产出指标 group holds 40 indicators (about two pages of rows) and a
    small 效益指标 group after it."""
    data = builders.sample()
    targets = [
        (
            builders.PROJECT,
            "产出指标",
            level2,
            f"{level2[:2]}第{n + 1}项：完成系统接入与数据共享交换的核查和验收工作",
            f"≥{n + 1}个",
            "计划标准",
            f"{n}个",
            2 if n % 2 else 3,
            "按比例得分",
            "验收报告",
        )
        for level2, count in SUBGROUPS
        for n in range(count)
    ]
    targets += [
        (
            builders.PROJECT,
            "效益指标",
            "社会效益指标",
            f"服务对象覆盖率{n}",
            "≥90%",
            "",
            "",
            0,
            "",
            "",
        )
        for n in range(3)
    ]
    data["rows"]["targets"] = targets
    return builders.write(tmp_path_factory.mktemp("tall") / "tall-group.xlsx", data)


def _table_pages(pdf: bytes, first: str, last: str) -> list[list[str]]:
    """The lines (top to bottom, no blanks) of each page from the one that holds ``first``
    to the one that holds ``last``."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf)) as document:
        pages = [
            [re.sub(r"\s", "", ln["text"]) for ln in page.extract_text_lines()]
            for page in document.pages
        ]
    start = next(n for n, p in enumerate(pages) if any(first in ln for ln in p))
    end = next(n for n, p in enumerate(pages) if n >= start and any(last in ln for ln in p))
    return pages[start : end + 1]


INDICATOR = re.compile(r"(数量|质量|时效)第\d+项")


def test_a_group_taller_than_a_page_repeats_its_labels_on_every_page(tall_group: Path) -> None:
    """WeasyPrint does not repeat a rowspan label on a continuation page: an over-tall
    一级 group is printed as kept pieces that each carry their 一级 and 二级 labels, so every
    page of the table shows 产出指标 and the 二级 label of its first body row; the small
    效益指标 group is not cut."""
    pdf = documents(tall_group).pdf or b""
    pages = _table_pages(pdf, "项目支出绩效目标表", "服务对象覆盖率2")
    assert len(pages) >= 3
    grid = next(b.grid for b in context_blocks(tall_group) if b.type == "grid" and b.grid)
    pieces = [rows for keep, rows in grid.body_groups() if keep]
    piece_starts = {rows[0][2].text.split("：")[0] for rows in pieces[:-1]}  # “数量第10项”
    for lines in pages:
        text = "".join(lines)
        first = next(m for ln in lines if (m := INDICATOR.search(ln)))  # topmost body row
        assert "产出指标" in text and f"{first.group(1)}指标" in text, lines[:3]
        assert first.group(0) in piece_starts  # no piece was split: pages start with one
    assert sum("效益指标" in "".join(lines) for lines in pages) == 1
    # The short project block stays on one page, with the caption and the first piece.
    first_page = "".join(pages[0])
    assert all(row[0].text in first_page for row in grid.lead) and "数量第1项" in first_page
    assert len(pieces) >= 5 and pieces[-1][0][0].text == "效益指标"
    assert all(rows[0][0].text in {"产出指标", "效益指标"} for rows in pieces)
    assert all(rows[0][0].rowspan == len(rows) for rows in pieces)
    assert all(len(rows[0]) == len(grid.body[0]) for rows in pieces)  # both labels


def test_a_continued_target_table_names_its_project_above_the_column_titles(
    tall_group: Path,
) -> None:
    """Each page a 绩效目标表 runs on to starts with one line “（续）<project name>” above its
    repeated column titles; its first page (which prints the whole project block) does not,
    and neither does any page before or after the table."""
    import pdfplumber

    pdf = documents(tall_group).pdf or b""
    continued = "（续）" + re.sub(r"\s", "", builders.PROJECT)
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        pages = [
            [re.sub(r"\s", "", ln["text"]) for ln in page.extract_text_lines()]
            for page in document.pages
        ]
    table = [n for n, lines in enumerate(pages) if any(INDICATOR.search(ln) for ln in lines)]
    assert len(table) >= 3
    assert continued not in "".join(pages[table[0]])
    for n in table[1:]:
        assert pages[n][0] == continued, pages[n][:2]  # the page's first line
        assert any("一级指标" in ln for ln in pages[n][1:4])  # then the column titles
    others = [n for n in range(len(pages)) if n not in table[1:]]
    assert not any(continued in "".join(pages[n]) for n in others)


def test_a_group_taller_than_a_page_repeats_its_labels_in_the_docx(tall_group: Path) -> None:
    """Word does not repeat a vMerge label either: the DOCX has the PDF's pieces, each a new
    vertical merge with its labels, kept together by keepNext."""
    from docx import Document

    doc = Document(io.BytesIO(documents(tall_group).docx))
    table = next(t for t in doc.tables if any("数量第1项" in c.text for c in t._cells))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    starts = []  # (label, keeps with the next row) of each row whose first cell is no continuation
    for tr in table._tbl.tr_lst[1:]:
        first = tr.tc_lst[0]
        merge = first.find(f"{w}tcPr/{w}vMerge")
        if merge is None or merge.get(f"{w}val") == "restart":
            text = "".join(t.text or "" for t in first.iter(f"{w}t"))
            starts.append((text, first.find(f".//{w}keepNext") is not None))
    assert [label for label, _ in starts].count("产出指标") >= 5
    assert [label for label, _ in starts].count("效益指标") == 1
    assert [s for s in starts if not s[1]] == []  # each piece's first row keeps with the next


# 目录 --------------------------------------------------------------------------------------


def _toc_lines(pdf: bytes) -> list[dict[str, Any]]:
    """The lines of the 目录 page (pdfplumber, with their characters), the title left out."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf)) as document:
        for page in document.pages:
            lines = page.extract_text_lines(return_chars=True)
            if lines and re.sub(r"\s", "", lines[0]["text"]) == "目录":
                return [ln for ln in lines[1:] if not PAGE_NUMBER_LINE.fullmatch(ln["text"])]
    raise AssertionError("no 目录 page")


PAGE_NUMBER_LINE = re.compile(r"\s*—\s*\d+\s*—\s*")


def _assert_wrapped_entry_hangs(pdf: bytes) -> None:
    """The unit example's first 目录 entry (第一部分 and a long unit name) wraps: its second
    line starts where the first line's title starts (right of the number), not under the
    number; and every entry's page number ends at one right edge."""
    lines = _toc_lines(pdf)
    first, second = lines[0], lines[1]
    assert re.sub(r"\s", "", first["text"]).startswith("第一部分2024年")
    assert not re.search(r"\d\s*$", first["text"])  # wrapped: the page number is below
    title = next(c for c in first["chars"] if c["text"] == "2")  # the title's first character
    assert second["x0"] > first["x0"] + 3 * title["size"]
    assert abs(second["x0"] - title["x0"]) < 1.0, (second["x0"], title["x0"])
    ends = [ln["x1"] for ln in lines if re.search(r"\d\s*$", ln["text"])]
    assert len(ends) >= 15 and max(ends) - min(ends) < 1.0, ends


def test_a_wrapped_toc_entry_hangs_under_its_title_in_the_pdf() -> None:
    _assert_wrapped_entry_hangs(documents(EXAMPLE).pdf or b"")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_wrapped_toc_entry_hangs_under_its_title_in_the_docx(tmp_path: Path) -> None:
    """The DOCX as LibreOffice prints it: number, tab to the hanging indent, title lines."""
    (tmp_path / "u.docx").write_bytes(documents(EXAMPLE).docx)
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), "u.docx"],
        cwd=tmp_path,
        capture_output=True,
        check=True,
        timeout=120,
    )
    _assert_wrapped_entry_hangs((tmp_path / "u.pdf").read_bytes())


# Structure charts ------------------------------------------------------------------------

FINAL_ACCOUNTS = EXAMPLE.parent.parent / "department-final-accounts-2024" / "workbook.xlsx"
MM = 72 / 25.4


def test_a_chart_never_leaves_more_than_a_third_of_a_page_blank_before_it() -> None:
    """A structure chart's caption and pie are one piece of under a third of a text page
    (the legend may go on to the next page): the page before a page that opens with a chart
    is at most a third blank, and each caption shares its page with its pie."""
    import pdfplumber

    room = (297 - 37 - 35) * MM  # the text block's height (style.css @page)
    bottom = (297 - 35) * MM
    seen = 0
    with pdfplumber.open(io.BytesIO(documents(FINAL_ACCOUNTS).pdf or b"")) as pdf:
        ends: list[float] = []
        for number, page in enumerate(pdf.pages):
            lines = [
                ln for ln in page.extract_text_lines() if not PAGE_NUMBER_LINE.fullmatch(ln["text"])
            ]
            captions = [ln for ln in lines if ln["text"].strip().endswith("结构图")]
            for caption, after in zip(captions, [*captions[1:], None], strict=False):
                seen += 1
                below = after["top"] if after else bottom
                pie = [c for c in page.curves if caption["bottom"] < c["top"] < below]
                assert pie, f"page {number + 1}: caption without its pie"
                piece = max(c["bottom"] for c in pie) - caption["top"]
                assert piece < room / 3, piece / MM
                if caption is lines[0] and number:  # the chart opens its page
                    blank = bottom - ends[number - 1]
                    assert blank <= room / 3, (number, blank / MM)
            ends.append(max([ln["bottom"] for ln in lines] + [e["bottom"] for e in page.edges]))
    assert seen == 2


def test_a_paragraphs_last_line_squeezes_its_marks_rather_than_leave_a_short_line_above() -> None:
    """A paragraph half an em longer than a line: printed as two lines, its first would stop
    3 em short of the margin (its gaps cannot grow that much and still extract as nothing);
    the one line instead gives up the blank halves of its ，and 。 (标点挤压)."""
    from disclosure_gen.render.blocks import Block
    from disclosure_gen.render.justify import Metrics, lines

    text = "一" * 14 + "，二12.5万元。"
    found = Metrics(first=200.0, rest=200.0, size=10.0, space=2.5, runs={"12.5万元": 35.0})
    (printed,) = lines([Block("p", text, extra={"p": 0})], found).values()
    assert [line.text for line in printed] == [text]
    assert sum(printed[0].gaps) == pytest.approx(-0.5 * 10.0)  # px: half of one mark


def test_a_line_that_cannot_reach_the_margin_is_spread_to_the_gap_cap() -> None:
    """“一…一” before an unbreakable “5,000.00万元。” cannot reach the margin with gaps an
    extractor reads as nothing: it is spread to that cap (0.08 em a gap), not left at its
    natural width 2 em short."""
    from disclosure_gen.render.blocks import Block
    from disclosure_gen.render.justify import MAX_GAP_EM, Metrics, lines

    text = "一" * 18 + "5,000.00万元。"
    found = Metrics(first=200.0, rest=200.0, size=10.0, space=2.5, runs={"5,000.00万元": 60.0})
    (printed,) = lines([Block("p", text, extra={"p": 0})], found).values()
    assert [line.text for line in printed] == ["一" * 18, "5,000.00万元。"]
    assert printed[0].gaps == pytest.approx((MAX_GAP_EM * 10.0,) * 18)


# Page numbers (GB/T 9704-2012, 7.5) ----------------------------------------------------------

# Each kind of page's margins (style.css @page), mm: top, right, bottom, left.
MARGINS = {"text": (37, 26, 35, 28), "tables": (22, 20, 22, 20), "wide": (20, 18, 22, 18)}


def _page_kind(page: Any) -> str:
    if page.width > page.height:
        return "wide"
    body = [
        ln["x0"] for ln in page.extract_text_lines() if not PAGE_NUMBER_LINE.fullmatch(ln["text"])
    ]
    return "tables" if body and min(body) < 24 * MM else "text"


def _ink_top(pdf: bytes, number: int, box: tuple[float, float, float, float]) -> float:
    """The top (pt from the page top) of the ink inside ``box`` (x0, top, x1, bottom, pt)
    on page ``number``, from a 288 dpi rendering."""
    from PIL import Image

    x0, top, x1, bottom = (round(v * 4) for v in box)
    png = subprocess.run(
        [
            *("pdftoppm", "-png", "-r", "288", "-f", str(number), "-l", str(number)),
            *("-x", str(x0), "-y", str(top), "-W", str(x1 - x0), "-H", str(bottom - top), "-"),
        ],
        input=pdf,
        capture_output=True,
        check=True,
    ).stdout
    ink = Image.open(io.BytesIO(png)).convert("L").point(lambda v: 255 if v < 160 else 0)
    bounds = ink.getbbox()
    assert bounds is not None, f"page {number}: no ink in {box}"
    return top / 4 + bounds[1] / 4


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils is not installed")
def test_page_numbers_sit_7mm_below_the_text_block_one_character_in() -> None:
    """“— N —” in 4号 (14 pt) 宋体 with half-width digits: the 一字线's top 7 mm below the
    text block, the number one character (14 pt) inside the text block's right edge on odd
    pages and its left edge on even ones; the same on 公开表 and landscape pages."""
    import pdfplumber

    data = documents(EXAMPLE).pdf or b""
    kinds: set[str] = set()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            found = [
                ln
                for ln in page.extract_text_lines(return_chars=True)
                if PAGE_NUMBER_LINE.fullmatch(ln["text"])
            ]
            if number == 1:
                assert found == []  # no number on the cover
                continue
            (line,) = found
            kind = _page_kind(page)
            kinds.add(kind)
            _, right, bottom, left = (m * MM for m in MARGINS[kind])
            chars = line["chars"]
            assert {round(c["size"], 1) for c in chars} == {14.0}
            assert re.sub(r"\s", "", line["text"]) == f"—{number}—"
            assert all("Song" in c["fontname"] or "Serif-CJK" in c["fontname"] for c in chars)
            if number % 2:
                assert abs(page.width - right - 14 - line["x1"]) < 1.0, (number, line["x1"])
            else:
                assert abs(left + 14 - line["x0"]) < 1.0, (number, line["x0"])
            dash = chars[0]
            ink = _ink_top(data, number, (dash["x0"], dash["top"] - 6, dash["x1"], dash["bottom"]))
            below = ink - (page.height - bottom)
            assert abs(below - 7 * MM) < 1.0, (number, kind, below / MM)
    assert kinds == {"text", "tables", "wide"}


def test_symbols_print_in_the_face_of_the_text_around_them(long_document: Path) -> None:
    """≥ in a 绩效 cell, % and quotation marks in the body and in bold table titles: each
    drawn by the face of the ideographs beside it (仿宋 in the body, the bold face in a bold
    cell), not by a fallback face."""
    import pdfplumber

    checked: dict[str, int] = {}
    odd = []
    with pdfplumber.open(io.BytesIO(documents(long_document).pdf or b"")) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            chars = page.chars
            for index, char in enumerate(chars):
                if char["text"] not in "≥%“”":
                    continue
                beside = [
                    c
                    for c in chars[max(0, index - 2) : index + 3]
                    if "\u4e00" <= c["text"] <= "\u9fff"
                    and abs(c["top"] - char["top"]) < 1
                    and c["size"] == char["size"]
                ]
                if beside:
                    checked[char["text"]] = checked.get(char["text"], 0) + 1
                    if char["fontname"] not in {c["fontname"] for c in beside}:
                        odd.append((number, char["text"], char["fontname"], beside[0]["fontname"]))
    assert odd == []
    assert set(checked) == set("≥%“”"), checked


def test_a_piece_of_a_label_group_carries_the_labels_spanning_into_it() -> None:
    """Rows 2–4 of a group (一级 over six rows, 二级 over four then two): the piece's first
    row repeats both labels, spanning only the piece, and no label spans past its end."""
    from disclosure_gen.render.layout import GridCell, relabelled

    def row(*labels: tuple[str, int], text: str) -> tuple[GridCell, ...]:
        return (*(GridCell(t, rowspan=n) for t, n in labels), GridCell(text))

    rows = (
        row(("产出", 6), ("数量", 4), text="a"),
        row(text="b"),
        row(text="c"),
        row(text="d"),
        row(("质量", 2), text="e"),
        row(text="f"),
    )
    piece = relabelled(rows, 2, 5)
    assert [[(c.text, c.rowspan) for c in r] for r in piece] == [
        [("产出", 3), ("数量", 2), ("c", 1)],
        [("d", 1)],
        [("质量", 1), ("e", 1)],
    ]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_a_target_or_evaluation_table_under_two_thirds_of_a_page_is_never_split(
    path: Path,
) -> None:
    """A 绩效目标表 or 自评表 short enough to fit on two thirds of a page moves whole to the
    next page rather than leaving its lead block split over two pages (the department's
    部门整体绩效目标表 did), so no page names it as continued (“（续）<name>”)."""
    import pdfplumber

    pdf = documents(path).pdf or b""
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        pages = [re.sub(r"\s", "", page.extract_text() or "") for page in document.pages]
    short = [
        b.grid
        for b in context_blocks(path)
        if b.type == "grid" and b.grid is not None and b.grid.short_block(b.page)
    ]
    names = [re.sub(r"\s", "", c.text) for g in short for row in g.lead for c in row if c.continued]
    assert names  # the examples have such tables
    for name in names:  # a split table would name itself “（续）…” on its second page
        assert not any(f"（续）{name}" in p for p in pages), name
