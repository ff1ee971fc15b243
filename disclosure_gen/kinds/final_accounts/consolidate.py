"""A department's final-accounts workbook assembled from its 本级 workbook and each
subordinate unit's (``disclosure-gen consolidate``), as a 部门决算 is compiled from its
units' 单位决算.

How the parts add up (README, 年度工作流程):

- 基本信息, 内设机构, 下属单位, 整体自评 and its indicators, 绩效情况 and 绩效管理 (its
  平均得分 is no sum): the department's;
  编制数 and every headcount (本年 and 上年) summed.
- 决算明细, 收入决算, 结转结余: the department's rows as they are, then each unit's tagged
  with the unit (预算单位 = the unit's 单位名称).
- 项目自评 and its indicators: all of them (a project belongs to one workbook).
- 上年对比: per item, the sum of the 上年决算数 given (the items the tool totals stay
  blank); a reason given by one workbook is kept, reasons of several are joined, each after
  its unit's name, and M010 asks for the department's own words.
- 结余分配, 三公经费 (amounts and counts), 政府采购, 国有资产: numbers summed, texts the
  department's (or the first unit's that has one).  补充科目: all codes.  核对数: each
  total summed when every workbook gives it.

The disagreements (M001–M009) are the shared ones (``disclosure_gen.consolidation``).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from disclosure_gen.consolidation import (
    Consolidated,
    Part,
    PartFinding,
    Tagged,
    all_additions,
    combined_form,
    department_profile,
    joined_reason,
    summed_controls,
    tagged,
)
from disclosure_gen.consolidation import consolidate as consolidate_parts
from disclosure_gen.findings import Severity, declare
from disclosure_gen.kinds.final_accounts.model import (
    Assets,
    Balance,
    Comparison,
    ControlTotals,
    FinalAccounts,
    Procurement,
    ThreePublic,
)
from disclosure_gen.kinds.final_accounts.schema import COMPARISONS, SCHEMA

__all__ = ["Consolidated", "Part", "PartFinding", "consolidate", "merge"]

REASONS_JOINED = declare(
    "M010",
    Severity.WARNING,
    "汇总后的变动原因由几个单位的原因连接而成",
    """consolidate (final accounts): several workbooks give a reason for the same 上年对比
    item; the merged workbook joins them, each after its unit's name, which reads as a list
    of units rather than the department's explanation. Rewrite it in the merged workbook.""",
)


def _comparisons(parts: Sequence[Part]) -> tuple[tuple[Comparison, ...], list[PartFinding]]:
    by_item: dict[str, list[tuple[Part, Comparison]]] = {}
    for part in parts:
        for c in part.model.comparisons:
            by_item.setdefault(c.item, []).append((part, c))
    out, notes = [], []
    for item, rows in by_item.items():
        priors = [c.prior for _, c in rows if c.prior is not None]
        reasons = [(p.model.profile.name, c.reason) for p, c in rows if (c.reason or "").strip()]
        purposes = [c.purpose for _, c in rows if (c.purpose or "").strip()]
        budget = [
            (p.model.profile.name, c.budget_reason)
            for p, c in rows
            if (c.budget_reason or "").strip()
        ]
        for column, given in (("reason", reasons), ("budget_reason", budget)):
            if len(given) > 1:
                part, row = next((p, c) for p, c in rows if (getattr(c, column) or "").strip())
                notes.append(
                    PartFinding(
                        part.file,
                        REASONS_JOINED.finding(
                            f"“{item}”的{'变动原因' if column == 'reason' else '预决算差异原因'}"
                            f"由 {len(given)} 个工作簿的原因连接而成；请在汇总后的工作簿中改写为部门的原因。",
                            row.sheet,
                            row.cell(column),
                        ),
                    )
                )
        out.append(
            Comparison(
                sheet=COMPARISONS.name,
                item=item,
                prior=sum(priors, Decimal(0)) if priors else None,
                reason=joined_reason([(u, r) for u, r in reasons if r]),
                budget_reason=joined_reason([(u, r) for u, r in budget if r]),
                purpose=purposes[0] if purposes else None,
            )
        )
    return tuple(out), notes


def merge(dept: Part, units: Sequence[Part]) -> tuple[FinalAccounts, list[PartFinding]]:
    """The department's model from the parts (assumed to agree: see ``consolidate``), and
    the 上年对比 items whose reasons were joined (M010)."""
    d: FinalAccounts = dept.model
    parts = [dept, *units]
    comparisons, joined = _comparisons(parts)
    model = FinalAccounts(
        profile=department_profile(parts),
        divisions=d.divisions,
        subordinate_units=d.subordinate_units,
        lines=tuple(tagged(dept, units, lambda m: m.lines)),
        income=tuple(tagged(dept, units, lambda m: m.income)),
        carryover=tuple(tagged(dept, units, lambda m: m.carryover)),
        balance=combined_form(Balance, [p.model.balance for p in parts], d.balance.sheet),
        comparisons=comparisons,
        three_public=combined_form(
            ThreePublic, [p.model.three_public for p in parts], d.three_public.sheet
        ),
        procurement=combined_form(
            Procurement, [p.model.procurement for p in parts], d.procurement.sheet
        ),
        assets=combined_form(Assets, [p.model.assets for p in parts], d.assets.sheet),
        department_evaluation=d.department_evaluation,
        department_indicators=d.department_indicators,
        project_evaluations=tuple(e for p in parts for e in p.model.project_evaluations),
        project_indicators=tuple(i for p in parts for i in p.model.project_indicators),
        performance_notes=d.performance_notes,
        performance_management=d.performance_management,
        controls=summed_controls(parts, ControlTotals),
        additions=all_additions(parts),
    )
    return model, joined


def _money(model: FinalAccounts) -> Sequence[Tagged]:
    return (*model.lines, *model.income, *model.carryover)


def consolidate(dept: Part, units: Sequence[Part]) -> Consolidated:
    """The merged department, or the located findings that stop it (warnings do not)."""
    return consolidate_parts(SCHEMA, dept, units, merge, _money, lambda m: m.project_evaluations)
