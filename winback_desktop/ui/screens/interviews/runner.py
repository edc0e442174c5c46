"""The exit-interview runner: one question at a time, inside the call workspace.

Keyboard driven: number keys pick choices (toggle for multiple choice), Enter goes on,
Backspace or Alt+Left goes back, Ctrl+P pauses. The digits and Enter are claimed only
while the focus is inside the runner on a page that uses them, so a host window that
binds 1–9 / Alt+1–9 to dispositions (the call workspace) keeps them everywhere else.
Every answer is saved as it is given, so a dropped call loses nothing: ``start`` for
the same customer later resumes where the interview stopped, on any PC. At the end a
confirm page shows the proposed defection reason (highest weight) and the grid's
treatment for the customer's tier; the agent confirms or picks another reason
(recorded as an override).

Embedding (the call workspace)::

    runner = InterviewRunner(ctx, parent)
    runner.step_changed.connect(lambda step: presence.set_state(..., script_step=step))
    runner.completed.connect(lambda reason, treatment: ...)
    runner.start(customer_id, call_id)          # campaign's script, or resumes
    runner.pause()                              # call dropped / hung up early

The editor also uses it with ``preview(script)``: the same pages over a script in
memory, nothing written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from winback_desktop.core import interview as iv
from winback_desktop.core.domain import DefectionReason
from winback_desktop.services import interview_runs
from winback_desktop.services import interviews as svc
from winback_desktop.ui.kit.service_op import OpError, OpGroup
from winback_desktop.ui.screens.interviews import labels
from winback_desktop.ui.screens.interviews.runner_inputs import (
    AnswerInputs,
    PreviewSession,
    build_answer,
)
from winback_desktop.ui.shell.context import AppContext

PAGE_IDLE, PAGE_QUESTION, PAGE_CONFIRM, PAGE_DONE = range(4)


class InterviewRunner(QWidget):
    """One exit interview for one customer in one call (see the module docstring)."""

    #: confirmed reason code, treatment code (the customer's new segment)
    completed = Signal(str, str)
    #: short step for the live board: "3/9 main_reason", "9/9 confirm", "paused", ""
    step_changed = Signal(str)
    #: the interview was paused (answers kept)
    paused = Signal()
    #: a service call failed; the message is also shown in the runner
    failed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.state: svc.ResponseState | None = None
        self.proposal: svc.Proposal | None = None
        self._preview: PreviewSession | None = None
        # the runner's calls, each one service call; their changes reach every view
        self._ops = OpGroup(self, ctx.hub)
        self._customer_id: int | None = None
        self._call_id: int | None = None
        self._answer_widget: QWidget | None = None
        self._choice_buttons: list[QAbstractButton] = []
        self._group: QButtonGroup | None = None
        self._scripts: list[svc.ScriptInfo] = []
        self._build()
        self._shortcuts()
        self._show_idle(self.tr(
            "No interview running. It starts when the customer answers (F6)."))

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(6, 6, 6, 6)
        head = QHBoxLayout()
        self.script_label = QLabel()
        self.script_label.setStyleSheet("font-weight: bold")
        self.script_combo = QComboBox()
        self.script_combo.setToolTip(self.tr("Switch script (only before the first answer)"))
        self.script_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.script_combo.activated.connect(self._switch_script)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.setMaximumWidth(220)
        head.addWidget(self.script_label, 1)
        head.addWidget(self.script_combo)
        head.addWidget(self.progress)
        root.addLayout(head)

        self.pages = QStackedWidget()
        root.addWidget(self.pages, 1)
        # idle page
        self.idle_label = QLabel()
        self.idle_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.idle_label.setWordWrap(True)
        self.pages.addWidget(self.idle_label)
        # question page
        qpage = QWidget()
        ql = QVBoxLayout(qpage)
        ql.setContentsMargins(0, 0, 0, 0)
        self.question_label = QLabel()
        self.question_label.setWordWrap(True)
        font = QFont(self.question_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.question_label.setFont(font)
        self.question_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.required_label = QLabel()
        self.required_label.setStyleSheet("color: #b00020")
        self.help_label = QLabel()
        self.help_label.setWordWrap(True)
        self.help_label.setStyleSheet("color: #555; font-style: italic")
        self.answer_box = QFrame()
        self.answer_layout = QVBoxLayout(self.answer_box)
        self.answer_layout.setContentsMargins(8, 4, 8, 4)
        ql.addWidget(self.question_label)
        ql.addWidget(self.required_label)
        ql.addWidget(self.help_label)
        ql.addWidget(self.answer_box, 1)
        nav = QHBoxLayout()
        self.back_button = QPushButton(self.tr("◀ Back"))
        self.back_button.setToolTip(self.tr("Previous question (Alt+Left or Backspace)"))
        self.back_button.clicked.connect(self.go_back)
        self.skip_button = QPushButton(self.tr("Skip"))
        self.skip_button.setToolTip(self.tr("Leave this question unanswered"))
        self.skip_button.clicked.connect(lambda: self._submit(None))
        self.finish_button = QPushButton(self.tr("Finish now"))
        self.finish_button.setToolTip(
            self.tr("Go to the reason now; unanswered required questions lower adherence"))
        self.finish_button.clicked.connect(self._finish_now)
        self.pause_button = QPushButton(self.tr("Pause"))
        self.pause_button.setToolTip(self.tr("Keep the answers and continue later (Ctrl+P)"))
        self.pause_button.clicked.connect(self.pause)
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.next_button.setToolTip(self.tr("Save the answer and go on (Enter)"))
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.go_next)
        for b in (self.back_button, self.skip_button, self.finish_button, self.pause_button):
            nav.addWidget(b)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        ql.addLayout(nav)
        self.pages.addWidget(qpage)
        # confirm page
        cpage = QWidget()
        cl = QVBoxLayout(cpage)
        cl.setContentsMargins(0, 0, 0, 0)
        self.confirm_title = QLabel(self.tr("Confirm the defection reason"))
        self.confirm_title.setFont(font)
        self.proposed_label = QLabel()
        self.proposed_label.setWordWrap(True)
        self.scores_label = QLabel()
        self.scores_label.setWordWrap(True)
        self.scores_label.setStyleSheet("color: #555")
        reason_row = QHBoxLayout()
        reason_row.addWidget(QLabel(self.tr("Reason:")))
        self.reason_combo = QComboBox()
        for r in DefectionReason:
            self.reason_combo.addItem(labels.name(r.value), r.value)
        self.reason_combo.currentIndexChanged.connect(self._reason_changed)
        reason_row.addWidget(self.reason_combo, 1)
        self.treatment_label = QLabel()
        self.treatment_label.setMinimumWidth(160)
        self.treatment_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        reason_row.addWidget(self.treatment_label)
        self.override_label = QLabel()
        self.override_label.setStyleSheet("color: #8a4b00")
        self.adherence_label = QLabel()
        cl.addWidget(self.confirm_title)
        cl.addWidget(self.proposed_label)
        cl.addWidget(self.scores_label)
        cl.addLayout(reason_row)
        cl.addWidget(self.override_label)
        cl.addWidget(self.adherence_label)
        cl.addStretch(1)
        cnav = QHBoxLayout()
        self.confirm_back = QPushButton(self.tr("◀ Back"))
        self.confirm_back.clicked.connect(self.go_back)
        self.confirm_button = QPushButton(self.tr("Confirm reason"))
        self.confirm_button.setToolTip(self.tr("Save the reason and re-segment (Enter)"))
        self.confirm_button.clicked.connect(self.confirm)
        cnav.addWidget(self.confirm_back)
        cnav.addStretch(1)
        cnav.addWidget(self.confirm_button)
        cl.addLayout(cnav)
        self.pages.addWidget(cpage)
        # done page
        self.done_label = QLabel()
        self.done_label.setWordWrap(True)
        self.done_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages.addWidget(self.done_label)

        notes_row = QVBoxLayout()
        notes_row.addWidget(QLabel(self.tr("Notes")))
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("What the customer said, in their words"))
        self.notes.setMaximumHeight(90)
        self.notes.setTabChangesFocus(True)
        notes_row.addWidget(self.notes)
        root.addLayout(notes_row)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020")
        self.error_label.hide()
        root.addWidget(self.error_label)

    def _shortcuts(self) -> None:
        # keys nobody else in the workspace uses: plain shortcuts (they also work while
        # typing an answer, where a text box would swallow the key press)
        for seq, slot in (("Ctrl+P", self.pause), ("Alt+Left", self.go_back)):
            sc = QShortcut(QKeySequence(seq), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)

    # Keys are handled as key presses, not QShortcuts: the call workspace binds the same
    # digits to dispositions for the whole window, and two shortcuts on one key cancel
    # each other. While the focus is inside the runner and a key means something here
    # (a choice number on a question page, Enter, Back), the runner claims it through
    # ShortcutOverride; everywhere else the workspace's shortcuts keep working.

    def _key_action(self, event: QKeyEvent) -> Callable[[], None] | None:
        page = self.pages.currentIndex()
        key = Qt.Key(event.key())
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        plain = mods == Qt.KeyboardModifier.NoModifier
        if page == PAGE_QUESTION and plain and Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            n = int(key) - int(Qt.Key.Key_0)
            if n <= len(self._choice_buttons):
                return lambda: self._pick(n)
            return None
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain and page in (
                PAGE_QUESTION, PAGE_CONFIRM):
            return self._enter
        if page in (PAGE_QUESTION, PAGE_CONFIRM) and key == Qt.Key.Key_Backspace and plain:
            return self.go_back
        return None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and self._key_action(event) is not None:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        action = self._key_action(event)
        if action is None:
            super().keyPressEvent(event)
            return
        event.accept()
        action()

    # ------------------------------------------------------------------ public API

    @property
    def busy(self) -> bool:
        """A save is on its way to the database (tests wait for this)."""
        return not self._ops.idle()

    @property
    def response_id(self) -> int | None:
        return self.state.response_id if self.state and not self._preview else None

    def start(self, customer_id: int, call_id: int | None,
              script_id: int | None = None) -> None:
        """Start (or resume) the interview of ``customer_id`` in ``call_id``.

        ``script_id`` None uses the call's campaign script (else the newest published
        one for the customer's kind and language) and resumes any unfinished interview.
        """
        self._preview = None
        self._customer_id, self._call_id = customer_id, call_id
        self._show_idle(self.tr("Loading the interview…"))
        actor = self.ctx.actor

        db = self.ctx.db

        def work() -> interview_runs.InterviewStarted:
            return interview_runs.start(db, actor, customer_id, call_id, script_id)

        def done(result: interview_runs.InterviewStarted) -> None:
            state, scripts = result.state, result.scripts
            self._scripts = scripts
            self._fill_script_combo(state.script_id)
            self.notes.setPlainText(state.notes)
            self._show(state)

        self._run(work, done)

    def preview(self, script: iv.Script) -> None:
        """Walk through a script in memory (the editor's preview): nothing is saved."""
        self._preview = PreviewSession(script)
        self._scripts = []
        self.script_combo.hide()
        self.notes.clear()
        self._show(self._preview.state())

    def pause(self) -> None:
        """Keep the answers and stop here (call dropped, or continue another day)."""
        state = self.state
        if state is None or state.status == svc.COMPLETED or self.busy:
            return
        if self._preview is not None:
            self._show_idle(self.tr("Preview paused."))
            self.step_changed.emit("paused")
            self.paused.emit()
            return
        notes = self.notes.toPlainText()
        actor = self.ctx.actor

        def done(new: svc.ResponseState) -> None:
            self.state = new
            self._show_idle(self.tr(
                "Interview paused at question {done} of {total}. The answers are kept; it "
                "resumes the next time this customer is called.").format(
                    done=new.done + 1, total=new.total))
            self.step_changed.emit("paused")
            self.paused.emit()

        db = self.ctx.db
        self._run(lambda: interview_runs.pause(db, actor, state.response_id, notes=notes),
                  done)

    def clear(self) -> None:
        """Forget the current interview on screen (the workspace moved on)."""
        self.state = None
        self.proposal = None
        self._preview = None
        self.notes.clear()
        self._show_idle(self.tr(
            "No interview running. It starts when the customer answers (F6)."))
        self.step_changed.emit("")

    # ------------------------------------------------------------------ plumbing

    def _run(self, fn: Callable[[], Any], on_success: Callable[[Any], None]) -> None:
        """One service call in the background; a failure shows in the runner."""
        def ok(result: Any) -> None:
            self._set_enabled(True)
            self.error_label.hide()
            on_success(result)

        def fail(error: OpError) -> None:
            self._set_enabled(True)
            message = labels.error_text(error.error)
            self.error_label.setText(message)
            self.error_label.show()
            self.failed.emit(message)

        self._set_enabled(False)
        self._ops.op(lambda _control: fn()).success(ok).failure(fail).run()

    def _set_enabled(self, enabled: bool) -> None:
        # Not setEnabled(False): disabling the focused button would drop the keyboard
        # focus and break the keyboard-driven flow. Handlers ignore input while busy.
        self.setCursor(Qt.CursorShape.ArrowCursor if enabled else Qt.CursorShape.BusyCursor)

    def _fill_script_combo(self, current_id: int) -> None:
        self.script_combo.blockSignals(True)
        self.script_combo.clear()
        for info in self._scripts:
            self.script_combo.addItem(f"{info.name} v{info.version}", info.id)
        index = self.script_combo.findData(current_id)
        self.script_combo.setCurrentIndex(index)
        self.script_combo.blockSignals(False)
        self.script_combo.setVisible(len(self._scripts) > 1)

    def _switch_script(self, index: int) -> None:
        script_id = self.script_combo.itemData(index)
        if (self.state is None or self._customer_id is None or script_id == self.state.script_id
                or self.state.answers):
            if self.state is not None:
                self._fill_script_combo(self.state.script_id)
            return
        self.start(self._customer_id, self._call_id, int(script_id))

    # ------------------------------------------------------------------ pages

    def _show_idle(self, text: str) -> None:
        self.idle_label.setText(text)
        self.pages.setCurrentIndex(PAGE_IDLE)
        # no script on screen: an empty script switcher and progress bar mean nothing
        self.script_combo.hide()
        self.progress.hide()

    def _show(self, state: svc.ResponseState) -> None:
        self.state = state
        script = state.script
        self.script_label.setText(f"{script.name} · v{script.version}")
        self.script_combo.setEnabled(not state.answers)
        self.script_combo.setVisible(len(self._scripts) > 1)
        self.progress.show()
        self.progress.setMaximum(max(state.total, 1))
        self.progress.setValue(state.done)
        self.progress.setFormat(self.tr("{done} of {total}").format(done=state.done,
                                                                    total=state.total))
        if state.status == svc.COMPLETED:
            return
        if state.finished:
            self._load_proposal()
            return
        self._show_question(state)
        self.step_changed.emit(state.step_label)

    def _show_question(self, state: svc.ResponseState) -> None:
        question = state.question
        assert question is not None
        agent = self.ctx.actor.display_name or self.ctx.actor.login
        self.question_label.setText(question.text.replace("{agent}", agent))
        self.required_label.setText(self.tr("Required") if question.required else "")
        self.required_label.setVisible(question.required)
        self.help_label.setText(question.help_text)
        self.help_label.setVisible(bool(question.help_text))
        self.back_button.setEnabled(state.can_go_back)
        self.skip_button.setEnabled(not question.required)
        self._build_answer(question, state.answers.get(question.key))
        self.pages.setCurrentIndex(PAGE_QUESTION)
        focus = self._answer_widget if isinstance(
            self._answer_widget, QLineEdit | QDateEdit) else self.next_button
        self._focus_answer(focus)

    def _focus_answer(self, focus: QWidget) -> None:
        """Give the new answer box the keyboard, also after an answer saved in the
        background: a box just added to the layout is not shown yet (setFocus on it does
        nothing) and the previous one, still focused, is being deleted. Without this the
        focus fell out of the interview and the next digits typed went elsewhere."""
        if self.isVisible():
            focus.show()
        focus.setFocus(Qt.FocusReason.OtherFocusReason)

        def again() -> None:
            if shiboken6.isValid(focus) and focus.isVisible() \
                    and self.pages.currentIndex() == PAGE_QUESTION:
                focus.setFocus(Qt.FocusReason.OtherFocusReason)

        QTimer.singleShot(0, again)

    def _build_answer(self, question: iv.Question, current: Any) -> None:
        inputs = build_answer(self, self.answer_layout, question, current)
        self._group, self._choice_buttons = inputs.group, inputs.buttons
        self._answer_widget = inputs.widget

    def _current_value(self) -> Any:
        state = self.state
        if state is None or state.question is None:
            return None
        return AnswerInputs(self._group, self._choice_buttons,
                            self._answer_widget).value(state.question.qtype)

    # ------------------------------------------------------------------ actions

    def _pick(self, n: int) -> None:
        if self.pages.currentIndex() == PAGE_CONFIRM:
            return
        if 0 < n <= len(self._choice_buttons):
            button = self._choice_buttons[n - 1]
            if isinstance(button, QCheckBox):
                button.toggle()
            else:
                button.setChecked(True)

    def _enter(self) -> None:
        page = self.pages.currentIndex()
        if page == PAGE_QUESTION:
            self.go_next()
        elif page == PAGE_CONFIRM:
            self.confirm()

    def go_next(self) -> None:
        state = self.state
        if state is None or state.question is None or self.busy:
            return
        if self.pages.currentIndex() != PAGE_QUESTION:
            return
        value = self._current_value()
        if state.question.required and not iv.is_answered(value):
            self.error_label.setText(self.tr(
                "This question is required. Answer it, or use Finish now if the customer "
                "will not say."))
            self.error_label.show()
            return
        self._submit(value)

    def _submit(self, value: Any) -> None:
        state = self.state
        if state is None or state.question is None or self.busy:
            return
        key = state.question.key
        if self._preview is not None:
            try:
                self._preview.notes = self.notes.toPlainText()
                new = self._preview.answer(key, value)
            except Exception as exc:
                self.error_label.setText(labels.error_text(exc))
                self.error_label.show()
                return
            self.error_label.hide()
            self._show(new)
            return
        notes = self.notes.toPlainText()
        actor = self.ctx.actor
        db = self.ctx.db
        self._run(lambda: interview_runs.answer(db, actor, state.response_id, key, value,
                                                notes=notes), self._show)

    def go_back(self) -> None:
        state = self.state
        if state is None or self.busy or state.status == svc.COMPLETED:
            return
        if self.pages.currentIndex() not in (PAGE_QUESTION, PAGE_CONFIRM):
            return
        if self._preview is not None:
            self._show(self._preview.back())
            return
        if self.pages.currentIndex() == PAGE_QUESTION and not state.can_go_back:
            return
        notes = self.notes.toPlainText()
        actor = self.ctx.actor
        db = self.ctx.db
        self._run(lambda: interview_runs.back(db, actor, state.response_id, notes=notes),
                  self._show)

    def _finish_now(self) -> None:
        """Go to the confirm page with the answers so far (customer will not go on)."""
        state = self.state
        if state is None or self.busy:
            return
        if self._preview is not None:
            self._preview.current = None
            self._show(self._preview.state())
            return
        self.state = replace(state, current_key=None)
        self._load_proposal()

    def _load_proposal(self) -> None:
        state = self.state
        assert state is not None
        if self._preview is not None:
            self._show_confirm(self._preview.proposal())
            return
        actor = self.ctx.actor
        db = self.ctx.db
        self._run(lambda: interview_runs.proposal(db, actor, state.response_id),
                  self._show_confirm)

    def _show_confirm(self, proposal: svc.Proposal) -> None:
        self.proposal = proposal
        self.proposed_label.setText(self.tr(
            "Proposed reason: <b>{reason}</b> (highest weight). SLTV tier {tier}.").format(
                reason=labels.name(proposal.proposed_reason), tier=proposal.tier))
        scored = sorted(((v, r) for r, v in proposal.scores.items() if v > 0), reverse=True)
        self.scores_label.setText(
            self.tr("Weights: {weights}").format(weights=", ".join(
                f"{labels.name(r)} {v:g}" for v, r in scored)) if scored
            else self.tr("No answer carried a weight: the reason stays unknown unless you "
                         "choose one."))
        self.adherence_label.setText(self.tr(
            "Required questions answered: {answered} of {required}").format(
                answered=proposal.adherence_answered, required=proposal.adherence_required))
        self.reason_combo.blockSignals(True)
        self.reason_combo.setCurrentIndex(self.reason_combo.findData(proposal.proposed_reason))
        self.reason_combo.blockSignals(False)
        self._reason_changed()
        self.confirm_button.setEnabled(True)
        self.pages.setCurrentIndex(PAGE_CONFIRM)
        self.confirm_button.setFocus()
        if self.state is not None:
            self.step_changed.emit(f"{self.state.total}/{self.state.total} confirm")

    def _reason_changed(self, _index: int = 0) -> None:
        if self.proposal is None:
            return
        reason = str(self.reason_combo.currentData())
        treatment = self.proposal.treatments.get(reason, "quick")
        self.treatment_label.setText(labels.name(treatment))
        self.treatment_label.setStyleSheet(
            f"background: {labels.TREATMENT_COLOURS.get(treatment, '#eee')}; "
            "padding: 4px; border-radius: 3px")
        self.override_label.setText(
            self.tr("You are overriding the proposal; this is recorded.")
            if reason != self.proposal.proposed_reason else "")

    def selected_reason(self) -> str:
        return str(self.reason_combo.currentData())

    def set_reason(self, reason: str) -> None:
        """Pick a reason on the confirm page (an override when not the proposal)."""
        self.reason_combo.setCurrentIndex(self.reason_combo.findData(reason))

    def confirm(self) -> None:
        """Save the chosen reason: the customer's reason and segment change now."""
        state = self.state
        if state is None or self.proposal is None or self.busy:
            return
        reason = self.selected_reason()
        if self._preview is not None:
            treatment = self.proposal.treatments.get(reason, "quick")
            self._preview.status = svc.COMPLETED
            self._show_done(reason, treatment, preview=True)
            return
        notes = self.notes.toPlainText()
        actor = self.ctx.actor
        self.confirm_button.setEnabled(False)

        def done(completed: interview_runs.InterviewCompleted) -> None:
            # the customers, queue and interview views hear it from the result's changes
            result = completed.completion
            self.state = replace(state, status=svc.COMPLETED, current_key=None)
            self._show_done(result.confirmed_reason, result.treatment)
            self.step_changed.emit("completed")
            self.completed.emit(result.confirmed_reason, result.treatment)

        db = self.ctx.db
        self._run(lambda: interview_runs.complete(db, actor, state.response_id, reason,
                                                  notes=notes), done)

    def _show_done(self, reason: str, treatment: str, preview: bool = False) -> None:
        text = self.tr("Reason confirmed: <b>{reason}</b>.<br>Treatment: <b>{treatment}</b>."
                       ).format(reason=labels.name(reason), treatment=labels.name(treatment))
        if preview:
            text += "<br>" + self.tr("(Preview: nothing was saved.)")
        self.done_label.setText(text)
        self.progress.setValue(self.progress.maximum())
        self.pages.setCurrentIndex(PAGE_DONE)


def make_runner(ctx: AppContext, parent: QWidget | None = None) -> InterviewRunner:
    runner = InterviewRunner(ctx, parent)
    runner.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    return runner
