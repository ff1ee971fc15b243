"""Every figure the 决算情况说明 states, computed once from the leaves (万元, Decimal).

Shares and rates are computed from displayed 万元 figures.  Changes compare with last
year's actuals (sheet 上年对比); budget comparisons use the year-start budget (年初预算数),
and for 三公 the full-year budget (全年预算数), as seed 004 does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from disclosure_gen.catalogs import Catalog
from disclosure_gen.kinds.final_accounts.compute import leaves as lv
from disclosure_gen.kinds.final_accounts.compute.leaves import Leaf, total
from disclosure_gen.kinds.final_accounts.model import Comparison, FinalAccounts
from disclosure_gen.kinds.final_accounts.schema import (
    FISCAL_SOURCES,
    FUNCTION_COMPARISON_PREFIX,
    INCOME_CATEGORIES,
    KINDS,
)
from disclosure_gen.money import (
    HUNDRED,
    ZERO,
    Change,
    percent,
    round2,
    strip_reason_prefix,
    yuan_to_wan,
)

ADMINISTRATIVE = ("administrative", "civil_service_like")
CATEGORY_NAMES = {v: k for k, v in INCOME_CATEGORIES.items()}
KIND_NAMES = {v: k for k, v in KINDS.items()}


def variance(actual: Decimal, budget: Decimal) -> Decimal:
    """预决算差异率 (决算 − 预算) / 预算 in percent, signed; 100.00 from a zero budget."""
    if budget == ZERO:
        return round2(HUNDRED) if actual != ZERO else round2(ZERO)
    return round2((actual - budget) * HUNDRED / budget)


def completion(actual: Decimal, budget: Decimal) -> Decimal:
    """完成预算的 Z%: actual / budget in percent; 100.00 from a zero budget."""
    if budget == ZERO:
        return round2(HUNDRED) if actual != ZERO else round2(ZERO)
    return round2(actual * HUNDRED / budget)


@dataclass(frozen=True)
class Stated:
    """One stated figure: amount, share, change against last year, budget comparison."""

    name: str
    amount: Decimal
    share: Decimal | None = None
    change: Change | None = None
    reason: str = ""
    budget: Decimal = ZERO
    budget_reason: str = ""

    @property
    def variance(self) -> Decimal:
        return variance(self.amount, self.budget)

    @property
    def completion(self) -> Decimal:
        return completion(self.amount, self.budget)

    @property
    def direction(self) -> str:
        """大于 / 小于 / 等于: the actual against the budget."""
        budget = self.budget
        return "大于" if self.amount > budget else "小于" if self.amount < budget else "等于"


class Priors:
    """Last year's actuals and the reasons (sheet 上年对比), by item."""

    def __init__(self, rows: Sequence[Comparison]) -> None:
        self.rows = {r.item: r for r in rows}
        self.compared: dict[str, Decimal] = {}  # item → this year's figure, as stated

    def prior(self, item: str) -> Decimal | None:
        row = self.rows.get(item)
        return yuan_to_wan(row.prior) if row and row.prior is not None else None

    def reason(self, item: str) -> str:
        row = self.rows.get(item)
        return strip_reason_prefix(row.reason or "") if row else ""

    def budget_reason(self, item: str) -> str:
        row = self.rows.get(item)
        return strip_reason_prefix(row.budget_reason or "") if row else ""

    def purpose(self, item: str) -> str:
        row = self.rows.get(item)
        return (row.purpose or "").strip().rstrip("。") if row else ""

    def stated(
        self,
        name: str,
        item: str,
        amount: Decimal,
        whole: Decimal | None = None,
        budget: Decimal | None = None,
        prior: Decimal | None = None,
    ) -> Stated:
        self.compared[item] = amount
        prior = prior if prior is not None else self.prior(item)
        return Stated(
            name,
            amount,
            percent(amount, whole) if whole is not None else None,
            Change(amount, prior) if prior is not None else None,
            self.reason(item),
            budget if budget is not None else ZERO,
            self.budget_reason(item),
        )


@dataclass(frozen=True)
class FunctionItem:
    code: str
    class_name: str
    section_name: str
    name: str
    figure: Stated
    full_budget: Decimal
    purpose: str = ""  # 上年对比!主要用途 of its 功能科目 row, as entered


@dataclass(frozen=True)
class FundFacts:
    """One fund type's 收入支出: 年初 + 本年收入 = 本年支出 + 年末."""

    carry_in: Decimal
    income: Decimal
    spend: Decimal
    basic: Decimal
    project: Decimal
    figure: Stated  # 收入总计 against last year and the year-start budget
    items: tuple[FunctionItem, ...] = ()  # its 项 with money, for a per-项 wording

    @property
    def total(self) -> Decimal:
        return self.carry_in + self.income

    @property
    def carry_out(self) -> Decimal:
        return self.total - self.spend

    @property
    def empty(self) -> bool:
        return not (self.carry_in or self.income or self.spend or self.basic or self.project)


