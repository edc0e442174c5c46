"""Sessions and the unit of work that services run in."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from winback_desktop.core.errors import DatabaseUnavailable
from winback_desktop.db.engine import SQLITE_BEGIN, describe_url, make_engine


def short_db_error(exc: BaseException) -> str:
    """First line of a driver error, without SQL or parameters."""
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip().splitlines()
    return text[0] if text else type(orig).__name__


class Database:
    """An engine plus a session factory; one per workstation process."""

    def __init__(self, url: str, engine: Engine | None = None) -> None:
        self.url = url
        self.engine = engine or make_engine(url)
        self._factory = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    @property
    def display_url(self) -> str:
        return describe_url(self.url)

    @contextmanager
    def session(self, *, immediate: bool = False) -> Iterator[Session]:
        """One transaction: committed on success, rolled back on any error.

        ``immediate`` takes SQLite's write lock up front (``BEGIN IMMEDIATE``), which a
        read-then-write such as claiming a task needs to be atomic; PostgreSQL uses row
        locks instead and ignores it.
        """
        session = self._factory()
        try:
            if immediate and self.backend == "sqlite":
                session.connection(execution_options={SQLITE_BEGIN: "IMMEDIATE"})
            yield session
            session.commit()
        except (OperationalError, InterfaceError) as exc:
            session.rollback()
            if isinstance(exc, DBAPIError) and exc.connection_invalidated:
                self.engine.dispose()
            raise DatabaseUnavailable(detail=short_db_error(exc)) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def ping(self) -> bool:
        """Cheap health check for the status bar."""
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
            return True
        except DBAPIError:
            return False

    def dispose(self) -> None:
        self.engine.dispose()
