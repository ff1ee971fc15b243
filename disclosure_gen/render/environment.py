"""The one place that builds the jinja2 Environment for every template.

StrictUndefined (a typo in a template fails loudly instead of printing nothing), a search
path that puts a user's template folder before the packaged one, every filter registered
here, autoescape for HTML/XML templates.  The text template that phrases the document
(``content.j2``) is not escaped: its output is data that each format escapes itself.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from disclosure_gen.money import format_amount, format_amount_or_zero, round2


def packaged_templates() -> Path:
    """Templates inside the installed wheel, or the repository's templates/ folder."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "templates", here.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("templates folder not found beside the disclosure_gen package")


def amount(value: Decimal) -> str:
    """万元 with thousands separators and two decimals: 30,963.77."""
    return format_amount(value)


def amount0(value: Decimal) -> str:
    """Like ``amount`` but a bare 0 for zero, as some sentences of the seeds print it."""
    return format_amount_or_zero(value)


def pct(value: Decimal) -> str:
    """A percentage with two decimals, without the % sign: 20.43."""
    return f"{round2(value):,.2f}"


def cn_date(value: dt.date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


CN_NUMERALS = "零一二三四五六七八九十"


def cn_number(value: int) -> str:
    """1 → 一, 12 → 十二, 105 → 一百零五, 110 → 一百一十 (section numbering, up to 9999)."""
    if value < 0 or value > 9999:
        return str(value)
    if value <= 10:
        return CN_NUMERALS[value]
    if value < 20:
        return "十" + (CN_NUMERALS[value - 10] if value > 10 else "")
    out = ""
    zero = False
    for unit, size in (("千", 1000), ("百", 100), ("十", 10), ("", 1)):
        digit, value = divmod(value, size)
        if digit:
            out += ("零" if zero and out else "") + CN_NUMERALS[digit] + unit
            zero = False
        elif out:
            zero = True
    return out


def build_environment(user_templates: Path | None = None) -> Environment:
    search = [str(user_templates)] if user_templates else []
    search.append(str(packaged_templates()))
    env = Environment(
        loader=FileSystemLoader(search),
        undefined=StrictUndefined,
        autoescape=select_autoescape(enabled_extensions=("html", "xml"), default_for_string=False),
        keep_trailing_newline=False,
    )
    env.filters.update(
        amount=amount,
        amount0=amount0,
        pct=pct,
        cn_date=cn_date,
        cn_number=cn_number,
    )
    return env
