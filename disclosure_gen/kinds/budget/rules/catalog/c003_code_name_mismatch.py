from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from disclosure_gen.catalogs import economic_catalog, function_catalog
from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.budget.context import BudgetContext
from disclosure_gen.kinds.budget.rules.common import row_key
from disclosure_gen.validate.registry import rule


def same_name(typed: str, official: str) -> bool:
    fold = unicodedata.normalize
    return fold("NFKC", typed).strip() == fold("NFKC", official).strip()


@rule("C003", Severity.WARNING, "科目名称与编码不符")
def code_name_mismatch(ctx: BudgetContext) -> Iterator[Finding]:
    """The name typed beside a code differs from the catalog's name for that code (a sign
    that the wrong code was picked). The catalog's name is what the document prints.
    Names compare after NFKC folding on both sides (the reader folds what was typed, so
    the dropdown's own “30213 维修（护）费” must not differ from the catalog's)."""
    functions = function_catalog(ctx.model.profile.year)
    economic = economic_catalog()
    for line in ctx.model.lines:
        for key, code, typed, catalog in (
            ("function", line.function, line.function_name, functions),
            ("economic", line.economic, line.economic_name, economic),
        ):
            official = catalog.name(code)
            if typed and official and not same_name(typed, official):
                yield get("C003").finding(
                    f"编码 {code} 的名称应为“{official}”，表中写的是“{typed}”；请核对编码是否选错。",
                    line.sheet,
                    line.cell(key),
                    row_key(line),
                )
    for purpose in ctx.model.purposes:
        official = functions.name(purpose.function_class)
        typed = purpose.function_class_name
        if typed and official and not same_name(typed, official):
            yield get("C003").finding(
                f"编码 {purpose.function_class} 的名称应为“{official}”，表中写的是“{typed}”；请核对。",
                purpose.sheet,
                purpose.cell("function_class"),
            )
