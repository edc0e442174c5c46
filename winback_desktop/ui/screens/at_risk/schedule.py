"""The daily early-warning scan, run from the admin's workstation while logged in.

Every hour (and a minute after login) it asks whether a scan is due (a day has passed
since the last one, whoever ran it, or a purchase import asked for one that never
finished); if so it scans on the thread pool and tells the screens. Its steps go to
``progressed`` as one translated line (the main window's status bar). Closing the window
stops the timers only: a running scan finishes (the app waits for the pool on exit), and
one cut short by a killed process leaves the scan due for the next check.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from winback_desktop.core.permissions import Permission
from winback_desktop.services import risk
from winback_desktop.ui.kit.service_op import ServiceOp
from winback_desktop.ui.shell.context import AppContext


class ScheduledRiskScan(QObject):
    finished = Signal(object)  # risk.ScanResult, or None when no scan was due
    failed = Signal(str)
    #: one translated line per step of a running scan
    progressed = Signal(str)

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

        def work(control: Any) -> risk.ScanResult | None:
            if not risk.scan_due(db):
                return None
            return risk.scan(db, actor, progress=lambda step, done, total: control.progress(
                done, total, step))

        def step(done: int, total: int, _label: str) -> None:
            self.progressed.emit(QCoreApplication.translate(
                "ScheduledRiskScan", "Daily early-warning scan: step {done} of {total}…").format(
                done=min(done + 1, total), total=total))

        def done(result: risk.ScanResult | None) -> None:
            if result is not None:
                self.progressed.emit(QCoreApplication.translate(
                    "ScheduledRiskScan", "Daily early-warning scan: {n} customers flagged at "
                    "risk.").format(n=f"{len(result.flagged):,}"))
            self.finished.emit(result)

        # a scan's result carries what it flagged: the at-risk views refresh
        self._op = (ServiceOp(self, work, hub=self.ctx.hub).success(done).progress(step)
                    .failure(lambda error: self.failed.emit(error.text)).run())
        return self._op
