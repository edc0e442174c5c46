"""Shared plumbing of the CLI: options, output, translated errors."""

from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import sys
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from types import ModuleType
from typing import TYPE_CHECKING, Any

from winback_desktop.cli import _lang
from winback_desktop.core.errors import ValidationError, WinbackError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from winback_desktop.services.context import Actor
    from winback_desktop.services.database import Database

log = logging.getLogger("winback.cli")
# Records go to the log file the root logger has once ``setup_logging`` ran; the
# NullHandler keeps Python's last-resort handler from printing tracebacks on the
# terminal when there is no log file.
log.addHandler(logging.NullHandler())

# ``QCoreApplication.translate``'s signature, answered from the catalogues without Qt.
_qt_translate = _lang.translate


def tr(text: str) -> str:
    """Translate a CLI message. lupdate files free ``tr()`` calls under the empty context."""
    return _qt_translate("", text)


def setup_language(argv: list[str]) -> None:
    """Install translations before argparse builds its help texts."""
    _lang.install(_lang.language_from_argv(argv))


def common_options(suppress: bool = True) -> argparse.ArgumentParser:
    """Options valid before and after the command; SUPPRESS keeps either placement."""
    default = argparse.SUPPRESS if suppress else None
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--database", metavar="URL", default=default,
                        help=tr("database URL (default: this PC's SQLite file)"))
    parser.add_argument("--json", action="store_true",
                        default=argparse.SUPPRESS if suppress else False,
                        help=tr("print machine-readable JSON on stdout"))
    parser.add_argument("--lang", metavar="LANG", default=default,
                        help=tr("language of messages: en or zh_CN"))
    parser.add_argument("--create", action="store_true",
                        default=argparse.SUPPRESS if suppress else False,
                        help=tr("create the SQLite database file if it does not exist"))
    return parser


def add_command(
    sub: Any,
    name: str,
    common: argparse.ArgumentParser,
    handler: Callable[[argparse.Namespace], int],
    help_text: str,
) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(name, parents=[common], help=help_text,
                                                     description=help_text)
    parser.set_defaults(handler=handler)
    return parser


def parse_day(text: str | None) -> date | None:
    """A ``YYYY-MM-DD`` option value (None when the option was not given)."""
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "'{value}' is not a date; use YYYY-MM-DD."), value=text) from exc


#: The largest amount (in yuan) a command accepts: far beyond any offer, inside every column.
MAX_AMOUNT = Decimal(10) ** 9


def parse_amount(text: str) -> int:
    """An amount in yuan (``1,200.50``, ``¥80``) as minor units; NaN, Infinity and
    amounts beyond any real offer are refused with the same line as a typo."""
    from decimal import InvalidOperation

    try:
        value = Decimal(text.replace(",", "").lstrip("¥"))
        if not value.is_finite() or abs(value) > MAX_AMOUNT:
            raise InvalidOperation(text)
        return int((value * 100).to_integral_value())
    except InvalidOperation as exc:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Not an amount: '{value}'."),
                              value=text) from exc


#: The CLI's wording of a missing SQLite file: it says how to create one on purpose.
MISSING_DATABASE = QT_TRANSLATE_NOOP(
    "Errors", "There is no database file at {path}. Check the path, or create a new "
    "database there with 'winback db upgrade' or --create.")


def open_db(args: argparse.Namespace, *, identify: bool = True, **kwargs: Any) -> Database:
    """Open the database and, unless ``identify`` is false (schema upgrade, login), settle
    who the command acts as before it reads or changes anything."""
    from winback_desktop.services.database import open_database

    db = open_database(getattr(args, "database", None),
                       create=bool(getattr(args, "create", False)),
                       missing_text=MISSING_DATABASE, **kwargs)
    if identify:
        try:
            acting_user(args, db)
        except BaseException:
            db.dispose()
            raise
    return db


def session_key(db: Database) -> str:
    """What a stored login is filed under: the database, without any password."""
    return db.display_url


