"""Run Python's cycle collector only on the GUI thread.

The collector runs in whichever thread happens to allocate when a threshold is hit. If
that is a worker thread (an ``Operation``) and the garbage holds a Qt widget, the
widget's C++ destructor runs off the GUI thread and Qt crashes later. Anki hit the same
problem and solved it the same way: switch automatic collection off and collect from
a timer on the GUI thread.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

COLLECT_EVERY_MS = 5_000


class GcGuard(QObject):
    def __init__(self, parent: QObject | None = None,
                 interval_ms: int = COLLECT_EVERY_MS) -> None:
        super().__init__(parent)
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.collect)
        self.timer.start()

    @staticmethod
    def collect() -> int:
        return gc.collect()


def install(parent: QObject) -> GcGuard:
    return GcGuard(parent)
