"""The 项目支出绩效目标表 of one project as a grid (labels from tables.yaml)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from disclosure_gen.kinds.budget.compute.facts import ProjectFacts
from disclosure_gen.kinds.budget.model import Target
from disclosure_gen.money import format_amount
from disclosure_gen.render.layout import Grid, GridCell


def _weight(target: Target) -> str:
    return f"{target.weight.normalize():f}"


def _indicator_rows(targets: Sequence[Target]) -> list[tuple[GridCell, ...]]:
    """One row per indicator; equal 一级/二级 values in consecutive rows are merged."""
    rows: list[list[GridCell]] = []
    for i, t in enumerate(targets):
        row: list[GridCell] = []
        for level in (1, 2):
            value = t.level1 if level == 1 else t.level2
            same_as_above = i > 0 and _key(targets[i - 1], level) == _key(t, level)
            if same_as_above:
                continue
            span = 1
            while i + span < len(targets) and _key(targets[i + span], level) == _key(t, level):
                span += 1
            row.append(GridCell(value, rowspan=span))
        row += [
            GridCell(t.level3, align="l"),
            GridCell(t.value),
            GridCell(t.basis or ""),
            GridCell(t.prior_value or ""),
            GridCell(_weight(t)),
            GridCell(t.scoring or ""),
            GridCell(t.evidence or ""),
        ]
        rows.append(row)
    return [tuple(r) for r in rows]


def _key(t: Target, level: int) -> tuple[str, ...]:
    return (t.level1,) if level == 1 else (t.level1, t.level2)


def _label(text: str, span: int = 1) -> GridCell:
    return GridCell(text, colspan=span, bold=True)


def target_grid(facts: ProjectFacts, unit_name: str, spec: dict[str, Any]) -> Grid:
    labels = spec["labels"]
    project = facts.project
    rows = (
        (_label(labels["unit"], 2), GridCell(unit_name, colspan=7, align="l")),
        (
            _label(labels["project"], 2),
            GridCell(project.name, colspan=3, align="l"),
            _label(labels["leader"], 2),
            GridCell(project.leader or "", colspan=2),
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
        (_label(labels["goal"], 2), GridCell(project.goal or "", colspan=7, align="l")),
        tuple(_label(c) for c in spec["columns"]),
    )
    return Grid(
        widths=tuple(spec["widths"]),
        # The project block and the column titles repeat on every page the table spans.
        header=rows,
        body=tuple(_indicator_rows(facts.targets)),
        font="small",
    )
