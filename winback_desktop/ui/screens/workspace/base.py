"""The call workspace's upkeep: what runs around the agent's actions.

:class:`WorkspaceBase` sits between the view (``view.py``, the widgets) and the screen
(``screen.py``, the agent's actions). It keeps the controls in step with the presenter
(``presenter.py``), runs background calls, reports presence and heartbeats, loads the
campaigns, saves the notes as a draft, guards the bare digit keys and closes the desk
safely on quit or logout.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from winback_desktop.core.domain import Disposition, PresenceState
from winback_desktop.services import call_desk, calls, presence, queue
from winback_desktop.services.customer_card import CustomerCard
from winback_desktop.services.drafts import Draft, DraftStore
from winback_desktop.services.queue import ClaimedTask
from winback_desktop.ui.kit import vocabulary as vocab
from winback_desktop.ui.kit.relabel import relabel
from winback_desktop.ui.kit.service_op import OpGroup, ServiceOp
from winback_desktop.ui.screens.workspace.customer_card_view import SltvExplainDialog
from winback_desktop.ui.screens.workspace.presenter import (
    BREAK_KEY,
    CallState,
    Phase,
    WorkspacePresenter,
)
from winback_desktop.ui.screens.workspace.view import WorkspaceView
from winback_desktop.ui.shell import crash
from winback_desktop.ui.shell.context import AppContext

HEARTBEAT_MS = 30_000
DRAFT_DELAY_MS = 800


class WorkspaceBase(WorkspaceView):
    """The desk's widgets plus their upkeep; the call's state lives in
    ``self.presenter`` (read here through properties)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None,
                 open_url: Callable[[QUrl], bool] | None) -> None:
        self.ctx = ctx
        self._open_url = open_url or QDesktopServices.openUrl
        self.presenter = WorkspacePresenter()
        super().__init__(ctx, parent, lambda url: self._open_url(url))
        self.explain_dialog: SltvExplainDialog | None = None
        self._watched_window: QWidget | None = None
        #: set once the agent agreed to leave mid-call (quit, logout)
        self._leave_reason: str | None = None
        #: the bare digit shortcuts, live only at the outcome step (the screen adds them)
        self._digit_shortcuts: list[QShortcut] = []
        # one call at a time (SQLite snapshot conflicts are retried); the workspace
        # announces its changes itself
        self._ops = OpGroup(self, None, serial=True, retry_locked=True)
        # Notes are also autosaved to a local draft file: a crash or power cut loses nothing.
        self.drafts = DraftStore(ctx.actor.login)
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_draft)
        self._notes_text = ""  # what the crash hook saves: never touch widgets off-thread
        self.notes.textChanged.connect(self._notes_changed)
        self.desk.not_ready_changed.connect(self._desk_not_ready)
        self.desk.logged_out.connect(self._logged_out)
        self.desk.message.connect(self.show_message)
        self._tick_timer = QTimer(self)
        self._tick_timer.timeout.connect(self._tick)
        self._heartbeat_timer = QTimer(self)
        self._heartbeat_timer.timeout.connect(self._heartbeat)

    def _start(self) -> None:
        """Once the screen is wired: the clock, the heartbeat, the first loads."""
        self._tick_timer.start(1000)
        self._heartbeat_timer.start(HEARTBEAT_MS)
        self._apply_phase()
        self._load_campaigns()
        self._release_leftovers()
        self._set_presence(PresenceState.READY)
        self.ctx.hub.changed.connect(self._on_changed)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            # inside the interview runner bare digits pick answers, never outcomes
            app.focusChanged.connect(self._focus_changed)
        crash_handler = crash.handler()
        if crash_handler is not None:
            crash_handler.add_flush_hook(self.save_draft)
            self.destroyed.connect(
                lambda *_a, h=crash_handler, f=self.save_draft: h.remove_flush_hook(f))

    # ------------------------------------------------------------------ state (read)
    @property
    def phase(self) -> Phase:
        return self.presenter.phase

    @property
    def task(self) -> ClaimedTask | None:
        return self.presenter.task

    @property
    def card(self) -> CustomerCard | None:
        return self.presenter.card

    @property
    def call(self) -> CallState:
        return self.presenter.call

    @property
    def success(self) -> Disposition:
        return self.presenter.success

    @property
    def on_break(self) -> bool:
        return self.presenter.on_break

    @property
    def stuck(self) -> bool:
        return self.presenter.stuck

    @property
    def busy(self) -> bool:
        return self.presenter.busy

    @property
    def assigned(self) -> bool | None:
        return self.presenter.assigned

    @property
    def last_call_id(self) -> int | None:
        return self.presenter.last_call_id

    # ------------------------------------------------------------------ closing
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        top = self.window()
        if top is not self and top is not self._watched_window:
            top.installEventFilter(self)
            self._watched_window = top

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._watched_window and event.type() == QEvent.Type.Close:
            if not self.confirm_leave():
                event.ignore()  # the agent stays on the call
                return True
            self.shutdown()
        return super().eventFilter(watched, event)

    def call_open(self) -> bool:
        """A call is in progress (dialled, talking or its outcome not stored yet)."""
        return self.presenter.call_open()

    def confirm_leave(self, reason: str = calls.QUIT) -> bool:
        """Quitting or logging out: ask first when a call is open. Yes closes the call
        as abandoned (its customer goes back to the queue, the notes stay as a draft)."""
        if not self.call_open() or self._leave_reason is not None:
            return True
        answer = QMessageBox.question(
            self, self.tr("Call in progress"),
            self.tr("You are on a call with {name}. Leave anyway? The call is closed "
                    "without an outcome and the customer goes back to the queue; your "
                    "notes are kept as a draft.").format(
                name=self.card.name if self.card is not None else ""),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self._leave_reason = reason
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """The window closes (logout, quit): keep the notes, give back an untouched
        customer, and leave the live board as offline. Quick and synchronous on purpose:
        the process may end right after."""
        self._heartbeat_timer.stop()
        self.phone_bar.close_phone()
        self.desk.stop()
        self.save_draft()
        db, actor, state = self.ctx.db, self.ctx.actor, self.presenter
        if self.call_open() and state.call.call_id is not None:
            # the agent said yes (or the app is going down): close the call properly
            with contextlib.suppress(Exception):
                calls.abandon_call(db, actor, state.call.call_id,
                                   self._leave_reason or calls.QUIT)
            state.reset()
        if state.phase is Phase.HOLDING and state.task is not None and not state.busy:
            with contextlib.suppress(Exception):
                queue.release_task(db, actor, state.task.task_id)
            state.reset()
        with contextlib.suppress(Exception):
            presence.go_offline(db, actor)

    def _on_changed(self, topics: set[str]) -> None:
        """Another screen changed something: a new or paused campaign shows up here."""
        if "campaigns" in topics:
            self._load_campaigns()

    # ------------------------------------------------------------------ background work
    def _run(self, fn: Callable[[], Any], on_success: Callable[[Any], None] | None = None,
             on_failure: Callable[[BaseException], None] | None = None,
             *, blocking: bool = True) -> ServiceOp[Any]:
        """Run ``fn`` in the background; ``blocking`` ops disable the desk meanwhile."""
        if blocking:
            self.presenter.busy = True
            self._apply_phase()

        def done_ok(result: Any) -> None:
            if blocking:
                self.presenter.busy = False
            if on_success:
                on_success(result)
            self._apply_phase()

        def done_fail(exc: BaseException) -> None:
            if blocking:
                self.presenter.busy = False
            if on_failure:
                on_failure(exc)
            else:
                self.show_error(exc)
            self._apply_phase()

        return (self._ops.op(lambda _control: fn()).success(done_ok)
                .failure(lambda error: done_fail(error.error)).run())

    def idle(self) -> bool:
        """No background work of this screen is running (for tests and shutdown)."""
        return self._ops.idle() and self.desk.idle()

    def _campaign_id(self) -> int | None:
        data = self.campaign_combo.currentData()
        return int(data) if data is not None else None

    def _apply_phase(self) -> None:
        """Every control as the presenter says, the idle message and the presence."""
        state = self.presenter
        live = state.controls()
        self.next_button.setEnabled(live.next_customer)
        self.campaign_combo.setEnabled(live.campaign)
        self.break_button.setEnabled(live.not_ready)
        for b in self.card_view.dial_buttons:
            b.setEnabled(live.dial and b.property("hasNumber") is not False)
        self.answer_button.setEnabled(live.answer)
        self.hangup_button.setEnabled(live.hang_up)
        self.release_button.setEnabled(live.release)
        for button in self.disposition_buttons.values():
            button.setEnabled(live.outcomes)
        self.amend_button.setEnabled(live.amend)
        self.notes.setEnabled(state.phase is not Phase.IDLE or bool(self.notes.toPlainText()))
        if state.phase is Phase.IDLE:
            self.left.setCurrentIndex(0)
            if state.on_break:
                self.empty_label.setText(self.desk.not_ready_message(BREAK_KEY))
            elif not self.empty_label.text() or not state.assigned:
                self.empty_label.setText(self.empty_text(state.assigned))
        else:
            self.left.setCurrentIndex(1)
        self.presence_label.setText(self.tr("Status: {state}").format(
            state=vocab.name(state.presence().value)))
        self.desk.phase_changed(state.phase.value)
        self._update_digit_keys()

    def _tick(self) -> None:
        self.card_view.tick()
        self.show_clock(self.presenter.clock(time.monotonic()))

    def _set_presence(self, state: PresenceState) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        customer_id = self.task.customer_id if self.task is not None else None
        campaign_id = self.task.campaign_id if self.task is not None else self._campaign_id()
        call_id = self.call.call_id

        def work() -> None:
            presence.set_state(db, actor, state, campaign_id=campaign_id,
                               customer_id=customer_id, call_id=call_id)

        # Presence feeds the live board; failing to report it must not block the desk.
        self._run(work, on_failure=lambda _e: None, blocking=False)

    def _load_campaigns(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor

        def work() -> list[call_desk.CampaignChoice]:
            return call_desk.running_campaigns(db, actor)

        def done(choices: list[call_desk.CampaignChoice]) -> None:
            rows = [(c.campaign_id, c.name, c.kind) for c in choices]
            self.presenter.assigned = bool(rows)
            if self.phase is Phase.IDLE and not self.on_break:
                self.empty_label.setText(self.empty_text(self.assigned))
            self._apply_phase()
            self.presenter.campaign_kinds.update({cid: kind for cid, _name, kind in rows})
            current = self._campaign_id()
            self.campaign_combo.blockSignals(True)
            while self.campaign_combo.count() > 1:
                self.campaign_combo.removeItem(1)
            for cid, name, _kind in rows:
                self.campaign_combo.addItem(name, cid)
                if cid == current:
                    self.campaign_combo.setCurrentIndex(self.campaign_combo.count() - 1)
            self.campaign_combo.blockSignals(False)

        self._run(work, done, on_failure=lambda _e: None, blocking=False)

    def _release_leftovers(self) -> None:
        """Customers still held from a session that crashed go back to the queue now,
        not when their lease runs out, so colleagues can call them."""
        db, actor = self.ctx.db, self.ctx.actor

        def work() -> int:
            return call_desk.release_leftovers(db, actor).released

        def done(count: int) -> None:
            if count and self.phase is Phase.IDLE:
                self.show_message(lambda: self.tr(
                    "{n} customer(s) you held in an earlier session went back to the queue.")
                    .format(n=count), "info")

        # blocking: a "Next" pressed meanwhile must not claim a task this then releases
        self._run(work, done, on_failure=lambda _e: None)

    # ------------------------------------------------------------------ drafts
    def _notes_changed(self) -> None:
        self._notes_text = self.notes.toPlainText()
        self._draft_timer.start()

    def save_draft(self) -> None:
        """Write the notes of the held customer to the local draft file.

        Also the crash handler's flush hook, so it may run on any thread: it reads only
        plain Python attributes, never a widget.
        """
        task = self.presenter.task
        if task is None:
            return
        with contextlib.suppress(OSError):
            text = self._notes_text
            if text.strip():
                self.drafts.save(task.task_id, text)
            else:
                self.drafts.clear(task.task_id)

    def _load_draft(self, task_id: int) -> Draft | None:
        try:
            return self.drafts.load(task_id)
        except OSError:
            return None

    def _clear_draft(self, task_id: int) -> None:
        self._draft_timer.stop()
        with contextlib.suppress(OSError):
            self.drafts.clear(task_id)

    # ------------------------------------------------------------------ keyboard
    def _focus_changed(self, _old: QWidget | None, _new: QWidget | None) -> None:
        if not shiboken6.isValid(self):
            return
        self._update_digit_keys()

    def _digit_keys_allowed(self) -> bool:
        """Bare digits record an outcome only at the outcome step (hung up, or an offer
        accepted), never while a text box or the interview has the keyboard: typing
        "8 months free" into an answer must not record a win-back."""
        if not self.presenter.digit_keys_live():
            return False
        focus = QApplication.focusWidget()
        if focus is None:
            return True
        if focus is self.runner or self.runner.isAncestorOf(focus):
            return False
        return not isinstance(focus, QLineEdit | QPlainTextEdit | QTextEdit | QAbstractSpinBox
                              | QComboBox)

    def _update_digit_keys(self) -> None:
        allowed = self._digit_keys_allowed()
        for sc in self._digit_shortcuts:
            sc.setEnabled(allowed)

    # ------------------------------------------------------------------ desk hooks
    def _heartbeat(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        task_id = self.task.task_id if self.task is not None else None

        def work() -> None:
            calls.heartbeat(db, actor)  # presence, held tasks and open calls
            if task_id is not None:
                queue.renew_lease(db, actor, task_id)

        def fail(exc: BaseException) -> None:
            if task_id is not None:
                self.show_message(lambda: self.tr(
                    "Could not renew your hold on this customer: {error} Your notes are kept."
                ).format(error=vocab.error_text(exc)), "error")

        self._run(work, on_failure=fail, blocking=False)


    def _desk_not_ready(self, on: bool) -> None:
        """A supervisor set this agent not ready: no next customer until they come back."""
        self.break_button.blockSignals(True)
        self.break_button.setChecked(on)
        self.break_button.blockSignals(False)
        self.presenter.on_break = on
        self.empty_label.setText("")
        self._apply_phase()

    def _logged_out(self) -> None:
        """A supervisor logged this agent out: the window logs out like File → Log out."""
        self._leave_reason = calls.LOGOUT  # not the agent's choice: nothing to ask
        logout = getattr(self.window(), "logout", None)
        if callable(logout) and self.window() is not self:
            QTimer.singleShot(0, logout)

    def changeEvent(self, event: QEvent) -> None:
        """A live language switch: the open call stays as it is, its words change."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "presenter") \
                and hasattr(self, "hint"):
            relabel(self)
            self._set_texts()
            self.show_success(self.success)
            self._reword_banner()
            if self.phase is Phase.IDLE and not self.on_break and not self.busy:
                self.empty_label.setText(self.empty_text(self.assigned))
            if self.card is not None:
                self.card_view.show_card(self.card)
                self._tick()
            self._apply_phase()

