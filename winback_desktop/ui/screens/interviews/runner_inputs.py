"""Interview runner, the parts without the widget: the preview's state machine and the
answer inputs built for one question.

The preview walks a script in memory with the same rules the service applies to a real
response (nothing is written), so the script editor can try a draft. The answer inputs
are built here from the question's type (choices, scale, date, number, text) and read
back as the value the service stores.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from winback_desktop.core import interview as iv
from winback_desktop.core import segmentation
from winback_desktop.core.domain import DefectionReason
from winback_desktop.services import interviews as svc


class PreviewSession:
    """The service's state machine over a script in memory (the editor's preview)."""

    def __init__(self, script: iv.Script) -> None:
        self.script = script
        self.answers: dict[str, Any] = {}
        self.current: str | None = script.first_key
        self.notes = ""
        self.status = svc.IN_PROGRESS

    def state(self) -> svc.ResponseState:
        done, total = iv.progress(self.script, self.answers, self.current)
        return svc.ResponseState(
            response_id=0, script_id=0, script=self.script, customer_id=0, call_id=None,
            status=self.status, answers=dict(self.answers), current_key=self.current,
            notes=self.notes, done=done, total=total,
            can_go_back=iv.previous_key(self.script, self.answers, self.current) is not None)

    def answer(self, key: str, value: Any) -> svc.ResponseState:
        question = self.script.question(key)
        assert question is not None
        stored = iv.normalise_answer(question, value)
        if stored is None:
            self.answers.pop(key, None)
        else:
            self.answers[key] = stored
        self.current = iv.next_key(self.script, key, stored)
        return self.state()

    def back(self) -> svc.ResponseState:
        prev = iv.previous_key(self.script, self.answers, self.current)
        if prev is not None:
            self.current = prev
        return self.state()

    def proposal(self) -> svc.Proposal:
        walked = iv.path(self.script, self.answers, None)
        result = iv.classify(self.script, self.answers, walked)
        adh = iv.adherence(self.script, self.answers, walked)
        grid = segmentation.default_grid()
        tier = "B"
        return svc.Proposal(result.proposed, dict(result.scores), tier,
                            {r.value: segmentation.treatment_for(tier, r.value, grid)
                             for r in DefectionReason},
                            DefectionReason.UNKNOWN.value, None, adh.required, adh.answered)


@dataclass
class AnswerInputs:
    """The inputs shown for the current question: choice buttons or one edit box."""

    group: QButtonGroup | None = None
    buttons: list[QAbstractButton] = field(default_factory=list)
    widget: QWidget | None = None

    def value(self, qt: str) -> Any:
        """The answer as the service stores it (``None`` when nothing is given)."""
        if self.group is not None:
            picked = [str(b.property("answer_value")) for b in self.buttons
                      if b.isChecked()]
            if qt == iv.MULTI:
                return picked
            return picked[0] if picked else None
        if isinstance(self.widget, QDateEdit):
            return self.widget.date().toString("yyyy-MM-dd")
        if isinstance(self.widget, QLineEdit):
            return self.widget.text().strip() or None
        return None


def build_answer(owner: QWidget, layout: QVBoxLayout, question: iv.Question,
                 current: Any) -> AnswerInputs:
    """Replace what ``layout`` shows with the inputs for ``question``, set to ``current``."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()
            widget.deleteLater()
    inputs = AnswerInputs()
    qt = question.qtype
    if qt in (iv.SINGLE, iv.YES_NO, iv.MULTI, iv.SCALE):
        exclusive = qt != iv.MULTI
        inputs.group = QButtonGroup(owner)
        inputs.group.setExclusive(exclusive)
        if qt == iv.SCALE:
            options = [(str(v), str(v)) for v in range(question.scale_min,
                                                       question.scale_max + 1)]
            row = QHBoxLayout()
            holder = QWidget()
            holder.setLayout(row)
            layout.addWidget(holder)
        else:
            options = [(c.value, c.label) for c in question.choices]
            row = None
        chosen = set(current) if isinstance(current, list) else {
            str(current)} if current is not None else set()
        for n, (value, label) in enumerate(options, start=1):
            # no "&" mnemonic: Alt+digit belongs to the workspace's dispositions
            text = f"{n}.  {label}" if n <= 9 else label
            button: QAbstractButton = (QCheckBox(text) if not exclusive
                                       else QRadioButton(text))
            button.setProperty("answer_value", value)
            button.setChecked(value in chosen)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            inputs.group.addButton(button, n)
            inputs.buttons.append(button)
            if row is not None:
                row.addWidget(button)
            else:
                layout.addWidget(button)
        if row is not None:
            row.addStretch(1)
        layout.addStretch(1)
    elif qt == iv.DATE:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        date = QDate.fromString(str(current), "yyyy-MM-dd") if current else QDate.currentDate()
        edit.setDate(date)
        inputs.widget = edit
        layout.addWidget(edit)
        layout.addStretch(1)
    else:
        line = QLineEdit()
        if qt == iv.NUMBER:
            line.setValidator(QDoubleValidator())
            line.setPlaceholderText(QCoreApplication.translate("InterviewRunner", "A number"))
        else:
            line.setPlaceholderText(QCoreApplication.translate(
        "InterviewRunner", "Type the answer; Enter to go on"))
        line.setText("" if current is None else str(current))
        inputs.widget = line
        layout.addWidget(line)
        layout.addStretch(1)
    return inputs
