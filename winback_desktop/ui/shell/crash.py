"""The crash handler: a report file, a plain dialog, and the agent's notes kept.

``install()`` replaces ``sys.excepthook`` and ``threading.excepthook``. On an unexpected
exception it first runs the flush hooks (the call workspace saves its draft notes),
then writes ``crash-<time>.txt`` into the log folder with the traceback and the versions
of the app, Python, Qt and SQLAlchemy, the OS and the database backend (passwords
removed), and finally shows a translated dialog naming the file. Tests pass
``show_dialog=None`` and call ``handle`` directly.
"""

from __future__ import annotations

import contextlib
import logging
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

from winback_desktop import APP_NAME, __version__
from winback_desktop.services.logs import redact
from winback_desktop.services.paths import log_dir

log = logging.getLogger(__name__)

ShowDialog = Callable[[Path, BaseException], None]


def versions() -> dict[str, str]:
    from PySide6 import QtCore
    from PySide6 import __version__ as pyside_version

    return {
        "app": f"{APP_NAME} {__version__}",
        "python": sys.version.replace("\n", " "),
        "pyside6": pyside_version,
        "qt": QtCore.qVersion(),
        "sqlalchemy": _version("sqlalchemy"),
        "os": platform.platform(),
        "frozen": str(bool(getattr(sys, "frozen", False))),
    }


def report_text(exc_type: type[BaseException], exc: BaseException,
                tb: TracebackType | None, *, database: str | None = None,
                thread: str | None = None) -> str:
    lines = [f"{APP_NAME} crash report", f"time: {datetime.now(UTC).isoformat()}"]
    lines += [f"{k}: {v}" for k, v in versions().items()]
    lines.append(f"database: {database or 'unknown'}")
    if thread:
        lines.append(f"thread: {thread}")
    lines.append("")
    lines += traceback.format_exception(exc_type, exc, tb)
    return redact("\n".join(line.rstrip("\n") for line in lines)) + "\n"


def write_report(exc_type: type[BaseException], exc: BaseException,
                 tb: TracebackType | None, *, database: str | None = None,
                 thread: str | None = None, directory: Path | None = None) -> Path:
    directory = directory or log_dir()
    directory.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    path = directory / f"crash-{stamp}.txt"
    path.write_text(report_text(exc_type, exc, tb, database=database, thread=thread),
                    encoding="utf-8")
    return path


class _Notifier(QObject):
    """Carries a crash from any thread to the GUI thread, where dialogs may open."""

    crashed = Signal(str, object)


def show_crash_dialog(path: Path, exc: BaseException) -> None:
    """The default dialog: what happened, where the report is, that notes are kept."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    if QApplication.instance() is None:
        return
    box = QMessageBox(
        QMessageBox.Icon.Critical, QCoreApplication.translate("Crash", "Winback Desktop"),
        QCoreApplication.translate(
            "Crash", "Something went wrong that Winback Desktop did not expect. Your typed "
            "notes are saved as drafts and nothing you saved is lost."))
    box.setInformativeText(QCoreApplication.translate(
        "Crash", "A report was written to:\n{path}\nPlease send it to your IT support.")
        .replace("{path}", str(path)))
    box.setDetailedText(f"{type(exc).__name__}: {redact(str(exc))}")
    box.exec()


class CrashHandler:
    """Installs itself as the process's last line of defence."""

    def __init__(self, *, database: Callable[[], str | None] | None = None,
                 show_dialog: ShowDialog | None = show_crash_dialog,
                 directory: Path | None = None) -> None:
        self._database = database
        self._show = show_dialog
        self._directory = directory
        self._flush: list[Callable[[], None]] = []
        self._notifier: _Notifier | None = None
        self._busy = threading.Lock()
        self.last_report: Path | None = None

    def add_flush_hook(self, hook: Callable[[], None]) -> None:
        """Run ``hook`` (e.g. save draft notes) before anything else on a crash."""
        self._flush.append(hook)

    def remove_flush_hook(self, hook: Callable[[], None]) -> None:
        with contextlib.suppress(ValueError):
            self._flush.remove(hook)

    def install(self) -> CrashHandler:
        if self._show is not None and QCoreApplication.instance() is not None:
            self._notifier = _Notifier()
            self._notifier.crashed.connect(self._on_gui_thread,
                                           Qt.ConnectionType.QueuedConnection)
        sys.excepthook = self.handle
        threading.excepthook = self._thread_hook
        return self

    def uninstall(self) -> None:
        sys.excepthook = sys.__excepthook__
        threading.excepthook = threading.__excepthook__

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        name = args.thread.name if args.thread is not None else None
        self.handle(args.exc_type, args.exc_value, args.exc_traceback, thread=name)

    def handle(self, exc_type: type[BaseException], exc: BaseException,
               tb: TracebackType | None, thread: str | None = None) -> Path | None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return None
        if not self._busy.acquire(blocking=False):  # a crash while handling a crash
            sys.__excepthook__(exc_type, exc, tb)
            return None
        try:
            for hook in list(self._flush):
                try:
                    hook()
                except Exception:  # never let a hook hide the real crash
                    log.exception("crash flush hook failed")
            database = None
            if self._database is not None:
                with contextlib.suppress(Exception):
                    database = self._database()
            path = write_report(exc_type, exc, tb, database=database, thread=thread,
                                directory=self._directory)
            self.last_report = path
            log.critical("unexpected error; report written to %s", path,
                         exc_info=(exc_type, exc, tb))
        except Exception:
            sys.__excepthook__(exc_type, exc, tb)
            return None
        finally:
            self._busy.release()
        if self._show is not None:
            if self._notifier is not None:
                self._notifier.crashed.emit(str(path), exc)
            elif threading.current_thread() is threading.main_thread():
                with contextlib.suppress(Exception):
                    self._show(path, exc)
        return path

    def _on_gui_thread(self, path: str, exc: BaseException) -> None:
        if self._show is not None:
            try:
                self._show(Path(path), exc)
            except Exception:
                log.exception("crash dialog failed")


_handler: CrashHandler | None = None


def install(*, database: Callable[[], str | None] | None = None,
            show_dialog: ShowDialog | None = show_crash_dialog) -> CrashHandler:
    """Install the process-wide handler once; later calls return it."""
    global _handler
    if _handler is None:
        _handler = CrashHandler(database=database, show_dialog=show_dialog).install()
    return _handler


def handler() -> CrashHandler | None:
    return _handler


def _version(package: str) -> str:
    """An installed package's version, read without importing it (the GUI layer does
    not import the database toolkit)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return "?"
