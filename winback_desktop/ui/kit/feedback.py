"""Showing failures to the user: translated, one clear sentence, never a traceback."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from winback_desktop.core.errors import WinbackError

log = logging.getLogger(__name__)


def error_text(exc: BaseException) -> str:
    """The user-facing message of ``exc`` in the current language."""
    if isinstance(exc, WinbackError):
        return exc.render(QCoreApplication.translate)
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
