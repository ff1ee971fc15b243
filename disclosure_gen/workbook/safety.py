"""Checks that run before openpyxl sees a file, so hostile input fails fast and small.

openpyxl would happily inflate a zip bomb or load a million-row sheet into memory; these
checks look at the zip directory (sizes, counts, magic bytes), which costs nothing, and at
the shared-string table, which openpyxl parses whole before reading any sheet (a million
strings take it ten seconds, twice).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from defusedxml import ElementTree as DefusedET

from disclosure_gen.findings import WorkbookUnreadable
from disclosure_gen.workbook import codes

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 120 * 1024 * 1024
MAX_PART_BYTES = 40 * 1024 * 1024
MAX_RATIO = 200
MAX_ENTRIES = 2000
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# A budget workbook has a few thousand distinct strings (the code lists included).
MAX_SHARED_STRINGS = 100_000
MAX_SHARED_STRINGS_BYTES = 8 * 1024 * 1024
MAX_CONTENT_TYPES_BYTES = 1024 * 1024
CONTENT_TYPES = "[Content_Types].xml"
NS_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
SHARED_STRINGS_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
STRING_ITEM_RE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?si\b")


def check_file(path: Path) -> None:
    """Raise WorkbookUnreadable unless ``path`` looks like a sane xlsx package."""
    name = path.name
    if path.is_dir():
        raise WorkbookUnreadable(
            codes.FILE_MISSING.finding(f"{name} 是文件夹而不是工作簿；请指定 .xlsx 文件。")
        )
    if not path.is_file():
        raise WorkbookUnreadable(codes.FILE_MISSING.finding(f"找不到文件 {name}，请检查路径。"))
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise WorkbookUnreadable(
            codes.FILE_MISSING.finding(
                f"无法读取文件 {name}（{exc.strerror or type(exc).__name__}）；请检查文件权限或是否被其他程序占用。"
            )
        ) from exc
    if size == 0:
        raise WorkbookUnreadable(codes.NOT_XLSX.finding(f"{name} 是空文件，请重新保存工作簿。"))
    if size > MAX_FILE_BYTES:
        raise WorkbookUnreadable(
            codes.TOO_LARGE.finding(
                f"{name} 有 {size // (1024 * 1024)} MB，超过 {MAX_FILE_BYTES // (1024 * 1024)} MB 上限；"
                "预算工作簿通常不足 1 MB，请删除无关内容后再试。"
            )
        )
    if head == OLE_MAGIC:
        raise WorkbookUnreadable(
            codes.OLE_FILE.finding(
                f"{name} 是旧版 .xls 文件或设置了打开密码的工作簿；请取消密码，"
                "并在 Excel/WPS 中“另存为 Excel 工作簿 (*.xlsx)”。"
            )
        )
    if not zipfile.is_zipfile(path):
        raise WorkbookUnreadable(
            codes.NOT_XLSX.finding(
                f"{name} 不是 Excel 工作簿（xlsx），可能是改了扩展名的 CSV 或文本文件；"
                "请用 Excel/WPS 打开并另存为 .xlsx，或用 disclosure-gen init 生成模板。"
            )
        )
    _check_zip(path)


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, UnicodeDecodeError, ValueError) as exc:
        raise WorkbookUnreadable(
            codes.CORRUPT.finding(
                f"{path.name} 已损坏，无法打开（{exc}）；请在 Excel/WPS 中重新保存。"
            )
        ) from exc
    names = {i.filename for i in infos}
    if "xl/workbook.xml" not in names:
        raise WorkbookUnreadable(
            codes.NOT_XLSX.finding(
                f"{path.name} 是压缩包但不是 Excel 工作簿；请选择正确的 .xlsx 文件。"
            )
        )
    too_big = (
        len(infos) > MAX_ENTRIES
        or sum(i.file_size for i in infos) > MAX_UNCOMPRESSED_BYTES
        or any(i.file_size > MAX_PART_BYTES for i in infos)
        or any(
            i.compress_size and i.file_size / i.compress_size > MAX_RATIO and i.file_size > 10**7
            for i in infos
        )
    )
    if too_big:
        raise WorkbookUnreadable(
            codes.TOO_LARGE.finding(
                f"{path.name} 解压后异常巨大（可能含有上百万行或压缩炸弹），未读取；"
                "请删除多余的行和工作表后另存。"
            )
        )
    _check_shared_strings(path, {i.filename: i for i in infos})


def _shared_strings_part(zf: zipfile.ZipFile, infos: dict[str, zipfile.ZipInfo]) -> str | None:
    """The part openpyxl reads as the shared-string table: the one [Content_Types].xml
    declares, whatever it is called."""
    types = infos.get(CONTENT_TYPES)
    if types is None:
        return None
    if types.file_size > MAX_CONTENT_TYPES_BYTES:
        raise _too_large(Path(zf.filename or "").name, "其内容类型清单异常巨大")
    root = DefusedET.fromstring(zf.read(types))
    for override in root.iter(f"{NS_CT}Override"):
        if override.get("ContentType") == SHARED_STRINGS_CT:
            name = str(override.get("PartName") or "")
            return name.lstrip("/") or None
    return None


def _check_shared_strings(path: Path, infos: dict[str, zipfile.ZipInfo]) -> None:
    try:
        with zipfile.ZipFile(path) as zf:
            part = _shared_strings_part(zf, infos)
            info = infos.get(part) if part else None
            if info is None:
                return
            if info.file_size > MAX_SHARED_STRINGS_BYTES:
                raise _too_large(path.name, "其共享字符串表异常巨大")
            count = len(STRING_ITEM_RE.findall(zf.read(info)))
    except WorkbookUnreadable:
        raise
    except Exception as exc:  # a damaged part: openpyxl would fail on it too
        raise WorkbookUnreadable(
            codes.CORRUPT.finding(
                f"{path.name} 已损坏，无法打开（{type(exc).__name__}）；请在 Excel/WPS 中重新保存。"
            )
        ) from exc
    if count > MAX_SHARED_STRINGS:
        raise _too_large(path.name, f"其共享字符串表有 {count:,} 条文字")


def _too_large(name: str, why: str) -> WorkbookUnreadable:
    return WorkbookUnreadable(
        codes.TOO_LARGE.finding(
            f"{name} {why}（预算工作簿通常只有几千条），未读取；"
            "请删除多余的行、工作表和粘贴进来的大量文字后另存。"
        )
    )
