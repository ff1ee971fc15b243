"""Which workbooks a batch generates, and where each one's documents go.

A folder: every ``*.xlsx`` in it (not its subfolders; Excel's ``~$`` lock files and hidden
files skipped), each into ``OUT/<stem of workbook>/``. A CSV manifest: one row per
workbook, columns ``workbook,output`` (or 工作簿,输出目录), relative paths resolved against
the manifest's folder; an empty output means ``OUT/<stem>/``. Paths are made absolute here,
so a task means the same file on whichever machine runs it (a cluster's workers share them).
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from pathlib import Path

WORKBOOK_COLUMNS = ("workbook", "工作簿")
OUTPUT_COLUMNS = ("output", "输出目录")


class SourceError(Exception):
    """The folder or manifest cannot be used; the message says why, in Chinese."""


@dataclass(frozen=True)
class Job:
    """One workbook of a batch."""

    workbook: Path  # absolute
    out_dir: Path  # absolute
    label: str  # the workbook as the summary names it (relative to the folder or manifest)


def jobs_from(source: Path, out: Path) -> list[Job]:
    """The batch's jobs, sorted by workbook label; raises SourceError."""
    out = _absolute(out)
    if source.is_dir():
        jobs = _from_folder(_absolute(source), out)
    elif source.is_file():
        jobs = _from_manifest(_absolute(source), out)
    else:
        raise SourceError(
            f"找不到 {source}：请给出一个存放 .xlsx 工作簿的文件夹，或一个 CSV 清单。"
        )
    if not jobs:
        raise SourceError(f"{source} 中没有找到 .xlsx 工作簿。")
    jobs.sort(key=lambda j: j.label)
    _refuse_collisions(jobs)
    return jobs


def _from_folder(folder: Path, out: Path) -> list[Job]:
    return [
        Job(path, out / path.stem, path.name)
        for path in folder.iterdir()
        if path.suffix.lower() == ".xlsx"
        and not path.name.startswith(("~$", "."))
        and not path.is_dir()
    ]


def _from_manifest(manifest: Path, out: Path) -> list[Job]:
    if manifest.suffix.lower() == ".xlsx":
        raise SourceError(
            f"{manifest} 是一个工作簿；批量生成请给出存放工作簿的文件夹，或一个 CSV 清单"
            "（列：workbook,output）。单个工作簿请用 disclosure-gen generate。"
        )
    rows = list(csv.reader(io.StringIO(_read_text(manifest))))
    if not rows:
        raise SourceError(f"清单 {manifest} 是空的。")
    header = [cell.strip().lower() for cell in rows[0]]
    w = _column(header, WORKBOOK_COLUMNS)
    o = _column(header, OUTPUT_COLUMNS)
    if w is None:
        raise SourceError(
            f"清单 {manifest} 的第一行应是列名 workbook,output（或 工作簿,输出目录），"
            f"实际是：{','.join(rows[0])}"
        )
    base = manifest.parent
    jobs = []
    for number, row in enumerate(rows[1:], start=2):
        cells = [cell.strip() for cell in row]
        if not any(cells):
            continue
        workbook = cells[w] if w < len(cells) else ""
        output = cells[o] if o is not None and o < len(cells) else ""
        if not workbook:
            raise SourceError(f"清单 {manifest} 第 {number} 行没有填写工作簿。")
        path = _absolute(base / workbook)
        target = _absolute(base / output) if output else out / path.stem
        jobs.append(Job(path, target, workbook))
    return jobs


def _absolute(path: Path) -> Path:
    """``path`` absolute and without “..” (symbolic links kept, as the user named them)."""
    return Path(os.path.abspath(path))


def _read_text(manifest: Path) -> str:
    """The manifest's text: UTF-8 (with or without BOM), or GB18030 as Excel saves a CSV
    on a Chinese Windows."""
    try:
        data = manifest.read_bytes()
    except OSError as exc:
        raise SourceError(f"无法读取清单 {manifest}（{exc.strerror}）。") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise SourceError(f"清单 {manifest} 不是文本格式的 CSV 文件。") from None


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    for name in names:
        if name in header:
            return header.index(name)
    return None


def _refuse_collisions(jobs: list[Job]) -> None:
    """Two workbooks never write into one folder (compared case-blind, as Windows and macOS
    file systems do), and no workbook is listed twice."""
    seen_out: dict[str, Job] = {}
    seen_in: dict[str, Job] = {}
    for job in jobs:
        key_in = str(job.workbook.resolve()).casefold()
        if key_in in seen_in:
            raise SourceError(
                f"工作簿 {job.label} 在清单中出现了两次（另一处：{seen_in[key_in].label}）。"
            )
        seen_in[key_in] = job
        key_out = str(job.out_dir.resolve()).casefold()
        if key_out in seen_out:
            raise SourceError(
                f"{seen_out[key_out].label} 和 {job.label} 的输出目录相同（{job.out_dir}）；"
                "请在清单中为它们指定不同的输出目录，或把工作簿改成不同的文件名。"
            )
        seen_out[key_out] = job
