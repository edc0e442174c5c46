"""The daily early-warning scan, run from the admin's workstation while logged in.

Every hour (and a minute after login) it asks whether a day has passed since the last
scan, whoever ran it; if so it scans in the background and tells the screens.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from winback_desktop.core.permissions import Permission
from winback_desktop.services import risk
from winback_desktop.ui.kit.service_op import ServiceOp
from winback_desktop.ui.shell.context import AppContext


class ScheduledRiskScan(QObject):
    finished = Signal(object)  # risk.ScanResult, or None when no scan was due
    failed = Signal(str)

    def __init__(self, ctx: AppContext, interval_ms: int = 60 * 60 * 1000,
                 first_ms: int = 60_000, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._op: ServiceOp[Any] | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self._first = QTimer(self)
        self._first.setSingleShot(True)
        self._first.setInterval(first_ms)
        self._first.timeout.connect(self.check)

    def start(self) -> None:
        if self.ctx.actor.can(Permission.MANAGE_DATABASE):
            self.timer.start()
            self._first.start()

    def stop(self) -> None:
        self.timer.stop()
        self._first.stop()

    def check(self) -> ServiceOp[Any] | None:
        if self._op is not None and not self._op.done:
            return None
        db, actor = self.ctx.db, self.ctx.actor

        def work(_control: Any) -> risk.ScanResult | None:
            return risk.scan(db, actor) if risk.scan_due(db) else None

        def done(result: risk.ScanResult | None) -> None:
            self.finished.emit(result)

        # a scan's result carries what it flagged: the at-risk views refresh
        self._op = (ServiceOp(self, work, hub=self.ctx.hub).success(done)
                    .failure(lambda error: self.failed.emit(error.text)).run())
        return self._op
