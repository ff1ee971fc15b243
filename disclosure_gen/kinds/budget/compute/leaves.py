"""Expenditure lines rounded to 万元: the leaves every table and sentence adds up.

Every total is a sum of leaves, so every displayed total equals the sum of its displayed
parts.  The leaves are rounded together, not one by one (尾差调整,
``disclosure_gen.compute.rounding``): the grand total is the 元-exact total rounded once,
each funding source, 基本支出 and 项目支出 is the floor or ceiling of its exact total (its own
rounding wherever the grand total allows), and each line stays within 0.01 万元 of its own
rounding.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from disclosure_gen.compute.rounding import Part, Path, allocate
from disclosure_gen.compute.tree import CodeLevels
from disclosure_gen.kinds.budget.compute.sources import SOURCE_INFO, SourceInfo
from disclosure_gen.kinds.budget.model import Disclosure
from disclosure_gen.money import ZERO, yuan_to_wan_exact

Predicate = Callable[["Leaf"], bool]


@dataclass(frozen=True)
class Leaf(CodeLevels):
    function: str
    economic: str
    source: str
    kind: str
    project: str | None
    unit: str | None
    amount: Decimal  # 万元, two decimals
    label: str | None = None  # the project's printed name (secret projects are masked)

    @property
    def basic(self) -> bool:
        return self.kind != "project"

    @property
    def info(self) -> SourceInfo:
        return SOURCE_INFO[self.source]

    @property
    def carryover(self) -> bool:
        """上年结转结余 of any kind (fiscal or not)."""
        return self.source.startswith("carryover")

    @property
    def general_current(self) -> bool:
        """一般公共预算当年拨款 (own appropriation plus transfer from above)."""
        return self.info.appropriation and self.info.fund == "general"


def source_path(source: str) -> Path:
    """Where a funding source adds up, coarsest first: 本年收入 or 上年结转结余, then
    财政拨款 / 财政专户 / 单位资金 (or 财政拨款结转 / 非财政拨款结转结余), then the fund type or
    income group, then the source itself (the rows of 表1 and the columns of 表2)."""
    info = SOURCE_INFO[source]
    if source.startswith("carryover"):
        group = "fiscal_carryover" if info.fiscal_carryover else "other_carryover"
        return ("carryover", group, info.fund or group, source)
    if info.appropriation:
        return ("current", "appropriation", info.fund or "", source)
    return ("current", info.income_group, info.income_group, source)


def kind_path(kind: str) -> Path:
    """基本支出 (人员经费, 公用经费) or 项目支出."""
    return ("project",) if kind == "project" else ("basic", kind)


def rounding_rank(side: str, path: Path) -> int:
    """Funding sources and 基本/项目支出 keep their own rounding first, then the groups."""
    primary = len(path) == 4 if side == "row" else len(path) == 1
    return 2 if primary else 1


def rounded_amounts(model: Disclosure) -> tuple[Decimal, ...]:
    """Each line's amount in 万元, rounded together with the others (尾差调整)."""
    parts = [
        Part(yuan_to_wan_exact(line.amount), source_path(line.source), kind_path(line.kind))
        for line in model.lines
    ]
    return allocate(parts, rank=rounding_rank)


def leaves(model: Disclosure) -> tuple[Leaf, ...]:
    """One leaf per expenditure line, in workbook order.

    A line whose displayed amount is 0.00 万元 is left out: it would print an empty row in a
    table and make a fund look "used" (表9 with rows, yet "为空表" in section 九).
    """
    labels = {p.name: p.label for p in model.projects}
    own = model.profile.name
    out = []
    for line, amount in zip(model.lines, rounded_amounts(model), strict=True):
        if amount == ZERO:
            continue
        project = line.project if line.kind == "project" else None
        out.append(
            Leaf(
                function=line.function,
                economic=line.economic,
                source=line.source,
                kind=line.kind,
                project=project,
                unit=line.unit or own,
                amount=amount,
                label=labels.get(project, project) if project else None,
            )
        )
    return tuple(out)


def project_names(items: Iterable[Leaf]) -> list[str]:
    """Names of the projects among ``items``, in the order they first appear."""
    return list(dict.fromkeys(leaf.project for leaf in items if leaf.project))


def total(items: Iterable[Leaf], where: Predicate | None = None) -> Decimal:
    """Sum of the leaves' 万元 amounts, optionally filtered."""
    return sum((leaf.amount for leaf in items if where is None or where(leaf)), ZERO)


def is_personnel(leaf: Leaf) -> bool:
    return leaf.kind == "personnel"


def is_operating(leaf: Leaf) -> bool:
    return leaf.kind == "operating"


def is_basic(leaf: Leaf) -> bool:
    return leaf.basic


def is_project(leaf: Leaf) -> bool:
    return not leaf.basic


def is_any(_: Leaf) -> bool:
    return True


def fund_current(fund: str) -> Predicate:
    """Current-year appropriation of one fund type (own plus transfer)."""
    return lambda leaf: leaf.info.appropriation and leaf.info.fund == fund


def source_in(*sources: str) -> Predicate:
    wanted = frozenset(sources)
    return lambda leaf: leaf.source in wanted


def function_class_is(code: str) -> Predicate:
    return lambda leaf: leaf.function_class == code


def function_is(code: str) -> Predicate:
    return lambda leaf: leaf.function == code


def economic_class_is(code: str) -> Predicate:
    return lambda leaf: leaf.economic_class == code


def project_is(name: str) -> Predicate:
    return lambda leaf: leaf.project == name


def income_group_is(key: str) -> Predicate:
    return lambda leaf: leaf.info.income_group == key
