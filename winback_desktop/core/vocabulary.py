"""The win-back vocabulary's display names: stored codes to the words people read.

The database stores enumerations as short English codes (``pulled_away``, ``quick``);
the GUI (:mod:`ui.kit.vocabulary`) and the command line both show them through this one
table, each with its own translator (Qt's in the GUI, the CLI's catalogue reader), so a
reason reads the same in a screen and in ``winback report``.
"""

from __future__ import annotations

from collections.abc import Callable

from winback_desktop.core.i18n import QT_TRANSLATE_NOOP

CONTEXT = "Vocabulary"

NAMES: dict[str, str] = {
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



def name(code: str | None, translate: Callable[[str, str], str]) -> str:
    """The translated display name of a stored code (the code itself if unknown)."""
    if code is None or code == "":
        return "—"
    source = NAMES.get(str(code))
    if source is None:
        return str(code)
    return translate(CONTEXT, source)
