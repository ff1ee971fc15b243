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
