"""Run the real ``winback`` CLI as a logged-in user, as a person at a workstation would.

Since issue 15 the CLI acts only as an authenticated user. Tests that are not about
logging in get a session the way ``winback login`` leaves one (a ``cli_sessions`` row
and the token in this test's own token file, under ``WINBACK_DATA_DIR``) without
knowing each fixture's password; ``tests/security`` drives ``winback login`` itself.

Who acts, unless ``as_user`` says: the login a ``--by``/``--agent`` flag names (the
person the command is about does it), else the first active admin; nobody on a
database without users (first run).
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

from sqlalchemy import func, select

ROOT = Path(__file__).resolve().parents[1]
#: ``as_user=NOBODY`` leaves the stored login as it is (none, or what ``winback login`` left).
NOBODY = ""


def _option(args: Sequence[str], name: str) -> str | None:
    for i, arg in enumerate(args):
        if arg == name and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return None


def _command(args: Sequence[str]) -> str | None:
    """The top-level command (``desk logout`` is a desk command, not ``winback logout``)."""
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg == "--database":
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def login_as(url: str, login: str | None) -> None:
    """Leave a CLI session of ``login`` (None: first admin) for ``url``; forget it if NOBODY."""
    from sqlalchemy.engine import make_url

    from winback_desktop.db.models import CliSession, User
    from winback_desktop.db.session import Database
    from winback_desktop.db.types import utcnow
    from winback_desktop.services import cli_sessions, cli_tokens

    try:
        parsed = make_url(url)
    except Exception:  # not a URL: the CLI itself says so
        return
    if parsed.get_backend_name() == "sqlite" and not (
            parsed.database and Path(parsed.database).exists()):
        return  # no file yet: nobody to be (and never create one here)
    try:
        db = Database(url)
    except Exception:
        return
    try:
        key = db.display_url
        if login == NOBODY:
            cli_tokens.forget(key)
            return
        try:
            with db.session() as s:
                query = select(User).where(User.active.is_(True))
                if login is None:
                    query = query.where(User.role == "admin").order_by(User.id)
                else:
                    query = query.where(func.lower(User.login) == login.lower())
                user = s.scalars(query.limit(1)).first()
                if user is None:
                    cli_tokens.forget(key)
                    return
                token = secrets.token_urlsafe(32)
                s.add(CliSession(user_id=user.id, token_hash=cli_sessions._digest(token),
                                 workstation="tests", expires_at=utcnow() + timedelta(hours=1)))
        except Exception:  # no schema yet (db upgrade, first run): nobody to be
            cli_tokens.forget(key)
            return
        cli_tokens.save(key, token)
    finally:
        db.dispose()


def run(*args: str, as_user: str | None = None, input: str | None = None, lang: str = "en",
        env: dict[str, str] | None = None, timeout: int = 300,
        ) -> subprocess.CompletedProcess[str]:
    """``winback ARGS`` in a subprocess, logged in as described in the module docstring."""
    url = _option(args, "--database")
    if url is not None and as_user != NOBODY and _command(args) not in ("login", "logout"):
        who = as_user if as_user is not None else (_option(args, "--by")
                                                   or _option(args, "--agent"))
        login_as(url, who)
    full_env = dict(os.environ)
    full_env["WINBACK_LANG"] = lang
    full_env["PYTHONPATH"] = str(ROOT)
    full_env.pop("WINBACK_USER", None)
    full_env.pop("WINBACK_PASSWORD", None)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "winback_desktop.cli", *args],
        capture_output=True, text=True, input=input, env=full_env, cwd=ROOT, timeout=timeout,
    )
