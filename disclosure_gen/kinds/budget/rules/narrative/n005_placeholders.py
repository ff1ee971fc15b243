from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.budget.context import BudgetContext
from disclosure_gen.records import Located
from disclosure_gen.validate.registry import rule

PLACEHOLDER_RE = re.compile(r"X{2,}|×{2,}|＊{2,}|\*{2,}|某某|待填|待补充|TODO", re.IGNORECASE)


@rule("N005", Severity.ERROR, "残留占位文字")
def placeholders(ctx: BudgetContext) -> Iterator[Finding]:
    """A text still holds placeholder text such as XX, ××, 某某 or 待填 copied from a
    template; the document would publish it."""
    m = ctx.model
    records: list[Located] = [
        m.profile,
        *m.divisions,
        *m.projects,
        *m.comparisons,
        *m.purposes,
        *m.targets,
    ]
    for record in records:
        for key, value in record.model_dump().items():
            if key in {"sheet", "row", "cells"} or not isinstance(value, str):
                continue
            if PLACEHOLDER_RE.search(unicodedata.normalize("NFKC", value)):  # ＸＸ too
                yield get("N005").finding(
                    f"“{value[:30]}”含有占位文字（如 XX、××、某某）；请替换为实际内容。",
                    record.sheet,
                    record.cell(key),
                    key,
                )
