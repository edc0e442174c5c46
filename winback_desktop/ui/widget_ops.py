"""The background operations of one widget: which are running, serialised or retried.

Safety against a widget closed before its operation finishes comes from
``ui.owned_ops.start_owned``; this adds the bookkeeping the call workspace needs.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtWidgets import QWidget

from winback_desktop.core.errors import DatabaseUnavailable
from winback_desktop.ui.ops import Operation
from winback_desktop.ui.owned_ops import start_owned

T = TypeVar("T")


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


class WidgetOps:
    """The running background operations of one widget."""

    def __init__(self, widget: QWidget, *, serial: bool = False,
                 retry_locked: bool = False) -> None:
        self._widget = widget
        self._running: set[Operation[Any]] = set()
        # serial: this widget's transactions never overlap. On SQLite a read-then-write
        # transaction fails at once ("database is locked", SQLITE_BUSY_SNAPSHOT) when
        # another write commits between its read and its write. A lock, not a private
        # thread pool: the global pool is the one the app waits for on exit.
        self._lock: threading.Lock | None = threading.Lock() if serial else None
        self._retry = retry_locked

    def idle(self) -> bool:
        return not self._running

    def run(self, fn: Callable[[], Any], on_success: Callable[[Any], None],
            on_failure: Callable[[BaseException], None]) -> Operation[Any]:
        lock, retry = self._lock, self._retry

        def work(_ctl: Any) -> Any:
            if lock is None:
                return retry_when_locked(fn) if retry else fn()
            with lock:
                return retry_when_locked(fn) if retry else fn()

        op = start_owned(self._widget, work, on_success, on_failure,
                         on_finished=lambda: self._running.discard(op))
        self._running.add(op)
        return op
