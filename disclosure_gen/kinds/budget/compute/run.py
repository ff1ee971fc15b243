"""Compute everything derived from a model, once."""

from __future__ import annotations

from dataclasses import dataclass

from disclosure_gen.catalogs import Catalog, workbook_catalogs
from disclosure_gen.compute.table import Table
from disclosure_gen.kinds.budget.compute.facts import Facts, compute_facts
from disclosure_gen.kinds.budget.compute.leaves import Leaf, leaves
from disclosure_gen.kinds.budget.compute.tables import all_tables
from disclosure_gen.kinds.budget.model import Disclosure


@dataclass(frozen=True)
class Computed:
    leaves: tuple[Leaf, ...]
    tables: dict[str, Table]
    facts: Facts
    functions: Catalog
    economic: Catalog


def catalogs(model: Disclosure) -> tuple[Catalog, Catalog]:
    """The year's catalogs with the workbook's own additions merged in."""
    typed = [(line.function, line.function_name) for line in model.lines]
    economic = [(line.economic, line.economic_name) for line in model.lines]
    return workbook_catalogs(model.profile.year, model.additions, typed, economic)


def compute(model: Disclosure) -> Computed:
    functions, economic = catalogs(model)
    items = leaves(model)
    units = (
        [model.profile.name, *(u.name for u in model.subordinate_units)]
        if model.profile.level == "department"
        else []
    )
    return Computed(
        items,
        all_tables(items, functions, economic, units, model.unit_labels),
        compute_facts(model, items, functions, economic),
        functions,
        economic,
    )
