"""Coaching messages arriving on the agent's desk.

Polls the agent's unread messages every second off the GUI thread, so a message shows
within two seconds of being sent. It shows as a note inside the window (``CoachingNote``,
top right) that never takes the keyboard away from the notes or the script, and stays
until the agent closes it. While the agent is talking (``hold`` says so: the desk sets
it) messages wait unread in the database and arrive as soon as the call ends.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from winback_desktop.services import monitoring
from winback_desktop.ui.kit.service_op import ServiceOp
from winback_desktop.ui.shell.context import AppContext

POLL_MS = 1000


class CoachingNote(QFrame):
    """One message, drawn over the top-right corner of the window (no focus taken)."""

    def __init__(self, sender: str, text: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("coachingNote")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setStyleSheet(
            "QFrame#coachingNote { background:#fff8e1; border:2px solid #ffb300;"
            " border-radius:6px; } QLabel { background:transparent; }")
        self.title = QLabel(self.tr("Coaching from {name}").format(name=sender))
        self.title.setObjectName("coachingTitle")
        self.title.setStyleSheet("font-weight:bold; color:#e65100;")
        self.body = QLabel(text)
        self.body.setObjectName("coachingText")
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setToolTip(self.tr("Close"))
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.close)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 10)
        layout.addLayout(head)
        layout.addWidget(self.body)
        self.setFixedWidth(340)  # over the window; inside the desk it takes the width


class CoachingInbox(QObject):
    received = Signal(object)  # list[monitoring.InboxMessage]

    def __init__(self, ctx: AppContext, parent_widget: QWidget, *, popup: bool = True) -> None:
        super().__init__(parent_widget)
        self.ctx = ctx
        self.parent_widget = parent_widget
        self.popup = popup
        #: True while the agent is talking: messages wait until the call ends
        self.hold: Callable[[], bool] | None = None
        #: where notes go inside a screen (the agent desk sets it); else over the window
        self.area: QWidget | None = None
        self.ticks = 0  # poll timer ticks, held or not (tests count them, never sleep)
        self.polls = 0  # polls that asked the database
        self._op: ServiceOp[list[monitoring.InboxMessage]] | None = None
        self.notes: list[CoachingNote] = []
        self.overlays: list[CoachingNote] = []  # notes drawn over the window
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.timer.start()
        # Stop polling once the window that hosts the inbox is closed or hidden.
        parent_widget.installEventFilter(self)

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if watched is self.parent_widget:
            if event.type() in (QEvent.Type.Hide, QEvent.Type.Close):
                self.timer.stop()
            elif event.type() == QEvent.Type.Show and not self.timer.isActive():
                self.timer.start()
            elif event.type() == QEvent.Type.Resize:
                self._place()
        return False

    def held(self) -> bool:
        return bool(self.hold is not None and self.hold())

    def poll(self) -> None:
        self.ticks += 1
        if self._op is not None and not self._op.done:
            return
        if self.held():
            return
        db, actor = self.ctx.db, self.ctx.actor
        self.polls += 1

        # A failed poll stays quiet: the next one, a second later, tries again.
        self._op = ServiceOp(self, lambda _c: monitoring.take_coaching_messages(db, actor),
                             hub=self.ctx.hub).success(self._show).failure(
                                 lambda _e: None).run()

    def _show(self, messages: list[monitoring.InboxMessage]) -> None:
        if not messages:
            return
        self.received.emit(messages)
        if not self.popup:
            return
        area = self.area if self.area is not None and self.area.isVisible() else None
        for m in messages:
            note = CoachingNote(m.sender, m.text, area or self.parent_widget)
            note.destroyed.connect(lambda *_a, n=note: self._forget(n))
            note.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            if area is not None:
                note.setMinimumWidth(0)
                note.setMaximumWidth(16_777_215)
                layout = area.layout()
                if layout is not None:
                    layout.addWidget(note)
            else:
                self.overlays.append(note)
            self.notes.append(note)
            note.show()
            note.raise_()
        self._place()

    def _forget(self, note: CoachingNote) -> None:
        self.notes = [n for n in self.notes if n is not note]
        self.overlays = [n for n in self.overlays if n is not note]

    def _place(self) -> None:
        """Stack the notes drawn over the window down its top-right corner."""
        y = 8
        width = self.parent_widget.width()
        for note in self.overlays:
            try:
                note.adjustSize()
                note.move(max(0, width - note.width() - 16), y)
                y += note.height() + 6
            except RuntimeError:  # deleted meanwhile
                continue
