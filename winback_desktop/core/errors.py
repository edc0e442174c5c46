"""Typed errors with translatable, user-facing messages.

Every error a user can cause carries its English source text (marked for ``lupdate``
under the ``Errors`` context) plus named arguments. The presentation layer translates
the text and then fills the arguments, so one error reads right in both languages.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from winback_desktop.core.i18n import QT_TRANSLATE_NOOP

ERRORS_CONTEXT = "Errors"

Translate = Callable[[str, str], str]


def _identity(context: str, text: str) -> str:
    del context
    return text


class Term(str):
    """A message argument that is itself a translatable word, such as a field's label.

    It is translated with the message, under its own context, so "The team name is too
    long" reads 团队名称 in Chinese instead of an English column name.
    """

    context = "Fields"


class WinbackError(Exception):
    """Base of every expected, user-explainable failure."""

    default_text = QT_TRANSLATE_NOOP("Errors", "The operation failed.")

    def __init__(self, text: str | None = None, **params: Any) -> None:
        self.text = text or self.default_text
        self.params = params
        super().__init__(self.render())

    def render(self, translate: Translate = _identity) -> str:
        """The message in the language ``translate`` gives, arguments filled in."""
        template = translate(ERRORS_CONTEXT, self.text)
        params = {key: translate(value.context, value) if isinstance(value, Term) else value
                  for key, value in self.params.items()}
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):
            return template


class PermissionDenied(WinbackError):
    default_text = QT_TRANSLATE_NOOP("Errors", "You are not allowed to do this.")


class AuthenticationFailed(WinbackError):
    default_text = QT_TRANSLATE_NOOP("Errors", "Wrong login or password.")


class AccountLocked(WinbackError):
    default_text = QT_TRANSLATE_NOOP(
        "Errors", "This account is locked after too many failed logins. Try again at {until}."
    )


class NotLoggedIn(WinbackError):
    """The command line has no login for this database (DESIGN §9 trust model)."""

    default_text = QT_TRANSLATE_NOOP(
        "Errors", "Not logged in to {database}: run 'winback login' first (scheduled jobs: "
        "set WINBACK_USER and WINBACK_PASSWORD)."
    )


class SessionEnded(NotLoggedIn):
    default_text = QT_TRANSLATE_NOOP(
        "Errors", "Your command-line login to {database} has expired or was ended: run "
        "'winback login' again."
    )


class NotFound(WinbackError):
    default_text = QT_TRANSLATE_NOOP("Errors", "Not found: {what}.")


class ValidationError(WinbackError):
    default_text = QT_TRANSLATE_NOOP("Errors", "Invalid input.")


class Conflict(WinbackError):
    """Someone else changed or took the same thing first."""

    default_text = QT_TRANSLATE_NOOP("Errors", "Someone else changed this first.")


class DatabaseError(WinbackError):
    default_text = QT_TRANSLATE_NOOP("Errors", "The database could not be used: {detail}")


class DatabaseUnavailable(DatabaseError):
    default_text = QT_TRANSLATE_NOOP("Errors", "Cannot reach the database: {detail}")


class DatabaseTooNew(DatabaseError):
    default_text = QT_TRANSLATE_NOOP(
        "Errors",
        "This database was created by a newer version of Winback Desktop "
        "(schema {revision}). Install the newer version to open it.",
    )


class DatabaseNotInitialised(DatabaseError):
    default_text = QT_TRANSLATE_NOOP(
        "Errors", "The database has no Winback schema yet. Run 'winback db upgrade' first."
    )


class DatabaseFileMissing(DatabaseError):
    """A SQLite path that names no file: most often a typo, never silently created."""

    default_text = QT_TRANSLATE_NOOP("Errors", "There is no database file at {path}.")


class NetworkShareRefused(DatabaseError):
    default_text = QT_TRANSLATE_NOOP(
        "Errors",
        "The database file {path} is on a network share. SQLite files on network drives "
        "get corrupted when several PCs use them; use a team PostgreSQL server instead.",
    )
