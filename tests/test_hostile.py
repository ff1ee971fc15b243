"""Hostile input: every file that is not a sane workbook ends in one clear finding.

For each file below, ``validate`` and ``generate`` must finish within ``LIMIT`` seconds,
exit non-zero, print the finding's code and no traceback, and ``generate`` must leave its
output directory empty.  The files are built in ``tmp_path`` by the helpers at the top;
the big ones (zip bombs, a million rows) are streamed so the test itself stays small.
"""

from __future__ import annotations

import json
import posixpath
import re
import shutil
import struct
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any
from xml.etree import ElementTree
from xml.sax.saxutils import escape

import openpyxl
import pytest
from typer.testing import CliRunner, Result

from disclosure_gen.cli import app
from disclosure_gen.workbook import safety
from tests import builders
from tests.test_reader import edit

runner = CliRunner()

LIMIT = 10.0  # seconds per command
LINES_SHEET = "支出明细"
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
SHARED_STRINGS_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
SHARED_STRINGS_REL = REL_NS + "/sharedStrings"
MILLION = 1_000_000
SECRET = "TOP-SECRET-7f3a9c"

# A zip part is either its bytes or a function that streams them into an open zip entry.
Part = bytes | Callable[[IO[bytes]], None]


# --------------------------------------------------------------------------- helpers


def invoke(*args: str) -> tuple[Result, float]:
    start = time.perf_counter()
    result = runner.invoke(app, list(args))
    return result, time.perf_counter() - start


def assert_no_crash(result: Result, seconds: float) -> None:
    """The command ended through typer.Exit, in time, without a traceback."""
    # CliRunner swallows an uncaught exception into result.exception (exit code 1) and
    # prints no traceback, so a crash has to be caught here rather than in the output.
    if result.exit_code != 0:
        assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    assert seconds < LIMIT, f"took {seconds:.1f} s"


def validate_json(path: Path, *options: str) -> tuple[int, list[dict[str, Any]]]:
    result, seconds = invoke("validate", str(path), "--format", "json", *options)
    assert_no_crash(result, seconds)
    return result.exit_code, json.loads(result.stdout)["findings"]


def generate_refuses(path: Path, out: Path, code: str, exit_code: int, *options: str) -> None:
    """``generate`` exits with ``exit_code``, names ``code``, and writes nothing into ``out``."""
    out.mkdir(exist_ok=True)
    result, seconds = invoke("generate", str(path), "-o", str(out), *options)
    assert_no_crash(result, seconds)
    assert result.exit_code == exit_code, result.output
    assert code in result.output
    assert list(out.iterdir()) == []


def assert_unreadable(path: Path, tmp_path: Path, codes: set[str]) -> dict[str, Any]:
    """Both commands exit 2 with exactly one file-level finding whose code is in ``codes``."""
    exit_code, findings = validate_json(path)
    assert exit_code == 2
    assert len(findings) == 1, findings
    (finding,) = findings
    assert finding["code"] in codes, finding
    assert finding["severity"] == "error" and path.name in finding["message"]
    generate_refuses(path, tmp_path / "out", finding["code"], 2)
    return finding


