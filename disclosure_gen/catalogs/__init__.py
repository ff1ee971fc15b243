"""Classification catalogs shipped as versioned CSV data (see data/SOURCES.md).

The function classification (支出功能分类) changes by year, so there is one file per budget
year; the department economic classification (部门预算支出经济分类) is one file.  A workbook
may add codes a catalog lacks (sheet 补充科目); those are merged in with a warning finding.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Protocol

DATA = "data"


@dataclass(frozen=True)
class Catalog:
    """Codes and names of one classification, ordered by code."""

    kind: str
    year: int | None
    names: dict[str, str]
    basic_allowed: frozenset[str] = field(default_factory=frozenset)

    def name(self, code: str) -> str | None:
        return self.names.get(code)

    def __contains__(self, code: object) -> bool:
        return code in self.names

    def codes(self, length: int) -> list[str]:
        """All codes of one level (3 = 类, 5 = 款, 7 = 项), in code order."""
        return sorted(c for c in self.names if len(c) == length)

    def with_additions(self, additions: dict[str, str]) -> Catalog:
        """A copy that also knows the workbook's own codes."""
        merged = dict(self.names)
        merged.update(additions)
        basic = self.basic_allowed | frozenset(
            c
            for c in additions
            if self.kind == "economic" and c[:3] in {"301", "302", "303", "310"}
        )
        return Catalog(self.kind, self.year, merged, basic)


def _read_csv(filename: str) -> list[dict[str, str]]:
    text = resources.files(__package__).joinpath(DATA, filename).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def function_years() -> list[int]:
    """Budget years for which a function catalog is shipped."""
    names = [p.name for p in resources.files(__package__).joinpath(DATA).iterdir()]
    return sorted(
        int(n[len("function_") : -len(".csv")])
        for n in names
        if n.startswith("function_") and n.endswith(".csv")
    )


def catalog_year_for(year: int) -> int:
    """The catalog year used for a budget year: that year, else the latest earlier one."""
    years = function_years()
    earlier = [y for y in years if y <= year]
    return earlier[-1] if earlier else years[0]


@cache
def function_catalog(year: int) -> Catalog:
    """The function classification used for ``year`` (see ``catalog_year_for``)."""
    used = catalog_year_for(year)
    rows = _read_csv(f"function_{used}.csv")
    return Catalog("function", used, {r["code"].strip(): r["name"].strip() for r in rows})


@cache
def economic_catalog() -> Catalog:
    """The department economic classification with the codes allowed in 基本支出."""
    rows = _read_csv("economic.csv")
    names = {r["code"].strip(): r["name"].strip() for r in rows}
    basic = frozenset(r["code"].strip() for r in rows if r.get("basic", "Y").strip() == "Y")
    return Catalog("economic", None, names, basic)


class AdditionRow(Protocol):
    """A row of a workbook's 补充科目 sheet (any kind)."""

    @property
    def kind(self) -> str: ...  # function / economic
    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...


@dataclass(frozen=True)
class TypedCode:
    """A code the catalog lacks, known by the name typed beside it."""

    kind: str  # function / economic
    code: str
    name: str


# The level a typed code must have, and the level its parent must be known at: a function
# 项 under a known 款, an economic 款 under a known 类.
TYPED_LEVELS = {"function": (7, 5), "economic": (5, 3)}


def typed_codes(
    kind: str, catalog: Catalog, typed: Iterable[tuple[str | None, str | None]]
) -> tuple[TypedCode, ...]:
    """The codes a workbook names beside a code of ``kind`` that ``catalog`` (already with
    the workbook's 补充科目) lacks, under a parent it has (the first name typed wins).

    The shipped catalogs are compiled, not the official files, and lack codes of sectors our
    examples do not touch; a finance officer copies "2120801 征地和拆迁补偿支出" or
    "39909 经常性赠与" from the budget system, so the name beside the code is the one to
    print.  The parent must be known, or the tables could not place the line; a code with no
    name, or under an unknown parent, stays an error (C001/C002).  Each use is a warning
    (C011/C012), as a 补充科目 row is (C004)."""
    length, parent = TYPED_LEVELS[kind]
    out: dict[str, TypedCode] = {}
    for code, name in typed:
        text = (name or "").strip()
        if not code or not text or len(code) != length or code in catalog:
            continue
        if code[:parent] in catalog:
            out.setdefault(code, TypedCode(kind, code, text))
    return tuple(out.values())


def workbook_catalogs(
    year: int,
    additions: Iterable[AdditionRow],
    typed: Iterable[tuple[str, str | None]] = (),
    typed_economic: Iterable[tuple[str | None, str | None]] = (),
) -> tuple[Catalog, Catalog]:
    """The year's function catalog and the economic catalog, each with the workbook's own
    补充科目 rows merged in, and the codes known by their typed names (``typed_codes``:
    ``typed`` is each coded row's function code and the name beside it, ``typed_economic``
    each expenditure line's economic code and name); every kind computes with these, so
    its rules do too."""
    rows = list(additions)
    functions = function_catalog(year).with_additions(
        {a.code: a.name for a in rows if a.kind == "function"}
    )
    functions = functions.with_additions(
        {t.code: t.name for t in typed_codes("function", functions, typed)}
    )
    economic = economic_catalog().with_additions(
        {a.code: a.name for a in rows if a.kind == "economic"}
    )
    economic = economic.with_additions(
        {t.code: t.name for t in typed_codes("economic", economic, typed_economic)}
    )
    return functions, economic
