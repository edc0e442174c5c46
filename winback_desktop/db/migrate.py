"""Bring any database to the schema head, refusing one newer than this app.

Migrations ship inside the package; there is no alembic.ini to find at run time.
Before an existing database is upgraded, a backup copy is taken (DESIGN §10).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, MetaData, inspect, select

from winback_desktop.core.errors import DatabaseNotInitialised, DatabaseTooNew
from winback_desktop.db.engine import data_dir, sqlite_path

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config(engine: Engine | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def has_user_tables(engine: Engine) -> bool:
    return bool(set(inspect(engine).get_table_names()) - {"alembic_version"})


def check_schema(engine: Engine) -> None:
    """Raise unless the database is exactly at this app's head."""
    current = current_revision(engine)
    if current is None:
        raise DatabaseNotInitialised()
    if current not in known_revisions():
        raise DatabaseTooNew(revision=current)


def needs_upgrade(engine: Engine) -> bool:
    current = current_revision(engine)
    if current is not None and current not in known_revisions():
        raise DatabaseTooNew(revision=current)
    return current != head_revision()


def backups_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return value.hex()
    raise TypeError(type(value).__name__)


def backup_database(engine: Engine, target_dir: Path | None = None, label: str = "backup") -> Path:
    """Copy the whole database to a file in ``target_dir``.

    SQLite uses its online backup API (consistent while others write). PostgreSQL uses
    ``pg_dump`` when it is installed, else a portable JSON-lines dump of every table.
    """
    target_dir = target_dir or backups_dir()
    target_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    path = sqlite_path(engine.url)
    if engine.dialect.name == "sqlite" and path is not None:
        out = target_dir / f"winback-{label}-{stamp}.sqlite3"
        src = sqlite3.connect(path)
        try:
            dst = sqlite3.connect(out)
            with dst:
                src.backup(dst)
            dst.close()
        finally:
            src.close()
        return out
    if engine.dialect.name == "postgresql" and shutil.which("pg_dump"):
        out = target_dir / f"winback-{label}-{stamp}.pgdump"
        url = engine.url.set(drivername="postgresql")
        subprocess.run(
            ["pg_dump", "--format=custom", "--file", str(out),
             url.render_as_string(hide_password=False)],
            check=True,
            capture_output=True,
        )
        return out
    out = target_dir / f"winback-{label}-{stamp}.jsonl"
    meta = MetaData()
    meta.reflect(engine)
    with engine.connect() as conn, out.open("w", encoding="utf-8") as fh:
        for table in meta.sorted_tables:
            for row in conn.execute(select(table)).mappings():
                fh.write(json.dumps({"table": table.name, "row": dict(row)},
                                    default=_json_default, ensure_ascii=False) + "\n")
    return out


def upgrade(
    engine: Engine,
    *,
    backup: bool = True,
    on_backup: Callable[[Path], None] | None = None,
) -> Path | None:
    """Upgrade to head. Returns the backup taken, if any.

    A brand-new empty database needs no backup; an existing one gets one first.
    """
    current = current_revision(engine)
    if current is not None and current not in known_revisions():
        raise DatabaseTooNew(revision=current)
    if current == head_revision():
        return None
    taken: Path | None = None
    if backup and has_user_tables(engine):
        taken = backup_database(engine, label=f"pre-upgrade-{current or 'none'}")
        if on_backup:
            on_backup(taken)
    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return taken
