"""Narrative facts of 第一部分 and 第三部分: amounts, shares, changes and counts.

Templates phrase these; nothing here builds a sentence.  Every amount is in 万元 and is a
sum of rounded leaves, so sentences agree with the tables to the cent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from disclosure_gen.catalogs import Catalog
from disclosure_gen.compute.figures import Comparisons, Figure
from disclosure_gen.kinds.budget.compute import leaves as lv
from disclosure_gen.kinds.budget.compute.leaves import Leaf, total
from disclosure_gen.kinds.budget.compute.sources import FUND_NAMES, INCOME_GROUPS, INCOME_LIST_NAMES
from disclosure_gen.kinds.budget.compute.tables import three_public_amount
from disclosure_gen.kinds.budget.model import Disclosure, Project, Target
from disclosure_gen.kinds.budget.schema import FUNCTION_COMPARISON_PREFIX
from disclosure_gen.money import ZERO, Change, percent


@dataclass(frozen=True)
class FunctionItem:
    class_name: str
    section_name: str
    item_name: str
    code: str
    figure: Figure


@dataclass(frozen=True)
class ClassUse:
    code: str
    name: str
    amount: Decimal
    share: Decimal
    purpose: str


@dataclass(frozen=True)
class CarryItem:
    """One item of section 十一: 基本支出 or a project, under its printed name."""

    name: str
    amount: Decimal
    secret: bool = False
    note: str = ""  # the project's 结转说明 (never printed for a secret project)


@dataclass(frozen=True)
class ProjectFacts:
    project: Project
    amount: Decimal
    general: Decimal  # 一般公共预算当年拨款 (section 七 states this)
    fiscal: Decimal
    other: Decimal
    targets: tuple[Target, ...]
    unit: str = ""  # the 预算单位 that carries it (the department when several do)


@dataclass(frozen=True)
class TargetTable:
    """One 项目支出绩效目标表: a project, or several that share a table name; its funds are
    the sum of their lines, so a table can never state another figure than the budget."""

    name: str
    projects: tuple[ProjectFacts, ...]
    amount: Decimal
    fiscal: Decimal
    other: Decimal
    unit: str
    leader: str
    goal: str
    targets: tuple[Target, ...]

    @property
    def secret(self) -> bool:
        return any(p.project.secret for p in self.projects)


def target_tables(
    projects: Sequence[ProjectFacts], department: str, named: Sequence[Target] = ()
) -> tuple[TargetTable, ...]:
    """Projects grouped by 绩效目标表名称 (a project alone by its own name), in order;
    ``named``: target rows, of which those naming a shared table's name belong to it."""
    groups: dict[str, list[ProjectFacts]] = {}
    for p in projects:
        groups.setdefault(p.project.target_table or p.project.name, []).append(p)
    out = []
    own = {p.project.name for p in projects}
    for name, members in groups.items():
        units = {p.unit for p in members}
        out.append(
            TargetTable(
                name,
                tuple(members),
                sum((p.amount for p in members), ZERO),
                sum((p.fiscal for p in members), ZERO),
                sum((p.other for p in members), ZERO),
                units.pop() if len(units) == 1 else department,
                next((p.project.leader for p in members if p.project.leader), ""),
                next((p.project.goal for p in members if p.project.goal), ""),
                tuple(t for p in members for t in p.targets)
                + tuple(t for t in named if t.project == name and name not in own),
            )
        )
    return tuple(out)


@dataclass(frozen=True)
class Facts:
    income_total: Decimal
    income: tuple[Figure, ...]
    income_names: tuple[str, ...]
    expense_classes: tuple[str, ...]
    basic: Figure
    project: Figure
    appropriation_total: Decimal
    appropriation_funds: tuple[Figure, ...]
    appropriation_classes: dict[str, tuple[ClassUse, ...]]  # by fund name (一般公共预算 …)
    general_total: Decimal
    general_basic: Figure
    general_project: Figure
    general_classes: tuple[ClassUse, ...]
    general_items: tuple[FunctionItem, ...]
    general_basic_total: Decimal
    personnel: Decimal
    personnel_items: tuple[str, ...]
    operating: Decimal
    operating_items: tuple[str, ...]
    projects: tuple[ProjectFacts, ...]
    government_fund: Decimal
    state_capital: Decimal
    three_public: Figure
    three_public_items: tuple[Figure, ...]
    carryover_total: Decimal
    carryover_fiscal: Decimal
    carryover_other: Decimal
    carryover_items: tuple[CarryItem, ...]
    running_costs: Figure
    fiscal_projects: tuple[int, Decimal]
    other_projects: tuple[int, Decimal]
    all_projects: tuple[ProjectFacts, ...] = field(default=())
    composition: tuple[
        tuple[str, int], ...
    ] = ()  # (行政单位, 1), (事业单位, 3): 本级 + subordinates


