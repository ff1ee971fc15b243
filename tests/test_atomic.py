"""Outputs are written atomically: a failed write leaves neither a partial file nor debris."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from disclosure_gen import atomic


def test_write_replaces_the_file_in_one_step(tmp_path: Path) -> None:
    target = tmp_path / "out" / "a.docx"
    atomic.write_bytes(target, b"first")
    atomic.write_bytes(target, b"second")
    assert target.read_bytes() == b"second"
    assert [p.name for p in target.parent.iterdir()] == ["a.docx"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.pdf"
    atomic.write_bytes(target, b"old")

    def fail(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        atomic.write_bytes(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.pdf"]


def test_written_files_are_readable_by_others_as_the_umask_allows(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        atomic.write_bytes(tmp_path / "a.pdf", b"x")
    finally:
        os.umask(old)
    assert (tmp_path / "a.pdf").stat().st_mode & 0o777 == 0o644


def test_an_annotated_copy_has_the_same_bytes_every_time(sample_path: Path, tmp_path: Path) -> None:
    from disclosure_gen.pipeline import check
    from disclosure_gen.validate.annotate import annotate

    findings = check(sample_path).findings
    annotate(sample_path, tmp_path / "a.xlsx", findings)
    annotate(sample_path, tmp_path / "b.xlsx", findings)
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()
