"""The vocabulary of a workbook schema; each document kind defines its sheets with it.

A kind's ``WorkbookSchema`` describes every sheet a finance officer fills: its Chinese
name, its columns (or, for a form sheet, its labelled fields), their types, which are
required, which dropdown list feeds them, and the hint shown in the instructions sheet and
as a cell comment.  ``init`` writes a schema and the reader reads it, so the two cannot
drift apart.  Every kind's workbook starts with the same sheet 基本信息 whose field
公开类型 names the kind, so the reader can pick the kind before reading anything else.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class FieldType(StrEnum):
    TEXT = "text"
    LONG_TEXT = "long_text"
    MONEY = "money"  # 元, Decimal, not negative
    COUNT = "count"  # whole number, not negative
    DECIMAL = "decimal"  # e.g. floor area
    DATE = "date"
    YEAR = "year"
    CHOICE = "choice"  # one of a named list
    CODE = "code"  # classification code, optionally followed by its name


@dataclass(frozen=True)
class Field:
    """A column of a table sheet or a labelled row of a form sheet."""

    key: str
    label: str
    type: FieldType = FieldType.TEXT
    required: bool = False
    choices: str | None = None  # name of a dropdown list of the schema, or of a catalog list
    hint: str = ""
    width: int = 16
    default: object = None  # what init writes into a form field


@dataclass(frozen=True)
class Sheet:
    """A sheet: ``form`` (label in A, value in B) or ``table`` (header in row 1)."""

    key: str
    name: str
    kind: str
    fields: tuple[Field, ...]
    purpose: str
    example: tuple[tuple[object, ...], ...] = ()
    optional: bool = False  # a workbook without this sheet is read as if it were empty

    def field(self, key: str) -> Field:
        return next(f for f in self.fields if f.key == key)


# Dropdown lists every kind shares; the value shown maps to the value read.
NATURES: dict[str, str] = {
    "行政单位": "administrative",
    "参照公务员法管理事业单位": "civil_service_like",
    "事业单位": "institution",
}
LEVELS: dict[str, str] = {"单位": "unit", "部门": "department"}
DOCUMENTS: dict[str, str] = {"预算公开": "budget", "决算公开": "final_accounts"}
YES_NO: dict[str, bool] = {"是": True, "否": False}

PROFILE_SHEET = "基本信息"
DOCUMENT_LABEL = "公开类型"
INSTRUCTIONS_SHEET = "填写说明"
LISTS_SHEET = "代码表"


def no_year_lists(year: int) -> dict[str, list[str]]:
    return {}


@dataclass(frozen=True)
class WorkbookSchema:
    """One kind's workbook: its sheets and dropdown lists.

    ``choices`` maps each dropdown list's name to {value shown: value read}, in the order
    the lists sheet stores them; ``year_lists`` adds the lists that depend on the year's
    catalogs (read as typed); ``prefilled`` gives rows ``init`` writes into a table sheet.
    """

    kind: str
    title: str  # the document's name in the instructions, e.g. 预算公开
    sheets: tuple[Sheet, ...]
    choices: Mapping[str, Mapping[str, Any]]
    year_lists: Callable[[int], dict[str, list[str]]] = no_year_lists
    prefilled: Mapping[str, tuple[tuple[Any, ...], ...]] = field(default_factory=dict)

    def sheet(self, key: str) -> Sheet:
        return next(s for s in self.sheets if s.key == key)

    @property
    def profile(self) -> Sheet:
        return next(s for s in self.sheets if s.name == PROFILE_SHEET)

    def options(self, choices: str | None) -> tuple[str, ...]:
        """The values a dropdown list offers (empty for a catalog list)."""
        return tuple(self.choices.get(choices or "", ()))

    def read_value(self, choices: str | None, value: Any) -> Any:
        """The value the model keeps for a dropdown value as shown."""
        mapping = self.choices.get(choices or "")
        return mapping[value] if mapping and value in mapping else value
