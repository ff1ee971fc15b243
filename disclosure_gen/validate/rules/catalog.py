"""Catalog rules: codes exist in the year's catalog, names match, kinds fit the codes."""

from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.catalogs import catalog_year_for, economic_catalog, function_catalog
from disclosure_gen.model.budget import Disclosure
from disclosure_gen.validate.findings import Finding, Severity
from disclosure_gen.validate.registry import get, rule

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


def _additions(model: Disclosure, kind: str) -> dict[str, str]:
    return {a.code: a.name for a in model.additions if a.kind == kind}


@rule("C001", E, "功能分类科目不存在")
def unknown_function_code(model: Disclosure) -> Iterator[Finding]:
    """An expenditure line uses a function code that is neither a 7-digit 项 of the year's
    catalog nor added on sheet 补充科目. Pick the code from the dropdown, or add it there."""
    catalog = function_catalog(model.profile.year)
    extra = _additions(model, "function")
    for line in model.lines:
        if len(line.function) != 7:
            yield get("C001").finding(
                f"功能分类“{line.function}”不是 7 位项级编码；请填写到“项”，如 2080502。",
                line.sheet,
                line.cell("function"),
                f"第 {line.row} 行",
            )
        elif line.function not in catalog and line.function not in extra:
            yield get("C001").finding(
                f"功能分类 {line.function} 不在 {catalog.year} 年科目目录中；请核对编码，"
                "确为当年新增科目的请在“补充科目”表中补充名称。",
                line.sheet,
                line.cell("function"),
                f"第 {line.row} 行",
            )


@rule("C002", E, "经济分类科目不存在")
def unknown_economic_code(model: Disclosure) -> Iterator[Finding]:
    """An expenditure line uses an economic code that is not a 5-digit 款 of the department
    economic classification (部门预算支出经济分类) nor added on sheet 补充科目."""
    catalog = economic_catalog()
    extra = _additions(model, "economic")
    for line in model.lines:
        if len(line.economic) != 5 or (line.economic not in catalog and line.economic not in extra):
            yield get("C002").finding(
                f"经济分类“{line.economic}”不是部门预算支出经济分类的 5 位款级编码；请从下拉列表中选择。",
                line.sheet,
                line.cell("economic"),
                f"第 {line.row} 行",
            )


@rule("C003", W, "科目名称与编码不符")
def code_name_mismatch(model: Disclosure) -> Iterator[Finding]:
    """The name typed beside a code differs from the catalog's name for that code (a sign
    that the wrong code was picked). The catalog's name is used in the document."""
    functions = function_catalog(model.profile.year)
    economic = economic_catalog()
    for line in model.lines:
        for key, code, typed, catalog in (
            ("function", line.function, line.function_name, functions),
            ("economic", line.economic, line.economic_name, economic),
        ):
            official = catalog.name(code)
            if typed and official and typed != official:
                yield get("C003").finding(
                    f"编码 {code} 的名称应为“{official}”，表中写的是“{typed}”；请核对编码是否选错。",
                    line.sheet,
                    line.cell(key),
                    f"第 {line.row} 行",
                )


@rule("C004", W, "使用了补充科目")
def added_codes(model: Disclosure) -> Iterator[Finding]:
    """A code was added on sheet 补充科目. It is used, but check that it is valid for the
    budget year (the shipped catalog does not know it)."""
    functions = function_catalog(model.profile.year)
    economic = economic_catalog()
    for a in model.additions:
        catalog = functions if a.kind == "function" else economic
        if a.code in catalog:
            continue
        yield get("C004").finding(
            f"补充科目 {a.code} {a.name} 不在内置目录中，已按补充内容使用；请确认它是 {a.code and catalog_year_for(model.profile.year)} 年有效科目。",
            a.sheet,
            a.cell("code"),
            f"第 {a.row} 行",
        )


@rule("C005", E, "经济分类不能用于基本支出")
def project_only_economic(model: Disclosure) -> Iterator[Finding]:
    """Basic expenditure (人员经费/公用经费) uses an economic code that is project-only
    (e.g. 309 资本性支出（基本建设）, 311 对企业补助（基本建设）)."""
    catalog = economic_catalog()
    for line in model.lines:
        if (
            line.kind != "project"
            and line.economic in catalog
            and line.economic not in catalog.basic_allowed
        ):
            yield get("C005").finding(
                f"经济分类 {line.economic} {catalog.name(line.economic)} 只能用于项目支出；请把支出类型改为“项目支出”或更换经济分类。",
                line.sheet,
                line.cell("kind"),
                f"第 {line.row} 行",
            )
