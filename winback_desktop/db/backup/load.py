"""Backups: loading rows into a database (decode, insert, sequences, payload files)."""

from __future__ import annotations

import contextlib
import json
import tempfile
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    Connection,
    Integer,
    MetaData,
    Table,
    insert,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.types import TypeDecorator

from winback_desktop.db.backup.manifest import BATCH, PGDUMP_MEMBER, SQLITE_MEMBER, TABLES_DIR

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
    except NotImplementedError:  # SQLAlchemy's answer for a type with no Python
        return value             # equivalent: the stored value is already right
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