def acting_user(args: argparse.Namespace, db: Database) -> Actor:
    """Who this command acts as (DESIGN §9 trust model, docs/SECURITY.md).

    In order: ``WINBACK_USER``/``WINBACK_PASSWORD`` (scheduled jobs), the session
    ``winback login`` stored for this database, the OS account that owns a database with
    no active admin yet (first run: create the admin, load the demo), a password prompt
    on a terminal. Otherwise the command is refused before it reads or changes anything.
    """
    import os
    from dataclasses import replace

    from winback_desktop.services import auth, cli_sessions, cli_tokens
    from winback_desktop.services.context import Actor

    cached = getattr(args, "_actor", None)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    login = os.environ.get("WINBACK_USER")
    actor: Actor
    if login:
        password = os.environ.get("WINBACK_PASSWORD")
        if password is None:
            password = _prompt_password(login)
        actor = auth.authenticate(db, login, password, channel=cli_sessions.CHANNEL)
    elif (token := cli_tokens.load(session_key(db))) is not None:
        actor = cli_sessions.resume(db, token)
    elif cli_sessions.first_run(db):
        actor = replace(Actor.system(), channel=cli_sessions.CHANNEL)
    elif sys.stdin.isatty():
        login = input(tr("Login: ")).strip()
        actor = auth.authenticate(db, login, _prompt_password(login),
                                  channel=cli_sessions.CHANNEL)
    else:
        raise cli_sessions.no_login(db)
    args._actor = actor
    return actor


def _prompt_password(login: str) -> str:
    import getpass

    if not sys.stdin.isatty():
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "No password for {login}: set WINBACK_PASSWORD or run on a terminal."),
            login=login)
    return getpass.getpass(tr("Password for {login}: ").format(login=login))


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(type(value).__name__)


def emit(args: argparse.Namespace, data: Any, text: str | None = None) -> None:
    """Print ``data`` as JSON with ``--json``, else ``text`` (or a readable fallback)."""
    if getattr(args, "json", False):
        json.dump(data, sys.stdout, default=_default, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif text is not None:
        print(text)
    elif data is not None:
        print(json.dumps(data, default=_default, ensure_ascii=False, indent=2))


def not_utf8(argv: list[str]) -> ValidationError | None:
    """The refusal for an argument that is not UTF-8 text, if any.

    On Linux a byte that is not UTF-8 (a Latin-1 or GBK file name, a pasted code-page
    string) reaches Python as a lone surrogate; written to the database or a file it
    would fail half-way through a command, so it is refused before anything starts.
    """
    for arg in argv:
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            shown = arg.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            return ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "An argument is not UTF-8 text: '{value}'. Type it again or "
                "save the file name as UTF-8."), value=shown)
    return None


def error_line(exc: BaseException) -> str:
    if isinstance(exc, WinbackError):
        return exc.render(_qt_translate)
    from winback_desktop.services.logs import current_log_file, redact

    logged = current_log_file()
    if logged is not None:
        # the traceback is in the log; the terminal gets one line without the details
        return tr("Unexpected error ({kind}); the details are in {log}.").format(
            kind=type(exc).__name__, log=logged)
    return tr("Unexpected error: {detail}").format(
        detail=redact(f"{type(exc).__name__}: {exc}"))


def run(handler: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    try:
        return handler(args)
    except WinbackError as exc:
        print(tr("winback: error: ") + error_line(exc), file=sys.stderr)
        return 2
    except BrokenPipeError:
        # Output piped into `head` or a closed pager: nothing more to say.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print(tr("winback: interrupted"), file=sys.stderr)
        return 130
    except Exception as exc:
        log.exception("unexpected CLI failure")
        print(tr("winback: error: ") + error_line(exc), file=sys.stderr)
        return 1


def lazy_module(name: str) -> ModuleType:
    """``name`` imported on first use: a command module binds its services with this so
    building the parser (``--help``, any other command) does not import them."""
    loaded = sys.modules.get(name)
    if loaded is not None:
        return loaded
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.loader is not None, name
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
