"""Sessions and the unit of work that services run in."""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar, Token
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, String, Text, event, inspect
from sqlalchemy.exc import DataError, DBAPIError, InterfaceError, OperationalError
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

from winback_desktop.core.errors import DatabaseUnavailable, ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.db.engine import SQLITE_BEGIN, describe_url, make_engine
from winback_desktop.db.field_labels import TEXT_LIMIT, field_label

if TYPE_CHECKING:
    from winback_desktop.db.claim_pg import ClaimConnections


log = logging.getLogger(__name__)

#: The unit of work running in this thread/task, so permission checks made deep inside
#: a service can re-read the actor's role in the same transaction (issue 15).
_current_session: ContextVar[Session | None] = ContextVar("winback_session", default=None)
_last_database: weakref.ReferenceType[Database] | None = None


def current_session() -> Session | None:
    return _current_session.get()


def last_database() -> Database | None:
    """The database this process opened last (one per workstation process)."""
    return _last_database() if _last_database is not None else None


def write_refusal(engine: Engine, refusal: dict[str, Any]) -> None:
    """Write a refused action's audit row in its own transaction.

    The refused unit of work rolls back, so its trace must be committed apart, after
    the rollback (a second writer during it would wait on SQLite's lock).
    """
    from winback_desktop.db.models import AuditEntry

    try:
        with Session(engine) as session, session.begin():
            session.add(AuditEntry(**refusal))
    except Exception:  # the refusal itself must still reach the user
        log.exception("could not audit a refused action")


def _audit_refusal(engine: Engine, exc: BaseException) -> None:
    refusal = getattr(exc, "refusal", None)
    if refusal is not None and not getattr(exc, "refusal_written", False):
        exc.refusal_written = True  # type: ignore[attr-defined]
        write_refusal(engine, refusal)


TOO_LONG = QT_TRANSLATE_NOOP(
    "Errors", "The {field} is too long: at most {limit} characters ({length} given).")
HAS_NUL = QT_TRANSLATE_NOOP(
    "Errors", "The {field} contains a NUL character, which cannot be stored.")
REFUSED_VALUE = QT_TRANSLATE_NOOP("Errors", "The database refused a value: {detail}")
TOO_LARGE = QT_TRANSLATE_NOOP(
    "Errors", "A number is too large: no id, count or amount can be that big.")
#: PostgreSQL's SQLSTATE for "integer out of range" and its kin
NUMERIC_OUT_OF_RANGE = "22003"


def _check_value(column: Any, value: Any) -> None:
    """Refuse a string longer than ``column`` holds (Text: TEXT_LIMIT) or holding NUL."""
    column_type = getattr(column, "type", None)
    if not isinstance(value, str) or not isinstance(column_type, String):
        return  # Text is a String without a length
    limit = column_type.length or (TEXT_LIMIT if isinstance(column_type, Text) else 0)
    table = getattr(getattr(column, "table", None), "name", "")
    where = (table, str(getattr(column, "name", "")))
    if limit and len(value) > limit:
        raise ValidationError(TOO_LONG, field=field_label(*where), limit=limit,
                              length=len(value))
    if "\x00" in value:
        raise ValidationError(HAS_NUL, field=field_label(*where))


def check_values(session: Session, _context: Any = None, _instances: Any = None) -> None:
    """Refuse text longer than its column, and NUL characters, before any write.

    PostgreSQL rejects both (with a ``DataError`` that used to print the statement's
    parameters, password hash included); SQLite silently stores 10,000 characters in a
    200-character column. Checking at flush gives both engines the same clear,
    translated message, whatever service wrote the value (issue 15).
    """
    for obj in (*session.new, *session.dirty):
        state = inspect(obj)
        for attr in state.mapper.column_attrs:
            _check_value(attr.columns[0], state.dict.get(attr.key))


def check_statement(state: ORMExecuteState) -> None:
    """The same check for ``update()``/``insert()`` statements run through a session.

    Guarded transitions (an offer decided only if nobody changed it first) write with a
    statement, never a flush, so a 30,000-character decision note went straight in.
    """
    if not (state.is_update or state.is_insert):
        return
    statement = state.statement
    table = getattr(statement, "table", None)
    columns = getattr(table, "c", None)
    if columns is None:
        return
    rows: list[Mapping[Any, Any]] = []
    values = getattr(statement, "_values", None)  # .values(...) of the statement
    if values:
        rows.append({key: getattr(bind, "value", bind) for key, bind in values.items()})
    params = state.parameters
    if isinstance(params, Mapping):
        rows.append(params)
    elif isinstance(params, Sequence):
        rows.extend(p for p in params if isinstance(p, Mapping))
    for row in rows:
        for key, value in row.items():
            column = columns.get(key) if isinstance(key, str) else key
            if column is not None:
                _check_value(column, value)


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
        event.listen(self._factory, "before_flush", check_values)
        event.listen(self._factory, "do_orm_execute", check_statement)
        self._claim_connections: ClaimConnections | None = None
        self._claim_lock = threading.Lock()
        global _last_database
        _last_database = weakref.ref(self)

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
        token: Token[Session | None] | None = _current_session.set(session)
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
        except DataError as exc:
            # a value the database cannot hold: its first line, never the parameters
            session.rollback()
            if getattr(exc.orig, "sqlstate", None) == NUMERIC_OUT_OF_RANGE:
                raise ValidationError(TOO_LARGE) from exc
            raise ValidationError(REFUSED_VALUE, detail=short_db_error(exc)) from exc
        except OverflowError as exc:
            # SQLite's driver cannot bind an integer beyond 64 bits (an id typed as
            # 99999999999999999999): the same clear refusal as PostgreSQL's range error
            session.rollback()
            raise ValidationError(TOO_LARGE) from exc
        except BaseException as exc:
            session.rollback()
            if token is not None:
                _current_session.reset(token)
            token = None
            session.close()
            if _current_session.get() is None:  # an outer unit of work writes it otherwise
                _audit_refusal(self.engine, exc)
            raise
        finally:
            if token is not None:
                _current_session.reset(token)
            session.close()

    @property
    def claim_connections(self) -> ClaimConnections:
        """The PostgreSQL claim connections (one per thread), made on first use; they
        close whenever the engine is disposed."""
        pool = self._claim_connections
        if pool is None:
            with self._claim_lock:
                if self._claim_connections is None:
                    from winback_desktop.db.claim_pg import ClaimConnections

                    self._claim_connections = ClaimConnections(self.engine)
                pool = self._claim_connections
        return pool

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
