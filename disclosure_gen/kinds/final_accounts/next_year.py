"""Next year's final-accounts workbook from this year's (``disclosure-gen next-year``).

A 决算 is filled every year from the same unit's books, and two things in it are last
year's by definition: the 上年决算数 every "与上年相比" sentence compares with, and the
年初结转和结余, which is last year's 年末结转和结余.  Both are computed here from this
year's workbook, so nobody retypes them from last year's PDF.

- 基本信息: carried; the new year's 上年在职/退休/离休人数 are this year's headcounts, which
  also stand as the current ones until updated; 公开日期 moves one year on; 其他需说明的事项
  is cleared (it spoke about this year).  内设机构, 下属单位 and the 补充科目 the new year's
  catalog still lacks are carried.
- 上年对比: one row for every figure this year's document compared, holding the figure as
  this document printed it (its 万元 amount × 10,000), so next year's "比上年…" agrees with
  the published one to the cent (a 功能科目's 主要用途 carried with it: it describes the
  科目, not the year).  The items the tool totals itself stay blank (A018).  The
  reasons are not carried: a reason explains this year's change, never next year's; an
  empty reason is a warning (A016) until the new one is written.
- 结转结余: for each 资金性质 × 功能科目, this year's 年初 + 收入 − 支出 of financial
  appropriations (财政拨款), in 元 exactly, the units added up (``compute.balances``).  Non-fiscal money is carried the same
  way only when 结余分配 and 使用非财政拨款结余 are both 0, because those two are not kept
  per 功能科目 and the per-科目 balances would not add up to the 年末 total otherwise.
  A negative balance is not carried (it says the detail is incomplete); the notes name it.

Not carried: the expenditure lines, income, 三公 counts, 政府采购, 国有资产, 自评 and
核对数: they are the new year's figures.
"""

from __future__ import annotations

from dataclasses import dataclass

from disclosure_gen.kinds.final_accounts.compute.balances import (
    NON_FISCAL,
    non_fiscal_exact,
    year_end_balances,
)
from disclosure_gen.kinds.final_accounts.compute.run import Computed, compute
from disclosure_gen.kinds.final_accounts.model import (
    Assets,
    Balance,
    CarryoverRow,
    Comparison,
    FinalAccounts,
    Procurement,
    ThreePublic,
)
from disclosure_gen.kinds.final_accounts.schema import (
    ASSETS,
    BALANCE,
    CARRYOVER,
    COMPARISONS,
    COMPUTED_COMPARISONS,
    FIXED_COMPARISONS,
    FUNCTION_COMPARISON_PREFIX,
    PROCUREMENT,
    SCHEMA,
    THREE_PUBLIC,
)
from disclosure_gen.money import TEN_THOUSAND
from disclosure_gen.yearly import NewYear, workbook_bytes


@dataclass(frozen=True)
class NextYear:
    model: FinalAccounts
    workbook: bytes
    notes: tuple[str, ...]
    balances: int  # 结转结余 rows carried

    @property
    def summary(self) -> str:
        return (
            f"{self.model.profile.year} 年决算工作簿，上年对比 {len(self.model.comparisons)} 行，"
            f"年初结转和结余 {self.balances} 行"
        )


def comparisons(
    model: FinalAccounts, computed: Computed, known_functions: frozenset[str]
) -> tuple[list[Comparison], list[str]]:
    """This year's compared figures as next year's 上年决算数 (元): the fixed items in the
    blank workbook's order, then each 功能科目 the document compared; and the function
    codes the new year's catalog no longer has."""
    figures = computed.facts.compared
    # what a 功能科目 is used for describes the 科目, not the year: it carries over
    purposes = {c.item: c.purpose for c in model.comparisons if c.purpose}
    rows, dropped = [], []
    for item in FIXED_COMPARISONS:
        amount = figures.get(item)
        if item in COMPUTED_COMPARISONS or amount is None:
            rows.append(Comparison(sheet=COMPARISONS.name, item=item))
        else:
            rows.append(Comparison(sheet=COMPARISONS.name, item=item, prior=amount * TEN_THOUSAND))
    for item, amount in figures.items():
        if not item.startswith(FUNCTION_COMPARISON_PREFIX):
            continue
        code = item[len(FUNCTION_COMPARISON_PREFIX) :]
        if code not in known_functions:
            dropped.append(code)
            continue
        rows.append(
            Comparison(
                sheet=COMPARISONS.name,
                item=item,
                prior=amount * TEN_THOUSAND,
                purpose=purposes.get(item),
            )
        )
    return rows, dropped


def _carried_balances(
    model: FinalAccounts, known: frozenset[str]
) -> tuple[list[CarryoverRow], list[str]]:
    balances, exact = year_end_balances(model), non_fiscal_exact(model)
    rows, notes, negative, unknown = [], [], [], []
    for (source, function), amount in balances.items():
        if source == NON_FISCAL and not exact:
            continue
        if amount < 0:
            negative.append(function)
            continue
        if not amount:
            continue
        if function not in known:
            unknown.append(function)
            continue
        rows.append(
            CarryoverRow(sheet=CARRYOVER.name, source=source, function=function, amount=amount)
        )
    year = model.profile.year
    notes.append(
        f"“结转结余”按 {year} 年决算逐科目计算（年初 + 收入 − 支出，各单位合计，预算单位列留空）带入，"
        "即新年度的年初结转和结余；请与决算系统核对。"
    )
    if not exact and any(source == NON_FISCAL for source, _ in balances):
        notes.append(
            "本年有结余分配或使用非财政拨款结余，无法分到功能科目，非财政拨款的年初结转和结余"
            "没有带入，请按决算系统填写。"
        )
    if negative:
        notes.append(
            f"以下科目 {year} 年支出大于年初结转与收入之和，没有带入结转结余，请核对本年明细："
            + "、".join(negative)
            + "。"
        )
    if unknown:
        notes.append(
            f"功能科目 {'、'.join(sorted(set(unknown)))} 不在新年度目录中，其结转结余没有带入；"
            "如仍使用，请在“补充科目”中补充后填写。"
        )
    return rows, notes


def next_year(model: FinalAccounts, year: int, computed: Computed | None = None) -> NextYear:
    """The new year's model and workbook (``computed``: the model's figures, if already
    computed); raises NextYearError for an impossible year."""
    new_year = NewYear.of(model.profile.year, year, model.additions)
    notes = list(new_year.notes)
    compared, dropped = comparisons(model, computed or compute(model), new_year.known_functions)
    notes += new_year.unknown_functions_note(dropped)
    carried, balance_notes = _carried_balances(model, new_year.known_functions)
    notes += balance_notes
    profile = new_year.profile(model.profile)
    new = FinalAccounts(
        profile=profile,
        divisions=model.divisions,
        subordinate_units=model.subordinate_units,
        carryover=tuple(carried),
        balance=Balance(sheet=BALANCE.name),
        comparisons=tuple(compared),
        three_public=ThreePublic(sheet=THREE_PUBLIC.name),
        procurement=Procurement(sheet=PROCUREMENT.name),
        assets=Assets(sheet=ASSETS.name),
        additions=new_year.additions,
    )
    notes.append(
        f"“上年对比”的上年决算数是 {model.profile.year} 年决算公开的数字；变动原因没有带入，请按新年度情况填写。"
        "在职、退休、离休人数暂按上年填写，公开日期顺延一年；请按新年度实际情况修改。"
        "决算明细、收入、“三公”、政府采购、国有资产、绩效自评需按新年度重新填写。"
    )
    return NextYear(
        new, workbook_bytes(SCHEMA, new, year, profile.level), tuple(notes), len(carried)
    )
