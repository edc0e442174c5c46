"""Background operations owned by a widget that may be closed before they finish.

An ``Operation`` whose signal object is a child of the screen dies with the screen;
a worker thread emitting into it afterwards crashes the process. Here the operation
owns its own signals (kept alive by ``Operation._live`` until it finishes) and the
callbacks are dropped when the widget is already gone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QWidget

from winback_desktop.ui.ops import Operation


class WidgetOps:
    """The running background operations of one widget."""

    def __init__(self, widget: QWidget, *, serial: bool = False) -> None:
        self._widget = widget
        self._running: set[Operation[Any]] = set()
        # serial: one worker thread, so this widget's transactions never overlap. On
        # SQLite a read-then-write transaction fails at once ("database is locked",
        # SQLITE_BUSY_SNAPSHOT) when another write commits between its read and write.
        self._pool: QThreadPool | None = None
        if serial:
            self._pool = QThreadPool()
            self._pool.setMaxThreadCount(1)

    def idle(self) -> bool:
        return not self._running

    def run(self, fn: Callable[[], Any], on_success: Callable[[Any], None],
            on_failure: Callable[[BaseException], None]) -> Operation[Any]:
        widget = self._widget

        def ok(result: Any) -> None:
            self._running.discard(op)
            if shiboken6.isValid(widget):
                on_success(result)

        def failed(exc: BaseException) -> None:
            self._running.discard(op)
            if shiboken6.isValid(widget):
                on_failure(exc)

        op: Operation[Any] = Operation(lambda _ctl: fn(), on_success=ok, on_failure=failed)
        self._running.add(op)
        op.start(self._pool)
        return op
