"""Cross-checks: what the workbook states must agree with itself and with what is derived."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from decimal import Decimal

from disclosure_gen.catalogs import function_catalog
from disclosure_gen.model.budget import Disclosure
from disclosure_gen.validate.findings import Finding, Severity
from disclosure_gen.validate.registry import get, rule
from disclosure_gen.workbook.schema import FIXED_COMPARISONS, FUNCTION_COMPARISON_PREFIX

E, W = Severity.ERROR, Severity.WARNING
ALLOWED_WEIGHT_SUMS = (Decimal(100), Decimal(90))


@rule("X001", E, "项目支出缺少项目名称")
def project_line_without_name(model: Disclosure) -> Iterator[Finding]:
    """A 项目支出 line has no 项目名称; every project line must name its project."""
    for line in model.lines:
        if line.kind == "project" and not line.project:
            yield get("X001").finding(
                "支出类型为“项目支出”时必须填写项目名称；请填写与“项目信息”表一致的项目名称。",
                line.sheet,
                line.cell("project"),
                f"第 {line.row} 行",
            )


@rule("X002", E, "项目未在项目信息表中说明")
def project_without_description(model: Disclosure) -> Iterator[Finding]:
    """A project named on 支出明细 has no row on 项目信息, so section 七 cannot describe it."""
    described = {p.name for p in model.projects}
    reported: set[str] = set()
    for line in model.lines:
        if (
            line.kind == "project"
            and line.project
            and line.project not in described
            and line.project not in reported
        ):
            reported.add(line.project)
            yield get("X002").finding(
                f"项目“{line.project}”没有在“项目信息”表中填写政策依据等说明；请在“项目信息”表增加该项目（名称须完全一致）。",
                line.sheet,
                line.cell("project"),
                f"第 {line.row} 行",
            )


@rule("X003", W, "基本支出填写了项目名称")
def basic_line_with_project(model: Disclosure) -> Iterator[Finding]:
    """A basic (人员经费/公用经费) line names a project; the name is ignored."""
    for line in model.lines:
        if line.kind != "project" and line.project:
            yield get("X003").finding(
                f"基本支出行填写了项目名称“{line.project}”，该名称不会使用；如属项目支出请把支出类型改为“项目支出”。",
                line.sheet,
                line.cell("project"),
                f"第 {line.row} 行",
            )


@rule("X004", W, "绩效指标分值权重合计不符")
def target_weights(model: Disclosure) -> Iterator[Finding]:
    """The 分值权重 of one project's indicators should add up to 100 (or 90 where 10 points
    are kept for the budget execution rate)."""
    sums: dict[str, Decimal] = {}
    first: dict[str, tuple[str, str | None]] = {}
    for t in model.targets:
        sums[t.project] = sums.get(t.project, Decimal(0)) + t.weight
        first.setdefault(t.project, (t.sheet, t.cell("weight")))
    for project, weight in sums.items():
        if weight not in ALLOWED_WEIGHT_SUMS:
            sheet, cell = first[project]
            yield get("X004").finding(
                f"项目“{project}”的指标分值权重合计为 {weight.normalize():f}，应为 100（或 90，另 10 分为预算执行率）；请调整权重。",
                sheet,
                cell,
                project,
            )


@rule("X005", E, "绩效目标的项目不存在")
def target_without_project(model: Disclosure) -> Iterator[Finding]:
    """A performance target names a project that is not on sheet 项目信息."""
    described = {p.name for p in model.projects}
    for t in model.targets:
        if t.project not in described:
            yield get("X005").finding(
                f"绩效目标的项目“{t.project}”不在“项目信息”表中；请核对项目名称。",
                t.sheet,
                t.cell("project"),
                t.project,
            )


@rule("X006", E, "政府采购预留金额大于总额")
def procurement_reserves(model: Disclosure) -> Iterator[Finding]:
    """The amount reserved for SMEs cannot exceed the procurement total, and the part for
    small and micro enterprises cannot exceed the SME reserve."""
    p = model.procurement
    total = p.goods + p.works + p.services
    if p.sme_reserved > total:
        yield get("X006").finding(
            "面向中小企业预留金额大于政府采购预算合计（货物+工程+服务）；请核对。",
            p.sheet,
            p.cell("sme_reserved"),
        )
    if p.small_micro_reserved > p.sme_reserved:
        yield get("X006").finding(
            "小微企业预留金额大于面向中小企业预留金额；小微企业预留是其中的一部分，请核对。",
            p.sheet,
            p.cell("small_micro_reserved"),
        )


@rule("X007", E, "比较项目无法识别")
def unknown_comparison(model: Disclosure) -> Iterator[Finding]:
    """A row of 上年对比 names an item the document never compares (or a function code that
    is not a 项 of the catalog)."""
    catalog = function_catalog(model.profile.year)
    extra = {a.code for a in model.additions if a.kind == "function"}
    for c in model.comparisons:
        if c.item in FIXED_COMPARISONS:
            continue
        if c.item.startswith(FUNCTION_COMPARISON_PREFIX):
            code = c.item[len(FUNCTION_COMPARISON_PREFIX) :].strip().split(" ")[0]
            if len(code) == 7 and (code in catalog or code in extra):
                continue
        yield get("X007").finding(
            f"比较项目“{c.item[:40]}”无法识别；请从下拉列表中选择，功能科目写作“功能科目：2080502”。",
            c.sheet,
            c.cell("item"),
            f"第 {c.row} 行",
        )


@rule("X008", E, "比较项目重复")
def duplicate_comparison(model: Disclosure) -> Iterator[Finding]:
    """The same item appears twice on 上年对比 with a prior-year amount; keep one row."""
    counts = Counter(c.item for c in model.comparisons if c.prior is not None)
    seen: set[str] = set()
    for c in model.comparisons:
        if c.prior is not None and counts[c.item] > 1:
            if c.item in seen:
                yield get("X008").finding(
                    f"比较项目“{c.item}”重复填写；请只保留一行。",
                    c.sheet,
                    c.cell("item"),
                    f"第 {c.row} 行",
                )
            seen.add(c.item)


@rule("X009", W, "单位预算填写了下属单位")
def unit_with_subordinates(model: Disclosure) -> Iterator[Finding]:
    """A unit-level (单位) disclosure lists subordinate units; only a department has them."""
    if model.profile.level == "unit" and model.subordinate_units:
        first = model.subordinate_units[0]
        yield get("X009").finding(
            "公开主体为“单位”，但“下属单位”表有内容；单位预算说明中写“无下属预算单位”，请清空该表或把公开主体改为“部门”。",
            first.sheet,
            first.cell("name"),
        )


@rule("X010", W, "支出明细重复")
def duplicate_lines(model: Disclosure) -> Iterator[Finding]:
    """Two expenditure lines have the same codes, source, kind, project and unit; they are
    added together, but a copied row is the usual cause."""
    seen: dict[tuple[object, ...], int | None] = {}
    for line in model.lines:
        key = (line.function, line.economic, line.source, line.kind, line.project, line.unit)
        if key in seen:
            yield get("X010").finding(
                f"与第 {seen[key]} 行的科目、资金来源、支出类型和项目完全相同，将合并计算；如为重复录入请删除一行。",
                line.sheet,
                f"A{line.row}",
                f"第 {line.row} 行",
            )
        else:
            seen[key] = line.row
