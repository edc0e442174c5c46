"""Backup files: one zip holding a manifest and the database, readable on either engine.

A backup is a single ``.zip`` file so it can be copied, mailed to support or opened by
IT to read ``manifest.json``. The payload depends on where it came from:

``sqlite``    the single-PC database copied with SQLite's online backup API
              (consistent while agents keep working), as ``database.sqlite3``;
``pg_dump``   the team server dumped with ``pg_dump --format=custom`` when the
              PostgreSQL client tools are installed, as ``database.pgdump``;
``portable``  one JSON-lines file per table (``tables/<name>.jsonl``), the fallback for a
              server without ``pg_dump`` on this PC. It loads into either engine.

The manifest lists the Alembic revision and, per table, the row count and a SHA-256 of
the rows in primary-key order, in a canonical text form that is the same on SQLite and
PostgreSQL. The same numbers verify a restore and a move from SQLite to a team server.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import shutil
import sqlite3
import subprocess
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, time
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    Connection,
    Engine,
    Integer,
    MetaData,
    Table,
    create_engine,
    insert,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import URL
from sqlalchemy.pool import NullPool
from sqlalchemy.types import TypeDecorator

from winback_desktop import __version__
from winback_desktop.core.errors import DatabaseError, DatabaseTooNew
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.db import restore_guard
from winback_desktop.db.engine import sqlite_path

log = logging.getLogger(__name__)

FORMAT = "winback-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SQLITE_MEMBER = "database.sqlite3"
PGDUMP_MEMBER = "database.pgdump"
TABLES_DIR = "tables/"
BATCH = 2000

#: ``progress(done, total, label)``; label is a table name or a step.
Progress = Callable[[int, int, str], None]


def _no_progress(done: int, total: int, label: str) -> None:
    del done, total, label


class BackupKind(StrEnum):
    SQLITE = "sqlite"
    PG_DUMP = "pg_dump"
    PORTABLE = "portable"


class BackupCorrupt(DatabaseError):
    default_text = QT_TRANSLATE_NOOP(
        "Errors", "The backup {path} is damaged or incomplete: {detail}"
    )


class BackupNotSupported(DatabaseError):
    default_text = QT_TRANSLATE_NOOP(
        "Errors",
        "This backup was made with pg_dump and can only be restored into a PostgreSQL "
        "server with pg_restore installed on this PC.",
    )


class BackupToolFailed(DatabaseError):
    default_text = QT_TRANSLATE_NOOP("Errors", "{tool} failed: {detail}")


# --------------------------------------------------------------------------- manifest


@dataclass
class TableStat:
    rows: int
    sha256: str


@dataclass
class Manifest:
    kind: BackupKind
    revision: str | None
    source_backend: str
    created_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat())
    app_version: str = __version__
    tables: dict[str, TableStat] = field(default_factory=dict)
    #: member name -> SHA-256 of its bytes (the payload, not the manifest)
    members: dict[str, str] = field(default_factory=dict)
    #: portable backups: the column order of each table's JSON lines
    columns: dict[str, list[str]] = field(default_factory=dict)

    def to_json(self) -> str:
        data = asdict(self)
        data = {"format": FORMAT, "format_version": FORMAT_VERSION, **data}
        data["kind"] = str(self.kind)
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)

    @classmethod
    def from_json(cls, raw: str | bytes, path: Path) -> Manifest:
        try:
            data = json.loads(raw)
            if data.get("format") != FORMAT:
                raise ValueError("not a Winback backup manifest")
            if int(data.get("format_version", 0)) > FORMAT_VERSION:
                raise ValueError("made by a newer Winback Desktop")
            return cls(
                kind=BackupKind(data["kind"]),
                revision=data.get("revision"),
                source_backend=str(data.get("source_backend", "")),
                created_at=str(data.get("created_at", "")),
                app_version=str(data.get("app_version", "")),
                tables={k: TableStat(int(v["rows"]), str(v["sha256"]))
                        for k, v in data.get("tables", {}).items()},
                members={str(k): str(v) for k, v in data.get("members", {}).items()},
                columns={str(k): list(v) for k, v in data.get("columns", {}).items()},
            )
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise BackupCorrupt(path=str(path), detail=str(exc)) from exc

    def counts(self) -> dict[str, int]:
        return {name: stat.rows for name, stat in self.tables.items()}


# --------------------------------------------------------------------------- canonical rows


#: Values JSON writes the same on every engine: returned as they are (the common case).
_PLAIN = frozenset({str, int, bool, float, type(None), dict, list})
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def canonical(value: Any) -> Any:
    """A value as the same JSON on either engine (UTC ISO times, hex bytes, …)."""
    if type(value) in _PLAIN:
        return value
    if isinstance(value, datetime):
        if value.tzinfo is None:  # SQLite keeps naive UTC
            value = value.replace(tzinfo=UTC)
        elif value.utcoffset():
            value = value.astimezone(UTC)
        return value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    if isinstance(value, Decimal):
        return str(value)
    return value


def row_line(names: Sequence[str], values: Sequence[Any]) -> str:
    """One row as canonical JSON keyed by column name.

    Keyed (not positional) so the checksum does not depend on the physical column order,
    which can differ between a database built by migrations and the models.
    """
    return _ENCODER.encode({n: canonical(v) for n, v in zip(names, values, strict=True)})


def _integer_pk(table: Table) -> bool:
    cols = list(table.primary_key.columns)
    return bool(cols) and all(isinstance(c.type, Integer) for c in cols)


def iter_lines(conn: Connection, table: Table) -> Iterator[str]:
    """Every row of ``table`` as a canonical line, in primary-key order.

    Integer keys are ordered by the server; text keys are sorted here so collation
    differences between engines cannot change the order.
    """
    pk = list(table.primary_key.columns) or list(table.columns)
    names = [c.name for c in table.columns]
    if _integer_pk(table):
        result = conn.execution_options(yield_per=BATCH).execute(
            select(table).order_by(*pk))
        for row in result:
            yield row_line(names, row)
        return
    rows = [tuple(r) for r in conn.execute(select(table))]
    index = [list(table.columns).index(c) for c in pk]
    rows.sort(key=lambda r: json.dumps([canonical(r[i]) for i in index], sort_keys=True))
    for values in rows:
        yield row_line(names, values)


def table_stat(conn: Connection, table: Table) -> TableStat:
    digest = hashlib.sha256()
    rows = 0
    for line in iter_lines(conn, table):
        digest.update(line.encode("utf-8"))
        digest.update(b"\n")
        rows += 1
    return TableStat(rows, digest.hexdigest())


def table_stats(conn: Connection, tables: Iterable[Table],
                progress: Progress = _no_progress) -> dict[str, TableStat]:
    tables = list(tables)
    stats = {}
    for i, table in enumerate(tables):
        progress(i, len(tables), table.name)
        stats[table.name] = table_stat(conn, table)
    return stats


def current_revision(conn: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()


def data_tables(conn: Connection, revision: str | None) -> list[Table]:
    """The tables to copy, parents before children.

    At this app's head the typed models are used (their types make values identical on
    both engines); an older schema (a pre-upgrade backup) is reflected as it is.
    """
    from winback_desktop.db import migrate
    from winback_desktop.db.models import Base

    if revision is not None and revision == migrate.head_revision():
        return list(Base.metadata.sorted_tables)
    meta = MetaData()
    meta.reflect(conn)
    return [t for t in meta.sorted_tables if t.name != "alembic_version"]


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
    with zipfile.ZipFile(part, "w", compression=compress, compresslevel=1) as zf:
        for member, path in files.items():
            zf.write(path, member)
        zf.writestr(MANIFEST, manifest.to_json())
    with part.open("rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(part, target)


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


# --------------------------------------------------------------------------- loading


def _decode(column: Column[Any], value: Any) -> Any:
    if value is None:
        return None
    kind_type = column.type
    if isinstance(kind_type, TypeDecorator):
        kind_type = kind_type.impl_instance
    if isinstance(kind_type, JSON):
        return value
    try:
        kind = kind_type.python_type
    except NotImplementedError:
        return value
    if kind is datetime and isinstance(value, str):
        return datetime.fromisoformat(value)
    if kind is date and isinstance(value, str):
        return date.fromisoformat(value)
    if kind is time and isinstance(value, str):
        return time.fromisoformat(value)
    if kind is bytes and isinstance(value, str):
        return bytes.fromhex(value)
    return value


def loading_table(table: Table, dialect: str) -> Table:
    """A copy of ``table`` for bulk inserts.

    JSON columns keep ``None`` as SQL NULL (SQLAlchemy's default writes JSON ``null``),
    so ``IS NULL`` queries read the same after a copy.
    """
    cols = []
    for c in table.columns:
        kind = c.type
        if isinstance(kind, JSON):
            kind = JSONB(none_as_null=True) if dialect == "postgresql" else JSON(none_as_null=True)
        cols.append(Column(c.name, kind, primary_key=c.primary_key, autoincrement=False))
    return Table(table.name, MetaData(), *cols)


def clear_tables(conn: Connection, tables: Sequence[Table]) -> None:
    """Delete every row of ``tables`` inside the caller's transaction."""
    if conn.dialect.name == "postgresql":
        names = ", ".join(conn.dialect.identifier_preparer.quote(t.name) for t in tables)
        if names:
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        return
    conn.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
    for table in reversed(list(tables)):
        conn.execute(table.delete())


def insert_rows(conn: Connection, table: Table, rows: Iterable[dict[str, Any]]) -> int:
    """Core bulk insert in batches; returns the number of rows."""
    target = loading_table(table, conn.dialect.name)
    stmt = insert(target)
    batch: list[dict[str, Any]] = []
    done = 0
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            conn.execute(stmt, batch)
            done += len(batch)
            batch = []
    if batch:
        conn.execute(stmt, batch)
        done += len(batch)
    return done


def fix_sequences(conn: Connection, tables: Iterable[Table]) -> None:
    """After explicit ids were copied in, make PostgreSQL's next id follow the largest."""
    if conn.dialect.name != "postgresql":
        return
    prep = conn.dialect.identifier_preparer
    for table in tables:
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or not isinstance(pk[0].type, Integer):
            continue
        col = pk[0].name
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence(:t, :c), "
                f"COALESCE((SELECT MAX({prep.quote(col)}) FROM {prep.quote(table.name)}), 0) + 1,"
                f" false) WHERE pg_get_serial_sequence(:t, :c) IS NOT NULL"
            ),
            {"t": table.name, "c": col},
        )


