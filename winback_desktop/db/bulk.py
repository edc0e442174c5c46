"""Fast bulk inserts for imports: ids allocated up front, then one DBAPI bulk write.

SQLAlchemy's ORM-enabled ``insert().returning()`` over 100k rows costs tens of seconds
on SQLite and Core's dict-per-row path ~4× a bare ``executemany`` (DESIGN §11). Here the
caller allocates primary keys first (so child rows can reference them without
RETURNING), rows are plain tuples with the column types' bind processing applied, and
the write is a few multi-row ``INSERT … VALUES`` statements per chunk on SQLite (see
:func:`_sqlite_insert`) or ``COPY … FROM STDIN`` on PostgreSQL. Both run inside the
caller's transaction.
"""

from __future__ import annotations

import gc
import itertools
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Any, cast

from sqlalchemy import Date, Table, text
from sqlalchemy.engine import Connection, Dialect


def allocate_ids(conn: Connection, table: Table, count: int, *,
                 sequence: str | None = None) -> list[int]:
    """``count`` fresh primary keys for ``table`` (integer ``id`` column).

    SQLite: the caller holds the write lock (``BEGIN IMMEDIATE``), so ``max(id) + 1 …``
    cannot be taken by anyone else before commit. PostgreSQL: values drawn from the
    column's sequence (``sequence`` when the caller already knows its name), safe with
    concurrent writers.
    """
    if count <= 0:
        return []
    if conn.dialect.name == "postgresql":
        seq = sequence or _sequence_of(conn, table)
        rows = conn.execute(text("SELECT nextval(CAST(:s AS regclass)) "
                                 "FROM generate_series(1, :n)"), {"s": seq, "n": count})
        return [r[0] for r in rows]
    top = conn.execute(text(f'SELECT coalesce(max(id), 0) FROM "{table.name}"')).scalar_one()
    return list(range(int(top) + 1, int(top) + 1 + count))


def _sequence_of(conn: Connection, table: Table) -> str:
    return str(conn.execute(text("SELECT pg_get_serial_sequence(:t, 'id')"),
                            {"t": table.name}).scalar_one())


class IdAllocator:
    """Hands out primary keys for one table; safe to share between threads.

    SQLite needs one ``max(id)`` at the start (the write lock is held until commit), then
    counts on in memory, so the import's reading thread can number rows the writing
    thread will insert. PostgreSQL draws each batch from the sequence; a sequence is
    outside transactions, so the allocator may run on a connection of its own (the
    import's reading thread reserves ids there, off the writer's path). Ids of a
    transaction that rolls back, or of rows that end up not inserted, are simply never
    used.
    """

    def __init__(self, conn: Connection, table: Table) -> None:
        self.conn = conn
        self.table = table
        self._next: int | None = None
        self._sequence: str | None = None
        self._lock = threading.Lock()

    def prime(self) -> IdAllocator:
        """Do the one query SQLite needs now, on the calling thread's connection."""
        if self.conn.dialect.name != "postgresql":
            with self._lock:
                if self._next is None:
                    self._next = allocate_ids(self.conn, self.table, 1)[0]
        return self

    def take(self, count: int) -> list[int]:
        if count <= 0:
            return []
        if self.conn.dialect.name == "postgresql":
            with self._lock:
                if self._sequence is None:
                    self._sequence = _sequence_of(self.conn, self.table)
                return allocate_ids(self.conn, self.table, count, sequence=self._sequence)
        self.prime()
        with self._lock:
            first = cast(int, self._next)
            self._next = first + count
        return list(range(first, first + count))


def bind_processors(dialect: Dialect, table: Table,
                    columns: Sequence[str]) -> list[Callable[[Any], Any] | None]:
    """The dialect's bind processing per column (dates on SQLite, UTC datetimes …)."""
    procs: list[Callable[[Any], Any] | None] = []
    for name in columns:
        type_ = table.c[name].type
        proc = type_._cached_bind_processor(dialect)
        if proc is not None and dialect.name == "sqlite" and isinstance(type_, Date):
            # SQLite stores dates as ISO text; the C method is several times faster.
            proc = date.isoformat  # type: ignore[assignment]
        procs.append(proc)
    return procs


