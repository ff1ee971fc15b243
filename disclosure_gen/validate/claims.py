"""What a typed reason claims: changes of headcount, amounts and rates, and whether it
says that anything changed at all (shared by the budget's N003, N007 and N008 and the
final accounts' reason rules); plain text, so it knows no document kind."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

UP = ("增加", "增长", "上升", "提高", "新增", "上调", "增多", "调增", "调高", "扩大")
DOWN = ("减少", "下降", "降低", "压缩", "缩减", "下调", "减员", "调减", "调低", "核减")
CHANGE = ("调整", "变化", "变动", "调标", "普调", "增减")
VERB = "|".join(sorted((*UP, *DOWN), key=len, reverse=True))

# Phrases that say nothing changed; removed before looking for change words.
NO_CHANGE_RE = re.compile(
    r"(?:无|没有|未|不|未发生|没有发生)(?:变化|变动|增减|调整|增加|减少|增长|下降)"
    r"|不变|持平|维持(?:上年|原有|原来)?(?:水平|标准|不变)?|与上年(?:相同|一致|持平)"
    rf"|(?:{VERB})\s*了?\s*0(?:\.0+)?\s*(?:万元|元|%|％|人)"
)
HEADCOUNT_RE = re.compile(
    rf"(在职|退休|离休)(?:人员|人数|职工|干部)?\s*(?:共|合计)?\s*({VERB})\s*了?\s*(\d+)\s*(?:人|名)"
)
AMOUNT_RE = re.compile(rf"({VERB})\s*了?\s*(\d[\d,]*(?:\.\d+)?)\s*(万元|元)")
RATE_RE = re.compile(rf"({VERB})\s*了?\s*(\d+(?:\.\d+)?)\s*(?:%|％)")
OWN_CHANGE_RE = re.compile(r"(?:比|较|同比|与)上年")


def fold(reason: str) -> str:
    return unicodedata.normalize("NFKC", reason)


def verb_direction(verb: str) -> str:
    return "up" if verb in UP else "down"


def says_change(reason: str) -> bool:
    """Whether a reason speaks of a change at all, once “无变化”, “持平”, “增加0.00万元”
    and the like are set aside."""
    text = NO_CHANGE_RE.sub("", fold(reason))
    return any(word in text for word in (*UP, *DOWN, *CHANGE))


def without_no_change(reason: str) -> str:
    return NO_CHANGE_RE.sub("", fold(reason))


UP_WORDS = ("增加", "增长", "上升", "提高", "新增", "上调", "增多")
DOWN_WORDS = ("减少", "下降", "降低", "压缩", "缩减", "下调", "减员")


def direction(reason: str) -> str | None:
    """The direction the last clause of a reason asserts, if it asserts exactly one."""
    last = re.split(r"[，,；;。]", reason.strip("。；;，, "))[-1]
    up = any(w in last for w in UP_WORDS)
    down = any(w in last for w in DOWN_WORDS)
    if up == down:
        return None
    return "up" if up else "down"


@dataclass(frozen=True)
class Claim:
    text: str  # what was typed, e.g. “减少4人”
    direction: str  # up / down
    value: Decimal  # people, 万元 or percent
    tolerance: Decimal  # one unit of the last digit typed
    own: bool  # said of the figure itself (“比上年减少…”)


def _claim(match: re.Match[str], number: str, scale: Decimal, text: str) -> Claim:
    digits = number.replace(",", "")
    decimals = len(digits.partition(".")[2])
    start = max(0, match.start() - 12)
    return Claim(
        match.group(0),
        verb_direction(match.group(1)),
        Decimal(digits) * scale,
        Decimal(1).scaleb(-decimals) * scale,
        OWN_CHANGE_RE.search(text[start : match.start()]) is not None,
    )


def headcount_claims(reason: str) -> list[tuple[str, Claim]]:
    """(在职 / 退休 / 离休, claim) for every stated headcount change."""
    text = fold(reason)
    out = []
    for m in HEADCOUNT_RE.finditer(text):
        claim = Claim(m.group(0), verb_direction(m.group(2)), Decimal(m.group(3)), Decimal(1), True)
        out.append((m.group(1), claim))
    return out


def amount_claims(reason: str) -> list[Claim]:
    """Stated amounts of change, in 万元 (“增加10万元”, “减少125,000元”)."""
    text = fold(reason)
    return [
        _claim(m, m.group(2), Decimal(1) if m.group(3) == "万元" else Decimal("0.0001"), text)
        for m in AMOUNT_RE.finditer(text)
    ]


def rate_claims(reason: str) -> list[Claim]:
    """Stated rates of change in percent (“增长20%”)."""
    text = fold(reason)
    return [_claim(m, m.group(2), Decimal(1), text) for m in RATE_RE.finditer(text)]


def of_the_figure(claims: list[Claim]) -> list[Claim]:
    """The claims that speak of the figure's own change: those said “比上年…”, or the only
    one there is (a reason with several amounts and no “比上年” names its parts)."""
    own = [c for c in claims if c.own]
    if own:
        return own
    return claims if len(claims) == 1 else []


CENT = Decimal("0.01")


def contradicted(claim: Claim, actual: Decimal) -> bool:
    """Whether the stated size differs from the actual one by a unit of its last digit
    (“10万元” for 12.50, not “12万元”); figures stated to the cent or finer may be off by
    0.01, as each printed figure is rounded on its own."""
    difference = abs(claim.value - actual)
    return difference >= claim.tolerance if claim.tolerance > CENT else difference > CENT
