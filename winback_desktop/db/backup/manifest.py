"""Backups: the format's names, errors and the manifest every backup zip carries."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from winback_desktop import __version__
from winback_desktop.core.errors import DatabaseError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP

log = logging.getLogger("winback_desktop.db.backup")

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

