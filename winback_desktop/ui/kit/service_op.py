"""The one way a screen runs a service call: in the background, then tell the views.

Modelled on Anki's ``CollectionOp``: a screen wraps one service call in a ``ServiceOp``,
chains what to do on success, failure and progress, and runs it on the thread pool::

    ServiceOp(self, lambda _c: user_admin.unlock_user(db, actor, user_id), hub=ctx.hub)
        .success(self._unlocked).run()

When the call returns a result carrying ``Changes`` (every use case that writes does),
the changes are broadcast on the ``ChangeHub`` and each view subscribed to one of those
topics refreshes, even when the screen that started the call was closed meanwhile
(the data did change). The screen's own callbacks, in contrast, are dropped once it is
gone: a worker never calls into a deleted widget. A failure is shown as one translated
sentence (a message box unless the screen asks for the text itself); a cancelled call
shows nothing. ``OpControl`` gives long work progress and cancel.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from winback_desktop.core.errors import DatabaseUnavailable, WinbackError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.services.changes import Changes, Topic
from winback_desktop.ui.kit.feedback import error_text

if TYPE_CHECKING:  # the login window opens before the services are imported
    from winback_desktop.ui.shell.context import ChangeHub

T = TypeVar("T")
log = logging.getLogger(__name__)


class Cancelled(WinbackError):
    default_text = QT_TRANSLATE_NOOP("Errors", "Cancelled; nothing was changed.")


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)


class OpControl:
    """Handed to the background function: progress reporting and cancel checks."""

    def __init__(self, signals: _Signals | None = None) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def progress(self, done: int, total: int, label: str = "") -> None:
        if self._signals is not None:
            self._signals.progress.emit(done, total, label)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def is_set(self) -> bool:
        """The cancel check in the form the import and export services accept."""
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise ``Cancelled`` if the user pressed cancel."""
        if self._cancel.is_set():
            raise Cancelled()


@dataclass(frozen=True, slots=True)
class OpError:
    """A failed call as the screen shows it: one translated sentence."""

    text: str
    error: BaseException
    # the user pressed cancel (the service rolled back); usually nothing to show
    cancelled: bool


def retry_when_locked(fn: Callable[[], T], attempts: int = 4, pause: float = 0.05) -> T:
    """Run one transaction again when SQLite reports "database is locked" at once.

    In WAL mode a transaction that read and then writes after another connection
    committed fails immediately (SQLITE_BUSY_SNAPSHOT; the busy timeout does not apply).
    The failed transaction was rolled back, so running it again is safe.
    """
    for attempt in range(attempts):
        try:
            return fn()
        except DatabaseUnavailable as exc:
            if "locked" not in str(exc) or attempt == attempts - 1:
                raise
            time.sleep(pause * (attempt + 1))
    raise AssertionError("unreachable")


class _Runner(QRunnable):
    def __init__(self, op: ServiceOp[Any]) -> None:
        super().__init__()
        self.op = op
        self.setAutoDelete(True)

    def run(self) -> None:
        op, signals = self.op, self.op._signals
        try:
            result = op._call()
        except BaseException as exc:  # delivered to the GUI thread, never lost
            if not isinstance(exc, WinbackError):
                log.exception("background operation failed")
            signals.failed.emit(exc)
        else:
            signals.finished.emit(result)


def _alive(obj: QObject | None) -> bool:
    return obj is not None and shiboken6.isValid(obj)


