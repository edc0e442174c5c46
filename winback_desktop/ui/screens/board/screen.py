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
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.services import desk, monitoring
from winback_desktop.ui.kit import vocabulary
from winback_desktop.ui.kit.service_op import OpError, OpGroup, ServiceOp
from winback_desktop.ui.screens.board.phone import MonitorButtons
from winback_desktop.ui.screens.desk.labels import not_ready_text
from winback_desktop.ui.screens.desk.supervisor import CoachingDialog, ForceNotReadyDialog
from winback_desktop.ui.shell.context import AppContext
from winback_desktop.ui.shell.registry import ScreenSpec, register

REFRESH_MS = 1500

_STATES = {
    "offline": QT_TRANSLATE_NOOP("BoardScreen", "Offline"),
    "ready": QT_TRANSLATE_NOOP("BoardScreen", "Ready"),
    "on_call": QT_TRANSLATE_NOOP("BoardScreen", "On call"),
    "wrap_up": QT_TRANSLATE_NOOP("BoardScreen", "Wrap-up"),
    "break": QT_TRANSLATE_NOOP("BoardScreen", "Not ready"),
}
#: the row of an agent who asked for help
HELP_COLOUR = "#FFE082"
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
        self._ops = OpGroup(self, ctx.hub)
        self._op: ServiceOp[monitoring.Board] | None = None
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.totals.setObjectName("board_totals")
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # the agent's full name and login, and "Not ready · Training · HELP", never elided
        for column in (0, 1):
            self.table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents)
        self.coach_button = QPushButton()
        self.flag_button = QPushButton()
        self.help_button = QPushButton()
        self.help_button.setObjectName("answerHelp")
        self.not_ready_button = QPushButton()
        self.not_ready_button.setObjectName("forceNotReady")
        self.logout_button = QPushButton()
        self.logout_button.setObjectName("forceLogout")
        #: admins set up the not-ready reasons and the wrap-up limit from here
        self.settings_button = QPushButton()
        self.settings_button.setObjectName("deskSettings")
        self.settings_button.setVisible(ctx.actor.can(Permission.MANAGE_SETTINGS))
        self.settings_button.clicked.connect(self.open_desk_settings)
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.settings_button)
        buttons.addWidget(self.message, 1)
        for button in (self.help_button, self.coach_button, self.flag_button,
                       self.not_ready_button, self.logout_button):
            buttons.addWidget(button)
        # Listen / Whisper / Barge where the phone system can (issue 20)
        self.monitor_buttons = MonitorButtons(ctx, lambda: (
            self.selected_agent(), self.selected_name(),
            str(self._selected(Qt.ItemDataRole.UserRole + 3) or "")))
        self.monitor_buttons.said.connect(self.message.setText)
        buttons.addWidget(self.monitor_buttons)
        self.help_button.clicked.connect(lambda: self.answer_help())
        self.not_ready_button.clicked.connect(lambda: self.force_not_ready())
        self.logout_button.clicked.connect(lambda: self.force_logout())
        layout = QVBoxLayout(self)
        layout.addWidget(self.totals)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.coach_button.clicked.connect(lambda: self.send_coaching())
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
        self.coach_button.setText(self.tr("Coach…"))
        self.coach_button.setToolTip(self.tr("Send the selected agent a coaching message"))
        self.flag_button.setText(self.tr("Flag call"))
        self.flag_button.setToolTip(self.tr("Flag the selected agent's current call for review"))
        self.help_button.setText(self.tr("Answer help"))
        self.help_button.setToolTip(self.tr("You are going to the agent who asked for help"))
        self.not_ready_button.setText(self.tr("Not ready…"))
        self.not_ready_button.setToolTip(self.tr("Stop the queue for the selected agent"))
        self.logout_button.setText(self.tr("Log out…"))
        self.settings_button.setText(self.tr("Desk settings…"))
        self.settings_button.setToolTip(self.tr("Not-ready reasons and the wrap-up limit"))
        self.logout_button.setToolTip(self.tr("Log the selected agent out"))
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

        self._op = self._ops.op(lambda _c: monitoring.board(db, actor)).success(
            self._show).failure(self._failed).run()

    def _failed(self, error: OpError) -> None:
        self.message.setText(error.text)

    def _show(self, board: monitoring.Board) -> None:
        self.board = board
        translate = QCoreApplication.translate
        states = " · ".join(f"{translate('BoardScreen', _STATES[k])} {n}"
                            for k, n in board.by_state.items() if k in _STATES)
        helping = sum(1 for t in board.tiles if t.row.help_requested_at is not None)
        if helping:
            states += " · " + self.tr("Asking for help: {n}").format(n=helping)
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
            state_text = (not_ready_text(r.reason) if r.state == "break" else
                          translate("BoardScreen", _STATES.get(r.state, r.state)))
            helping = r.help_requested_at is not None
            if helping:
                state_text = self.tr("{state} · HELP").format(state=state_text)
            state_item = QTableWidgetItem(state_text)
            state_item.setForeground(QColor("white"))
            state_item.setBackground(QColor(_STATE_COLOURS.get(r.state, "#9E9E9E")))
            timer_item = QTableWidgetItem(mmss(tile.seconds_in_state))
            colour = time_colour(r.state, tile.seconds_in_state)
            if colour is not None:
                timer_item.setBackground(colour)
            who = f"{r.display_name} ({r.login})"
            values = [
                QTableWidgetItem(who), state_item, timer_item,
                QTableWidgetItem(r.customer_name or ""),
                QTableWidgetItem(vocabulary.money(tile.sltv_minor) if tile.sltv_minor is not None
                                 else ""),
                QTableWidgetItem(r.script_step or ""),
                QTableWidgetItem(self._call_length(tile, board)),
            ]
            values[0].setData(Qt.ItemDataRole.UserRole, r.user_id)
            values[0].setData(Qt.ItemDataRole.UserRole + 1, r.call_id)
            values[0].setData(Qt.ItemDataRole.UserRole + 2, who)
            values[0].setData(Qt.ItemDataRole.UserRole + 3, r.state)
            if helping:
                values[0].setToolTip(self.tr("{agent} asks for help").format(agent=who))
            for j, item in enumerate(values):
                if helping and j != 1:
                    item.setBackground(QColor(HELP_COLOUR))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(i, j, item)
            if r.user_id == keep:
                self.table.selectRow(i)

    def _call_length(self, tile: monitoring.BoardTile, board: monitoring.Board) -> str:
        """The call's length, and its talk time since the customer answered (measured
        by the phone system when it reports answers, else from the agent's button)."""
        text = mmss(tile.call_seconds)
        answered = tile.row.call_answered_at
        if text and answered is not None and tile.row.state == "on_call":
            talk = int((board.at - answered).total_seconds())
            text = self.tr("{length} · talk {talk}").format(length=text, talk=mmss(talk))
        return text

    def selected_agent(self) -> int | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _selected_call(self) -> int | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole + 1) if item else None

    def _selected(self, role: int) -> Any:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return item.data(role) if item else None

    def selected_name(self) -> str:
        return str(self._selected(Qt.ItemDataRole.UserRole + 2) or "")

    def make_coaching_dialog(self) -> CoachingDialog:
        """Built in its own method so tests can drive it."""
        on_call = self._selected(Qt.ItemDataRole.UserRole + 3) == "on_call"
        return CoachingDialog(self.selected_name(), on_call, self)

    def send_coaching(self, text: str | None = None) -> None:
        agent_id = self.selected_agent()
        if agent_id is None:
            self.message.setText(self.tr("Select an agent first."))
            return
        name = self.selected_name()
        if not text:
            dialog = self.make_coaching_dialog()
            if not dialog.exec() or not dialog.message():
                return
            text = dialog.message()
        db, actor, call_id = self.ctx.db, self.ctx.actor, self._selected_call()

        message = text
        self._ops.op(lambda _c: monitoring.send_coaching(db, actor, agent_id, message, call_id)
                     ).success(lambda _r: self.message.setText(
                         self.tr("Message sent to {agent}.").format(agent=name))
                     ).failure(self._failed).run()

    def open_desk_settings(self) -> None:
        from winback_desktop.ui.screens.desk.settings_dialog import DeskSettingsDialog

        self.desk_settings = DeskSettingsDialog(self.ctx, self)
        self.desk_settings.show()

    def _done(self, text: str) -> None:
        self.message.setText(text)
        self.refresh()

    def answer_help(self) -> None:
        agent_id = self.selected_agent()
        if agent_id is None:
            self.message.setText(self.tr("Select an agent first."))
            return
        db, actor, name = self.ctx.db, self.ctx.actor, self.selected_name()
        self._ops.op(lambda _c: desk.answer_help(db, actor, agent_id)).success(
            lambda _r: self._done(self.tr("{agent}: help answered.").format(
                agent=name))).failure(self._failed).run()

    def force_not_ready(self, reason: str | None = None) -> None:
        agent_id = self.selected_agent()
        if agent_id is None:
            self.message.setText(self.tr("Select an agent first."))
            return
        db, actor, name = self.ctx.db, self.ctx.actor, self.selected_name()
        if reason is None:
            dialog = ForceNotReadyDialog(name, desk.reasons(db, actor), self)
            if not dialog.exec():
                return
            reason = dialog.code()
        code = reason
        self._ops.op(lambda _c: desk.force_not_ready(db, actor, agent_id, code)).success(
            lambda _r: self._done(self.tr("{agent} is set to not ready.").format(
                agent=name))).failure(self._failed).run()

    def force_logout(self, confirmed: bool = False) -> None:
        agent_id = self.selected_agent()
        if agent_id is None:
            self.message.setText(self.tr("Select an agent first."))
            return
        db, actor, name = self.ctx.db, self.ctx.actor, self.selected_name()
        if not confirmed:
            answer = QMessageBox.question(
                self, self.tr("Log out {agent}").format(agent=name),
                self.tr("Log {agent} out? Their desk closes within a few seconds; a customer "
                        "they hold but have not called goes back to the queue.").format(
                    agent=name))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._ops.op(lambda _c: desk.force_logout(db, actor, agent_id)).success(
            lambda _r: self._done(self.tr("{agent} is logged out.").format(
                agent=name))).failure(self._failed).run()

    def flag_call(self) -> None:
        call_id = self._selected_call()
        if call_id is None:
            self.message.setText(self.tr("This agent is not on a call."))
            return
        db, actor = self.ctx.db, self.ctx.actor

        self._ops.op(lambda _c: monitoring.flag_call_for_review(db, actor, call_id)).success(
            lambda _r: self.message.setText(self.tr("Call flagged for review."))).failure(
            self._failed).run()


register(ScreenSpec(
    key="board",
    title=QT_TRANSLATE_NOOP("Screens", "Live board"),
    permission=Permission.MONITOR_AGENTS,
    factory=BoardScreen,
    order=20,
))
