"""Quality assurance: review queue, recording playback beside the notes, scoring form,
evaluations (agents acknowledge or dispute their own), calibration and the QA report."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, Qt, QUrl
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
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from winback_desktop.core import qa as core_qa
from winback_desktop.core.errors import WinbackError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.services import qa, qa_details, recordings
from winback_desktop.ui import vocabulary
from winback_desktop.ui.context import AppContext
from winback_desktop.ui.ops import OpControl, Operation
from winback_desktop.ui.screens import ScreenSpec, register


def _table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


class RecordingPlayer(QWidget):
    """Play, pause, seek and speed for one call recording (QtMultimedia)."""

    SPEEDS = (0.75, 1.0, 1.25, 1.5, 2.0)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

        self.player = QMediaPlayer(self)
        self.audio = QAudioOutput(self)
        self.player.setAudioOutput(self.audio)
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
        self.slider.sliderMoved.connect(self.player.setPosition)
        self.speed.currentIndexChanged.connect(
            lambda _i: self.player.setPlaybackRate(float(self.speed.currentData())))
        self.player.positionChanged.connect(self._position)
        self.player.durationChanged.connect(lambda d: self.slider.setRange(0, int(d)))
        self.player.playbackStateChanged.connect(lambda _s: self.retranslate())
        self.setEnabled(False)
        self.retranslate()

    def retranslate(self) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        playing = self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
        self.play_button.setText(self.tr("Pause") if playing else self.tr("Play"))

    def load(self, path: str | None) -> None:
        self.player.stop()
        if path:
            self.player.setSource(QUrl.fromLocalFile(path))
            self.setEnabled(True)
        else:
            self.player.setSource(QUrl())
            self.setEnabled(False)

    def toggle(self) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
        else:
            self.player.play()

    def _position(self, ms: int) -> None:
        self.slider.setValue(int(ms))
        self.position.setText(f"{_clock(ms)} / {_clock(self.player.duration())}")


def _clock(ms: int) -> str:
    s = max(int(ms), 0) // 1000
    return f"{s // 60}:{s % 60:02d}"


class QaScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.reviewer = ctx.actor.can(Permission.EVALUATE_CALLS)
        self._ops: list[Operation[Any]] = []
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
        self.queue = _table(5)
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
        self.evals = _table(6)
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
        self.cal_table = _table(4)
        self.report_table = _table(6)
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
        ctx.hub.changed.connect(lambda t: self.reload() if "qa" in t else None)
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
        self.evals.setHorizontalHeaderLabels([self.tr("Agent"), self.tr("Score"),
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

    def _run(self, fn: Any, done: Any) -> Operation[Any]:
        op: Operation[Any] = Operation(fn, on_success=done, on_failure=self._failed,
                                       parent=self).start()
        self._ops = [o for o in self._ops if not o.done] + [op]
        return op

    def _failed(self, exc: BaseException) -> None:
        self.message.setStyleSheet("color: #B3261E;")
        self.message.setText(exc.render(QCoreApplication.translate)
                             if isinstance(exc, WinbackError) else str(exc))

    def _ok(self, text: str) -> None:
        self.message.setStyleSheet("color: #1E7B34;")
        self.message.setText(text)

    # ------------------------------------------------------------------ loads

    def reload(self) -> None:
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

        def work(control: OpControl) -> list[qa.SampleCall]:
            with db.session() as s:
                return qa.review_queue(s, actor, week)

        def show(rows: list[qa.SampleCall]) -> None:
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

        self._run(work, show)

    def load_form(self) -> None:
        db = self.ctx.db

        def work(control: OpControl) -> tuple[int, list[core_qa.Criterion]]:
            with db.session() as s:
                form = qa.current_form(s)
                return form.id, qa.criteria_of(form)

        def show(result: tuple[int, list[core_qa.Criterion]]) -> None:
            self.form_id, self.criteria = result
            while self.score_form.rowCount():
                self.score_form.removeRow(0)
            self.score_boxes.clear()
            for c in self.criteria:
                box = QSpinBox()
                box.setRange(0, c.max_score)
                box.setValue(c.max_score)
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

        self._run(work, show)

    def scores(self) -> dict[str, int]:
        return {k: box.value() for k, box in self.score_boxes.items()}

    def _update_score(self) -> None:
        if not self.criteria:
            self.score_label.setText("")
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

        def work(control: OpControl) -> qa_details.CallDetails:
            with db.session() as s:
                return qa_details.call_details(s, actor, call_id)

        def show(d: qa_details.CallDetails) -> None:
            lines = [f"{d.customer} · {d.phone or ''}",
                     f"{self.tr('Agent')}: {d.agent_login}",
                     f"{self.tr('Started')}: {d.started_at.astimezone():%Y-%m-%d %H:%M:%S}",
                     f"{self.tr('Outcome')}: {vocabulary.name(d.disposition)}", "",
                     self.tr("Notes") + ":", d.notes or "–"]
            if d.answers:
                lines += ["", self.tr("Interview answers") + ":"]
                lines += [f"  {k}: {v}" for k, v in d.answers.items()]
            self.details.setPlainText("\n".join(lines))
            self.player.load(d.recording_path)

        self._run(work, show)

    # --------------------------------------------------------------- actions

    def attach(self) -> None:
        if self.current_call is None:
            return
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Attach recording"), "",
                                              "Audio (*.wav *.mp3 *.ogg *.m4a *.opus *.flac)")
        if name:
            self.attach_path(Path(name))

    def attach_path(self, path: Path) -> Operation[Any]:
        db, actor, call_id = self.ctx.db, self.ctx.actor, self.current_call
        assert call_id is not None

        def work(control: OpControl) -> str:
            with db.session() as s:
                return recordings.attach(s, actor, call_id, path).path

        def done(p: str) -> None:
            self.player.load(p)
            self._ok(self.tr("Recording attached."))

        return self._run(work, done)

    def submit(self) -> Operation[Any] | None:
        if self.current_call is None:
            self._failed(WinbackError(QT_TRANSLATE_NOOP("Errors", "Pick a call to score.")))
            return None
        db, actor, call_id = self.ctx.db, self.ctx.actor, self.current_call
        scores, notes = self.scores(), self.coaching.toPlainText()
        calibration = self.calibration_name.text().strip() or None
        form_id = self.form_id

        def work(control: OpControl) -> tuple[int, bool]:
            with db.session() as s:
                ev = qa.evaluate(s, actor, call_id, scores, form_id=form_id,
                                 coaching_notes=notes, calibration_session=calibration)
                return ev.id, ev.critical_fail or (ev.score_pct or 0) < 70

        def done(result: tuple[int, bool]) -> None:
            self.last_evaluation, failed = result
            self.callback_button.setEnabled(failed and calibration is None)
            self.coaching.clear()
            self._ok(self.tr("Evaluation saved."))
            self.ctx.hub.notify("qa")

        return self._run(work, done)

    def send_back(self) -> None:
        if self.last_evaluation is None:
            return
        db, actor, ev = self.ctx.db, self.ctx.actor, self.last_evaluation

        def work(control: OpControl) -> None:
            with db.session() as s:
                qa.send_back_as_callback(s, actor, ev)

        self._run(work, lambda _r: self._ok(self.tr("The agent will call the customer back.")))

    def load_evaluations(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor

        def work(control: OpControl) -> list[qa.EvaluationInfo]:
            with db.session() as s:
                return qa.evaluations(s, actor)

        def show(rows: list[qa.EvaluationInfo]) -> None:
            status = {"submitted": self.tr("Waiting for the agent"),
                      "acknowledged": self.tr("Acknowledged"), "disputed": self.tr("Disputed")}
            self.evals.setRowCount(len(rows))
            for i, e in enumerate(rows):
                values = (e.agent_login or "", f"{e.score_pct}%",
                          self.tr("Yes") if e.critical_fail else "",
                          status.get(e.status, e.status), e.coaching_notes or "",
                          e.agent_comment or "")
                for j, text in enumerate(values):
                    item = QTableWidgetItem(text)
                    item.setData(Qt.ItemDataRole.UserRole, e.id)
                    self.evals.setItem(i, j, item)

        self._run(work, show)

    def respond(self, agree: bool) -> Operation[Any] | None:
        row = self.evals.currentRow()
        item = self.evals.item(row, 0) if row >= 0 else None
        if item is None:
            return None
        ev_id = int(item.data(Qt.ItemDataRole.UserRole))
        db, actor, comment = self.ctx.db, self.ctx.actor, self.dispute_text.text()

        def work(control: OpControl) -> None:
            with db.session() as s:
                qa.respond(s, actor, ev_id, agree=agree, comment=comment)

        def done(_r: Any) -> None:
            self.dispute_text.clear()
            self._ok(self.tr("Thank you: your supervisor sees your answer."))
            self.load_evaluations()

        return self._run(work, done)

    def load_calibration(self) -> None:
        name = self.cal_session.text().strip()
        if not name:
            return
        db, actor = self.ctx.db, self.ctx.actor

        def work(control: OpControl) -> list[core_qa.Spread]:
            with db.session() as s:
                return qa.calibration(s, actor, name)

        def show(rows: list[core_qa.Spread]) -> None:
            self.cal_table.setRowCount(len(rows))
            for i, r in enumerate(rows):
                values = (r.criterion, ", ".join(f"{k}: {v}" for k, v in r.scores.items()),
                          str(r.spread), f"{r.stdev:.2f}")
                for j, text in enumerate(values):
                    self.cal_table.setItem(i, j, QTableWidgetItem(text))

        self._run(work, show)

    def _report_period(self) -> tuple[date, date]:
        today = date.today()
        return today.replace(day=1), today + timedelta(days=1)

    def load_report(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        start, end = self._report_period()

        def work(control: OpControl) -> list[qa.AgentQa]:
            with db.session() as s:
                return qa.report(s, actor, start, end)

        def show(rows: list[qa.AgentQa]) -> None:
            self.report_rows = rows
            self.report_table.setRowCount(len(rows))
            for i, r in enumerate(rows):
                values = (r.login, str(r.evaluations),
                          "–" if r.average is None else f"{r.average:.1f}",
                          str(r.critical_fails), str(r.calls),
                          "–" if r.reviewed_share is None else f"{r.reviewed_share:.1%}")
                for j, text in enumerate(values):
                    self.report_table.setItem(i, j, QTableWidgetItem(text))

        self._run(work, show)

    def export_report(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export QA report"), "qa.xlsx",
                                              "*.xlsx")
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> Operation[Any]:
        rows = list(getattr(self, "report_rows", []))
        labels = {"agent": self.tr("Agent"), "evaluations": self.tr("Evaluations"),
                  "average": self.tr("Average"), "critical_fails": self.tr("Critical fails"),
                  "calls": self.tr("Calls"), "reviewed_share": self.tr("Reviewed")}

        def work(control: OpControl) -> Path:
            return qa.export_report(rows, path, labels)

        return self._run(work, lambda p: self._ok(self.tr("Saved {path}").format(path=p)))


register(ScreenSpec(
    key="qa",
    title=QT_TRANSLATE_NOOP("Screens", "Quality"),
    permission=Permission.VIEW_OWN_SCORECARD,
    factory=QaScreen,
    order=55,
))
