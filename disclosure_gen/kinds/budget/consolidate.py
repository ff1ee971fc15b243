"""A department's budget workbook assembled from its 本级 workbook and each subordinate
unit's workbook (``disclosure-gen consolidate``).

How the parts add up (README, 年度工作流程):

- 基本信息, 内设机构, 下属单位, 部门整体绩效 and its indicators, 公开日期: the department's.
  编制数 and every headcount (本年 and 上年) are summed over all workbooks.
- 支出明细: the department's lines as they are, then each unit's lines tagged with the unit
  (预算单位 = the unit's 单位名称), in the order the units are given.
- 项目信息 and 绩效目标: all of them (a project name may appear in one workbook only).
- 上年对比: per item, the sum of the 上年预算数 given (an item marked 上年无此项 everywhere
  stays so); reasons from several workbooks are joined, each after its unit's name, and
  marked 待确认, since the department's reason is not the sum of its units' reasons.
- 政府采购 and 国有资产: summed. 功能类用途: the department's, then a unit's for a class
  the department does not describe. 补充科目: all codes, first name wins. 核对数: each total
  summed when every workbook gives it.

Disagreements are findings located in the file, sheet and cell to fix (codes M001–M009);
with an error no workbook is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeVar

from pydantic import BaseModel

from disclosure_gen.findings import Finding, Severity, declare
from disclosure_gen.kinds.budget.model import (
    Assets,
    Comparison,
    ControlTotals,
    Disclosure,
    ExpenditureLine,
    Procurement,
    Project,
    Purpose,
)
from disclosure_gen.kinds.budget.schema import ABSENT, COMPARISONS, PENDING, SCHEMA
from disclosure_gen.records import Addition
from disclosure_gen.yearly import workbook_bytes

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
    "预算年度不一致",
    """consolidate: a unit workbook's 预算年度 differs from the department's; last year's
    workbook of a unit was probably given.""",
)
KIND_MISMATCH = declare(
    "M004",
    Severity.ERROR,
    "公开类型不一致",
    """consolidate: every workbook must be a budget workbook (预算公开); a final-accounts
    workbook (决算公开) cannot be added to a budget.""",
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
    "支出明细的预算单位不是本工作簿的单位",
    """consolidate: a line of a unit workbook names another 预算单位 than the unit itself;
    each unit's workbook holds only its own lines (leave 预算单位 empty).""",
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
    model: Disclosure


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
    model: Disclosure | None  # None when an error blocks the merge
    findings: tuple[PartFinding, ...]

    @property
    def ok(self) -> bool:
        return self.model is not None

    def workbook(self) -> bytes:
        if self.model is None:
            raise ValueError("the parts disagree; nothing to write")
        return workbook_bytes(SCHEMA, self.model, self.model.profile.year, self.model.profile.level)


