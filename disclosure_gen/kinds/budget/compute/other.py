"""Figures of 第三部分 十二 (procurement, state assets) converted to 万元, totals derived."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from disclosure_gen.kinds.budget.model import Assets, Procurement
from disclosure_gen.money import round2, yuan_to_wan


@dataclass(frozen=True)
class ProcurementFacts:
    total: Decimal
    goods: Decimal
    works: Decimal
    services: Decimal
    sme_reserved: Decimal
    small_micro_reserved: Decimal


@dataclass(frozen=True)
class AssetFacts:
    house_area: Decimal
    house_value: Decimal
    vehicles: int
    vehicles_value: Decimal
    car_general_count: int
    car_general_value: Decimal
    car_enforcement_count: int
    car_enforcement_value: Decimal
    car_other_count: int
    car_other_value: Decimal
    furniture_value: Decimal
    other_value: Decimal
    equipment_50: int
    equipment_100: int
    plan_vehicles: int
    plan_equipment_50: int
    plan_equipment_100: int


def procurement_facts(p: Procurement) -> ProcurementFacts:
    """Parts are rounded first and the total is their sum, so the sentence adds up."""
    goods, works, services = (yuan_to_wan(v) for v in (p.goods, p.works, p.services))
    return ProcurementFacts(
        goods + works + services,
        goods,
        works,
        services,
        yuan_to_wan(p.sme_reserved),
        yuan_to_wan(p.small_micro_reserved),
    )


def asset_facts(a: Assets) -> AssetFacts:
    cars = (
        yuan_to_wan(a.car_general_value),
        yuan_to_wan(a.car_enforcement_value),
        yuan_to_wan(a.car_other_value),
    )
    return AssetFacts(
        house_area=round2(a.house_area),
        house_value=yuan_to_wan(a.house_value),
        vehicles=a.car_general_count + a.car_enforcement_count + a.car_other_count,
        vehicles_value=sum(cars, Decimal(0)),
        car_general_count=a.car_general_count,
        car_general_value=cars[0],
        car_enforcement_count=a.car_enforcement_count,
        car_enforcement_value=cars[1],
        car_other_count=a.car_other_count,
        car_other_value=cars[2],
        furniture_value=yuan_to_wan(a.furniture_value),
        other_value=yuan_to_wan(a.other_value),
        equipment_50=a.equipment_50,
        equipment_100=a.equipment_100,
        plan_vehicles=a.plan_vehicles,
        plan_equipment_50=a.plan_equipment_50,
        plan_equipment_100=a.plan_equipment_100,
    )
