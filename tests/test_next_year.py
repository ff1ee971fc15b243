"""`next-year`: next year's workbook from this year's, its 待确认 proposals and 上年无此项."""

from __future__ import annotations

from pathlib import Path

from disclosure_gen.pipeline import check, render_checked
from tests import builders
from tests.render_helpers import docx_paragraphs


def _with_comparisons(tmp_path: Path, replace: dict[str, tuple[object, ...]]) -> Path:
    data = builders.sample()
    data["rows"]["comparisons"] = [replace.get(c[0], c) for c in data["rows"]["comparisons"]]
    return builders.write(tmp_path / "s.xlsx", data)


def test_a_pending_reason_is_a_warning_at_its_cell(tmp_path: Path) -> None:
    path = _with_comparisons(
        tmp_path,
        {"收入：一般公共预算": ("收入：一般公共预算", 2000000, "人员经费标准调整", "待确认")},
    )
    found = [(f.code, f.sheet, f.cell) for f in check(path).findings if f.code == "N007"]
    assert found == [("N007", "上年对比", "C2")]
    confirmed = _with_comparisons(
        tmp_path,
        {"收入：一般公共预算": ("收入：一般公共预算", 2000000, "人员经费标准调整", "已确认")},
    )
    assert not [f for f in check(confirmed).findings if f.code == "N007"]


def test_an_item_absent_last_year_is_stated_as_new(tmp_path: Path) -> None:
    path = _with_comparisons(
        tmp_path, {"收入：单位资金": ("收入：单位资金", None, None, "上年无此项")}
    )
    checked = check(path)
    assert not [f for f in checked.findings if f.code == "N001"]
    text = "".join(docx_paragraphs(render_checked(checked, pdf=False).docx))
    assert "单位资金12.00万元，占" in text
    assert "上年无此项，为本年新增。" in text.split("单位资金12.00万元，占")[1][:40]


def test_an_absent_mark_beside_an_amount_is_a_warning_and_the_amount_counts(
    tmp_path: Path,
) -> None:
    path = _with_comparisons(
        tmp_path, {"收入：单位资金": ("收入：单位资金", 0, "新增", "上年无此项")}
    )
    checked = check(path)
    assert [(f.code, f.cell) for f in checked.findings if f.code == "N008"] == [("N008", "B4")]
    text = "".join(docx_paragraphs(render_checked(checked, pdf=False).docx))
    assert "单位资金12.00万元" in text and "增长100.00%" in text
