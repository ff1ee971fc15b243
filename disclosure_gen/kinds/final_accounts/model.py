"""Pydantic models of one final-accounts workbook (决算公开).

Amounts are ``Decimal`` in 元 exactly as entered; conversion to 万元 happens in compute.
Each record keeps ``sheet`` and ``cells`` so every rule can point at the cell to fix.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict

from disclosure_gen.records import Addition, Division, Headcounts, Located, SubordinateUnit

ZERO = Decimal(0)


class Profile(Headcounts):
    document: str = "final_accounts"
    year: int
    level: str
    name: str
    nature: str
    functions: str
    staff_quota: int | None = None
    other_notes: str | None = None
    publish_date: dt.date | None = None
    wording: str | None = None  # a wording profile's folder name; None: the standard wording
    # what 事业收入 / 经营收入 / 其他收入 mainly are (a regional 名词解释 lists them)
    institution_income_sources: str | None = None
    business_income_sources: str | None = None
    other_income_sources: str | None = None


class ActualLine(Located):
    """One expenditure line with its year-start budget, full-year budget and actual."""

    function: str
    function_name: str | None = None
    economic: str | None = None
    economic_name: str | None = None
    source: str
    kind: str
    project: str | None = None
    unit: str | None = None
    budget: Decimal
    full_budget: Decimal
    actual: Decimal


class IncomeRow(Located):
    function: str
    function_name: str | None = None
    category: str
    unit: str | None = None
    amount: Decimal


class CarryoverRow(Located):
    source: str
    function: str
    function_name: str | None = None
    unit: str | None = None
    amount: Decimal


class Balance(Located):
    use_surplus: Decimal = ZERO
    distribution: Decimal = ZERO


class Comparison(Located):
    item: str
    prior: Decimal | None = None
    reason: str | None = None
    budget_reason: str | None = None
    purpose: str | None = None  # 主要用途 of a 功能科目 row (a regional wording states it)


class ThreePublic(Located):
    abroad_groups: int = 0
    abroad_people: int = 0
    abroad_content: str | None = None
    cars_bought: int = 0
    cars_held: int = 0
    purchase_content: str | None = None
    running_content: str | None = None
    vehicle_reason: str | None = None
    receptions: int = 0
    reception_people: int = 0
    foreign_receptions: int = 0
    foreign_people: int = 0
    foreign_amount: Decimal = ZERO
    reception_content: str | None = None


class Procurement(Located):
    goods: Decimal = ZERO
    works: Decimal = ZERO
    services: Decimal = ZERO
    sme: Decimal = ZERO
    small_micro: Decimal = ZERO
    # 面向中小企业预留 detail (optional; a regional wording states what is entered)
    sme_reserved: Decimal | None = None
    small_reserved: Decimal | None = None
    sme_reserved_won: Decimal | None = None
    small_reserved_won: Decimal | None = None
    sme_other_won: Decimal | None = None


class Assets(Located):
    house_area: Decimal = ZERO
    house_value: Decimal = ZERO
    cars_minister: int = 0
    cars_head: int = 0
    cars_confidential: int = 0
    cars_emergency: int = 0
    cars_enforcement: int = 0
    cars_special: int = 0
    cars_retiree: int = 0
    cars_other: int = 0
    other_cars_are: str | None = None
    vehicle_value: Decimal = ZERO
    equipment_100: int = 0

    @property
    def vehicles(self) -> int:
        return (
            self.cars_minister
            + self.cars_head
            + self.cars_confidential
            + self.cars_emergency
            + self.cars_enforcement
            + self.cars_special
            + self.cars_retiree
            + self.cars_other
        )


class DepartmentEvaluation(Located):
    superior_budget: Decimal = ZERO
    superior_full_budget: Decimal = ZERO
    superior_actual: Decimal = ZERO
    own_budget: Decimal = ZERO
    own_full_budget: Decimal = ZERO
    own_actual: Decimal = ZERO
    other_budget: Decimal = ZERO
    other_full_budget: Decimal = ZERO
    other_actual: Decimal = ZERO
    rate_weight: Decimal = Decimal(10)
    rate_score: Decimal = ZERO
    goal: str = ""
    result: str = ""


class Indicator(Located):
    project: str | None = None
    level1: str
    level2: str
    level3: str
    target: str
    basis: str | None = None
    achieved: str
    weight: Decimal
    score: Decimal
    deviation: str | None = None


class ProjectEvaluation(Located):
    name: str
    department: str
    implementer: str
    fiscal_budget: Decimal
    fiscal_full_budget: Decimal
    fiscal_actual: Decimal
    other_budget: Decimal
    other_full_budget: Decimal
    other_actual: Decimal
    rate_weight: Decimal
    rate_score: Decimal
    goal: str
    result: str
    deviation: str | None = None


class PerformanceNotes(Located):
    achievements: str = ""
    problems: str = ""
    measures: str = ""


class PerformanceManagement(Located):
    """预算绩效管理 as entered (sheet 绩效管理): none of it can be derived from the lines."""

    systems: str | None = None
    mechanism: str | None = None
    target_projects: int | None = None
    target_amount: Decimal | None = None
    tracked_projects: int | None = None
    tracked_amount: Decimal | None = None
    evaluated_projects: int | None = None
    evaluated_amount: Decimal | None = None
    average_score: Decimal | None = None
    excellent: int | None = None
    good: int | None = None
    passed: int | None = None
    failed: int | None = None
    problems: int | None = None
    fixed: int | None = None
    fixing: int | None = None

    @property
    def ratings(self) -> tuple[int | None, int | None, int | None, int | None]:
        return (self.excellent, self.good, self.passed, self.failed)


class ControlTotals(Located):
    """Totals copied from the 决算 system, to check the detail against (all optional)."""

    income_total: Decimal | None = None
    income: Decimal | None = None
    spend: Decimal | None = None
    carry_in: Decimal | None = None
    carry_out: Decimal | None = None
    fiscal_income: Decimal | None = None
    general_budget: Decimal | None = None
    basic: Decimal | None = None
    project: Decimal | None = None
    three_public: Decimal | None = None
    procurement: Decimal | None = None
    headcount: int | None = None


class FinalAccounts(BaseModel):
    """Everything one final-accounts workbook says; the input of validate and compute."""

    model_config = ConfigDict(frozen=True)

    profile: Profile
    divisions: tuple[Division, ...] = ()
    subordinate_units: tuple[SubordinateUnit, ...] = ()
    lines: tuple[ActualLine, ...] = ()
    income: tuple[IncomeRow, ...] = ()
    carryover: tuple[CarryoverRow, ...] = ()
    balance: Balance
    comparisons: tuple[Comparison, ...] = ()
    three_public: ThreePublic
    procurement: Procurement
    assets: Assets
    department_evaluation: DepartmentEvaluation | None = None
    department_indicators: tuple[Indicator, ...] = ()
    project_evaluations: tuple[ProjectEvaluation, ...] = ()
    project_indicators: tuple[Indicator, ...] = ()
    performance_notes: PerformanceNotes | None = None
    performance_management: PerformanceManagement | None = None
    controls: ControlTotals | None = None
    additions: tuple[Addition, ...] = ()


def _rows(records: dict[str, Any], key: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = records.get(key, [])
    return rows


def from_records(records: dict[str, Any]) -> FinalAccounts:
    """The model from the reader's records (sheet key → record or rows).

    Raises KeyError, ValidationError or TypeError when a required record is missing or
    incomplete; the reader has reported why.
    """
    evaluation = records.get("department_evaluation")
    notes = records.get("performance_notes")
    return FinalAccounts(
        profile=Profile(**records["profile"]),
        divisions=tuple(Division(**r) for r in _rows(records, "divisions")),
        subordinate_units=tuple(SubordinateUnit(**r) for r in _rows(records, "subordinate_units")),
        lines=tuple(ActualLine(**r) for r in _rows(records, "lines")),
        income=tuple(IncomeRow(**r) for r in _rows(records, "income")),
        carryover=tuple(CarryoverRow(**r) for r in _rows(records, "carryover")),
        balance=Balance(**records["balance"]),
        comparisons=tuple(Comparison(**r) for r in _rows(records, "comparisons")),
        three_public=ThreePublic(**records["three_public"]),
        procurement=Procurement(**records["procurement"]),
        assets=Assets(**records["assets"]),
        department_evaluation=DepartmentEvaluation(**evaluation)
        if evaluation and evaluation.get("goal")
        else None,
        department_indicators=tuple(
            Indicator(**r) for r in _rows(records, "department_indicators")
        ),
        project_evaluations=tuple(
            ProjectEvaluation(**r) for r in _rows(records, "project_evaluations")
        ),
        project_indicators=tuple(Indicator(**r) for r in _rows(records, "project_indicators")),
        performance_notes=PerformanceNotes(**notes) if notes else None,
        performance_management=PerformanceManagement(**records["performance_management"])
        if "performance_management" in records
        else None,
        controls=ControlTotals(**records["controls"]) if "controls" in records else None,
        additions=tuple(Addition(**r) for r in _rows(records, "additions")),
    )
