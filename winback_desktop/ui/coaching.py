"""Coaching messages popping up on the agent's workstation.

Polls the agent's unread messages every two seconds off the GUI thread; a new message
shows as a non-modal box so the agent keeps talking while reading it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from winback_desktop.services import monitoring
from winback_desktop.ui.context import AppContext
from winback_desktop.ui.ops import OpControl, Operation

POLL_MS = 2000


class CoachingInbox(QObject):
    received = Signal(object)  # list[monitoring.InboxMessage]

    def __init__(self, ctx: AppContext, parent_widget: QWidget, *, popup: bool = True) -> None:
        super().__init__(parent_widget)
        self.ctx = ctx
        self.parent_widget = parent_widget
        self.popup = popup
        self._op: Operation[Any] | None = None
        self.boxes: list[QMessageBox] = []
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.timer.start()
        # Stop polling once the window that hosts the inbox is closed or hidden.
        parent_widget.installEventFilter(self)

    def eventFilter(self, watched: Any, event: Any) -> bool:
        from PySide6.QtCore import QEvent

        if watched is self.parent_widget:
            if event.type() in (QEvent.Type.Hide, QEvent.Type.Close):
                self.timer.stop()
            elif event.type() == QEvent.Type.Show and not self.timer.isActive():
                self.timer.start()
        return False

    def poll(self) -> None:
        if self._op is not None and not self._op.done:
            return
        db, actor = self.ctx.db, self.ctx.actor

        def work(control: OpControl) -> list[monitoring.InboxMessage]:
            with db.session() as s:
                messages = monitoring.unread_messages(s, actor)
                monitoring.mark_read(s, actor, [m.id for m in messages])
                return messages

        self._op = Operation(work, on_success=self._show, on_failure=lambda _e: None,
                             parent=self).start()

    def _show(self, messages: list[monitoring.InboxMessage]) -> None:
        if not messages:
            return
        self.received.emit(messages)
        if not self.popup:
            return
        for m in messages:
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Coaching from {name}")
                              .format(name=m.sender), m.text, QMessageBox.StandardButton.Ok,
                              self.parent_widget)
            box.setModal(False)
            box.show()
            self.boxes = [b for b in self.boxes if b.isVisible()] + [box]
