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
    """A function 项 the catalog lacks, known by the name typed beside its code."""

    kind: str
    code: str
    name: str


def typed_functions(
    year: int, additions: Iterable[AdditionRow], typed: Iterable[tuple[str, str | None]]
) -> tuple[TypedCode, ...]:
    """The 项 a workbook names beside a 7-digit code that neither the year's catalog nor its
    补充科目 has, under a 款 that one of them has (the first name typed wins).

    The shipped catalogs are compiled, not the official file, and lack many 项 of sectors
    our examples do not touch; a finance officer copies "2130101 行政运行" from the budget
    system, so the name beside the code is the one to print.  The 款 must be known, or the
    tables could not place the line; a code with no name, or under an unknown 款, stays an
    error (C001).  Each use is a warning (C011), as a 补充科目 row is (C004)."""
    known = function_catalog(year).with_additions(
        {a.code: a.name for a in additions if a.kind == "function"}
    )
    out: dict[str, TypedCode] = {}
    for code, name in typed:
        text = (name or "").strip()
        if len(code) == 7 and code not in known and code[:5] in known and text:
            out.setdefault(code, TypedCode("function", code, text))
    return tuple(out.values())


def workbook_catalogs(
    year: int, additions: Iterable[AdditionRow], typed: Iterable[tuple[str, str | None]] = ()
) -> tuple[Catalog, Catalog]:
    """The year's function catalog and the economic catalog, each with the workbook's own
    补充科目 rows merged in, and the function 项 known by their typed names
    (``typed_functions``: ``typed`` is each coded row's code and the name beside it); every
    kind computes with these, so its rules do too."""
    rows = list(additions)
    rows += typed_functions(year, rows, typed)
    functions = function_catalog(year).with_additions(
        {a.code: a.name for a in rows if a.kind == "function"}
    )
    economic = economic_catalog().with_additions(
        {a.code: a.name for a in rows if a.kind == "economic"}
    )
    return functions, economic
