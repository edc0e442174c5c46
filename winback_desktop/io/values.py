"""Parsers for the values real customer spreadsheets contain.

Each parser takes one raw cell as python-calamine (or the CSV reader) gives it — ``str``,
``float`` (every number, 17.0 included), ``int``, ``bool``, ``date``/``datetime`` or
``""`` for an empty cell — and returns the stored value, or raises :class:`ValueProblem`
with a translatable message. They run once per cell of a 100k-row import, so the common
case (a clean ASCII string, a float, a date cell) is tested first and costs little.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from winback_desktop.core.domain import CustomerStatus, DefectionReason
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.io import phones


class ValueProblem(Exception):
    """A cell that cannot be stored; ``text`` is a translatable ``Errors`` message."""

    def __init__(self, text: str, **params: Any) -> None:
        super().__init__(text)
        self.text = text
        self.params = params


# ------------------------------------------------------------------------------ text


def clean_text(value: Any) -> str:
    """Trimmed text; full-width letters and digits folded (NFKC) when not plain ASCII."""
    if value is None:
        return ""
    if isinstance(value, str):
        text = value
    elif isinstance(value, float):
        text = str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    elif isinstance(value, datetime | date):
        text = value.isoformat()
    else:
        text = str(value)
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text).replace("\u3000", " ")
    return text.strip()


def is_blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return False


def _fold(text: str) -> str:
    """Key for synonym look-ups: NFKC, lower case, no spaces/underscores/punctuation."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[\s_\-./:：()（）]+", "", text)


# ----------------------------------------------------------------------------- dates

EXCEL_EPOCH = date(1899, 12, 30)
_MAX_SERIAL = 2_958_465  # 9999-12-31
_MIN_YEAR, _MAX_YEAR = 1900, 2200

_YMD = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_DMY_OR_MDY = re.compile(r"^(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*[-/.]\s*(\d{4}|\d{2})$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_MONTH_FORMATS = ("%b %d %Y", "%B %d %Y", "%d %b %Y", "%d %B %Y", "%b %d, %Y", "%B %d, %Y",
                  "%d-%b-%Y", "%d-%b-%y", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S",
                  "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M")

_BAD_DATE = QT_TRANSLATE_NOOP("Errors", "'{value}' is not a date.")


def _checked(y: int, m: int, d: int, raw: Any) -> date:
    if not _MIN_YEAR <= y <= _MAX_YEAR:
        raise ValueProblem(QT_TRANSLATE_NOOP("Errors", "The year of '{value}' is out of range."),
                           value=clean_text(raw))
    try:
        return date(y, m, d)
    except ValueError:
        raise ValueProblem(_BAD_DATE, value=clean_text(raw)) from None


def parse_date(value: Any, *, day_first: bool = True) -> date | None:
    """A date from a date cell, an Excel serial number or text in common forms.

    Text with slashes such as 03/04/2024 is ambiguous: a part above 12 decides,
    otherwise ``day_first`` does (the default region's convention; US is month first).
    """
    t = type(value)
    if t is date:
        return value  # type: ignore[no-any-return]
    if t is datetime:
        return value.date()  # type: ignore[no-any-return]
    if t is float or t is int:
        serial = float(value)
        if not 1 <= serial <= _MAX_SERIAL:
            raise ValueProblem(QT_TRANSLATE_NOOP(
                "Errors", "The number {value} is not an Excel date."), value=clean_text(value))
        day = EXCEL_EPOCH + timedelta(days=int(serial))
        if day.year < _MIN_YEAR:
            raise ValueProblem(QT_TRANSLATE_NOOP(
                "Errors", "The number {value} is not an Excel date."), value=clean_text(value))
        return day
    if t is bool:
        raise ValueProblem(_BAD_DATE, value=clean_text(value))
    text = clean_text(value)
    if not text:
        return None
    m = _YMD.match(text)
    if m:
        return _checked(int(m[1]), int(m[2]), int(m[3]), value)
    m = _DMY_OR_MDY.match(text)
    if m:
        a, sep, b, y = int(m[1]), m[2], int(m[3]), int(m[4])
        if len(m[4]) == 2:
            y += 2000 if y < 70 else 1900
        if a > 12 or sep == ".":
            dayfirst = True
        elif b > 12:
            dayfirst = False
        else:
            dayfirst = day_first
        return _checked(y, b, a, value) if dayfirst else _checked(y, a, b, value)
    m = _COMPACT.match(text)
    if m:
        return _checked(int(m[1]), int(m[2]), int(m[3]), value)
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return parse_date(float(text), day_first=day_first)
    cleaned = text.replace(",", ", ").replace("  ", " ")
    for fmt in _MONTH_FORMATS:
        for candidate in (text, cleaned):
            try:
                return datetime.strptime(candidate, fmt).date()
            except ValueError:
                continue
    raise ValueProblem(_BAD_DATE, value=text)


