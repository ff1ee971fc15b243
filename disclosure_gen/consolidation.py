"""A department's workbook assembled from its 本级 workbook and each subordinate unit's
(``disclosure-gen consolidate``): the checks and sums that are the same for every kind.

A kind's ``consolidate`` says how its records add up (``kinds/<kind>/consolidate.py``);
the parts' disagreements are the same for all kinds and are found here, each located in the
file, sheet and cell to fix (codes M001–M009); with an error no workbook is written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel

from disclosure_gen.findings import Finding, Severity, declare
from disclosure_gen.records import Addition
from disclosure_gen.workbook.schema import WorkbookSchema
from disclosure_gen.yearly import workbook_bytes


class Tagged(Protocol):
    """A record of money that names its 预算单位 (empty for the reporting unit's own)."""

    @property
    def unit(self) -> str | None: ...
    @property
    def sheet(self) -> str: ...
    @property
    def row(self) -> int | None: ...

    def cell(self, key: str) -> str | None: ...


class Named(Protocol):
    """A record named by project, with the cell of its name."""

    @property
    def name(self) -> str: ...
    @property
    def sheet(self) -> str: ...
    @property
    def row(self) -> int | None: ...

    def cell(self, key: str) -> str | None: ...


UNIT_NOT_LISTED = declare(
    "M001",
    Severity.ERROR,
    "单位不在部门的下属单位表中",
    """consolidate: a unit workbook's 单位名称 is not on the department workbook's sheet
    下属单位 (a misspelt name, or a unit of another department). Its lines could not be
    placed in 表7 and 表11; correct the name in one of the two workbooks.""",
)
DUPLICATE_PROJECT = declare(
    "M002",
    Severity.ERROR,
    "同一项目出现在两个工作簿中",
    """consolidate: the same 项目名称 is on 项目信息 of two workbooks (two units, or the
    department and a unit). A project belongs to one unit; rename one of them or keep it
    in one workbook only.""",
)
YEAR_MISMATCH = declare(
    "M003",
    Severity.ERROR,
    "年度不一致",
    """consolidate: a unit workbook's year (预算年度 / 决算年度) differs from the
    department's; last year's workbook of a unit was probably given.""",
)
KIND_MISMATCH = declare(
    "M004",
    Severity.ERROR,
    "公开类型不一致",
    """consolidate: every workbook must be of the department workbook's kind: a
    final-accounts workbook (决算公开) cannot be added to a budget (预算公开), nor the
    reverse.""",
)
LEVEL_MISMATCH = declare(
    "M005",
    Severity.ERROR,
    "公开主体不符",
    """consolidate: the first workbook is the department's own (公开主体 部门, its 下属单位
    listed); every other workbook is one unit's (公开主体 单位, no 下属单位).""",
)
FOREIGN_LINE = declare(
    "M006",
    Severity.ERROR,
    "支出的预算单位不是本工作簿的单位",
    """consolidate: a line (支出明细 / 决算明细, 收入决算, 结转结余) of a unit workbook names
    another 预算单位 than the unit itself; each unit's workbook holds only its own money
    (leave 预算单位 empty).""",
)
COUNTED_TWICE = declare(
    "M007",
    Severity.ERROR,
    "单位的支出重复汇总",
    """consolidate: a unit's money would be counted twice: its workbook was given twice,
    or the department workbook also holds lines tagged with that unit. Keep the unit's
    lines in one place.""",
)
UNIT_WITHOUT_WORKBOOK = declare(
    "M008",
    Severity.WARNING,
    "下属单位没有工作簿",
    """consolidate: a unit on the department's 下属单位 list has no workbook and no line of
    the department workbook names it, so the department budget holds no money for it.""",
)
NATURE_MISMATCH = declare(
    "M009",
    Severity.WARNING,
    "单位性质不一致",
    """consolidate: a unit workbook's 单位性质 differs from the nature the department lists
    for it on 下属单位; the department's list is used (it counts 行政/事业 units).""",
)


@dataclass(frozen=True)
class Part:
    """One input workbook: the name it is reported under and its model."""

    file: str
    model: Any  # the kind's model


@dataclass(frozen=True)
class PartFinding:
    """A finding in one of the input files."""

    file: str
    finding: Finding

    @property
    def text(self) -> str:
        f = self.finding
        return f"{self.file} {f.location} [{f.code} {f.severity.label}] {f.message}"


@dataclass(frozen=True)
class Consolidated:
    schema: WorkbookSchema
    model: Any | None  # the kind's model; None when an error blocks the merge
    findings: tuple[PartFinding, ...]

    @property
    def ok(self) -> bool:
        return self.model is not None

    def workbook(self) -> bytes:
        if self.model is None:
            raise ValueError("the parts disagree; nothing to write")
        profile = self.model.profile
        return workbook_bytes(self.schema, self.model, profile.year, profile.level)


def check_parts(
    dept: Part,
    units: Sequence[Part],
    money: Callable[[Any], Sequence[Tagged]],
    projects: Callable[[Any], Sequence[Named]],
) -> list[PartFinding]:
    """The disagreements between the parts, located in the file to fix.  ``money``: a
    model's records that carry a 预算单位 (lines, and for final accounts income and
    balances); ``projects``: its records named by project (项目信息 / 项目自评)."""
    out: list[PartFinding] = []
    d = dept.model
    dp = d.profile
    if dp.level != "department":
        out.append(
            PartFinding(
                dept.file,
                LEVEL_MISMATCH.finding(
                    f"{dept.file} 是第一个工作簿，应是部门本级的工作簿（公开主体选“部门”，并在“下属单位”表列出下属单位），"
                    "但它的公开主体是“单位”。",
                    dp.sheet,
                    dp.cell("level"),
                ),
            )
        )
    listed = {u.name: u for u in d.subordinate_units}
    seen: dict[str, str] = {}
    owners: dict[str, str] = {p.name: dept.file for p in projects(d)}
    for part in units:
        p = part.model.profile
        if p.year != dp.year:
            out.append(
                PartFinding(
                    part.file,
                    YEAR_MISMATCH.finding(
                        f"{part.file} 的年度是 {p.year} 年，部门工作簿 {dept.file} 是 {dp.year} 年；"
                        "请使用同一年度的工作簿。",
                        p.sheet,
                        p.cell("year"),
                    ),
                )
            )
        if p.level != "unit" or part.model.subordinate_units:
            out.append(
                PartFinding(
                    part.file,
                    LEVEL_MISMATCH.finding(
                        f"{part.file} 应是一个下属单位的工作簿（公开主体选“单位”，不填下属单位）；"
                        "下属单位本身还有下属单位的，请先汇总成一个单位工作簿。",
                        p.sheet,
                        p.cell("level"),
                    ),
                )
            )
        if p.name not in listed:
            out.append(
                PartFinding(
                    part.file,
                    UNIT_NOT_LISTED.finding(
                        f"{part.file} 的单位名称“{p.name}”不在部门工作簿 {dept.file} 的“下属单位”表中；"
                        "请核对两处的单位名称是否一致。",
                        p.sheet,
                        p.cell("name"),
                    ),
                )
            )
        elif listed[p.name].nature != p.nature:
            out.append(
                PartFinding(
                    part.file,
                    NATURE_MISMATCH.finding(
                        f"{part.file} 的单位性质与部门工作簿 {dept.file} “下属单位”表中"
                        f"“{p.name}”的单位性质不同；汇总时按部门工作簿的填写。",
                        p.sheet,
                        p.cell("nature"),
                    ),
                )
            )
        if p.name in seen:
            out.append(
                PartFinding(
                    part.file,
                    COUNTED_TWICE.finding(
                        f"“{p.name}”的工作簿给了两次（{seen[p.name]} 和 {part.file}）；请只保留一个。",
                        p.sheet,
                        p.cell("name"),
                    ),
                )
            )
        seen.setdefault(p.name, part.file)
        for line in money(part.model):
            unit = line.unit
            if unit and unit != p.name:
                out.append(
                    PartFinding(
                        part.file,
                        FOREIGN_LINE.finding(
                            f"{part.file} 是“{p.name}”的工作簿，但这一行的预算单位是“{unit}”；"
                            "单位工作簿只填本单位的收支，预算单位留空。",
                            line.sheet,
                            line.cell("unit"),
                            f"第 {line.row} 行",
                        ),
                    )
                )
        for project in projects(part.model):
            if project.name in owners:
                out.append(
                    PartFinding(
                        part.file,
                        DUPLICATE_PROJECT.finding(
                            f"项目“{project.name}”已在 {owners[project.name]} 的“{project.sheet}”中；"
                            "一个项目只能属于一个单位，请改名或只保留在一个工作簿中。",
                            project.sheet,
                            project.cell("name"),
                            f"第 {project.row} 行",
                        ),
                    )
                )
            else:
                owners[project.name] = part.file
    for line in money(d):
        unit = line.unit
        if unit and unit in seen:
            out.append(
                PartFinding(
                    dept.file,
                    COUNTED_TWICE.finding(
                        f"这一行的预算单位是“{unit}”，而该单位的工作簿 {seen[unit]} 也要汇总，"
                        "这笔钱会算两次；请把它只放在一个工作簿中。",
                        line.sheet,
                        line.cell("unit"),
                        f"第 {line.row} 行",
                    ),
                )
            )
    tagged = {x.unit for x in money(d) if x.unit}
    for unit in d.subordinate_units:
        if unit.name not in seen and unit.name not in tagged:
            out.append(
                PartFinding(
                    dept.file,
                    UNIT_WITHOUT_WORKBOOK.finding(
                        f"下属单位“{unit.name}”没有工作簿，{dept.file} 中也没有它的收支；"
                        "汇总后的部门工作簿不含该单位的资金。",
                        unit.sheet,
                        unit.cell("name"),
                        f"第 {unit.row} 行",
                    ),
                )
            )
    return out


M = TypeVar("M", bound=BaseModel)


NUMERIC = (int, Decimal)


def combined_form(cls: type[M], records: Sequence[M], sheet: str) -> M:
    """A form of several parts: its numbers summed over the parts that give them (an
    optional number none gives stays empty), each text the first part's that has one (the
    department's before its units')."""
    values: dict[str, Any] = {}
    for key, _ in records[0]:
        if key in ("sheet", "row", "cells"):
            continue
        given = [getattr(r, key) for r in records if getattr(r, key) is not None]
        if given and all(isinstance(v, NUMERIC) for v in given):
            values[key] = sum(given)
        else:
            found = [v for v in given if not isinstance(v, str) or v.strip()]
            if found:
                values[key] = found[0]
    return cls(sheet=sheet, **values)


HEADCOUNTS = (
    "staff_quota",
    "in_service",
    "in_service_prior",
    "retired",
    "retired_prior",
    "retired_cadre",
    "retired_cadre_prior",
)


def department_profile(parts: Sequence[Part]) -> Any:
    """The department's 基本信息 with 编制数 and every headcount summed over the parts."""
    profiles = [p.model.profile for p in parts]
    update: dict[str, Any] = {}
    for key in HEADCOUNTS:  # an optional count (编制数) left empty everywhere stays empty
        given = [getattr(p, key) for p in profiles if getattr(p, key) is not None]
        update[key] = sum(given) if given else None
    return profiles[0].model_copy(update=update)


def tagged(dept: Part, units: Sequence[Part], records: Callable[[Any], Sequence[M]]) -> list[M]:
    """The department's records as they are, then each unit's tagged with its 单位名称."""
    out: list[M] = list(records(dept.model))
    for part in units:
        name = part.model.profile.name
        out += [r.model_copy(update={"unit": name}) for r in records(part.model)]
    return out


def all_additions(parts: Sequence[Part]) -> tuple[Addition, ...]:
    """Every 补充科目 of the parts, the first name given for a code winning."""
    additions: dict[tuple[str, str], Addition] = {}
    for part in parts:
        for a in part.model.additions:
            additions.setdefault((a.kind, a.code), a)
    return tuple(additions.values())


def summed_controls(parts: Sequence[Part], cls: type[M]) -> M | None:
    """核对数: each total summed when every part gives it (none when a part has no sheet)."""
    controls = [p.model.controls for p in parts]
    if any(c is None for c in controls):
        return None
    values: dict[str, Any] = {}
    for key in cls.model_fields:
        if key in ("sheet", "row", "cells"):
            continue
        got = [getattr(c, key) for c in controls]
        if all(v is not None for v in got):
            values[key] = sum(got)
    return cls(sheet=controls[0].sheet, **values) if values else None


def joined_reason(reasons: Sequence[tuple[str, str]]) -> str | None:
    """One workbook's reason as it is; several joined, each after its unit's name."""
    if not reasons:
        return None
    if len(reasons) == 1:
        return reasons[0][1]
    return "；".join(f"{unit}：{reason}" for unit, reason in reasons)


def consolidate(
    schema: WorkbookSchema,
    dept: Part,
    units: Sequence[Part],
    merge: Callable[[Part, Sequence[Part]], tuple[Any, Sequence[PartFinding]]],
    money: Callable[[Any], Sequence[Tagged]],
    projects: Callable[[Any], Sequence[Named]],
) -> Consolidated:
    """The merged department, or the located findings that stop it (warnings do not).
    ``merge`` returns the kind's model and what merging itself found (several units'
    reasons joined, for example)."""
    findings = check_parts(dept, units, money, projects)
    if any(f.finding.severity == Severity.ERROR for f in findings):
        return Consolidated(schema, None, tuple(findings))
    model, noted = merge(dept, units)
    return Consolidated(schema, model, (*findings, *noted))