def sheet_part(xlsx: Path, sheet: str) -> str:
    """The zip member holding ``sheet``, found through xl/workbook.xml and its rels."""
    with zipfile.ZipFile(xlsx) as zf:
        workbook = ElementTree.fromstring(zf.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    rid = next(
        s.get(f"{{{REL_NS}}}id")
        for s in workbook.iter(f"{{{MAIN_NS}}}sheet")
        if s.get("name") == sheet
    )
    target = next(r.get("Target", "") for r in rels if r.get("Id") == rid)
    if target.startswith("/"):
        return target[1:]
    return posixpath.normpath(posixpath.join("xl", target))


def read_part(xlsx: Path, name: str) -> str:
    with zipfile.ZipFile(xlsx) as zf:
        return zf.read(name).decode("utf-8")


def rewrite(
    src: Path,
    dst: Path,
    parts: dict[str, Part],
    *,
    declared_sizes: dict[str, int] | None = None,
    level: int = 6,
) -> Path:
    """Copy the package ``src`` to ``dst``, replacing or adding ``parts``.

    ``declared_sizes`` makes the central directory lie about a part's uncompressed size
    (the local header and the data stay true), which is all a zip bomb check can see.
    """
    with (
        zipfile.ZipFile(src) as zin,
        zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as zout,
    ):
        names = [i.filename for i in zin.infolist()]
        for name in names + [n for n in parts if n not in names]:
            part = parts.get(name)
            if part is None:
                zout.writestr(name, zin.read(name))
            elif isinstance(part, bytes):
                zout.writestr(name, part)
            else:
                with zout.open(name, "w", force_zip64=True) as fh:
                    part(fh)
        for name, size in (declared_sizes or {}).items():
            zout.getinfo(name).file_size = size  # written into the central directory on close
    return dst


def with_sheet(sample: Path, dst: Path, sheet: str, change: Callable[[str], str]) -> Path:
    part = sheet_part(sample, sheet)
    return rewrite(sample, dst, {part: change(read_part(sample, part)).encode("utf-8")})


def repeated(head: bytes, filler: bytes, total: int, tail: bytes) -> Callable[[IO[bytes]], None]:
    """A part of ``total`` filler bytes between head and tail, written 1 MiB at a time."""

    def stream(fh: IO[bytes]) -> None:
        fh.write(head)
        chunk = filler * (2**20 // len(filler))
        for _ in range(total // len(chunk)):
            fh.write(chunk)
        fh.write(tail)

    return stream


def million_rows(sample: Path, dst: Path, row: Callable[[int], str]) -> Path:
    """The sample with rows appended to 支出明细 until it has a million, streamed in chunks."""
    part = sheet_part(sample, LINES_SHEET)
    head, tail = read_part(sample, part).split("</sheetData>")
    last = max(int(n) for n in re.findall(r'<row r="(\d+)"', head))
    head = re.sub(r'<dimension ref="[^"]*"/>', f'<dimension ref="A1:G{MILLION}"/>', head)

    def stream(fh: IO[bytes]) -> None:
        fh.write(head.encode("utf-8"))
        for start in range(last + 1, MILLION + 1, 50_000):
            stop = min(start + 50_000, MILLION + 1)
            fh.write("".join(row(n) for n in range(start, stop)).encode("ascii"))
        fh.write(("</sheetData>" + tail).encode("utf-8"))

    return rewrite(sample, dst, {part: stream}, level=1)


def ole_container(*streams: str) -> bytes:
    """A minimal well-formed OLE2 compound file (the container of .xls and of a
    password-protected .xlsx): header, one FAT sector, one directory sector holding the
    root and up to three empty streams, chained as right siblings in name order."""
    assert len(streams) <= 3
    end, free, fat_sector, no_stream = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    header = safety.OLE_MAGIC + bytes(16)  # magic, CLSID
    # version 3, little-endian, 512-byte sectors; 1 FAT sector; directory at sector 1
    header += struct.pack("<HHHHH6x7I", 0x3E, 3, 0xFFFE, 9, 6, 0, 1, 1, 0, 4096, end, 0)
    header += struct.pack("<II", end, 0) + struct.pack("<109I", 0, *[free] * 108)
    fat = struct.pack("<128I", fat_sector, end, *[free] * 126)

    def entry(name: str, kind: int, right: int, child: int) -> bytes:
        raw = name.encode("utf-16-le") + b"\0\0" if name else b""
        color = 1 if kind else 0  # black; unused entries are all zero but for the links
        return struct.pack(
            "<64sHBBIII16sI16sIQ", raw, len(raw), kind, color, no_stream, right, child,
            bytes(16), 0, bytes(16), end if kind else 0, 0,
        )  # fmt: skip

    entries = [entry("Root Entry", 5, no_stream, 1 if streams else no_stream)]
    for i, name in enumerate(streams, start=1):
        entries.append(entry(name, 2, i + 1 if i < len(streams) else no_stream, no_stream))
    entries += [entry("", 0, no_stream, no_stream)] * (4 - len(entries))
    return header + fat + b"".join(entries)


def billion_laughs(root: str) -> str:
    """A DOCTYPE whose entity &l9; expands to 10**9 "lol" (3 GB)."""
    entities = ['<!ENTITY l0 "lol">'] + [
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)
    ]
    return f"<!DOCTYPE {root} [{''.join(entities)}]>"


def external_entity(root: str, target: Path) -> str:
    """A DOCTYPE whose entity &l9; is the content of a local file (XXE)."""
    return f'<!DOCTYPE {root} [<!ENTITY l9 SYSTEM "{target.as_uri()}">]>'


def add_to_row_2(sheet_xml: str, cell: str) -> str:
    end = sheet_xml.index("</row>", sheet_xml.index('<row r="2"'))
    return sheet_xml[:end] + cell + sheet_xml[end:]


def entity_in_sheet(sample: Path, dst: Path, doctype: Callable[[str], str]) -> Path:
    def change(xml: str) -> str:
        xml = xml.replace("<worksheet", doctype("worksheet") + "<worksheet", 1)
        return add_to_row_2(xml, '<c r="G2" t="inlineStr"><is><t>&l9;</t></is></c>')

    return with_sheet(sample, dst, LINES_SHEET, change)


def entity_in_shared_strings(sample: Path, dst: Path, doctype: Callable[[str], str]) -> Path:
    part = sheet_part(sample, LINES_SHEET)
    sheet = add_to_row_2(read_part(sample, part), '<c r="G2" t="s"><v>0</v></c>')
    strings = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        + doctype("sst")
        + f'<sst xmlns="{MAIN_NS}" count="1" uniqueCount="1"><si><t>&l9;</t></si></sst>'
    )
    types = read_part(sample, "[Content_Types].xml").replace(
        "</Types>",
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{SHARED_STRINGS_CT}"/></Types>',
    )
    rels = read_part(sample, "xl/_rels/workbook.xml.rels").replace(
        "</Relationships>",
        f'<Relationship Type="{SHARED_STRINGS_REL}" Target="sharedStrings.xml" Id="rIdSst"/>'
        "</Relationships>",
    )
    return rewrite(
        sample,
        dst,
        {
            part: sheet.encode("utf-8"),
            "xl/sharedStrings.xml": strings.encode("utf-8"),
            "[Content_Types].xml": types.encode("utf-8"),
            "xl/_rels/workbook.xml.rels": rels.encode("utf-8"),
        },
    )


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The builders' sample workbook, built once; tests copy or rewrite it, never edit it."""
    return builders.write(tmp_path_factory.mktemp("hostile") / "sample.xlsx")


def copy_of(sample: Path, tmp_path: Path, name: str = "budget.xlsx") -> Path:
    return Path(shutil.copyfile(sample, tmp_path / name))


# ------------------------------------------------------------- files that are not xlsx


def _csv(tmp: Path) -> Path:
    path = tmp / "预算.xlsx"
    path.write_text("功能分类,经济分类,金额\n2010301,30101,1234567.89\n", encoding="utf-8")
    return path


def _gbk_csv(tmp: Path) -> Path:
    path = tmp / "budget.xlsx"
    path.write_bytes("功能分类,金额\n2010301 行政运行,100\n".encode("gbk"))
    return path


def _empty(tmp: Path) -> Path:
    path = tmp / "empty.xlsx"
    path.write_bytes(b"")
    return path


def _pdf(tmp: Path) -> Path:
    path = tmp / "budget.xlsx"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
    return path


def _html_saved_as_xls(tmp: Path) -> Path:  # what many finance systems export as “Excel”
    path = tmp / "export.xls"
    path.write_text("<html><body><table><tr><td>金额</td></tr></table></body></html>")
    return path


def _zip_not_a_workbook(tmp: Path) -> Path:  # e.g. a .docx renamed .xlsx
    path = tmp / "report.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<document/>")
    return path


