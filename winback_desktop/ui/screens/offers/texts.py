"""Shared wording of the offer screens: money, statuses, kinds, tiers, reasons."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from winback_desktop.core import offers as rules
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.ui.kit.feedback import error_text  # noqa: F401  (re-exported)

CONTEXT = "OfferTexts"

STATUS = {
    "auto_approved": QT_TRANSLATE_NOOP("OfferTexts", "Approved (within authority)"),
    "pending": QT_TRANSLATE_NOOP("OfferTexts", "Waiting for a supervisor"),
    "escalated": QT_TRANSLATE_NOOP("OfferTexts", "Waiting for an admin"),
    "approved": QT_TRANSLATE_NOOP("OfferTexts", "Approved"),
    "rejected": QT_TRANSLATE_NOOP("OfferTexts", "Rejected"),
    "countered": QT_TRANSLATE_NOOP("OfferTexts", "Counter-offer"),
    "expired": QT_TRANSLATE_NOOP("OfferTexts", "Expired"),
    "accepted": QT_TRANSLATE_NOOP("OfferTexts", "Accepted by the customer"),
    "declined": QT_TRANSLATE_NOOP("OfferTexts", "Declined by the customer"),
}

KINDS = {
    "discount_pct": QT_TRANSLATE_NOOP("OfferTexts", "Discount"),
    "account_credit": QT_TRANSLATE_NOOP("OfferTexts", "Account credit"),
    "free_period": QT_TRANSLATE_NOOP("OfferTexts", "Free period"),
    "service_fix": QT_TRANSLATE_NOOP("OfferTexts", "Service fix"),
    "gift": QT_TRANSLATE_NOOP("OfferTexts", "Gift"),
}

RULES = {
    "fixed": QT_TRANSLATE_NOOP("OfferTexts", "Fixed amount"),
    "percent_revenue": QT_TRANSLATE_NOOP("OfferTexts", "Percent of revenue"),
    "free_period": QT_TRANSLATE_NOOP("OfferTexts", "Months of revenue"),
}

REASONS = {
    "pushed_intentional": QT_TRANSLATE_NOOP("OfferTexts", "Pushed away (intentional)"),
    "pushed_unintentional": QT_TRANSLATE_NOOP("OfferTexts", "Pushed away (service failure)"),
    "pulled_away": QT_TRANSLATE_NOOP("OfferTexts", "Pulled away (competitor)"),
    "bought_away": QT_TRANSLATE_NOOP("OfferTexts", "Bought away (price)"),
    "moved_away": QT_TRANSLATE_NOOP("OfferTexts", "Moved away"),
    "unknown": QT_TRANSLATE_NOOP("OfferTexts", "Unknown"),
}

ROLES = {
    "agent": QT_TRANSLATE_NOOP("OfferTexts", "Agent"),
    "supervisor": QT_TRANSLATE_NOOP("OfferTexts", "Supervisor"),
    "admin": QT_TRANSLATE_NOOP("OfferTexts", "Admin"),
}

TIERS = ["A", "B", "C", "D", "negative"]
TIER_NAMES = {"negative": QT_TRANSLATE_NOOP("OfferTexts", "Negative")}


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def status_text(status: str) -> str:
    return tr(STATUS.get(status, status))


def kind_text(kind: str) -> str:
    return tr(KINDS.get(kind, kind))


def reason_text(reason: str) -> str:
    return tr(REASONS.get(reason, reason))


def role_text(role: str) -> str:
    return tr(ROLES.get(role, role))


def tier_text(tier: str | None) -> str:
    if not tier:
        return "-"
    return tr(TIER_NAMES[tier]) if tier in TIER_NAMES else tier


def money(minor: int | None) -> str:
    if minor is None:
        return "-"
    sign = "-" if minor < 0 else ""
    return f"{sign}¥{abs(minor) / 100:,.2f}"


def offer_name(name: str, language: str) -> str:
    return rules.localized_name(name, language)


def local_time(at: datetime | None, fmt: str = "%m-%d %H:%M") -> str:
    return at.astimezone().strftime(fmt) if at else "-"


