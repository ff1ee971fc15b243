"""The document kinds this version serves, by the code word 基本信息!公开类型 maps to."""

from __future__ import annotations

import disclosure_gen.validate.run
import disclosure_gen.workbook.codes  # noqa: F401  (declares the reader's codes)
from disclosure_gen.findings import Code
from disclosure_gen.kinds.base import DocumentKind
from disclosure_gen.kinds.budget import KIND as BUDGET
from disclosure_gen.kinds.final_accounts import KIND as FINAL_ACCOUNTS
from disclosure_gen.validate.registry import declared_codes
from disclosure_gen.workbook.schema import WorkbookSchema

KINDS: dict[str, DocumentKind] = {kind.name: kind for kind in (BUDGET, FINAL_ACCOUNTS)}


def get(name: str) -> DocumentKind | None:
    return KINDS.get(name)


def schemas() -> dict[str, WorkbookSchema]:
    """The served kinds' workbook schemas, by kind name (the reader picks one)."""
    return {name: kind.schema for name, kind in KINDS.items()}


def all_codes() -> list[Code]:
    """Every finding code of every stage and kind (importing a kind registers its rules),
    in code order."""
    return declared_codes()
