"""Words the customers screen shows for stored values: codes, tiers, money, dates.

Codes (``bought_away``) go through ``ui.vocabulary`` so every screen uses the same
words; looked up at display time, so a language switch relabels everything. Money in
the list is shown without cents; tiers as their bare letter.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from winback_desktop.core.domain import SltvTier
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.ui.kit import vocabulary as vocab
from winback_desktop.ui.kit.feedback import error_text  # noqa: F401  (re-exported)

_CTX = "CustomerLabels"

#: The tier column shows the bare letter; ``negative`` needs a word.
TIER_LABELS: dict[str, str] = {
    SltvTier.A: "A",
    SltvTier.B: "B",
    SltvTier.C: "C",
    SltvTier.D: "D",
    SltvTier.NEGATIVE: QT_TRANSLATE_NOOP("CustomerLabels", "Negative"),
}

_CURRENCY_SYMBOLS = {"CNY": "¥", "USD": "$", "EUR": "€", "GBP": "£", "HKD": "HK$",
                     "SGD": "S$", "JPY": "JP¥"}


def _name(value: str | None) -> str:
    """Shared wording of every screen (``ui.vocabulary``); empty for no value."""
    return "" if value is None or value == "" else vocab.name(value)


def status(value: str | None) -> str:
    return _name(value)


def reason(value: str | None) -> str:
    return _name(value)


def tier(value: str | None) -> str:
    if value is None or value == "":
        return ""
    source = TIER_LABELS.get(value)
    return QCoreApplication.translate(_CTX, source) if source else value


def segment(value: str | None) -> str:
    return _name(value)


def disposition(value: str | None) -> str:
    return _name(value)


def offer_status(value: str | None) -> str:
    return _name(value)


def money(minor: int | None, currency: str = "CNY", *, cents: bool = True) -> str:
    """``123456`` fen → ``¥1,234.56`` (or ``¥1,235`` without cents); exact, no floats."""
    if minor is None:
        return ""
    symbol = _CURRENCY_SYMBOLS.get(currency, currency + " ")
    amount = Decimal(minor) / 100
    sign = "-" if amount < 0 else ""
    text = f"{abs(amount):,.2f}" if cents else f"{abs(amount):,.0f}"
    return f"{sign}{symbol}{text}"


def day(value: date | datetime | None) -> str:
    """Dates as ISO ``2026-11-20``: unambiguous in both languages."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.astimezone().strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


