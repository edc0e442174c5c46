"""Background operations started by a widget that may be closed before they finish.

An ``Operation`` whose signal object is a child of the screen dies with the screen; a
worker thread emitting into it afterwards crashes the process. Here the operation owns
its signals (never a child of the widget, kept alive by ``Operation._live`` until it
finishes) and every callback is dropped once the owner is gone. ``OpControl`` gives the
long reads and writes (customers screen, import wizard) progress and cancel;
``ui.widget_ops`` builds its per-widget bookkeeping on this.
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
    on_finished: Callable[[], None] | None = None,
) -> Operation[Any]:
    """Start ``fn`` in the background; ``on_finished`` runs even when the owner is gone."""
    def alive() -> bool:
        return shiboken6.isValid(owner)

    def ok(result: Any) -> None:
        if on_finished is not None:
            on_finished()
        if alive():
            on_success(result)

    def failed(exc: BaseException) -> None:
        if on_finished is not None:
            on_finished()
        if alive() and on_failure is not None:
            on_failure(exc)

    def progress(done: int, total: int, label: str) -> None:
        if alive() and on_progress is not None:
            on_progress(done, total, label)

    op: Operation[Any] = Operation(fn, on_success=ok, on_failure=failed,
                                   on_progress=progress if on_progress else None)
    return op.start(pool)