NATURE_NAMES = {
    "administrative": "行政单位",
    "civil_service_like": "参照公务员法管理事业单位",
    "institution": "事业单位",
}


def composition(model: Disclosure) -> tuple[tuple[str, int], ...]:
    """How many units of each nature the budget covers, the reporting unit included."""
    natures = [model.profile.nature, *(u.nature for u in model.subordinate_units)]
    return tuple(
        (label, natures.count(key)) for key, label in NATURE_NAMES.items() if key in natures
    )


def _income(items: Sequence[Leaf], cmp: Comparisons, grand: Decimal) -> tuple[Figure, ...]:
    out = []
    for key, name, item, _transfer in INCOME_GROUPS:
        amount = total(items, lv.income_group_is(key))
        figure = cmp.figure(name, item, amount, grand)
        arranged = amount != ZERO or figure.change is not None
        out.append(replace(figure, arranged=arranged))
    return tuple(out)


def _class_uses(
    items: Sequence[Leaf], catalog: Catalog, purposes: dict[str, str], whole: Decimal
) -> tuple[ClassUse, ...]:
    out = []
    for code in sorted({leaf.function_class for leaf in items}):
        amount = total(items, lv.function_class_is(code))
        if amount != ZERO:
            name = catalog.name(code) or code
            out.append(ClassUse(code, name, amount, percent(amount, whole), purposes.get(code, "")))
    return tuple(out)


def _economic_names(items: Sequence[Leaf], economic: Catalog) -> tuple[str, ...]:
    codes = sorted({leaf.economic for leaf in items if leaf.amount != ZERO})
    return tuple(economic.name(c) or c for c in codes)


def _projects(
    model: Disclosure, items: Sequence[Leaf], names: Sequence[str]
) -> tuple[ProjectFacts, ...]:
    by_name = {p.name: p for p in model.projects}
    out = []
    for name in names:
        project = by_name.get(name)
        if project is None:
            continue
        mine = [leaf for leaf in items if leaf.project == name]
        fiscal = total(mine, lambda leaf: leaf.info.appropriation or leaf.info.fiscal_carryover)
        targets = tuple(t for t in model.targets if t.project == name)
        general = total(mine, lambda leaf: leaf.general_current)
        units = {leaf.unit for leaf in mine if leaf.unit}
        unit = model.unit_label(units.pop()) if len(units) == 1 else model.profile.name
        out.append(
            ProjectFacts(
                project, total(mine), general, fiscal, total(mine) - fiscal, targets, unit
            )
        )
    return tuple(out)


def _carry_items(model: Disclosure, carried: Sequence[Leaf]) -> tuple[CarryItem, ...]:
    """基本支出 first, then the projects in the order of sheet 项目信息 (the order the unit
    publishes them in), any project missing there after them in line order."""
    by_name = {p.name: p for p in model.projects}
    items = []
    basic = total(carried, lv.is_basic)
    if basic:
        items.append(CarryItem("基本支出", basic))
    names = lv.project_names(carried)
    order = {p.name: i for i, p in enumerate(model.projects)}
    for name in sorted(names, key=lambda n: (order.get(n, len(order)), names.index(n))):
        mine = [leaf for leaf in carried if leaf.project == name]
        project = by_name.get(name)
        secret = bool(project and project.secret)
        note = (project.carryover_note or "").strip().rstrip("。") if project else ""
        items.append(CarryItem(mine[0].label or name, total(mine), secret, "" if secret else note))
    return tuple(items)


THREE_PUBLIC_NAMES = (
    ("abroad", "因公出国（境）费", "三公：因公出国（境）费"),
    ("vehicle_purchase", "公务用车购置费", "三公：公务用车购置费"),
    ("vehicle_running", "公务用车运行费", "三公：公务用车运行费"),
    ("reception", "公务接待费", "三公：公务接待费"),
)


def _three_public(items: Sequence[Leaf], cmp: Comparisons) -> tuple[Figure, tuple[Figure, ...]]:
    parts = tuple(
        cmp.figure(name, item, three_public_amount(items, key))
        for key, name, item in THREE_PUBLIC_NAMES
    )
    amount = sum((p.amount for p in parts), ZERO)
    priors = [p.change.prior for p in parts if p.change is not None]
    # An item the prior year did not have (上年无此项) adds nothing to the prior total.
    known = all(p.change is not None or p.new for p in parts)
    change = Change(amount, sum(priors, ZERO)) if known and priors else None
    new = all(p.new for p in parts)
    return Figure("“三公”经费", amount, None, change, new=new), parts


