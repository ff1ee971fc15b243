"""Regenerate the blank workbooks in inputs/ (what `disclosure-gen init` writes).

tests/test_init.py fails when inputs/ is stale; run `make inputs` after changing the schema
or a catalog.
"""

from __future__ import annotations

from pathlib import Path

from disclosure_gen.kinds.budget.schema import SCHEMA
from disclosure_gen.workbook.writer import build_blank_workbook

INPUTS = Path(__file__).resolve().parent.parent / "inputs"
BLANKS = {
    "budget-unit-2024.xlsx": (2024, "单位"),
    "budget-unit-2025.xlsx": (2025, "单位"),
    "budget-department-2025.xlsx": (2025, "部门"),
}


def main() -> None:
    INPUTS.mkdir(exist_ok=True)
    for name, (year, level) in BLANKS.items():
        (INPUTS / name).write_bytes(build_blank_workbook(SCHEMA, year, level))
        print(f"wrote inputs/{name}")


if __name__ == "__main__":
    main()
