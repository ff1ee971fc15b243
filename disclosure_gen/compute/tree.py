"""Roll-ups of leaves into the function tree (类/款/项) and the economic tree (类/款).

Shared by every kind: a leaf is anything with function and economic codes, an optional
project and a 万元 amount; a column is a predicate that picks the leaves it adds up.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol, TypeVar

from disclosure_gen.catalogs import Catalog


class TreeLeaf(Protocol):
    @property
    def function(self) -> str: ...  # 7-digit 项
    @property
    def function_class(self) -> str: ...
    @property
    def function_section(self) -> str: ...
    @property
    def economic(self) -> str: ...  # 5-digit 款
    @property
    def economic_class(self) -> str: ...
    @property
    def project(self) -> str | None: ...
    @property
    def label(self) -> str | None: ...  # the project's printed name
    @property
    def amount(self) -> Decimal: ...  # 万元, two decimals


class CodeLevels:
    """The 类/款 a leaf's 7-digit function 项 and 5-digit economic 款 belong to (a mixin for
    every kind's leaves, which hold ``function`` and ``economic``)."""

    function: str
    economic: str

    @property
    def function_class(self) -> str:
        return self.function[:3]

    @property
    def function_section(self) -> str:
        return self.function[:5]

    @property
    def economic_class(self) -> str:
        return self.economic[:3]


L = TypeVar("L", bound=TreeLeaf)

TOTAL, CLASS, SECTION, ITEM, PROJECT = "total", "class", "section", "item", "project"


@dataclass(frozen=True)
class TreeRow:
    """One row of a tree table: its level, code parts, name and one value per column."""

    level: str
    codes: tuple[str, ...]
    name: str
    values: tuple[Decimal, ...]
    project: str = ""


def _values(items: Sequence[L], columns: Sequence[Callable[[L], bool]]) -> tuple[Decimal, ...]:
    return tuple(
        sum((leaf.amount for leaf in items if column(leaf)), Decimal(0)) for column in columns
    )


def _name(catalog: Catalog, code: str) -> str:
    return catalog.name(code) or code


def function_tree(
    items: Sequence[L],
    catalog: Catalog,
    columns: Sequence[Callable[[L], bool]],
    with_projects: bool = False,
) -> list[TreeRow]:
    """总计, then every 类, 款 and 项 that has leaves, each with its column sums.

    With ``with_projects`` an 项 is split into one row per project (table 7 prints the
    project name on the 项 row).
    """
    rows = [TreeRow(TOTAL, ("", "", ""), "总计", _values(items, columns))]
    for class_code in sorted({leaf.function_class for leaf in items}):
        in_class = [leaf for leaf in items if leaf.function_class == class_code]
        rows.append(
            TreeRow(
                CLASS, (class_code, "", ""), _name(catalog, class_code), _values(in_class, columns)
            )
        )
        for section in sorted({leaf.function_section for leaf in in_class}):
            in_section = [leaf for leaf in in_class if leaf.function_section == section]
            rows.append(
                TreeRow(
                    SECTION,
                    (class_code, section[3:], ""),
                    _name(catalog, section),
                    _values(in_section, columns),
                )
            )
            for item in sorted({leaf.function for leaf in in_section}):
                in_item = [leaf for leaf in in_section if leaf.function == item]
                codes = (class_code, section[3:], item[5:])
                if with_projects:
                    for project in dict.fromkeys(leaf.project or "" for leaf in in_item):
                        mine = [leaf for leaf in in_item if (leaf.project or "") == project]
                        label = mine[0].label or project
                        rows.append(
                            TreeRow(
                                ITEM, codes, _name(catalog, item), _values(mine, columns), label
                            )
                        )
                else:
                    rows.append(
                        TreeRow(ITEM, codes, _name(catalog, item), _values(in_item, columns))
                    )
    return rows


def economic_tree(
    items: Sequence[L], catalog: Catalog, columns: Sequence[Callable[[L], bool]]
) -> list[TreeRow]:
    """总计, then every economic 类 and 款 that has leaves."""
    rows = [TreeRow(TOTAL, ("", ""), "总计", _values(items, columns))]
    for class_code in sorted({leaf.economic_class for leaf in items}):
        in_class = [leaf for leaf in items if leaf.economic_class == class_code]
        rows.append(
            TreeRow(CLASS, (class_code, ""), _name(catalog, class_code), _values(in_class, columns))
        )
        for section in sorted({leaf.economic for leaf in in_class}):
            mine = [leaf for leaf in in_class if leaf.economic == section]
            rows.append(
                TreeRow(
                    SECTION,
                    (class_code, section[3:]),
                    _name(catalog, section),
                    _values(mine, columns),
                )
            )
    return rows
