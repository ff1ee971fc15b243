"""Every PDF is tagged (PDF/UA-1); ``--pdf-a`` writes PDF/A-3b, optionally carrying the
workbook as its source.  No open PDF/A or PDF/UA validator installs from the registries
here (veraPDF is not packaged), so these tests read the structures the standards require
with pikepdf."""

from __future__ import annotations

import io
from collections import Counter
from itertools import pairwise
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from typer.testing import CliRunner

from disclosure_gen.cli import app
from disclosure_gen.pipeline import Documents, check, render_checked
from disclosure_gen.render.pdf import PdfOptions, Source
from tests import builders
from tests.render_helpers import documents


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return builders.write(tmp_path_factory.mktemp("s") / "sample.xlsx")


@pytest.fixture(scope="module")
def tagged(workbook: Path) -> Documents:
    return documents(workbook)


@pytest.fixture(scope="module")
def archival(workbook: Path) -> bytes:
    options = PdfOptions(archival=True, source=Source(workbook.name, workbook.read_bytes()))
    pdf = render_checked(check(workbook), pdf_options=options).pdf
    assert pdf is not None
    return pdf


def _elements(pdf: pikepdf.Pdf) -> list[Any]:
    """The structure elements in document (reading) order."""
    out: list[Any] = []

    def walk(node: Any) -> None:
        if isinstance(node, pikepdf.Array):
            for child in node:
                walk(child)
        elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
            out.append(node)
            walk(node.get("/K"))

    walk(pdf.Root.StructTreeRoot.K)
    return out


def _page_index(pdf: pikepdf.Pdf) -> dict[tuple[int, int], int]:
    return {page.obj.objgen: i for i, page in enumerate(pdf.pages)}


def test_pdf_is_tagged_with_headings_tables_header_cells_and_chinese_language(
    tagged: Documents,
) -> None:
    assert tagged.pdf is not None
    pdf = pikepdf.open(io.BytesIO(tagged.pdf))
    assert str(pdf.Root.Lang) == "zh-CN"
    assert bool(pdf.Root.MarkInfo.Marked)
    assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle)
    assert 'pdfuaid:part="1"' in str(pdf.open_metadata())
    kinds = Counter(str(e.S) for e in _elements(pdf))
    assert kinds["/H1"] >= 5 and kinds["/H2"] >= 12 and kinds["/H3"] >= 3, kinds
    assert kinds["/Table"] == 13 and kinds["/TH"] > 100 and kinds["/TD"] > kinds["/TH"], kinds


def test_structure_tree_reads_in_page_order(tagged: Documents) -> None:
    assert tagged.pdf is not None
    pdf = pikepdf.open(io.BytesIO(tagged.pdf))
    pages = _page_index(pdf)
    headings = [pages[e.Pg.objgen] for e in _elements(pdf) if str(e.S) in {"/H1", "/H2", "/H3"}]
    assert headings == sorted(headings) and headings[-1] > 10


def test_table_header_cells_sit_in_table_header_rows(tagged: Documents) -> None:
    assert tagged.pdf is not None
    pdf = pikepdf.open(io.BytesIO(tagged.pdf))
    for element in _elements(pdf):
        if str(element.S) == "/TH":
            assert str(element.P.S) == "/TR" and str(element.P.P.S) == "/THead"


def test_pdf_a_3b_has_output_intent_identification_and_content_derived_id(
    archival: bytes, workbook: Path
) -> None:
    pdf = pikepdf.open(io.BytesIO(archival))
    intent = pdf.Root.OutputIntents[0]
    assert str(intent.S) == "/GTS_PDFA1" and "/DestOutputProfile" in intent
    meta = str(pdf.open_metadata())
    assert 'pdfaid:part="3"' in meta and 'pdfaid:conformance="B"' in meta
    assert str(pdf.Root.Lang) == "zh-CN" and "/StructTreeRoot" in pdf.Root  # still tagged
    first, second = (bytes(x) for x in pdf.trailer.ID)
    assert first == second and len(first) == 32
    options = PdfOptions(archival=True, source=Source(workbook.name, workbook.read_bytes()))
    assert render_checked(check(workbook), pdf_options=options).pdf == archival


def test_pdf_a_carries_the_workbook_as_its_source(archival: bytes, workbook: Path) -> None:
    pdf = pikepdf.open(io.BytesIO(archival))
    assert len(pdf.Root.AF) == 1  # one associated file, listed once
    spec = pdf.Root.AF[0]
    assert str(spec.AFRelationship) == "/Source" and str(spec.UF) == workbook.name
    assert pdf.attachments[workbook.name].get_file().read_bytes() == workbook.read_bytes()
    params = spec.EF.F.Params
    assert "/ModDate" in params and "/CheckSum" in params


def test_generate_pdf_a_flags(workbook: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        app, ["generate", str(workbook), "-o", str(tmp_path), "--attach-workbook"]
    )
    assert result.exit_code == 0, result.output
    written = next(tmp_path.glob("*.pdf"))
    pdf = pikepdf.open(written)
    assert workbook.name in pdf.attachments and "/OutputIntents" in pdf.Root
    refused = runner.invoke(
        app, ["generate", str(workbook), "-o", str(tmp_path / "x"), "--attach-workbook", "--no-pdf"]
    )
    assert refused.exit_code == 2 and "--no-pdf" in refused.output


def test_pdf_a_also_declares_pdf_ua_1_and_stays_tagged(archival: bytes) -> None:
    pdf = pikepdf.open(io.BytesIO(archival))
    meta = pdf.open_metadata()
    assert meta["pdfaid:part"] == "3" and meta["pdfaid:conformance"] == "B"
    assert meta["pdfuaid:part"] == "1"
    xml = str(meta)
    # PDF/A admits a property outside its own schemas only with an extension schema.
    assert "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/<" in xml
    assert "<pdfaSchema:prefix>pdfuaid<" in xml and meta["dc:title"]
    assert str(pdf.Root.Lang) == "zh-CN" and bool(pdf.Root.MarkInfo.Marked)
    assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle)
    kinds = Counter(str(e.S) for e in _elements(pdf))
    assert kinds["/H1"] >= 5 and kinds["/Table"] == 13 and kinds["/TH"] > 100, kinds


def test_headings_start_at_h1_and_never_skip_a_level(tagged: Documents) -> None:
    """PDF/UA (Matterhorn 14-002/14-003): the first heading is H1 and a heading is at most one
    level below the one before it.  The 目录 title is a top-level heading like a part's (H1),
    not a section under the cover title: the cover's and the 目录's pages hold H1s only."""
    assert tagged.pdf is not None
    pdf = pikepdf.open(io.BytesIO(tagged.pdf))
    pages = _page_index(pdf)
    headings = [
        (int(str(e.S)[2:]), pages[e.Pg.objgen])
        for e in _elements(pdf)
        if str(e.S) in {f"/H{n}" for n in range(1, 7)}
    ]
    levels = [level for level, _ in headings]
    assert len(levels) > 20 and levels[0] == 1
    assert [(a, b) for a, b in pairwise(levels) if b > a + 1] == []
    front = [level for level, page in headings if page < 2]  # the cover and the 目录
    assert front == [1, 1]
