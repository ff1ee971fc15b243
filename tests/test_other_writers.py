"""The reader does not depend on Excel's exact XML spelling: a workbook saved by another
program (namespace prefixes, attributes in another order, rows and cells without numbers,
shared strings in any order) reads the same and gets the same safety checks (merged cells,
the row limit), and a huge shared-string table is refused as fast as other bombs.

``respell`` rewrites a workbook the builders made the way such a program might.
"""

from __future__ import annotations

import re
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from disclosure_gen.findings import WorkbookUnreadable
from disclosure_gen.pipeline import check
from disclosure_gen.workbook.package import MAX_ROWS
from tests.test_hostile import LINES_SHEET, MAIN_NS, REL_NS, SHARED_STRINGS_CT, sheet_part

SST_REL = REL_NS + "/sharedStrings"
INLINE_RE = re.compile(
    r'<c ([^>]*?)t="inlineStr"([^>]*)><is><t(?: [^>]*)?>(.*?)</t></is></c>', re.S
)
TAG_RE = re.compile(r"<(/?)([A-Za-z][\w]*)(?=[\s/>])")


def _prefixed(xml: str, prefix: str) -> str:
    """Every element of the default (main) namespace spelt with ``prefix:``."""
    xml = xml.replace(f'xmlns="{MAIN_NS}"', f'xmlns:{prefix}="{MAIN_NS}"', 1)
    return TAG_RE.sub(lambda m: f"<{m.group(1)}{prefix}:{m.group(2)}", xml)


def respell(
    src: Path,
    dst: Path,
    *,
    prefix: str | None = "x",
    shared_strings: bool = True,
    reorder: bool = True,
    unnumbered: bool = False,
    extra_rows: str = "",
) -> Path:
    """Copy ``src`` to ``dst`` as another writer might spell it.

    - ``shared_strings``: inline strings become a shared-string table, in reverse order of
      first use (Excel's is in order of first use);
    - ``reorder``: ``r`` is the last attribute of rows and cells;
    - ``unnumbered``: rows carry no ``r`` (each follows the one before);
    - ``prefix``: every element of the main namespace carries this prefix;
    - ``extra_rows``: unprefixed row XML appended to the end of 支出明细's data.
    """
    with zipfile.ZipFile(src) as zin:
        parts = {i.filename: zin.read(i.filename) for i in zin.infolist()}
    lines_part = sheet_part(src, LINES_SHEET)
    if extra_rows:
        xml = parts[lines_part].decode("utf-8")
        parts[lines_part] = xml.replace("</sheetData>", extra_rows + "</sheetData>", 1).encode()
    sheets = [n for n in parts if n.startswith("xl/worksheets/sheet")]
    texts: list[str] = []
    for name in sheets:
        texts += [m.group(3) for m in INLINE_RE.finditer(parts[name].decode("utf-8"))]
    unique = list(dict.fromkeys(texts))[::-1]  # any order: indices decide, not positions
    index = {text: i for i, text in enumerate(unique)}
    for name in sheets:
        xml = parts[name].decode("utf-8")
        if shared_strings:
            xml = INLINE_RE.sub(
                lambda m: f'<c {m.group(1)}t="s"{m.group(2)}><v>{index[m.group(3)]}</v></c>', xml
            )
        if reorder:
            xml = re.sub(r'<(row|c) r="([A-Z]*\d+)"([^>]*?)(/?)>', r'<\1\3 r="\2"\4>', xml)
        if unnumbered:
            xml = re.sub(r'(<row\b[^>]*?) r="\d+"', r"\1", xml)
        if prefix:
            xml = _prefixed(xml, prefix)
        parts[name] = xml.encode("utf-8")
    if shared_strings:
        items = "".join(f"<si><t>{text}</t></si>" for text in unique)
        sst = (
            f'<sst xmlns="{MAIN_NS}" count="{len(texts)}" uniqueCount="{len(unique)}">{items}</sst>'
        )
        parts["xl/strings.xml"] = (_prefixed(sst, prefix) if prefix else sst).encode("utf-8")
        _declare_shared_strings(parts, "xl/strings.xml")
    return _write(dst, parts)


def _declare_shared_strings(parts: dict[str, bytes], name: str) -> None:
    types = parts["[Content_Types].xml"].decode("utf-8")
    types = re.sub(r'<Override PartName="[^"]*" ContentType="[^"]*sharedStrings[^"]*"/>', "", types)
    parts["[Content_Types].xml"] = types.replace(
        "</Types>", f'<Override PartName="/{name}" ContentType="{SHARED_STRINGS_CT}"/></Types>'
    ).encode("utf-8")
    rels = parts["xl/_rels/workbook.xml.rels"].decode("utf-8")
    parts["xl/_rels/workbook.xml.rels"] = rels.replace(
        "</Relationships>",
        f'<Relationship Id="rIdStrings" Type="{SST_REL}" Target="{name[3:]}"/></Relationships>',
    ).encode("utf-8")


