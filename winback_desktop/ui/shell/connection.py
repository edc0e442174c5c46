"""Watch the database connection: ping off the GUI thread every few seconds.

A failed ping flips the state to "lost" (the main window shows a banner, screens keep
their widgets and typed text); pings continue, and the first success flips it back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from winback_desktop.ui.kit.service_op import OpControl, ServiceOp

PING_INTERVAL_MS = 3000


class ConnectionMonitor(QObject):
    state_changed = Signal(bool)

    def __init__(self, db: Any, parent: QObject | None = None,
                 interval_ms: int = PING_INTERVAL_MS) -> None:
        super().__init__(parent)
        self.db = db
        self.healthy = True
        self.checks = 0
        # A private one-thread pool: a hung ping never starves other operations.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._op: ServiceOp[bool] | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check_now)

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def check_now(self) -> None:
        if self._op is not None and not self._op.done:
            return  # the previous ping is still waiting for a timeout
        db = self.db

        def ping(_control: OpControl) -> bool:
            return bool(db.ping())

        self._op = (ServiceOp(self, ping, hub=None).success(self._result)
                    .failure(lambda _error: self._result(False)).run(self._pool))

    def _result(self, ok: bool) -> None:
        self.checks += 1
        if ok != self.healthy:
            self.healthy = ok
            self.state_changed.emit(ok)

    def shutdown(self) -> None:
        self.stop()
        self._pool.waitForDone(6000)
