from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.validate.lines import OPERATING, PERSONNEL, LinesContext, row_key
from disclosure_gen.validate.registry import rule
from disclosure_gen.validate.rules import BOTH

PERSONNEL_CLASSES = ("301", "303")
OPERATING_CLASSES = ("302", "310", "399")


@rule("C006", Severity.WARNING, "支出类型与经济分类不符", BOTH)
def kind_economic_class(ctx: LinesContext) -> Iterator[Finding]:
    """人员经费 are 301 工资福利支出 and 303 对个人和家庭的补助; 公用经费 are 302 商品和服务支出
    (and 310 资本性支出, 399 其他支出). A line whose kind and economic class disagree puts
    money in the wrong column of 表6 and in the wrong list of section 六."""
    for line in ctx.coded_lines():
        if line.economic is None:
            continue
        econ_class = line.economic[:3]
        if line.kind == PERSONNEL and econ_class not in PERSONNEL_CLASSES:
            expected = "301 或 303"
        elif line.kind == OPERATING and econ_class not in OPERATING_CLASSES:
            expected = "302"
        else:
            continue
        yield get("C006").finding(
            f"支出类型“{'人员经费' if line.kind == PERSONNEL else '公用经费'}”一般使用经济分类 {expected} 类，"
            f"本行是 {line.economic}；请核对支出类型或经济分类。",
            line.sheet,
            line.cell("kind"),
            row_key(line),
        )