@dataclass(frozen=True)
class Facts:
    income_total: Decimal
    income: Decimal
    use_surplus: Decimal
    carry_in: Decimal
    spend_total: Decimal
    spend: Decimal
    distribution: Decimal
    carry_out: Decimal
    overall: Stated
    income_items: tuple[Stated, ...]
    spend_items: tuple[Stated, ...]
    fiscal_carry_in: Decimal
    fiscal_income: Decimal
    fiscal_spend: Decimal
    fiscal_carry_out: Decimal
    fiscal: Stated
    fiscal_by_fund: dict[str, tuple[Decimal, Decimal, Decimal, Decimal]]  # 年初, 收入, 支出, 年末
    general: Stated
    general_classes: tuple[tuple[str, str, Stated], ...]
    general_items: tuple[FunctionItem, ...]
    general_basic: Decimal
    personnel: Decimal
    operating: Decimal
    personnel_names: tuple[str, ...]
    operating_names: tuple[str, ...]
    fund: FundFacts
    capital: FundFacts
    three_public: Stated
    three_public_items: dict[str, Stated]
    running_costs: Stated
    institution_operating: Stated
    has_administrative: bool
    has_institution: bool
    procurement: dict[str, Decimal] = field(default_factory=dict)
    # Every 上年对比 item the document compares, with this year's figure (万元) as stated:
    # next year's 上年决算数 (``next-year``).
    compared: dict[str, Decimal] = field(default_factory=dict)
    # The 三公 figures against the year-start budget (年初预算数) instead of the full-year
    # one, for a wording that says “年初预算为…，完成预算的…%”; keys as three_public_items
    # plus "total".
    three_public_start: dict[str, Stated] = field(default_factory=dict)


def _unit_natures(model: FinalAccounts) -> dict[str, str]:
    natures = {"": model.profile.nature, model.profile.name: model.profile.nature}
    natures.update({u.name: u.nature for u in model.subordinate_units})
    return natures


