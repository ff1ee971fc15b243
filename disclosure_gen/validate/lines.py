"""What the rules both document kinds run need to see: coded rows and lines, their cells.

A budget's 支出明细 and a final account's 决算明细 (with 收入决算 and 结转结余) are checked
the same way: codes against the year's catalogs, units against 下属单位, duplicate lines,
amounts typed in 万元. Each kind's rule context implements ``LinesContext``, so one rule
serves both kinds and the two can never disagree about what a valid code or unit is.
Shared machinery knows no kind; the kinds adapt their models to these protocols.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Protocol

from disclosure_gen.catalogs import Catalog
from disclosure_gen.findings import Finding, get
from disclosure_gen.records import Addition, SubordinateUnit
from disclosure_gen.validate.context import Settings
from disclosure_gen.validate.run import AMOUNTS_CHECKED

if TYPE_CHECKING:
    from disclosure_gen.validate.controls import ControlTotal

# 支出类型 values of basic expenditure (人员经费/公用经费) and of project expenditure.
PERSONNEL, OPERATING, PROJECT = "personnel", "operating", "project"
BASIC_KINDS = (PERSONNEL, OPERATING)


class CodedRow(Protocol):
    """A row that carries a function 项 code (and the unit it belongs to)."""

    @property
    def sheet(self) -> str: ...
    @property
    def row(self) -> int | None: ...
    @property
    def function(self) -> str: ...
    @property
    def function_name(self) -> str | None: ...
    @property
    def unit(self) -> str | None: ...
    def cell(self, key: str) -> str | None: ...


class CodedLine(CodedRow, Protocol):
    """An expenditure line: function × economic × source × kind × project × unit."""

    @property
    def economic(self) -> str | None: ...
    @property
    def economic_name(self) -> str | None: ...
    @property
    def source(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def project(self) -> str | None: ...


class NamedClass(Protocol):
    """A row naming a function 类 with the name typed beside it (budget 功能类用途)."""

    @property
    def sheet(self) -> str: ...
    @property
    def function_class(self) -> str: ...
    @property
    def function_class_name(self) -> str | None: ...
    def cell(self, key: str) -> str | None: ...


class ComparisonRow(Protocol):
    """A row of 上年对比: the compared item and last year's amount."""

    @property
    def sheet(self) -> str: ...
    @property
    def row(self) -> int | None: ...
    @property
    def item(self) -> str: ...
    @property
    def prior(self) -> Decimal | None: ...
    def cell(self, key: str) -> str | None: ...


@dataclass(frozen=True)
class AmountCell:
    """One amount of a line as typed (元), and the field of the line it was typed in."""

    amount: Decimal
    line: CodedLine
    field: str


class _Profile(Protocol):
    @property
    def year(self) -> int: ...
    @property
    def name(self) -> str: ...


class _UnitsModel(Protocol):
    """What both kinds' models have: a profile, the 下属单位 rows, the 补充科目 rows."""

    @property
    def profile(self) -> _Profile: ...
    @property
    def subordinate_units(self) -> Sequence[SubordinateUnit]: ...
    @property
    def additions(self) -> Sequence[Addition]: ...
    @property
    def comparisons(self) -> Sequence[ComparisonRow]: ...


class _Catalogued(Protocol):
    """What both kinds' computed figures carry: the catalogs they were computed with."""

    @property
    def functions(self) -> Catalog: ...
    @property
    def economic(self) -> Catalog: ...


