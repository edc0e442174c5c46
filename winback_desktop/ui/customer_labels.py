"""Words users see for stored values: statuses, reasons, tiers, segments, money.

The database keeps short English codes (``bought_away``); screens show them in the
user's language. Looked up at display time, so a language switch relabels everything.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from winback_desktop.core.domain import CustomerStatus, DefectionReason, SltvTier, Treatment
from winback_desktop.core.errors import WinbackError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP

_CTX = "CustomerLabels"

STATUS_LABELS: dict[str, str] = {
    CustomerStatus.LOST: QT_TRANSLATE_NOOP("CustomerLabels", "Lost"),
    CustomerStatus.AT_RISK: QT_TRANSLATE_NOOP("CustomerLabels", "At risk"),
    CustomerStatus.WON_BACK: QT_TRANSLATE_NOOP("CustomerLabels", "Won back"),
    CustomerStatus.ACTIVE: QT_TRANSLATE_NOOP("CustomerLabels", "Active"),
}
REASON_LABELS: dict[str, str] = {
    DefectionReason.PUSHED_INTENTIONAL: QT_TRANSLATE_NOOP(
        "CustomerLabels", "Pushed away (intentional)"),
    DefectionReason.PUSHED_UNINTENTIONAL: QT_TRANSLATE_NOOP(
        "CustomerLabels", "Pushed away (unintentional)"),
    DefectionReason.PULLED_AWAY: QT_TRANSLATE_NOOP("CustomerLabels", "Pulled away"),
    DefectionReason.BOUGHT_AWAY: QT_TRANSLATE_NOOP("CustomerLabels", "Bought away"),
    DefectionReason.MOVED_AWAY: QT_TRANSLATE_NOOP("CustomerLabels", "Moved away"),
    DefectionReason.UNKNOWN: QT_TRANSLATE_NOOP("CustomerLabels", "Unknown"),
}
TIER_LABELS: dict[str, str] = {
    SltvTier.A: "A",
    SltvTier.B: "B",
    SltvTier.C: "C",
    SltvTier.D: "D",
    SltvTier.NEGATIVE: QT_TRANSLATE_NOOP("CustomerLabels", "Negative"),
}
SEGMENT_LABELS: dict[str, str] = {
    Treatment.QUICK: QT_TRANSLATE_NOOP("CustomerLabels", "Quick win-back"),
    Treatment.LONG_TERM: QT_TRANSLATE_NOOP("CustomerLabels", "Long-term"),
    Treatment.DO_NOT_PURSUE: QT_TRANSLATE_NOOP("CustomerLabels", "Do not pursue"),
}
DISPOSITION_LABELS: dict[str, str] = {
    "no_answer": QT_TRANSLATE_NOOP("CustomerLabels", "No answer"),
    "busy": QT_TRANSLATE_NOOP("CustomerLabels", "Busy"),
    "voicemail": QT_TRANSLATE_NOOP("CustomerLabels", "Voicemail"),
    "wrong_number": QT_TRANSLATE_NOOP("CustomerLabels", "Wrong number"),
    "callback": QT_TRANSLATE_NOOP("CustomerLabels", "Callback"),
    "not_interested": QT_TRANSLATE_NOOP("CustomerLabels", "Not interested"),
    "do_not_call": QT_TRANSLATE_NOOP("CustomerLabels", "Do not call"),
    "won_back": QT_TRANSLATE_NOOP("CustomerLabels", "Won back"),
    "refused_offer": QT_TRANSLATE_NOOP("CustomerLabels", "Refused offer"),
}
OFFER_STATUS_LABELS: dict[str, str] = {
    "auto_approved": QT_TRANSLATE_NOOP("CustomerLabels", "Auto-approved"),
    "pending": QT_TRANSLATE_NOOP("CustomerLabels", "Pending"),
    "escalated": QT_TRANSLATE_NOOP("CustomerLabels", "Escalated"),
    "approved": QT_TRANSLATE_NOOP("CustomerLabels", "Approved"),
    "rejected": QT_TRANSLATE_NOOP("CustomerLabels", "Rejected"),
    "countered": QT_TRANSLATE_NOOP("CustomerLabels", "Countered"),
    "expired": QT_TRANSLATE_NOOP("CustomerLabels", "Expired"),
    "accepted": QT_TRANSLATE_NOOP("CustomerLabels", "Accepted"),
    "declined": QT_TRANSLATE_NOOP("CustomerLabels", "Declined"),
}

_CURRENCY_SYMBOLS = {"CNY": "¥", "USD": "$", "EUR": "€", "GBP": "£", "HKD": "HK$",
                     "SGD": "S$", "JPY": "JP¥"}


def _label(table: dict[str, str], value: str | None) -> str:
    if value is None or value == "":
        return ""
    source = table.get(value)
    return QCoreApplication.translate(_CTX, source) if source else value


def status(value: str | None) -> str:
    return _label(STATUS_LABELS, value)


def reason(value: str | None) -> str:
    return _label(REASON_LABELS, value)


def tier(value: str | None) -> str:
    return _label(TIER_LABELS, value)


def segment(value: str | None) -> str:
    return _label(SEGMENT_LABELS, value)


def disposition(value: str | None) -> str:
    return _label(DISPOSITION_LABELS, value)


def offer_status(value: str | None) -> str:
    return _label(OFFER_STATUS_LABELS, value)


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


def error_text(exc: BaseException) -> str:
    """A failure as one translated line: WinbackErrors in the user's language."""
    if isinstance(exc, WinbackError):
        return exc.render(QCoreApplication.translate)
    return QCoreApplication.translate("CustomerLabels", "Unexpected error: {detail}").format(
        detail=type(exc).__name__)
