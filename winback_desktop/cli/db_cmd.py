"""``winback db upgrade|status``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from winback_desktop.cli._common import (
    MISSING_DATABASE,
    add_command,
    emit,
    lazy_module,
    open_db,
    tr,
)

if TYPE_CHECKING:
    from winback_desktop.services import database
else:  # imported when a command runs, not when the parser is built
    database = lazy_module("winback_desktop.services.database")


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
    # The one command that creates a database where none is: that is what it is for.
    args.create = True
    reports: list[dict[str, Any]] = []
    db = open_db(args, identify=False, on_backup=backups.append, on_report=reports.append)
    try:
        info: dict[str, Any] = dict(database.schema_status(db))
        info["backup"] = str(backups[0]) if backups else None
        text = tr("Database {url} is at schema {rev}.").format(url=info["url"], rev=info["current"])
        if backups:
            print(tr("Backup written to {path}").format(path=backups[0]), file=sys.stderr)
        groups = [g for r in reports if r.get("kind") == "duplicate_customer_ids"
                  for g in r["groups"]]
        info["duplicate_customer_ids"] = groups
        lines = [text, *(tr("Customer ID {id} was held by {n} customers: customer {kept} keeps "
                            "it, customers {released} gave it up (see the audit log).").format(
            id=g["external_id"], n=len(g["released"]) + 1, kept=g["kept"],
            released=", ".join(str(c) for c in g["released"])) for g in groups)]
        emit(args, info, "\n".join(lines))
    finally:
        db.dispose()
    return 0


def status(args: argparse.Namespace) -> int:
    url = getattr(args, "database", None) or database.default_database_url()
    database.ensure_exists(url, create=bool(getattr(args, "create", False)),
                  missing_text=MISSING_DATABASE)
    db = database.connect(url)
    try:
        # an unreachable server is one translated line from the service
        info = database.schema_status(db)
        text = tr("Database {url}: schema {current}, this app needs {head}.").format(**info)
        emit(args, info, text)
    finally:
        db.dispose()
    return 0
