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

Disagreements are found by the shared ``disclosure_gen.consolidation`` (codes M001–M009),
located in the file, sheet and cell to fix; with an error no workbook is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from disclosure_gen.consolidation import (
    Consolidated,
    Part,
    PartFinding,
    all_additions,
    combined_form,
    department_profile,
    joined_reason,
    summed_controls,
    tagged,
)
from disclosure_gen.consolidation import consolidate as consolidate_parts
from disclosure_gen.kinds.budget.model import (
    Assets,
    Comparison,
    ControlTotals,
    Disclosure,
    Procurement,
    Project,
    Purpose,
)
from disclosure_gen.kinds.budget.schema import ABSENT, COMPARISONS, PENDING, SCHEMA

__all__ = ["Consolidated", "Part", "PartFinding", "consolidate", "merge"]


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
        reason = joined_reason([(unit, c.reason) for unit, c in reasons if c.reason])
        # one workbook's reason keeps its mark; several joined are the department's to confirm
        status = reasons[0][1].status if len(reasons) == 1 else PENDING if reasons else None
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


def merge(dept: Part, units: Sequence[Part]) -> tuple[Disclosure, list[PartFinding]]:
    """The department's model from the parts (assumed to agree: see ``consolidate``);
    merging finds nothing more (joined reasons are marked 待确认, N009 in the new
    workbook)."""
    d = dept.model
    parts = [dept, *units]
    projects: list[Project] = [p for part in parts for p in part.model.projects]
    purposes: dict[str, Purpose] = {}
    for part in parts:
        for purpose in part.model.purposes:
            purposes.setdefault(purpose.function_class, purpose)
    model = Disclosure(
        profile=department_profile(parts),
        divisions=d.divisions,
        subordinate_units=d.subordinate_units,
        lines=tuple(tagged(dept, units, lambda m: m.lines)),
        projects=tuple(projects),
        comparisons=_comparisons(parts),
        purposes=tuple(purposes.values()),
        procurement=combined_form(
            Procurement, [p.model.procurement for p in parts], d.procurement.sheet
        ),
        assets=combined_form(Assets, [p.model.assets for p in parts], d.assets.sheet),
        targets=tuple(t for part in parts for t in part.model.targets),
        department_performance=d.department_performance,
        department_indicators=d.department_indicators,
        additions=all_additions(parts),
        controls=summed_controls(parts, ControlTotals),
    )
    return model, []


def consolidate(dept: Part, units: Sequence[Part]) -> Consolidated:
    """The merged department, or the located findings that stop it (warnings do not)."""
    return consolidate_parts(SCHEMA, dept, units, merge, lambda m: m.lines, lambda m: m.projects)
