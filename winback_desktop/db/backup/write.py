"""Backups: writing a backup zip (SQLite online copy, pg_dump, or portable JSON lines)."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import sqlite3
import subprocess
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Engine,
    create_engine,
    text,
)
from sqlalchemy.engine import URL
from sqlalchemy.pool import NullPool

from winback_desktop.core.errors import DatabaseError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.db.backup.manifest import (
    MANIFEST,
    PGDUMP_MEMBER,
    SQLITE_MEMBER,
    TABLES_DIR,
    BackupKind,
    BackupToolFailed,
    Manifest,
    Progress,
    TableStat,
    _no_progress,
    log,
)
from winback_desktop.db.backup.rows import current_revision, data_tables, iter_lines, table_stats
from winback_desktop.db.engine import sqlite_path

# --------------------------------------------------------------------------- writing


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _temp_engine(path: Path) -> Engine:
    """A plain engine on a scratch SQLite file: no WAL, no pool (so it can be deleted)."""
    return create_engine(f"sqlite:///{path.as_posix()}", poolclass=NullPool)


def libpq_url(url: URL) -> tuple[str, dict[str, str]]:
    """A libpq URL for pg_dump/pg_restore and the environment carrying the password.

    The password goes in ``PGPASSWORD``, never on a command line other users can see.
    """
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    plain = url.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def _write_zip(target: Path, manifest: Manifest, files: dict[str, Path],
               compress: int) -> None:
    """Write the zip next to ``target`` and move it in place: never a half backup."""
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(target.name + ".part")
    try:
        with zipfile.ZipFile(part, "w", compression=compress, compresslevel=1) as zf:
            for member, path in files.items():
                zf.write(path, member)
            zf.writestr(MANIFEST, manifest.to_json())
        with part.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(part, target)
    except BaseException:  # a full disk, or killed: no half backup stays behind
        part.unlink(missing_ok=True)
        raise


#: Scratch folders of backups, checks and restores; a killed run leaves one behind.
SCRATCH_PREFIXES = ("winback-backup-", "winback-verify-", "winback-restore-")
#: A scratch folder untouched this long belongs to no running backup.
STALE_SCRATCH_SECONDS = 3600


def sweep_stale_scratch(*folders: Path) -> None:
    """Remove scratch folders a killed backup, check or restore left (a 480 MB copy of
    the database, sometimes), here and in the temp folder. Only folders untouched for an
    hour go: a backup running on another workstation keeps writing to its own."""
    import shutil
    import time

    cutoff = time.time() - STALE_SCRATCH_SECONDS
    for folder in (*folders, Path(tempfile.gettempdir())):
        try:
            entries = list(folder.iterdir())
        except OSError:
            continue
        for entry in entries:
            try:
                if (entry.name.startswith(SCRATCH_PREFIXES) and entry.is_dir()
                        and entry.stat().st_mtime < cutoff):
                    shutil.rmtree(entry, ignore_errors=True)
            except OSError:
                continue


def write_backup(engine: Engine, target: Path, progress: Progress = _no_progress, *,
                 portable: bool = False) -> Manifest:
    """Write a backup of ``engine``'s database to ``target`` (a ``.zip`` file).

    ``portable`` forces the JSON-lines payload, which loads into either engine.
    """
    target = Path(target)
    try:
        return _write_backup(engine, target, progress, portable)
    except OSError as exc:
        raise _write_failed(target, exc) from exc
    except sqlite3.OperationalError as exc:  # "database or disk is full" on the copy
        raise _write_failed(target, exc) from exc


class BackupWriteFailed(DatabaseError):
    default_text = QT_TRANSLATE_NOOP(
        "Errors", "The backup could not be written to {path}: {reason}. Free some space "
        "or choose another folder; no partial backup was left and nothing was changed.")


DISK_FULL = QT_TRANSLATE_NOOP(
    "Errors", "The backup could not be written to {path}: no space left on the disk. Free "
    "some space or choose another folder; no partial backup was left and nothing was "
    "changed.")


def _write_failed(target: Path, exc: BaseException) -> BackupWriteFailed:
    log.warning("backup to %s failed: %r", target, exc)
    if (isinstance(exc, OSError) and exc.errno == errno.ENOSPC) or "disk is full" in str(exc):
        return BackupWriteFailed(DISK_FULL, path=str(target))
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return BackupWriteFailed(path=str(target), reason=reason)


def _write_backup(engine: Engine, target: Path, progress: Progress,
                  portable: bool) -> Manifest:
    path = sqlite_path(engine.url)
    sweep_stale_scratch(target.parent)
    with tempfile.TemporaryDirectory(prefix="winback-backup-", dir=target.parent
                                     if target.parent.exists() else None) as tmp:
        scratch = Path(tmp)
        if portable:
            manifest, files = _backup_portable(engine, scratch, progress)
            compress = zipfile.ZIP_DEFLATED
        elif engine.dialect.name == "sqlite" and path is not None:
            manifest, files = _backup_sqlite(path, scratch, progress)
            compress = zipfile.ZIP_DEFLATED
        elif engine.dialect.name == "postgresql" and shutil.which("pg_dump"):
            try:
                manifest, files = _backup_pg_dump(engine, scratch, progress)
                compress = zipfile.ZIP_STORED  # the custom format is compressed already
            except BackupToolFailed as exc:
                log.warning("pg_dump failed, writing a portable backup instead: %s", exc)
                manifest, files = _backup_portable(engine, scratch, progress)
                compress = zipfile.ZIP_DEFLATED
        else:
            manifest, files = _backup_portable(engine, scratch, progress)
            compress = zipfile.ZIP_DEFLATED
        manifest.members = {m: _sha256_file(p) for m, p in files.items()}
        progress(1, 1, "zip")
        _write_zip(target, manifest, files, compress)
    return manifest


def _backup_sqlite(live: Path, scratch: Path,
                   progress: Progress) -> tuple[Manifest, dict[str, Path]]:
    copy = scratch / SQLITE_MEMBER
    src = sqlite3.connect(live)
    try:
        dst = sqlite3.connect(copy)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # a self-contained single file
        finally:
            dst.close()
    finally:
        src.close()
    engine = _temp_engine(copy)
    try:
        with engine.connect() as conn:
            revision = current_revision(conn)
            stats = table_stats(conn, data_tables(conn, revision), progress)
    finally:
        engine.dispose()
    manifest = Manifest(BackupKind.SQLITE, revision, "sqlite", tables=stats)
    return manifest, {SQLITE_MEMBER: copy}


def _backup_pg_dump(engine: Engine, scratch: Path,
                    progress: Progress) -> tuple[Manifest, dict[str, Path]]:
    out = scratch / PGDUMP_MEMBER
    url, env = libpq_url(engine.url)
    # One snapshot for the dump and the manifest: counts match even while agents work.
    with engine.connect().execution_options(isolation_level="REPEATABLE READ") as conn:
        conn.begin()
        snapshot = conn.execute(text("SELECT pg_export_snapshot()")).scalar_one()
        proc = subprocess.run(
            ["pg_dump", "--format=custom", "--no-owner", "--no-privileges",
             f"--snapshot={snapshot}", "--file", str(out), url],
            capture_output=True, text=True, env=env, check=False,
        )
        if proc.returncode != 0:
            raise BackupToolFailed(tool="pg_dump", detail=_first_line(proc.stderr))
        revision = current_revision(conn)
        stats = table_stats(conn, data_tables(conn, revision), progress)
        conn.rollback()
    return Manifest(BackupKind.PG_DUMP, revision, "postgresql", tables=stats), {PGDUMP_MEMBER: out}


def _backup_portable(engine: Engine, scratch: Path,
                     progress: Progress) -> tuple[Manifest, dict[str, Path]]:
    files: dict[str, Path] = {}
    stats: dict[str, TableStat] = {}
    columns: dict[str, list[str]] = {}
    options: dict[str, Any] = {}
    if engine.dialect.name == "postgresql":
        options["isolation_level"] = "REPEATABLE READ"
    with engine.connect().execution_options(**options) as conn, conn.begin():
        revision = current_revision(conn)
        tables = data_tables(conn, revision)
        for i, table in enumerate(tables):
            progress(i, len(tables), table.name)
            member = f"{TABLES_DIR}{table.name}.jsonl"
            path = scratch / f"{table.name}.jsonl"
            digest = hashlib.sha256()
            rows = 0
            with path.open("w", encoding="utf-8", newline="\n") as fh:
                for line in iter_lines(conn, table):
                    fh.write(line)
                    fh.write("\n")
                    digest.update(line.encode("utf-8"))
                    digest.update(b"\n")
                    rows += 1
            files[member] = path
            stats[table.name] = TableStat(rows, digest.hexdigest())
            columns[table.name] = [c.name for c in table.columns]
    manifest = Manifest(BackupKind.PORTABLE, revision, engine.dialect.name, tables=stats,
                        columns=columns)
    return manifest, files


def _first_line(text_: str) -> str:
    lines = [ln for ln in (text_ or "").strip().splitlines() if ln.strip()]
    return lines[0] if lines else "?"

