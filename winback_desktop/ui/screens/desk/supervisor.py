"""The supervisor's side of the desk: dialogs that name the agent they act on."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from winback_desktop.services import desk, monitoring
from winback_desktop.ui.screens.desk.labels import reason_name


class CoachingDialog(QDialog):
    """A coaching message to one named agent; says when it will reach them."""

    def __init__(self, agent: str, on_call: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Coaching message to {agent}").format(agent=agent))
        self.header = QLabel(self.tr("To: <b>{agent}</b>").format(agent=agent))
        self.header.setObjectName("coachingTo")
        self.when = QLabel(
            self.tr("They are on a call: the message appears on their desk when the call "
                    "ends.") if on_call else
            self.tr("The message appears on their desk within 2 seconds."))
        self.when.setWordWrap(True)
        self.when.setStyleSheet("color:#546e7a;")
        self.text = QPlainTextEdit()
        self.text.setObjectName("coachingText")
        self.text.setPlaceholderText(self.tr("Short and concrete, e.g. \"Ask what the "
                                             "competitor offered\""))
        self.counter = QLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.send_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.send_button.setText(self.tr("Send"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.text.textChanged.connect(self._count)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.when)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.counter)
        layout.addWidget(self.buttons)
        self.resize(460, 260)
        self._count()

    def _count(self) -> None:
        n = len(self.text.toPlainText().strip())
        self.counter.setText(self.tr("{n} / {max} characters").format(
            n=n, max=monitoring.MAX_MESSAGE))
        self.send_button.setEnabled(0 < n <= monitoring.MAX_MESSAGE)

    def message(self) -> str:
        return self.text.toPlainText().strip()


class ForceNotReadyDialog(QDialog):
    """Stop the queue for one named agent, for a reason."""

    def __init__(self, agent: str, reasons: list[desk.Reason],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set {agent} to not ready").format(agent=agent))
        label = QLabel(self.tr("{agent} gets no more customers until they come back to "
                               "ready. Reason:").format(agent=agent))
        label.setWordWrap(True)
        self.reason = QComboBox()
        for r in reasons:
            self.reason.addItem(reason_name(r.code, r.name), r.code)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        layout.addWidget(buttons)

    def code(self) -> str:
        return str(self.reason.currentData())
