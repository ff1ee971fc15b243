"""The leaves every final-accounts table and sentence adds up, each rounded to 万元 once.

Three kinds of record become leaves: expenditure lines (决算明细, with their 年初预算数 and
全年预算数), income rows (收入决算) and year-start balances (结转结余).  Every displayed total
is a sum of leaves, so it is the sum of its displayed parts.  The leaves of each column (决算数,
年初预算数, 全年预算数 of the lines; the income; the balances) are rounded together (尾差调整,
``disclosure_gen.compute.rounding``): their grand total is the 元-exact total rounded once,
each fund type (资金来源, 收入类别) and 基本/项目支出 is the floor or ceiling of its exact total
(its own rounding wherever the grand total allows), and each leaf stays within 0.01 万元 of
its own rounding.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from disclosure_gen.compute.rounding import Part, Path, allocate
from disclosure_gen.compute.tree import CodeLevels
from disclosure_gen.kinds.final_accounts.model import FinalAccounts
from disclosure_gen.kinds.final_accounts.schema import BASIC_KINDS, FISCAL_SOURCES
from disclosure_gen.money import ZERO, yuan_to_wan_exact

LINE, INCOME, CARRYOVER = "line", "income", "carryover"

# 三公 economic 款: 因公出国（境）, 公务用车购置, 公务用车运行维护, 公务接待.
ABROAD, CAR_PURCHASE, CAR_RUNNING, RECEPTION = "abroad", "car_purchase", "car_running", "reception"
THREE_PUBLIC_CODES: dict[str, tuple[str, ...]] = {
    ABROAD: ("30212",),
    CAR_PURCHASE: ("31013", "30913"),
    CAR_RUNNING: ("30231",),
    RECEPTION: ("30217",),
}


@dataclass(frozen=True)
class Leaf(CodeLevels):
    record: str  # line / income / carryover
    function: str
    economic: str  # "" when not given
    source: str  # fund type (lines, balances); for income, the category's fund or non_fiscal
    kind: str  # lines: 支出类型; income: 收入类别; balances: "carryover"
    project: str | None
    unit: str | None
    amount: Decimal  # 万元: the actual (lines), the income, the balance
    budget: Decimal = ZERO  # 年初预算数, 万元 (lines only)
    full_budget: Decimal = ZERO  # 全年预算数, 万元 (lines only)
    label: str | None = None

    @property
    def fiscal(self) -> bool:
        return self.source in FISCAL_SOURCES

    @property
    def basic(self) -> bool:
        return self.kind in BASIC_KINDS

    def three_public(self, item: str) -> bool:
        return self.record == LINE and self.fiscal and self.economic in THREE_PUBLIC_CODES[item]


Predicate = Callable[[Leaf], bool]


def fund_path(fund: str) -> Path:
    """财政拨款 (its three fund types) or 非财政拨款; an income category sits under its fund."""
    return ("fiscal", fund) if fund in FISCAL_SOURCES else ("non_fiscal", fund)


def kind_path(kind: str) -> Path:
    """基本支出 (人员经费, 公用经费), 项目支出, 上缴上级支出 …"""
    return ("basic", kind) if kind in BASIC_KINDS else (kind,)


def rounding_rank(side: str, path: Path) -> int:
    """Fund types, income categories and 基本/项目支出 … keep their own rounding first."""
    primary = len(path) == 2 if side == "row" else len(path) == 1
    return 2 if primary else 1


def _rounded(amounts: list[Decimal], rows: list[Path], columns: list[Path]) -> tuple[Decimal, ...]:
    parts = [
        Part(yuan_to_wan_exact(a), r, c) for a, r, c in zip(amounts, rows, columns, strict=True)
    ]
    return allocate(parts, rank=rounding_rank)


def leaves(model: FinalAccounts) -> tuple[Leaf, ...]:
    out: list[Leaf] = []
    rows = [fund_path(line.source) for line in model.lines]
    columns = [kind_path(line.kind) for line in model.lines]
    actual, budget, full = (
        _rounded([getattr(line, column) for line in model.lines], rows, columns)
        for column in ("actual", "budget", "full_budget")
    )
    for index, line in enumerate(model.lines):
        out.append(
            Leaf(
                LINE,
                line.function,
                line.economic or "",
                line.source,
                line.kind,
                line.project,
                line.unit,
                actual[index],
                budget[index],
                full[index],
                line.project,
            )
        )
    income_rows = [fund_path(row.category) for row in model.income]
    income = _rounded([row.amount for row in model.income], income_rows, [()] * len(income_rows))
    for row, amount in zip(model.income, income, strict=True):
        fund = row.category if row.category in FISCAL_SOURCES else "non_fiscal"
        out.append(Leaf(INCOME, row.function, "", fund, row.category, None, row.unit, amount))
    balance_rows = [fund_path(bal.source) for bal in model.carryover]
    balances = _rounded(
        [bal.amount for bal in model.carryover], balance_rows, [()] * len(balance_rows)
    )
    for bal, amount in zip(model.carryover, balances, strict=True):
        out.append(
            Leaf(CARRYOVER, bal.function, "", bal.source, "carryover", None, bal.unit, amount)
        )
    return tuple(out)


def total(items: Iterable[Leaf], pred: Predicate, column: str = "amount") -> Decimal:
    return sum((getattr(leaf, column) for leaf in items if pred(leaf)), ZERO)


def lines(pred: Predicate | None = None) -> Predicate:
    return lambda leaf: leaf.record == LINE and (pred is None or pred(leaf))


def income(*categories: str) -> Predicate:
    return lambda leaf: leaf.record == INCOME and (not categories or leaf.kind in categories)


def balances(*sources: str) -> Predicate:
    return lambda leaf: leaf.record == CARRYOVER and (not sources or leaf.source in sources)


def source_in(*sources: str) -> Predicate:
    return lambda leaf: leaf.source in sources


def kind_in(*kinds: str) -> Predicate:
    return lambda leaf: leaf.kind in kinds
