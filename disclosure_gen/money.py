"""Decimal arithmetic for amounts and percentages; no float ever touches money.

Rounding rule (documented in README): amounts are entered in 元 and shown in 万元 with two
decimals (ROUND_HALF_UP).  Every total is the sum of displayed lines, so a displayed total
always equals the sum of its displayed parts, in every table and every sentence.  The lines
are not rounded one by one but together (尾差调整, ``disclosure_gen.compute.rounding``): the
grand total is the 元-exact total rounded once, each funding source and the basic/project
totals are the floor or ceiling of their exact totals (their own rounding wherever the grand
total allows), and each line stays within 0.01 万元 of its own rounding.  Single figures
(a prior-year amount, an asset value) are rounded once with :func:`yuan_to_wan`.
Percentages are computed from the displayed 万元 figures, so a reader with a calculator gets
the printed result.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
TEN_THOUSAND = Decimal(10000)
ZERO = Decimal(0)
HUNDRED = Decimal(100)


def round2(value: Decimal) -> Decimal:
    """Round to two decimals, half up (the rule of Chinese financial statements)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def yuan_to_wan(yuan: Decimal) -> Decimal:
    """Convert 元 to 万元 with two decimals."""
    return round2(yuan / TEN_THOUSAND)


def yuan_to_wan_exact(yuan: Decimal) -> Decimal:
    """Convert 元 to 万元 exactly (no rounding): the input of 尾差调整."""
    return yuan.scaleb(-4)


def clean_number_text(text: str) -> str:
    """Normalise a number typed as text: full-width digits, spaces, thousands separators."""
    folded = unicodedata.normalize("NFKC", text).strip()
    return folded.replace(",", "").replace(" ", "").replace("\u00a0", "")


def parse_decimal(value: object) -> Decimal:
    """Turn a cell value into a Decimal; raise ValueError with a reason if impossible.

    ``float`` cell values (openpyxl returns them for numeric cells) are read at Excel's own
    precision, 15 significant digits: 0.1 stays 0.1 (not 0.1000000000000000055) and a
    formula's 3703.6800000000003 is the 3703.68 Excel shows.
    """
    if isinstance(value, bool):
        raise ValueError("是/否值不是数字")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        result = Decimal(f"{value:.15g}")
    elif isinstance(value, str):
        try:
            result = Decimal(clean_number_text(value))
        except InvalidOperation as exc:
            raise ValueError(f"“{value[:20]}”不是数字") from exc
    else:
        raise ValueError(f"{type(value).__name__} 不是数字")
    if not result.is_finite():
        raise ValueError("不是有限的数字")
    return result


def percent(part: Decimal, whole: Decimal) -> Decimal:
    """Share of ``part`` in ``whole`` in percent, two decimals; 0 when the whole is 0."""
    if whole == ZERO:
        return round2(ZERO)
    return round2(part * HUNDRED / whole)


def format_amount(value: Decimal, blank_zero: bool = False) -> str:
    """Format 万元 as ``1,234.56``; optionally blank for zero (as tables print it)."""
    if blank_zero and value == ZERO:
        return ""
    return f"{round2(value):,.2f}"


def format_amount_or_zero(value: Decimal) -> str:
    """``0`` for zero, else ``1,234.56``: the seeds' style inside some sentences."""
    if value == ZERO:
        return "0"
    return format_amount(value)


@dataclass(frozen=True)
class Change:
    """A year-over-year change between two displayed 万元 figures.

    Conventions (BRIEF §5): 0 → 0 is "增加 0.00 万元，增长 0.00%"; 0 → X is "增长 100.00%";
    X → 0 is "下降 100.00%".
    """

    current: Decimal
    prior: Decimal

    @property
    def delta(self) -> Decimal:
        return self.current - self.prior

    @property
    def amount(self) -> Decimal:
        """Absolute size of the change in 万元."""
        return abs(self.delta)

    @property
    def increased(self) -> bool:
        """True for an increase or no change (the seeds say 增加 0.00 for no change)."""
        return self.delta >= ZERO

    @property
    def unchanged(self) -> bool:
        return self.delta == ZERO

    @property
    def verb(self) -> str:
        """增加 or 减少: the change of an amount."""
        return "增加" if self.increased else "减少"

    @property
    def rate_verb(self) -> str:
        """增长 or 下降: the change of a rate."""
        return "增长" if self.increased else "下降"

    @property
    def rate(self) -> Decimal:
        """Absolute percentage change, two decimals."""
        if self.prior == ZERO:
            return round2(ZERO) if self.current == ZERO else round2(HUNDRED)
        return round2(abs(self.delta) * HUNDRED / self.prior)


REASON_PREFIXES = ("主要原因是", "主要原因：", "主要原因:", "原因是")


def strip_reason_prefix(reason: str) -> str:
    """A reason as the template wants it: without a typed “主要原因是” and final 。"""
    text = reason.strip()
    for prefix in REASON_PREFIXES:
        if text.startswith(prefix):
            text = text[len(prefix) :].strip()
            break
    return text.rstrip("。；;，, ")
