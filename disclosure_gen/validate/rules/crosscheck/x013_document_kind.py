from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.validate.context import RuleContext
from disclosure_gen.validate.findings import Finding, Severity
from disclosure_gen.validate.registry import get, rule


@rule("X013", Severity.ERROR, "暂不支持的公开类型")
def document_kind(ctx: RuleContext) -> Iterator[Finding]:
    """The workbook asks for a final-accounts disclosure (决算公开); this version generates
    budget disclosures (预算公开) only, and would otherwise print a budget document."""
    p = ctx.model.profile
    if p.document != "budget":
        yield get("X013").finding(
            "本版本只能生成预算公开；决算公开将在后续版本支持。请把“公开类型”改为“预算公开”。",
            p.sheet,
            p.cell("document"),
        )
