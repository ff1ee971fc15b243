"""年末结转和结余 per 资金性质 × 功能科目, in 元 exactly, from the workbook's own detail.

The document states 结转结余 by fund type and, in tables 7 and 8, by 项; a 项 whose
balance is negative is where a fund's books do not close (a line with the wrong 资金来源, an
income or balance row missing), and next year's 年初结转和结余 is this year's 年末 per 项.
The units' money is added up: workbooks often enter a department's income under 本级 while
its units' lines carry the spending, which per unit would give one negative and one inflated
balance for the same money.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from disclosure_gen.kinds.final_accounts.model import FinalAccounts
from disclosure_gen.kinds.final_accounts.schema import FISCAL_SOURCES
from disclosure_gen.money import ZERO

NON_FISCAL = "non_fiscal"
Key = tuple[str, str]  # 资金性质, 功能科目


def year_end_balances(model: FinalAccounts) -> dict[Key, Decimal]:
    """年初 + 收入 − 支出 in 元 for each 资金性质 × 功能科目 (units added up).  For
    non-fiscal money this leaves out 使用非财政拨款结余 and 结余分配, which are not kept per
    科目 (``non_fiscal_exact``)."""
    out: dict[Key, Decimal] = defaultdict(lambda: ZERO)
    for bal in model.carryover:
        out[(bal.source, bal.function)] += bal.amount
    for row in model.income:
        fund = row.category if row.category in FISCAL_SOURCES else NON_FISCAL
        out[(fund, row.function)] += row.amount
    for line in model.lines:
        out[(line.source, line.function)] -= line.actual
    return dict(out)


def non_fiscal_exact(model: FinalAccounts) -> bool:
    """Whether the non-fiscal balances per 科目 add up to the non-fiscal 年末 total: only
    when no surplus was used or distributed."""
    return not (model.balance.use_surplus or model.balance.distribution)
