"""Showing failures to the user: translated, one clear sentence, never a traceback."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from winback_desktop.core.errors import WinbackError

log = logging.getLogger(__name__)


#: modules whose exceptions mean the database (or the way to it) failed
_DRIVER_MODULES = ("sqlalchemy", "psycopg", "sqlite3")


def error_text(exc: BaseException) -> str:
    """The user-facing message of ``exc`` in the current language: the error's own
    translated sentence, "Cannot reach the database" for a driver's failure, otherwise
    "Unexpected error" (logged with its traceback). The one copy every screen uses."""
    if isinstance(exc, WinbackError):
        return exc.render(QCoreApplication.translate)
    if type(exc).__module__.startswith(_DRIVER_MODULES):
        text = str(exc).strip()
        detail = text.splitlines()[0] if text else type(exc).__name__
        return QCoreApplication.translate(
            "Errors", "Cannot reach the database: {detail}").format(detail=detail[:200])
    log.error("unexpected error", exc_info=exc)
    return QCoreApplication.translate("Feedback", "Unexpected error: {detail}").format(
        detail=f"{type(exc).__name__}: {exc}"
    )


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    QMessageBox.warning(
        parent,
        title or QCoreApplication.translate("Feedback", "Winback Desktop"),
        error_text(exc),
    )
