"""Document kinds as plug-ins: the workbook names its kind, the reader picks it first, and
the examples' documents stay byte-identical unless a change means to alter them."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from disclosure_gen import kinds
from disclosure_gen.pipeline import check
from scripts.golden import digests, golden_file
from tests.conftest import ROOT
from tests.test_reader import edit

EXAMPLES = sorted((ROOT / "examples").glob("*/workbook.xlsx"))


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.parent.name)
def test_example_documents_are_byte_identical_to_the_golden_digests(example: Path) -> None:
    expected: dict[str, str] = {}
    for line in golden_file(example).read_text("utf-8").splitlines():
        digest, fmt = line.split()
        expected[fmt] = digest
    assert digests(example) == expected, "output changed: look at it, then run `make golden`"


def test_the_workbook_names_its_kind_and_the_reader_uses_that_kind(sample_path: Path) -> None:
    checked = check(sample_path)
    assert checked.kind is kinds.get("budget")
    assert checked.sheet_order[0] == "基本信息"


def test_a_budget_workbook_marked_as_final_accounts_is_one_finding_at_its_cell(
    sample_path: Path,
) -> None:
    edit(sample_path, "基本信息", "B1", "决算公开")
    checked = check(sample_path)
    assert [(f.code, f.sheet, f.cell) for f in checked.findings] == [("X018", "基本信息", "B1")]
    assert checked.model is None and "预算公开工作簿" in checked.findings[0].message


def test_a_final_accounts_workbook_marked_as_budget_is_one_finding_at_its_cell(
    tmp_path: Path,
) -> None:
    from disclosure_gen.kinds.final_accounts.schema import SCHEMA
    from disclosure_gen.workbook.writer import build_blank_workbook

    path = tmp_path / "fa.xlsx"
    path.write_bytes(build_blank_workbook(SCHEMA, 2024, "部门"))
    edit(path, "基本信息", "B1", "预算公开")
    findings = check(path).findings
    assert [(f.code, f.sheet, f.cell) for f in findings] == [("X018", "基本信息", "B1")]


def test_a_kind_name_that_is_not_a_kind_is_one_finding(sample_path: Path) -> None:
    edit(sample_path, "基本信息", "B1", "年度报告")
    findings = check(sample_path).findings
    assert [(f.code, f.sheet, f.cell) for f in findings] == [("S008", "基本信息", "B1")]


def test_a_blank_kind_is_one_finding_and_nothing_else_is_read(sample_path: Path) -> None:
    edit(sample_path, "基本信息", "B1", None)
    edit(sample_path, "支出明细", "F3", "五万元")  # would be S004 if the lines were read
    findings = check(sample_path).findings
    assert [(f.code, f.sheet, f.cell) for f in findings] == [("S003", "基本信息", "B1")]


def test_a_workbook_without_the_kind_label_says_which_label_is_missing(sample_path: Path) -> None:
    wb = load_workbook(sample_path)
    wb["基本信息"]["A1"] = "文件类型"
    wb.save(sample_path)
    findings = check(sample_path).findings
    assert [(f.code, f.sheet, f.key) for f in findings] == [("S002", "基本信息", "公开类型")]


def test_every_kind_folder_holds_its_schema_rules_and_templates() -> None:
    for kind in kinds.KINDS.values():
        assert (kind.templates / "content.j2").is_file()
        assert kind.schema.kind == kind.name
        assert kind.schema.profile.fields[0].label == "公开类型"


def test_a_wording_profile_overrides_only_its_own_files_and_the_user_folder_wins(
    sample_path: Path, tmp_path: Path
) -> None:
    from disclosure_gen.kinds.budget import KIND as BUDGET
    from disclosure_gen.kinds.budget.schema import PROFILES, WORDINGS
    from disclosure_gen.render.environment import build_environment

    assert WORDINGS, "at least one wording profile ships"
    name, folder = next(iter(WORDINGS.items()))
    edit(sample_path, "基本信息", "B16", name)
    checked = check(sample_path)
    assert checked.ok() and checked.model is not None
    assert checked.model.profile.wording == folder
    folders = BUDGET.template_folders(checked.model)
    assert folders == (PROFILES / folder, BUDGET.templates)
    user = tmp_path / "mine"
    (user / "budget").mkdir(parents=True)
    (user / "budget" / "phrases.j2").write_text("{# mine #}", encoding="utf-8")
    env = build_environment("budget", folders, user)
    assert env.search.path("budget/phrases.j2") == user / "budget" / "phrases.j2"
    assert env.search.path("budget/tables.yaml") in {
        PROFILES / folder / "tables.yaml",
        BUDGET.templates / "tables.yaml",
    }
    env = build_environment("budget", folders)
    for override in (PROFILES / folder).rglob("*.j2"):
        relative = override.relative_to(PROFILES / folder).as_posix()
        assert env.search.path(f"budget/{relative}") == override
