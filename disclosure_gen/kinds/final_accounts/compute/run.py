"""Compute everything derived from a final-accounts model, once."""

from __future__ import annotations

from dataclasses import dataclass

from disclosure_gen.catalogs import Catalog, workbook_catalogs
from disclosure_gen.compute.table import Table
from disclosure_gen.kinds.final_accounts.compute.facts import Facts, compute_facts
from disclosure_gen.kinds.final_accounts.compute.leaves import Leaf, leaves
from disclosure_gen.kinds.final_accounts.compute.selfeval import Evaluations, evaluations
from disclosure_gen.kinds.final_accounts.compute.tables import all_tables
from disclosure_gen.kinds.final_accounts.model import FinalAccounts


@dataclass(frozen=True)
class Computed:
    leaves: tuple[Leaf, ...]
    tables: dict[str, Table]
    facts: Facts
    evaluations: Evaluations
    functions: Catalog
    economic: Catalog


def catalogs(model: FinalAccounts) -> tuple[Catalog, Catalog]:
    """The year's catalogs with the workbook's own additions merged in."""
    typed = [(x.function, x.function_name) for x in model.lines]
    typed += [(x.function, x.function_name) for x in model.income]
    typed += [(x.function, x.function_name) for x in model.carryover]
    economic = [(line.economic, line.economic_name) for line in model.lines]
    return workbook_catalogs(model.profile.year, model.additions, typed, economic)


def compute(model: FinalAccounts) -> Computed:
    functions, economic = catalogs(model)
    items = leaves(model)
    facts = compute_facts(model, items, functions, economic)
    return Computed(
        items,
        all_tables(items, facts, functions, economic),
        facts,
        evaluations(model),
        functions,
        economic,
    )
