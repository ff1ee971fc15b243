"""The registry: unique codes, every code documented, docs/finding-codes.md current."""

from __future__ import annotations

import pytest

from disclosure_gen.findings import Severity, declare
from disclosure_gen.kinds import all_codes
from scripts.finding_codes import README, updated


def test_every_code_has_a_title_and_documentation() -> None:
    codes = all_codes()
    assert len({c.code for c in codes}) == len(codes) > 20
    assert all(c.title and len(c.doc) > 20 for c in codes)


def test_registering_a_code_twice_is_refused() -> None:
    with pytest.raises(ValueError):
        declare("S001", Severity.ERROR, "dup", "dup")


def test_readme_lists_every_finding_code_as_the_registry_says() -> None:
    text = README.read_text(encoding="utf-8")
    assert updated(text) == text, "run `python scripts/finding_codes.py`"
    assert all(f"| {c.code} |" in text for c in all_codes())
