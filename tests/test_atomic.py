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
