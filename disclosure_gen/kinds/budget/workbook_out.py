"""A budget model written back as a workbook, through the writer ``init`` uses.

``next-year`` and ``consolidate`` build a model and call ``workbook_bytes``; the result has
the year's dropdowns and instructions and reads back as the same model.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel

from disclosure_gen.kinds.budget.model import Disclosure
from disclosure_gen.kinds.budget.schema import SCHEMA
from disclosure_gen.workbook.model_rows import form_values, table_rows
from disclosure_gen.workbook.schema import LEVELS
from disclosure_gen.workbook.writer import build_blank_workbook

LEVEL_SHOWN = {read: shown for shown, read in LEVELS.items()}


def workbook_bytes(model: Disclosure) -> bytes:
    """The xlsx bytes of ``model`` (its year's catalog lists and dropdowns)."""
    rows: dict[str, Sequence[Sequence[Any]]] = {}
    forms: dict[str, dict[str, Any]] = {}
    for spec in SCHEMA.sheets:
        value = getattr(model, spec.key)
        if spec.kind == "form":
            if isinstance(value, BaseModel):
                forms[spec.key] = form_values(SCHEMA, spec, value)
        else:
            rows[spec.key] = table_rows(SCHEMA, spec, value)
    level = LEVEL_SHOWN.get(model.profile.level, model.profile.level)
    return build_blank_workbook(SCHEMA, model.profile.year, level, rows=rows, form_values=forms)
