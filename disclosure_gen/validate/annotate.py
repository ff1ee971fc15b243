"""Write an annotated copy of a workbook: a comment and a fill on each offending cell, and
a sheet listing every finding.  The input file is never modified.

Unlike the reader, this loads the whole workbook (drawings and images included), so a
damaged drawing or an image that would take gigabytes to copy are found first and refused
with one finding (F006, ``AnnotateError``) rather than a traceback or an exhausted machine.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils.cell import coordinate_to_tuple
from openpyxl.worksheet.worksheet import Worksheet

from disclosure_gen import atomic
from disclosure_gen.findings import Finding, Severity
from disclosure_gen.workbook import codes
from disclosure_gen.zipfix import normalise_zip

FILLS = {
    Severity.ERROR: PatternFill("solid", fgColor="FFC7CE"),
    Severity.WARNING: PatternFill("solid", fgColor="FFEB9C"),
    Severity.INFO: PatternFill("solid", fgColor="DDEBF7"),
}
SHEET = "校验结果"
SUFFIX = "-批注.xlsx"  # the copy's name when --annotate names a folder
MAX_IMAGE_PIXELS = 40_000_000  # a full-page scan at 600 dpi is 35 M; copying decodes it


class AnnotateError(Exception):
    """The copy cannot be written; carries the finding (F006) that says why."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message)
        self.finding = finding


def _failed(message: str) -> AnnotateError:
    return AnnotateError(codes.ANNOTATE_FAILED.finding(message + "检查结果不受影响。"))


def _writable(ws: Worksheet, ref: str) -> Cell:
    """The cell to annotate: for a cell inside a merged range, its top-left cell (the other
    cells of a merged range cannot hold a comment or a fill)."""
    row, col = coordinate_to_tuple(ref)
    for merged in ws.merged_cells.ranges:
        if ref in merged:
            row, col = merged.min_row, merged.min_col
    cell = ws.cell(row, col)
    assert isinstance(cell, Cell)  # a top-left or unmerged cell is never a MergedCell
    return cell


def target_path(source: Path, target: Path) -> Path:
    """``target``, or a file named after ``source`` inside it when it is a folder."""
    return target / f"{atomic.fit_stem(source.stem)}{SUFFIX}" if target.is_dir() else target


def _check_images(source: Path) -> None:
    """Refuse images whose pixels would be decoded in memory (openpyxl re-encodes every
    image that is not PNG, JPEG or GIF when it saves)."""
    try:
        from PIL import Image
    except ImportError:  # pragma: no cover - without Pillow openpyxl drops images
        return
    with zipfile.ZipFile(source) as zf:
        for name in zf.namelist():
            if not name.startswith("xl/media/"):
                continue
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                try:
                    with Image.open(io.BytesIO(zf.read(name))) as image:
                        width, height = image.size
                    size = f"{width}×{height} 像素"
                except Image.DecompressionBombError:
                    width = height = MAX_IMAGE_PIXELS  # Pillow refuses to even open it
                    size = "上亿像素"
                except Exception:  # openpyxl drops an image it cannot read
                    continue
            if width * height > MAX_IMAGE_PIXELS:
                raise _failed(
                    f"工作簿中的图片 {name} 过大（{size}），复制它会耗尽内存，批注副本未写出；"
                    "请在 Excel/WPS 中删除或压缩该图片后再试。"
                )


def annotate(source: Path, target: Path, findings: list[Finding]) -> Path:
    """Write the annotated copy of ``source`` to ``target`` (a file, or a folder to put it
    in); return its path.  Raise AnnotateError (with an F006 finding) if it cannot."""
    target = target_path(source, target)
    if target.resolve() == source.resolve():
        raise _failed("批注副本不能覆盖输入工作簿，未写出；请换一个文件名。")
    _check_images(source)
    try:
        wb = load_workbook(source)
    except Exception as exc:  # a damaged drawing, image or relationship, in many forms
        raise _failed(
            f"{source.name} 中的图形、图片或其关系已损坏（{type(exc).__name__}），批注副本未写出；"
            "请在 Excel/WPS 中打开并另存后再试。"
        ) from exc
    by_cell: dict[tuple[str, str], list[Finding]] = {}
    for f in findings:
        if f.sheet in wb.sheetnames and f.cell:
            by_cell.setdefault((f.sheet, f.cell), []).append(f)
    for (sheet, cell), items in by_cell.items():
        target_cell = _writable(wb[sheet], cell)
        text = "\n".join(f"[{f.severity.label} {f.code}] {f.message}" for f in items)
        target_cell.comment = Comment(text, "disclosure-gen", width=360, height=160)
        worst = min(items, key=lambda f: list(Severity).index(f.severity)).severity
        target_cell.fill = FILLS[worst]
    if SHEET in wb.sheetnames:
        del wb[SHEET]
    ws = wb.create_sheet(SHEET, 0)
    ws.append(["级别", "代码", "工作表", "单元格", "说明"])
    for c in ws[1]:
        c.font = Font(bold=True)
    for f in findings:
        ws.append([f.severity.label, f.code, f.sheet or "", f.cell or "", f.message])
    for letter, width in zip("ABCDE", (8, 8, 14, 10, 100), strict=True):
        ws.column_dimensions[letter].width = width
    buffer = io.BytesIO()
    try:
        wb.save(buffer)
    except Exception as exc:  # an image or drawing openpyxl read but cannot write back
        raise _failed(
            f"{source.name} 中有无法复制的图形或图片（{type(exc).__name__}），批注副本未写出；"
            "请删除该图形或在 Excel/WPS 中另存后再试。"
        ) from exc
    try:
        atomic.write_bytes(target, normalise_zip(buffer.getvalue()))
    except OSError as exc:
        raise _failed(
            f"无法写入 {target}（{exc.strerror or type(exc).__name__}），批注副本未写出；"
            "请检查路径、文件夹权限和文件名长度。"
        ) from exc
    return target
