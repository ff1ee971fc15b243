"""The 绩效目标表 as grids (labels from tables.yaml): the 部门整体绩效目标表 and one
项目支出绩效目标表 per project."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, Protocol, TypeVar

from disclosure_gen.kinds.budget.compute.facts import TargetTable
from disclosure_gen.kinds.budget.model import DepartmentIndicator, DepartmentPerformance, Target
from disclosure_gen.money import format_amount, yuan_to_wan
from disclosure_gen.render.layout import Grid, GridCell


class Indicator(Protocol):
    @property
    def level1(self) -> str: ...
    @property
    def level2(self) -> str: ...


IndicatorT = TypeVar("IndicatorT", bound=Indicator)


def _weight(weight: Decimal) -> str:
    return f"{weight.normalize():f}"


def _indicator_rows(
    indicators: Sequence[IndicatorT], rest: Callable[[IndicatorT], list[GridCell]]
) -> tuple[tuple[GridCell, ...], ...]:
    """One row per indicator; equal 一级/二级 values in consecutive rows are merged."""
    rows: list[tuple[GridCell, ...]] = []
    for i, t in enumerate(indicators):
        row: list[GridCell] = []
        for level in (1, 2):
            value = t.level1 if level == 1 else t.level2
            if i > 0 and _key(indicators[i - 1], level) == _key(t, level):
                continue
            span = 1
            while i + span < len(indicators) and _key(indicators[i + span], level) == _key(
                t, level
            ):
                span += 1
            row.append(GridCell(value, rowspan=span))
        rows.append(tuple(row + rest(t)))
    return tuple(rows)


def _key(t: Indicator, level: int) -> tuple[str, ...]:
    return (t.level1,) if level == 1 else (t.level1, t.level2)


def _project_cells(t: Target) -> list[GridCell]:
    return [
        GridCell(t.level3, align="l"),
        GridCell(t.value),
        GridCell(t.basis or ""),
        GridCell(t.prior_value or ""),
        GridCell(_weight(t.weight)),
        GridCell(t.scoring or ""),
        GridCell(t.evidence or ""),
    ]


def _department_cells(t: DepartmentIndicator) -> list[GridCell]:
    return [
        GridCell(t.level3, align="l"),
        GridCell(t.value),
        GridCell(t.basis or "", align="l"),
        GridCell(_weight(t.weight)),
    ]


def _label(text: str, span: int = 1) -> GridCell:
    return GridCell(text, colspan=span, bold=True)


def target_grid(facts: TargetTable, spec: dict[str, Any]) -> Grid:
    """A project's table (or several projects' shared one); 预算单位 is the unit whose lines
    carry it."""
    labels = spec["labels"]
    rows = (
        (_label(labels["unit"], 2), GridCell(facts.unit, colspan=7, align="l")),
        (
            _label(labels["project"], 2),
            GridCell(facts.name, colspan=3, align="l", continued=True),
            _label(labels["leader"], 2),
            GridCell(facts.leader, colspan=2),
        ),
        (
            GridCell(labels["funds"], colspan=2, rowspan=2, bold=True),
            _label(labels["annual"], 2),
            GridCell(format_amount(facts.amount), colspan=5, align="r"),
        ),
        (
            _label(labels["fiscal"], 2),
            GridCell(format_amount(facts.fiscal), colspan=2, align="r"),
            _label(labels["other"], 1),
            GridCell(format_amount(facts.other), colspan=2, align="r"),
        ),
        (_label(labels["goal"], 2), GridCell(facts.goal, colspan=7, align="l")),
    )
    return Grid(
        widths=tuple(spec["widths"]),
        lead=rows,  # printed once; only the column titles repeat on a continuation page
        header=(tuple(_label(c) for c in spec["columns"]),),
        body=_indicator_rows(facts.targets, _project_cells),
        font="small",
    )


def department_grid(
    name: str,
    performance: DepartmentPerformance,
    indicators: Sequence[DepartmentIndicator],
    spec: dict[str, Any],
) -> Grid:
    """The 部门整体绩效目标表: header block, the funds (万元, total computed), indicators."""
    labels = spec["labels"]

    def wan(value: Decimal) -> GridCell:
        return GridCell(format_amount(yuan_to_wan(value)), colspan=2, align="r")

    rows = (
        (_label(labels["name"], 2), GridCell(name, colspan=4, align="l", continued=True)),
        (
            _label(labels["contact"], 2),
            GridCell(performance.contact or "", colspan=1),
            _label(labels["phone"], 1),
            GridCell(performance.phone or "", colspan=2),
        ),
        (_label(labels["goal"], 2), GridCell(performance.goal or "", colspan=4, align="l")),
        (
            GridCell(labels["budget"], colspan=2, rowspan=5, bold=True),
            _label(labels["source"], 2),
            _label(labels["amount"], 2),
        ),
        (_label(labels["total"], 2), wan(performance.total)),
        (
            GridCell(labels["fiscal"], rowspan=2, bold=True),
            _label(labels["upper"]),
            wan(performance.upper),
        ),
        (_label(labels["own"]), wan(performance.own)),
        (_label(labels["other_funds"]), _label(labels["other"]), wan(performance.other)),
    )
    return Grid(
        widths=tuple(spec["widths"]),
        lead=rows,
        header=(tuple(_label(c) for c in spec["columns"]),),
        body=_indicator_rows(indicators, _department_cells),
        font="small",
    )
