"""Backups: restoring a verified backup into the live database, by payload format."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import zipfile
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    MetaData,
    Table,
)

from winback_desktop.db import restore_guard
from winback_desktop.db.backup.load import (
    _source_rows,
    clear_tables,
    fix_sequences,
    insert_rows,
    opened_pgdump_payload,
    opened_sqlite_payload,
    portable_rows,
)
from winback_desktop.db.backup.manifest import (
    BackupKind,
    BackupNotSupported,
    BackupToolFailed,
    Manifest,
    Progress,
    TableStat,
    _no_progress,
    log,
)
from winback_desktop.db.backup.rows import current_revision, data_tables, table_stats
from winback_desktop.db.backup.verify import check_revision, compare_stats
from winback_desktop.db.backup.write import _first_line, _temp_engine, libpq_url
from winback_desktop.db.engine import sqlite_path

# --------------------------------------------------------------------------- restoring


def drop_all_tables(conn: Connection) -> None:
    meta = MetaData()
    meta.reflect(conn)
    meta.drop_all(conn)


def _alembic_upgrade(conn: Connection, revision: str) -> None:
    from alembic import command

    from winback_desktop.db import migrate

    cfg = migrate.alembic_config()
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, revision)


RowSource = Callable[[Table], Iterator[dict[str, Any]]]


def load_tables(conn: Connection, tables: Sequence[Table], rows_for: RowSource,
                progress: Progress = _no_progress) -> dict[str, int]:
    """Replace every row of ``tables`` with ``rows_for(table)``; caller's transaction."""
    clear_tables(conn, tables)
    counts = {}
    for i, table in enumerate(tables):
        progress(i, len(tables), table.name)
        counts[table.name] = insert_rows(conn, table, rows_for(table))
    fix_sequences(conn, tables)
    return counts


def restore_into(engine: Engine, path: Path, manifest: Manifest,
                 progress: Progress = _no_progress, *,
                 wait_s: float = restore_guard.DEFAULT_WAIT_S) -> dict[str, TableStat]:
    """Replace the database behind ``engine`` with the backup at ``path``.

    ``manifest`` comes from ``verify`` (the caller verifies before asking the user).
    Returns the table statistics read back from the restored database, which match the
    manifest (else ``BackupCorrupt`` is raised and, where the engine allows, nothing
    was changed). A backup of an older schema is restored and then upgraded.
    """
    from winback_desktop.db import migrate

    path = Path(path)
    check_revision(manifest)
    head = migrate.head_revision()
    target_file = sqlite_path(engine.url)
    if engine.dialect.name == "sqlite" and target_file is not None:
        _set_aside_if_unreadable(engine, target_file)
    if (manifest.kind is BackupKind.SQLITE and engine.dialect.name == "sqlite"
            and target_file is not None):
        stats = _restore_sqlite_file(engine, path, target_file, manifest, progress, wait_s)
    elif manifest.kind is BackupKind.PG_DUMP:
        stats = _restore_pg_dump(engine, path, manifest, progress)
    else:
        stats = _restore_by_loading(engine, path, manifest, progress)
    if manifest.revision != head:
        migrate.upgrade(engine, backup=False)
    return stats


def _set_aside_if_unreadable(engine: Engine, target: Path) -> None:
    """A damaged database file is renamed (kept for support), so the restore starts clean."""
    if not target.exists():
        return
    try:
        raw = sqlite3.connect(target)
        try:
            raw.execute("PRAGMA schema_version").fetchone()
        finally:
            raw.close()
        return
    except sqlite3.DatabaseError as exc:
        reason = str(exc)
    engine.dispose()
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    for suffix in ("", "-wal", "-shm"):
        part = target.with_name(target.name + suffix)
        if part.exists():
            os.replace(part, part.with_name(f"{target.name}.broken-{stamp}{suffix}"))
    log.warning("database file %s unreadable (%s): set aside before restoring", target, reason)


def _restore_sqlite_file(engine: Engine, path: Path, target_file: Path,
                         manifest: Manifest, progress: Progress,
                         wait_s: float = restore_guard.DEFAULT_WAIT_S) -> dict[str, TableStat]:
    engine.dispose()
    with opened_sqlite_payload(path) as copy:
        src = sqlite3.connect(copy)
        try:
            dst = sqlite3.connect(target_file, timeout=10)
            try:
                progress(0, 1, "sqlite backup")
                # a file another connection keeps locked: give up, never wait for ever
                src.backup(dst, progress=restore_guard.busy_deadline(wait_s, str(target_file)))
            finally:
                dst.close()
        finally:
            src.close()
    engine.dispose()
    with engine.connect() as conn:
        stats = table_stats(conn, data_tables(conn, current_revision(conn)), progress)
    compare_stats(path, manifest.tables, stats)
    return stats


def _restore_pg_dump(engine: Engine, path: Path, manifest: Manifest,
                     progress: Progress) -> dict[str, TableStat]:
    if engine.dialect.name != "postgresql" or not shutil.which("pg_restore"):
        raise BackupNotSupported()
    url, env = libpq_url(engine.url)
    with engine.connect() as conn:
        same = current_revision(conn) == manifest.revision
    args = ["pg_restore", "--no-owner", "--no-privileges", "--single-transaction",
            "--exit-on-error", "--dbname", url]
    if same:
        args += ["--clean", "--if-exists"]
    else:
        with engine.begin() as conn:
            drop_all_tables(conn)
    engine.dispose()
    with opened_pgdump_payload(path) as dump:
        progress(0, 1, "pg_restore")
        proc = subprocess.run([*args, str(dump)], capture_output=True, text=True, env=env,
                              check=False)
    if proc.returncode != 0:
        raise BackupToolFailed(tool="pg_restore", detail=_first_line(proc.stderr))
    with engine.connect() as conn:
        stats = table_stats(conn, data_tables(conn, current_revision(conn)), progress)
    compare_stats(path, manifest.tables, stats)
    return stats


def _restore_by_loading(engine: Engine, path: Path, manifest: Manifest,
                        progress: Progress) -> dict[str, TableStat]:
    """Portable backups, and SQLite backups into a PostgreSQL server: row by row."""
    with contextlib.ExitStack() as stack:
        if manifest.kind is BackupKind.SQLITE:
            copy = stack.enter_context(opened_sqlite_payload(path))
            source_engine = _temp_engine(copy)
            stack.callback(source_engine.dispose)
            source = stack.enter_context(source_engine.connect())
            source_tables = {t.name: t for t in data_tables(source, manifest.revision)}

            def rows_for(table: Table) -> Iterator[dict[str, Any]]:
                src = source_tables.get(table.name)
                if src is None:
                    return iter(())
                return _source_rows(source, src)
        else:
            zf = stack.enter_context(zipfile.ZipFile(path))

            def rows_for(table: Table) -> Iterator[dict[str, Any]]:
                columns = manifest.columns.get(table.name)
                if columns is None:
                    return iter(())
                return portable_rows(zf, table, columns)

        with engine.begin() as conn:
            if manifest.revision and current_revision(conn) != manifest.revision:
                # Rebuild the schema as the backup knew it (an empty or broken target,
                # or an older backup); upgraded to head afterwards.
                drop_all_tables(conn)
                _alembic_upgrade(conn, manifest.revision)
            tables = data_tables(conn, current_revision(conn))
            load_tables(conn, tables, rows_for, progress)
            stats = table_stats(conn, tables, progress)
            compare_stats(path, manifest.tables, stats)  # raising here rolls it all back
    return stats

