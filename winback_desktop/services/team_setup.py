"""Connecting workstations to a team PostgreSQL server, and moving a PC's data onto it.

The admin enters host, port, database and user; the password goes to the operating
system's credential store (Windows Credential Manager through ``keyring``) and never
into a settings file. The connection without its password is saved in this user's
config folder so the app opens the team database next time.

``migrate_to`` copies a single-PC SQLite database into an empty team server in one
transaction, then proves the copy: row counts and checksums per table must match.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import time as _time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import keyring
import keyring.errors
from sqlalchemy import create_engine, func, select
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from winback_desktop import APP_ID
from winback_desktop.core.errors import DatabaseError, DatabaseTooNew, WinbackError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.db import backup as backup_file
from winback_desktop.db import migrate
from winback_desktop.db.engine import make_engine, parse_url
from winback_desktop.db.models import Base, Customer, User
from winback_desktop.db.session import Database, short_db_error
from winback_desktop.services import audit
from winback_desktop.services.context import Actor, require
from winback_desktop.services.paths import config_dir

log = logging.getLogger(__name__)

#: Credential store service name; the entry's user name is ``user@host:port/db``.
KEYRING_SERVICE = APP_ID
CONNECTION_FILE = "team-server.json"
DEFAULT_PORT = 5432
DEFAULT_TIMEOUT = 5

Progress = Callable[[int, int, str], None]


# --------------------------------------------------------------------------- errors


class ConnectionFailed(DatabaseError):
    default_text = QT_TRANSLATE_NOOP("Errors", "Cannot connect to {host}:{port}: {detail}")


class ServerRefused(ConnectionFailed):
    default_text = QT_TRANSLATE_NOOP(
        "Errors",
        "The server {host}:{port} refused the connection. Check that PostgreSQL is running "
        "there and accepts network connections (listen_addresses, firewall).",
    )


class AuthenticationRejected(ConnectionFailed):
    default_text = QT_TRANSLATE_NOOP(
        "Errors",
        "The server rejected user {user}: wrong password, or this PC is not allowed "
        "in pg_hba.conf.",
    )


class UnknownDatabase(ConnectionFailed):
    default_text = QT_TRANSLATE_NOOP(
        "Errors",
        "The server has no database named {database}. Check the name or ask IT to "
        "create it.",
    )


class ConnectTimeout(ConnectionFailed):
    default_text = QT_TRANSLATE_NOOP(
        "Errors",
        "No answer from {host}:{port} within {seconds} seconds. Check the host name, the "
        "network and the firewall.",
    )


class UnknownHost(ConnectionFailed):
    default_text = QT_TRANSLATE_NOOP(
        "Errors", "The host name {host} is not known. Check the spelling or use its IP address."
    )


class NotAPostgresUrl(DatabaseError):
    default_text = QT_TRANSLATE_NOOP(
        "Errors", "A team server URL starts with postgresql:// (got {url})."
    )


class TargetNotEmpty(DatabaseError):
    default_text = QT_TRANSLATE_NOOP(
        "Errors",
        "The team server database {database} already holds users or customers. Moving "
        "data needs an empty database.",
    )


class MigrationMismatch(DatabaseError):
    default_text = QT_TRANSLATE_NOOP(
        "Errors",
        "The copy of table {table} does not match the original ({source} rows, copied "
        "{target}); nothing was saved on the server.",
    )


class KeyringUnavailable(WinbackError):
    default_text = QT_TRANSLATE_NOOP(
        "Errors",
        "This PC has no credential store for the database password: {detail}",
    )


# --------------------------------------------------------------------------- connection


@dataclass(frozen=True)
class ServerConnection:
    """A team server as the settings dialog edits it; never holds the password."""

    host: str
    port: int = DEFAULT_PORT
    database: str = "winback"
    user: str = "winback"

    @property
    def key(self) -> str:
        """The credential store's entry name for this connection's password."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    def url(self, password: str | None = None) -> str:
        return URL.create("postgresql+psycopg", username=self.user or None,
                          password=password or None, host=self.host or None,
                          port=self.port, database=self.database).render_as_string(
                              hide_password=False)

    def display(self) -> str:
        return URL.create("postgresql", username=self.user or None, host=self.host or None,
                          port=self.port, database=self.database).render_as_string()

    @classmethod
    def from_url(cls, url: str) -> tuple[ServerConnection, str | None]:
        """Split a ``postgresql://`` URL into the connection and its password."""
        parsed = parse_url(url)
        if parsed.get_backend_name() != "postgresql":
            raise NotAPostgresUrl(url=_redact(url))
        conn = cls(host=parsed.host or "localhost", port=int(parsed.port or DEFAULT_PORT),
                   database=parsed.database or "", user=parsed.username or "")
        return conn, None if parsed.password is None else str(parsed.password)


