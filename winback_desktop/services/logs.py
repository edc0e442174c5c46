"""Log files for the app and the CLI: rotating, in the user's log folder, no secrets.

Each program has its own file (``winback-desktop.log``, ``winback.log``) because a
Windows file open in one process cannot be renamed by another's rotation. Five old files
of 2 MB each are kept. Database URLs in messages lose their password on the way out.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import re
from pathlib import Path

from winback_desktop.services.paths import log_dir

MAX_BYTES = 2 * 1024 * 1024
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)-7s %(process)d %(threadName)s %(name)s: %(message)s"

#: ``scheme://user:password@`` → ``scheme://user:***@``; also ``password=...`` pairs.
_URL_PASSWORD = re.compile(r"(\b[a-z][a-z0-9+.-]*://[^:/@\s]*:)([^@\s]+)(@)", re.IGNORECASE)
_KV_PASSWORD = re.compile(r"(\b(?:password|passwd|pwd|PGPASSWORD)\s*[=:]\s*)(\S+)",
                          re.IGNORECASE)


#: ``'password': '…'`` and ``"password_hash": "…"`` as dicts and JSON print them.
_QUOTED_SECRET = re.compile(
    r"""(['"](?:password|password_hash|passwd|pwd|pgpassword|token|secret)['"]\s*:\s*)"""
    r"""(['"])((?:\\.|(?!\2).)*)\2""", re.IGNORECASE)
#: argon2 hashes wherever they appear (a DataError's parameters, a repr).
_ARGON2 = re.compile(r"\$argon2(?:id|i|d)\$[A-Za-z0-9+/=$,.-]+")


def redact(text: str) -> str:
    """Remove passwords from database URLs, ``password=...`` pairs, dict and JSON
    ``'password': '…'`` forms and argon2 hashes."""
    text = _URL_PASSWORD.sub(r"\1***\3", text)
    text = _QUOTED_SECRET.sub(r"\1\2***\2", text)
    text = _ARGON2.sub("***", text)
    return _KV_PASSWORD.sub(r"\1***", text)


class RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class QuietRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A log file that never complains on the terminal when it cannot be written.

    A full disk or a log folder made read-only would otherwise print "--- Logging
    error ---" and a traceback on every command; the log is a help, not the work, so a
    record it cannot write is dropped and the program carries on.
    """

    def handleError(self, record: logging.LogRecord) -> None:
        if self.stream is not None:
            with contextlib.suppress(OSError):
                self.stream.close()
            self.stream = None  # type: ignore[assignment]  # reopened on the next record


_handler_path: Path | None = None


def setup_logging(program: str = "winback-desktop", level: int = logging.INFO,
                  directory: Path | None = None) -> Path:
    """Send the ``winback`` and ``winback_desktop`` loggers' records to a rotating file.

    Idempotent: a second call with the same program changes nothing. Returns the file.
    """
    global _handler_path
    directory = directory or log_dir()
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{program}.log"
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_winback", False):
            if Path(getattr(handler, "baseFilename", "")) == path.resolve():
                return path
            root.removeHandler(handler)
            handler.close()
    handler = QuietRotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True)
    handler.setFormatter(RedactingFormatter(FORMAT))
    handler._winback = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    # SQLAlchemy's INFO echoes SQL with parameters: never into a log file by default.
    logging.getLogger("sqlalchemy").setLevel(logging.WARNING)
    _handler_path = path
    return path


def current_log_file() -> Path | None:
    return _handler_path
