"""The agent's call workspace: next customer, card, dial, disposition, repeat.

Built for an agent who does this 40 times a day with the keyboard: F2 takes the next
customer, F5 dials (``tel:`` link to the softphone, number also on the clipboard), F6
marks the call answered, F7 hangs up, 1–9 record the outcome (Ctrl+1–9 while typing in
the notes) and F2 again moves on. Every database call runs in the background
(``ui.kit.service_op.ServiceOp``); a failure shows a translated banner and keeps the notes, which
are only cleared once the outcome is safely stored.
"""

from __future__ import annotations

import contextlib
import functools
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QCloseEvent,
    QDesktopServices,
    QFont,
    QGuiApplication,
    QKeySequence,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from winback_desktop.core.call_flow import NEEDS_CONVERSATION
from winback_desktop.core.domain import (
    Disposition,
    PresenceState,
    success_for,
)
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
from winback_desktop.services.customer_card import CustomerCard
from winback_desktop.services.drafts import Draft, DraftStore
from winback_desktop.services.queue import ClaimedTask
from winback_desktop.ui.kit import vocabulary as vocab
from winback_desktop.ui.kit.relabel import relabel, translated
from winback_desktop.ui.kit.service_op import OpError, OpGroup, ServiceOp
from winback_desktop.ui.screens.desk.panel import AgentDesk
from winback_desktop.ui.screens.interviews.runner import make_runner
from winback_desktop.ui.screens.offers.panel import OffersPanel
from winback_desktop.ui.screens.phone.bar import PhoneBar, end_cause_text
from winback_desktop.ui.screens.workspace.callback_dialog import CallbackDialog
from winback_desktop.ui.screens.workspace.customer_card_view import (
    CustomerCardView,
    SltvExplainDialog,
)
from winback_desktop.ui.shell import crash
from winback_desktop.ui.shell.context import AppContext
from winback_desktop.ui.shell.registry import ScreenSpec, register

#: Disposition keys: the digit on the button is its shortcut. A bare digit records only
#: at the outcome step (hung up, or an offer accepted) and never while a text box or the
#: interview has the keyboard; Alt+digit works from anywhere during the call. (Ctrl+digit
#: belongs to the main window's navigation.)
DISPOSITION_KEYS: list[tuple[int, Disposition]] = [
    (1, Disposition.NO_ANSWER),
    (2, Disposition.BUSY),
    (3, Disposition.VOICEMAIL),
    (4, Disposition.WRONG_NUMBER),
    (5, Disposition.CALLBACK),
    (6, Disposition.NOT_INTERESTED),
    (7, Disposition.DO_NOT_CALL),
    (8, Disposition.WON_BACK),
    (9, Disposition.REFUSED_OFFER),
    (0, Disposition.STILL_CUSTOMER),
]

NEXT_KEY = "F2"
DIAL_KEY = "F5"
ANSWER_KEY = "F6"
HANGUP_KEY = "F7"
BREAK_KEY = "F9"
HEARTBEAT_MS = 30_000
DRAFT_DELAY_MS = 800


class Phase(Enum):
    """The desk's view of the call (``core.call_flow`` has the stored steps)."""

    IDLE = "idle"          # no customer held
    HOLDING = "holding"    # customer claimed, not dialled yet
    CALLING = "calling"    # dialled (ringing or talking)
    OUTCOME = "outcome"    # the customer accepted an offer and is still on the line
    WRAP_UP = "wrap_up"    # hung up, outcome not stored yet: the wrap-up clock runs


#: the phases in which a call is open on this desk
_CALL_PHASES = (Phase.CALLING, Phase.OUTCOME, Phase.WRAP_UP)


@dataclass
class CallState:
    call_id: int | None = None
    started: float | None = None
    answered: float | None = None
    ended: float | None = None


