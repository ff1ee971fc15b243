"""Next year's budget workbook from this year's (``disclosure-gen next-year``).

What is carried over, and why (README, 年度工作流程):

- 基本信息: name, nature, level, wording profile, 主要职能 (and whether it is withheld),
  编制数; the new year's 上年在职/退休/离休人数 are last year's 在职/退休/离休人数, and the
  current headcounts start as last year's (to be updated); 公开日期 moves one year on;
  其他需说明的事项 is cleared (it spoke about last year).
- 内设机构, 下属单位, 功能类用途 (what each function class's money is for), and the
  部门整体绩效 contact and phone.
- Continuing projects (项目信息): a project is continuing unless its 资金执行时间 ends in
  the last year or before (the latest four-digit year in the text; a text with no year
  counts as continuing). ``all_projects`` carries every project. 结转说明 is cleared.
- 上年对比: one row for every figure the new document compares, holding last year's
  figure in 元 and last year's reason marked 待确认.  The figure is the one last year's
  document printed (its 万元 amount × 10,000), so the new document's "比上年…" agrees with
  the published one to the cent; a figure that was 0 last year (income sources, 基本/项目
  支出) is marked 上年无此项 instead, so the new document says so rather than "增长100.00%"
  from a 0 nobody typed; 三公 items and 运行经费 keep their 0 (a 0 there is a figure).
- 补充科目: the codes the new year's catalog still lacks.

Not carried: expenditure lines, 绩效目标, 部门整体绩效指标 and funds, 政府采购, 国有资产,
核对数: they are the new year's figures and must be entered afresh.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from disclosure_gen.kinds.budget.compute.facts import Facts
from disclosure_gen.kinds.budget.compute.run import Computed, compute
from disclosure_gen.kinds.budget.compute.sources import INCOME_GROUPS
from disclosure_gen.kinds.budget.model import (
    Assets,
    Comparison,
    DepartmentPerformance,
    Disclosure,
    Procurement,
    Project,
)
from disclosure_gen.kinds.budget.schema import (
    ABSENT,
    ASSETS,
    COMPARISONS,
    FIXED_COMPARISONS,
    FUNCTION_COMPARISON_PREFIX,
    PENDING,
    PROCUREMENT,
    SCHEMA,
)
from disclosure_gen.money import TEN_THOUSAND
from disclosure_gen.yearly import NewYear, NextYearError, workbook_bytes

__all__ = ["NextYear", "NextYearError", "next_year"]

# Figures stated as a number even when they are 0: a prior 0 there is a real figure.
ZERO_IS_A_FIGURE = ("三公：", "运行经费")
YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


@dataclass(frozen=True)
class NextYear:
    model: Disclosure
    workbook: bytes
    notes: tuple[str, ...]  # what the finance officer should know, in Chinese
    carried_projects: tuple[str, ...]
    ended_projects: tuple[str, ...]
    pending: int  # 上年对比 rows marked 待确认

    @property
    def summary(self) -> str:
        return f"{self.model.profile.year} 年工作簿，带入项目 {len(self.carried_projects)} 个"


def period_end(period: str) -> int | None:
    """The last four-digit year a 资金执行时间 names (None when it names none)."""
    years = [int(y) for y in YEAR.findall(period)]
    return max(years) if years else None


def is_continuing(project: Project, last_year: int) -> bool:
    """A project continues unless its 资金执行时间 ends in ``last_year`` or before."""
    end = period_end(project.period)
    return end is None or end > last_year


def figures_by_item(facts: Facts) -> Iterator[tuple[str, Decimal]]:
    """(上年对比 item, 万元 amount) of every figure a document compares, as this document
    printed them: the fixed items, then each function 项 with general-budget money."""
    for (_, _, item, _), figure in zip(INCOME_GROUPS, facts.income, strict=True):
        yield item, figure.amount
    yield "支出：基本支出", facts.basic.amount
    yield "支出：项目支出", facts.project.amount
    yield "一般公共预算：基本支出", facts.general_basic.amount
    yield "一般公共预算：项目支出", facts.general_project.amount
    for figure in facts.three_public_items:
        yield f"三公：{figure.name}", figure.amount
    yield "运行经费", facts.running_costs.amount
    for function_item in facts.general_items:
        if function_item.figure.amount:
            yield FUNCTION_COMPARISON_PREFIX + function_item.code, function_item.figure.amount


def _comparisons(
    model: Disclosure, facts: Facts, known_functions: frozenset[str]
) -> tuple[list[Comparison], list[str]]:
    reasons = {c.item: c.reason for c in model.comparisons if c.reason and c.prior is not None}
    rows, dropped = [], []
    amounts = dict(figures_by_item(facts))
    missing = [item for item in FIXED_COMPARISONS if item not in amounts]
    assert not missing, missing  # every fixed item has its figure
    for item, amount in amounts.items():
        if item.startswith(FUNCTION_COMPARISON_PREFIX):
            code = item[len(FUNCTION_COMPARISON_PREFIX) :]
            if code not in known_functions:
                dropped.append(code)
                continue
        if amount == 0 and not item.startswith(ZERO_IS_A_FIGURE):
            rows.append(Comparison(sheet=COMPARISONS.name, item=item, status=ABSENT))
            continue
        reason = reasons.get(item)
        rows.append(
            Comparison(
                sheet=COMPARISONS.name,
                item=item,
                prior=amount * TEN_THOUSAND,
                reason=reason,
                status=PENDING if reason else None,
            )
        )
    return rows, dropped


def next_year(
    model: Disclosure, year: int, all_projects: bool = False, computed: Computed | None = None
) -> NextYear:
    """The new year's model and workbook (``computed``: the model's figures, if already
    computed); raises NextYearError for an impossible year."""
    last = model.profile.year
    new_year = NewYear.of(last, year, model.additions)
    notes = list(new_year.notes)
    additions, known = new_year.additions, new_year.known_functions

    computed = computed or compute(model)
    comparisons, dropped = _comparisons(model, computed.facts, known)
    notes += new_year.unknown_functions_note(dropped)
    carried = tuple(p for p in model.projects if all_projects or is_continuing(p, last))
    ended = tuple(p.name for p in model.projects if p not in carried)
    if ended:
        notes.append(
            f"以下项目的资金执行时间在 {last} 年或之前结束，没有带入“项目信息”：{'、'.join(ended)}"
            "（如仍继续，请加 --all-projects 或手工补充）。"
        )
    profile = new_year.profile(model.profile)
    performance = model.department_performance
    new = Disclosure(
        profile=profile,
        divisions=model.divisions,
        subordinate_units=model.subordinate_units,
        projects=tuple(p.model_copy(update={"carryover_note": None}) for p in carried),
        comparisons=tuple(comparisons),
        purposes=model.purposes,
        procurement=Procurement(sheet=PROCUREMENT.name),
        assets=Assets(sheet=ASSETS.name),
        department_performance=(
            DepartmentPerformance(
                sheet=performance.sheet, contact=performance.contact, phone=performance.phone
            )
            if performance
            else None
        ),
        additions=additions,
    )
    notes.append(
        "在职、退休、离休人数暂按上年填写，公开日期顺延一年；请按新年度实际情况修改。"
        "支出明细、政府采购、国有资产、绩效目标需按新年度重新填写。"
    )
    pending = sum(1 for c in comparisons if c.status == PENDING)
    if pending:
        notes.append(
            f"“上年对比”有 {pending} 行变动原因是上年的原因，标为“待确认”；逐行核对后把“确认”改为“已确认”。"
        )
    return NextYear(
        new,
        workbook_bytes(SCHEMA, new, year, profile.level),
        tuple(notes),
        tuple(p.name for p in carried),
        ended,
        pending,
    )
