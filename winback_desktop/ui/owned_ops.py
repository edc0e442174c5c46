"""Background operations started by a widget that may be closed before they finish.

Like ``ui.widget_ops`` but keeping ``OpControl`` (progress and cancel) for the long
reads and writes of the customers screen and the import wizard: the operation owns its
signals (never a child of the widget, so a worker never emits into a deleted object)
and every callback is dropped once the owner is gone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QThreadPool

from winback_desktop.ui.ops import OpControl, Operation


def start_owned(
    owner: QObject,
    fn: Callable[[OpControl], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
    pool: QThreadPool | None = None,
) -> Operation[Any]:
    def alive() -> bool:
        return shiboken6.isValid(owner)

    def ok(result: Any) -> None:
        if alive():
            on_success(result)

    def failed(exc: BaseException) -> None:
        if alive() and on_failure is not None:
            on_failure(exc)

    def progress(done: int, total: int, label: str) -> None:
        if alive() and on_progress is not None:
            on_progress(done, total, label)

    op: Operation[Any] = Operation(fn, on_success=ok, on_failure=failed,
                                   on_progress=progress if on_progress else None)
    return op.start(pool)
