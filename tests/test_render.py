"""The two outputs: user text stays literal, bytes are reproducible, layout is official."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from pathlib import Path

import pytest

from disclosure_gen.pipeline import Documents, render
from tests import builders
from tests.render_helpers import documents, docx_paragraphs, docx_xml, pdf_text


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Documents:
    return documents(builders.write(tmp_path_factory.mktemp("r") / "sample.xlsx"))


def test_user_text_with_markup_and_template_syntax_renders_literally_in_docx(
    rendered: Documents,
) -> None:
    paragraphs = docx_paragraphs(rendered.docx)
    assert any(p == f"（一）项目名称：{builders.PROJECT}" for p in paragraphs)
    assert any(p == "资金分配情况：平台运维 80 万元{% if x %}" for p in paragraphs)
    assert any("某市数据局 & <测试>" in p for p in paragraphs)


def test_user_text_with_markup_and_template_syntax_renders_literally_in_pdf(
    rendered: Documents,
) -> None:
    assert rendered.pdf is not None
    text = pdf_text(rendered.pdf)
    assert re.sub(r"\s+", "", builders.PROJECT) in text
    assert "平台运维80万元{%ifx%}" in text
    assert "某市数据局&<测试>" in text


def test_same_workbook_gives_identical_bytes(sample_path: Path) -> None:
    from disclosure_gen.pipeline import check

    checked = check(sample_path)
    assert checked.kind is not None and checked.model is not None
    first, second = render(checked.kind, checked.model), render(checked.kind, checked.model)
    assert first.docx == second.docx
    assert first.pdf == second.pdf


def test_docx_sets_east_asian_fonts_and_chinese_language() -> None:
    from disclosure_gen.render.environment import packaged_templates

    styles = (packaged_templates() / "skin/docx/word/styles.xml").read_text(encoding="utf-8")
    assert 'w:eastAsia="仿宋_GB2312"' in styles and 'w:eastAsia="黑体"' in styles
    assert 'w:eastAsia="楷体_GB2312"' in styles and 'w:eastAsia="zh-CN"' in styles


def test_docx_pages_are_a4_with_landscape_sections_for_wide_tables(rendered: Documents) -> None:
    xml = docx_xml(rendered.docx)
    assert xml.count('w:orient="landscape"') >= 2  # 表2 and 表7 (表11 is empty but still wide)
    assert '<w:pgSz w:w="11906" w:h="16838"/>' in xml
    assert "<w:tblHeader/>" in xml


def test_docx_opens_with_python_docx_and_has_every_table(rendered: Documents) -> None:
    from docx import Document

    doc = Document(io.BytesIO(rendered.docx))
    # eleven tables and one 绩效目标表, printed as its project block (once) and its indicators
    # (whose column titles repeat on each page)
    assert len(doc.tables) == 13
    assert doc.core_properties.title.endswith("2025年单位预算公开")


def test_pdf_fonts_are_embedded_and_text_extracts(rendered: Documents) -> None:
    from pypdf import PdfReader

    assert rendered.pdf is not None
    reader = PdfReader(io.BytesIO(rendered.pdf))
    assert len(reader.pages) > 20
    fonts = set()
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts", []):
                descriptor = descendant.get_object()["/FontDescriptor"].get_object()
                assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts.add(str(font.get("/BaseFont")))
    assert any("CJK" in f or "Song" in f or "Hei" in f or "Kai" in f for f in fonts), fonts
    text = pdf_text(rendered.pdf)
    assert "—3—" in text  # footer page numbers “— N —”
    assert "第三部分2025年单位预算情况说明" in text


def test_pdf_bookmarks_name_every_part_section_and_table(rendered: Documents) -> None:
    from pypdf import PdfReader

    assert rendered.pdf is not None
    titles: list[str] = []

    def walk(outline: Sequence[object]) -> None:
        for item in outline:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(str(item.title))  # type: ignore[attr-defined]

    walk(PdfReader(io.BytesIO(rendered.pdf)).outline)
    assert sum(t.startswith("第") and "部分" in t for t in titles) == 4
    assert [t.split()[0] for t in titles if re.match(r"表\d+ ", t)] == [
        f"表{n}" for n in range(1, 12)
    ]
    assert any(t.startswith("十二、") for t in titles) and "项目支出绩效目标表" in titles


def test_page_numbers_sit_right_on_odd_pages_left_on_even_pages_and_not_on_the_cover(
    rendered: Documents,
) -> None:
    """GB/T 9704: “— N —”, odd pages right and even pages left, none on the cover."""
    from pypdf import PdfReader

    assert rendered.pdf is not None
    reader = PdfReader(io.BytesIO(rendered.pdf))
    for number, page in enumerate(reader.pages, start=1):
        width = float(page.mediabox.width)
        found: list[float] = []

        def visit(
            text: str,
            _cm: object,
            tm: list[float],
            *_: object,
            n: int = number,
            into: list[float] = found,
        ) -> None:
            if re.fullmatch(rf"\s*—\s*{n}\s*—\s*", text) or text.strip() == str(n):
                into.append(tm[4])

        page.extract_text(visitor_text=visit)
        if number == 1:
            assert not found, "the cover has no page number"
            continue
        assert found, f"page {number} has no page number"
        x = min(found)
        assert (x > width / 2) if number % 2 else (x < width / 2), (number, x, width)


def test_docx_uses_odd_and_even_footers(rendered: Documents) -> None:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(rendered.docx)) as zf:
        settings = zf.read("word/settings.xml").decode()
        odd, even = zf.read("word/footer1.xml").decode(), zf.read("word/footer2.xml").decode()
    assert "<w:evenAndOddHeaders/>" in settings
    assert '<w:jc w:val="right"/>' in odd and '<w:jc w:val="left"/>' in even
    assert 'w:type="even"' in docx_xml(rendered.docx)


def test_docx_table_of_contents_stores_the_pdf_page_numbers(rendered: Documents) -> None:
    """The 目录 is never empty in a program that does not update fields: each PAGEREF
    field's stored result is the page the entry landed on in the PDF."""
    xml = docx_xml(rendered.docx)
    stored = re.findall(
        r'PAGEREF (s\d+) \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/>'
        r"</w:r><w:r><w:t[^>]*>(\d*)</w:t>",
        xml,
    )
    assert stored and all(page.isdigit() for _, page in stored)
    pages = [int(page) for _, page in stored]
    assert pages == sorted(pages) and pages[0] >= 3