def _old_xls(tmp: Path) -> Path:
    path = tmp / "budget.xls"
    path.write_bytes(ole_container("Workbook", "\x05SummaryInformation"))
    return path


def _password_protected(tmp: Path) -> Path:
    # msoffcrypto-tool is not installed, so this is not a real encrypted package: it is the
    # OLE container Excel writes for one, with the two streams it holds (both empty here).
    path = tmp / "budget.xlsx"
    path.write_bytes(ole_container("EncryptionInfo", "EncryptedPackage"))
    return path


def _oversized(tmp: Path) -> Path:
    path = tmp / "huge.xlsx"
    with path.open("wb") as fh:  # sparse: 21 MiB on paper, nothing on disk
        fh.write(b"PK\x03\x04")
        fh.truncate(safety.MAX_FILE_BYTES + 2**20)
    return path


def _too_many_parts(tmp: Path) -> Path:
    path = tmp / "many.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
        for i in range(safety.MAX_ENTRIES):
            zf.writestr(f"xl/media/image{i}.png", b"")
    return path


def _missing(tmp: Path) -> Path:
    return tmp / "nope.xlsx"


def _directory(tmp: Path) -> Path:
    path = tmp / "budget.xlsx"
    path.mkdir()
    return path


@pytest.mark.parametrize(
    ("build", "code"),
    [
        pytest.param(_csv, "F002", id="csv-renamed-xlsx"),
        pytest.param(_gbk_csv, "F002", id="gbk-csv-renamed-xlsx"),
        pytest.param(_empty, "F002", id="empty-file"),
        pytest.param(_pdf, "F002", id="pdf-renamed-xlsx"),
        pytest.param(_html_saved_as_xls, "F002", id="html-saved-as-xls"),
        pytest.param(_zip_not_a_workbook, "F002", id="zip-that-is-not-a-workbook"),
        pytest.param(_old_xls, "F003", id="old-xls"),
        pytest.param(_password_protected, "F003", id="password-protected"),
        pytest.param(_oversized, "F004", id="file-over-20-mib"),
        pytest.param(_too_many_parts, "F004", id="zip-with-too-many-parts"),
        pytest.param(_missing, "F001", id="missing-path"),
        pytest.param(_directory, "F001", id="path-is-a-directory"),
    ],
)
def test_file_that_is_not_a_workbook_is_rejected_with_one_finding_and_exit_2(
    tmp_path: Path, build: Callable[[Path], Path], code: str
) -> None:
    assert_unreadable(build(tmp_path), tmp_path, {code})


