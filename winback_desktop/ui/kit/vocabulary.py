"""Translated names, colours and number formats for the win-back vocabulary.

The database stores enumerations as short English codes (``pulled_away``, ``quick``);
every screen that shows one goes through here so an agent reads "Pulled away by a
competitor" / "被竞争对手拉走" and the same colour means the same treatment everywhere.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from winback_desktop.core import vocabulary as core_vocabulary
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.ui.kit.feedback import error_text  # noqa: F401  (re-exported)

CONTEXT = core_vocabulary.CONTEXT

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
    return core_vocabulary.name(code, QCoreApplication.translate)


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