def compute_facts(
    model: FinalAccounts, items: Sequence[Leaf], functions: Catalog, economic: Catalog
) -> Facts:
    priors = Priors(model.comparisons)
    lines = [leaf for leaf in items if leaf.record == lv.LINE]

    def t(pred: lv.Predicate, column: str = "amount") -> Decimal:
        return total(items, pred, column)

    income = t(lv.income())
    use_surplus = yuan_to_wan(model.balance.use_surplus)
    distribution = yuan_to_wan(model.balance.distribution)
    carry_in = t(lv.balances())
    spend = t(lv.lines())
    by_fund: dict[str, tuple[Decimal, Decimal, Decimal, Decimal]] = {}
    for fund in FISCAL_SOURCES:
        f_in, f_inc = t(lv.balances(fund)), t(lv.income(fund))
        f_sp = t(lv.lines(lv.source_in(fund)))
        by_fund[fund] = (f_in, f_inc, f_sp, f_in + f_inc - f_sp)
    nf_in = t(lv.balances("non_fiscal"))
    nf_inc = t(lambda leaf: leaf.record == lv.INCOME and leaf.source == "non_fiscal")
    nf_sp = t(lv.lines(lv.source_in("non_fiscal")))
    nf_out = nf_in + nf_inc + use_surplus - nf_sp - distribution
    carry_out = sum((v[3] for v in by_fund.values()), ZERO) + nf_out
    income_total = income + use_surplus + carry_in
    spend_total = spend + distribution + carry_out

    overall = priors.stated("收支总计", "收支总计", income_total)
    fiscal_income = sum((by_fund[f][1] for f in FISCAL_SOURCES), ZERO)
    income_items = (
        Stated("财政拨款收入", fiscal_income, percent(fiscal_income, income)),
        *(
            Stated(CATEGORY_NAMES[c], t(lv.income(c)), percent(t(lv.income(c)), income))
            for c in (
                "superior_subsidy",
                "institution_income",
                "business_income",
                "affiliated_income",
                "other_income",
            )
        ),
    )
    basic = t(lv.lines(lambda leaf: leaf.basic))
    spend_items = (
        Stated("基本支出", basic, percent(basic, spend)),
        *(
            Stated(
                KIND_NAMES[k],
                t(lv.lines(lv.kind_in(k))),
                percent(t(lv.lines(lv.kind_in(k))), spend),
            )
            for k in ("project", "remit", "business", "affiliated_subsidy")
        ),
    )
    fiscal_carry_in = sum((by_fund[f][0] for f in FISCAL_SOURCES), ZERO)
    fiscal_spend = sum((by_fund[f][2] for f in FISCAL_SOURCES), ZERO)
    fiscal_carry_out = sum((by_fund[f][3] for f in FISCAL_SOURCES), ZERO)
    fiscal = priors.stated(
        "财政拨款收支总计",
        "财政拨款收支总计",
        fiscal_carry_in + fiscal_income,
        budget=t(lv.lines(lambda leaf: leaf.fiscal), "budget"),
    )

    # 一般公共预算财政拨款支出
    gb = [leaf for leaf in lines if leaf.source == "general_budget"]
    gb_amount = sum((leaf.amount for leaf in gb), ZERO)
    item_priors = {
        item[len(FUNCTION_COMPARISON_PREFIX) :]: p
        for item in priors.rows
        if item.startswith(FUNCTION_COMPARISON_PREFIX) and (p := priors.prior(item)) is not None
    }
    general = priors.stated(
        "一般公共预算财政拨款支出",
        "一般公共预算财政拨款支出",
        gb_amount,
        spend,
        budget=sum((leaf.budget for leaf in gb), ZERO),
        prior=sum(item_priors.values(), ZERO) if item_priors else None,
    )
    classes = []
    for code in sorted({leaf.function_class for leaf in gb}):
        amount = sum((leaf.amount for leaf in gb if leaf.function_class == code), ZERO)
        if amount:
            classes.append(
                (code, functions.name(code) or code, Stated("", amount, percent(amount, gb_amount)))
            )

    def function_items(fund_lines: Sequence[Leaf], codes: set[str]) -> tuple[FunctionItem, ...]:
        out = []
        for code in sorted(codes):
            mine = [leaf for leaf in fund_lines if leaf.function == code]
            item = FUNCTION_COMPARISON_PREFIX + code
            figure = priors.stated(
                functions.name(code) or code,
                item,
                sum((leaf.amount for leaf in mine), ZERO),
                budget=sum((leaf.budget for leaf in mine), ZERO),
            )
            out.append(
                FunctionItem(
                    code,
                    functions.name(code[:3]) or code[:3],
                    functions.name(code[:5]) or code[:5],
                    functions.name(code) or code,
                    figure,
                    sum((leaf.full_budget for leaf in mine), ZERO),
                    priors.purpose(item),
                )
            )
        return tuple(out)

    general_items = function_items(gb, {leaf.function for leaf in gb} | set(item_priors))
    personnel = sum((leaf.amount for leaf in gb if leaf.kind == "personnel"), ZERO)
    operating = sum((leaf.amount for leaf in gb if leaf.kind == "operating"), ZERO)

    def names(kind: str) -> tuple[str, ...]:
        codes = sorted(
            {leaf.economic for leaf in gb if leaf.kind == kind and leaf.amount and leaf.economic}
        )
        return tuple(economic.name(c) or c for c in codes)

    def fund_facts(fund: str, item: str) -> FundFacts:
        f_in, f_inc, f_sp, _ = by_fund[fund]
        mine = [leaf for leaf in lines if leaf.source == fund]
        return FundFacts(
            f_in,
            f_inc,
            f_sp,
            sum((leaf.amount for leaf in mine if leaf.basic), ZERO),
            sum((leaf.amount for leaf in mine if leaf.kind == "project"), ZERO),
            priors.stated(
                item, item, f_in + f_inc, budget=sum((leaf.budget for leaf in mine), ZERO)
            ),
            function_items(mine, {leaf.function for leaf in mine}),
        )

    # 三公: the amounts come from the economic 款 of fiscal lines.
    def three(key: str, column: str = "amount") -> Decimal:
        return sum((getattr(leaf, column) for leaf in lines if leaf.three_public(key)), ZERO)

    amounts = {k: three(k) for k in lv.THREE_PUBLIC_CODES}
    budgets = {k: three(k, "full_budget") for k in lv.THREE_PUBLIC_CODES}
    car = amounts[lv.CAR_PURCHASE] + amounts[lv.CAR_RUNNING]
    car_budget = budgets[lv.CAR_PURCHASE] + budgets[lv.CAR_RUNNING]
    tp_total = amounts[lv.ABROAD] + car + amounts[lv.RECEPTION]
    tp_budget = budgets[lv.ABROAD] + car_budget + budgets[lv.RECEPTION]
    tp_priors: dict[str, Decimal | None] = {
        k: priors.prior(f"三公：{name}")
        for k, name in (
            (lv.ABROAD, "因公出国（境）费"),
            (lv.CAR_PURCHASE, "公务用车购置费"),
            (lv.CAR_RUNNING, "公务用车运行维护费"),
            (lv.RECEPTION, "公务接待费"),
        )
    }
    car_prior = (
        (tp_priors[lv.CAR_PURCHASE] or ZERO) + (tp_priors[lv.CAR_RUNNING] or ZERO)
        if tp_priors[lv.CAR_PURCHASE] is not None or tp_priors[lv.CAR_RUNNING] is not None
        else None
    )
    all_prior = (
        (tp_priors[lv.ABROAD] or ZERO) + (car_prior or ZERO) + (tp_priors[lv.RECEPTION] or ZERO)
        if any(v is not None for v in tp_priors.values())
        else None
    )
    three_items = {
        lv.ABROAD: priors.stated(
            "因公出国（境）费",
            "三公：因公出国（境）费",
            amounts[lv.ABROAD],
            tp_total,
            budgets[lv.ABROAD],
        ),
        "car": priors.stated(
            "公务用车购置及运行维护费",
            "三公：公务用车购置及运行维护费",
            car,
            tp_total,
            car_budget,
            car_prior,
        ),
        lv.CAR_PURCHASE: priors.stated(
            "公务用车购置费",
            "三公：公务用车购置费",
            amounts[lv.CAR_PURCHASE],
            tp_total,
            budgets[lv.CAR_PURCHASE],
        ),
        lv.CAR_RUNNING: priors.stated(
            "公务用车运行维护费",
            "三公：公务用车运行维护费",
            amounts[lv.CAR_RUNNING],
            tp_total,
            budgets[lv.CAR_RUNNING],
        ),
        lv.RECEPTION: priors.stated(
            "公务接待费", "三公：公务接待费", amounts[lv.RECEPTION], tp_total, budgets[lv.RECEPTION]
        ),
    }
    three_public = priors.stated(
        "“三公”经费", "三公：合计", tp_total, budget=tp_budget, prior=all_prior
    )

    starts = {k: three(k, "budget") for k in lv.THREE_PUBLIC_CODES}
    start_budgets = {
        **starts,
        "car": starts[lv.CAR_PURCHASE] + starts[lv.CAR_RUNNING],
        "total": sum(starts.values(), ZERO),
    }
    three_start = {
        key: replace(stated, budget=start_budgets[key])
        for key, stated in (*three_items.items(), ("total", three_public))
    }

    natures = _unit_natures(model)
    admin_units = {u for u, n in natures.items() if n in ADMINISTRATIVE}
    operating_lines = [leaf for leaf in gb if leaf.kind == "operating"]
    running = sum(
        (leaf.amount for leaf in operating_lines if (leaf.unit or "") in admin_units), ZERO
    )
    inst = operating - running
    proc = model.procurement
    goods, works, services = (yuan_to_wan(v) for v in (proc.goods, proc.works, proc.services))
    proc_total = goods + works + services
    sme, small = yuan_to_wan(proc.sme), yuan_to_wan(proc.small_micro)
    return Facts(
        income_total=income_total,
        income=income,
        use_surplus=use_surplus,
        carry_in=carry_in,
        spend_total=spend_total,
        spend=spend,
        distribution=distribution,
        carry_out=carry_out,
        overall=overall,
        income_items=income_items,
        spend_items=spend_items,
        fiscal_carry_in=fiscal_carry_in,
        fiscal_income=fiscal_income,
        fiscal_spend=fiscal_spend,
        fiscal_carry_out=fiscal_carry_out,
        fiscal=fiscal,
        fiscal_by_fund=by_fund,
        general=general,
        general_classes=tuple(classes),
        general_items=general_items,
        general_basic=personnel + operating,
        personnel=personnel,
        operating=operating,
        personnel_names=names("personnel"),
        operating_names=names("operating"),
        fund=fund_facts("government_fund", "政府性基金预算财政拨款收支总计"),
        capital=fund_facts("state_capital", "国有资本经营预算财政拨款收支总计"),
        three_public=three_public,
        three_public_items=three_items,
        running_costs=priors.stated("机关运行经费", "机关运行经费", running),
        institution_operating=priors.stated("事业单位公用经费", "事业单位公用经费", inst),
        has_administrative=bool(running) or priors.prior("机关运行经费") is not None,
        has_institution=bool(inst) or priors.prior("事业单位公用经费") is not None,
        three_public_start=three_start,
        procurement={
            "total": proc_total,
            "goods": goods,
            "works": works,
            "services": services,
            "sme": sme,
            "sme_share": percent(sme, proc_total),
            "small": small,
            "small_share": percent(small, proc_total),
        },
        compared=dict(priors.compared),  # after every stated figure above
    )