# --------------------------------------------------------------------------- amounts

_CURRENCY_WORDS = re.compile(
    r"(?i)\b(?:rmb|cny|usd|eur|gbp|hkd|sgd|us)\b|[¥￥$€£元圆块]|人民币|美元|欧元|港币|英镑")
_WAN = re.compile(r"^(.*?)\s*(万|萬|亿|億)\s*$")
_THOUSANDS_COMMA = re.compile(r"^\d{1,3}(,\d{3})+(\.\d*)?$")
_THOUSANDS_DOT = re.compile(r"^\d{1,3}(\.\d{3})+(,\d*)?$")
_BAD_AMOUNT = QT_TRANSLATE_NOOP("Errors", "'{value}' is not an amount of money.")


def parse_amount_minor(value: Any) -> int | None:
    """Money in minor units (fen/cents) from a number or text.

    ``¥1,234.50`` and ``1.234,50 €`` are both 123450; ``(123)`` and ``-123`` are -12300;
    ``1.2万`` is 1200000. Floats are rounded to the fen once, never summed as floats.
    """
    t = type(value)
    if t is float or t is int:
        return round(value * 100)
    if t is bool or t is date or t is datetime:
        raise ValueProblem(_BAD_AMOUNT, value=clean_text(value))
    text = clean_text(value)
    if not text:
        return None
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1]
    text = _CURRENCY_WORDS.sub("", text).replace(" ", "").replace("\u00a0", "").replace("'", "")
    if text.startswith("-"):
        negative, text = not negative, text[1:]
    elif text.endswith("-"):
        negative, text = not negative, text[:-1]
    elif text.startswith("+"):
        text = text[1:]
    if text.startswith("(") and text.endswith(")"):
        negative, text = not negative, text[1:-1]
    multiplier = Decimal(1)
    m = _WAN.match(text)
    if m:
        text = m[1]
        multiplier = Decimal(10_000) if m[2] in "万萬" else Decimal(100_000_000)
    if "," in text and "." in text:
        if text.rfind(",") > text.rfind("."):  # 1.234,50
            text = text.replace(".", "").replace(",", ".")
        else:  # 1,234.50
            text = text.replace(",", "")
    elif "," in text:
        text = text.replace(",", "") if _THOUSANDS_COMMA.match(text) else text.replace(",", ".")
    elif text.count(".") > 1 and _THOUSANDS_DOT.match(text):
        text = text.replace(".", "")
    if not text or not re.fullmatch(r"\d*\.?\d*(?:[eE][+-]?\d+)?", text) or text == ".":
        raise ValueProblem(_BAD_AMOUNT, value=clean_text(value))
    try:
        amount = Decimal(text) * multiplier * 100
    except InvalidOperation:
        raise ValueProblem(_BAD_AMOUNT, value=clean_text(value)) from None
    minor = int(amount.quantize(Decimal(1)))
    if abs(minor) >= 2**62:
        raise ValueProblem(_BAD_AMOUNT, value=clean_text(value))
    return -minor if negative else minor


def parse_count(value: Any) -> int | None:
    t = type(value)
    if t is float:
        if value.is_integer() and value >= 0:
            return int(value)
    elif t is int:
        if value >= 0:
            return value  # type: ignore[no-any-return]
    else:
        text = clean_text(value).replace(",", "").replace("次", "").strip()
        if not text:
            return None
        if re.fullmatch(r"\d+(\.0+)?", text):
            return int(float(text))
    raise ValueProblem(QT_TRANSLATE_NOOP("Errors", "'{value}' is not a whole number."),
                       value=clean_text(value))


# ---------------------------------------------------------------------------- phones


def parse_phone(value: Any, region: str) -> tuple[str, str] | None:
    """``(e164, raw)`` for a phone cell, or None when empty (see :mod:`io.phones`)."""
    try:
        return phones.parse_phone(value, region, clean_text)
    except phones.PhoneProblem as problem:
        raise ValueProblem(problem.text, **problem.params) from None


def phone_text(value: Any) -> str:
    """The phone as text, recovering Excel's numeric storage (13800138000.0)."""
    try:
        return phones.phone_text(value, clean_text)
    except phones.PhoneProblem as problem:
        raise ValueProblem(problem.text, **problem.params) from None


