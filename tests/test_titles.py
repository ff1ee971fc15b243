"""Cover and part titles break into balanced lines at word boundaries, in both outputs."""

from __future__ import annotations

import re
import subprocess
import time

import pytest

from disclosure_gen.pipeline import Documents
from disclosure_gen.render.titles import balanced_lines, width
from tests import builders
from tests.render_helpers import documents, docx_xml

LONG_NAME = "新疆维吾尔自治区工业和信息化厅信息中心"


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        (LONG_NAME, 12, ["新疆维吾尔自治区", "工业和信息化厅信息中心"]),
        (
            "第一部分 2024年新疆维吾尔自治区工业和信息化厅信息中心单位概况",
            20,
            ["第一部分 2024年新疆维吾尔自治区", "工业和信息化厅信息中心单位概况"],
        ),
        ("乌鲁木齐市数字化发展局", 8, ["乌鲁木齐市", "数字化发展局"]),
        (  # a 黑体 section heading: not “…情况总|体说明”
            "一、关于乌鲁木齐市数字化发展局2025年收支预算情况总体说明",
            25,
            ["一、关于乌鲁木齐市数字化发展局", "2025年收支预算情况总体说明"],
        ),
        (LONG_NAME, 20, [LONG_NAME]),  # fits: one line
    ],
)
def test_titles_break_after_administrative_words_into_even_lines(
    text: str, limit: float, expected: list[str]
) -> None:
    assert balanced_lines(text, limit) == expected


def test_a_title_without_boundaries_is_cut_in_the_middle_and_never_leaves_one_character() -> None:
    text = "数" * 20 + "心"
    lines = balanced_lines(text, 20)
    assert [len(line) for line in lines] == [10, 11]
    assert all(width(line) <= 20 for line in lines)


def test_a_name_of_hundreds_of_characters_is_filled_quickly_not_balanced() -> None:
    text = (LONG_NAME * 40)[:777]
    start = time.perf_counter()
    lines = balanced_lines(text, 20)
    assert time.perf_counter() - start < 1.0
    assert "".join(lines) == text and all(width(line) <= 20 for line in lines)
    assert all(line[-1] in "区厅心" for line in lines[:-1])
    start = time.perf_counter()
    assert "".join(balanced_lines("市" * 79, 20)) == "市" * 79  # a boundary at every character
    assert time.perf_counter() - start < 0.5


def test_lines_joined_are_the_text_again_so_spaces_survive() -> None:
    text = "（一）项目名称：智慧政务平台建设 <二期> & “{{ 运维保障服务 }}”"
    lines = balanced_lines(text, 24)
    assert len(lines) == 2 and "".join(lines) == text


def test_no_line_ends_inside_a_word_of_the_long_name() -> None:
    for limit in (9, 12, 15, 18):
        lines = balanced_lines(LONG_NAME, limit)
        assert "".join(lines) == LONG_NAME
        assert all(width(line) <= limit for line in lines)
        ends = {line[-1] for line in lines[:-1]}
        assert ends <= {"区", "厅", "心"}, (limit, lines)


@pytest.fixture(scope="module")
def long_named(tmp_path_factory: pytest.TempPathFactory) -> Documents:
    data = builders.variant()
    data["forms"]["profile"]["name"] = LONG_NAME + "数据资源管理与应用服务保障中心"
    return documents(builders.write(tmp_path_factory.mktemp("t") / "long.xlsx", data))


def _pdf_lines(pdf: bytes, page: int) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), "-", "-"],
        input=pdf,
        capture_output=True,
        check=True,
    ).stdout.decode()
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_cover_and_part_titles_print_the_same_breaks_in_pdf_and_docx(
    long_named: Documents,
) -> None:
    assert long_named.pdf is not None
    name = LONG_NAME + "数据资源管理与应用服务保障中心"
    cover = balanced_lines(name, 20)
    assert len(cover) == 2 and cover[0].endswith(("区", "厅", "心"))
    assert _pdf_lines(long_named.pdf, 1)[:2] == cover
    part = balanced_lines(f"第一部分 2025年{name}单位概况", 20)
    assert len(part) >= 2
    assert _pdf_lines(long_named.pdf, 3)[: len(part)] == part
    xml = docx_xml(long_named.docx)
    joined = '</w:t></w:r><w:r><w:br/><w:t xml:space="preserve">'.join(part)
    assert joined in xml


def test_first_contents_entry_keeps_a_visible_dot_leader(long_named: Documents) -> None:
    assert long_named.pdf is not None
    lines = _pdf_lines(long_named.pdf, 2)
    first = next(i for i, line in enumerate(lines) if line.startswith("第一部分"))
    # The number stands in a column of its own, which pdftotext reads as a line of its own:
    # the entry's leader is on the first line after it that ends in a page number.
    entry = next(line for line in lines[first:] if re.search(r"\d+$", line))
    assert re.search(r"\.{5,}\s*3$", entry), lines[: first + 3]
