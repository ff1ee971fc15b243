"""The registry: unique codes, every code documented, docs/finding-codes.md current."""

from __future__ import annotations

import pytest

from disclosure_gen.validate.findings import Severity
from disclosure_gen.validate.registry import all_codes, declare
from scripts.finding_codes import TARGET, render


def test_every_code_has_a_title_and_documentation() -> None:
    codes = all_codes()
    assert len({c.code for c in codes}) == len(codes) > 20
    assert all(c.title and len(c.doc) > 20 for c in codes)


def test_registering_a_code_twice_is_refused() -> None:
    with pytest.raises(ValueError):
        declare("S001", Severity.ERROR, "dup", "dup")


def test_finding_codes_document_is_current() -> None:
    assert TARGET.read_text(encoding="utf-8") == render(), "run `python scripts/finding_codes.py`"
