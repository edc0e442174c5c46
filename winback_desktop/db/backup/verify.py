"""Backups: reading the manifest and verifying a backup before anyone relies on it."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from winback_desktop.core.errors import DatabaseTooNew
from winback_desktop.db.backup.manifest import (
    MANIFEST,
    PGDUMP_MEMBER,
    SQLITE_MEMBER,
    TABLES_DIR,
    BackupCorrupt,
    BackupKind,
    Manifest,
    Progress,
    TableStat,
    _no_progress,
)
from winback_desktop.db.backup.rows import current_revision, data_tables, table_stats
from winback_desktop.db.backup.write import _first_line, _temp_engine, sweep_stale_scratch

# --------------------------------------------------------------------------- reading


@dataclass
class Verified:
    """What ``verify`` found: the manifest, and which deep checks ran."""

    manifest: Manifest
    checks: list[str] = field(default_factory=list)


def read_manifest(path: Path) -> Manifest:
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as zf:
            return Manifest.from_json(zf.read(MANIFEST), path)
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        raise BackupCorrupt(path=str(path), detail=str(exc)) from exc


def check_revision(manifest: Manifest) -> None:
    """Refuse a backup written by a newer app (its schema is unknown here)."""
    from winback_desktop.db import migrate

    if manifest.revision is not None and manifest.revision not in migrate.known_revisions():
        raise DatabaseTooNew(revision=manifest.revision)


def verify(path: Path, progress: Progress = _no_progress) -> Verified:
    """Check a backup end to end without touching any database.

    The zip's CRCs, each member's SHA-256, and then the payload itself: SQLite's
    ``PRAGMA integrity_check`` and every table's count and checksum; for pg_dump
    archives ``pg_restore --list`` (when installed) reads the archive's table of contents.
    """
    path = Path(path)
    sweep_stale_scratch()  # every restore checks first: a killed one's copy goes here
    with tempfile.TemporaryDirectory(prefix="winback-verify-") as tmp:
        return _verify_into(path, Path(tmp), progress)


def _corrupt(path: Path, detail: str) -> BackupCorrupt:
    return BackupCorrupt(path=str(path), detail=detail)


def _verify_into(path: Path, scratch: Path, progress: Progress) -> Verified:
    manifest = read_manifest(path)
    result = Verified(manifest)
    try:
        with zipfile.ZipFile(path) as zf:
            bad = zf.testzip()
            if bad is not None:
                raise _corrupt(path, f"{bad}: CRC mismatch")
            names = set(zf.namelist())
            for member, sha in manifest.members.items():
                if member not in names:
                    raise _corrupt(path, f"{member} missing")
                digest = hashlib.sha256()
                with zf.open(member) as fh:
                    for chunk in iter(lambda: fh.read(1 << 20), b""):
                        digest.update(chunk)
                if digest.hexdigest() != sha:
                    raise _corrupt(path, f"{member}: checksum mismatch")
            result.checks.append("zip")
            if manifest.kind is BackupKind.SQLITE:
                zf.extract(SQLITE_MEMBER, scratch)
            elif manifest.kind is BackupKind.PG_DUMP:
                zf.extract(PGDUMP_MEMBER, scratch)
    except (zipfile.BadZipFile, OSError, EOFError, zipfile.LargeZipFile) as exc:
        raise _corrupt(path, str(exc)) from exc
    except Exception as exc:  # zlib.error and friends from a mangled stream
        if isinstance(exc, BackupCorrupt):
            raise
        raise _corrupt(path, f"{type(exc).__name__}: {exc}") from exc

    if manifest.kind is BackupKind.SQLITE:
        _verify_sqlite(path, scratch / SQLITE_MEMBER, manifest, progress)
        result.checks += ["integrity_check", "tables"]
    elif manifest.kind is BackupKind.PORTABLE:
        for name in manifest.tables:
            member = f"{TABLES_DIR}{name}.jsonl"
            if member not in manifest.members:
                raise _corrupt(path, f"{member} missing")
        result.checks.append("tables")  # member SHA-256 above is the table checksum
        _verify_portable_counts(path, manifest)
    elif shutil.which("pg_restore"):
        proc = subprocess.run(["pg_restore", "--list", str(scratch / PGDUMP_MEMBER)],
                              capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            raise _corrupt(path, _first_line(proc.stderr))
        result.checks.append("pg_restore --list")
    return result


def _verify_sqlite(path: Path, copy: Path, manifest: Manifest, progress: Progress) -> None:
    try:
        raw = sqlite3.connect(copy)
        try:
            rows = raw.execute("PRAGMA integrity_check").fetchall()
        finally:
            raw.close()
    except sqlite3.DatabaseError as exc:
        raise _corrupt(path, str(exc)) from exc
    if [tuple(r) for r in rows] != [("ok",)]:
        raise _corrupt(path, "; ".join(str(r[0]) for r in rows[:3]))
    engine = _temp_engine(copy)
    try:
        with engine.connect() as conn:
            stats = table_stats(conn, data_tables(conn, current_revision(conn)), progress)
    finally:
        engine.dispose()
    compare_stats(path, manifest.tables, stats)


def _verify_portable_counts(path: Path, manifest: Manifest) -> None:
    with zipfile.ZipFile(path) as zf:
        for name, stat in manifest.tables.items():
            with zf.open(f"{TABLES_DIR}{name}.jsonl") as fh:
                rows = sum(1 for _ in fh)
            if rows != stat.rows:
                raise _corrupt(path, f"{name}: {rows} rows, manifest says {stat.rows}")


def compare_stats(path: Path | str, expected: dict[str, TableStat],
                  actual: dict[str, TableStat]) -> None:
    for name, stat in expected.items():
        got = actual.get(name)
        if got is None:
            raise BackupCorrupt(path=str(path), detail=f"table {name} missing")
        if got.rows != stat.rows:
            raise BackupCorrupt(path=str(path),
                                detail=f"{name}: {got.rows} rows, expected {stat.rows}")
        if got.sha256 != stat.sha256:
            raise BackupCorrupt(path=str(path), detail=f"{name}: checksum mismatch")

