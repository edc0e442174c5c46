"""``winback backup|restore`` and ``winback db migrate-to|test-connection``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from winback_desktop.cli._common import acting_user, add_command, emit, lazy_module, open_db, tr
from winback_desktop.core.errors import WinbackError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from winback_desktop.services import backup, context, database, team_setup
    from winback_desktop.services.context import Actor
    from winback_desktop.services.database import Database
else:  # imported when a command runs, not when the parser is built
    backup = lazy_module("winback_desktop.services.backup")
    context = lazy_module("winback_desktop.services.context")
    database = lazy_module("winback_desktop.services.database")
    team_setup = lazy_module("winback_desktop.services.team_setup")


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    b = add_command(sub, "backup", common, backup_cmd,
                    tr("back the whole database up into a file"))
    b.add_argument("file", metavar="FILE", nargs="?", default=None,
                   help=tr("backup file or folder (default: this PC's backups folder)"))
    b.add_argument("--portable", action="store_true",
                   help=tr("write per-table JSON lines that load into SQLite or PostgreSQL"))
    r = add_command(sub, "restore", common, restore_cmd,
                    tr("replace the database with a backup (asks for confirmation)"))
    r.add_argument("file", metavar="FILE")
    r.add_argument("--yes", action="store_true",
                   help=tr("do not ask: replace the database without confirmation"))
    r.add_argument("--wait", metavar="SECONDS", type=float, default=60.0,
                   help=tr("how long to wait for other workstations to disconnect "
                           "(default: 60)"))
    r.add_argument("--check", action="store_true",
                   help=tr("only verify the backup file; change nothing"))


def register_db(db_sub: Any, common: argparse.ArgumentParser) -> None:
    """Adds ``migrate-to`` and ``test-connection`` under ``winback db``."""
    m = add_command(db_sub, "migrate-to", common, migrate_to_cmd,
                    tr("copy this PC's database into an empty team PostgreSQL server"))
    m.add_argument("url", metavar="URL", help=tr("postgresql://user:password@host:port/db"))
    t = add_command(db_sub, "test-connection", common, test_connection_cmd,
                    tr("check that a team PostgreSQL server answers"))
    t.add_argument("url", metavar="URL")


def _progress(args: argparse.Namespace) -> Any:
    def show(done: int, total: int, label: str) -> None:
        if not getattr(args, "json", False) and sys.stderr.isatty():
            print(f"\r{done}/{total} {label:<30}", end="", file=sys.stderr, flush=True)
            if total and done >= total:
                print(file=sys.stderr)

    return show


def backup_cmd(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        info = backup.backup(db, acting_user(args, db), args.file, progress=_progress(args),
                             portable=args.portable)
    finally:
        db.dispose()
    emit(args, info.as_dict(),
         tr("Backup written to {path}: {rows} rows in {tables} tables, {size} MB, {seconds} s.")
         .format(path=info.path, rows=info.total_rows, tables=len(info.rows),
                 size=f"{info.size_bytes / 1e6:.1f}", seconds=f"{info.seconds:.1f}"))
    return 0


def _describe(info: backup.BackupInfo) -> str:
    return tr("Backup {path}: made {created} by version {version}, schema {revision}, "
              "{rows} rows ({customers} customers).").format(
        path=info.path, created=info.created_at, version=info.app_version,
        revision=info.revision, rows=info.total_rows,
        customers=info.rows.get("customers", 0))


def _confirmed(args: argparse.Namespace, database: str) -> bool:
    if args.yes:
        return True
    if not sys.stdin.isatty():
        return False
    answer = input(tr("This replaces everything in {database}. Type yes to continue: ")
                   .format(database=database))
    return answer.strip().lower() in {"yes", tr("yes").lower()}


def restore_cmd(args: argparse.Namespace) -> int:
    info = backup.verify_backup(Path(args.file), _progress(args))
    if args.check:
        emit(args, info.as_dict(), _describe(info) + " " + tr("The file is intact."))
        return 0
    # Not open_db: a restore must work on a damaged, empty or too-new database too.
    db = database.connect(getattr(args, "database", None))
    try:
        if not getattr(args, "json", False):
            print(_describe(info), file=sys.stderr)
        if not _confirmed(args, db.display_url):
            raise WinbackError(QT_TRANSLATE_NOOP(
                "Errors", "Not restored: everything in {database} would be replaced. Run "
                "again with --yes, or type yes when asked."), database=db.display_url)
        result = backup.restore(db, _restorer(args, db), args.file, confirm=True,
                                progress=_progress(args),
                                wait_seconds=max(0.0, min(float(args.wait), 3600.0)))
    finally:
        db.dispose()
    emit(args, result.as_dict(),
         tr("Restored {database} from {path}: {rows} rows verified.").format(
             database=result.database, path=result.path, rows=sum(result.rows.values())))
    return 0


def _restorer(args: argparse.Namespace, db: Database) -> Actor:
    """An admin's login when the database can say who that is; a database that is
    damaged, empty or too new cannot, and then the database credential (the SQLite
    file's OS account, the PostgreSQL schema owner) is the authority (docs/SECURITY.md)."""
    from dataclasses import replace

    from winback_desktop.core.errors import AuthenticationFailed, NotLoggedIn, PermissionDenied

    try:
        return acting_user(args, db)
    except (NotLoggedIn, AuthenticationFailed, PermissionDenied):
        raise
    except Exception:  # no readable users table: the database credential decides
        return replace(context.Actor.system(), channel="cli")


def _target_url(url: str) -> str:
    """Fill in the password from the credential store when the URL has none."""
    conn, password = team_setup.ServerConnection.from_url(url)
    if password is None:
        try:
            stored = team_setup.load_password(conn)
        except team_setup.KeyringUnavailable:
            stored = None
        if stored:
            return conn.url(stored)
    return url


def migrate_to_cmd(args: argparse.Namespace) -> int:
    target = _target_url(args.url)
    db = open_db(args)
    try:
        report = team_setup.migrate_to(db, target, acting_user(args, db), _progress(args))
    finally:
        db.dispose()
    lines = [f"{'table':<24} {'source':>10} {'target':>10}  ok"]
    for t in report.tables:
        lines.append(f"{t.table:<24} {t.source_rows:>10} {t.target_rows:>10}  "
                     f"{'ok' if t.ok else 'MISMATCH'}")
    lines.append(tr("Copied {rows} rows into {target} in {seconds} s; every table verified.")
                 .format(rows=report.total_rows, target=report.target,
                         seconds=f"{report.seconds:.1f}"))
    emit(args, report.as_dict(), "\n".join(lines))
    return 0 if report.ok else 1


def test_connection_cmd(args: argparse.Namespace) -> int:
    conn, password = team_setup.ServerConnection.from_url(_target_url(args.url))
    check = team_setup.test_connection(conn, password)
    states = {
        "missing": tr("no Winback schema yet (run: winback --database URL db upgrade)"),
        "old": tr("schema needs an upgrade (run: winback --database URL db upgrade)"),
        "current": tr("schema is up to date"),
        "newer": tr("schema is newer than this app: install the newer version"),
    }
    emit(args, {**check.as_dict(), "url": conn.display()},
         tr("Connected to {url} (PostgreSQL {version}): {state}.").format(
             url=conn.display(), version=check.server_version, state=states[check.schema]))
    return 0