def compute_facts(
    model: Disclosure, items: Sequence[Leaf], functions: Catalog, economic: Catalog
) -> Facts:
    cmp = Comparisons(model.comparisons, (c.item for c in model.comparisons if c.absent))
    grand = total(items)
    income = _income(items, cmp, grand)
    purposes = {p.function_class: p.purpose for p in model.purposes}
    fiscal = [leaf for leaf in items if leaf.info.appropriation]
    general = [leaf for leaf in items if leaf.general_current]
    general_total = total(general)
    general_basic = [leaf for leaf in general if leaf.basic]
    basic_amount, project_amount = total(items, lv.is_basic), total(items, lv.is_project)
    # A 项 whose general-budget money fell to nothing is still stated (“0.00万元，比上年预算
    # 减少…，下降100.00%”), so a vanished line never disappears silently.
    dropped = {
        item[len(FUNCTION_COMPARISON_PREFIX) :]
        for item, row in cmp.rows.items()
        if item.startswith(FUNCTION_COMPARISON_PREFIX) and row.prior
    }
    item_codes = sorted({leaf.function for leaf in general} | (dropped & set(functions.names)))
    general_items = tuple(
        FunctionItem(
            functions.name(code[:3]) or code[:3],
            functions.name(code[:5]) or code[:5],
            functions.name(code) or code,
            code,
            cmp.figure(
                functions.name(code) or code,
                FUNCTION_COMPARISON_PREFIX + code,
                total(general, lv.function_is(code)),
            ),
        )
        for code in item_codes
    )
    three, three_items = _three_public(items, cmp)
    carried = [leaf for leaf in items if leaf.carryover]
    running = total(fiscal, lambda leaf: leaf.kind == "operating")
    # 当年项目 by money: a project with both kinds of money counts on both sides, so that
    # each count goes with the amount beside it.
    current = [leaf for leaf in items if not leaf.carryover and not leaf.basic]
    fiscal_current = [leaf for leaf in current if leaf.info.appropriation]
    other_current = [leaf for leaf in current if not leaf.info.appropriation]
    return Facts(
        income_total=grand,
        income=income,
        income_names=tuple(
            dict.fromkeys(
                INCOME_LIST_NAMES[f[0]]
                for f, g in zip(INCOME_GROUPS, income, strict=True)
                if g.amount
            )
        ),
        expense_classes=tuple(u.name for u in _class_uses(items, functions, purposes, grand)),
        basic=cmp.figure("基本支出", "支出：基本支出", basic_amount, grand),
        project=cmp.figure("项目支出", "支出：项目支出", project_amount, grand),
        appropriation_total=total(fiscal),
        appropriation_funds=tuple(
            Figure(name, total(fiscal, lv.fund_current(fund))) for fund, name in FUND_NAMES.items()
        ),
        appropriation_classes={
            name: _class_uses(
                [leaf for leaf in fiscal if lv.fund_current(fund)(leaf)],
                functions,
                purposes,
                total(fiscal),
            )
            for fund, name in FUND_NAMES.items()
        },
        general_total=general_total,
        general_basic=cmp.figure(
            "基本支出", "一般公共预算：基本支出", total(general_basic), general_total
        ),
        general_project=cmp.figure(
            "项目支出", "一般公共预算：项目支出", total(general, lv.is_project), general_total
        ),
        general_classes=_class_uses(general, functions, purposes, general_total),
        general_items=general_items,
        general_basic_total=total(general_basic),
        personnel=total(general_basic, lv.is_personnel),
        personnel_items=_economic_names(
            [leaf for leaf in general_basic if leaf.kind == "personnel"], economic
        ),
        operating=total(general_basic, lv.is_operating),
        operating_items=_economic_names(
            [leaf for leaf in general_basic if leaf.kind == "operating"], economic
        ),
        projects=_projects(
            model, items, lv.project_names([leaf for leaf in general if not leaf.basic])
        ),
        government_fund=total(items, lv.fund_current("government_fund")),
        state_capital=total(items, lv.fund_current("state_capital")),
        three_public=three,
        three_public_items=three_items,
        carryover_total=total(carried),
        carryover_fiscal=total(carried, lambda leaf: leaf.info.fiscal_carryover),
        carryover_other=total(carried, lambda leaf: not leaf.info.fiscal_carryover),
        carryover_items=_carry_items(model, carried),
        running_costs=cmp.figure("运行经费", "运行经费", running),
        fiscal_projects=(
            len(lv.project_names([x for x in fiscal_current if x.amount])),
            total(fiscal_current),
        ),
        other_projects=(
            len(lv.project_names([x for x in other_current if x.amount])),
            total(other_current),
        ),
        all_projects=_projects(
            model, items, lv.project_names([leaf for leaf in items if not leaf.basic])
        ),
        composition=composition(model),
    )
