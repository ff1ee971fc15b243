from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from disclosure_gen.catalogs import Catalog, economic_catalog, function_catalog
from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.validate.lines import CodedRow, LinesContext, row_key
from disclosure_gen.validate.registry import rule
from disclosure_gen.validate.rules import BOTH


def same_name(typed: str, official: str) -> bool:
    fold = unicodedata.normalize
    return fold("NFKC", typed).strip() == fold("NFKC", official).strip()


@rule("C003", Severity.WARNING, "科目名称与编码不符", BOTH)
def code_name_mismatch(ctx: LinesContext) -> Iterator[Finding]:
    """The name typed beside a code differs from the catalog's name for that code (a sign
    that the wrong code was picked). The catalog's name is what the document prints.
    Names compare after NFKC folding on both sides (the reader folds what was typed, so
    the dropdown's own “30213 维修（护）费” must not differ from the catalog's)."""
    functions = function_catalog(ctx.year)
    economic = economic_catalog()
    named: list[tuple[CodedRow, str, str | None, str | None, Catalog]] = []
    for line in ctx.coded_lines():
        named.append((line, "function", line.function, line.function_name, functions))
        named.append((line, "economic", line.economic, line.economic_name, economic))
    for row in ctx.other_coded_rows():
        named.append((row, "function", row.function, row.function_name, functions))
    for record, key, code, typed, catalog in named:
        official = catalog.name(code) if code else None
        if typed and official and not same_name(typed, official):
            yield get("C003").finding(
                f"编码 {code} 的名称应为“{official}”，表中写的是“{typed}”；请核对编码是否选错。",
                record.sheet,
                record.cell(key),
                row_key(record),
            )
    for purpose in ctx.named_classes():
        official = functions.name(purpose.function_class)
        typed = purpose.function_class_name
        if typed and official and not same_name(typed, official):
            yield get("C003").finding(
                f"编码 {purpose.function_class} 的名称应为“{official}”，表中写的是“{typed}”；请核对。",
                purpose.sheet,
                purpose.cell("function_class"),
            )