def phone_prefix(region: str) -> str:
    """``+86`` for ``CN``: the country code numbers of ``region`` start with."""
    return phones.region_info(region).prefix


# ------------------------------------------------------------------- defection reasons

#: Synonyms per reason, English and Chinese; matched as substrings of the folded text.
REASON_SYNONYMS: dict[DefectionReason, tuple[str, ...]] = {
    DefectionReason.PUSHED_INTENTIONAL: (
        "pushedintentional", "pushed intentional", "unprofitable", "fired", "we let go",
        "bad debt", "terminated by us", "不盈利", "亏损", "主动放弃", "劝退", "清退", "恶意",
        "坏账", "我方终止"),
    DefectionReason.PUSHED_UNINTENTIONAL: (
        "pushedunintentional", "pushed unintentional", "service", "complaint", "complain",
        "mistake", "error", "rude", "delay", "late delivery", "quality", "billing", "bad",
        "服务", "投诉", "态度", "失误", "错误", "延迟", "质量", "不满", "差评", "售后"),
    DefectionReason.PULLED_AWAY: (
        "pulledaway", "pulled away", "competitor", "competition", "better offer",
        "better value", "switched", "rival", "竞争", "对手", "竞品", "其他品牌", "别家", "转投",
        "更好", "同行"),
    DefectionReason.BOUGHT_AWAY: (
        "boughtaway", "bought away", "price", "cheap", "expensive", "cost", "discount",
        "价格", "太贵", "便宜", "价钱", "降价", "优惠", "涨价", "费用"),
    DefectionReason.MOVED_AWAY: (
        "movedaway", "moved away", "moved", "relocat", "no longer need", "not needed",
        "out of area", "closed", "deceased", "retired", "搬家", "搬迁", "迁居", "移居",
        "不再需要", "不需要", "出国", "离开", "倒闭", "关闭", "去世"),
    DefectionReason.UNKNOWN: ("unknown", "n/a", "na", "未知", "不明", "不清楚", "其他", "其它"),
}
_REASON_ORDER = [DefectionReason.PUSHED_INTENTIONAL, DefectionReason.MOVED_AWAY,
                 DefectionReason.PULLED_AWAY, DefectionReason.BOUGHT_AWAY,
                 DefectionReason.PUSHED_UNINTENTIONAL, DefectionReason.UNKNOWN]
_FOLDED_REASONS = [(r, tuple(_fold(s) for s in REASON_SYNONYMS[r])) for r in _REASON_ORDER]
_REASON_CODES = {_fold(r.value): r.value for r in DefectionReason}


# The words screens and exports use for each reason, in both shipped languages: a cell
# holding one is that reason exactly (no note is kept of it).
REASON_LABELS: dict[str, str] = {
    "Pushed away (intentional)": "pushed_intentional", "被推走（主动放弃）": "pushed_intentional",
    "Pushed away (service failure)": "pushed_unintentional",
    "被推走（服务失误）": "pushed_unintentional",
    "Pulled away (competitor)": "pulled_away", "被拉走（竞争对手）": "pulled_away",
    "Bought away (price)": "bought_away", "被买走（价格）": "bought_away",
    "Moved away": "moved_away", "迁离": "moved_away",
    "Unknown": "unknown", "未知": "unknown",
}
_REASON_LABELS = {_fold(label): code for label, code in REASON_LABELS.items()}


@lru_cache(maxsize=4096)  # a list repeats a few reason words on every row
def reason_label(text: str) -> str | None:
    """The reason ``text`` names exactly (its code or its label), else None."""
    folded = _fold(text)
    found = _REASON_LABELS.get(folded)
    if found is None and folded in _REASON_CODES:
        found = _REASON_CODES[folded]
    return found


@lru_cache(maxsize=4096)
def match_reason(text: str) -> str | None:
    """The defection reason a free-text cell names, or None when nothing matches."""
    folded = _fold(text)
    if not folded:
        return None
    exact = reason_label(text)
    if exact is not None:
        return exact
    for reason in DefectionReason:
        if folded == _fold(reason.value):
            return reason.value
    for reason, synonyms in _FOLDED_REASONS:
        for syn in synonyms:
            if syn and (syn in folded if len(syn) > 2 or not syn.isascii() else folded == syn):
                return reason.value
    return None


# ------------------------------------------------------------------- small vocabularies

