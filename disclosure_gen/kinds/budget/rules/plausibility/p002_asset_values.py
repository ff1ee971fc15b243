from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.budget.context import BudgetContext
from disclosure_gen.kinds.budget.rules.plausibility.p006_vehicle_value_in_wan import (
    NO_VEHICLE_COSTS_LESS,
)
from disclosure_gen.validate.registry import rule

MAX_VEHICLE = Decimal(5_000_000)  # 元 per vehicle
MIN_VEHICLE = Decimal(10_000)


@rule("P002", Severity.WARNING, "资产价值不合常理")
def asset_values(ctx: BudgetContext) -> Iterator[Finding]:
    """A vehicle worth more than 500 万元 or less than 1 万元 on average, vehicles counted
    without value (or valued without count), or furniture worth more than all other assets
    together: usually 元 and 万元 were mixed up, or a figure went into the wrong row."""
    a = ctx.model.assets
    for kind, label in (
        ("general", "一般公务用车"),
        ("enforcement", "执法执勤用车"),
        ("other", "其他车辆"),
    ):
        count: int = getattr(a, f"car_{kind}_count")
        value: Decimal = getattr(a, f"car_{kind}_value")
        if count and value / count < NO_VEHICLE_COSTS_LESS:
            continue  # plainly 万元: P006 says so, as an error
        if count and not MIN_VEHICLE <= value / count <= MAX_VEHICLE:
            yield get("P002").finding(
                f"{label} {count} 辆、价值 {value} 元，平均每辆 {(value / count).quantize(Decimal(1))} 元，"
                "不合常理；价值应以元填写，请核对。",
                a.sheet,
                a.cell(f"car_{kind}_value"),
            )
        elif value and not count:
            yield get("P002").finding(
                f"{label}有价值 {value} 元但数量为 0；请核对数量。",
                a.sheet,
                a.cell(f"car_{kind}_count"),
            )
    others = (
        a.house_value
        + a.car_general_value
        + a.car_enforcement_value
        + a.car_other_value
        + a.other_value
    )
    if a.furniture_value > others > 0:
        yield get("P002").finding(
            "办公家具价值大于房屋、车辆和其他资产价值之和，不合常理；请核对是否填错行或单位。",
            a.sheet,
            a.cell("furniture_value"),
        )
