from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.validate.lines import LinesContext
from disclosure_gen.validate.registry import rule
from disclosure_gen.validate.rules import BOTH


@rule("C007", Severity.ERROR, "补充科目不在已有的类、款之下", BOTH)
def addition_parent(ctx: LinesContext) -> Iterator[Finding]:
    """An added code must sit under an existing class and section: a 项 (7 digits) under a
    款 (5 digits) of the catalog, a 款 under a 类 (3 digits); otherwise the tables cannot
    place it (an item under the wrong or a missing class)."""
    functions, economic = ctx.functions, ctx.economic  # additions merged in
    for a in ctx.additions:
        catalog, lengths = (functions, (3, 5, 7)) if a.kind == "function" else (economic, (3, 5))
        if not a.code.isdigit() or len(a.code) not in lengths:
            message = (
                f"补充科目编码“{a.code}”应为 {'/'.join(str(n) for n in lengths)} 位数字；请改正。"
            )
        else:
            parents = [a.code[:n] for n in lengths if n < len(a.code)]
            missing = [p for p in parents if p not in catalog]
            if not missing:
                continue
            message = f"补充科目 {a.code} 的上级科目 {missing[-1]} 不存在；请核对编码，或先补充其上级科目。"
        yield get("C007").finding(message, a.sheet, a.cell("code"), f"第 {a.row} 行")