_STATUS = {
    CustomerStatus.LOST: ("lost", "churned", "defected", "inactive", "流失", "已流失", "丢失",
                          "流失客户"),
    CustomerStatus.AT_RISK: ("atrisk", "at risk", "risk", "warning", "有风险", "风险",
                             "预警", "流失风险", "有流失风险", "濒临流失"),
    CustomerStatus.WON_BACK: ("wonback", "won back", "recovered", "已挽回", "挽回", "赢回"),
    CustomerStatus.ACTIVE: ("active", "current", "活跃", "正常", "在用", "现有", "现有客户",
                            "活跃客户"),
    CustomerStatus.RETAINED: ("retained", "saved", "kept", "已挽留", "挽留", "保留", "留存",
                              "已留存"),
}
_STATUS_LOOKUP = {_fold(s): k.value for k, syns in _STATUS.items() for s in syns}


def parse_status(value: Any) -> str | None:
    text = clean_text(value)
    if not text:
        return None
    found = _STATUS_LOOKUP.get(_fold(text))
    if found is None:
        raise ValueProblem(QT_TRANSLATE_NOOP(
            "Errors", "Unknown status '{value}': use lost, at_risk, won_back, active or "
            "retained."),
            value=text)
    return found


_LANGUAGES = {
    "zh": ("zh", "zhcn", "cn", "chinese", "mandarin", "中文", "汉语", "普通话", "国语", "简体中文",
           "华语"),
    "en": ("en", "enus", "engb", "english", "英文", "英语"),
    "yue": ("yue", "cantonese", "粤语", "广东话"),
}
_LANGUAGE_LOOKUP = {_fold(s): k for k, syns in _LANGUAGES.items() for s in syns}


def parse_language(value: Any) -> str | None:
    text = clean_text(value)
    if not text:
        return None
    found = _LANGUAGE_LOOKUP.get(_fold(text))
    if found is None and re.fullmatch(r"[A-Za-z]{2,3}", text):
        found = text.lower()
    if found is None:
        raise ValueProblem(QT_TRANSLATE_NOOP("Errors", "Unknown language '{value}'."),
                           value=text)
    return found


_TZ_ALIASES = {"北京时间": "Asia/Shanghai", "中国标准时间": "Asia/Shanghai", "cst": "Asia/Shanghai",
               "utc+8": "Asia/Shanghai", "gmt+8": "Asia/Shanghai", "utc": "UTC", "gmt": "UTC",
               "香港": "Asia/Hong_Kong", "est": "America/New_York", "pst": "America/Los_Angeles",
               "bst": "Europe/London"}


@lru_cache(maxsize=1)
def _zones() -> dict[str, str]:
    import zoneinfo

    return {z.casefold(): z for z in zoneinfo.available_timezones()}


def parse_timezone(value: Any) -> str | None:
    text = clean_text(value)
    if not text:
        return None
    zone = _zones().get(text.casefold()) or _TZ_ALIASES.get(text.casefold().replace(" ", ""))
    if zone is None:
        raise ValueProblem(QT_TRANSLATE_NOOP(
            "Errors", "Unknown time zone '{value}': use a name such as Asia/Shanghai."),
            value=text)
    return zone


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def parse_email(value: Any) -> str | None:
    text = clean_text(value)
    if not text:
        return None
    if not _EMAIL.match(text):
        raise ValueProblem(QT_TRANSLATE_NOOP("Errors", "'{value}' is not an e-mail address."),
                           value=text)
    return text


_TRUE = {_fold(s) for s in ("1", "y", "yes", "true", "x", "是", "对", "✓", "√", "dnc")}
_FALSE = {_fold(s) for s in ("0", "n", "no", "false", "否", "不", "")}


def parse_flag(value: Any) -> bool | None:
    if type(value) is bool:
        return value  # type: ignore[no-any-return]
    if type(value) in (float, int):
        return bool(value)
    text = clean_text(value)
    if not text:
        return None
    folded = _fold(text)
    if folded in _TRUE:
        return True
    if folded in _FALSE:
        return False
    raise ValueProblem(QT_TRANSLATE_NOOP("Errors", "'{value}' is not yes or no."), value=text)


def parse_currency(value: Any) -> str | None:
    text = clean_text(value).upper()
    if not text:
        return None
    text = {"¥": "CNY", "￥": "CNY", "RMB": "CNY", "人民币": "CNY", "元": "CNY", "$": "USD",
            "美元": "USD", "€": "EUR", "£": "GBP", "港币": "HKD"}.get(text, text)
    if not re.fullmatch(r"[A-Z]{3}", text):
        raise ValueProblem(QT_TRANSLATE_NOOP("Errors", "Unknown currency '{value}'."),
                           value=text)
    return text


Parser = Callable[[Any], Any]