def test_truncated_workbook_is_rejected_with_one_finding_and_exit_2(
    sample: Path, tmp_path: Path
) -> None:
    data = sample.read_bytes()
    path = tmp_path / "truncated.xlsx"
    path.write_bytes(data[: len(data) * 2 // 3])
    # Cut before the central directory the file is no zip at all (F002 today); a cut that
    # kept the directory but lost data would be F005.
    assert_unreadable(path, tmp_path, {"F002", "F005"})


# ---------------------------------------------------------------------------- zip bombs


def _bomb_declared(sample: Path, dst: Path) -> Path:
    part = sheet_part(sample, LINES_SHEET)
    # The sheet is its real 8 KB, but the central directory claims 8 GiB.
    return rewrite(
        sample, dst, {part: read_part(sample, part).encode()}, declared_sizes={part: 8 * 2**30}
    )


def _bomb_real(sample: Path, dst: Path) -> Path:
    part = sheet_part(sample, LINES_SHEET)
    head = f'<worksheet xmlns="{MAIN_NS}"><sheetData>'.encode()
    # 256 MiB of blanks compress to ~0.25 MB at level 9 (ratio ~1000) in about a second.
    stream = repeated(head, b" ", 256 * 2**20, b"</sheetData></worksheet>")
    return rewrite(sample, dst, {part: stream}, level=9)


@pytest.mark.parametrize(
    "build",
    [
        pytest.param(_bomb_declared, id="declares-8-gib"),
        pytest.param(_bomb_real, id="inflates-to-256-mib"),
    ],
)
def test_zip_bomb_sheet_is_rejected_as_too_large_without_inflating(
    sample: Path, tmp_path: Path, build: Callable[[Path, Path], Path]
) -> None:
    path = build(sample, tmp_path / "bomb.xlsx")
    assert path.stat().st_size < 2 * 2**20
    assert_unreadable(path, tmp_path, {"F004"})


# ------------------------------------------------------------------------ a million rows


def test_million_rows_with_values_are_refused_with_one_size_finding(
    sample: Path, tmp_path: Path
) -> None:
    # Either F004 (exit 2) or S010 (exit 1) is acceptable.  What happens today is F004: a
    # million minimal rows (<row r="N"><c r="AN"><v>1</v></c></row>) make the sheet part
    # ~46.5 MiB uncompressed, above safety.MAX_PART_BYTES (40 MiB), so the zip directory
    # check refuses the file before openpyxl parses a single row.  Were that limit raised,
    # the reader would stop after MAX_ROWS rows with S010 instead.
    path = million_rows(
        sample, tmp_path / "rows.xlsx", lambda n: f'<row r="{n}"><c r="A{n}"><v>1</v></c></row>'
    )
    exit_code, findings = validate_json(path)
    codes = [f["code"] for f in findings]
    assert (exit_code, codes) == (2, ["F004"]) or (exit_code, codes.count("S010")) == (1, 1)
    generate_refuses(path, tmp_path / "out", codes[0] if exit_code == 2 else "S010", exit_code)


def test_million_formatted_but_empty_rows_are_read_quickly_and_accepted(
    sample: Path, tmp_path: Path
) -> None:
    # A million empty rows (<row r="N"/>, what formatting applied down a column leaves) are
    # ~16 MiB, under every zip limit: the reader scans past MAX_ROWS, finds no content there,
    # and the workbook is as valid as before (exit 0: the sample has warnings only).
    path = million_rows(sample, tmp_path / "rows.xlsx", lambda n: f'<row r="{n}"/>')
    start = time.perf_counter()
    exit_code, findings = validate_json(path)
    assert time.perf_counter() - start < 10
    assert exit_code == 0
    assert "S010" not in {f["code"] for f in findings}


def test_content_beyond_the_row_limit_gets_one_too_many_rows_finding_and_exit_1(
    sample: Path, tmp_path: Path
) -> None:
    # A value in row 1,000,000 of an otherwise short sheet: S010, and nothing is generated.
    path = million_rows(
        sample,
        tmp_path / "far.xlsx",
        lambda n: (
            f'<row r="{n}"><c r="A{n}"><v>1</v></c></row>' if n == MILLION else f'<row r="{n}"/>'
        ),
    )
    exit_code, findings = validate_json(path)
    assert exit_code == 1
    assert [(f["code"], f["sheet"]) for f in findings] == [("S010", LINES_SHEET)]
    generate_refuses(path, tmp_path / "out", "S010", 1)


# ------------------------------------------------------------------------ hostile text


def set_text(sheet_xml: str, cell: str, text: str) -> str:
    """Replace the cell ``cell`` of a sheet's XML by an inline string holding ``text``."""
    new = f'<c r="{cell}" t="inlineStr"><is><t>{escape(text)}</t></is></c>'
    xml, count = re.subn(
        rf'<c r="{cell}"[^>]*>.*?</c>', lambda _: new, sheet_xml, count=1, flags=re.S
    )
    assert count == 1, f"no cell {cell}"
    return xml


@pytest.mark.parametrize(
    ("sheet", "cell"),
    [
        pytest.param("项目信息", "C2", id="text-column"),
        pytest.param("基本信息", "B6", id="long-text-form-field"),
    ],
)
def test_text_of_100k_characters_gets_one_text_too_long_finding_and_exit_1(
    sample: Path, tmp_path: Path, sheet: str, cell: str
) -> None:
    # Written into the XML directly: Excel and openpyxl both cut a cell at 32,767 characters,
    # but another program (or an attacker) may store any length.
    text = "预算" * 50_000
    path = with_sheet(sample, tmp_path / "long.xlsx", sheet, lambda x: set_text(x, cell, text))
    exit_code, findings = validate_json(path)
    assert exit_code == 1
    assert [(f["code"], f["sheet"], f["cell"]) for f in findings] == [("S011", sheet, cell)]
    assert "100000" in findings[0]["message"]  # says how long it is, not the text itself
    assert len(findings[0]["message"]) < 200
    generate_refuses(path, tmp_path / "out", "S011", 1)


CONTROL_TEXTS = [
    pytest.param("某市_x0007_数据局", id="excel-escaped-bell"),
    pytest.param("某市\x7f数据局", id="delete"),
]
INVISIBLE_TEXTS = [
    pytest.param("某市\u200b数据局", id="zero-width-space"),
    pytest.param("\ufeff某市数据局", id="byte-order-mark"),
]


@pytest.mark.parametrize("text", CONTROL_TEXTS)
def test_control_characters_get_one_located_error_and_exit_1(
    sample: Path, tmp_path: Path, text: str
) -> None:
    path = edit(copy_of(sample, tmp_path), "项目信息", "C2", text)
    exit_code, findings = validate_json(path)
    errors = [(f["code"], f["sheet"], f["cell"]) for f in findings if f["severity"] == "error"]
    assert errors == [("S012", "项目信息", "C2")]
    assert exit_code == 1
    generate_refuses(path, tmp_path / "out", "S012", 1)


@pytest.mark.parametrize("text", INVISIBLE_TEXTS)
def test_invisible_format_characters_are_removed_with_a_located_warning(
    sample: Path, tmp_path: Path, text: str
) -> None:
    path = edit(copy_of(sample, tmp_path), "项目信息", "C2", text)
    exit_code, findings = validate_json(path, "--strict")
    s017 = [(f["code"], f["sheet"], f["cell"]) for f in findings if f["code"] == "S017"]
    assert s017 == [("S017", "项目信息", "C2")]
    assert exit_code == 1  # a warning fails under --strict
    generate_refuses(path, tmp_path / "out", "S017", 1, "--strict")


def test_raw_control_byte_in_sheet_xml_is_rejected_as_corrupt(sample: Path, tmp_path: Path) -> None:
    # A raw U+0007 is not allowed in XML 1.0 (Excel writes _x0007_), so the XML parser
    # refuses the sheet: the file is reported as damaged rather than cleaned.
    path = with_sheet(
        sample, tmp_path / "raw.xlsx", LINES_SHEET, lambda x: x.replace("2010301", "2010\x07301", 1)
    )
    assert_unreadable(path, tmp_path, {"F005"})


# ------------------------------------------------------------------------ XML payloads


def test_openpyxl_parses_workbook_xml_through_defusedxml() -> None:
    # openpyxl switches to defusedxml only when it is importable (a declared dependency).
    assert openpyxl.DEFUSEDXML is True


@pytest.mark.parametrize(
    "inject",
    [
        pytest.param(entity_in_sheet, id="in-sheet"),
        pytest.param(entity_in_shared_strings, id="in-shared-strings"),
    ],
)
@pytest.mark.parametrize("payload", ["billion-laughs", "external-entity"])
def test_entity_payload_is_rejected_without_expanding(
    sample: Path,
    tmp_path: Path,
    inject: Callable[[Path, Path, Callable[[str], str]], Path],
    payload: str,
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    doctype = (
        billion_laughs
        if payload == "billion-laughs"
        else (lambda root: external_entity(root, secret))
    )
    path = inject(sample, tmp_path / "entities.xlsx", doctype)
    # Today defusedxml raises EntitiesForbidden at the first <!ENTITY>, before anything is
    # expanded or fetched; openpyxl wraps it in a ValueError and the reader reports F005.
    finding = assert_unreadable(path, tmp_path, {"F005"})
    assert SECRET not in finding["message"]
    result, _ = invoke("validate", str(path))
    assert SECRET not in result.output and "lollollol" not in result.output


# ------------------------------------------------------- damaged or unusual packages


def _corrupt_tail(sample: Path, dst: Path) -> Path:
    # 支出明细 padded with 1 MiB of blanks, then bytes flipped near the end of its compressed
    # data: load_workbook reads only the start of a sheet (up to <dimension>), so the damage
    # is met later, while the reader scans the sheet.
    padded = with_sheet(
        sample, dst.with_suffix(".padded.xlsx"), LINES_SHEET,
        lambda x: x.replace("</worksheet>", " " * 2**20 + "</worksheet>"),
    )  # fmt: skip
    data = bytearray(padded.read_bytes())
    with zipfile.ZipFile(padded) as zf:
        info = zf.getinfo(sheet_part(padded, LINES_SHEET))
    offset = info.header_offset
    name_len, extra_len = struct.unpack("<HH", data[offset + 26 : offset + 30])
    end = offset + 30 + name_len + extra_len + info.compress_size
    for i in range(end - 40, end - 36):
        data[i] ^= 0x55
    dst.write_bytes(data)
    return dst


def _bomb_lying_small(sample: Path, dst: Path) -> Path:
    # 256 MiB of real data whose central-directory entry claims 1 MiB: every size and ratio
    # check passes, zipfile stops inflating at the declared size and then fails its CRC.
    part = sheet_part(sample, LINES_SHEET)
    head = f'<worksheet xmlns="{MAIN_NS}"><dimension ref="A1:G12"/><sheetData>'.encode()
    stream = repeated(head, b" ", 256 * 2**20, b"</sheetData></worksheet>")
    return rewrite(sample, dst, {part: stream}, declared_sizes={part: 2**20}, level=9)


@pytest.mark.parametrize(
    "build",
    [
        pytest.param(_corrupt_tail, id="corrupt-end-of-large-sheet"),
        pytest.param(_bomb_lying_small, id="bomb-declaring-a-small-size"),
    ],
)
def test_damaged_sheet_data_is_rejected_as_corrupt(
    sample: Path, tmp_path: Path, build: Callable[[Path, Path], Path]
) -> None:
    assert_unreadable(build(sample, tmp_path / "damaged.xlsx"), tmp_path, {"F005"})


def _swap_parts(sample: Path, dst: Path, a: str, b: str) -> Path:
    """The same workbook with the parts of sheets ``a`` and ``b`` stored under each other's
    names (the package format allows any part name; only the rels say which is which)."""
    part_a, part_b = sheet_part(sample, a), sheet_part(sample, b)
    rels_a, rels_b = (
        posixpath.join(posixpath.dirname(p), "_rels", posixpath.basename(p) + ".rels")
        for p in (part_a, part_b)
    )
    swap = {part_a: part_b, part_b: part_a, rels_a: rels_b, rels_b: rels_a}
    workbook_rels = read_part(sample, "xl/_rels/workbook.xml.rels")
    workbook_rels = re.sub(
        "|".join(re.escape(p) + '"' for p in (part_a, part_b)),
        lambda m: swap[m.group(0)[:-1]] + '"',
        workbook_rels,
    )
    with zipfile.ZipFile(sample) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/_rels/workbook.xml.rels":
                data = workbook_rels.encode()
            zout.writestr(swap.get(info.filename, info.filename), data)
    return dst


def test_merged_cells_are_found_whatever_the_sheet_parts_are_called(
    sample: Path, tmp_path: Path
) -> None:
    merged = copy_of(sample, tmp_path, "merged.xlsx")
    wb = openpyxl.load_workbook(merged)
    wb[LINES_SHEET].merge_cells("G2:G3")
    wb.save(merged)
    path = _swap_parts(merged, tmp_path / "swapped.xlsx", LINES_SHEET, "项目信息")
    _, findings = validate_json(path)
    merged_cells = [(f["code"], f["sheet"], f["cell"]) for f in findings if f["code"] == "S007"]
    assert merged_cells == [("S007", LINES_SHEET, "G2")]


# ------------------------------------------------- bugs found by these tests, now fixed


def test_zip_member_name_flagged_utf8_but_not_utf8_is_rejected(
    sample: Path, tmp_path: Path
) -> None:
    # A non-ASCII name makes zipfile set the UTF-8 flag; then swap its 4 UTF-8 bytes for the
    # 4 GBK bytes of 预算, which are not valid UTF-8.
    placeholder = "éé"
    rewrite(sample, tmp_path / "utf8.xlsx", {f"xl/media/{placeholder}.png": b"\x89PNG\r\n\x1a\n"})
    data = (tmp_path / "utf8.xlsx").read_bytes()
    assert data.count(placeholder.encode()) == 2  # local header and central directory
    path = tmp_path / "gbk-name.xlsx"
    path.write_bytes(data.replace(placeholder.encode(), "预算".encode("gbk")))
    assert_unreadable(path, tmp_path, {"F002", "F005"})


def test_file_that_cannot_be_opened_is_rejected(
    sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Simulated: the tests run as root, where chmod 000 does not stop reading.
    path = copy_of(sample, tmp_path)
    real_open = Path.open

    def refuse(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    assert_unreadable(path, tmp_path, {"F001", "F005"})