def _redact(url: str) -> str:
    try:
        return parse_url(url).render_as_string(hide_password=True)
    except DatabaseError:
        return url


def classify_failure(conn: ServerConnection, message: str, timeout: float) -> ConnectionFailed:
    """Turn libpq's English error into one clear, translatable sentence."""
    text = message.lower()
    params: dict[str, Any] = {"host": conn.host, "port": conn.port, "user": conn.user,
                              "database": conn.database, "seconds": int(timeout)}
    if f'database "{conn.database.lower()}" does not exist' in text or (
            "database" in text and "does not exist" in text):
        return UnknownDatabase(**params)
    if any(s in text for s in ("password authentication failed", "authentication failed",
                               "no pg_hba.conf entry", "no password supplied",
                               "role \"", "permission denied for database")):
        return AuthenticationRejected(**params)
    if "refused" in text:
        return ServerRefused(**params)
    if "timeout" in text or "timed out" in text:
        return ConnectTimeout(**params)
    if any(s in text for s in ("could not translate host name", "name or service not known",
                               "nodename nor servname", "failed to resolve host",
                               "name resolution", "no such host", "getaddrinfo")):
        return UnknownHost(**params)
    first = message.strip().splitlines()[0] if message.strip() else "?"
    return ConnectionFailed(detail=first, **params)


@dataclass
class ConnectionCheck:
    """A successful test: who answered and what state its Winback schema is in."""

    server_version: str
    #: ``missing`` (empty database), ``old`` (needs upgrade), ``current`` or ``newer``
    schema: str
    revision: str | None
    head: str
    has_data: bool

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def test_connection(conn: ServerConnection, password: str | None = None,
                    timeout: float = DEFAULT_TIMEOUT) -> ConnectionCheck:
    """Connect once and report the server and schema; raise a clear error otherwise."""
    engine = create_engine(
        parse_url(conn.url(password)), poolclass=NullPool,
        connect_args={"connect_timeout": max(2, int(timeout)),
                      "application_name": "winback-desktop"},
    )
    try:
        with engine.connect() as c:
            version = str(c.exec_driver_sql("SHOW server_version").scalar_one())
            revision = backup_file.current_revision(c)
            has_data = False
            if revision is not None:
                try:
                    has_data = bool(c.scalar(select(func.count()).select_from(User)))
                except DBAPIError:
                    has_data = False
    except DBAPIError as exc:
        message = str(getattr(exc, "orig", None) or exc)
        raise classify_failure(conn, message, timeout) from exc
    finally:
        engine.dispose()
    head = migrate.head_revision()
    if revision is None:
        schema = "missing"
    elif revision == head:
        schema = "current"
    elif revision in migrate.known_revisions():
        schema = "old"
    else:
        schema = "newer"
    return ConnectionCheck(version, schema, revision, head, has_data)


def prepare_schema(actor: Actor, conn: ServerConnection,
                   password: str | None = None) -> ConnectionCheck:
    """Create the Winback schema on an empty server database, or upgrade an old one.

    An existing database is backed up into this PC's backups folder before an upgrade.
    """
    require(actor, Permission.MANAGE_DATABASE)
    check = test_connection(conn, password)
    if check.schema == "newer":
        raise DatabaseTooNew(revision=check.revision)
    if check.schema != "current":
        engine = make_engine(conn.url(password), poolclass=NullPool)
        try:
            migrate.upgrade(engine)
        finally:
            engine.dispose()
    return test_connection(conn, password)


# --------------------------------------------------------------------------- saved settings


def _keyring_call(fn: Callable[..., Any], *args: Any) -> Any:
    try:
        return fn(*args)
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(detail=str(exc) or type(exc).__name__) from exc


def save_password(conn: ServerConnection, password: str) -> None:
    _keyring_call(keyring.set_password, KEYRING_SERVICE, conn.key, password)


def load_password(conn: ServerConnection) -> str | None:
    value = _keyring_call(keyring.get_password, KEYRING_SERVICE, conn.key)
    return None if value is None else str(value)


def delete_password(conn: ServerConnection) -> None:
    try:
        keyring.delete_password(KEYRING_SERVICE, conn.key)
    except keyring.errors.PasswordDeleteError:
        pass
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(detail=str(exc) or type(exc).__name__) from exc


def connection_file() -> Path:
    return config_dir() / CONNECTION_FILE


def _write_json_atomic(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=2)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save_connection(conn: ServerConnection, password: str | None) -> Path:
    """Remember the team server for this Windows user: settings file + credential store."""
    if password:
        save_password(conn, password)
    path = connection_file()
    _write_json_atomic(path, {"host": conn.host, "port": conn.port,
                              "database": conn.database, "user": conn.user})
    return path


def load_connection() -> ServerConnection | None:
    path = connection_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return ServerConnection(host=str(data["host"]), port=int(data.get("port", DEFAULT_PORT)),
                                database=str(data["database"]), user=str(data.get("user", "")))
    except FileNotFoundError:
        return None
    except (ValueError, KeyError, TypeError) as exc:
        log.warning("ignoring unreadable %s: %s", path, exc)
        return None


def forget_connection() -> None:
    """Back to this PC's own SQLite file; the password leaves the credential store too."""
    conn = load_connection()
    if conn is not None:
        delete_password(conn)
    connection_file().unlink(missing_ok=True)


def configured_database_url() -> str | None:
    """The saved team server's URL with its password from the credential store, if any."""
    conn = load_connection()
    if conn is None:
        return None
    return conn.url(load_password(conn))


# --------------------------------------------------------------------------- migrate-to


@dataclass
class TableCopy:
    table: str
    source_rows: int
    target_rows: int
    source_sha256: str
    target_sha256: str

    @property
    def ok(self) -> bool:
        return (self.source_rows == self.target_rows
                and self.source_sha256 == self.target_sha256)


@dataclass
class MigrationReport:
    source: str
    target: str
    tables: list[TableCopy] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return all(t.ok for t in self.tables)

    @property
    def total_rows(self) -> int:
        return sum(t.target_rows for t in self.tables)

    def as_dict(self) -> dict[str, Any]:
        return {"source": self.source, "target": self.target, "ok": self.ok,
                "seconds": self.seconds, "total_rows": self.total_rows,
                "tables": [{**asdict(t), "ok": t.ok} for t in self.tables]}


def migrate_to(source_db: Database, target_url: str, actor: Actor,
               progress: Progress | None = None) -> MigrationReport:
    """Copy every table of this PC's database into an empty team server and verify it.

    The target gets the schema (created or upgraded to head) first; it must hold no
    users or customers. Everything is copied in one transaction on the server, parent
    tables first, with Core bulk inserts; PostgreSQL sequences are then moved past the
    copied ids; counts and checksums of every table are compared before committing, so
    a mismatch leaves the server as it was.
    """
    require(actor, Permission.MANAGE_DATABASE)
    progress = progress or (lambda done, total, label: None)
    parsed = parse_url(target_url)
    if parsed.get_backend_name() != "postgresql":
        raise NotAPostgresUrl(url=_redact(target_url))
    migrate.check_schema(source_db.engine)
    if migrate.needs_upgrade(source_db.engine):
        migrate.upgrade(source_db.engine)
    started = _time.perf_counter()
    target = make_engine(target_url, poolclass=NullPool)
    report = MigrationReport(source=source_db.display_url, target=_redact(target_url))
    try:
        try:
            migrate.upgrade(target)
            with target.connect() as c:
                busy = (c.scalar(select(func.count()).select_from(User))
                        or c.scalar(select(func.count()).select_from(Customer)))
            if busy:
                raise TargetNotEmpty(database=parsed.database or "")
            tables = list(Base.metadata.sorted_tables)
            total = len(tables) * 2
            with source_db.engine.connect() as src, src.begin(), target.begin() as dst:
                backup_file.clear_tables(dst, tables)
                for i, table in enumerate(tables):
                    progress(i, total, table.name)
                    backup_file.copy_table(src, dst, table)
                backup_file.fix_sequences(dst, tables)
                for i, table in enumerate(tables):
                    progress(len(tables) + i, total, table.name)
                    a = backup_file.table_stat(src, table)
                    b = backup_file.table_stat(dst, table)
                    copy = TableCopy(table.name, a.rows, b.rows, a.sha256, b.sha256)
                    report.tables.append(copy)
                    if not copy.ok:
                        raise MigrationMismatch(table=table.name, source=a.rows,
                                                target=b.rows)
            progress(total, total, "")
        except DBAPIError as exc:
            raise ConnectionFailed(host=parsed.host or "", port=parsed.port or DEFAULT_PORT,
                                   detail=short_db_error(exc)) from exc
    finally:
        target.dispose()
    report.seconds = round(_time.perf_counter() - started, 3)
    details = {"source": report.source, "target": report.target, "rows": report.total_rows,
               "tables": len(report.tables)}
    target_db = Database(target_url)
    try:
        with target_db.session() as s:
            audit.record(s, actor, "database_migrated_in", "database", "postgresql",
                         after=details)
    finally:
        target_db.dispose()
    with source_db.session() as s:
        audit.record(s, actor, "database_migrated_out", "database", source_db.backend,
                     after=details)
    log.info("migrated %s rows from %s to %s in %.1f s", report.total_rows, report.source,
             report.target, report.seconds)
    return report
