"""``winback login|logout|whoami``: who the command line acts as (DESIGN §9)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

from winback_desktop.cli._common import acting_user, add_command, emit, open_db, session_key, tr
from winback_desktop.core.errors import ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    login = add_command(sub, "login", common, login_cmd,
                        tr("log in: later commands on this database act as you"))
    login.add_argument("login", nargs="?", default=None,
                       help=tr("your login (asked for when omitted)"))
    login.add_argument("--password-stdin", action="store_true",
                       help=tr("read the password from standard input (scripts)"))
    login.add_argument("--hours", type=int, default=12,
                       help=tr("how long the login lasts (1 to 168 hours, default 12)"))
    add_command(sub, "logout", common, logout_cmd, tr("end this PC's login to the database"))
    add_command(sub, "whoami", common, whoami_cmd, tr("who commands act as"))


def _password(args: argparse.Namespace, login: str) -> str:
    if args.password_stdin or not sys.stdin.isatty():
        line = sys.stdin.readline().rstrip("\r\n")
        if not line:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "No password given."))
        return line
    env = os.environ.get("WINBACK_PASSWORD")
    if env and os.environ.get("WINBACK_USER", "").lower() == login.lower():
        return env
    return getpass.getpass(tr("Password for {login}: ").format(login=login))


def login_cmd(args: argparse.Namespace) -> int:
    from winback_desktop.services import cli_sessions, cli_tokens

    login = args.login or (input(tr("Login: ")).strip() if sys.stdin.isatty() else "")
    if not login:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Say who logs in: winback login LOGIN."))
    password = _password(args, login)
    db = open_db(args, identify=False)
    try:
        done = cli_sessions.sign_in(db, login, password, hours=args.hours)
        old = cli_tokens.load(session_key(db))
        if old is not None:
            cli_sessions.sign_out(db, old)
        cli_tokens.save(session_key(db), done.token)
        data = {"login": done.actor.login, "role": str(done.actor.role),
                "database": db.display_url, "expires_at": done.expires_at}
        emit(args, data, tr("Logged in as {login} ({role}) until {until}.").format(
            login=done.actor.login, role=str(done.actor.role),
            until=done.expires_at.astimezone().strftime("%Y-%m-%d %H:%M")))
    finally:
        db.dispose()
    return 0


def logout_cmd(args: argparse.Namespace) -> int:
    from winback_desktop.services import cli_sessions, cli_tokens

    db = open_db(args, identify=False)
    try:
        token = cli_tokens.load(session_key(db))
        ended = token is not None and cli_sessions.sign_out(db, token)
        cli_tokens.forget(session_key(db))
        emit(args, {"logged_out": ended},
             tr("Logged out.") if ended else tr("Nobody was logged in."))
    finally:
        db.dispose()
    return 0


def whoami_cmd(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        actor = acting_user(args, db)
        emit(args, {"login": actor.login, "role": str(actor.role), "user_id": actor.user_id},
             f"{actor.login} ({actor.role})")
    finally:
        db.dispose()
    return 0