class WorkspaceScreen(QWidget):
    """One agent's desk. Public attributes are what tests and the main window poke."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 *, open_url: Callable[[QUrl], bool] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workspaceScreen")
        self.ctx = ctx
        self._open_url = open_url or QDesktopServices.openUrl
        self.phase = Phase.IDLE
        self.task: ClaimedTask | None = None
        self.card: CustomerCard | None = None
        self.call = CallState()
        #: the successful outcome for the held customer (won back, or saved by a save
        #: campaign); key 8 records it
        self.success = Disposition.WON_BACK
        self._campaign_kinds: dict[int, str] = {}
        self.on_break = False
        #: the outcome cannot be stored (not a connection problem): allow leaving the call
        self.stuck = False
        self.explain_dialog: SltvExplainDialog | None = None
        self.busy = False
        #: whether the user is assigned to a running campaign (None until known)
        self.assigned: bool | None = None
        self._watched_window: QWidget | None = None
        #: set once the agent agreed to leave mid-call (quit, logout)
        self._leave_reason: str | None = None
        #: the last call whose outcome this desk stored (the amend button corrects it)
        self.last_call_id: int | None = None
        #: an offer of this call waits for a supervisor (the banner says so until decided)
        self._offer_waiting = False
        # one call at a time (SQLite snapshot conflicts are retried); the workspace
        # announces its changes itself
        self._ops = OpGroup(self, None, serial=True, retry_locked=True)
        self._build()
        self._shortcuts()
        self._tick_timer = QTimer(self)
        self._tick_timer.timeout.connect(self._tick)
        self._tick_timer.start(1000)
        self._heartbeat_timer = QTimer(self)
        self._heartbeat_timer.timeout.connect(self._heartbeat)
        self._heartbeat_timer.start(HEARTBEAT_MS)
        self._apply_phase()
        self._load_campaigns()
        self._release_leftovers()
        self._set_presence(PresenceState.READY)
        ctx.hub.changed.connect(self._on_changed)
        crash_handler = crash.handler()
        if crash_handler is not None:
            crash_handler.add_flush_hook(self.save_draft)
            self.destroyed.connect(
                lambda *_a, h=crash_handler, f=self.save_draft: h.remove_flush_hook(f))

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
        return self.phase in _CALL_PHASES and self.call.call_id is not None

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
        db, actor = self.ctx.db, self.ctx.actor
        if self.call_open() and self.call.call_id is not None:
            # the agent said yes (or the app is going down): close the call properly
            with contextlib.suppress(Exception):
                calls.abandon_call(db, actor, self.call.call_id,
                                   self._leave_reason or calls.QUIT)
            self.task, self.card = None, None
            self.call = CallState()
            self.phase = Phase.IDLE
        if self.phase is Phase.HOLDING and self.task is not None and not self.busy:
            with contextlib.suppress(Exception):
                queue.release_task(db, actor, self.task.task_id)
            self.task, self.card = None, None
            self.phase = Phase.IDLE
        with contextlib.suppress(Exception):
            presence.go_offline(db, actor)

    def _on_changed(self, topics: set[str]) -> None:
        """Another screen changed something: a new or paused campaign shows up here."""
        if "campaigns" in topics:
            self._load_campaigns()

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        root = QVBoxLayout(self)
        top = QHBoxLayout()
        self.campaign_label = QLabel(self.tr("Campaign:"))
        top.addWidget(self.campaign_label)
        self.campaign_combo = QComboBox()
        self.campaign_combo.setMinimumWidth(260)
        self.campaign_combo.addItem(self.tr("All my campaigns"), None)
        top.addWidget(self.campaign_combo)
        top.addSpacing(16)
        self.presence_label = QLabel()
        self.presence_label.setObjectName("presenceLabel")
        top.addWidget(self.presence_label)
        # The agent desk (ui/desk): not-ready reasons with a timer, help, callbacks,
        # today's figures, worked customers; F9 toggles not-ready.
        self.desk = AgentDesk(self.ctx, self)
        self.desk.open_callback.connect(self.open_callback)
        self.desk.not_ready_changed.connect(self._desk_not_ready)
        self.desk.logged_out.connect(self._logged_out)
        self.desk.message.connect(self.show_message)
        self.break_button = self.desk.not_ready_button
        self.break_button.toggled.connect(self._toggle_break)
        top.addWidget(self.break_button)
        top.addWidget(self.desk.help_button)
        top.addStretch(1)
        self.next_button = QPushButton()
        self.next_button.setObjectName("nextCustomer")
        big = QFont(self.next_button.font())
        big.setPointSizeF(big.pointSizeF() * 1.4)
        big.setBold(True)
        self.next_button.setFont(big)
        self.next_button.setMinimumHeight(44)
        self.next_button.setStyleSheet(
            "QPushButton#nextCustomer { background:#1565c0; color:white; padding:6px 22px;"
            " border-radius:4px; } QPushButton#nextCustomer:disabled { background:#90a4ae; }")
        self.next_button.clicked.connect(self.next_customer)
        top.addWidget(self.next_button)
        root.addLayout(top)

        self.banner = QLabel()
        self.banner.setObjectName("workspaceBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.hide()
        root.addWidget(self.banner)
        root.addWidget(self.desk.coaching_area)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        # left: empty-state message or the customer card
        self.left = QStackedWidget()
        self.empty_label = QLabel()
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        ef = QFont(self.empty_label.font())
        ef.setPointSizeF(ef.pointSizeF() * 1.3)
        self.empty_label.setFont(ef)
        self.empty_label.setStyleSheet("color:#546e7a;")
        self.left.addWidget(self.desk.home.with_message(self.empty_label))
        self.card_view = CustomerCardView()
        self.card_view.dial_requested.connect(self.dial)
        self.card_view.explain_requested.connect(self.explain_sltv)
        # The exit-interview script panel (DESIGN §6) sits first among the card's tabs.
        self.runner = make_runner(self.ctx)
        self.runner.step_changed.connect(self._script_step)
        self.runner.completed.connect(self._interview_completed)
        self.card_view.history.insertTab(0, self.runner, self.tr("Exit interview"))
        # ...and the offers (DESIGN §6): propose within authority or ask a supervisor.
        self.offers = OffersPanel(self.ctx)
        self.offers.won_back.connect(self._offer_accepted)
        self.offers.callback_suggested.connect(self._offer_awaits_approval)
        self.offers.request_changed.connect(self._offer_decided)
        self.card_view.history.insertTab(1, self.offers, self.tr("Offers"))
        self.card_view.history.setCurrentIndex(0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.card_view)
        self.left.addWidget(scroll)
        splitter.addWidget(self.left)

        # right: call controls, notes, outcomes
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(6, 0, 0, 0)
        call_box = QGroupBox(self.tr("Call"))
        cl = QVBoxLayout(call_box)
        self.timer_label = QLabel("—")
        self.timer_label.setObjectName("callTimer")
        tf = QFont("monospace")
        tf.setStyleHint(QFont.StyleHint.Monospace)
        tf.setPointSizeF(self.font().pointSizeF() * 1.5)
        self.timer_label.setFont(tf)
        cl.addWidget(self.timer_label)
        cl.addWidget(self.desk.status_label)  # not-ready timer, wrap-up countdown
        buttons = QHBoxLayout()
        self.answer_button = QPushButton()
        self.answer_button.clicked.connect(self.mark_answered)
        self.hangup_button = QPushButton()
        self.hangup_button.clicked.connect(self.hang_up)
        self.release_button = QPushButton(self.tr("Skip customer"))
        self.release_button.setToolTip(
            self.tr("Put this customer back in the queue without calling"))
        self.release_button.clicked.connect(self.release)
        buttons.addWidget(self.answer_button)
        buttons.addWidget(self.hangup_button)
        buttons.addWidget(self.release_button)
        cl.addLayout(buttons)
        # the configured phone (services.telephony): dials, and reports answer and end
        self.phone_bar = PhoneBar(self.ctx, open_uri=lambda uri: self._open_url(QUrl(uri)))
        self.phone_bar.answered.connect(self._phone_answered)
        self.phone_bar.ended.connect(self._phone_ended)
        self.phone_bar.problem.connect(lambda text: self.show_message(text, "error"))
        cl.addWidget(self.phone_bar)
        rl.addWidget(call_box)

        notes_box = QGroupBox(self.tr("Call notes"))
        nl = QVBoxLayout(notes_box)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("callNotes")
        self.notes.setPlaceholderText(
            self.tr("What did the customer say? Kept until the outcome is saved."))
        nl.addWidget(self.notes)
        rl.addWidget(notes_box, 1)
        # Notes are also autosaved to a local draft file: a crash or power cut loses nothing.
        self.drafts = DraftStore(self.ctx.actor.login)
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_draft)
        self._notes_text = ""  # what the crash hook saves: never touch widgets off-thread
        self.notes.textChanged.connect(self._notes_changed)

        outcome_box = QGroupBox(
            self.tr("Outcome (keys 0–9 after hanging up; Alt+0–9 during the call)"))
        grid = QGridLayout(outcome_box)
        self.disposition_buttons: dict[Disposition, QPushButton] = {}
        for i, (_digit, disposition) in enumerate(DISPOSITION_KEYS):
            button = QPushButton()
            button.setObjectName(f"disposition_{disposition.value}")
            button.setMinimumHeight(32)
            tint = {Disposition.WON_BACK: "background:#c8e6c9;",
                    Disposition.DO_NOT_CALL: "background:#ffcdd2;",
                    Disposition.CALLBACK: "background:#fff9c4;"}.get(disposition, "")
            button.setStyleSheet(f"QPushButton {{ text-align:left; padding-left:8px; {tint} }}"
                                 " QPushButton:disabled { background:none; }")
            button.clicked.connect(lambda _c=False, d=disposition: self.dispose(self._slot(d)))
            grid.addWidget(button, i // 3, i % 3)
            self.disposition_buttons[disposition] = button
        # One button for the success: "won back" in a win-back campaign, "saved" in a
        # save campaign (a save is never counted as a win-back).
        self.disposition_buttons[Disposition.SAVED] = self.disposition_buttons[
            Disposition.WON_BACK]
        self.amend_button = QPushButton(self.tr("Amend last outcome…"))
        self.amend_button.setObjectName("amendOutcome")
        self.amend_button.setToolTip(self.tr(
            "Correct the outcome you just recorded (within 15 minutes; a supervisor can "
            "amend any time). A reason is required and kept in the audit log."))
        self.amend_button.setEnabled(False)
        self.amend_button.clicked.connect(self.amend_last)
        grid.addWidget(self.amend_button, (len(DISPOSITION_KEYS) + 2) // 3, 0, 1, 3)
        rl.addWidget(outcome_box)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        root.addWidget(splitter, 1)

        self.hint = QLabel()
        self.hint.setStyleSheet("color:#607d8b;")
        bottom = QHBoxLayout()
        bottom.addWidget(self.desk.figures_label)
        bottom.addStretch(1)
        bottom.addWidget(self.hint)
        root.addLayout(bottom)
        self._set_texts()

    def _set_texts(self) -> None:
        """The texts built from keys and names; set at start and on a language switch."""
        self.next_button.setText(self.tr("Next customer ({key})").format(key=NEXT_KEY))
        self.answer_button.setText(self.tr("Answered ({key})").format(key=ANSWER_KEY))
        self.hangup_button.setText(self.tr("Hang up ({key})").format(key=HANGUP_KEY))
        for digit, disposition in DISPOSITION_KEYS:
            button = self.disposition_buttons[disposition]
            button.setText(f"{digit}  {vocab.name(disposition.value)}")
            button.setToolTip(self.tr("Shortcut: {digit} after hanging up, Alt+{digit} any "
                                      "time").format(digit=digit))
        self.hint.setText(self.tr(
            "Keys: {next} next customer · {dial} dial · {answer} answered · {hangup} hang up"
            " · 1–9 outcome · {brk} break").format(
                next=NEXT_KEY, dial=DIAL_KEY, answer=ANSWER_KEY, hangup=HANGUP_KEY,
                brk=BREAK_KEY))

    def changeEvent(self, event: QEvent) -> None:
        """A live language switch: the open call stays as it is, its words change."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "hint"):
            relabel(self)
            self._set_texts()
            self._show_success()
            self._reword_banner()
            if self.phase is Phase.IDLE and not self.on_break and not self.busy:
                self.empty_label.setText(self._empty_text())
            if self.card is not None:
                self.card_view.show_card(self.card)
                self._tick()
            self._apply_phase()

    def _shortcuts(self) -> None:
        self._digit_shortcuts: list[QShortcut] = []
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
        # Inside the interview runner bare digits pick answers; outcomes stay on Alt+digit.
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    # ------------------------------------------------------------------ helpers
    def _run(self, fn: Callable[[], Any], on_success: Callable[[Any], None] | None = None,
             on_failure: Callable[[BaseException], None] | None = None,
             *, blocking: bool = True) -> ServiceOp[Any]:
        """Run ``fn`` in the background; ``blocking`` ops disable the desk meanwhile."""
        if blocking:
            self.busy = True
            self._apply_phase()

        def done_ok(result: Any) -> None:
            if blocking:
                self.busy = False
            if on_success:
                on_success(result)
            self._apply_phase()

        def done_fail(exc: BaseException) -> None:
            if blocking:
                self.busy = False
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

    def show_message(self, text: str | Callable[[], str], kind: str = "info") -> None:
        """The banner above the card. ``text`` may be a function that words the message:
        a language switch then words it again (a plain string is looked up among the
        shipped messages and kept as it is when it is not one of them)."""
        self._banner_text = text
        shown = text() if callable(text) else text
        colours = {"info": ("#e3f2fd", "#0d47a1"), "ok": ("#e8f5e9", "#1b5e20"),
                   "error": ("#ffebee", "#b71c1c")}
        bg, fg = colours.get(kind, colours["info"])
        self.banner.setStyleSheet(
            f"QLabel#workspaceBanner {{ background:{bg}; color:{fg}; padding:6px;"
            " border-radius:3px; }")
        self.banner.setProperty("kind", kind)
        self.banner.setText(shown)
        self.banner.setVisible(bool(shown))

    def _reword_banner(self) -> None:
        """After a language switch: the banner's message in the new language."""
        text = getattr(self, "_banner_text", "")
        if isinstance(text, str):
            text = translated(text, [type(self).__name__, "Errors"]) or text
        if text:
            self.show_message(text, str(self.banner.property("kind") or "info"))

    def show_error(self, exc: BaseException) -> None:
        self.show_message(lambda: vocab.error_text(exc), "error")

    def _campaign_id(self) -> int | None:
        data = self.campaign_combo.currentData()
        return int(data) if data is not None else None

    def _apply_phase(self) -> None:
        p, busy = self.phase, self.busy
        self.next_button.setEnabled(not busy and p is Phase.IDLE and not self.on_break
                                    and self.assigned is not False)
        self.campaign_combo.setEnabled(not busy and p is Phase.IDLE)
        self.break_button.setEnabled(not busy and p is Phase.IDLE)
        for b in self.card_view.dial_buttons:
            b.setEnabled(not busy and p is Phase.HOLDING and b.property("hasNumber") is not False)
        self.answer_button.setEnabled(
            not busy and p is Phase.CALLING and self.call.answered is None)
        self.hangup_button.setEnabled(not busy and self._line_open())
        self.release_button.setEnabled(not busy and (p is Phase.HOLDING or self.stuck))
        for button in self.disposition_buttons.values():
            button.setEnabled(not busy and p in _CALL_PHASES
                              and self.call.call_id is not None)
        self.notes.setEnabled(p is not Phase.IDLE or bool(self.notes.toPlainText()))
        if p is Phase.IDLE:
            self.left.setCurrentIndex(0)
            if self.on_break:
                self.empty_label.setText(self.desk.not_ready_message(BREAK_KEY))
            elif not self.empty_label.text() or not self.assigned:
                self.empty_label.setText(self._empty_text())
        else:
            self.left.setCurrentIndex(1)
        state = {Phase.IDLE: PresenceState.BREAK if self.on_break else PresenceState.READY,
                 Phase.HOLDING: PresenceState.READY, Phase.CALLING: PresenceState.ON_CALL,
                 Phase.OUTCOME: PresenceState.ON_CALL, Phase.WRAP_UP: PresenceState.WRAP_UP}[p]
        self.presence_label.setText(self.tr("Status: {state}").format(
            state=vocab.name(state.value)))
        self.desk.phase_changed(p.value)
        self._update_digit_keys()
        if hasattr(self, "amend_button"):
            self.amend_button.setEnabled(not busy and self.last_call_id is not None
                                         and p in (Phase.IDLE, Phase.HOLDING))

    def _empty_text(self) -> str:
        """What the idle desk says: how to start, or why there is nothing to start."""
        if self.assigned is False:
            return self.tr("You are not assigned to a campaign, so there is no queue to "
                           "work. Ask an administrator to add you to a campaign's agents "
                           "(Campaigns screen).")
        return self.tr("Press {key} to get your next customer.").format(key=NEXT_KEY)

    def _line_open(self) -> bool:
        """The customer may still be on the line (dialled or talking, not hung up)."""
        return self.phase in (Phase.CALLING, Phase.OUTCOME) and self.call.ended is None

    def _tick(self) -> None:
        self.card_view.tick()
        now = time.monotonic()
        c = self.call
        if self.phase is Phase.CALLING and c.started is not None:
            text = self.tr("Call {total}").format(total=vocab.duration(now - c.started))
            if c.answered is not None:
                text += " · " + self.tr("talking {talk}").format(
                    talk=vocab.duration(now - c.answered))
            else:
                text += " · " + self.tr("ringing")
            self.timer_label.setText(text)
        elif self.phase is Phase.OUTCOME and c.answered is not None:
            self.timer_label.setText(self.tr("Outcome · talking {talk}").format(
                talk=vocab.duration(now - c.answered)))
        elif self.phase is Phase.WRAP_UP and c.ended is not None:
            self.timer_label.setText(self.tr("Wrap-up {wrap}").format(
                wrap=vocab.duration(now - c.ended)))
        elif self.phase is Phase.HOLDING:
            self.timer_label.setText(self.tr("Ready to dial"))
        else:
            self.timer_label.setText("—")

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

    # ------------------------------------------------------------------ campaigns
    def _load_campaigns(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor

        def work() -> list[call_desk.CampaignChoice]:
            return call_desk.running_campaigns(db, actor)

        def done(choices: list[call_desk.CampaignChoice]) -> None:
            rows = [(c.campaign_id, c.name, c.kind) for c in choices]
            self.assigned = bool(rows)
            if self.phase is Phase.IDLE and not self.on_break:
                self.empty_label.setText(self._empty_text())
            self._apply_phase()
            self._campaign_kinds.update({cid: kind for cid, _name, kind in rows})
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
        self.task, self.card = result.task, result.card
        self.call = CallState()
        self.success = success_for(self._campaign_kinds.get(self.task.campaign_id),
                                   self.card.status)
        self._show_success()
        if not self.runner.busy:
            self.runner.clear()
        draft = self._load_draft(self.task.task_id)
        self.card_view.show_card(self.card)
        self.card_view.history.setCurrentWidget(self.runner)
        self.offers.set_context(self.task.customer_id, self.task.task_id, self.task.campaign_id)
        self.phase = Phase.HOLDING
        if self.task.is_callback:
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
        self.call = CallState(started=time.monotonic())
        self.phase = Phase.CALLING
        db, actor, task_id = self.ctx.db, self.ctx.actor, self.task.task_id

        def work() -> int:
            return int(calls.start_call(db, actor, task_id, phone_e164=e164))

        def ok(call_id: int) -> None:
            # calls.start_call also marks the agent "on call" for the live board
            self.call.call_id = call_id
            self.phone_bar.dial(call_id, e164)

        def fail(exc: BaseException) -> None:
            self.call = CallState()
            self.phase = Phase.HOLDING
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
                # the customer is on the line: the exit interview can begin (or resume)
                self.runner.start(self.task.customer_id, call_id)
                self.card_view.history.setCurrentWidget(self.runner)

        self._run(lambda: calls.mark_answered(db, actor, call_id), ok, fail)

    def hang_up(self) -> None:
        if self.busy or not self._line_open() or self.call.call_id is None:
            return
        db, actor, call_id = self.ctx.db, self.ctx.actor, self.call.call_id
        self.phone_bar.hangup(call_id)

        def ok(_r: Any) -> None:
            self.call.ended = time.monotonic()
            self.phase = Phase.WRAP_UP
            self.notes.setFocus()

        self._run(lambda: calls.end_call(db, actor, call_id), ok)

    def _phone_answered(self, call_id: int, at: datetime) -> None:
        """The phone system saw the customer answer: talk time runs from then."""
        if self.phase is not Phase.CALLING or call_id != self.call.call_id:
            return
        if self.call.answered is None:
            age = max(0.0, (datetime.now(at.tzinfo) - at).total_seconds())
            self.call.answered = time.monotonic() - age
            self.show_message("")  # "Dialling …" is over: the customer is on the line
            if self.task is not None:
                self.runner.start(self.task.customer_id, call_id)
                self.card_view.history.setCurrentWidget(self.runner)
        self._apply_phase()
        self._tick()

    def _phone_ended(self, call_id: int, cause: str, proposal: str | None) -> None:
        """The phone system saw the call end: wrap-up starts, an outcome is suggested."""
        if call_id != self.call.call_id or self.phase not in (Phase.CALLING, Phase.OUTCOME):
            return
        self.call.ended = time.monotonic()
        self.phase = Phase.WRAP_UP
        def text() -> str:
            words = self.tr("Call ended: {cause}.").format(cause=end_cause_text(cause))
            if proposal:
                digit = next((d for d, disp in DISPOSITION_KEYS if disp.value == proposal),
                             None)
                words += " " + self.tr("Suggested outcome: {outcome} (key {digit}).").format(
                    outcome=vocab.name(proposal), digit=digit)
            return words

        self.show_message(text, "info")
        self.notes.setFocus()
        self._apply_phase()
        self._tick()

    def dispose(self, disposition: Disposition) -> None:
        if self.busy:
            return
        if self.phase is Phase.HOLDING:
            self.show_message(lambda: self.tr("Dial the customer first ({key}), or skip them.")
                              .format(key=DIAL_KEY))
            return
        if self.phase not in _CALL_PHASES or self.call.call_id is None:
            return
        if disposition in NEEDS_CONVERSATION and self.call.answered is None:
            # the service refuses it too; say so before asking anything
            self.show_message(lambda: self.tr("'{outcome}' needs a conversation: mark the call "
                                      "answered first ({key}).").format(
                outcome=vocab.name(disposition.value), key=ANSWER_KEY))
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
            self.last_call_id = call_id
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
                self.stuck = True

        self._run(work, ok, fail)

    # ------------------------------------------------------------------ drafts
    def _notes_changed(self) -> None:
        self._notes_text = self.notes.toPlainText()
        self._draft_timer.start()

    def save_draft(self) -> None:
        """Write the notes of the held customer to the local draft file.

        Also the crash handler's flush hook, so it may run on any thread: it reads only
        plain Python attributes, never a widget.
        """
        task = self.task
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

    def _reset_to_idle(self, empty_text: str) -> None:
        state = self.runner.state
        if state is not None and state.status == interviews.IN_PROGRESS:
            self.runner.pause()  # answers are kept; it resumes on the next call
        self.notes.clear()
        self.task, self.card = None, None
        self.call = CallState()
        self.stuck = False
        self.offers.set_context(None, None, None)
        self._offer_waiting = False
        self.card_view.clear()
        self.phase = Phase.IDLE
        self.phone_bar.finished()
        self.empty_label.setText(empty_text)
        self.next_button.setFocus()

    def _slot(self, disposition: Disposition) -> Disposition:
        """The outcome a button or key stands for (the success one follows the campaign)."""
        return self.success if disposition is Disposition.WON_BACK else disposition

    def _dispose_slot(self, disposition: Disposition) -> None:
        self.dispose(self._slot(disposition))

    def _show_success(self) -> None:
        button = self.disposition_buttons[Disposition.WON_BACK]
        digit = next(d for d, disp in DISPOSITION_KEYS if disp is Disposition.WON_BACK)
        button.setText(f"{digit}  {vocab.name(self.success.value)}")
        button.setObjectName(f"disposition_{self.success.value}")

    def ask_amendment(self) -> tuple[str, str] | None:
        """The corrected outcome and the reason, or None (a dialog; tests replace it)."""
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Amend last outcome"))
        form = QFormLayout(dialog)
        combo = QComboBox()
        for _digit, disposition in DISPOSITION_KEYS:
            shown = self._slot(disposition)
            combo.addItem(vocab.name(shown.value), shown.value)
        reason = QLineEdit()
        reason.setPlaceholderText(self.tr("Why is the outcome changed?"))
        form.addRow(self.tr("Correct outcome:"), combo)
        form.addRow(self.tr("Reason:"), reason)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(dialog.accept)
        box.rejected.connect(dialog.reject)
        form.addRow(box)
        if not dialog.exec():
            return None
        return str(combo.currentData()), reason.text()

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

        self.busy = True
        self._apply_phase()

        def finished() -> None:
            self.busy = False
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

    def _focus_changed(self, _old: QWidget | None, _new: QWidget | None) -> None:
        if not shiboken6.isValid(self):
            return
        self._update_digit_keys()

    def _digit_keys_allowed(self) -> bool:
        """Bare digits record an outcome only at the outcome step (hung up, or an offer
        accepted), never while a text box or the interview has the keyboard: typing
        "8 months free" into an answer must not record a win-back."""
        if self.phase not in (Phase.OUTCOME, Phase.WRAP_UP) or self.busy \
                or self.call.call_id is None:
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

    def _bare_digit(self, disposition: Disposition) -> None:
        if self._digit_keys_allowed():
            self._dispose_slot(disposition)

    def _script_step(self, step: str) -> None:
        """The live board shows where in the interview the call is."""
        db, actor = self.ctx.db, self.ctx.actor
        shown = step if step and self.phase is not Phase.IDLE else None
        self._run(lambda: presence.set_script_step(db, actor, shown),
                  on_failure=lambda _e: None, blocking=False)

    def _offer_accepted(self) -> None:
        """The customer took the offer: the call moves to the outcome step and stays open
        (the agent finishes the interview, hangs up and records the outcome)."""
        digit = next(d for d, disp in DISPOSITION_KEYS if disp is Disposition.WON_BACK)
        success = self.success.value

        def text() -> str:
            return self.tr("Offer accepted. The customer is still on the line: finish the "
                           "interview, then record {outcome} ({digit}).").format(
                outcome=vocab.name(success), digit=digit)

        # the offers service moved the call to its outcome step with the customer's "yes";
        # the customer is still on the line, so no wrap-up clock runs until the hang-up
        if self.phase is Phase.CALLING and self.call.call_id is not None \
                and self.call.answered is not None:
            self.phase = Phase.OUTCOME
            self._apply_phase()
        self.show_message(text, "ok")

    def _offer_awaits_approval(self) -> None:
        self.show_message(lambda: self.tr(
            "The offer is waiting for a supervisor. Keep talking, or schedule a callback (5)"
            " if the customer cannot wait."), "info")
        self._offer_waiting = True

    def _offer_decided(self, request: Any) -> None:
        """The request's status changed: the banner says what the panel says, never
        "waiting" beside a decision."""
        if not self._offer_waiting or request.is_open:
            return
        self._offer_waiting = False
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
        self.on_break = on
        self.empty_label.setText("")
        self.desk.set_not_ready(on)
        self._apply_phase()

    # ------------------------------------------------------------------ desk hooks
    def _desk_not_ready(self, on: bool) -> None:
        """A supervisor set this agent not ready: no next customer until they come back."""
        self.break_button.blockSignals(True)
        self.break_button.setChecked(on)
        self.break_button.blockSignals(False)
        self.on_break = on
        self.empty_label.setText("")
        self._apply_phase()

    def _logged_out(self) -> None:
        """A supervisor logged this agent out: the window logs out like File → Log out."""
        self._leave_reason = calls.LOGOUT  # not the agent's choice: nothing to ask
        logout = getattr(self.window(), "logout", None)
        if callable(logout) and self.window() is not self:
            QTimer.singleShot(0, logout)

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


def _factory(ctx: AppContext) -> QWidget:
    return WorkspaceScreen(ctx)


SPEC = register(ScreenSpec(
    key="workspace",
    title=QT_TRANSLATE_NOOP("Screens", "Call workspace"),
    permission=Permission.WORK_QUEUE,
    factory=_factory,
    order=10,
))

__all__ = ["DISPOSITION_KEYS", "SPEC", "Phase", "WorkspaceScreen"]
