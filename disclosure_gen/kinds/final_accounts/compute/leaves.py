"""The leaves every final-accounts table and sentence adds up, each rounded to 万元 once.

Three kinds of record become leaves: expenditure lines (决算明细, with their 年初预算数 and
全年预算数), income rows (收入决算) and year-start balances (结转结余).  Each amount is
rounded to 0.01 万元 (ROUND_HALF_UP) before anything is added, so every displayed total is
the sum of its displayed parts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from disclosure_gen.kinds.final_accounts.model import FinalAccounts
from disclosure_gen.kinds.final_accounts.schema import BASIC_KINDS, FISCAL_SOURCES
from disclosure_gen.money import ZERO, yuan_to_wan

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
class Leaf:
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
    def function_class(self) -> str:
        return self.function[:3]

    @property
    def function_section(self) -> str:
        return self.function[:5]

    @property
    def economic_class(self) -> str:
        return self.economic[:3]

    @property
    def fiscal(self) -> bool:
        return self.source in FISCAL_SOURCES

    @property
    def basic(self) -> bool:
        return self.kind in BASIC_KINDS

    def three_public(self, item: str) -> bool:
        return self.record == LINE and self.fiscal and self.economic in THREE_PUBLIC_CODES[item]


Predicate = Callable[[Leaf], bool]


def leaves(model: FinalAccounts) -> tuple[Leaf, ...]:
    out: list[Leaf] = []
    for line in model.lines:
        out.append(
            Leaf(
                LINE,
                line.function,
                line.economic or "",
                line.source,
                line.kind,
                line.project,
                line.unit,
                yuan_to_wan(line.actual),
                yuan_to_wan(line.budget),
                yuan_to_wan(line.full_budget),
                line.project,
            )
        )
    for row in model.income:
        fund = row.category if row.category in FISCAL_SOURCES else "non_fiscal"
        out.append(
            Leaf(
                INCOME,
                row.function,
                "",
                fund,
                row.category,
                None,
                row.unit,
                yuan_to_wan(row.amount),
            )
        )
    for bal in model.carryover:
        out.append(
            Leaf(
                CARRYOVER,
                bal.function,
                "",
                bal.source,
                "carryover",
                None,
                bal.unit,
                yuan_to_wan(bal.amount),
            )
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
