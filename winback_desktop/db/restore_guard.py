"""Before a restore replaces the database: nobody else may be using it.

A restore rewrites every table; on PostgreSQL ``pg_restore --clean`` then waited without
any limit behind another workstation's open transaction, and on SQLite Python's backup
loop retries a locked file for ever (issue 15). Here the restore waits a bounded time
for the other sessions to leave and otherwise stops with who is still connected, before
anything was changed; the SQLite copy itself gives up the same way (``busy_deadline``).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Engine

from winback_desktop.core.errors import DatabaseError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.db.engine import sqlite_path

#: how long a restore waits for other sessions by default (seconds)
DEFAULT_WAIT_S = 60.0
_POLL_S = 0.5


class RestoreBlocked(DatabaseError):
    default_text = QT_TRANSLATE_NOOP(
        "Errors", "Not restored: {count} other connection(s) still use {database} after "
        "waiting {seconds} seconds ({who}). Close Winback on those workstations, then try "
        "again. Nothing was changed.")


class RestoreFileBusy(RestoreBlocked):
    default_text = QT_TRANSLATE_NOOP(
        "Errors", "Not restored: another program or workstation still uses {database} after "
        "waiting {seconds} seconds. Close Winback there, then try again. Nothing was "
        "changed.")


#: sqlite3's result codes for a locked file (``sqlite3.SQLITE_BUSY``/``_LOCKED``)
_BUSY = (5, 6)

_OTHERS_PG = text(
    "SELECT coalesce(nullif(application_name, ''), '?') || ' ' || usename || '@' || "
    "coalesce(host(client_addr), 'local') FROM pg_stat_activity "
    "WHERE datname = current_database() AND pid <> pg_backend_pid() "
    "AND backend_type = 'client backend'")


def others_pg(engine: Engine) -> list[str]:
    """Who else is connected to this PostgreSQL database (``app user@host``)."""
    with engine.connect() as conn:
        return sorted(str(r) for r in conn.execute(_OTHERS_PG).scalars())


def sqlite_in_use(path: Any, wait_s: float) -> bool:
    """True when another connection keeps the file locked for ``wait_s`` seconds."""
    raw = sqlite3.connect(path, timeout=max(wait_s, 0.01), isolation_level=None)
    try:
        raw.execute("BEGIN EXCLUSIVE")
        raw.execute("ROLLBACK")
        return False
    except sqlite3.DatabaseError as exc:
        # a damaged file is no one's to wait for: the restore sets it aside
        return "locked" in str(exc) or "busy" in str(exc)
    finally:
        raw.close()


def wait_for_others(engine: Engine, display: str, wait_s: float = DEFAULT_WAIT_S,
                    clock: Callable[[], float] = time.monotonic) -> None:
    """Return once this process is the only user of the database; raise
    ``RestoreBlocked`` (saying who) after ``wait_s`` seconds."""
    engine.dispose()  # this process's own idle connections are not "others"
    path = sqlite_path(engine.url)
    if engine.dialect.name == "sqlite":
        if path is not None and path.exists() and sqlite_in_use(path, wait_s):
            raise RestoreFileBusy(database=display, seconds=round(wait_s))
        return
    deadline = clock() + wait_s
    while True:
        who = others_pg(engine)
        engine.dispose()
        if not who:
            return
        if clock() >= deadline:
            raise RestoreBlocked(count=len(who), database=display, seconds=round(wait_s),
                                 who=", ".join(who[:5]) + (" …" if len(who) > 5 else ""))
        time.sleep(_POLL_S)


def busy_deadline(wait_s: float, display: str) -> Callable[[int, int, int], None]:
    """A ``sqlite3.Connection.backup`` progress callback that gives up on a file another
    connection keeps locked (the backup loop itself would retry for ever)."""
    deadline = time.monotonic() + wait_s

    def progress(status: int, remaining: int, total: int) -> None:
        del remaining, total
        if status in _BUSY and time.monotonic() > deadline:
            raise RestoreFileBusy(database=display, seconds=round(wait_s))

    return progress
