"""Adversarial suite: realistic mistakes and attacks, each a small edit to the builders'
sample workbook (or a crafted file), with the finding it must produce at its cell.

Every case starts from the same clean sample (whose only finding is C004 for its 补充科目
row), applies one mistake, and expects ``(code, sheet, cell)`` among the findings, no
traceback, and — for an error — a workbook that cannot be generated.  The cases are data;
the few that need more than cell edits name a function that rewrites the file.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner

from disclosure_gen.cli import app
from disclosure_gen.findings import CODES, Finding, Severity, WorkbookUnreadable
from disclosure_gen.pipeline import check
from disclosure_gen.workbook.package import MAX_ROWS
from tests import builders
from tests.test_commands_survive import png_header, replace_parts, with_image
from tests.test_hostile import LINES_SHEET, MAIN_NS, with_sheet
from tests.test_other_writers import _declare_shared_strings, _write, respell

Edit = tuple[str, str, Any]  # sheet, cell, new value (None clears it)
Craft = Callable[[Path, Path], Path]  # (clean sample copy, scratch dir) → file to check
# Rows of the sample: 支出明细 row 2 is the first 人员经费 line, row 9 the first project
# line (智慧政务平台建设); 上年对比 row 2 is 收入：一般公共预算, row 4 收入：单位资金.
PROJECT_ROW = 9
LINES = LINES_SHEET
PROFILE = "基本信息"
PROJECTS = "项目信息"
COMPARE = "上年对比"
runner = CliRunner()


@dataclass(frozen=True)
class Case:
    id: str
    expected: tuple[str, str | None, str | None]
    edits: tuple[Edit, ...] = ()
    craft: Craft | None = None
    annotate: bool = False  # run validate --annotate instead of check()


# ------------------------------------------------------------------ crafted files


def _merged_in_prefixed_xml(path: Path, tmp: Path) -> Path:
    wb = openpyxl.load_workbook(path)
    wb[LINES].merge_cells("G2:G3")
    wb.save(path)
    return respell(path, tmp / "other.xlsx")


def _far_row_in_prefixed_xml(path: Path, tmp: Path) -> Path:
    far = MAX_ROWS + 100
    row = f'<row r="{far}"><c r="F{far}"><v>1</v></c></row>'
    return respell(path, tmp / "other.xlsx", extra_rows=row)


def _far_row_without_numbers(path: Path, tmp: Path) -> Path:
    rows = "<row/>" * MAX_ROWS + "<row><c><v>1</v></c></row>"
    return respell(path, tmp / "other.xlsx", unnumbered=True, extra_rows=rows)


def _string_table_bomb(path: Path, tmp: Path) -> Path:
    with zipfile.ZipFile(path) as zin:
        parts = {i.filename: zin.read(i.filename) for i in zin.infolist()}
    items = b"".join(b"<si><t>%d</t></si>" % n for n in range(250_000))
    parts["xl/sharedStrings.xml"] = f'<sst xmlns="{MAIN_NS}">'.encode() + items + b"</sst>"
    _declare_shared_strings(parts, "xl/sharedStrings.xml")
    return _write(tmp / "strings.xlsx", parts)


def _cached_formula_error(path: Path, tmp: Path) -> Path:
    def change(xml: str) -> str:
        start = xml.index('<c r="F4"')
        end = xml.index("</c>", start) + len("</c>")
        return (
            xml[:start]
            + '<c r="F4" t="e"><f>VLOOKUP(A4,代码表!A:B,2,0)</f><v>#N/A</v></c>'
            + xml[end:]
        )

    return with_sheet(path, tmp / "formula.xlsx", LINES, change)


def _csv_renamed(path: Path, tmp: Path) -> Path:
    out = tmp / "预算.xlsx"
    out.write_text("功能分类,经济分类,金额\n2010301,30101,1234567.89\n", encoding="utf-8")
    return out


def _copied_line(path: Path, tmp: Path) -> Path:
    wb = openpyxl.load_workbook(path)
    ws = wb[LINES]
    ws.append([c.value for c in ws[2]])
    wb.save(path)
    return path


def _broken_drawing(path: Path, tmp: Path) -> Path:
    with_image(path)
    return replace_parts(path, {"xl/drawings/drawing1.xml": None})


def _huge_image(path: Path, tmp: Path) -> Path:
    with_image(path)
    with zipfile.ZipFile(path) as zf:
        image = next(n for n in zf.namelist() if n.startswith("xl/media/"))
    return replace_parts(path, {image: png_header(50_000, 50_000)})


def _all_amounts_in_wan(path: Path, tmp: Path) -> Path:
    wb = openpyxl.load_workbook(path)
    ws = wb[LINES]
    for row in range(2, ws.max_row + 1):
        value = ws[f"F{row}"].value
        if isinstance(value, int | float):
            ws[f"F{row}"].value = round(value / 10000, 2)
    wb.save(path)
    return path


def _edit_with(change: Callable[[openpyxl.Workbook], None]) -> Craft:
    def craft(path: Path, tmp: Path) -> Path:
        wb = openpyxl.load_workbook(path)
        change(wb)
        wb.save(path)
        return path

    return craft


def _copy_line_2_with_unit(unit: str) -> Craft:
    def change(wb: openpyxl.Workbook) -> None:
        ws = wb[LINES]
        ws.append([c.value for c in ws[2]])
        ws.cell(ws.max_row, 7, unit)

    return _edit_with(change)


def _hidden_row_in_other_xml(path: Path, tmp: Path) -> Path:
    def hide(xml: str) -> str:
        return xml.replace('<row r="4">', '<row customHeight="true" ht="0" r="4">', 1)

    return with_sheet(path, tmp / "hidden.xlsx", LINES, hide)


def _merged_policy_cells(path: Path, tmp: Path) -> Path:
    wb = openpyxl.load_workbook(path)
    wb[PROJECTS].merge_cells("B2:B3")  # one 政策依据 for two projects
    wb.save(path)
    return path


CASES = [
    # Excel's own artefacts (issue 9, item 4)
    Case("div0-cached-in-amount", ("S018", LINES, "F3"), ((LINES, "F3", "#DIV/0!"),)),
    Case(
        "na-in-project-name",
        ("S018", LINES, f"E{PROJECT_ROW}"),
        ((LINES, f"E{PROJECT_ROW}", "#N/A"),),
    ),
    Case("ref-in-prior-year", ("S018", COMPARE, "B2"), ((COMPARE, "B2", "#REF!"),)),
    Case("name-error-in-reason", ("S018", COMPARE, "C2"), ((COMPARE, "C2", "#NAME?"),)),
    Case("vlookup-cached-na", ("S018", LINES, "F4"), craft=_cached_formula_error),
    Case(
        "excel-escaped-line-break",
        ("S019", PROJECTS, "D2"),
        ((PROJECTS, "D2", "平台运维 80 万元_x000D_\n其余用于安全测评"),),
    ),
    Case("escaped-bell", ("S012", PROJECTS, "C2"), ((PROJECTS, "C2", "某市数据局_x0007_"),)),
    Case(
        "rtl-override-in-unit-name", ("S020", PROFILE, "B4"), ((PROFILE, "B4", "某市\u202e局据数"),)
    ),
    Case(
        "isolate-in-reason", ("S020", COMPARE, "C2"), ((COMPARE, "C2", "人员\u2066经费\u2069调整"),)
    ),
    Case("full-width-xx", ("N005", PROJECTS, "B2"), ((PROJECTS, "B2", "《ＸＸ管理办法》"),)),
    Case("times-signs", ("N005", PROJECTS, "G2"), ((PROJECTS, "G2", "完成××个系统接入"),)),
    Case(
        "html-br",
        ("S021", PROFILE, "B6"),
        ((PROFILE, "B6", "负责数据管理。<br>统筹数字政府建设。"),),
    ),
    Case("html-paragraph", ("S021", PROJECTS, "G2"), ((PROJECTS, "G2", "<p>平台稳定运行</p>"),)),
    Case("nbsp-entity", ("S021", PROJECTS, "D2"), ((PROJECTS, "D2", "平台运维&nbsp;80 万元"),)),
    Case("amount-1e30", ("S022", LINES, "F2"), ((LINES, "F2", 1e30),)),
    Case("id-number-as-amount", ("S022", LINES, "F5"), ((LINES, "F5", 110101199001011234),)),
    Case("prior-year-1e30-as-text", ("S022", COMPARE, "B3"), ((COMPARE, "B3", "1E+30"),)),
    # Another program's XML spelling (item 5)
    Case("merged-cells-prefixed-xml", ("S007", LINES, "G2"), craft=_merged_in_prefixed_xml),
    Case(
        "far-row-prefixed-xml", ("S010", LINES, f"A{MAX_ROWS + 1}"), craft=_far_row_in_prefixed_xml
    ),
    Case("far-row-unnumbered", ("S010", LINES, f"A{MAX_ROWS + 1}"), craft=_far_row_without_numbers),
    Case("shared-string-bomb", ("F004", None, None), craft=_string_table_bomb),
    # Every command survives every file (item 9)
    Case("annotate-broken-drawing", ("F006", None, None), craft=_broken_drawing, annotate=True),
    Case("annotate-pixel-bomb", ("F006", None, None), craft=_huge_image, annotate=True),
    # Wrong magnitudes (item 2)
    Case("line-in-wan-vanishes", ("P007", LINES, "F4"), ((LINES, "F4", 3),)),
    Case("line-in-wan-is-tiny", ("P007", LINES, "F7"), ((LINES, "F7", 15),)),
    Case("big-line-in-wan-with-cents", ("P008", LINES, "F2"), ((LINES, "F2", 123.46),)),
    Case("whole-sheet-in-wan", ("P001", LINES, "F2"), craft=_all_amounts_in_wan),
    Case("prior-year-in-wan", ("P009", COMPARE, "B2"), ((COMPARE, "B2", 200),)),
    Case("prior-year-tiny", ("P010", COMPARE, "B2"), ((COMPARE, "B2", 2),)),
    Case("decimal-comma", ("S023", LINES, "F3"), ((LINES, "F3", "55555,55"),)),
    Case("misplaced-separator", ("S023", LINES, "F6"), ((LINES, "F6", "150,00"),)),
    Case("four-digit-grouping", ("S023", LINES, "F2"), ((LINES, "F2", "123,4567.89"),)),
    Case("european-thousands", ("S023", LINES, "F3"), ((LINES, "F3", "55.555,55"),)),
    # Narrative contradictions (item 6)
    Case(
        "reason-says-increase-for-unchanged",
        ("N003", COMPARE, "C13"),
        ((COMPARE, "C13", "接待任务增加"),),
    ),
    Case(
        "reason-states-wrong-headcount",
        ("N007", COMPARE, "C6"),
        ((COMPARE, "C6", "在职人员增加4人"),),  # 基本信息: 16 → 18
    ),
    Case(
        "reason-states-wrong-amount",
        ("N007", COMPARE, "C6"),
        ((COMPARE, "C6", "人员增加，比上年增加10万元"),),  # the change is 11.34
    ),
    Case(
        "reason-states-wrong-rate",
        ("N007", COMPARE, "C2"),
        ((COMPARE, "C2", "人员经费标准调整，增长30%"),),  # the rate is 20.67%
    ),
    Case(
        "retirees-said-to-increase",
        ("N007", COMPARE, "C15"),
        ((COMPARE, "C15", "退休人员增加1人"),),  # 基本信息: 4 → 3
    ),
    Case(
        "change-reason-for-unchanged-figure",
        ("N008", COMPARE, "C17"),
        ((COMPARE, "C17", "缴费基数调整"),),
    ),
    # Messages that name the likely cause (item 8)
    Case(
        "project-name-with-full-width-brackets",
        ("X002", LINES, f"E{PROJECT_ROW}"),
        ((LINES, f"E{PROJECT_ROW}", "智慧政务平台建设 ＜二期＞ & “{{ 运维 }}”"),),
    ),
    Case(
        "control-total-beside-a-line-in-wan",
        ("X011", "核对数", "B1"),
        ((LINES, "F7", 15), ("核对数", "B1", 2_843_332.89)),
    ),
    Case(
        "control-total-from-printed-wan",
        ("X011", "核对数", "B1"),
        (("核对数", "B1", 2_843_300),),  # 284.33 万元 × 10,000
    ),
    # Nothing changes a figure unseen (item 3)
    Case(
        "hidden-line",
        ("S024", LINES, "A5"),
        craft=_edit_with(lambda wb: setattr(wb[LINES].row_dimensions[5], "hidden", True)),
    ),
    Case("zero-height-line", ("S024", LINES, "A4"), craft=_hidden_row_in_other_xml),
    Case(
        "hidden-unit-column",
        ("S024", LINES, "G3"),
        ((LINES, "G3", "某市数据局 & <测试>"),),
        craft=_edit_with(lambda wb: setattr(wb[LINES].column_dimensions["G"], "hidden", True)),
    ),
    Case(
        "very-hidden-projects-sheet",
        ("S024", PROJECTS, "A1"),
        craft=_edit_with(lambda wb: setattr(wb[PROJECTS], "sheet_state", "veryHidden")),
    ),
    Case(
        "hidden-comparison-sheet",
        ("S025", COMPARE, "A1"),
        craft=_edit_with(lambda wb: setattr(wb[COMPARE], "sheet_state", "hidden")),
    ),
    Case(
        "label-twice-with-other-value",
        ("S026", PROFILE, "A20"),
        ((PROFILE, "A20", "在职人数"), (PROFILE, "B20", 25)),
    ),
    Case(
        "label-twice-same-value",
        ("S027", PROFILE, "A20"),
        ((PROFILE, "A20", "在职人数"), (PROFILE, "B20", 18)),
    ),
    Case("amount-column-twice", ("S026", LINES, "H1"), ((LINES, "H1", "金额（元）"),)),
    Case(
        "addition-renames-catalog-code",
        ("C010", "补充科目", "C3"),
        (
            ("补充科目", "A3", "功能分类"),
            ("补充科目", "B3", "2010301"),
            ("补充科目", "C3", "机关运行"),
        ),
    ),
    Case(
        "copied-line-names-own-unit",
        ("X010", LINES, "A13"),
        craft=_copy_line_2_with_unit("某市数据局 & <测试>"),
    ),
    Case(
        "copied-line-full-width-unit",
        ("X015", LINES, "G13"),
        craft=_copy_line_2_with_unit("某市数据局 ＆ ＜测试＞"),
    ),
    # Existing rules: cell formats
    Case("amount-in-words", ("S004", LINES, "F3"), ((LINES, "F3", "五万五千元"),)),
    Case("year-with-letter-o", ("S004", PROFILE, "B2"), ((PROFILE, "B2", "2O25"),)),
    Case("negative-amount", ("S005", LINES, "F3"), ((LINES, "F3", -55555.55),)),
    Case("formula-never-calculated", ("S006", LINES, "F3"), ((LINES, "F3", "=F2*0.05"),)),
    Case("merged-policy-cells", ("S007", PROJECTS, "B2"), craft=_merged_policy_cells),
    Case("source-not-in-dropdown", ("S008", LINES, "C3"), ((LINES, "C3", "自筹资金"),)),
    Case("amount-with-separators", ("S009", LINES, "F3"), ((LINES, "F3", "55,555.55"),)),
    Case("full-width-digits", ("S009", LINES, "F4"), ((LINES, "F4", "３００００"),)),
    Case("text-too-long", ("S011", PROJECTS, "B2"), ((PROJECTS, "B2", "依据" * 5000),)),
    Case("note-beside-the-table", ("S013", LINES, "J3"), ((LINES, "J3", "此行待核实"),)),
    Case("function-name-without-code", ("S014", LINES, "A2"), ((LINES, "A2", "行政运行"),)),
    Case("date-in-words", ("S016", PROFILE, "B15"), ((PROFILE, "B15", "明年二月"),)),
    Case("zero-width-space", ("S017", PROFILE, "B4"), ((PROFILE, "B4", "某市\u200b数据局"),)),
    Case("unit-name-cleared", ("S003", PROFILE, "B4"), ((PROFILE, "B4", None),)),
    Case("csv-renamed-xlsx", ("F002", None, None), craft=_csv_renamed),
    Case("final-accounts-workbook", ("X018", PROFILE, "B1"), ((PROFILE, "B1", "决算公开"),)),
    # Existing rules: catalogs
    Case("unknown-function-code", ("C001", LINES, "A2"), ((LINES, "A2", "2010388"),)),
    Case("unknown-economic-code", ("C002", LINES, "B3"), ((LINES, "B3", "30288"),)),
    Case("code-with-wrong-name", ("C003", LINES, "A2"), ((LINES, "A2", "2010301 事业运行"),)),
    Case("capital-code-as-basic", ("C005", LINES, "D3"), ((LINES, "B3", "30905"),)),
    # Existing rules: cross-checks
    Case(
        "project-line-without-name",
        ("X001", LINES, f"E{PROJECT_ROW}"),
        ((LINES, f"E{PROJECT_ROW}", None),),
    ),
    Case(
        "misspelt-project-on-lines",
        ("X002", LINES, f"E{PROJECT_ROW}"),
        ((LINES, f"E{PROJECT_ROW}", "智慧政务平台建设（二期）"),),
    ),
    Case("basic-line-names-project", ("X003", LINES, "E2"), ((LINES, "E2", "人员工资"),)),
    Case("weights-do-not-add-up", ("X004", "绩效目标", "H2"), (("绩效目标", "H2", 50),)),
    Case(
        "target-for-missing-project",
        ("X005", "绩效目标", "A2"),
        (("绩效目标", "A2", "不存在的项目"),),
    ),
    Case("sme-reserve-over-total", ("X006", "政府采购", "B4"), (("政府采购", "B4", 99_999_999),)),
    Case("line-copied-twice", ("X010", LINES, "A13"), craft=_copied_line),
    Case("control-total-mismatch", ("X011", "核对数", "B1"), (("核对数", "B1", 3_353_800),)),
    # Existing rules: narrative and plausibility
    Case("prior-year-cleared", ("N001", COMPARE, "B2"), ((COMPARE, "B2", None),)),
    Case("reason-cleared", ("N002", COMPARE, "C2"), ((COMPARE, "C2", None),)),
    Case("reason-says-decrease", ("N003", COMPARE, "C2"), ((COMPARE, "C2", "人员调出，经费减少"),)),
    Case("placeholder-someone", ("N005", PROJECTS, "F2"), ((PROJECTS, "F2", "某某"),)),
    Case("generic-reason-for-doubling", ("P003", COMPARE, "C4"), ((COMPARE, "C4", "工作需要"),)),
    Case(
        "last-years-date", ("P004", PROFILE, "B15"), ((PROFILE, "B15", dt.datetime(2023, 2, 20)),)
    ),
    Case(
        "furniture-outweighs-all-assets",
        ("P002", "国有资产", "B9"),
        (("国有资产", "B9", 99_999_999),),
    ),
    Case("staff-typo", ("P005", PROFILE, "B8"), ((PROFILE, "B8", 180),)),
]


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return builders.write(tmp_path_factory.mktemp("adversarial") / "sample.xlsx")


def _apply(case: Case, clean: Path, tmp: Path) -> Path:
    path = Path(shutil.copyfile(clean, tmp / "budget.xlsx"))
    if case.edits:
        wb = openpyxl.load_workbook(path)
        for sheet, cell, value in case.edits:
            wb[sheet][cell] = value
        wb.save(path)
    return case.craft(path, tmp) if case.craft else path


def _findings(case: Case, path: Path, tmp: Path) -> tuple[list[Finding], bool]:
    """The findings, and whether the workbook could be generated from."""
    if case.annotate:
        result = runner.invoke(
            app, ["validate", str(path), "--format", "json", "--annotate", str(tmp / "copy.xlsx")]
        )
        assert isinstance(result.exception, SystemExit), repr(result.exception)
        data = json.loads(result.stdout)["findings"]
        return [Finding(**f) for f in data], result.exit_code == 0
    try:
        checked = check(path)
    except WorkbookUnreadable as exc:
        return [exc.finding], False
    return checked.findings, checked.ok()


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in CASES])
def test_realistic_mistake_is_found_at_its_cell(case: Case, clean: Path, tmp_path: Path) -> None:
    path = _apply(case, clean, tmp_path)
    start = time.perf_counter()
    findings, can_generate = _findings(case, path, tmp_path)
    assert time.perf_counter() - start < 5
    located = {(f.code, f.sheet, f.cell) for f in findings}
    assert case.expected in located, sorted(located)
    finding = next(f for f in findings if (f.code, f.sheet, f.cell) == case.expected)
    assert "请" in finding.message  # says what to do
    if CODES[finding.code].severity == Severity.ERROR:
        assert not can_generate


def test_the_suite_is_large_and_covers_every_new_code() -> None:
    assert len(CASES) >= 30
    covered = {c.expected[0] for c in CASES}
    assert {"S018", "S019", "S020", "S021", "S022", "F004", "F006", "S007", "S010"} <= covered


def test_the_clean_sample_has_none_of_these_findings(clean: Path) -> None:
    located = {(f.code, f.sheet, f.cell) for f in check(clean).findings}
    assert located == {("C004", "补充科目", "B2")}