def _write(dst: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in parts.items():
            zout.writestr(name, data)
    return dst


def merged(path: Path, ref: str = "G2:G3") -> Path:
    wb = openpyxl.load_workbook(path)
    wb[LINES_SHEET].merge_cells(ref)
    wb.save(path)
    return path


def located(path: Path) -> list[tuple[str, str | None, str | None, str]]:
    return sorted((f.code, f.sheet, f.cell, f.message) for f in check(path).findings)


SPELLINGS = [
    pytest.param({}, id="prefix-shared-strings-reordered"),
    pytest.param({"prefix": "ss"}, id="other-prefix"),
    pytest.param({"prefix": None, "reorder": False}, id="shared-strings-only"),
    pytest.param({"shared_strings": False}, id="prefix-inline-strings"),
    pytest.param({"unnumbered": True}, id="rows-without-numbers"),
]


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_a_workbook_saved_by_another_program_reads_the_same(
    sample_path: Path, tmp_path: Path, spelling: dict[str, object]
) -> None:
    other = respell(sample_path, tmp_path / "other.xlsx", **spelling)  # type: ignore[arg-type]
    assert located(other) == located(sample_path)
    ours, theirs = check(sample_path).model, check(other).model
    assert ours is not None and theirs is not None
    assert theirs.model_dump() == ours.model_dump()


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_merged_cells_are_found_in_another_programs_spelling(
    sample_path: Path, tmp_path: Path, spelling: dict[str, object]
) -> None:
    other = respell(merged(sample_path), tmp_path / "other.xlsx", **spelling)  # type: ignore[arg-type]
    assert ("S007", LINES_SHEET, "G2") in {(f.code, f.sheet, f.cell) for f in check(other).findings}


def test_merged_cells_with_reordered_attributes_and_single_quotes_are_found(
    sample_path: Path, tmp_path: Path
) -> None:
    other = respell(merged(sample_path), tmp_path / "other.xlsx")
    with zipfile.ZipFile(other) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    name = sheet_part(other, LINES_SHEET)
    parts[name] = re.sub(
        rb'<x:mergeCell ref="G2:G3"/>', b"<x:mergeCell  ref='g2:g3' />", parts[name]
    )
    assert b"ref='g2:g3'" in parts[name]
    _write(other, parts)
    assert ("S007", LINES_SHEET, "G2") in {(f.code, f.sheet, f.cell) for f in check(other).findings}


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_content_beyond_the_row_limit_is_found_in_another_programs_spelling(
    sample_path: Path, tmp_path: Path, spelling: dict[str, object]
) -> None:
    far = MAX_ROWS + 7
    if spelling.get("unnumbered"):  # numbered by position: 12 rows, then empty ones
        extra = "<row/>" * MAX_ROWS + '<row><c t="inlineStr"><is><t>x</t></is></c></row>'
    else:
        extra = f'<row r="{far}"><c r="A{far}" t="inlineStr"><is><t>x</t></is></c></row>'
    other = respell(sample_path, tmp_path / "other.xlsx", extra_rows=extra, **spelling)  # type: ignore[arg-type]
    assert ("S010", LINES_SHEET, f"A{MAX_ROWS + 1}") in {
        (f.code, f.sheet, f.cell) for f in check(other).findings
    }


def test_empty_rows_beyond_the_row_limit_are_not_content_in_any_spelling(
    sample_path: Path, tmp_path: Path
) -> None:
    far = MAX_ROWS + 7
    other = respell(sample_path, tmp_path / "other.xlsx", extra_rows=f'<row r="{far}" ht="15"/>')
    assert "S010" not in {f.code for f in check(other).findings}


def _with_string_table(sample: Path, dst: Path, items: bytes) -> Path:
    with zipfile.ZipFile(sample) as zin:
        parts = {i.filename: zin.read(i.filename) for i in zin.infolist()}
    parts["xl/sharedStrings.xml"] = f'<sst xmlns="{MAIN_NS}">'.encode() + items + b"</sst>"
    _declare_shared_strings(parts, "xl/sharedStrings.xml")
    return _write(dst, parts)


@pytest.mark.parametrize(
    ("count", "item"),
    [
        pytest.param(300_000, b"<si><t>x</t></si>", id="many-short-strings"),
        pytest.param(10, b"<si><t>" + b"y" * 2**20 + b"</t></si>", id="huge-strings"),
    ],
)
def test_a_huge_shared_string_table_is_refused_before_it_is_parsed(
    sample_path: Path, tmp_path: Path, count: int, item: bytes
) -> None:
    path = _with_string_table(sample_path, tmp_path / "strings.xlsx", item * count)
    start = time.perf_counter()
    with pytest.raises(WorkbookUnreadable) as caught:
        check(path)
    assert time.perf_counter() - start < 1.5
    assert caught.value.finding.code == "F004"
    assert path.name in caught.value.finding.message


def test_a_normal_shared_string_table_is_read(sample_path: Path, tmp_path: Path) -> None:
    path = _with_string_table(sample_path, tmp_path / "strings.xlsx", b"<si><t>x</t></si>" * 5000)
    assert check(path).model is not None
