"""Listen / Whisper / Barge on the live board, where the team's phone system can.

The buttons appear only when the configured adapter offers them (``supervise``); each
press rings the supervisor's own phone in the background and says what happened on
the board's message line. The agent is not told.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from winback_desktop.services.telephony import supervise
from winback_desktop.services.telephony.interface import MonitorMode
from winback_desktop.ui.kit.service_op import OpError, OpGroup
from winback_desktop.ui.shell.context import AppContext


class MonitorButtons(QWidget):
    #: a sentence for the board's message line
    said = Signal(str)

    def __init__(self, ctx: AppContext, selected: Callable[[], tuple[int | None, str, str]],
                 parent: QWidget | None = None) -> None:
        """``selected`` gives the board's selected agent: id, name, presence state."""
        super().__init__(parent)
        self.ctx = ctx
        self._selected = selected
        self._ops = OpGroup(self, ctx.hub)
        self.modes: frozenset[MonitorMode] = frozenset()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[MonitorMode, QPushButton] = {}
        for mode in MonitorMode:
            button = QPushButton()
            button.setObjectName(f"monitor_{mode.value}")
            button.clicked.connect(lambda _c=False, m=mode: self.monitor(m))
            button.hide()
            layout.addWidget(button)
            self.buttons[mode] = button
        self.retranslate()
        db, actor = ctx.db, ctx.actor
        self._ops.op(lambda _c: supervise.monitor_modes(db, actor)).success(
            self._offer).failure(lambda _e: None).run()

    def _offer(self, modes: frozenset[MonitorMode]) -> None:
        self.modes = modes
        for mode, button in self.buttons.items():
            button.setVisible(mode in modes)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        texts = {MonitorMode.LISTEN: (self.tr("Listen"), self.tr(
                     "Your phone rings and you hear the selected agent's call; nobody hears"
                     " you")),
                 MonitorMode.WHISPER: (self.tr("Whisper"), self.tr(
                     "Your phone rings and you can speak to the agent; the customer does"
                     " not hear you")),
                 MonitorMode.BARGE: (self.tr("Barge"), self.tr(
                     "Your phone rings and you join the call; both hear you"))}
        for mode, (text, tip) in texts.items():
            self.buttons[mode].setText(text)
            self.buttons[mode].setToolTip(tip)

    def monitor(self, mode: MonitorMode) -> None:
        agent_id, name, state = self._selected()
        if agent_id is None:
            self.said.emit(self.tr("Select an agent first."))
            return
        if state != "on_call":
            self.said.emit(self.tr("{agent} is not on a call.").format(agent=name))
            return
        db, actor = self.ctx.db, self.ctx.actor
        self.said.emit(self.tr("Ringing your phone…"))

        def done(_r: supervise.MonitorStarted) -> None:
            self.said.emit(self.tr("Pick up your phone: you join {agent}'s call ({mode}).")
                           .format(agent=name, mode=self.buttons[mode].text()))

        def failed(error: OpError) -> None:
            self.said.emit(error.text)

        self._ops.op(lambda _c: supervise.monitor_agent(db, actor, agent_id, mode)).success(
            done).failure(failed).run()

    def idle(self) -> bool:
        return self._ops.idle()
