"""Translated names of stored vocabulary (roles, languages) for display."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from winback_desktop.core.i18n import QT_TRANSLATE_NOOP

ROLE_NAMES = {
    "agent": QT_TRANSLATE_NOOP("Roles", "Agent"),
    "supervisor": QT_TRANSLATE_NOOP("Roles", "Supervisor"),
    "admin": QT_TRANSLATE_NOOP("Roles", "Administrator"),
}


def role_name(role: str) -> str:
    source = ROLE_NAMES.get(str(role))
    return QCoreApplication.translate("Roles", source) if source else str(role)


def screen_title(title: str) -> str:
    return QCoreApplication.translate("Screens", title)
