"""What ``next-year`` does the same way for every kind: the year checks, the catalog the new
year's dropdowns come from, the 补充科目 still needed, the publication date, and the
workbook written from a model.

A kind's ``next_year`` decides what its workbook carries into the new year; this module
holds only the steps that do not depend on what the workbook describes, so a budget and a
final-accounts workbook get the same notes in the same words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel

from disclosure_gen.catalogs import catalog_year_for, function_catalog
from disclosure_gen.records import Addition, Headcounts
from disclosure_gen.workbook.model_rows import form_values, table_rows
from disclosure_gen.workbook.schema import LEVELS, WorkbookSchema
from disclosure_gen.workbook.writer import build_blank_workbook

LEVEL_SHOWN = {read: shown for shown, read in LEVELS.items()}
P = TypeVar("P", bound=Headcounts)


class NextYearError(ValueError):
    """The request cannot be met (the message is for the finance officer)."""


class NextWorkbook(Protocol):
    """What ``next-year`` writes and tells, whatever the kind."""

    @property
    def workbook(self) -> bytes: ...
    @property
    def notes(self) -> tuple[str, ...]: ...  # what the finance officer should know
    @property
    def summary(self) -> str: ...  # the command's last line, after “已写出 …”


@dataclass(frozen=True)
class NewYear:
    """The new year, checked, with what the catalogs say about it."""

    last: int
    year: int
    notes: tuple[str, ...]
    additions: tuple[Addition, ...]  # 补充科目 the new year's catalog still lacks
    known_functions: frozenset[str]  # function codes the new year knows

    @classmethod
    def of(cls, last: int, year: int, additions: Sequence[Addition]) -> NewYear:
        """Raises NextYearError for a year that is not after ``last`` or not plausible."""
        if year <= last:
            raise NextYearError(f"新年度 {year} 应晚于工作簿的年度 {last}。")
        if not 2000 <= year <= 2100:
            raise NextYearError(f"年度 {year} 不合理，请填写四位年份。")
        notes: list[str] = []
        if year != last + 1:
            notes.append(
                f"新年度 {year} 不是 {last} 的下一年；“上年对比”中是 {last} 年的数字，请核对。"
            )
        used = catalog_year_for(year)
        if used != year:
            notes.append(
                f"工具没有 {year} 年的功能分类科目目录，新工作簿的下拉列表按 {used} 年目录生成；"
                "当年新增的科目请在“补充科目”表中补充。"
            )
        catalog = function_catalog(year)
        kept = tuple(a for a in additions if not (a.kind == "function" and a.code in catalog))
        dropped = [a.code for a in additions if a not in kept]
        if dropped:
            notes.append(f"补充科目 {'、'.join(dropped)} 已在 {used} 年目录中，不再带入。")
        known = frozenset(catalog.names) | {a.code for a in kept if a.kind == "function"}
        return cls(last, year, tuple(notes), kept, known)

    @property
    def catalog_year(self) -> int:
        return catalog_year_for(self.year)

    def profile(self, profile: P) -> P:
        """基本信息 for the new year: last year's headcounts become the 上年 ones (and stand
        as this year's until updated), the publication date moves on, and 其他需说明的事项
        is cleared (it spoke about last year)."""
        return profile.model_copy(
            update={
                "year": self.year,
                "in_service_prior": profile.in_service,
                "retired_prior": profile.retired,
                "retired_cadre_prior": profile.retired_cadre,
                "other_notes": None,
                "publish_date": self.moved(getattr(profile, "publish_date", None)),
            }
        )

    def unknown_functions_note(self, codes: Sequence[str]) -> list[str]:
        """The note for 上年对比 function items the new year's catalog does not have."""
        if not codes:
            return []
        return [
            f"功能科目 {'、'.join(codes)} 不在 {self.catalog_year} 年目录中，没有带入“上年对比”；"
            "如仍使用，请在“补充科目”中补充并增加“功能科目：”行。"
        ]

    def moved(self, date: dt.date | None) -> dt.date | None:
        """A date moved on by as many years as the workbook's year (29 February → 28)."""
        if date is None:
            return None
        years = self.year - self.last
        try:
            return date.replace(year=date.year + years)
        except ValueError:
            return date.replace(year=date.year + years, day=28)


def workbook_bytes(schema: WorkbookSchema, model: BaseModel, year: int, level: str) -> bytes:
    """The xlsx bytes of ``model`` (a kind's model of ``year`` at ``level``, as its profile
    says) through the writer ``init`` uses: the year's catalog lists and dropdowns, and a
    workbook that reads back as the same model."""
    rows: dict[str, Sequence[Sequence[Any]]] = {}
    forms: dict[str, dict[str, Any]] = {}
    for spec in schema.sheets:
        value = getattr(model, spec.key)
        if spec.kind == "form":
            if isinstance(value, BaseModel):
                forms[spec.key] = form_values(schema, spec, value)
        else:
            rows[spec.key] = table_rows(schema, spec, value)
    shown = LEVEL_SHOWN.get(level, level)
    return build_blank_workbook(schema, year, shown, rows=rows, form_values=forms)
