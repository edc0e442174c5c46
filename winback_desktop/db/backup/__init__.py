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
PostgreSQL. The same numbers verify a restore and a move from SQLite to a team server."""

from __future__ import annotations

from winback_desktop.db.backup.load import (
    clear_tables,
    copy_table,
    fix_sequences,
    insert_rows,
    loading_table,
    opened_pgdump_payload,
    opened_sqlite_payload,
    portable_rows,
)
from winback_desktop.db.backup.manifest import (
    BATCH,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    PGDUMP_MEMBER,
    SQLITE_MEMBER,
    TABLES_DIR,
    BackupCorrupt,
    BackupKind,
    BackupNotSupported,
    BackupToolFailed,
    Manifest,
    Progress,
    TableStat,
    log,
)
from winback_desktop.db.backup.restore import RowSource, drop_all_tables, load_tables, restore_into
from winback_desktop.db.backup.rows import (
    canonical,
    current_revision,
    data_tables,
    iter_lines,
    row_line,
    table_stat,
    table_stats,
)
from winback_desktop.db.backup.verify import (
    Verified,
    check_revision,
    compare_stats,
    read_manifest,
    verify,
)
from winback_desktop.db.backup.write import (
    SCRATCH_PREFIXES,
    STALE_SCRATCH_SECONDS,
    libpq_url,
    sweep_stale_scratch,
    write_backup,
)

__all__ = [
    "BATCH",
    "FORMAT",
    "FORMAT_VERSION",
    "MANIFEST",
    "PGDUMP_MEMBER",
    "SCRATCH_PREFIXES",
    "SQLITE_MEMBER",
    "STALE_SCRATCH_SECONDS",
    "TABLES_DIR",
    "BackupCorrupt",
    "BackupKind",
    "BackupNotSupported",
    "BackupToolFailed",
    "Manifest",
    "Progress",
    "RowSource",
    "TableStat",
    "Verified",
    "canonical",
    "check_revision",
    "clear_tables",
    "compare_stats",
    "copy_table",
    "current_revision",
    "data_tables",
    "drop_all_tables",
    "fix_sequences",
    "insert_rows",
    "iter_lines",
    "libpq_url",
    "load_tables",
    "loading_table",
    "log",
    "opened_pgdump_payload",
    "opened_sqlite_payload",
    "portable_rows",
    "read_manifest",
    "restore_into",
    "row_line",
    "sweep_stale_scratch",
    "table_stat",
    "table_stats",
    "verify",
    "write_backup",
]