class ServiceOp(Generic[T]):
    """One service call run off the GUI thread; chain callbacks, then ``run()``."""

    # Operations started and not yet finished (kept alive until they finish).
    live: ClassVar[set[ServiceOp[Any]]] = set()

    def __init__(self, owner: QObject, work: Callable[[OpControl], T], *,
                 hub: ChangeHub | None) -> None:
        # The signal carrier is not a child of ``owner``: a screen closed and deleted
        # while its work runs must not take the object the worker emits on with it.
        self._signals = _Signals()
        self.control = OpControl(self._signals)
        self._owner = owner
        self._work = work
        self._hub = hub
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[OpError], None] | None = None
        self._on_progress: Callable[[int, int, str], None] | None = None
        self._on_finished: list[Callable[[], None]] = []
        self._always: list[Callable[[], None]] = []
        self._topics: frozenset[Topic] = frozenset()
        self._lock: threading.Lock | None = None
        self._retry = False
        self.done = False
        self._signals.finished.connect(self._finished)
        self._signals.failed.connect(self._failed)
        self._signals.progress.connect(self._progress)

    # ------------------------------------------------------------ configuration

    def success(self, callback: Callable[[T], None]) -> ServiceOp[T]:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[OpError], None]) -> ServiceOp[T]:
        """Show the failure yourself (default: a message box over the owner)."""
        self._on_failure = callback
        return self

    def progress(self, callback: Callable[[int, int, str], None]) -> ServiceOp[T]:
        self._on_progress = callback
        return self

    def finally_(self, callback: Callable[[], None]) -> ServiceOp[T]:
        """After success or failure, while the owner lives (e.g. re-enable a button)."""
        self._on_finished.append(callback)
        return self

    def publishes(self, *topics: Topic) -> ServiceOp[T]:
        """Topics to broadcast on success besides those the result reports."""
        self._topics = self._topics | frozenset(topics)
        return self

    def serial(self, lock: threading.Lock) -> ServiceOp[T]:
        """Never overlap with other calls holding ``lock`` (one widget's transactions)."""
        self._lock = lock
        return self

    def retry_locked(self) -> ServiceOp[T]:
        """Run again when SQLite reports a snapshot conflict ("database is locked")."""
        self._retry = True
        return self

    def _always_then(self, callback: Callable[[], None]) -> ServiceOp[T]:
        """Bookkeeping that runs even when the owner is gone (``OpGroup``)."""
        self._always.append(callback)
        return self

    # ---------------------------------------------------------------- running

    def run(self, pool: QThreadPool | None = None) -> ServiceOp[T]:
        ServiceOp.live.add(self)
        (pool or QThreadPool.globalInstance()).start(_Runner(self))
        return self

    def cancel(self) -> None:
        self.control.cancel()

    def _call(self) -> T:
        def once() -> T:
            return self._work(self.control)

        def attempt() -> T:
            return retry_when_locked(once) if self._retry else once()

        if self._lock is None:
            return attempt()
        with self._lock:
            return attempt()

    # ------------------------------------------------------ on the GUI thread

    def _end(self) -> bool:
        """Mark done; True when the owner is still there to be told."""
        self.done = True
        ServiceOp.live.discard(self)
        for callback in self._always:
            callback()
        return _alive(self._owner)

    def _finished(self, result: Any) -> None:
        owner_alive = self._end()
        changes = Changes(self._topics)
        reported = getattr(result, "changes", None)
        if isinstance(reported, Changes):
            changes = changes | reported
        if owner_alive:
            if self._on_success is not None:
                self._on_success(result)
            for callback in self._on_finished:
                callback()
        if changes and self._hub is not None and _alive(self._hub):
            self._hub.publish(changes)

    def _failed(self, exc: BaseException) -> None:
        if not self._end():
            return
        error = OpError(error_text(exc), exc, self.control.cancelled)
        if self._on_failure is not None:
            self._on_failure(error)
        elif not error.cancelled:
            show_failure(self._owner if isinstance(self._owner, QWidget) else None, error.text)
        for callback in self._on_finished:
            callback()

    def _progress(self, done: int, total: int, label: str) -> None:
        if self._on_progress is not None and _alive(self._owner):
            self._on_progress(done, total, label)


def show_failure(parent: QWidget | None, text: str) -> QMessageBox:
    """A non-blocking warning with one translated sentence."""
    box = QMessageBox(QMessageBox.Icon.Warning,
                      QCoreApplication.translate("Feedback", "Winback Desktop"), text,
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("operationFailed")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


class OpGroup:
    """The running calls of one widget: whether it is idle, optionally one at a time.

    ``serial``: this widget's transactions never overlap. On SQLite a read-then-write
    transaction fails at once ("database is locked") when another write commits between
    its read and its write. A lock, not a private thread pool: the global pool is the
    one the app waits for on exit.
    """

    def __init__(self, owner: QObject, hub: ChangeHub | None, *, serial: bool = False,
                 retry_locked: bool = False) -> None:
        self._owner = owner
        self._hub = hub
        self._running: set[ServiceOp[Any]] = set()
        self._lock: threading.Lock | None = threading.Lock() if serial else None
        self._retry = retry_locked

    def op(self, work: Callable[[OpControl], T]) -> ServiceOp[T]:
        op: ServiceOp[T] = ServiceOp(self._owner, work, hub=self._hub)
        if self._lock is not None:
            op.serial(self._lock)
        if self._retry:
            op.retry_locked()
        op._always_then(lambda: self._running.discard(op))
        self._running.add(op)
        return op

    def idle(self) -> bool:
        return not self._running

    def cancel_all(self) -> None:
        for op in list(self._running):
            op.cancel()