def insert_rows(conn: Connection, table: Table, columns: Sequence[str],
                rows: list[tuple[Any, ...]] | list[list[Any]]) -> None:
    """Insert already-processed value tuples (see :func:`bind_processors`)."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        cols = ", ".join(f'"{c}"' for c in columns)
        raw = conn.connection.driver_connection
        cursor = raw.cursor()  # type: ignore[union-attr]
        with cursor.copy(f'COPY "{table.name}" ({cols}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row(row)
        cursor.close()
        return
    _sqlite_insert(conn.connection.driver_connection, table, columns, rows)


#: Bound parameters per statement: SQLite's compiled-in default since 3.32.
_MAX_PARAMS = 32_766


def _sqlite_insert(raw: Any, table: Table, columns: Sequence[str],
                   rows: list[tuple[Any, ...]] | list[list[Any]]) -> None:
    """Many rows per statement, so SQLite works without holding the GIL.

    ``executemany`` releases the GIL around every single row's step and must win it back
    for the next row's binding; while another thread is busy in Python (the import's
    reader parsing the next chunk) each hand-back waits out the interpreter's switch
    interval, and 100k rows took minutes instead of one second. One multi-row
    ``INSERT … VALUES (…), (…), …`` per ~1,400 rows costs the same CPU as
    ``executemany`` (the binding is the same C loop) but hands the GIL back once per
    statement, so SQLite's work runs in parallel with the reader.
    """
    width = len(columns)
    cols = ", ".join(f'"{c}"' for c in columns)
    try:
        limit = min(raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER), _MAX_PARAMS)
    except (AttributeError, sqlite3.Error):  # pragma: no cover - Python < 3.11
        limit = 999
    per = max(1, limit // width)
    one = "(" + ", ".join("?" * width) + ")"
    head = f'INSERT INTO "{table.name}" ({cols}) VALUES '
    cursor = raw.cursor()
    try:
        for start in range(0, len(rows), per):
            part = rows[start:start + per]
            cursor.execute(head + ", ".join(itertools.repeat(one, len(part))),
                           list(itertools.chain.from_iterable(part)))
    finally:
        cursor.close()


def process_rows(processors: Sequence[Callable[[Any], Any] | None],
                 rows: list[list[Any]]) -> list[list[Any]]:
    """Apply bind processors in place, column by column (skipping columns without one)."""
    active = [(i, p) for i, p in enumerate(processors) if p is not None]
    if not active:
        return rows
    for row in rows:
        for i, proc in active:
            value = row[i]
            if value is not None:
                row[i] = proc(value)
    return rows


@contextmanager
def bulk_runtime() -> Iterator[None]:
    """Interpreter settings for a reader thread feeding a writer thread, restored after.

    * The cyclic garbage collector: an import allocates millions of short-lived, acyclic
      objects (rows, dicts, lists), and every full collection walked all of the
      application's objects too; a 100k-row import spent 0.4 s in ten of them. The
      application's existing objects are frozen out of collections meanwhile and the
      youngest generation collects every 50,000 allocations instead of 700 — collection
      still happens, so the rare cycle is still freed.
    * The switch interval: the writer gives up the GIL while SQLite works and then waits
      for the reader to hand it back, by default up to 5 ms each time; 0.5 ms keeps the
      writer (the import's critical path) busy.
    """
    threshold = gc.get_threshold()
    interval = sys.getswitchinterval()
    frozen_before = gc.get_freeze_count() > 0  # someone else's freeze is theirs to undo
    gc.freeze()
    gc.set_threshold(max(threshold[0], 50_000), *threshold[1:])
    sys.setswitchinterval(min(interval, 0.0005))
    try:
        yield
    finally:
        sys.setswitchinterval(interval)
        gc.set_threshold(*threshold)
        if not frozen_before:
            gc.unfreeze()
