"""Every command survives every file: ``validate --annotate`` to a folder, over a broken
drawing or a huge image, and ``generate`` for a unit name of any length, end in a finding
or a written file, never a traceback."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.drawing.image import Image as SheetImage
from PIL import Image
from typer.testing import CliRunner, Result

from disclosure_gen import atomic
from disclosure_gen.cli import app
from disclosure_gen.pipeline import safe_filename
from tests import builders
from tests.test_reader import edit

runner = CliRunner()


def invoke(*args: str) -> Result:
    result = runner.invoke(app, list(args))
    if result.exit_code != 0:  # a crash is swallowed into result.exception, exit code 1
        assert isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def with_image(path: Path) -> Path:
    """``path`` with a small picture on 基本信息 (as a logo pasted into the workbook)."""
    wb = load_workbook(path)
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "red").save(buffer, format="PNG")
    wb["基本信息"].add_image(SheetImage(io.BytesIO(buffer.getvalue())), "D2")
    wb.save(path)
    return path


def replace_parts(path: Path, parts: dict[str, bytes | None]) -> Path:
    """Rewrite the package at ``path``: each named part replaced, or dropped when None."""
    with zipfile.ZipFile(path) as zin:
        members = [(i.filename, zin.read(i.filename)) for i in zin.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in members:
            new = parts.get(name, data)
            if new is not None:
                zout.writestr(name, new)
    return path


def png_header(width: int, height: int) -> bytes:
    """A PNG that declares ``width``×``height`` pixels (all a viewer reads before decoding)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b"")


def media(path: Path) -> str:
    with zipfile.ZipFile(path) as zf:
        return next(n for n in zf.namelist() if n.startswith("xl/media/"))


def test_annotate_to_a_folder_writes_the_copy_inside_it(sample_path: Path, tmp_path: Path) -> None:
    edit(sample_path, "支出明细", "F3", "abc")
    folder = tmp_path / "批注"
    folder.mkdir()
    result = invoke("validate", str(sample_path), "--annotate", str(folder))
    assert result.exit_code == 1, result.output
    copy = folder / "sample-批注.xlsx"
    assert copy.is_file()
    comment = load_workbook(copy)["支出明细"]["F3"].comment
    assert comment is not None and "S004" in comment.text


def test_annotate_over_a_broken_drawing_relationship_is_one_finding(
    sample_path: Path, tmp_path: Path
) -> None:
    with_image(sample_path)
    replace_parts(sample_path, {"xl/drawings/drawing1.xml": None})  # the rel stays, dangling
    out = tmp_path / "copy.xlsx"
    result = invoke("validate", str(sample_path), "--annotate", str(out))
    assert result.exit_code == 2, result.output
    assert "F006" in result.output and "另存" in result.output
    assert not out.exists()


def test_annotate_over_a_dangling_image_relationship_is_one_finding(
    sample_path: Path, tmp_path: Path
) -> None:
    with_image(sample_path)
    replace_parts(sample_path, {"xl/drawings/_rels/drawing1.xml.rels": None})
    result = invoke("validate", str(sample_path), "--annotate", str(tmp_path / "copy.xlsx"))
    assert result.exit_code == 2 and "F006" in result.output, result.output


@pytest.mark.parametrize(
    ("width", "height"),
    [pytest.param(9000, 9000, id="81-megapixels"), pytest.param(30000, 30000, id="pixel-bomb")],
)
def test_annotate_over_a_huge_image_is_one_finding(
    sample_path: Path, tmp_path: Path, width: int, height: int
) -> None:
    with_image(sample_path)
    replace_parts(sample_path, {media(sample_path): png_header(width, height)})
    out = tmp_path / "copy.xlsx"
    result = invoke("validate", str(sample_path), "--format", "json", "--annotate", str(out))
    assert result.exit_code == 2, result.output
    assert '"F006"' in result.stdout and "图片" in result.stdout
    assert not out.exists()


def test_annotate_to_a_path_that_cannot_be_written_is_one_finding(
    sample_path: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = invoke("validate", str(sample_path), "--annotate", str(blocker / "copy.xlsx"))
    assert result.exit_code == 2 and "F006" in result.output


@pytest.mark.parametrize("length", [1, 80, 120, 700])
def test_a_unit_name_of_any_length_yields_a_valid_file_name(tmp_path: Path, length: int) -> None:
    data = builders.sample()
    data["forms"]["profile"]["name"] = ("新疆维吾尔自治区工业和信息化厅信息中心" * 40)[:length]
    path = builders.write(tmp_path / "long.xlsx", data)
    out = tmp_path / "out"
    result = invoke("generate", str(path), "-o", str(out), "--no-pdf")
    assert result.exit_code == 0, result.output
    (written,) = out.iterdir()
    assert written.suffix == ".docx"
    assert len(written.name.encode("utf-8")) + atomic.TEMP_EXTRA <= atomic.MAX_NAME_BYTES


def test_safe_filename_limits_bytes_and_cuts_at_a_character_boundary() -> None:
    stem = safe_filename("预" * 500)
    assert len(stem.encode("utf-8")) <= atomic.MAX_NAME_BYTES - atomic.TEMP_EXTRA - 16
    assert set(stem) == {"预"}
    assert safe_filename("a/b:c" + "x" * 300).startswith("a_b_c")
    assert safe_filename(" . ") == "disclosure"
