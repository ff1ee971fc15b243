"""The 绩效自评表: funds in 万元, execution rates and total scores, computed not typed."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from disclosure_gen.kinds.final_accounts.model import FinalAccounts, Indicator
from disclosure_gen.money import HUNDRED, ZERO, yuan_to_wan

Funds = tuple[Decimal, Decimal, Decimal]  # 年初预算数, 全年预算数, 全年执行数 (万元)


def rate(actual: Decimal, full_budget: Decimal, places: int = 2) -> Decimal:
    """执行率 in percent: 全年执行数 / 全年预算数, rounded once (half up) to ``places``
    decimals (a region printing “92%” rounds the exact rate, not the two-decimal one)."""
    step = Decimal(1).scaleb(-places)
    exact = actual * HUNDRED / full_budget if full_budget else ZERO
    return exact.quantize(step, rounding=ROUND_HALF_UP)


def _wan(*values: Decimal) -> Funds:
    a, b, c = (yuan_to_wan(v) for v in values)
    return a, b, c


def _add(*funds: Funds) -> Funds:
    return (
        sum((f[0] for f in funds), ZERO),
        sum((f[1] for f in funds), ZERO),
        sum((f[2] for f in funds), ZERO),
    )


@dataclass(frozen=True)
class Evaluation:
    """One 自评表: its fund rows, execution rate and scores."""

    name: str
    total: Funds
    parts: tuple[tuple[str, Funds], ...]
    rate_weight: Decimal
    rate_score: Decimal
    indicators: tuple[Indicator, ...]
    goal: str
    result: str
    department: str = ""
    implementer: str = ""

    @property
    def rate(self) -> Decimal:
        return rate(self.total[2], self.total[1])

    def rate_at(self, places: int) -> Decimal:
        """The rate as a profile prints it (wording.yaml ``rate_places``)."""
        return rate(self.total[2], self.total[1], places)

    @property
    def score(self) -> Decimal:
        return self.rate_score + sum((i.score for i in self.indicators), ZERO)

    @property
    def weight(self) -> Decimal:
        return self.rate_weight + sum((i.weight for i in self.indicators), ZERO)


@dataclass(frozen=True)
class Evaluations:
    department: Evaluation | None
    projects: tuple[Evaluation, ...]

    @property
    def project_totals(self) -> Funds:
        return _add(*(p.total for p in self.projects))


def evaluations(model: FinalAccounts) -> Evaluations:
    department = None
    d = model.department_evaluation
    if d is not None:
        parts = (
            ("上级资金", _wan(d.superior_budget, d.superior_full_budget, d.superior_actual)),
            ("本级资金", _wan(d.own_budget, d.own_full_budget, d.own_actual)),
            ("其他资金", _wan(d.other_budget, d.other_full_budget, d.other_actual)),
        )
        department = Evaluation(
            model.profile.name,
            _add(*(f for _, f in parts)),
            parts,
            d.rate_weight,
            d.rate_score,
            model.department_indicators,
            d.goal,
            d.result,
        )
    projects = []
    for p in model.project_evaluations:
        project_parts: tuple[tuple[str, Funds], ...] = (
            ("其中：当年财政拨款", _wan(p.fiscal_budget, p.fiscal_full_budget, p.fiscal_actual)),
            ("其他资金", _wan(p.other_budget, p.other_full_budget, p.other_actual)),
        )
        projects.append(
            Evaluation(
                p.name,
                _add(*(f for _, f in project_parts)),
                project_parts,
                p.rate_weight,
                p.rate_score,
                tuple(i for i in model.project_indicators if i.project == p.name),
                p.goal,
                p.result,
                p.department,
                p.implementer,
            )
        )
    return Evaluations(department, tuple(projects))
