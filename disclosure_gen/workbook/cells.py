"""Turn one raw cell value into a typed value, or into findings that say why not."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from disclosure_gen.findings import Code, Finding
from disclosure_gen.money import clean_number_text, parse_decimal
from disclosure_gen.render.fonts import undrawable
from disclosure_gen.workbook import codes
from disclosure_gen.workbook.schema import Field, FieldType

MAX_TEXT = 2000
MAX_LONG_TEXT = 8000
# Control characters, raw or as Excel stores them in XML (“_x0007_”).
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|_x00(?:0[0-8BbCcEeFf]|1[0-9A-Fa-f])_")
INVISIBLE_RE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")  # left by copying from web pages
# Excel escapes a character it cannot store in XML as “_xHHHH_”; openpyxl leaves them as is.
ESCAPE_RE = re.compile(r"_x([0-9A-Fa-f]{4})_")
# Embeddings, overrides and isolates: they reorder what is displayed (“Trojan source”).
BIDI_RE = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
MARKUP_RE = re.compile(
    r"</?(?:p|br|div|span|font|b|i|u|s|strong|em|table|tbody|thead|tr|td|th|li|ul|ol|h[1-6]"
    r"|a|img|sup|sub|style|script|o:p)(?:\s[^<>]*)?/?>"
    r"|&(?:nbsp|amp|lt|gt|quot|apos|ensp|emsp|middot|ldquo|rdquo|lsquo|rsquo|hellip|mdash"
    r"|#\d{1,7}|#x[0-9a-fA-F]{1,6});",
    re.IGNORECASE,
)
# Excel's cached error values, and what usually causes each.
EXCEL_ERRORS = {
    "#NULL!": "公式中的两个区域没有交集",
    "#DIV/0!": "公式除以了 0 或空单元格",
    "#VALUE!": "公式把文字当作数字计算",
    "#REF!": "公式引用的单元格或工作表已被删除",
    "#NAME?": "公式中的函数名或名称写错",
    "#NUM!": "公式的结果不是有效数字",
    "#N/A": "查找公式（如 VLOOKUP）没有找到对应的值",
    "#SPILL!": "数组公式的结果区域被其他内容占用",
    "#CALC!": "公式无法计算",
    "#GETTING_DATA": "外部数据尚未加载",
    "#FIELD!": "公式引用的字段不存在",
    "#BLOCKED!": "公式需要的功能被禁用",
    "#CONNECT!": "公式无法连接外部数据",
    "#BUSY!": "公式仍在计算",
    "#UNKNOWN!": "公式使用了本版 Excel 不支持的功能",
}
MAX_NUMBER = Decimal(10) ** 12  # 1 万亿: more than any unit's whole budget in 元
# Digit groups a number typed as text may carry: commas or spaces every three digits of the
# integer part (“1,234,567.89”, “1 234 567”), nothing inside the decimals.
SEPARATOR_RE = re.compile(r"[,\s\u00a0\u202f']")
GROUPED_RE = re.compile(r"^[+-]?\d{1,3}(?:(?P<sep>[,\s\u00a0\u202f'])\d{3})(?:(?P=sep)\d{3})*(?:\.\d*)?$")
NUMERIC_RE = re.compile(r"[+-]?\d[\d.,\s\u00a0\u202f']*")
CODE_RE = re.compile(r"^\s*(\d+)\s*(.*)$")
DATE_RE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


@dataclass
class CellContext:
    """Where a value sits, for the findings it may produce."""

    sheet: str
    cell: str
    label: str
    key: str | None = None
    findings: list[Finding] = field(default_factory=list)

    def add(self, code: Code, message: str) -> None:
        self.findings.append(code.finding(message, self.sheet, self.cell, self.key))


class Invalid(Exception):
    """The value is unusable; a finding has been recorded."""


def parse_cell(
    spec: Field, raw: object, ctx: CellContext, options: tuple[str, ...] = ()
) -> object:
    """Parse ``raw`` as ``spec`` says; return None for an empty cell, raise Invalid if bad.

    ``options`` are the values a dropdown (CHOICE) field accepts, from the kind's schema.
    """
    if isinstance(raw, str) and raw.strip().upper() in EXCEL_ERRORS:
        error = raw.strip().upper()
        ctx.add(
            codes.EXCEL_ERROR,
            f"“{ctx.label}”是 Excel 错误值 {error}（通常是{EXCEL_ERRORS[error]}）；"
            "请改正该单元格的公式，或直接填写正确的内容。",
        )
        raise Invalid
    if isinstance(raw, str):
        raw = _clean_text(raw, spec, ctx)
        if raw == "":
            raw = None
    if raw is None:
        if spec.required:
            ctx.add(codes.REQUIRED, f"“{ctx.label}”不能为空，请填写。")
            raise Invalid
        return None
    parser = _PARSERS[spec.type]
    return parser(spec, raw, ctx, options)


def _unescape(match: re.Match[str]) -> str:
    """The character an “_xHHHH_” stands for; a forbidden control character keeps its
    escape, so that CONTROL_RE reports it."""
    char = chr(int(match.group(1), 16))
    return match.group(0) if CONTROL_RE.fullmatch(char) else char


def _clean_text(text: str, spec: Field, ctx: CellContext) -> str:
    decoded = ESCAPE_RE.sub(_unescape, text)
    if decoded != text:
        shown = "、".join(dict.fromkeys(m.group(0) for m in ESCAPE_RE.finditer(text)))
        ctx.add(
            codes.EXCEL_ESCAPE,
            f"“{ctx.label}”含有 Excel 转义字符 {shown[:40]}（如 _x000D_ 表示换行），"
            "已还原为原来的字符；请核对文字。",
        )
        text = decoded
    if CONTROL_RE.search(text):
        ctx.add(
            codes.CONTROL_CHARS,
            f"“{ctx.label}”含有控制字符（常由其他系统复制而来），公开文件无法打印；请删除后重新输入该内容。",
        )
        raise Invalid
    bidi = BIDI_RE.search(text)
    if bidi:
        ctx.add(
            codes.BIDI,
            f"“{ctx.label}”含有双向文字控制符 U+{ord(bidi.group(0)):04X}，会使文字显示的顺序与"
            "实际内容不同；请删除该单元格的内容后重新输入。",
        )
        raise Invalid
    markup = MARKUP_RE.search(text)
    if markup:
        ctx.add(
            codes.MARKUP,
            f"“{ctx.label}”含有网页标记“{markup.group(0)[:20]}”（从网页复制而来），公开文件会"
            "原样印出；请删除这些标记（单元格内换行请按 Alt+Enter）。",
        )
        raise Invalid
    if INVISIBLE_RE.search(text):
        text = INVISIBLE_RE.sub("", text)
        ctx.add(codes.INVISIBLE, f"“{ctx.label}”含有零宽空格等不可见字符，已删除；请核对文字。")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ").strip()
    missing = undrawable(text)
    if missing:
        shown = "、".join(f"“{c}”（U+{ord(c):04X}）" for c in missing[:5])
        ctx.add(
            codes.NO_GLYPH,
            f"“{ctx.label}”中的 {shown} 没有任何已安装的字体能显示，PDF 会印成方框；"
            "请改用该字的常用写法，或安装含有该字的字体后再生成。",
        )
    limit = MAX_LONG_TEXT if spec.type == FieldType.LONG_TEXT else MAX_TEXT
    if len(text) > limit:
        ctx.add(
            codes.TEXT_TOO_LONG,
            f"“{ctx.label}”有 {len(text)} 个字符，超过 {limit} 字上限，请精简。",
        )
        raise Invalid
    return text


def _text(spec: Field, raw: object, ctx: CellContext, _: tuple[str, ...]) -> str:
    if isinstance(raw, float | int | Decimal) and not isinstance(raw, bool):
        return format(parse_decimal(raw).normalize(), "f")  # 100, not 1E+2
    if isinstance(raw, dt.datetime | dt.date):
        return raw.strftime("%Y-%m-%d")
    return str(raw)


def misplaced_separators(text: str) -> bool:
    """Whether a number typed as text has separators that are not thousands separators
    (“116,40”, “1.234,56”): removing them would read another number than the one meant."""
    folded = unicodedata.normalize("NFKC", text).strip()
    if not SEPARATOR_RE.search(folded) or not NUMERIC_RE.fullmatch(folded):
        return False  # no separator, or not a number at all (S004 says so)
    return GROUPED_RE.match(folded) is None


def _number(spec: Field, raw: object, ctx: CellContext, _: tuple[str, ...]) -> Decimal:
    if isinstance(raw, str) and misplaced_separators(raw):
        shown = unicodedata.normalize("NFKC", raw).strip()[:20]
        ctx.add(
            codes.MISPLACED_SEPARATOR,
            f"“{ctx.label}”按文本录入“{shown}”，其中的逗号或空格不是每三位一个的千位分隔符，"
            f"可能是小数点写成了逗号，也可能少打或多打了数字（去掉分隔符会读成 "
            f"{clean_number_text(raw)[:20]}）；未读取。请重新输入这个数字（不带分隔符）。",
        )
        raise Invalid
    try:
        value = parse_decimal(raw)
    except ValueError as exc:
        unit = "以元为单位，" if spec.type == FieldType.MONEY else ""
        ctx.add(
            codes.NOT_A_NUMBER, f"“{ctx.label}”应填数字，但{exc}；请改为数字（{unit}不带文字）。"
        )
        raise Invalid from exc
    if abs(value) >= MAX_NUMBER:
        ctx.add(
            codes.NUMBER_TOO_LARGE,
            f"“{ctx.label}”是 {value:.6G}，远超任何预算（上限 1 万亿）；请检查是否多输了数字、"
            "粘贴了编号或误用了科学计数法，改为正确的数字。",
        )
        raise Invalid
    if isinstance(raw, str) and clean_number_text(raw) != raw.strip():
        ctx.add(codes.NORMALISED, f"“{ctx.label}”按文本录入“{raw}”，已读作 {value}；请核对。")
    if value < 0:
        ctx.add(codes.NEGATIVE, f"“{ctx.label}”不能为负数（现为 {value}）；请改为正数或 0。")
        raise Invalid
    return value


def _money(spec: Field, raw: object, ctx: CellContext, extra: tuple[str, ...]) -> Decimal:
    value = _number(spec, raw, ctx, extra)
    if value != value.quantize(Decimal("0.01")):
        ctx.add(
            codes.NOT_A_NUMBER, f"“{ctx.label}”以元填写，最多两位小数（现为 {value}）；请改正。"
        )
        raise Invalid
    return value


def _count(spec: Field, raw: object, ctx: CellContext, extra: tuple[str, ...]) -> int:
    value = _number(spec, raw, ctx, extra)
    if value != value.to_integral_value():
        ctx.add(codes.NOT_A_NUMBER, f"“{ctx.label}”应为整数（现为 {value}）；请改正。")
        raise Invalid
    return int(value)


def _year(spec: Field, raw: object, ctx: CellContext, extra: tuple[str, ...]) -> int:
    value = _count(spec, raw, ctx, extra)
    if not 2000 <= value <= 2100:
        ctx.add(codes.NOT_A_NUMBER, f"“{ctx.label}”应为四位年份（现为 {value}）；请改正。")
        raise Invalid
    return value


def _date(spec: Field, raw: object, ctx: CellContext, _: tuple[str, ...]) -> dt.date:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    match = DATE_RE.match(unicodedata.normalize("NFKC", str(raw)).strip())
    if match:
        try:
            return dt.date(*(int(g) for g in match.groups()))
        except ValueError:
            pass
    ctx.add(
        codes.BAD_DATE, f"“{ctx.label}”应为日期，如 2024-03-01（现为“{str(raw)[:20]}”）；请改正。"
    )
    raise Invalid


def _choice(spec: Field, raw: object, ctx: CellContext, options: tuple[str, ...]) -> str:
    text = unicodedata.normalize("NFKC", str(raw)).strip()
    folded = {unicodedata.normalize("NFKC", o): o for o in options}
    if text in folded:
        return folded[text]
    shown = "、".join(options[:6]) + ("等" if len(options) > 6 else "")
    ctx.add(
        codes.BAD_CHOICE, f"“{ctx.label}”的“{text[:30]}”不是可选值（{shown}）；请从下拉列表中选择。"
    )
    raise Invalid


def _code(spec: Field, raw: object, ctx: CellContext, _: tuple[str, ...]) -> tuple[str, str | None]:
    text = unicodedata.normalize("NFKC", str(raw)).strip()
    if isinstance(raw, float) and raw.is_integer():
        text = str(int(raw))
    match = CODE_RE.match(text)
    if not match:
        ctx.add(
            codes.BAD_CODE,
            f"“{ctx.label}”应以数字编码开头（现为“{text[:30]}”）；请从下拉列表中选择。",
        )
        raise Invalid
    name = match.group(2).strip() or None
    return match.group(1), name


_PARSERS = {
    FieldType.TEXT: _text,
    FieldType.LONG_TEXT: _text,
    FieldType.MONEY: _money,
    FieldType.COUNT: _count,
    FieldType.DECIMAL: _number,
    FieldType.DATE: _date,
    FieldType.YEAR: _year,
    FieldType.CHOICE: _choice,
    FieldType.CODE: _code,
}
