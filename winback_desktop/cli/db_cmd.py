"""``winback db upgrade|status``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from winback_desktop.cli._common import add_command, emit, tr
from winback_desktop.services.database import open_database, schema_status


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    db = sub.add_parser("db", help=tr("database schema commands"))
    db_sub = db.add_subparsers(dest="db_command", metavar="COMMAND", required=True)
    add_command(db_sub, "upgrade", common, upgrade,
                tr("bring the database schema to this version (backs up first)"))
    add_command(db_sub, "status", common, status, tr("show the schema revision"))
    from winback_desktop.cli import backup_cmd

    backup_cmd.register_db(db_sub, common)


def upgrade(args: argparse.Namespace) -> int:
    backups: list[Path] = []
    db = open_database(getattr(args, "database", None), on_backup=backups.append)
    try:
        info = schema_status(db)
        info["backup"] = str(backups[0]) if backups else None
        text = tr("Database {url} is at schema {rev}.").format(url=info["url"], rev=info["current"])
        if backups:
            print(tr("Backup written to {path}").format(path=backups[0]), file=sys.stderr)
        emit(args, info, text)
    finally:
        db.dispose()
    return 0


def status(args: argparse.Namespace) -> int:
    from winback_desktop.db.session import Database

    url = getattr(args, "database", None)
    from winback_desktop.db.engine import default_database_url

    db = Database(url or default_database_url())
    try:
        from sqlalchemy.exc import DBAPIError

        from winback_desktop.core.errors import DatabaseUnavailable
        from winback_desktop.db.session import short_db_error

        try:
            info = schema_status(db)
        except DBAPIError as exc:
            raise DatabaseUnavailable(detail=short_db_error(exc)) from exc
        text = tr("Database {url}: schema {current}, this app needs {head}.").format(**info)
        emit(args, info, text)
    finally:
        db.dispose()
    return 0
