"""The reader: bad files and bad cells become located findings, never tracebacks."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from disclosure_gen.findings import WorkbookUnreadable
from disclosure_gen.pipeline import check
from tests import builders


def edit(path: Path, sheet: str, cell: str, value: Any) -> Path:
    wb = load_workbook(path)
    wb[sheet][cell] = value
    wb.save(path)
    return path


def codes(path: Path) -> set[tuple[str, str | None, str | None]]:
    return {(f.code, f.sheet, f.cell) for f in check(path).findings}


def test_sample_workbook_reads_without_errors(sample_path: Path) -> None:
    result = check(sample_path)
    assert result.model is not None
    assert [f for f in result.findings if f.severity == "error"] == []
    line = result.model.lines[0]
    assert (line.sheet, line.cell("amount")) == ("支出明细", "F2")
    assert line.function == "2010301" and line.function_name == "行政运行"


def test_text_in_a_number_cell_is_an_error_at_that_cell(sample_path: Path) -> None:
    edit(sample_path, "支出明细", "F3", "五万元")
    assert ("S004", "支出明细", "F3") in codes(sample_path)


def test_number_typed_as_text_is_read_and_reported(sample_path: Path) -> None:
    edit(sample_path, "支出明细", "F3", "５５,５５５.５５")
    result = check(sample_path)
    assert ("S009", "支出明细", "F3") in {(f.code, f.sheet, f.cell) for f in result.findings}
    assert result.model is not None and result.ok()


def test_negative_amount_is_an_error(sample_path: Path) -> None:
    edit(sample_path, "支出明细", "F3", -5)
    assert ("S005", "支出明细", "F3") in codes(sample_path)


def test_formula_without_cached_value_is_an_error_not_a_zero(sample_path: Path) -> None:
    edit(sample_path, "支出明细", "F3", "=F2*2")  # openpyxl saves no cached value
    assert ("S006", "支出明细", "F3") in codes(sample_path)


def test_unknown_dropdown_value_is_an_error(sample_path: Path) -> None:
    edit(sample_path, "支出明细", "C3", "自筹资金")
    assert ("S008", "支出明细", "C3") in codes(sample_path)


def test_empty_required_cell_is_an_error(sample_path: Path) -> None:
    edit(sample_path, "基本信息", "B4", None)
    assert ("S003", "基本信息", "B4") in codes(sample_path)


def test_missing_sheet_is_an_error(sample_path: Path) -> None:
    wb = load_workbook(sample_path)
    del wb["政府采购"]
    wb.save(sample_path)
    assert ("S001", "政府采购", None) in codes(sample_path)


def test_renamed_column_is_an_error(sample_path: Path) -> None:
    edit(sample_path, "支出明细", "F1", "金额")
    assert ("S002", "支出明细", None) in codes(sample_path)


def test_merged_cells_in_data_area_are_an_error(sample_path: Path) -> None:
    wb = load_workbook(sample_path)
    wb["支出明细"].merge_cells("G2:G3")
    wb.save(sample_path)
    assert ("S007", "支出明细", "G2") in codes(sample_path)


def test_content_beside_the_columns_is_a_warning(sample_path: Path) -> None:
    edit(sample_path, "支出明细", "K5", "合计")
    assert ("S013", "支出明细", "K5") in codes(sample_path)


def test_control_characters_are_an_error_at_their_cell(sample_path: Path) -> None:
    edit(sample_path, "项目信息", "C2", "某市_x0007_数据局")  # how Excel stores \x07
    assert ("S012", "项目信息", "C2") in codes(sample_path)


def test_zero_width_characters_are_removed_with_a_warning(sample_path: Path) -> None:
    edit(sample_path, "项目信息", "C2", "某市\u200b数据局")
    result = check(sample_path)
    assert ("S017", "项目信息", "C2") in {(f.code, f.sheet, f.cell) for f in result.findings}
    assert result.model is not None and result.model.projects[0].undertaker == "某市数据局"


def test_bad_date_is_an_error(sample_path: Path) -> None:
    edit(sample_path, "基本信息", "B15", "二〇二五年")
    assert ("S016", "基本信息", "B15") in codes(sample_path)


def _unreadable(path: Path) -> str:
    with pytest.raises(WorkbookUnreadable) as info:
        check(path)
    return info.value.finding.code


def test_empty_file_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "e.xlsx").write_bytes(b"")
    assert _unreadable(tmp_path / "e.xlsx") == "F002"


def test_csv_renamed_xlsx_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "c.xlsx").write_text("功能分类,金额\n2010301,100\n", encoding="utf-8")
    assert _unreadable(tmp_path / "c.xlsx") == "F002"


def test_old_xls_or_encrypted_workbook_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "o.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    assert _unreadable(tmp_path / "o.xls") == "F003"


def test_missing_file_is_rejected(tmp_path: Path) -> None:
    assert _unreadable(tmp_path / "nope.xlsx") == "F001"


def test_zip_that_is_not_a_workbook_is_rejected(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("hello.txt", "hi")
    (tmp_path / "z.xlsx").write_bytes(buffer.getvalue())
    assert _unreadable(tmp_path / "z.xlsx") == "F002"


def test_zip_bomb_is_rejected_without_inflating(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"<" + b"a" * (60 * 1024 * 1024))
    (tmp_path / "b.xlsx").write_bytes(buffer.getvalue())
    assert _unreadable(tmp_path / "b.xlsx") == "F004"


def test_truncated_workbook_is_rejected(sample_path: Path, tmp_path: Path) -> None:
    data = sample_path.read_bytes()
    (tmp_path / "t.xlsx").write_bytes(data[: len(data) // 2])
    assert _unreadable(tmp_path / "t.xlsx") in {"F002", "F005"}


def test_builder_writes_what_the_reader_reads(tmp_path: Path) -> None:
    data = builders.sample()
    path = builders.write(tmp_path / "s.xlsx", data)
    result = check(path)
    assert result.model is not None
    assert len(result.model.lines) == len(data["rows"]["lines"])
    assert result.model.profile.name == data["forms"]["profile"]["name"]


def test_optional_sheets_may_be_missing(sample_path: Path) -> None:
    wb = load_workbook(sample_path)
    for name in ("核对数", "下属单位"):
        del wb[name]
    wb.save(sample_path)
    result = check(sample_path)
    assert result.model is not None and result.ok()
    assert result.model.controls is None and result.model.subordinate_units == ()
