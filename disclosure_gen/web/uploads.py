"""Uploads into job folders, within the reader's limits, and zips of workbooks opened with
the same limits the reader applies to an xlsx package (``workbook.safety``).

Nothing a user named becomes a path: an upload is copied to ``input.xlsx`` of a fresh job
folder; its name is kept only to be shown (escaped) on the page.
"""

from __future__ import annotations

import contextlib
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from disclosure_gen.workbook import safety

MAX_BATCH_FILES = 50
MAX_BATCH_BYTES = 60 * 1024 * 1024  # one request of a batch (files or a zip)
MAX_NAME_CHARS = 120
CHUNK = 256 * 1024


class TooLarge(Exception):
    pass


def display_name(raw: str | None) -> str:
    """The last path component of an uploaded name, without control characters, short."""
    name = (raw or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    return name.strip()[:MAX_NAME_CHARS] or "未命名.xlsx"


def too_large_message(name: str) -> str:
    mb = safety.MAX_FILE_BYTES // (1024 * 1024)
    return f"{name} 超过 {mb} MB 上限，未读取；预算工作簿通常不足 1 MB，请删除无关内容后再试。"


def copy_limited(source: IO[bytes], target: Path, limit: int = safety.MAX_FILE_BYTES) -> int:
    """Copy at most ``limit`` bytes; raise TooLarge (and leave no file) beyond it."""
    written = 0
    try:
        with target.open("wb") as out:
            while chunk := source.read(CHUNK):
                written += len(chunk)
                if written > limit:
                    raise TooLarge
                out.write(chunk)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return written


def is_zip_archive(path: Path) -> bool:
    """A zip of workbooks: a zip that is not an xlsx package (an xlsx is a zip too)."""
    if not zipfile.is_zipfile(path):
        return False
    try:
        with zipfile.ZipFile(path) as zf:
            if "xl/workbook.xml" in zf.namelist():
                return False
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    return True


@dataclass(frozen=True)
class Member:
    name: str
    info: zipfile.ZipInfo


def _member_name(info: zipfile.ZipInfo) -> str:
    """Zip tools on Chinese Windows write names in GBK without the UTF-8 flag; Python then
    decodes them as cp437."""
    name = info.filename
    if not info.flag_bits & 0x800:
        with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
            name = name.encode("cp437").decode("gbk")
    return display_name(name)


class ZipRefused(Exception):
    """The whole zip is refused; the message says why."""


def open_zip(path: Path, name: str) -> tuple[zipfile.ZipFile, list[Member], list[tuple[str, str]]]:
    """The workbooks in a zip and the entries skipped (with the reason), within the limits;
    raise ZipRefused for a zip that exceeds them."""
    try:
        zf = zipfile.ZipFile(path)
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, UnicodeDecodeError) as exc:
        raise ZipRefused(f"{name} 已损坏，无法打开（{type(exc).__name__}）。") from exc
    members: list[Member] = []
    skipped: list[tuple[str, str]] = []
    try:
        if len(infos) > safety.MAX_ENTRIES:
            raise ZipRefused(f"{name} 含有 {len(infos)} 个文件，过多，未读取。")
        for info in infos:
            shown = _member_name(info)
            base = info.filename.replace("\\", "/").rsplit("/", 1)[-1]
            if info.is_dir() or info.filename.startswith("__MACOSX/") or base.startswith("._"):
                continue
            if not base.lower().endswith(".xlsx") or base.startswith("~$"):
                skipped.append((shown, "不是 .xlsx 工作簿，已跳过"))
                continue
            if info.flag_bits & 0x1:
                skipped.append((shown, "在压缩包中设置了密码，无法读取"))
                continue
            if info.file_size > safety.MAX_FILE_BYTES:
                skipped.append((shown, too_large_message(shown)))
                continue
            members.append(Member(shown, info))
        if len(members) > MAX_BATCH_FILES:
            raise ZipRefused(
                f"{name} 含有 {len(members)} 个工作簿，一次最多 {MAX_BATCH_FILES} 个；请分批上传。"
            )
        total = sum(m.info.file_size for m in members)
        if total > safety.MAX_UNCOMPRESSED_BYTES or any(
            m.info.compress_size
            and m.info.file_size / m.info.compress_size > safety.MAX_RATIO
            and m.info.file_size > 10**7
            for m in members
        ):
            raise ZipRefused(f"{name} 解压后异常巨大（可能是压缩炸弹），未读取。")
    except BaseException:
        zf.close()
        raise
    return zf, members, skipped


def extract(zf: zipfile.ZipFile, member: Member, target: Path) -> None:
    """Extract one member, counting what is really inflated (the directory may lie)."""
    with zf.open(member.info) as source:
        copy_limited(source, target)
