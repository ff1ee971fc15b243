from __future__ import annotations

from pathlib import Path

import pytest

from tests import builders

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "unit-budget-2024" / "workbook.xlsx"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def sample_path(tmp_path: Path) -> Path:
    return builders.write(tmp_path / "sample.xlsx")
