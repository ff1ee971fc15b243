"""The example workbook: an ordinary input that reproduces published seed 002.

Where the seed is inconsistent our document is right; each case is pinned here with its
arithmetic (see docs/seed-discrepancies.md).
"""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal as D
from pathlib import Path

import pytest

from disclosure_gen.kinds.budget.compute.run import Computed, compute
from disclosure_gen.pipeline import Documents, check
from tests.conftest import EXAMPLE, SHARED
from tests.render_helpers import documents

SEED = SHARED / "seeds" / "002_d75cc343324a0bf8.txt"
SEEDCHECK = SHARED / "tools" / "seedcheck.py"


@pytest.fixture(scope="module")
def computed() -> Computed:
    checked = check(EXAMPLE)
    assert checked.model is not None
    return compute(checked.model)


def test_example_validates_without_errors() -> None:
    checked = check(EXAMPLE)
    assert checked.ok(), [f.message for f in checked.findings if f.severity == "error"]


def test_seed_table6_class_301_is_one_cent_short_of_its_items(computed: Computed) -> None:
    # Seed 002 table 6 prints 301 工资福利支出 212.45, but its ten 款 add up to
    # 56.92+11.64+31.91+39.31+23.79+12.96+10.34+2.82+18.50+4.27 = 212.46; its 人员经费 257.19
    # = 212.46 + 44.73 (303) agrees with the items, not with 212.45.
    row = next(r for r in computed.tables["t6"].rows if r.cells[0] == "301 工资福利支出")
    assert row.cells[1] == D("212.46")
    assert computed.facts.personnel == D("257.19")


def test_seed_reason_for_2101102_contradicts_its_direction() -> None:
    # 2101102 事业单位医疗: 11.82 vs 12.53 last year is a decrease of 0.71 (5.67%), yet the
    # reason ends "导致测算基数增长": the validator warns (N003) and the document keeps it.
    findings = check(EXAMPLE).findings
    assert [(f.code, f.key) for f in findings if f.code == "N003"] == [
        ("N003", "功能科目：2101102")
    ]


@pytest.fixture(scope="module")
def rendered() -> Documents:
    return documents(EXAMPLE)


@pytest.mark.skipif(not SEEDCHECK.exists(), reason="../shared/tools/seedcheck.py not present")
@pytest.mark.parametrize("suffix", ["docx", "pdf"])
def test_example_reproduces_seed_002(rendered: Documents, suffix: str, tmp_path: Path) -> None:
    out = tmp_path / f"example.{suffix}"
    out.write_bytes(rendered.docx if suffix == "docx" else rendered.pdf or b"")
    result = subprocess.run(
        [
            sys.executable,
            str(SEEDCHECK),
            str(out),
            str(SEED),
            "--min-numbers",
            "0.98",
            "--min-clauses",
            "0.95",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout
