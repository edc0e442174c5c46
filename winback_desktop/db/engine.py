"""Engines for the single-PC SQLite file and the team PostgreSQL server."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path
from typing import Any

from platformdirs import user_data_path
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import NullPool

from winback_desktop import APP_ID, ORG_NAME
from winback_desktop.core.errors import DatabaseError, NetworkShareRefused
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP

#: Execution option that makes the next SQLite transaction ``BEGIN IMMEDIATE``.
SQLITE_BEGIN = "winback_sqlite_begin"

BUSY_TIMEOUT_MS = 10_000


def data_dir() -> Path:
    override = os.environ.get("WINBACK_DATA_DIR")
    path = Path(override) if override else user_data_path(APP_ID, ORG_NAME)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_url() -> str:
    return f"sqlite:///{(data_dir() / 'winback.sqlite3').as_posix()}"


def parse_url(url: str) -> URL:
    try:
        return make_url(url)
    except ArgumentError as exc:
        raise DatabaseError(
            QT_TRANSLATE_NOOP("Errors", "Not a database URL: {url}"), url=url
        ) from exc


def is_network_path(path: Path) -> bool:
    """True for UNC paths and mapped network drives, where SQLite locking breaks."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes

        drive = os.path.splitdrive(os.path.abspath(text))[0]
        if drive:
            drive_remote = 4
            return bool(ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == drive_remote)
        return False
    try:
        resolved = path.resolve()
        best = ""
        fstype = ""
        with open("/proc/mounts", encoding="utf-8") as mounts:
            for line in mounts:
                parts = line.split()
                if len(parts) >= 3 and str(resolved).startswith(parts[1]) and len(
                    parts[1]
                ) > len(best):
                    best, fstype = parts[1], parts[2]
        return fstype in {"nfs", "nfs4", "cifs", "smbfs", "smb3", "9p", "sshfs", "fuse.sshfs"}
    except OSError:
        return False


def sqlite_path(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite":
        return None
    db = url.database
    if not db or db == ":memory:" or db.startswith("file:"):
        return None
    return Path(db)


def missing_sqlite_file(url: str) -> Path | None:
    """The file a SQLite ``url`` names when it does not exist yet (else None).

    Connecting would create it (and ``make_engine`` its folders): callers that must not
    create a database by accident check first.
    """
    path = sqlite_path(parse_url(url))
    if path is None or path.exists():
        return None
    return path


def _on_sqlite_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy's begin event own transaction starts (the pysqlite recipe in
    # SQLAlchemy's SQLite dialect docs), so a claim can ask for BEGIN IMMEDIATE.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _on_sqlite_begin(conn: Any) -> None:
    mode = conn.get_execution_options().get(SQLITE_BEGIN, "")
    conn.exec_driver_sql(f"BEGIN {mode}".strip())


def make_engine(url: str, *, allow_network_share: bool = False, **kwargs: Any) -> Engine:
    """Create an engine with the pragmas and options each backend needs."""
    parsed = parse_url(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        path = sqlite_path(parsed)
        if path is not None:
            if is_network_path(path) and not allow_network_share:
                raise NetworkShareRefused(path=str(path))
            path.parent.mkdir(parents=True, exist_ok=True)
        # hide_parameters: an error message must never carry a row's values (a
        # password hash) into a dialog, the terminal or the log (issue 15).
        kwargs.setdefault("hide_parameters", True)
        engine = create_engine(
            parsed,
            connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
            **kwargs,
        )
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
        return engine
    if backend == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        kwargs.setdefault("pool_pre_ping", True)
        connect_args = {"connect_timeout": 5, "application_name": "winback-desktop"}
        if kwargs.pop("null_pool", False):
            kwargs["poolclass"] = NullPool
        kwargs.setdefault("hide_parameters", True)
        return create_engine(parsed, connect_args=connect_args, **kwargs)
    raise DatabaseError(
        QT_TRANSLATE_NOOP(
            "Errors", "Unsupported database '{backend}': use sqlite:/// or postgresql://."
        ),
        backend=backend,
    )


def describe_url(url: str) -> str:
    """The URL without its password, for status bars and logs."""
    try:
        return parse_url(url).render_as_string(hide_password=True)
    except DatabaseError:
        return url
