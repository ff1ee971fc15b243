from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.validate.lines import LinesContext, coded_rows, did_you_mean, row_key
from disclosure_gen.validate.registry import rule
from disclosure_gen.validate.rules import BOTH


@rule("X015", Severity.ERROR, "预算单位不在下属单位表中", BOTH)
def unknown_unit(ctx: LinesContext) -> Iterator[Finding]:
    """The 预算单位 of a line must be left empty (本级) or name the reporting unit or one of
    the units on sheet 下属单位; otherwise a department's 表7 and 表11, grouped by unit,
    could not place the line. A name that differs from a known one only in full-width/
    half-width characters or spaces is refused too (the tables would print two units), and
    the message names the one meant."""
    known = {ctx.own_name, *ctx.unit_names}
    for line in coded_rows(ctx):
        if line.unit and line.unit not in known:
            yield get("X015").finding(
                f"预算单位“{line.unit}”既不是本级，也不在“下属单位”表中；{did_you_mean(line.unit, known)}"
                "请核对名称（须与“下属单位”表完全一致），或在“下属单位”表中增加该单位（本级留空）。",
                line.sheet,
                line.cell("unit"),
                row_key(line),
            )
