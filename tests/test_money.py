"""Decimal arithmetic: rounding, shares, and every case of a year-over-year change."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from disclosure_gen.money import (
    Change,
    format_amount,
    parse_decimal,
    percent,
    strip_reason_prefix,
    yuan_to_wan,
)


def test_yuan_to_wan_rounds_half_up_not_to_even() -> None:
    assert yuan_to_wan(D("12345")) == D("1.23")
    assert yuan_to_wan(D("12350")) == D("1.24")  # banker's rounding would give 1.24 too
    assert yuan_to_wan(D("12250")) == D("1.23")  # banker's rounding would give 1.22
    assert yuan_to_wan(D("1234567.89")) == D("123.46")


def test_float_cells_are_read_through_repr_not_binary_expansion() -> None:
    assert parse_decimal(0.1) == D("0.1")
    assert parse_decimal(1234567.89) == D("1234567.89")


@pytest.mark.parametrize(
    "text, value",
    [("1,234.50", D("1234.50")), (" 30 ", D(30)), ("１２３", D(123)), ("1 000", D(1000))],
)
def test_numbers_typed_as_text_are_normalised(text: str, value: D) -> None:
    assert parse_decimal(text) == value


@pytest.mark.parametrize("bad", ["abc", "1.2.3", "", "nan", "inf", True])
def test_non_numbers_are_rejected(bad: object) -> None:
    with pytest.raises(ValueError):
        parse_decimal(bad)


def test_percent_two_decimals_and_zero_whole() -> None:
    assert percent(D("68.52"), D("335.37")) == D("20.43")
    assert percent(D("5"), D("0")) == D("0.00")


def test_amounts_print_with_thousands_separator_and_blank_zero_in_tables() -> None:
    assert format_amount(D("30963.77")) == "30,963.77"
    assert format_amount(D("0"), blank_zero=True) == ""
    assert format_amount(D("0")) == "0.00"


@pytest.mark.parametrize(
    "current, prior, verb, rate_verb, amount, rate",
    [
        ("335.37", "341.60", "减少", "下降", "6.23", "1.82"),  # decrease
        ("23.79", "22.23", "增加", "增长", "1.56", "7.02"),  # increase
        ("65.00", "65.00", "增加", "增长", "0.00", "0.00"),  # unchanged
        ("0", "0", "增加", "增长", "0", "0.00"),  # 0 → 0
        ("12.00", "0", "增加", "增长", "12.00", "100.00"),  # 0 → X
        ("0", "0.50", "减少", "下降", "0.50", "100.00"),  # X → 0
    ],
)
def test_change_direction_amount_and_rate(
    current: str, prior: str, verb: str, rate_verb: str, amount: str, rate: str
) -> None:
    change = Change(D(current), D(prior))
    assert (change.verb, change.rate_verb) == (verb, rate_verb)
    assert change.amount == D(amount)
    assert change.rate == D(rate)


def test_reason_prefix_and_final_stop_are_stripped() -> None:
    assert strip_reason_prefix("主要原因是人员减少。") == "人员减少"
    assert strip_reason_prefix(" 人员减少 ") == "人员减少"
