from __future__ import annotations

from collections.abc import Iterator

from disclosure_gen.findings import Finding, Severity, get
from disclosure_gen.kinds.final_accounts.context import FinalAccountsContext
from disclosure_gen.kinds.final_accounts.schema import ASSETS
from disclosure_gen.validate.registry import rule


@rule("A023", Severity.WARNING, "公务用车保有量与国有资产车辆数不符", kinds=("final_accounts",))
def cars_held_differs(ctx: FinalAccountsContext) -> Iterator[Finding]:
    """The 公务用车保有量 of the 三公 section and the vehicles of 国有资产 (the eight kinds
    added up) are both printed; where they differ the document must say why, in
    固定资产车辆与公务用车保有量差异原因 (vehicles not paid from fiscal money, vehicles
    awaiting disposal). Without it a reader sees two counts that disagree."""
    t, assets = ctx.model.three_public, ctx.model.assets
    if t.cars_held != assets.vehicles and not (t.vehicle_reason or "").strip():
        yield get("A023").finding(
            f"公务用车保有量 {t.cars_held} 辆，而“{ASSETS.name}”中车辆合计 {assets.vehicles} 辆；"
            "请核对两处数量，或在“固定资产车辆与公务用车保有量差异原因”中说明差异。",
            t.sheet,
            t.cell("cars_held"),
        )
