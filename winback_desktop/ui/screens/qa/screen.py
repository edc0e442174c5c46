"""Quality assurance: review queue, recording playback beside the notes, scoring form,
evaluations (agents acknowledge or dispute their own), calibration and the QA report."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QDate, QEvent, Qt, QUrl
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSlider,
    QSpinBox,
    QSplitter,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from winback_desktop.core import qa as core_qa
from winback_desktop.core.errors import WinbackError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.services import qa_actions
from winback_desktop.services.changes import Changes, Done, Topic
from winback_desktop.services.qa import AgentQa, EvaluationInfo, SampleCall
from winback_desktop.services.qa_details import CallDetails
from winback_desktop.ui.kit import vocabulary
from winback_desktop.ui.kit.feedback import error_text
from winback_desktop.ui.kit.service_op import OpError, OpGroup, ServiceOp
from winback_desktop.ui.kit.widgets import read_only_table
from winback_desktop.ui.shell.context import AppContext
from winback_desktop.ui.shell.registry import ScreenSpec, register

T = TypeVar("T")


#: a score box's value while its item has not been scored
UNSCORED = -1


class RecordingPlayer(QWidget):
    """Play, pause, seek and speed for one call recording (QtMultimedia)."""

    SPEEDS = (0.75, 1.0, 1.25, 1.5, 2.0)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The media player (and the audio backend behind it) is created on the first
        # recording only: opening the QA screen must not probe sound devices.
        self.player: Any = None
        self.play_button = QPushButton()
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.position = QLabel("0:00 / 0:00")
        self.speed = QComboBox()
        for s in self.SPEEDS:
            self.speed.addItem(f"{s:g}×", s)
        self.speed.setCurrentIndex(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.play_button)
        row.addWidget(self.slider, 1)
        row.addWidget(self.position)
        row.addWidget(self.speed)
        self.play_button.clicked.connect(self.toggle)
        self.setEnabled(False)
        self.retranslate()

    def _ensure_player(self) -> Any:
        if self.player is None:
            from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

            self.player = QMediaPlayer(self)
            self.audio = QAudioOutput(self)
            self.player.setAudioOutput(self.audio)
            self.slider.sliderMoved.connect(self.player.setPosition)
            self.speed.currentIndexChanged.connect(
                lambda _i: self.player.setPlaybackRate(float(self.speed.currentData())))
            self.player.positionChanged.connect(self._position)
            self.player.durationChanged.connect(lambda d: self.slider.setRange(0, int(d)))
            self.player.playbackStateChanged.connect(lambda _s: self.retranslate())
        return self.player

    def playing(self) -> bool:
        if self.player is None:
            return False
        from PySide6.QtMultimedia import QMediaPlayer

        return bool(self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState)

    def retranslate(self) -> None:
        self.play_button.setText(self.tr("Pause") if self.playing() else self.tr("Play"))

    def load(self, path: str | None) -> None:
        if self.player is not None:
            self.player.stop()
        if path:
            self._ensure_player().setSource(QUrl.fromLocalFile(path))
            self.setEnabled(True)
        else:
            if self.player is not None:
                self.player.setSource(QUrl())
            self.setEnabled(False)

    def toggle(self) -> None:
        if self.player is None:
            return
        if self.playing():
            self.player.pause()
        else:
            self.player.play()

    def _position(self, ms: int) -> None:
        self.slider.setValue(int(ms))
        duration = self.player.duration() if self.player is not None else 0
        self.position.setText(f"{_clock(ms)} / {_clock(duration)}")


def _clock(ms: int) -> str:
    s = max(int(ms), 0) // 1000
    return f"{s // 60}:{s % 60:02d}"


class QaScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.reviewer = ctx.actor.can(Permission.EVALUATE_CALLS)
        self._ops = OpGroup(self, ctx.hub)
        self.current_call: int | None = None
        self.criteria: list[core_qa.Criterion] = []
        self.form_id: int | None = None
        self.last_evaluation: int | None = None
        self.message = QLabel()
        self.tabs = QTabWidget()

        # review tab
        self.week = QDateEdit()
        self.week.setCalendarPopup(True)
        self.week.setDisplayFormat("yyyy-MM-dd")
        today = date.today()
        monday = today - timedelta(days=today.weekday())
        self.week.setDate(QDate(monday.year, monday.month, monday.day))
        self.queue = read_only_table(5, single=True)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.player = RecordingPlayer()
        self.attach_button = QPushButton()
        self.score_form = QFormLayout()
        self.score_boxes: dict[str, QSpinBox] = {}
        self.coaching = QPlainTextEdit()
        self.coaching.setMaximumHeight(80)
        self.score_label = QLabel()
        self.submit_button = QPushButton()
        self.callback_button = QPushButton()
        self.callback_button.setEnabled(False)
        self.calibration_name = QLineEdit()
        left = QVBoxLayout()
        self.week_label = QLabel()
        wrow = QHBoxLayout()
        wrow.addWidget(self.week_label)
        wrow.addWidget(self.week)
        left.addLayout(wrow)
        left.addWidget(self.queue)
        left_w = QWidget()
        left_w.setLayout(left)
        middle = QVBoxLayout()
        middle.addWidget(self.details, 1)
        middle.addWidget(self.player)
        middle.addWidget(self.attach_button, alignment=Qt.AlignmentFlag.AlignRight)
        middle_w = QWidget()
        middle_w.setLayout(middle)
        self.form_box = QGroupBox()
        fb = QVBoxLayout(self.form_box)
        fb.addLayout(self.score_form)
        self.coaching_label = QLabel()
        fb.addWidget(self.coaching_label)
        fb.addWidget(self.coaching)
        self.calibration_label = QLabel()
        crow = QHBoxLayout()
        crow.addWidget(self.calibration_label)
        crow.addWidget(self.calibration_name)
        fb.addLayout(crow)
        fb.addWidget(self.score_label)
        fb.addStretch(1)
        brow = QHBoxLayout()
        brow.addWidget(self.submit_button)
        brow.addWidget(self.callback_button)
        fb.addLayout(brow)
        review = QSplitter()
        review.addWidget(left_w)
        review.addWidget(middle_w)
        review.addWidget(self.form_box)
        review.setSizes([460, 520, 420])
        self.queue.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)

        # evaluations tab
        self.evals = read_only_table(9, single=True)
        self.ack_button = QPushButton()
        self.dispute_button = QPushButton()
        self.dispute_text = QLineEdit()
        evals_page = QWidget()
        el = QVBoxLayout(evals_page)
        el.addWidget(self.evals)
        erow = QHBoxLayout()
        erow.addWidget(self.dispute_text, 1)
        erow.addWidget(self.ack_button)
        erow.addWidget(self.dispute_button)
        el.addLayout(erow)

        # calibration + report tab
        self.cal_session = QLineEdit()
        self.cal_button = QPushButton()
        self.cal_table = read_only_table(4, single=True)
        self.report_table = read_only_table(6, single=True)
        self.report_export = QPushButton()
        report_page = QWidget()
        rl = QVBoxLayout(report_page)
        cal_row = QHBoxLayout()
        cal_row.addWidget(self.cal_session, 1)
        cal_row.addWidget(self.cal_button)
        rl.addLayout(cal_row)
        rl.addWidget(self.cal_table, 1)
        rl.addWidget(self.report_table, 2)
        rl.addWidget(self.report_export, alignment=Qt.AlignmentFlag.AlignRight)

        self.pages: list[tuple[QWidget, str]] = []
        if self.reviewer:
            self.pages.append((review, "review"))
        self.pages.append((evals_page, "evals"))
        if self.reviewer:
            self.pages.append((report_page, "report"))
        self._keep = (review, evals_page, report_page)
        for page, _key in self.pages:
            self.tabs.addTab(page, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)

        self.week.dateChanged.connect(lambda _d: self.load_queue())
        self.queue.currentCellChanged.connect(lambda r, _c, _pr, _pc: self.open_call(r))
        self.attach_button.clicked.connect(self.attach)
        self.submit_button.clicked.connect(self.submit)
        self.callback_button.clicked.connect(self.send_back)
        self.ack_button.clicked.connect(lambda: self.respond(True))
        self.dispute_button.clicked.connect(lambda: self.respond(False))
        self.cal_button.clicked.connect(self.load_calibration)
        self.report_export.clicked.connect(self.export_report)
        ctx.hub.subscribe(self, [Topic.QA], self.reload)
        self.retranslate()
        self.reload()

    # ----------------------------------------------------------------- texts

    def retranslate(self) -> None:
        titles = {"review": self.tr("Review calls"), "evals": self.tr("Evaluations"),
                  "report": self.tr("Calibration and report")}
        for i, (_page, key) in enumerate(self.pages):
            self.tabs.setTabText(i, titles[key])
        self.week_label.setText(self.tr("Week of"))
        self.queue.setHorizontalHeaderLabels([self.tr("Agent"), self.tr("Customer"),
                                              self.tr("Started"), self.tr("Outcome"),
                                              self.tr("Status")])
        self.attach_button.setText(self.tr("Attach recording…"))
        self.form_box.setTitle(self.tr("Score this call"))
        self.coaching_label.setText(self.tr("Coaching notes"))
        self.calibration_label.setText(self.tr("Calibration session (optional)"))
        self.submit_button.setText(self.tr("Submit evaluation"))
        self.callback_button.setText(self.tr("Send back to the agent as a callback"))
        self.evals.setHorizontalHeaderLabels([self.tr("Call"), self.tr("Customer"),
                                              self.tr("Agent"), self.tr("Date"),
                                              self.tr("Score"),
                                              self.tr("Critical fail"), self.tr("Status"),
                                              self.tr("Coaching notes"), self.tr("Reply")])
        self.dispute_text.setPlaceholderText(self.tr("Why you dispute it (required to dispute)"))
        self.ack_button.setText(self.tr("Acknowledge"))
        self.dispute_button.setText(self.tr("Dispute"))
        self.ack_button.setVisible(not self.reviewer)
        self.dispute_button.setVisible(not self.reviewer)
        self.dispute_text.setVisible(not self.reviewer)
        self.cal_session.setPlaceholderText(self.tr("Calibration session name"))
        self.cal_button.setText(self.tr("Show spread"))
        self.cal_table.setHorizontalHeaderLabels([self.tr("Criterion"), self.tr("Scores"),
                                                  self.tr("Spread"), self.tr("Std. dev.")])
        self.report_table.setHorizontalHeaderLabels([
            self.tr("Agent"), self.tr("Evaluations"), self.tr("Average"),
            self.tr("Critical fails"), self.tr("Calls"), self.tr("Reviewed")])
        self.report_export.setText(self.tr("Export report…"))
        self.player.retranslate()
        self._update_score()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --------------------------------------------------------------- helpers

    def _run(self, work: Callable[[], T], done: Callable[[T], None]) -> ServiceOp[T]:
        return self._ops.op(lambda _c: work()).success(done).failure(self._failed).run()

    def _failed(self, error: OpError) -> None:
        if not error.cancelled:
            self._error(error.text)

    def _error(self, text: str) -> None:
        self.message.setStyleSheet("color: #B3261E;")
        self.message.setText(text)

    def _ok(self, text: str) -> None:
        self.message.setStyleSheet("color: #1E7B34;")
        self.message.setText(text)

    def idle(self) -> bool:
        return self._ops.idle()

    # ------------------------------------------------------------------ loads

    def reload(self, _changes: Changes | None = None) -> None:
        if self.reviewer:
            self.load_queue()
            self.load_form()
            self.load_report()
        self.load_evaluations()

    def week_start(self) -> date:
        d = self.week.date()
        return date(d.year(), d.month(), d.day())

    def load_queue(self) -> None:
        db, actor, week = self.ctx.db, self.ctx.actor, self.week_start()

        def show(rows: list[SampleCall]) -> None:
            self.queue.setRowCount(len(rows))
            for i, c in enumerate(rows):
                status = self.tr("Evaluated") if c.evaluated else (
                    self.tr("Flagged") if c.flagged else self.tr("Sampled"))
                values = (c.agent_login, c.customer,
                          c.started_at.astimezone().strftime("%m-%d %H:%M"),
                          vocabulary.name(c.disposition), status)
                for j, text in enumerate(values):
                    item = QTableWidgetItem(text)
                    item.setData(Qt.ItemDataRole.UserRole, c.call_id)
                    self.queue.setItem(i, j, item)

        self._run(lambda: qa_actions.review_queue(db, actor, week), show)

    def load_form(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor

        def show(form: qa_actions.ScoreForm) -> None:
            if form.form_id == self.form_id and self.score_boxes:
                return  # a refresh must not wipe the scores being entered
            self.form_id, self.criteria = form.form_id, form.criteria
            while self.score_form.rowCount():
                self.score_form.removeRow(0)
            self.score_boxes.clear()
            for c in self.criteria:
                # Unscored until the reviewer scores it: -1 reads "–" (the minimum).
                box = QSpinBox()
                box.setRange(UNSCORED, c.max_score)
                box.setSpecialValueText("–")
                box.setValue(UNSCORED)
                box.valueChanged.connect(self._update_score)
                text = c.label_zh if self.ctx.language.startswith("zh") and c.label_zh \
                    else c.label
                label = QLabel(("⚠ " if c.critical else "") + text)
                label.setWordWrap(True)
                if c.critical:
                    label.setToolTip(self.tr("Critical: a 0 here fails the whole evaluation"))
                self.score_form.addRow(label, box)
                self.score_boxes[c.key] = box
            self._update_score()

        self._run(lambda: qa_actions.score_form(db, actor), show)

    def scores(self) -> dict[str, int]:
        """The items scored so far (an unscored item is left out)."""
        return {k: box.value() for k, box in self.score_boxes.items()
                if box.value() != UNSCORED}

    def clear_scores(self) -> None:
        for box in self.score_boxes.values():
            box.setValue(UNSCORED)

    def _update_score(self) -> None:
        if not self.criteria:
            self.score_label.setText("")
            return
        scored = len(self.scores())
        if scored < len(self.criteria):
            self.score_label.setText(self.tr("{done} of {total} items scored").format(
                done=scored, total=len(self.criteria)))
            return
        result = core_qa.score(self.criteria, self.scores())
        text = self.tr("Score {pct}%").format(pct=result.score_pct)
        if result.critical_fail:
            text += " · " + self.tr("critical fail")
        self.score_label.setText(text)

    def open_call(self, row: int) -> None:
        item = self.queue.item(row, 0) if row >= 0 else None
        if item is None:
            return
        call_id = int(item.data(Qt.ItemDataRole.UserRole))
        self.current_call = call_id
        self.callback_button.setEnabled(False)
        db, actor = self.ctx.db, self.ctx.actor

        def show(d: CallDetails) -> None:
            lines = [f"{d.customer} · {d.phone or ''}",
                     f"{self.tr('Agent')}: {d.agent_login}",
                     f"{self.tr('Started')}: {d.started_at.astimezone():%Y-%m-%d %H:%M:%S}",
                     f"{self.tr('Outcome')}: {vocabulary.name(d.disposition)}", "",
                     self.tr("Notes") + ":", d.notes or "–"]
            if d.answers:
                lines += ["", self.tr("Interview answers") + ":"]
                lines += [f"  {q}\n    → {a}" for q, a in d.answered] if d.answered \
                    else [f"  {k}: {v}" for k, v in d.answers.items()]
            self.details.setPlainText("\n".join(lines))
            self.player.load(d.recording_path)

        self._run(lambda: qa_actions.call_details(db, actor, call_id), show)

    # --------------------------------------------------------------- actions

    def attach(self) -> None:
        if self.current_call is None:
            return
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Attach recording"), "",
                                              "Audio (*.wav *.mp3 *.ogg *.m4a *.opus *.flac)")
        if name:
            self.attach_path(Path(name))

    def attach_path(self, path: Path) -> ServiceOp[qa_actions.RecordingAttached]:
        db, actor, call_id = self.ctx.db, self.ctx.actor, self.current_call
        assert call_id is not None

        def done(result: qa_actions.RecordingAttached) -> None:
            self.player.load(result.path)
            self._ok(self.tr("Recording attached."))

        return self._run(lambda: qa_actions.attach_recording(db, actor, call_id, path), done)

    def submit(self) -> ServiceOp[qa_actions.Evaluated] | None:
        if self.current_call is None:
            self._error(error_text(WinbackError(QT_TRANSLATE_NOOP("Errors",
                                                                  "Pick a call to score."))))
            return None
        left = len(self.criteria) - len(self.scores())
        if left:
            self._error(self.tr("Score every item before you submit ({left} left).").format(
                left=left))
            return None
        db, actor, call_id = self.ctx.db, self.ctx.actor, self.current_call
        scores, notes = self.scores(), self.coaching.toPlainText()
        calibration = self.calibration_name.text().strip() or None
        form_id = self.form_id

        def done(result: qa_actions.Evaluated) -> None:
            self.last_evaluation = result.evaluation_id
            self.callback_button.setEnabled(result.may_send_back and calibration is None)
            self.coaching.clear()
            self.clear_scores()  # the next call starts unscored, never at full marks
            self._ok(self.tr("Evaluation saved."))

        return self._run(lambda: qa_actions.evaluate_call(
            db, actor, call_id, scores, form_id=form_id, coaching_notes=notes,
            calibration_session=calibration), done)

    def send_back(self) -> ServiceOp[Done] | None:
        if self.last_evaluation is None:
            return None
        db, actor, ev = self.ctx.db, self.ctx.actor, self.last_evaluation

        def done(_r: Done) -> None:
            self.callback_button.setEnabled(False)
            self._ok(self.tr("The agent will call the customer back."))

        return self._run(lambda: qa_actions.send_back(db, actor, ev), done)

    def load_evaluations(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor

        def show(rows: list[EvaluationInfo]) -> None:
            status = {"submitted": self.tr("Waiting for the agent"),
                      "acknowledged": self.tr("Acknowledged"), "disputed": self.tr("Disputed")}
            self.evals.setRowCount(len(rows))
            for i, e in enumerate(rows):
                when = e.call_started_at or e.created_at
                values = (f"#{e.call_id}", e.customer or "", e.agent_login or "",
                          f"{when.astimezone():%Y-%m-%d}" if when else "",
                          f"{e.score_pct}%",
                          self.tr("Yes") if e.critical_fail else "",
                          status.get(e.status, e.status), e.coaching_notes or "",
                          e.agent_comment or "")
                for j, text in enumerate(values):
                    item = QTableWidgetItem(text)
                    item.setData(Qt.ItemDataRole.UserRole, e.id)
                    self.evals.setItem(i, j, item)

        self._run(lambda: qa_actions.evaluations(db, actor), show)

    def respond(self, agree: bool) -> ServiceOp[Done] | None:
        row = self.evals.currentRow()
        item = self.evals.item(row, 0) if row >= 0 else None
        if item is None:
            return None
        ev_id = int(item.data(Qt.ItemDataRole.UserRole))
        db, actor, comment = self.ctx.db, self.ctx.actor, self.dispute_text.text()

        def done(_r: Done) -> None:
            self.dispute_text.clear()
            self._ok(self.tr("Thank you: your supervisor sees your answer."))

        return self._run(lambda: qa_actions.respond(db, actor, ev_id, agree=agree,
                                                    comment=comment), done)

    def load_calibration(self) -> None:
        name = self.cal_session.text().strip()
        if not name:
            return
        db, actor = self.ctx.db, self.ctx.actor

        def show(rows: list[core_qa.Spread]) -> None:
            self.cal_table.setRowCount(len(rows))
            for i, r in enumerate(rows):
                values = (r.criterion, ", ".join(f"{k}: {v}" for k, v in r.scores.items()),
                          str(r.spread), f"{r.stdev:.2f}")
                for j, text in enumerate(values):
                    self.cal_table.setItem(i, j, QTableWidgetItem(text))

        self._run(lambda: qa_actions.calibration(db, actor, name), show)

    def _report_period(self) -> tuple[date, date]:
        today = date.today()
        return today.replace(day=1), today + timedelta(days=1)

    def load_report(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        start, end = self._report_period()

        def show(rows: list[AgentQa]) -> None:
            self.report_table.setRowCount(len(rows))
            for i, r in enumerate(rows):
                values = (r.login, str(r.evaluations),
                          "–" if r.average is None else f"{r.average:.1f}",
                          str(r.critical_fails), str(r.calls),
                          "–" if r.reviewed_share is None else f"{r.reviewed_share:.1%}")
                for j, text in enumerate(values):
                    self.report_table.setItem(i, j, QTableWidgetItem(text))

        self._run(lambda: qa_actions.qa_report(db, actor, start, end), show)

    def export_report(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export QA report"), "qa.xlsx",
                                              "*.xlsx")
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> ServiceOp[list[AgentQa]]:
        db, actor = self.ctx.db, self.ctx.actor
        start, end = self._report_period()
        labels = {"agent": self.tr("Agent"), "evaluations": self.tr("Evaluations"),
                  "average": self.tr("Average"), "critical_fails": self.tr("Critical fails"),
                  "calls": self.tr("Calls"), "reviewed_share": self.tr("Reviewed")}
        return self._run(
            lambda: qa_actions.export_qa_report(db, actor, start, end, path, labels),
            lambda _rows: self._ok(self.tr("Saved {path}").format(path=path)))


register(ScreenSpec(
    key="qa",
    title=QT_TRANSLATE_NOOP("Screens", "Quality"),
    permission=Permission.VIEW_OWN_SCORECARD,
    factory=QaScreen,
    order=55,
))
