"""The base of every record a kind's model holds: where in the workbook it was read."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Located(BaseModel):
    """A record read from one row (table sheet) or one sheet (form sheet).

    ``cells`` maps each field key to its cell address such as ``D12``, so that every rule
    can point at the cell to fix.
    """

    model_config = ConfigDict(frozen=True)

    sheet: str
    row: int | None = None
    cells: dict[str, str] = Field(default_factory=dict)

    def cell(self, key: str) -> str | None:
        return self.cells.get(key)


class Division(Located):
    """A row of 内设机构 (every kind's workbook has it)."""

    name: str


class SubordinateUnit(Located):
    """A row of 下属单位; a secret (涉密) unit is counted and its money published in every
    total, but its name never printed."""

    name: str
    nature: str
    secret: bool = False


class Addition(Located):
    """A row of 补充科目: a code the year's catalog lacks."""

    kind: str
    code: str
    name: str


class Headcounts(Located):
    """The headcount fields of 基本信息, this year and last; 实有人数 is derived."""

    in_service: int
    in_service_prior: int
    retired: int
    retired_prior: int
    retired_cadre: int
    retired_cadre_prior: int

    @property
    def headcount(self) -> int:
        """实有人数: never typed, always 在职 + 退休 + 离休."""
        return self.in_service + self.retired + self.retired_cadre
