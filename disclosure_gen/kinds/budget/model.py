"""Pydantic models of one budget workbook (预算公开).

Amounts are ``Decimal`` in 元 exactly as entered; conversion to 万元 happens in compute.
Each record keeps ``sheet`` and ``cells`` (field key → cell address such as ``D12``) so
that every rule can point at the cell to fix.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict

from disclosure_gen.records import Addition, Division, Headcounts, Located, SubordinateUnit


class Profile(Headcounts):
    document: str = "budget"
    year: int
    level: str
    name: str
    nature: str
    functions: str | None = None
    functions_secret: bool = False  # 主要职能 withheld: the document says so in fixed words
    staff_quota: int
    other_notes: str | None = None
    publish_date: dt.date
    wording: str | None = None  # a wording profile's folder name; None: the standard wording


class ExpenditureLine(Located):
    function: str
    function_name: str | None = None  # the name typed beside the code, if any
    economic: str
    economic_name: str | None = None
    source: str
    kind: str
    project: str | None = None
    amount: Decimal
    unit: str | None = None


class Project(Located):
    name: str
    policy_basis: str
    undertaker: str
    allocation: str
    period: str
    leader: str | None = None
    goal: str | None = None
    secret: bool = False
    code: str | None = None
    target_table: str | None = None  # projects that share one 绩效目标表 name it alike
    carryover_note: str | None = None  # what section 十一 says after the carried-over amount

    @property
    def label(self) -> str:
        """The name the document prints: a secret project shows only “特定目标 <编码>”."""
        if self.secret:
            return f"特定目标 {self.code}" if self.code else "特定目标项目"
        return self.name


class Comparison(Located):
    item: str
    prior: Decimal | None = None
    reason: str | None = None
    # 确认: "pending" (待确认, a reason carried from last year by next-year or assembled by
    # consolidate), "confirmed" (已确认), "absent" (上年无此项); None: typed by hand
    status: str | None = None

    @property
    def absent(self) -> bool:
        """上年无此项: the prior year had no such figure (its amount cell is left empty)."""
        return self.status == "absent" and self.prior is None


class Purpose(Located):
    function_class: str
    function_class_name: str | None = None
    purpose: str


class Procurement(Located):
    goods: Decimal = Decimal(0)
    works: Decimal = Decimal(0)
    services: Decimal = Decimal(0)
    sme_reserved: Decimal = Decimal(0)
    small_micro_reserved: Decimal = Decimal(0)

    @property
    def total(self) -> Decimal:
        """政府采购预算 in 元: goods + works + services."""
        return self.goods + self.works + self.services


class Assets(Located):
    house_area: Decimal = Decimal(0)
    house_value: Decimal = Decimal(0)
    car_general_count: int = 0
    car_general_value: Decimal = Decimal(0)
    car_enforcement_count: int = 0
    car_enforcement_value: Decimal = Decimal(0)
    car_other_count: int = 0
    car_other_value: Decimal = Decimal(0)
    furniture_value: Decimal = Decimal(0)
    other_value: Decimal = Decimal(0)
    equipment_50: int = 0
    equipment_100: int = 0
    plan_vehicles: int = 0
    plan_equipment_50: int = 0
    plan_equipment_100: int = 0


class Target(Located):
    project: str
    level1: str
    level2: str
    level3: str
    value: str
    basis: str | None = None
    prior_value: str | None = None
    weight: Decimal
    scoring: str | None = None
    evidence: str | None = None


class DepartmentPerformance(Located):
    """The header of the 部门整体绩效目标表 (sheet 部门整体绩效); funds in 元."""

    contact: str | None = None
    phone: str | None = None
    goal: str | None = None
    upper: Decimal = Decimal(0)
    own: Decimal = Decimal(0)
    other: Decimal = Decimal(0)

    @property
    def total(self) -> Decimal:
        return self.upper + self.own + self.other


class DepartmentIndicator(Located):
    level1: str
    level2: str
    level3: str
    value: str
    basis: str | None = None
    weight: Decimal


class ControlTotals(Located):
    """Totals copied from the budget system, to check the detail against (all optional)."""

    total: Decimal | None = None
    general_budget: Decimal | None = None
    basic: Decimal | None = None
    project: Decimal | None = None
    three_public: Decimal | None = None
    carryover: Decimal | None = None
    procurement: Decimal | None = None
    headcount: int | None = None


class Disclosure(BaseModel):
    """Everything one workbook says; the input of validate and compute."""

    model_config = ConfigDict(frozen=True)

    profile: Profile
    divisions: tuple[Division, ...] = ()
    subordinate_units: tuple[SubordinateUnit, ...] = ()
    lines: tuple[ExpenditureLine, ...] = ()
    projects: tuple[Project, ...] = ()
    comparisons: tuple[Comparison, ...] = ()
    purposes: tuple[Purpose, ...] = ()
    procurement: Procurement
    assets: Assets
    targets: tuple[Target, ...] = ()
    department_performance: DepartmentPerformance | None = None
    department_indicators: tuple[DepartmentIndicator, ...] = ()
    additions: tuple[Addition, ...] = ()
    controls: ControlTotals | None = None

    @property
    def unit_labels(self) -> dict[str, str]:
        """Each subordinate unit's printed name: a secret unit prints as “涉密单位” (numbered
        “涉密单位1”, “涉密单位2” … when there are several, so their rows stay apart)."""
        secret = [u.name for u in self.subordinate_units if u.secret]
        labels = {u.name: u.name for u in self.subordinate_units}
        for i, name in enumerate(secret, start=1):
            labels[name] = SECRET_UNIT if len(secret) == 1 else f"{SECRET_UNIT}{i}"
        return labels

    def unit_label(self, name: str) -> str:
        """The printed name of a budget unit (本级 and unknown names print as they are)."""
        return self.unit_labels.get(name, name)


SECRET_UNIT = "涉密单位"


def _secret_units_projects(
    projects: tuple[Project, ...], lines: tuple[ExpenditureLine, ...], secret_units: set[str]
) -> tuple[Project, ...]:
    """A project carried by a secret unit is secret too: its name, its 承担单位 and its
    绩效目标表 would otherwise name the unit the document must not name."""
    if not secret_units:
        return projects
    hidden = {line.project for line in lines if line.project and line.unit in secret_units}
    return tuple(
        p.model_copy(update={"secret": True}) if p.name in hidden and not p.secret else p
        for p in projects
    )


def from_records(records: dict[str, Any]) -> Disclosure:
    """The model from the reader's records (sheet key → record or rows).

    Raises KeyError, ValidationError or TypeError when a required record is missing or
    incomplete; the reader has reported why.
    """
    units = tuple(SubordinateUnit(**r) for r in records.get("subordinate_units", []))
    lines = tuple(ExpenditureLine(**r) for r in records.get("lines", []))
    projects = tuple(Project(**r) for r in records.get("projects", []))
    return Disclosure(
        profile=Profile(**records["profile"]),
        divisions=tuple(Division(**r) for r in records.get("divisions", [])),
        subordinate_units=units,
        lines=lines,
        projects=_secret_units_projects(projects, lines, {u.name for u in units if u.secret}),
        comparisons=tuple(Comparison(**r) for r in records.get("comparisons", [])),
        purposes=tuple(Purpose(**r) for r in records.get("purposes", [])),
        procurement=Procurement(**records["procurement"]),
        assets=Assets(**records["assets"]),
        targets=tuple(Target(**r) for r in records.get("targets", [])),
        department_performance=(
            DepartmentPerformance(**records["department_performance"])
            if "department_performance" in records
            else None
        ),
        department_indicators=tuple(
            DepartmentIndicator(**r) for r in records.get("department_indicators", [])
        ),
        additions=tuple(Addition(**r) for r in records.get("additions", [])),
        controls=ControlTotals(**records["controls"]) if "controls" in records else None,
    )
