"""Opening a database for a workstation: connect, refuse too-new, upgrade with backup."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.exc import DBAPIError, NoSuchModuleError

from winback_desktop.core.errors import DatabaseError, DatabaseFileMissing, DatabaseUnavailable
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.db import migrate
from winback_desktop.db.engine import default_database_url, missing_sqlite_file
from winback_desktop.db.session import Database, short_db_error

__all__ = ["Database", "OpenedDatabase", "connect", "ensure_exists", "missing_file",
           "open_database", "open_for_workstation", "schema_status"]


def connect(url: str | None = None) -> Database:
    """A connection as the schema stands, neither checked nor upgraded: what a restore
    (onto a damaged, empty or too-new database) and a schema status report need."""
    return Database(url or default_database_url())


def open_database(
    url: str | None = None,
    *,
    upgrade: bool = True,
    on_backup: Callable[[Path], None] | None = None,
    on_report: Callable[[dict[str, Any]], None] | None = None,
    create: bool = False,
    missing_text: str | None = None,
) -> Database:
    """Connect and bring the schema to head (backing up an existing database first).

    Raises ``DatabaseUnavailable`` for an unreachable server, ``DatabaseTooNew`` for a
    database written by a newer app, and ``DatabaseNotInitialised`` when ``upgrade`` is
    false and the schema is missing or old. A SQLite file that does not exist is refused
    with ``DatabaseFileMissing`` (``missing_text`` overrides its message) unless
    ``create`` is set or it is this PC's default file: a mistyped path must not become a
    new, empty database that answers "no users".
    """
    url = url or default_database_url()
    ensure_exists(url, create=create, missing_text=missing_text)
    try:
        db = Database(url)
    except NoSuchModuleError as exc:
        raise DatabaseError(
            QT_TRANSLATE_NOOP("Errors", "Unsupported database driver in '{url}'."), url=url
        ) from exc
    try:
        if upgrade:
            migrate.upgrade(db.engine, on_backup=on_backup, on_report=on_report)
        else:
            migrate.check_schema(db.engine)
            if migrate.needs_upgrade(db.engine):
                from winback_desktop.core.errors import DatabaseNotInitialised

                raise DatabaseNotInitialised()
    except DBAPIError as exc:
        db.dispose()
        raise DatabaseUnavailable(detail=short_db_error(exc)) from exc
    except BaseException:
        db.dispose()
        raise
    return db


@dataclass(frozen=True, slots=True)
class OpenedDatabase:
    db: Database
    #: no active admin yet: the app offers the demo team or creates the first admin
    needs_first_admin: bool


def open_for_workstation(url: str | None = None, *,
                         on_backup: Callable[[Path], None] | None = None,
                         create: bool = False) -> OpenedDatabase:
    """What the desktop does on start: open and upgrade, then ask whether it is new."""
    from winback_desktop.services import users

    db = open_database(url, on_backup=on_backup, create=create)
    try:
        with db.session() as session:
            return OpenedDatabase(db, users.needs_first_admin(session))
    except BaseException:
        db.dispose()
        raise


def missing_file(url: str) -> Path | None:
    """The SQLite file ``url`` names, when it does not exist (asked before creating)."""
    try:
        return missing_sqlite_file(url)
    except DatabaseError:
        return None


def ensure_exists(url: str, *, create: bool = False, missing_text: str | None = None) -> None:
    """Refuse a SQLite ``url`` whose file is missing, unless creating it is wanted."""
    if create or url == default_database_url():
        return
    missing = missing_sqlite_file(url)
    if missing is not None:
        raise DatabaseFileMissing(missing_text, path=str(missing))


def schema_status(db: Database) -> dict[str, str | None]:
    """The schema revision the database has and the one this app needs; a server or
    file that cannot be read is one translated line, not a driver traceback."""
    try:
        current = migrate.current_revision(db.engine)
    except DBAPIError as exc:
        raise DatabaseUnavailable(detail=short_db_error(exc)) from exc
    return {
        "current": current,
        "head": migrate.head_revision(),
        "backend": db.backend,
        "url": db.display_url,
    }
