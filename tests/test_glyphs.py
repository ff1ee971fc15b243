"""A character no installed font can draw is a warning at its cell, for both kinds."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from openpyxl import load_workbook

from disclosure_gen.pipeline import check
from disclosure_gen.render import fonts
from tests import builders

RARE = "\U0002a6d6"  # CJK Extension B: in no face this project installs
FINAL_EXAMPLE = (
    Path(__file__).resolve().parent.parent
    / "examples"
    / "department-final-accounts-2024"
    / "workbook.xlsx"
)


def _s028(path: Path) -> list[tuple[str | None, str | None]]:
    return [(f.sheet, f.cell) for f in check(path).findings if f.code == "S028"]


def test_rare_ideograph_in_unit_and_project_names_is_s028_at_each_cell(tmp_path: Path) -> None:
    assert ord(RARE) not in fonts.coverage()
    data = builders.variant()
    data["forms"]["profile"]["name"] = f"某市{RARE}数据局"
    project = data["rows"]["projects"][0]
    data["rows"]["projects"][0] = (f"{RARE}{project[0]}", *project[1:])
    located = _s028(builders.write(tmp_path / "rare.xlsx", data))
    assert sorted(str(sheet) for sheet, _ in located) == ["基本信息", "项目信息"], located
    finding = next(f for f in check(tmp_path / "rare.xlsx").findings if f.code == "S028")
    assert "U+2A6D6" in finding.message and finding.severity == "warning"


def test_common_text_gives_no_s028(sample_path: Path) -> None:
    assert _s028(sample_path) == []


def test_final_accounts_text_cells_are_checked_too(tmp_path: Path) -> None:
    wb = load_workbook(FINAL_EXAMPLE)
    sheet = wb["基本信息"]
    cell = next(row[1] for row in sheet.iter_rows(max_col=2) if row[0].value == "单位名称")
    cell.value = f"{cell.value}{RARE}"
    wb.save(tmp_path / "fa.xlsx")
    assert _s028(tmp_path / "fa.xlsx") == [("基本信息", cell.coordinate)]


def test_no_fonts_at_all_is_said_once_instead_of_per_cell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fonts, "coverage", lambda: fonts.Coverage((), ()))
    data = builders.variant()
    data["forms"]["profile"]["name"] = f"某市{RARE}数据局"
    findings = check(builders.write(tmp_path / "nofonts.xlsx", data)).findings
    assert [f.code for f in findings if f.code in {"S028", "S029"}] == ["S029"]


def test_the_check_costs_little_once_fonts_are_known(sample_path: Path) -> None:
    fonts.coverage()  # built once per process
    text = "新疆维吾尔自治区工业和信息化厅信息中心" * 100
    start = time.perf_counter()
    for _ in range(1000):
        fonts.undrawable(text)
    assert time.perf_counter() - start < 2.0  # 1,900,000 characters