class ModelFacts:
    """The part of ``LinesContext`` every kind's model answers the same way: the year, the
    reporting unit, its subordinate units, the workbook's 补充科目 and 上年对比, and the
    catalogs its figures were computed with (mixed into each kind's rule context, whose
    ``model`` field holds the model and whose ``computed`` the figures)."""

    model: _UnitsModel

    @property
    def computed(self) -> _Catalogued:
        raise NotImplementedError  # each kind's context computes its own figures

    @property
    def functions(self) -> Catalog:
        """The year's function catalog with the workbook's 补充科目 (and the 项 known by the
        names typed beside their codes) merged in: what compute used."""
        return self.computed.functions

    @property
    def economic(self) -> Catalog:
        """The economic catalog with the workbook's 补充科目 merged in."""
        return self.computed.economic

    @property
    def year(self) -> int:
        return self.model.profile.year

    @property
    def own_name(self) -> str:
        return self.model.profile.name

    @property
    def unit_names(self) -> Sequence[str]:
        return [u.name for u in self.model.subordinate_units]

    @property
    def additions(self) -> Sequence[Addition]:
        return self.model.additions

    def comparisons(self) -> Sequence[ComparisonRow]:
        return self.model.comparisons


class LinesContext(Protocol):
    """What a kind's rule context offers the shared line rules."""

    @property
    def settings(self) -> Settings: ...
    @property
    def functions(self) -> Catalog: ...  # the year's catalog with 补充科目 merged in
    @property
    def economic(self) -> Catalog: ...
    @property
    def year(self) -> int: ...
    @property
    def own_name(self) -> str: ...  # the reporting unit (本级)
    @property
    def unit_names(self) -> Sequence[str]: ...  # the units on 下属单位
    @property
    def additions(self) -> Sequence[Addition]: ...
    @property
    def project_sheet(self) -> str: ...  # the sheet project names must agree with
    def coded_lines(self) -> Sequence[CodedLine]: ...  # the expenditure lines
    def other_coded_rows(self) -> Sequence[CodedRow]: ...  # other rows with a function code
    def named_classes(self) -> Sequence[NamedClass]: ...
    def amount_cells(self) -> Sequence[AmountCell]: ...  # the amounts 核对数 adds up
    def magnitude_columns(self) -> Sequence[Sequence[AmountCell]]: ...  # each judged alone
    def control_totals(self) -> Sequence[ControlTotal]: ...  # sheet 核对数, if the kind has it
    def comparisons(self) -> Sequence[ComparisonRow]: ...  # sheet 上年对比
    @property
    def fixed_comparisons(self) -> Sequence[str]: ...  # the items it may name …
    @property
    def function_comparison_prefix(self) -> str: ...  # … besides “功能科目：” + a 7-digit 项


def coded_rows(ctx: LinesContext) -> list[CodedRow]:
    """Every row with a function code: the expenditure lines first, then the others."""
    return [*ctx.coded_lines(), *ctx.other_coded_rows()]


def row_key(record: CodedRow) -> str:
    return f"第 {record.row} 行"


def fold(text: str) -> str:
    """A name as compared: NFKC (full-width → half-width) without any spaces."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def nearest(name: str, names: Iterable[str]) -> str | None:
    """The existing name ``name`` was most likely meant to be (difflib), if any is close."""
    candidates = sorted(set(names))
    same = [c for c in candidates if fold(c) == fold(name)]
    if same:
        return same[0]
    folded = {fold(c): c for c in candidates}
    match = difflib.get_close_matches(fold(name), list(folded), n=1, cutoff=0.6)
    return folded[match[0]] if match else None


def did_you_mean(name: str, names: Iterable[str]) -> str:
    """“是否应为“…”？” naming the nearest existing name, or nothing."""
    match = nearest(name, names)
    if match is None:
        return ""
    if fold(match) == fold(name):
        return f"与“{match}”只差全角/半角或空格，是否应为“{match}”？"
    return f"最接近的是“{match}”，是否应为它？"


def magnitude(
    settings: Settings,
    code: str,
    message: str,
    sheet: str,
    cell: str | None,
    key: str | None = None,
) -> Finding:
    """A magnitude error (万元 typed into a 元 cell) at its cell; under ``--amounts-checked``
    the same words as a note (V002), so the user's confirmation is shown where it applies."""
    if not settings.amounts_checked:
        return get(code).finding(message, sheet, cell, key)
    return AMOUNTS_CHECKED.finding(
        f"{code} {get(code).title}：{message}（已用 --amounts-checked 确认按所填数字生成；"
        "请再核对一次。）",
        sheet,
        cell,
        key,
    )
