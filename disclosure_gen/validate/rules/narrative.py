"""Narrative completeness: every change the document states has a prior-year figure and a
reason that agrees with its direction; no placeholder text is left in."""

from __future__ import annotations

import re
from collections.abc import Iterator

from disclosure_gen.compute.facts import Figure
from disclosure_gen.compute.run import compute
from disclosure_gen.compute.sources import INCOME_GROUPS
from disclosure_gen.model.budget import Disclosure, Located
from disclosure_gen.validate.findings import Finding, Severity
from disclosure_gen.validate.registry import get, rule
from disclosure_gen.workbook.schema import COMPARISONS, FUNCTION_COMPARISON_PREFIX

E, W = Severity.ERROR, Severity.WARNING
UP_WORDS = ("增加", "增长", "上升", "提高", "新增", "上调", "增多")
DOWN_WORDS = ("减少", "下降", "降低", "压缩", "缩减", "下调", "减员")
PLACEHOLDER_RE = re.compile(r"X{2,}|x{2,}|×{2,}|＊{2,}|\*{2,}|某某|待填|TODO", re.IGNORECASE)


def stated_changes(model: Disclosure) -> Iterator[tuple[str, Figure]]:
    """(comparison item, figure) for every figure whose change the document states."""
    facts = compute(model).facts
    for (_, _, item, _), figure in zip(INCOME_GROUPS, facts.income, strict=True):
        if figure.amount:
            yield item, figure
    yield "支出：基本支出", facts.basic
    yield "支出：项目支出", facts.project
    yield "一般公共预算：基本支出", facts.general_basic
    yield "一般公共预算：项目支出", facts.general_project
    for function_item in facts.general_items:
        yield FUNCTION_COMPARISON_PREFIX + function_item.code, function_item.figure
    for figure in facts.three_public_items:
        yield f"三公：{figure.name}", figure
    yield "运行经费", facts.running_costs


def _row(model: Disclosure, item: str) -> Located | None:
    return next((c for c in model.comparisons if c.item == item and c.prior is not None), None)


@rule("N001", E, "缺少上年预算数")
def missing_prior(model: Disclosure) -> Iterator[Finding]:
    """The document states a change against the prior year for this figure, but sheet
    上年对比 has no prior-year amount for it. Enter it (0 if there was none)."""
    for item, figure in stated_changes(model):
        if figure.change is None:
            row = next((c for c in model.comparisons if c.item == item), None)
            yield get("N001").finding(
                f"说明中要写“{item}”比上年的增减，但“上年对比”表没有它的上年预算数；请填写（上年没有的填 0）。",
                COMPARISONS.name,
                row.cell("prior") if row else None,
                item,
            )


@rule("N002", W, "变动缺少原因")
def missing_reason(model: Disclosure) -> Iterator[Finding]:
    """A figure changed against the prior year but no reason was given; the document would
    state the change without explaining it."""
    for item, figure in stated_changes(model):
        if figure.change is not None and not figure.change.unchanged and not figure.reason:
            row = _row(model, item)
            yield get("N002").finding(
                f"“{item}”比上年{figure.change.verb}，但没有填写变动原因；请在“上年对比”表的“变动原因”列说明。",
                COMPARISONS.name,
                row.cell("reason") if row else None,
                item,
            )


def _direction(text: str) -> str | None:
    """The direction the last clause of a reason asserts, if it asserts exactly one."""
    last = re.split(r"[，,；;。]", text.strip("。；;，, "))[-1]
    up = any(w in last for w in UP_WORDS)
    down = any(w in last for w in DOWN_WORDS)
    if up == down:
        return None
    return "up" if up else "down"


@rule("N003", W, "原因与增减方向不符")
def reason_contradicts(model: Disclosure) -> Iterator[Finding]:
    """The conclusion of a reason says 增加/增长 while the figure decreased (or the reverse)."""
    for item, figure in stated_changes(model):
        change = figure.change
        if change is None or change.unchanged or not figure.reason:
            continue
        said = _direction(figure.reason)
        actual = "up" if change.delta > 0 else "down"
        if said and said != actual:
            row = _row(model, item)
            yield get("N003").finding(
                f"“{item}”比上年{change.verb} {change.amount} 万元，但原因的结论写的是{'增加' if said == 'up' else '减少'}；请核对上年数或原因。",
                COMPARISONS.name,
                row.cell("reason") if row else None,
                item,
            )


@rule("N004", W, "缺少功能类的“主要用于”")
def missing_purpose(model: Disclosure) -> Iterator[Finding]:
    """A function class has fiscal money but no “主要用于” text on sheet 功能类用途, so
    section 四 would name the class without saying what the money is for."""
    facts = compute(model).facts
    given = {p.function_class for p in model.purposes}
    for uses in facts.appropriation_classes.values():
        for use in uses:
            if use.code not in given:
                yield get("N004").finding(
                    f"功能类 {use.code} {use.name} 有财政拨款支出，但“功能类用途”表没有写主要用于什么；请补充一行。",
                    "功能类用途",
                    None,
                    use.code,
                )


@rule("N005", E, "残留占位文字")
def placeholders(model: Disclosure) -> Iterator[Finding]:
    """A text still holds placeholder text such as XX, ××, 某某 or 待填."""
    records: list[Located] = [
        model.profile,
        *model.projects,
        *model.comparisons,
        *model.purposes,
        *model.divisions,
        *model.targets,
    ]
    for record in records:
        for key, value in record.model_dump().items():
            if key in {"sheet", "row", "cells"} or not isinstance(value, str):
                continue
            if PLACEHOLDER_RE.search(value):
                yield get("N005").finding(
                    f"“{value[:30]}”含有占位文字（如 XX、××、某某）；请替换为实际内容。",
                    record.sheet,
                    record.cell(key),
                    key,
                )
