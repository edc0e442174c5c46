"""The supervisor's live board: every agent's state, time in state, customer and step.

Refreshes every 1.5 s from cheap indexed queries in a background operation (a refresh
that is still running is never stacked); colours warn when a state lasts too long.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from winback_desktop.core.errors import WinbackError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.services import monitoring
from winback_desktop.ui import vocabulary
from winback_desktop.ui.context import AppContext
from winback_desktop.ui.ops import OpControl, Operation
from winback_desktop.ui.screens import ScreenSpec, register

REFRESH_MS = 1500

_STATES = {
    "offline": QT_TRANSLATE_NOOP("BoardScreen", "Offline"),
    "ready": QT_TRANSLATE_NOOP("BoardScreen", "Ready"),
    "on_call": QT_TRANSLATE_NOOP("BoardScreen", "On call"),
    "wrap_up": QT_TRANSLATE_NOOP("BoardScreen", "Wrap-up"),
    "break": QT_TRANSLATE_NOOP("BoardScreen", "Break"),
}
_STATE_COLOURS = {"offline": "#9E9E9E", "ready": "#2E7D32", "on_call": "#1565C0",
                  "wrap_up": "#EF6C00", "break": "#6A1B9A"}
#: seconds in a state after which the time turns amber, then red
THRESHOLDS: dict[str, tuple[int, int]] = {
    "ready": (300, 900), "on_call": (900, 1800), "wrap_up": (120, 300), "break": (900, 1800),
}


def time_colour(state: str, seconds: int | None) -> QColor | None:
    if seconds is None or state not in THRESHOLDS:
        return None
    amber, red = THRESHOLDS[state]
    if seconds >= red:
        return QColor("#C62828")
    if seconds >= amber:
        return QColor("#F9A825")
    return None


def mmss(seconds: int | None) -> str:
    if seconds is None:
        return ""
    m, s = divmod(max(seconds, 0), 60)
    h, m = divmod(m, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class BoardScreen(QWidget):
    COLUMNS = 7

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.board: monitoring.Board | None = None
        self._op: Operation[Any] | None = None
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.totals.setObjectName("board_totals")
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.coach_button = QPushButton()
        self.flag_button = QPushButton()
        self.message = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.coach_button)
        buttons.addWidget(self.flag_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.totals)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.coach_button.clicked.connect(self.send_coaching)
        self.flag_button.clicked.connect(self.flag_call)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.retranslate()
        self.refresh()
        self.timer.start()

    # Poll only while the board is on screen: a hidden or closed board costs nothing.
    def showEvent(self, event: Any) -> None:
        if not self.timer.isActive():
            self.refresh()
            self.timer.start()
        super().showEvent(event)

    def hideEvent(self, event: Any) -> None:
        self.timer.stop()
        super().hideEvent(event)

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([
            self.tr("Agent"), self.tr("State"), self.tr("Time in state"), self.tr("Customer"),
            self.tr("SLTV"), self.tr("Script step"), self.tr("Call length")])
        self.coach_button.setText(self.tr("Send coaching message…"))
        self.flag_button.setText(self.tr("Flag current call for review"))
        if self.board:
            self._show(self.board)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        if self._op is not None and not self._op.done:
            return
        db, actor = self.ctx.db, self.ctx.actor

        def work(control: OpControl) -> monitoring.Board:
            with db.session() as s:
                return monitoring.live_board(s, actor)

        self._op = Operation(work, on_success=self._show, on_failure=self._failed,
                             parent=self).start()

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(exc.render(QCoreApplication.translate)
                             if isinstance(exc, WinbackError) else str(exc))

    def _show(self, board: monitoring.Board) -> None:
        self.board = board
        translate = QCoreApplication.translate
        states = " · ".join(f"{translate('BoardScreen', _STATES[k])} {n}"
                            for k, n in board.by_state.items() if k in _STATES)
        queues = ", ".join(f"{name}: {n}" for name, n in board.queue_depth.items()) or "–"
        self.totals.setText(self.tr(
            "{states}\nQueue: {queues}   ·   Callbacks due: {callbacks}   ·   "
            "Pending approvals: {approvals}   ·   Flagged calls: {flagged}").format(
            states=states, queues=queues, callbacks=board.callbacks_due,
            approvals=board.pending_approvals, flagged=board.flagged_calls))
        keep = self.selected_agent()
        self.table.setRowCount(len(board.tiles))
        for i, tile in enumerate(board.tiles):
            r = tile.row
            state_item = QTableWidgetItem(translate("BoardScreen", _STATES.get(r.state, r.state)))
            state_item.setForeground(QColor("white"))
            state_item.setBackground(QColor(_STATE_COLOURS.get(r.state, "#9E9E9E")))
            timer_item = QTableWidgetItem(mmss(tile.seconds_in_state))
            colour = time_colour(r.state, tile.seconds_in_state)
            if colour is not None:
                timer_item.setBackground(colour)
            values = [
                QTableWidgetItem(f"{r.display_name} ({r.login})"), state_item, timer_item,
                QTableWidgetItem(r.customer_name or ""),
                QTableWidgetItem(vocabulary.money(tile.sltv_minor) if tile.sltv_minor is not None
                                 else ""),
                QTableWidgetItem(r.script_step or ""),
                QTableWidgetItem(mmss(tile.call_seconds)),
            ]
            values[0].setData(Qt.ItemDataRole.UserRole, r.user_id)
            values[0].setData(Qt.ItemDataRole.UserRole + 1, r.call_id)
            for j, item in enumerate(values):
                self.table.setItem(i, j, item)
            if r.user_id == keep:
                self.table.selectRow(i)

    def selected_agent(self) -> int | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _selected_call(self) -> int | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole + 1) if item else None

    def send_coaching(self, text: str | None = None) -> None:
        agent_id = self.selected_agent()
        if agent_id is None:
            self.message.setText(self.tr("Select an agent first."))
            return
        if not text:
            text, ok = QInputDialog.getText(self, self.tr("Coaching message"),
                                            self.tr("Message to the agent:"))
            if not ok or not text.strip():
                return
        db, actor, call_id = self.ctx.db, self.ctx.actor, self._selected_call()

        def work(control: OpControl) -> None:
            with db.session() as s:
                monitoring.send_coaching_message(s, actor, agent_id, text or "", call_id)

        self._send_op: Operation[Any] = Operation(
            work, on_success=lambda _r: self.message.setText(self.tr("Message sent.")),
            on_failure=self._failed, parent=self).start()

    def flag_call(self) -> None:
        call_id = self._selected_call()
        if call_id is None:
            self.message.setText(self.tr("This agent is not on a call."))
            return
        db, actor = self.ctx.db, self.ctx.actor

        def work(control: OpControl) -> None:
            with db.session() as s:
                monitoring.flag_call(s, actor, call_id)

        def done(_r: Any) -> None:
            self.message.setText(self.tr("Call flagged for review."))
            self.ctx.hub.notify("qa")

        self._flag_op: Operation[Any] = Operation(work, on_success=done,
                                                  on_failure=self._failed, parent=self).start()


register(ScreenSpec(
    key="board",
    title=QT_TRANSLATE_NOOP("Screens", "Live board"),
    permission=Permission.MONITOR_AGENTS,
    factory=BoardScreen,
    order=20,
))