def copy_table(source: Connection, target: Connection, table: Table) -> int:
    """Stream one table from ``source`` into ``target`` in primary-key order."""
    return insert_rows(target, table, _source_rows(source, table))


def portable_rows(zf: zipfile.ZipFile, table: Table,
                  columns: list[str]) -> Iterator[dict[str, Any]]:
    wanted = [c for c in table.columns if c.name in set(columns)]
    with zf.open(f"{TABLES_DIR}{table.name}.jsonl") as fh:
        for raw in fh:
            values = json.loads(raw)
            yield {col.name: _decode(col, values.get(col.name)) for col in wanted}


@contextlib.contextmanager
def opened_sqlite_payload(path: Path) -> Iterator[Path]:
    """Extract a SQLite backup's database to a scratch file for the caller."""
    with tempfile.TemporaryDirectory(prefix="winback-restore-") as tmp, \
            zipfile.ZipFile(path) as zf:
        zf.extract(SQLITE_MEMBER, tmp)
        yield Path(tmp) / SQLITE_MEMBER


@contextlib.contextmanager
def opened_pgdump_payload(path: Path) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="winback-restore-") as tmp, \
            zipfile.ZipFile(path) as zf:
        zf.extract(PGDUMP_MEMBER, tmp)
        yield Path(tmp) / PGDUMP_MEMBER


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


def _source_rows(conn: Connection, table: Table) -> Iterator[dict[str, Any]]:
    pk = list(table.primary_key.columns) or list(table.columns)
    names = [c.name for c in table.columns]
    for row in conn.execution_options(yield_per=BATCH).execute(select(table).order_by(*pk)):
        out = {}
        for name, value in zip(names, row, strict=True):
            if isinstance(value, datetime) and value.tzinfo is None:
                value = value.replace(tzinfo=UTC)
            out[name] = value
        yield out
