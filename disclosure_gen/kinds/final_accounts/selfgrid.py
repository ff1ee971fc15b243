"""The 部门整体支出绩效自评表 and 项目支出绩效自评表 as grids."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from disclosure_gen.kinds.final_accounts.compute.selfeval import Evaluation
from disclosure_gen.kinds.final_accounts.model import Indicator
from disclosure_gen.money import format_amount, round2
from disclosure_gen.render.layout import Grid, GridCell


def _n(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _score(value: Decimal) -> str:
    return f"{round2(value):.2f}分"


def _b(text: str, span: int = 1, rows: int = 1) -> GridCell:
    return GridCell(text, colspan=span, rowspan=rows, bold=True)


def _indicators(items: Sequence[Indicator], project: bool) -> list[tuple[GridCell, ...]]:
    out = []
    for i, t in enumerate(items):
        row: list[GridCell] = []
        for level in (1, 2):

            def key(x: Indicator, lv: int = level) -> tuple[str, ...]:
                return (x.level1,) if lv == 1 else (x.level1, x.level2)

            if i > 0 and key(items[i - 1]) == key(t):
                continue
            span = 1
            while i + span < len(items) and key(items[i + span]) == key(t):
                span += 1
            row.append(GridCell(t.level1 if level == 1 else t.level2, rowspan=span))
        row += [GridCell(t.level3, align="l"), GridCell(t.target)]
        if not project:
            row.append(GridCell(t.basis or "", align="l"))
        row += [GridCell(t.achieved), GridCell(_n(t.weight)), GridCell(_n(t.score))]
        if project:
            row.append(GridCell(t.deviation or "", align="l"))
        out.append(tuple(row))
    return out


def _goal_rows(e: Evaluation, done: str) -> tuple[tuple[GridCell, ...], ...]:
    """年度总体目标 as full-width rows (label, then text): a goal of a page or more splits
    across pages, which a row with a spanning label beside two text cells cannot."""
    return (
        (_b("年度总体目标：预期目标", 8),),
        (GridCell(e.goal, colspan=8, align="l"),),
        (_b(f"年度总体目标：{done}", 8),),
        (GridCell(e.result, colspan=8, align="l"),),
    )


def department_grid(e: Evaluation, unit: str, rate_places: int = 2) -> Grid:
    head = (
        (_b("部门名称", 2), GridCell(unit, colspan=6, continued=True)),
        (
            _b("部门资金（万元）", 1, 2 + len(e.parts)),
            _b("资金来源"),
            _b("年初预算数"),
            _b("全年预算数"),
            _b("全年执行数"),
            _b("分值权重"),
            _b("执行率"),
            _b("得分"),
        ),
        (
            _b("年度总资金"),
            *(GridCell(format_amount(v), align="r") for v in e.total),
            GridCell(_n(e.rate_weight)),
            GridCell(f"{e.rate_at(rate_places):f}%"),
            GridCell(_score(e.rate_score)),
        ),
        *(
            (
                _b(name),
                *(GridCell(format_amount(v), align="r") for v in funds),
                GridCell("—"),
                GridCell("—"),
                GridCell("—"),
            )
            for name, funds in e.parts
        ),
        *_goal_rows(e, "实际完成目标"),
    )
    columns = (
        tuple(
            _b(c)
            for c in (
                "一级指标",
                "二级指标",
                "三级指标",
                "预期指标值",
                "指标值设定依据",
                "实际完成指标值",
                "分值权重",
                "得分",
            )
        ),
    )
    body = (
        *_indicators(e.indicators, project=False),
        (_b("总分", 6), GridCell(_n(e.weight)), GridCell(_score(e.score))),
    )
    return Grid(
        widths=(12, 12, 16, 12, 16, 12, 10, 10),
        lead=head,  # printed once; only the column titles repeat on a continuation page
        header=columns,
        body=tuple(body),
        landscape=True,
        font="small",
    )


def project_grid(e: Evaluation, rate_places: int = 2) -> Grid:
    head = (
        (_b("项目名称", 2), GridCell(e.name, colspan=6, continued=True)),
        (
            _b("主管部门", 2),
            GridCell(e.department, colspan=2),
            _b("实施单位"),
            GridCell(e.implementer, colspan=3),
        ),
        (
            _b("项目资金（万元）", 1, 2 + len(e.parts)),
            _b(""),
            _b("年初预算数"),
            _b("全年预算数"),
            _b("全年执行数"),
            _b("分值"),
            _b("执行率"),
            _b("得分"),
        ),
        (
            _b("年度资金总额"),
            *(GridCell(format_amount(v), align="r") for v in e.total),
            GridCell(_n(e.rate_weight)),
            GridCell(f"{e.rate_at(rate_places):f}%"),
            GridCell(_score(e.rate_score)),
        ),
        *(
            (
                _b(name),
                *(GridCell(format_amount(v), align="r") for v in funds),
                GridCell("—"),
                GridCell("—"),
                GridCell("—"),
            )
            for name, funds in e.parts
        ),
        *_goal_rows(e, "实际完成情况"),
        (_b("年度绩效指标完成情况", 8),),
    )
    columns = (
        tuple(
            _b(c)
            for c in (
                "一级指标",
                "二级指标",
                "三级指标",
                "年度指标值",
                "实际完成值",
                "分值",
                "得分",
                "偏差原因分析及改进措施",
            )
        ),
    )
    body = (
        *_indicators(e.indicators, project=True),
        (_b("总分", 5), GridCell(_n(e.weight)), GridCell(_score(e.score)), GridCell("")),
    )
    return Grid(
        widths=(12, 12, 18, 12, 12, 8, 10, 16),
        lead=head,  # printed once; only the column titles repeat on a continuation page
        header=columns,
        body=tuple(body),
        landscape=True,
        font="small",
    )
