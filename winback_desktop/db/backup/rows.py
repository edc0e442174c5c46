"""Backups: canonical table rows (the portable format's lines and the tables' checksums)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Connection,
    Integer,
    MetaData,
    Table,
    select,
)

from winback_desktop.db.backup.manifest import BATCH, Progress, TableStat, _no_progress

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

