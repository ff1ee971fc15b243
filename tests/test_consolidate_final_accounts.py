"""`consolidate` on final-accounts workbooks: a 部门决算 compiled from its 本级 workbook and
its units' 单位决算 workbooks equals the department typed as one workbook."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from typer.testing import CliRunner

from disclosure_gen.cli import app
from disclosure_gen.consolidation import Part
from disclosure_gen.kinds.final_accounts.compute.run import compute
from disclosure_gen.kinds.final_accounts.consolidate import consolidate
from disclosure_gen.kinds.final_accounts.model import (
    Comparison,
    FinalAccounts,
    ProjectEvaluation,
    ThreePublic,
)
from disclosure_gen.kinds.final_accounts.schema import SCHEMA
from disclosure_gen.pipeline import check
from disclosure_gen.yearly import workbook_bytes
from tests.conftest import ROOT

EXAMPLE = ROOT / "examples" / "department-final-accounts-2024" / "workbook.xlsx"


def _department() -> FinalAccounts:
    checked = check(EXAMPLE)
    assert isinstance(checked.model, FinalAccounts)
    return checked.model


def _split(d: FinalAccounts) -> tuple[Part, list[Part]]:
    """The department as its 本级 workbook and one workbook per unit, each unit's money
    untagged in its own workbook (as a unit enters its 单位决算)."""
    own = d.model_copy(
        update={
            "lines": tuple(x for x in d.lines if not x.unit),
            "income": tuple(x for x in d.income if not x.unit),
            "carryover": tuple(x for x in d.carryover if not x.unit),
        }
    )
    units = []
    for unit in d.subordinate_units:
        zero_heads = dict.fromkeys(
            ("in_service", "in_service_prior", "retired", "retired_prior"), 0
        ) | {"retired_cadre": 0, "retired_cadre_prior": 0, "staff_quota": None}
        profile = d.profile.model_copy(
            update={"name": unit.name, "nature": unit.nature, "level": "unit", **zero_heads}
        )
        units.append(
            FinalAccounts(
                profile=profile,
                lines=tuple(
                    x.model_copy(update={"unit": None}) for x in d.lines if x.unit == unit.name
                ),
                income=tuple(
                    x.model_copy(update={"unit": None}) for x in d.income if x.unit == unit.name
                ),
                carryover=tuple(
                    x.model_copy(update={"unit": None}) for x in d.carryover if x.unit == unit.name
                ),
                balance=d.balance.model_copy(update={"use_surplus": 0, "distribution": 0}),
                three_public=ThreePublic(sheet=d.three_public.sheet),
                procurement=d.procurement.model_copy(
                    update={k: 0 for k in ("goods", "works", "services", "sme", "small_micro")}
                ),
                assets=d.assets.model_copy(
                    update={
                        k: 0 for k, v in d.assets if isinstance(v, int | Decimal) and k != "row"
                    }
                ),
            )
        )
    return Part("本级.xlsx", own), [Part(f"{u.profile.name}.xlsx", u) for u in units]


def test_a_department_compiled_from_its_units_equals_the_department_typed_as_one() -> None:
    d = _department()
    dept, units = _split(d)
    assert units and all(u.model.lines for u in units)  # the example's units spend money
    result = consolidate(dept, units)
    assert result.ok, [f.text for f in result.findings]
    merged = result.model
    assert isinstance(merged, FinalAccounts)
    assert compute(merged).tables == compute(d).tables
    assert compute(merged).facts == compute(d).facts
    assert merged.profile.headcount == d.profile.headcount
    for records in ("lines", "income", "carryover"):  # each unit's money under its name
        got = sorted((x.unit or "", x.function) for x in getattr(merged, records))
        assert got == sorted((x.unit or "", x.function) for x in getattr(d, records)), records


def test_the_merged_workbook_reads_back_and_the_command_writes_it(tmp_path: Path) -> None:
    d = _department()
    dept, units = _split(d)
    paths = []
    for part in (dept, *units):
        path = tmp_path / part.file
        path.write_bytes(
            workbook_bytes(SCHEMA, part.model, part.model.profile.year, part.model.profile.level)
        )
        paths.append(path)
    out = tmp_path / "部门.xlsx"
    result = CliRunner().invoke(app, ["consolidate", *map(str, paths), "-o", str(out)])
    assert result.exit_code == 0, result.output
    merged = check(out)
    assert merged.ok(), [f.message for f in merged.findings if f.severity.name == "ERROR"]
    assert merged.computed.tables == compute(d).tables  # type: ignore[union-attr]


def test_units_that_disagree_are_located_in_the_file_to_fix() -> None:
    d = _department()
    dept, units = _split(d)
    stranger = units[0].model.model_copy(
        update={"profile": units[0].model.profile.model_copy(update={"name": "别的单位"})}
    )
    last_year = units[1].model.model_copy(
        update={"profile": units[1].model.profile.model_copy(update={"year": 2023})}
    )
    evaluation = d.project_evaluations[0]
    assert isinstance(evaluation, ProjectEvaluation)
    twice = units[2].model.model_copy(update={"project_evaluations": (evaluation,)})
    result = consolidate(
        dept,
        [Part("甲.xlsx", stranger), Part("乙.xlsx", last_year), Part("丙.xlsx", twice)],
    )
    found = {(f.finding.code, f.file) for f in result.findings}
    assert not result.ok
    assert {("M001", "甲.xlsx"), ("M003", "乙.xlsx"), ("M002", "丙.xlsx")} <= found


def test_reasons_of_several_units_are_joined_with_a_warning_to_rewrite_them() -> None:
    d = _department()
    dept, units = _split(d)
    row = Comparison(sheet="上年对比", row=2, item="收支总计", reason="单位新增业务")
    unit = units[0].model.model_copy(update={"comparisons": (row,)})
    result = consolidate(dept, [Part(units[0].file, unit), *units[1:]])
    assert result.ok
    assert isinstance(result.model, FinalAccounts)
    merged = {c.item: c for c in result.model.comparisons}["收支总计"]
    department_reason = {c.item: c for c in d.comparisons}["收支总计"].reason
    assert (
        merged.reason == f"{d.profile.name}：{department_reason}；{unit.profile.name}：单位新增业务"
    )
    assert ("M010", "本级.xlsx") in {(f.finding.code, f.file) for f in result.findings}


def test_a_budget_workbook_cannot_join_a_final_accounts_department(tmp_path: Path) -> None:
    budget = ROOT / "examples" / "unit-budget-2024" / "workbook.xlsx"
    out = tmp_path / "x.xlsx"
    result = CliRunner().invoke(app, ["consolidate", str(EXAMPLE), str(budget), "-o", str(out)])
    assert result.exit_code == 1 and "M004" in result.output and not out.exists()
