"""One import at a time per database: PostgreSQL's advisory lock, SQLite's write lock.

Two imports of the same file started together must not both decide "200,000 new": the
second waits until the first has committed, then finds every row already there. The
unique index on the external ID is the last line of defence; this lock makes the second
import *wait* instead of failing on it, and say that it is waiting.

PostgreSQL: ``pg_try_advisory_xact_lock`` in the import's transaction, polled so the
wait can be reported and cancelled; the server releases it at commit or rollback, also
when a workstation dies. SQLite: ``BEGIN IMMEDIATE`` (the database's write lock, held
until commit), tried with a short busy timeout in a loop for the same reasons.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.orm import Session

from winback_desktop.core.errors import DatabaseUnavailable, WinbackError
from winback_desktop.db.engine import BUSY_TIMEOUT_MS, SQLITE_BEGIN
from winback_desktop.db.session import Database, short_db_error

#: advisory lock key of customer-list imports ("winb" + "imp0")
LOCK_KEY = 0x77696E62_696D7030
#: seconds between two tries while another import holds the database
POLL = 0.25


@contextmanager
def import_session(db: Database, *, waiting: Callable[[], None],
                   cancelled: Callable[[], bool],
                   on_cancel: Callable[[], WinbackError]) -> Iterator[Session]:
    """A unit of work that holds the database's import lock; committed on success.

    ``waiting`` is called while another import holds the lock; when ``cancelled``
    answers true meanwhile, ``on_cancel()`` is raised.
    """
    if db.backend == "sqlite":
        conn = _sqlite_write_lock(db, waiting, cancelled, on_cancel)
        session = Session(bind=conn)
        try:
            yield session
            session.flush()
            conn.commit()
        except (OperationalError, InterfaceError) as exc:
            conn.rollback()
            raise DatabaseUnavailable(detail=short_db_error(exc)) from exc
        except BaseException:
            conn.rollback()
            raise
        finally:
            session.close()
            conn.close()
        return
    with db.session() as session:
        while not session.scalar(text("SELECT pg_try_advisory_xact_lock(:key)"),
                                 {"key": LOCK_KEY}):
            # pg_try_advisory_xact_lock answers at once: wait here, or the loop would
            # hammer the server with queries for as long as the other import runs
            _wait(waiting, cancelled, on_cancel)
        yield session


def _wait(waiting: Callable[[], None], cancelled: Callable[[], bool],
          on_cancel: Callable[[], WinbackError], *, sleep: bool = True) -> None:
    if cancelled():
        raise on_cancel()
    waiting()
    if sleep:
        time.sleep(POLL)
    if cancelled():
        raise on_cancel()


def _sqlite_write_lock(db: Database, waiting: Callable[[], None],
                       cancelled: Callable[[], bool],
                       on_cancel: Callable[[], WinbackError]) -> Connection:
    """A connection inside ``BEGIN IMMEDIATE``, waited for in short tries."""
    while True:
        conn = db.engine.connect()
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.execute(f"PRAGMA busy_timeout={int(POLL * 1000)}")
        try:
            conn = conn.execution_options(**{SQLITE_BEGIN: "IMMEDIATE"})
            conn.begin()
            raw.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            return conn
        except OperationalError as exc:
            raw.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            conn.close()
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise DatabaseUnavailable(detail=short_db_error(exc)) from exc
        except DBAPIError as exc:
            raw.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            conn.close()
            raise DatabaseUnavailable(detail=short_db_error(exc)) from exc
        _wait(waiting, cancelled, on_cancel, sleep=False)  # the busy timeout waited
