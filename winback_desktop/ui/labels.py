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


#: Audit log actions and entities the foundation writes; other areas add theirs.
#: Unknown codes are shown as stored.
AUDIT_ACTIONS = {
    "login": QT_TRANSLATE_NOOP("Audit", "Logged in"),
    "login_failed": QT_TRANSLATE_NOOP("Audit", "Failed login"),
    "account_locked": QT_TRANSLATE_NOOP("Audit", "Account locked"),
    "account_unlocked": QT_TRANSLATE_NOOP("Audit", "Account unlocked"),
    "password_changed": QT_TRANSLATE_NOOP("Audit", "Password changed"),
    "password_reset": QT_TRANSLATE_NOOP("Audit", "Password reset"),
    "user_created": QT_TRANSLATE_NOOP("Audit", "User created"),
    "user_updated": QT_TRANSLATE_NOOP("Audit", "User changed"),
    "language_changed": QT_TRANSLATE_NOOP("Audit", "Language changed"),
    "setting_changed": QT_TRANSLATE_NOOP("Audit", "Setting changed"),
    "demo_loaded": QT_TRANSLATE_NOOP("Audit", "Demo data loaded"),
}
AUDIT_ENTITIES = {
    "user": QT_TRANSLATE_NOOP("Audit", "User"),
    "setting": QT_TRANSLATE_NOOP("Audit", "Setting"),
    "database": QT_TRANSLATE_NOOP("Audit", "Database"),
    "customer": QT_TRANSLATE_NOOP("Audit", "Customer"),
    "campaign": QT_TRANSLATE_NOOP("Audit", "Campaign"),
    "call_task": QT_TRANSLATE_NOOP("Audit", "Queue task"),
    "call": QT_TRANSLATE_NOOP("Audit", "Call"),
    "offer_request": QT_TRANSLATE_NOOP("Audit", "Offer request"),
    "import_batch": QT_TRANSLATE_NOOP("Audit", "Import"),
}


def audit_action(code: str) -> str:
    source = AUDIT_ACTIONS.get(code)
    return QCoreApplication.translate("Audit", source) if source else code


def audit_entity(code: str) -> str:
    source = AUDIT_ENTITIES.get(code)
    return QCoreApplication.translate("Audit", source) if source else code
