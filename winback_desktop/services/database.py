"""Opening a database for a workstation: connect, refuse too-new, upgrade with backup."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy.exc import DBAPIError, NoSuchModuleError

from winback_desktop.core.errors import DatabaseError, DatabaseUnavailable
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.db import migrate
from winback_desktop.db.engine import default_database_url
from winback_desktop.db.session import Database, short_db_error


def open_database(
    url: str | None = None,
    *,
    upgrade: bool = True,
    on_backup: Callable[[Path], None] | None = None,
) -> Database:
    """Connect and bring the schema to head (backing up an existing database first).

    Raises ``DatabaseUnavailable`` for an unreachable server, ``DatabaseTooNew`` for a
    database written by a newer app, and ``DatabaseNotInitialised`` when ``upgrade`` is
    false and the schema is missing or old.
    """
    url = url or default_database_url()
    try:
        db = Database(url)
    except NoSuchModuleError as exc:
        raise DatabaseError(
            QT_TRANSLATE_NOOP("Errors", "Unsupported database driver in '{url}'."), url=url
        ) from exc
    try:
        if upgrade:
            migrate.upgrade(db.engine, on_backup=on_backup)
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


def schema_status(db: Database) -> dict[str, str | None]:
    return {
        "current": migrate.current_revision(db.engine),
        "head": migrate.head_revision(),
        "backend": db.backend,
        "url": db.display_url,
    }