def _check(dept: Part, units: Sequence[Part]) -> list[PartFinding]:
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
    projects: dict[str, str] = {p.name: dept.file for p in d.projects}
    for part in units:
        p = part.model.profile
        if p.year != dp.year:
            out.append(
                PartFinding(
                    part.file,
                    YEAR_MISMATCH.finding(
                        f"{part.file} 的预算年度是 {p.year} 年，部门工作簿 {dept.file} 是 {dp.year} 年；"
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
        for line in part.model.lines:
            if line.unit and line.unit != p.name:
                out.append(
                    PartFinding(
                        part.file,
                        FOREIGN_LINE.finding(
                            f"{part.file} 是“{p.name}”的工作簿，但这一行的预算单位是“{line.unit}”；"
                            "单位工作簿只填本单位的支出，预算单位留空。",
                            line.sheet,
                            line.cell("unit"),
                            f"第 {line.row} 行",
                        ),
                    )
                )
        for project in part.model.projects:
            if project.name in projects:
                out.append(
                    PartFinding(
                        part.file,
                        DUPLICATE_PROJECT.finding(
                            f"项目“{project.name}”已在 {projects[project.name]} 的“项目信息”中；"
                            "一个项目只能属于一个单位，请改名或只保留在一个工作簿中。",
                            project.sheet,
                            project.cell("name"),
                            f"第 {project.row} 行",
                        ),
                    )
                )
            else:
                projects[project.name] = part.file
    for line in d.lines:
        if line.unit and line.unit in seen:
            out.append(
                PartFinding(
                    dept.file,
                    COUNTED_TWICE.finding(
                        f"这一行的预算单位是“{line.unit}”，而该单位的工作簿 {seen[line.unit]} 也要汇总，"
                        "这笔支出会算两次；请把它只放在一个工作簿中。",
                        line.sheet,
                        line.cell("unit"),
                        f"第 {line.row} 行",
                    ),
                )
            )
    tagged = {line.unit for line in d.lines if line.unit}
    for unit in d.subordinate_units:
        if unit.name not in seen and unit.name not in tagged:
            out.append(
                PartFinding(
                    dept.file,
                    UNIT_WITHOUT_WORKBOOK.finding(
                        f"下属单位“{unit.name}”没有工作簿，{dept.file} 的支出明细中也没有它的支出；"
                        "汇总后的部门预算不含该单位的资金。",
                        unit.sheet,
                        unit.cell("name"),
                        f"第 {unit.row} 行",
                    ),
                )
            )
    return out


M = TypeVar("M", bound=BaseModel)


def _summed(records: Sequence[M], keys: Sequence[str]) -> dict[str, Any]:
    return {k: sum((getattr(r, k) for r in records), type(getattr(records[0], k))(0)) for k in keys}


NUMERIC = (int, Decimal)


def _sum_form(cls: type[M], records: Sequence[M], sheet: str) -> M:
    keys = [k for k, v in records[0] if isinstance(v, NUMERIC) and k != "row"]
    return cls(sheet=sheet, **_summed(records, keys))


def _comparisons(parts: Sequence[Part]) -> tuple[Comparison, ...]:
    by_item: dict[str, list[tuple[str, Comparison]]] = {}
    for part in parts:
        for c in part.model.comparisons:
            if c.prior is not None or c.status == ABSENT:
                by_item.setdefault(c.item, []).append((part.model.profile.name, c))
    out = []
    for item, rows in by_item.items():
        priors = [c.prior for _, c in rows if c.prior is not None]
        reasons = [(unit, c) for unit, c in rows if c.reason and c.prior is not None]
        if not priors:
            out.append(Comparison(sheet=COMPARISONS.name, item=item, status=ABSENT))
            continue
        if len(reasons) == 1:
            reason, status = reasons[0][1].reason, reasons[0][1].status
        elif reasons:
            reason = "；".join(f"{unit}：{c.reason}" for unit, c in reasons)
            status = PENDING
        else:
            reason, status = None, None
        out.append(
            Comparison(
                sheet=COMPARISONS.name,
                item=item,
                prior=sum(priors, Decimal(0)),
                reason=reason,
                status=status if status != ABSENT else None,
            )
        )
    return tuple(out)


def _controls(parts: Sequence[Part]) -> ControlTotals | None:
    controls = [p.model.controls for p in parts]
    if any(c is None for c in controls):
        return None
    present = [c for c in controls if c is not None]
    values: dict[str, Any] = {}
    for key in ControlTotals.model_fields:
        if key in ("sheet", "row", "cells"):
            continue
        got = [getattr(c, key) for c in present]
        if all(v is not None for v in got):
            values[key] = sum(got)
    return ControlTotals(sheet=present[0].sheet, **values) if values else None


def merge(dept: Part, units: Sequence[Part]) -> Disclosure:
    """The department's model from the parts (assumed to agree: see ``consolidate``)."""
    d = dept.model
    parts = [dept, *units]
    profiles = [p.model.profile for p in parts]
    heads = (
        "staff_quota",
        "in_service",
        "in_service_prior",
        "retired",
        "retired_prior",
        "retired_cadre",
        "retired_cadre_prior",
    )
    profile = d.profile.model_copy(update=_summed(profiles, heads))
    lines: list[ExpenditureLine] = list(d.lines)
    for part in units:
        name = part.model.profile.name
        lines += [line.model_copy(update={"unit": name}) for line in part.model.lines]
    projects: list[Project] = [p for part in parts for p in part.model.projects]
    purposes: dict[str, Purpose] = {}
    for part in parts:
        for purpose in part.model.purposes:
            purposes.setdefault(purpose.function_class, purpose)
    additions: dict[tuple[str, str], Addition] = {}
    for part in parts:
        for a in part.model.additions:
            additions.setdefault((a.kind, a.code), a)
    return Disclosure(
        profile=profile,
        divisions=d.divisions,
        subordinate_units=d.subordinate_units,
        lines=tuple(lines),
        projects=tuple(projects),
        comparisons=_comparisons(parts),
        purposes=tuple(purposes.values()),
        procurement=_sum_form(
            Procurement, [p.model.procurement for p in parts], d.procurement.sheet
        ),
        assets=_sum_form(Assets, [p.model.assets for p in parts], d.assets.sheet),
        targets=tuple(t for part in parts for t in part.model.targets),
        department_performance=d.department_performance,
        department_indicators=d.department_indicators,
        additions=tuple(additions.values()),
        controls=_controls(parts),
    )


def consolidate(dept: Part, units: Sequence[Part]) -> Consolidated:
    """The merged department, or the located findings that stop it (warnings do not)."""
    findings = _check(dept, units)
    if any(f.finding.severity == Severity.ERROR for f in findings):
        return Consolidated(None, tuple(findings))
    return Consolidated(merge(dept, units), tuple(findings))
