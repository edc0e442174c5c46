"""Names of not-ready reasons: built-in codes translated, admin-added ones as named."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from winback_desktop.core.i18n import QT_TRANSLATE_NOOP

CONTEXT = "DeskLabels"

_BUILT_IN = {
    "break": QT_TRANSLATE_NOOP("DeskLabels", "Break"),
    "lunch": QT_TRANSLATE_NOOP("DeskLabels", "Lunch"),
    "training": QT_TRANSLATE_NOOP("DeskLabels", "Training"),
    "meeting": QT_TRANSLATE_NOOP("DeskLabels", "Meeting"),
    "admin": QT_TRANSLATE_NOOP("DeskLabels", "Admin work"),
}


def reason_name(code: str | None, name: str | None = None) -> str:
    """What the agent and the board read for a reason code."""
    if not code:
        return ""
    if name:
        return name
    source = _BUILT_IN.get(code)
    return QCoreApplication.translate(CONTEXT, source) if source else code


def not_ready_text(code: str | None, names: dict[str, str | None] | None = None) -> str:
    """"Not ready · Lunch" (or just "Not ready")."""
    base = QCoreApplication.translate("DeskLabels", "Not ready")
    if not code:
        return base
    return f"{base} · {reason_name(code, (names or {}).get(code))}"
