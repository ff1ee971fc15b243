"""A model's records back into the cells the writer fills: the inverse of the reader.

Commands that make a workbook from other workbooks (``next-year``, ``consolidate``) read
models, change them, and write them through ``build_blank_workbook`` (the very writer
``init`` uses), so what they write is exactly what the reader reads back.  Each value goes
back as a finance officer would type it: a dropdown's value as shown (事业单位, not
institution), a code with the name typed beside it, a date as a date, money as Decimal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

from disclosure_gen.workbook.schema import FieldType, Sheet, WorkbookSchema


def _shown(schema: WorkbookSchema, choices: str | None, value: Any) -> Any:
    """The dropdown value a finance officer sees for the value the model keeps."""
    mapping = schema.choices.get(choices or "")
    if mapping:
        for shown, read in mapping.items():
            if read == value and type(read) is type(value):
                return shown
    return value


def cell_value(schema: WorkbookSchema, spec: Sheet, record: BaseModel, key: str) -> Any:
    """What to write for field ``key`` of ``record`` (None: leave the cell empty)."""
    f = spec.field(key)
    value = getattr(record, key, None)
    if value is None:
        return None
    if f.type == FieldType.CODE:
        name = getattr(record, f"{key}_name", None)
        return f"{value} {name}" if name else value
    if (
        f.type == FieldType.DATE
        and isinstance(value, dt.date)
        and not isinstance(value, dt.datetime)
    ):
        return dt.datetime(value.year, value.month, value.day)
    if f.type == FieldType.CHOICE:
        return _shown(schema, f.choices, value)
    return value


def table_rows(
    schema: WorkbookSchema, spec: Sheet, records: Iterable[BaseModel]
) -> list[tuple[Any, ...]]:
    """Rows of a table sheet, one per record, in the schema's column order."""
    return [tuple(cell_value(schema, spec, r, f.key) for f in spec.fields) for r in records]


def form_values(schema: WorkbookSchema, spec: Sheet, record: BaseModel) -> dict[str, Any]:
    """Values of a form sheet by field key (empty fields left out)."""
    out = {}
    for f in spec.fields:
        value = cell_value(schema, spec, record, f.key)
        if value is not None:
            out[f.key] = value
    return out
