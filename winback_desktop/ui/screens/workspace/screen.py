"""The agent's call workspace: next customer, card, dial, disposition, repeat.

Built for an agent who does this 40 times a day with the keyboard: F2 takes the next
customer, F5 dials (``tel:`` link to the softphone, number also on the clipboard), F6
marks the call answered, F7 hangs up, 1–9 record the outcome (Ctrl+1–9 while typing in
the notes) and F2 again moves on. Every database call runs in the background
(``ui.kit.service_op.ServiceOp``); a failure shows a translated banner and keeps the notes, which
are only cleared once the outcome is safely stored.

Four parts: ``presenter.py`` holds the desk's state and rules (plain Python, tested
without Qt), ``view.py`` the widgets and their words, ``base.py`` the upkeep around the
actions (background calls, presence, drafts, closing) and this screen wires the widgets
and runs each action the agent takes through its service.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import (
    QGuiApplication,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QWidget,
)

from winback_desktop.core.domain import Disposition
from winback_desktop.core.errors import DatabaseError, WinbackError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.services import (
    call_desk,
    calls,
    interviews,
    presence,
    queue,
)
from winback_desktop.services.calls import CallAlreadyFinished
from winback_desktop.ui.kit import vocabulary as vocab
from winback_desktop.ui.kit.service_op import OpError, ServiceOp
from winback_desktop.ui.screens.phone.bar import end_cause_text
from winback_desktop.ui.screens.workspace.base import WorkspaceBase
from winback_desktop.ui.screens.workspace.callback_dialog import CallbackDialog
from winback_desktop.ui.screens.workspace.customer_card_view import SltvExplainDialog
from winback_desktop.ui.screens.workspace.presenter import (
    ANSWER_KEY,
    BREAK_KEY,
    DIAL_KEY,
    DISPOSITION_KEYS,
    HANGUP_KEY,
    NEXT_KEY,
    SUCCESS_DIGIT,
    Phase,
    Refusal,
    digit_of,
)
from winback_desktop.ui.shell.context import AppContext
from winback_desktop.ui.shell.registry import ScreenSpec, register


class WorkspaceScreen(WorkspaceBase):
    """One agent's desk: each action the agent takes. Public attributes are what tests
    and the main window poke."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 *, open_url: Callable[[QUrl], bool] | None = None) -> None:
        super().__init__(ctx, parent, open_url)
        self._wire()
        self._shortcuts()
        self._start()

    # ------------------------------------------------------------------ wiring
    def _wire(self) -> None:
        self.desk.open_callback.connect(self.open_callback)
        self.break_button.toggled.connect(self._toggle_break)
        self.next_button.clicked.connect(self.next_customer)
        self.card_view.dial_requested.connect(self.dial)
        self.card_view.explain_requested.connect(self.explain_sltv)
        self.runner.step_changed.connect(self._script_step)
        self.runner.completed.connect(self._interview_completed)
        self.offers.won_back.connect(self._offer_accepted)
        self.offers.callback_suggested.connect(self._offer_awaits_approval)
        self.offers.request_changed.connect(self._offer_decided)
        self.answer_button.clicked.connect(self.mark_answered)
        self.hangup_button.clicked.connect(self.hang_up)
        self.release_button.clicked.connect(self.release)
        self.phone_bar.answered.connect(self._phone_answered)
        self.phone_bar.ended.connect(self._phone_ended)
        self.phone_bar.problem.connect(lambda text: self.show_message(text, "error"))
        for disposition, button in self.disposition_buttons.items():
            if disposition is not Disposition.SAVED:  # the success button, listed twice
                button.clicked.connect(
                    lambda _c=False, d=disposition: self.dispose(self.presenter.slot(d)))
        self.amend_button.clicked.connect(self.amend_last)

    def _shortcuts(self) -> None:
        def add(key: str, slot: Callable[[], Any]) -> QShortcut:
            sc = QShortcut(QKeySequence(key), self)
            sc.activated.connect(slot)
            return sc

        add(NEXT_KEY, self.next_customer)
        add("Ctrl+N", self.next_customer)
        add(DIAL_KEY, self.dial_first)
        add(ANSWER_KEY, self.mark_answered)
        add(HANGUP_KEY, self.hang_up)
        add(BREAK_KEY, self.break_button.toggle)
        for digit, disposition in DISPOSITION_KEYS:
            # A bare digit records only at the outcome step and outside text boxes and
            # the interview (see _digit_keys_allowed); Alt+digit works from anywhere.
            handler = functools.partial(self._dispose_slot, disposition)
            bare = add(str(digit), functools.partial(self._bare_digit, disposition))
            bare.setEnabled(False)
            self._digit_shortcuts.append(bare)
            add(f"Alt+{digit}", handler)

    # ------------------------------------------------------------------ actions
    def next_customer(self) -> None:
        if self.busy or self.on_break:
            return
        if self.phase is not Phase.IDLE:
            self.show_message(lambda: self.tr(
                "Record the outcome of this customer first (keys 1–9)."))
            return
        db, actor, campaign_id = self.ctx.db, self.ctx.actor, self._campaign_id()

        def work() -> call_desk.TakenCustomer | None:
            # one use case: claim, load the card, else give the customer back
            return call_desk.take_next_customer(db, actor, campaign_id)

        self.show_message("")
        self._run(work, self._got_customer)

    def _got_customer(self, result: call_desk.TakenCustomer | None) -> None:
        if result is None:
            self.empty_label.setText(self.tr(
                "Nobody is waiting in this queue right now.\n"
                "Customers come back when their retry time or calling window opens — "
                "try again in a few minutes, or pick another campaign."))
            self.show_message(lambda: self.tr("The queue is empty for now."), "info")
            return
        task, card = result.task, result.card
        self.presenter.took(task, card)
        self.show_success(self.success)
        if not self.runner.busy:
            self.runner.clear()
        draft = self._load_draft(task.task_id)
        self.card_view.show_card(card)
        self.card_view.history.setCurrentWidget(self.runner)
        self.offers.set_context(task.customer_id, task.task_id, task.campaign_id)
        if task.is_callback:
            self.show_message(lambda: self.tr(
                "Callback due: this customer asked to be called now."), "info")
        self.empty_label.setText("")
        if draft is not None and draft.notes and not self.notes.toPlainText():
            self.notes.setPlainText(draft.notes)
            self.show_message(lambda: self.tr(
                "Your notes from an earlier, unsaved call with this"
                " customer are back in the notes box."), "info")
        self._apply_phase()
        self._tick()
        if self.card_view.dial_buttons:
            self.card_view.dial_buttons[0].setFocus()

    def dial_first(self) -> None:
        for button in self.card_view.dial_buttons:
            if button.isEnabled():
                button.click()
                return

    def dial(self, e164: str) -> None:
        if self.busy or self.phase is not Phase.HOLDING or not e164 or self.task is None:
            return
        self.phone_bar.pre_dial(e164)
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(e164)
        self.show_message(lambda: self.tr(
            "Dialling {number} — the number is also on the clipboard.").format(number=e164),
            "info")
        self.presenter.dialling(time.monotonic())
        db, actor, task_id = self.ctx.db, self.ctx.actor, self.task.task_id

        def work() -> int:
            return int(calls.start_call(db, actor, task_id, phone_e164=e164))

        def ok(call_id: int) -> None:
            # calls.start_call also marks the agent "on call" for the live board
            self.call.call_id = call_id
            self.phone_bar.dial(call_id, e164)

        def fail(exc: BaseException) -> None:
            self.presenter.dial_failed()
            self.show_error(exc)

        self._run(work, ok, fail)
        self._tick()

    def mark_answered(self) -> None:
        if (self.busy or self.phase is not Phase.CALLING or self.call.call_id is None
                or self.call.answered is not None):
            return
        self.call.answered = time.monotonic()
        db, actor, call_id = self.ctx.db, self.ctx.actor, self.call.call_id

        def fail(exc: BaseException) -> None:
            self.call.answered = None
            self.show_error(exc)

        def ok(_r: Any) -> None:
            # "Dialling … on the clipboard" is over: the customer is on the line
            if self.banner.property("kind") != "error":
                self.show_message("")
            if self.task is not None and self.phase is not Phase.IDLE:
                self._start_interview(call_id)

        self._run(lambda: calls.mark_answered(db, actor, call_id), ok, fail)

    def _start_interview(self, call_id: int) -> None:
        """The customer is on the line: the exit interview can begin (or resume)."""
        if self.task is not None:
            self.runner.start(self.task.customer_id, call_id)
            self.card_view.history.setCurrentWidget(self.runner)

    def hang_up(self) -> None:
        if self.busy or not self.presenter.line_open() or self.call.call_id is None:
            return
        db, actor, call_id = self.ctx.db, self.ctx.actor, self.call.call_id
        self.phone_bar.hangup(call_id)

        def ok(_r: Any) -> None:
            self.presenter.hung_up(time.monotonic())
            self.notes.setFocus()

        self._run(lambda: calls.end_call(db, actor, call_id), ok)

    def _phone_answered(self, call_id: int, at: datetime) -> None:
        """The phone system saw the customer answer: talk time runs from then."""
        if self.phase is not Phase.CALLING or call_id != self.call.call_id:
            return
        age = (datetime.now(at.tzinfo) - at).total_seconds()
        if self.presenter.phone_answered(call_id, time.monotonic(), age):
            self.show_message("")  # "Dialling …" is over: the customer is on the line
            self._start_interview(call_id)
        self._apply_phase()
        self._tick()

    def _phone_ended(self, call_id: int, cause: str, proposal: str | None) -> None:
        """The phone system saw the call end: wrap-up starts, an outcome is suggested."""
        if not self.presenter.phone_ended(call_id, time.monotonic()):
            return

        def text() -> str:
            words = self.tr("Call ended: {cause}.").format(cause=end_cause_text(cause))
            if proposal:
                words += " " + self.tr("Suggested outcome: {outcome} (key {digit}).").format(
                    outcome=vocab.name(proposal), digit=digit_of(proposal))
            return words

        self.show_message(text, "info")
        self.notes.setFocus()
        self._apply_phase()
        self._tick()

    def dispose(self, disposition: Disposition) -> None:
        refusal = self.presenter.refusal(disposition)
        if refusal is Refusal.NOT_DIALLED:
            self.show_message(lambda: self.tr("Dial the customer first ({key}), or skip them.")
                              .format(key=DIAL_KEY))
        if refusal is Refusal.NEEDS_ANSWER:
            self.show_message(lambda: self.tr("'{outcome}' needs a conversation: mark the call "
                                      "answered first ({key}).").format(
                outcome=vocab.name(disposition.value), key=ANSWER_KEY))
        if refusal is not None or self.call.call_id is None:
            return
        callback_at: datetime | None = None
        team = False
        if disposition is Disposition.CALLBACK:
            dialog = self.make_callback_dialog()
            if not dialog.exec():
                return
            callback_at, team = dialog.callback_at_utc(), dialog.is_team()
        notes = self.notes.toPlainText().strip() or None
        db, actor, call_id = self.ctx.db, self.ctx.actor, self.call.call_id
        if self.phase is Phase.CALLING:
            self.phone_bar.hangup(call_id)  # an outcome while on the line ends the call

        def work() -> None:
            # finish_call also ends a call still in progress (no wrap-up then)
            calls.finish_call(db, actor, call_id, disposition, notes=notes,
                              callback_at=callback_at, team_callback=team)

        task_id = self.task.task_id if self.task is not None else None

        def ok(_r: Any) -> None:
            self.presenter.last_call_id = call_id
            if task_id is not None:
                self._clear_draft(task_id)
            self._reset_to_idle(self.tr("Saved. Press {key} for the next customer.")
                                .format(key=NEXT_KEY))
            self.show_message(lambda: self.tr("Saved: {outcome}.").format(
                outcome=vocab.name(disposition.value)), "ok")
            self.ctx.hub.notify("calls", "queue", "presence")

        def fail(exc: BaseException) -> None:
            if isinstance(exc, CallAlreadyFinished):
                # an earlier attempt was stored but its answer got lost on the way back
                ok(None)
                return
            # the notes stay in the box: nothing typed is lost
            self.show_message(lambda: self.tr(
                "The outcome was not saved: {error} Your notes are kept;"
                " try again.").format(error=vocab.error_text(exc)), "error")
            if not isinstance(exc, DatabaseError):
                # not a connection problem: retrying will not help, so let the agent move on
                self.presenter.stuck = True

        self._run(work, ok, fail)

    def _reset_to_idle(self, empty_text: str) -> None:
        state = self.runner.state
        if state is not None and state.status == interviews.IN_PROGRESS:
            self.runner.pause()  # answers are kept; it resumes on the next call
        self.notes.clear()
        self.presenter.reset()
        self.offers.set_context(None, None, None)
        self.card_view.clear()
        self.phone_bar.finished()
        self.empty_label.setText(empty_text)
        self.next_button.setFocus()

    def _dispose_slot(self, disposition: Disposition) -> None:
        self.dispose(self.presenter.slot(disposition))

    def _bare_digit(self, disposition: Disposition) -> None:
        if self._digit_keys_allowed():
            self._dispose_slot(disposition)

    def ask_amendment(self) -> tuple[str, str] | None:
        """The corrected outcome and the reason, or None (a dialog; tests replace it)."""
        return self.amendment_dialog(
            [self.presenter.slot(disposition) for _digit, disposition in DISPOSITION_KEYS])

    def amend_last(self) -> None:
        """Correct the last stored outcome (the service checks the 15 minutes, the
        reason and that a conversation outcome had a conversation)."""
        call_id = self.last_call_id
        if call_id is None or self.busy:
            return
        asked = self.ask_amendment()
        if asked is None:
            return
        disposition, reason = asked
        db, actor = self.ctx.db, self.ctx.actor

        def done(_r: Any) -> None:
            self.show_message(lambda: self.tr("Outcome amended: {outcome}.").format(
                outcome=vocab.name(disposition)), "ok")

        def failed(error: OpError) -> None:
            self.show_message(error.text, "error")

        self.presenter.busy = True
        self._apply_phase()

        def finished() -> None:
            self.presenter.busy = False
            self._apply_phase()

        (ServiceOp(self, lambda _c: calls.amend_outcome(db, actor, call_id, disposition,
                                                       reason), hub=self.ctx.hub)
         .success(done).failure(failed).finally_(finished).run())

    def make_callback_dialog(self) -> CallbackDialog:
        """Built in its own method so tests can drive it."""
        assert self.card is not None
        return CallbackDialog(self.card.name, self.card.timezone, self)

    def release(self) -> None:
        """Put the customer back without an outcome (or leave a call that cannot be saved)."""
        if self.busy or self.task is None:
            return
        if self.phase is not Phase.HOLDING and not self.stuck:
            return
        db, actor, task_id = self.ctx.db, self.ctx.actor, self.task.task_id
        abandoning = self.phase is not Phase.HOLDING
        notes = self.notes.toPlainText().strip()

        def work() -> None:
            try:
                queue.release_task(db, actor, task_id)
            except WinbackError:
                if not abandoning:
                    raise  # a stuck call's task may be gone already; that is fine

        def ok(_r: Any) -> None:
            self._reset_to_idle(self.tr("Customer put back. Press {key} for the next one.")
                                .format(key=NEXT_KEY))
            if abandoning and notes:
                clipboard = QGuiApplication.clipboard()
                if clipboard is not None:
                    clipboard.setText(notes)
                self.show_message(lambda: self.tr(
                    "Left without an outcome; your notes are on the clipboard."), "info")
            else:
                self.show_message("")
            self.ctx.hub.notify("queue")

        self._run(work, ok)

    def explain_sltv(self) -> None:
        if self.card is None or self.task is None:
            return
        db, actor = self.ctx.db, self.ctx.actor
        customer_id, campaign_id = self.task.customer_id, self.task.campaign_id

        def work() -> call_desk.SltvExplained:
            return call_desk.explain_sltv(db, actor, customer_id, campaign_id)

        def ok(result: call_desk.SltvExplained) -> None:
            if self.card is None:
                return
            explanation, chance = result.explanation, result.chance
            self.explain_dialog = SltvExplainDialog(
                explanation, self.card.name, self.card.currency or "CNY", self, chance=chance)
            self.explain_dialog.show()

        self._run(work, ok, blocking=False)

    # ------------------------------------------------------------------ interview, offers, breaks
    def _script_step(self, step: str) -> None:
        """The live board shows where in the interview the call is."""
        db, actor = self.ctx.db, self.ctx.actor
        shown = step if step and self.phase is not Phase.IDLE else None
        self._run(lambda: presence.set_script_step(db, actor, shown),
                  on_failure=lambda _e: None, blocking=False)

    def _offer_accepted(self) -> None:
        """The customer took the offer: the call moves to the outcome step and stays open
        (the agent finishes the interview, hangs up and records the outcome)."""
        success = self.success.value

        def text() -> str:
            return self.tr("Offer accepted. The customer is still on the line: finish the "
                           "interview, then record {outcome} ({digit}).").format(
                outcome=vocab.name(success), digit=SUCCESS_DIGIT)

        # the offers service moved the call to its outcome step with the customer's "yes";
        # the customer is still on the line, so no wrap-up clock runs until the hang-up
        if self.presenter.offer_accepted():
            self._apply_phase()
        self.show_message(text, "ok")

    def _offer_awaits_approval(self) -> None:
        self.show_message(lambda: self.tr(
            "The offer is waiting for a supervisor. Keep talking, or schedule a callback (5)"
            " if the customer cannot wait."), "info")
        self.presenter.offer_waiting = True

    def _offer_decided(self, request: Any) -> None:
        """The request's status changed: the banner says what the panel says, never
        "waiting" beside a decision."""
        if not self.presenter.offer_waiting or request.is_open:
            return
        self.presenter.offer_waiting = False
        if request.status in ("approved", "auto_approved"):
            self.show_message(lambda: self.tr("The offer was approved: present it now."), "ok")
        elif request.status == "countered":
            self.show_message(lambda: self.tr("A supervisor made a counter-offer: present it "
                                      "instead."), "info")
        elif request.status == "rejected":
            self.show_message(lambda: self.tr(
                "The offer was rejected: choose another one."), "error")
        else:
            self.show_message("")

    def _interview_completed(self, reason: str, treatment: str) -> None:
        self.show_message(lambda: self.tr("Interview done: {reason} → {treatment}.").format(
            reason=vocab.name(reason), treatment=vocab.name(treatment)), "ok")

    def _toggle_break(self, on: bool) -> None:
        if on and self.phase is not Phase.IDLE:
            self.break_button.setChecked(False)
            return
        self.presenter.on_break = on
        self.empty_label.setText("")
        self.desk.set_not_ready(on)
        self._apply_phase()

    def open_callback(self, task_id: int) -> None:
        """Open a callback from "My callbacks": claim it through the queue and show it."""
        if self.busy or self.phase is not Phase.IDLE:
            return
        if self.on_break:
            self.break_button.setChecked(False)
        db, actor = self.ctx.db, self.ctx.actor

        def work() -> call_desk.TakenCustomer:
            return call_desk.open_callback(db, actor, task_id)

        def failed(exc: BaseException) -> None:
            self.show_error(exc)
            self.desk.refresh_callbacks()

        self.show_message("")
        self._run(work, self._got_customer, failed)


def _factory(ctx: AppContext) -> QWidget:
    return WorkspaceScreen(ctx)


SPEC = register(ScreenSpec(
    key="workspace",
    title=QT_TRANSLATE_NOOP("Screens", "Call workspace"),
    permission=Permission.WORK_QUEUE,
    factory=_factory,
    order=10,
))

__all__ = ["DISPOSITION_KEYS", "SPEC", "Disposition", "Phase", "WorkspaceScreen"]
