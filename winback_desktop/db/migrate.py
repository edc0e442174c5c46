"""Bring any database to the schema head, refusing one newer than this app.

Migrations ship inside the package; there is no alembic.ini to find at run time.
Before an existing database is upgraded, a backup copy is taken (DESIGN §10).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from winback_desktop.core.errors import DatabaseNotInitialised, DatabaseTooNew
from winback_desktop.db.engine import data_dir

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


def backup_database(engine: Engine, target_dir: Path | None = None, label: str = "backup") -> Path:
    """Write a verified-format backup of the whole database into ``target_dir``.

    See ``db.backup``: SQLite through its online backup API (consistent while others
    write), PostgreSQL through ``pg_dump`` when installed, else a portable export; each
    with a manifest of per-table row counts and checksums that ``restore`` checks.
    """
    from winback_desktop.db.backup import write_backup

    target_dir = target_dir or backups_dir()
    target_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    out = target_dir / f"winback-{label}-{stamp}.zip"
    write_backup(engine, out)
    return out


def upgrade(
    engine: Engine,
    *,
    backup: bool = True,
    on_backup: Callable[[Path], None] | None = None,
    on_report: Callable[[dict[str, Any]], None] | None = None,
) -> Path | None:
    """Upgrade to head. Returns the backup taken, if any.

    A brand-new empty database needs no backup; an existing one gets one first.
    Migrations that found something the admin must know (customer IDs held by several
    customers) hand it to ``on_report``.
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
    for report in cfg.attributes.get("reports", []):
        if on_report is not None:
            on_report(report)
    return taken
