"""Run service calls off the GUI thread, with progress, cancel and a result callback.

Modelled on Anki's ``CollectionOp``: the GUI builds an ``Operation`` around a plain
function, starts it, and gets ``on_success``/``on_failure`` back on the GUI thread.
The function receives an ``OpControl`` to report progress and to check for cancel; a
cancelled operation raises ``Cancelled`` inside its transaction so nothing is kept.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from winback_desktop.core.errors import WinbackError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP

T = TypeVar("T")
log = logging.getLogger(__name__)


class Cancelled(WinbackError):
    default_text = QT_TRANSLATE_NOOP("Errors", "Cancelled; nothing was changed.")


class OpControl:
    """Handed to the background function: progress reporting and cancel checks."""

    def __init__(self, signals: _OpSignals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def progress(self, done: int, total: int, label: str = "") -> None:
        self._signals.progress.emit(done, total, label)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise ``Cancelled`` if the user pressed cancel."""
        if self._cancel.is_set():
            raise Cancelled()


class _OpSignals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)


class _Runner(QRunnable):
    def __init__(self, fn: Callable[[OpControl], Any], signals: _OpSignals,
                 control: OpControl) -> None:
        super().__init__()
        self.fn, self.signals, self.control = fn, signals, control
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn(self.control)
        except BaseException as exc:  # delivered to the GUI thread, never lost
            if not isinstance(exc, WinbackError):
                log.exception("background operation failed")
            self._emit(self.signals.failed, exc)
        else:
            self._emit(self.signals.finished, result)

    @staticmethod
    def _emit(signal: Any, value: object) -> None:
        try:
            signal.emit(value)
        except RuntimeError:
            # The screen that started the operation was closed meanwhile; the work is
            # done (and committed), there is just nobody left to tell.
            log.debug("operation finished after its owner was deleted")


class Operation(Generic[T]):
    """One background operation; keep a reference until it finishes."""

    _live: set[Operation[Any]] = set()

    def __init__(
        self,
        fn: Callable[[OpControl], T],
        *,
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        # The signal carrier is not a child of ``parent``: a screen closed and deleted
        # while its work runs must not take the object the worker thread emits on with
        # it. The callbacks are skipped instead when their owner is gone.
        self.signals = _OpSignals()
        self._owner = parent
        self.control = OpControl(self.signals)
        self._fn = fn
        self.done = False
        if on_progress:
            self.signals.progress.connect(on_progress)
        self.signals.finished.connect(self._finish)
        self.signals.failed.connect(self._fail)
        self._on_success = on_success
        self._on_failure = on_failure

    def start(self, pool: QThreadPool | None = None) -> Operation[T]:
        Operation._live.add(self)
        (pool or QThreadPool.globalInstance()).start(
            _Runner(self._fn, self.signals, self.control))
        return self

    def cancel(self) -> None:
        self.control.cancel()

    def _owner_gone(self) -> bool:
        if self._owner is None:
            return False
        import shiboken6

        return not shiboken6.isValid(self._owner)

    def _finish(self, result: Any) -> None:
        self.done = True
        Operation._live.discard(self)
        if self._owner_gone():
            return
        if self._on_success:
            self._on_success(result)

    def _fail(self, exc: BaseException) -> None:
        self.done = True
        Operation._live.discard(self)
        if self._owner_gone():
            return
        if self._on_failure:
            self._on_failure(exc)
