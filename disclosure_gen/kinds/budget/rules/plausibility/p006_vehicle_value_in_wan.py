from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.budget.context import BudgetContext
from disclosure_gen.validate.registry import rule

NO_VEHICLE_COSTS_LESS = Decimal(1_000)  # 元: below this a value is 万元 typed into 元


@rule("P006", Severity.ERROR, "车辆价值按万元填写")
def vehicle_value_in_wan(ctx: BudgetContext) -> Iterator[Finding]:
    """Vehicles whose value averages under 1,000 元 each: the value was typed in 万元 into
    a 元 cell (the document would print it 10,000 times too small, as published documents
    print 元 labelled 万元). The evidence is clear, so this blocks generation."""
    a = ctx.model.assets
    for kind, label in (
        ("general", "一般公务用车"),
        ("enforcement", "执法执勤用车"),
        ("other", "其他车辆"),
    ):
        count: int = getattr(a, f"car_{kind}_count")
        value: Decimal = getattr(a, f"car_{kind}_value")
        if count and value and value / count < NO_VEHICLE_COSTS_LESS:
            yield get("P006").finding(
                f"{label} {count} 辆只值 {value} 元，平均每辆不到 {NO_VEHICLE_COSTS_LESS} 元："
                f"这是按万元填写的；请以元填写（如 {value} 万元应填 {value * 10000} 元）。",
                a.sheet,
                a.cell(f"car_{kind}_value"),
            )
