"""``winback user add|list|update``."""

from __future__ import annotations

import argparse
import getpass
import sys
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from winback_desktop.cli._common import acting_user, add_command, emit, lazy_module, open_db, tr
from winback_desktop.core.errors import ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from winback_desktop.services import user_actions
else:  # imported when a command runs, not when the parser is built
    user_actions = lazy_module("winback_desktop.services.user_actions")


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    user = sub.add_parser("user", help=tr("users and roles"))
    user_sub = user.add_subparsers(dest="user_command", metavar="COMMAND", required=True)
    add = add_command(user_sub, "add", common, add_user, tr("add a user"))
    add.add_argument("login")
    add.add_argument("--role", required=True, choices=["agent", "supervisor", "admin"])
    add.add_argument("--name", default="", help=tr("display name"))
    add.add_argument("--team", default=None, help=tr("team name (created if new)"))
    add.add_argument("--password", default=None,
                     help=tr("password (prompted for when omitted)"))
    add_command(user_sub, "list", common, list_users, tr("list users"))
    update = add_command(user_sub, "update", common, update_user, tr("change a user"))
    update.add_argument("login")
    update.add_argument("--extension", required=True, metavar="EXT",
                        help=tr("the user's phone extension on the team's PBX (\"\" clears it)"))


def _password(args: argparse.Namespace) -> str:
    if args.password is not None:
        return str(args.password)
    if not sys.stdin.isatty():
        line = sys.stdin.readline().rstrip("\r\n")
        if not line:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "No password given: use --password or type one.")
            )
        return line
    first = getpass.getpass(tr("Password: "))
    second = getpass.getpass(tr("Repeat password: "))
    if first != second:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The passwords do not match."))
    return first


def add_user(args: argparse.Namespace) -> int:
    password = _password(args)
    db = open_db(args)
    try:
        # The CLI runs with the OS account's authority, like the installer: whoever can
        # run it against the database file or server already holds its credentials.
        user = user_actions.add_user(db, acting_user(args, db), args.login, args.role,
                                     password, display_name=args.name, team=args.team)
        data = {"id": user.user_id, "login": user.login, "role": user.role,
                "display_name": user.display_name}
        emit(args, data, tr("Added {role} '{login}'.").format(role=data["role"],
                                                               login=data["login"]))
    finally:
        db.dispose()
    return 0


def list_users(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        rows = user_actions.list_users(db, acting_user(args, db)).users
        data = [asdict(r) for r in rows]
        lines = [f"{r.login:<20} {r.role:<11} {r.display_name}" for r in rows]
        emit(args, data, "\n".join(lines) if lines else tr("No users."))
    finally:
        db.dispose()
    return 0


def update_user(args: argparse.Namespace) -> int:
    from winback_desktop.services import user_actions

    db = open_db(args)
    try:
        saved = user_actions.set_extension(db, acting_user(args, db), args.login,
                                           args.extension)
        data = {"id": saved.user_id, "login": saved.login,
                "extension": args.extension.strip() or None}
        text = (tr("Extension of '{login}' set to {extension}.") if data["extension"]
                else tr("Extension of '{login}' cleared."))
        emit(args, data, text.format(login=saved.login, extension=data["extension"]))
    finally:
        db.dispose()
    return 0
