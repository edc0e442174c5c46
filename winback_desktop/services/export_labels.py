"""Words an export writes for stored codes: the reader's language, never ``bought_away``.

A supervisor opens the customer export in Excel and reads "Bought away (price)" /
"被买走（价格）", "Lost" / "已流失", "Yes" / "是" — the words the screens use. The import
reads every one of these words back in both languages (``io.values``), so an export
imports back into an empty database unchanged; a test proves it for each language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from winback_desktop.core.i18n import QT_TRANSLATE_NOOP

STATUS = {
    "lost": QT_TRANSLATE_NOOP("Export", "Lost"),
    "at_risk": QT_TRANSLATE_NOOP("Export", "At risk"),
    "won_back": QT_TRANSLATE_NOOP("Export", "Won back"),
    "active": QT_TRANSLATE_NOOP("Export", "Active"),
    "retained": QT_TRANSLATE_NOOP("Export", "Retained"),
}
REASON = {
    "pushed_intentional": QT_TRANSLATE_NOOP("Export", "Pushed away (intentional)"),
    "pushed_unintentional": QT_TRANSLATE_NOOP("Export", "Pushed away (service failure)"),
    "pulled_away": QT_TRANSLATE_NOOP("Export", "Pulled away (competitor)"),
    "bought_away": QT_TRANSLATE_NOOP("Export", "Bought away (price)"),
    "moved_away": QT_TRANSLATE_NOOP("Export", "Moved away"),
    "unknown": QT_TRANSLATE_NOOP("Export", "Unknown"),
}
TIER = {"negative": QT_TRANSLATE_NOOP("Export", "Negative")}  # A–D stay letters
TREATMENT = {
    "quick": QT_TRANSLATE_NOOP("Export", "Quick win-back"),
    "long_term": QT_TRANSLATE_NOOP("Export", "Long-term nurture"),
    "do_not_pursue": QT_TRANSLATE_NOOP("Export", "Do not pursue"),
}
LANGUAGE = {
    "zh": QT_TRANSLATE_NOOP("Export", "Chinese"),
    "en": QT_TRANSLATE_NOOP("Export", "English"),
    "yue": QT_TRANSLATE_NOOP("Export", "Cantonese"),
}
YES_NO = {True: QT_TRANSLATE_NOOP("Export", "Yes"), False: QT_TRANSLATE_NOOP("Export", "No")}

#: value kind of a column → its labels
BY_KIND: dict[str, Mapping[Any, str]] = {
    "status": STATUS, "reason": REASON, "tier": TIER, "treatment": TREATMENT,
    "language": LANGUAGE, "yes_no": YES_NO,
}


def labels(kind: str, translate: Callable[[str, str], str]) -> dict[Any, str]:
    """Code → word in the reader's language for one kind of value."""
    return {code: translate("Export", source) for code, source in BY_KIND[kind].items()}
