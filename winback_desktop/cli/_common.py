"""Shared plumbing of the CLI: options, output, translated errors."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication

from winback_desktop.core.errors import ValidationError, WinbackError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.db.session import Database
from winback_desktop.services.database import open_database

log = logging.getLogger("winback.cli")
# Until a log file is configured, tracebacks must not reach the terminal.
log.addHandler(logging.NullHandler())
log.propagate = False
_app: Any = None


_qt_translate = QCoreApplication.translate


def tr(text: str) -> str:
    """Translate a CLI message. lupdate files free ``tr()`` calls under the empty context."""
    return _qt_translate("", text)


def setup_language(argv: list[str]) -> None:
    """Install translations before argparse builds its help texts."""
    from winback_desktop.ui import i18n

    language = None
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            language = argv[i + 1]
        elif arg.startswith("--lang="):
            language = arg.split("=", 1)[1]
    language = i18n.normalise(language) if language else i18n.system_language()
    if language != "en":
        global _app
        _app = QCoreApplication.instance() or QCoreApplication(["winback"])
        i18n.install(language)


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


def open_db(args: argparse.Namespace) -> Database:
    return open_database(getattr(args, "database", None))


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


def error_line(exc: BaseException) -> str:
    if isinstance(exc, WinbackError):
        return exc.render(_qt_translate)
    return tr("Unexpected error: {detail}").format(detail=f"{type(exc).__name__}: {exc}")


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
