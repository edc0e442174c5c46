"""Translated names, colours and number formats for the win-back vocabulary.

The database stores enumerations as short English codes (``pulled_away``, ``quick``);
every screen that shows one goes through here so an agent reads "Pulled away by a
competitor" / "被竞争对手拉走" and the same colour means the same treatment everywhere.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from winback_desktop.core.errors import WinbackError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP

CONTEXT = "Vocabulary"

_NAMES: dict[str, str] = {
    # defection reasons (seed 001)
    "pushed_intentional": QT_TRANSLATE_NOOP("Vocabulary", "Pushed away (intentional)"),
    "pushed_unintentional": QT_TRANSLATE_NOOP("Vocabulary", "Pushed away (service failure)"),
    "pulled_away": QT_TRANSLATE_NOOP("Vocabulary", "Pulled away (competitor)"),
    "bought_away": QT_TRANSLATE_NOOP("Vocabulary", "Bought away (price)"),
    "moved_away": QT_TRANSLATE_NOOP("Vocabulary", "Moved away"),
    "unknown": QT_TRANSLATE_NOOP("Vocabulary", "Unknown"),
    # treatments
    "quick": QT_TRANSLATE_NOOP("Vocabulary", "Quick win-back"),
    "long_term": QT_TRANSLATE_NOOP("Vocabulary", "Long-term nurture"),
    "do_not_pursue": QT_TRANSLATE_NOOP("Vocabulary", "Do not pursue"),
    # tiers
    "A": QT_TRANSLATE_NOOP("Vocabulary", "Tier A"),
    "B": QT_TRANSLATE_NOOP("Vocabulary", "Tier B"),
    "C": QT_TRANSLATE_NOOP("Vocabulary", "Tier C"),
    "D": QT_TRANSLATE_NOOP("Vocabulary", "Tier D"),
    "negative": QT_TRANSLATE_NOOP("Vocabulary", "Negative SLTV"),
    # customer status
    "lost": QT_TRANSLATE_NOOP("Vocabulary", "Lost"),
    "at_risk": QT_TRANSLATE_NOOP("Vocabulary", "At risk"),
    "won_back": QT_TRANSLATE_NOOP("Vocabulary", "Won back"),
    "retained": QT_TRANSLATE_NOOP("Vocabulary", "Retained"),
    "active": QT_TRANSLATE_NOOP("Vocabulary", "Active"),
    # campaigns
    "win_back": QT_TRANSLATE_NOOP("Vocabulary", "Win-back"),
    "save": QT_TRANSLATE_NOOP("Vocabulary", "Save (at risk)"),
    "draft": QT_TRANSLATE_NOOP("Vocabulary", "Draft"),
    "running": QT_TRANSLATE_NOOP("Vocabulary", "Running"),
    "paused": QT_TRANSLATE_NOOP("Vocabulary", "Paused"),
    "closed": QT_TRANSLATE_NOOP("Vocabulary", "Closed"),
    # dispositions
    "no_answer": QT_TRANSLATE_NOOP("Vocabulary", "No answer"),
    "busy": QT_TRANSLATE_NOOP("Vocabulary", "Busy"),
    "voicemail": QT_TRANSLATE_NOOP("Vocabulary", "Voicemail"),
    "wrong_number": QT_TRANSLATE_NOOP("Vocabulary", "Wrong number"),
    "callback": QT_TRANSLATE_NOOP("Vocabulary", "Callback at…"),
    "not_interested": QT_TRANSLATE_NOOP("Vocabulary", "Not interested"),
    "do_not_call": QT_TRANSLATE_NOOP("Vocabulary", "Do not call"),
    "refused_offer": QT_TRANSLATE_NOOP("Vocabulary", "Refused offer"),
    "saved": QT_TRANSLATE_NOOP("Vocabulary", "Saved"),
    "still_customer": QT_TRANSLATE_NOOP("Vocabulary", "Still a customer"),
    "completed": QT_TRANSLATE_NOOP("Vocabulary", "Completed"),
    # presence
    "offline": QT_TRANSLATE_NOOP("Vocabulary", "Offline"),
    "ready": QT_TRANSLATE_NOOP("Vocabulary", "Ready"),
    "on_call": QT_TRANSLATE_NOOP("Vocabulary", "On call"),
    "wrap_up": QT_TRANSLATE_NOOP("Vocabulary", "Wrap-up"),
    "break": QT_TRANSLATE_NOOP("Vocabulary", "On break"),
    # offers
    "pending": QT_TRANSLATE_NOOP("Vocabulary", "Pending"),
    "approved": QT_TRANSLATE_NOOP("Vocabulary", "Approved"),
    "auto_approved": QT_TRANSLATE_NOOP("Vocabulary", "Auto-approved"),
    "rejected": QT_TRANSLATE_NOOP("Vocabulary", "Rejected"),
    "countered": QT_TRANSLATE_NOOP("Vocabulary", "Countered"),
    "escalated": QT_TRANSLATE_NOOP("Vocabulary", "Escalated"),
    "expired": QT_TRANSLATE_NOOP("Vocabulary", "Expired"),
    "accepted": QT_TRANSLATE_NOOP("Vocabulary", "Accepted"),
    "declined": QT_TRANSLATE_NOOP("Vocabulary", "Declined"),
    # languages (customers' preferred language, users' interface language)
    "zh": QT_TRANSLATE_NOOP("Vocabulary", "Chinese"),
    "zh_CN": QT_TRANSLATE_NOOP("Vocabulary", "Simplified Chinese"),
    "en": QT_TRANSLATE_NOOP("Vocabulary", "English"),
}

#: background colours: green = call now, amber = nurture, grey = leave alone
TREATMENT_COLOURS: dict[str, str] = {
    "quick": "#c8e6c9",
    "long_term": "#ffe0b2",
    "do_not_pursue": "#e0e0e0",
}
TIER_COLOURS: dict[str, str] = {
    "A": "#1b5e20",
    "B": "#2e7d32",
    "C": "#f9a825",
    "D": "#ef6c00",
    "negative": "#757575",
}


def name(code: str | None) -> str:
    """The translated display name of a stored code (the code itself if unknown)."""
    if code is None or code == "":
        return "—"
    source = _NAMES.get(str(code))
    if source is None:
        return str(code)
    return QCoreApplication.translate(CONTEXT, source)


_WEEKDAYS = (
    QT_TRANSLATE_NOOP("Vocabulary", "Mon"), QT_TRANSLATE_NOOP("Vocabulary", "Tue"),
    QT_TRANSLATE_NOOP("Vocabulary", "Wed"), QT_TRANSLATE_NOOP("Vocabulary", "Thu"),
    QT_TRANSLATE_NOOP("Vocabulary", "Fri"), QT_TRANSLATE_NOOP("Vocabulary", "Sat"),
    QT_TRANSLATE_NOOP("Vocabulary", "Sun"),
)


def clock(value: datetime) -> str:
    """``Mon 14:03:27`` / ``周一 14:03:27``: a customer's wall clock at a glance."""
    weekday = QCoreApplication.translate(CONTEXT, _WEEKDAYS[value.weekday()])
    return f"{weekday} {value.strftime('%H:%M:%S')}"


def treatment_colour(code: str | None) -> QColor:
    return QColor(TREATMENT_COLOURS.get(code or "", "#ffffff"))


def money(minor: int | None, currency: str = "CNY") -> str:
    """Minor units as ``¥12,345.67`` without ever going through a float."""
    if minor is None:
        return "—"
    sign = "-" if minor < 0 else ""
    units, cents = divmod(abs(int(minor)), 100)
    symbol = {"CNY": "¥", "USD": "$", "GBP": "£", "EUR": "€", "HKD": "HK$",
              "SGD": "S$"}.get(currency, currency + " ")
    return f"{sign}{symbol}{units:,}.{cents:02d}"


def day(value: date | datetime | None) -> str:
    if value is None:
        return "—"
    if isinstance(value, datetime):
        return value.astimezone().strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


def duration(seconds: float) -> str:
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes:02d}:{secs:02d}"


def error_text(exc: BaseException) -> str:
    """A user-facing, translated line for any failure of a background operation."""
    if isinstance(exc, WinbackError):
        return exc.render(QCoreApplication.translate)
    template = QCoreApplication.translate(
        "Errors", "Cannot reach the database: {detail}")
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return template.format(detail=detail[:200])
