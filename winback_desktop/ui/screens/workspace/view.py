"""The call workspace, the view: every widget of the desk, laid out, with its words.

:class:`WorkspaceScreen` (``screen.py``) subclasses it, wires the signals to its
handlers and acts; what the desk may do now is decided by ``presenter.py`` (plain
Python). This file is only what the agent sees: the layout, the banner, the call clock's
words and the fixed texts set again on a language switch.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from winback_desktop.core.domain import Disposition
from winback_desktop.ui.kit import vocabulary as vocab
from winback_desktop.ui.kit.relabel import translated
from winback_desktop.ui.screens.desk.panel import AgentDesk
from winback_desktop.ui.screens.interviews.runner import make_runner
from winback_desktop.ui.screens.offers.panel import OffersPanel
from winback_desktop.ui.screens.phone.bar import PhoneBar
from winback_desktop.ui.screens.workspace.customer_card_view import CustomerCardView
from winback_desktop.ui.screens.workspace.presenter import (
    ANSWER_KEY,
    BREAK_KEY,
    DIAL_KEY,
    DISPOSITION_KEYS,
    HANGUP_KEY,
    NEXT_KEY,
    SUCCESS_DIGIT,
    Clock,
    ClockReading,
)
from winback_desktop.ui.shell.context import AppContext

#: the banner's colours (background, text) by kind
_BANNER_COLOURS = {"info": ("#e3f2fd", "#0d47a1"), "ok": ("#e8f5e9", "#1b5e20"),
                   "error": ("#ffebee", "#b71c1c")}


class WorkspaceView(QWidget):
    """The desk's widgets. Public attributes are what the screen, tests and the main
    window use."""

    def __init__(self, ctx: AppContext, parent: QWidget | None,
                 open_url: Callable[[QUrl], bool]) -> None:
        super().__init__(parent)
        self.setObjectName("workspaceScreen")
        self._banner_text: str | Callable[[], str] = ""
        self._build(ctx, open_url)

    # ------------------------------------------------------------------ building
    def _build(self, ctx: AppContext, open_url: Callable[[QUrl], bool]) -> None:
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
        self.desk = AgentDesk(ctx, self)
        self.break_button = self.desk.not_ready_button
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
        # The exit-interview script panel (DESIGN §6) sits first among the card's tabs.
        self.runner = make_runner(ctx)
        self.card_view.history.insertTab(0, self.runner, self.tr("Exit interview"))
        # ...and the offers (DESIGN §6): propose within authority or ask a supervisor.
        self.offers = OffersPanel(ctx)
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
        self.hangup_button = QPushButton()
        self.release_button = QPushButton(self.tr("Skip customer"))
        self.release_button.setToolTip(
            self.tr("Put this customer back in the queue without calling"))
        buttons.addWidget(self.answer_button)
        buttons.addWidget(self.hangup_button)
        buttons.addWidget(self.release_button)
        cl.addLayout(buttons)
        # the configured phone (services.telephony): dials, and reports answer and end
        self.phone_bar = PhoneBar(ctx, open_uri=lambda uri: open_url(QUrl(uri)))
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

    def show_success(self, success: Disposition) -> None:
        """Key 8 names the held customer's success: won back, or saved."""
        button = self.disposition_buttons[Disposition.WON_BACK]
        button.setText(f"{SUCCESS_DIGIT}  {vocab.name(success.value)}")
        button.setObjectName(f"disposition_{success.value}")

    # ------------------------------------------------------------------ words
    def show_message(self, text: str | Callable[[], str], kind: str = "info") -> None:
        """The banner above the card. ``text`` may be a function that words the message:
        a language switch then words it again (a plain string is looked up among the
        shipped messages and kept as it is when it is not one of them)."""
        self._banner_text = text
        shown = text() if callable(text) else text
        bg, fg = _BANNER_COLOURS.get(kind, _BANNER_COLOURS["info"])
        self.banner.setStyleSheet(
            f"QLabel#workspaceBanner {{ background:{bg}; color:{fg}; padding:6px;"
            " border-radius:3px; }")
        self.banner.setProperty("kind", kind)
        self.banner.setText(shown)
        self.banner.setVisible(bool(shown))

    def _reword_banner(self) -> None:
        """After a language switch: the banner's message in the new language."""
        text = self._banner_text
        if isinstance(text, str):
            contexts = [c.__name__ for c in type(self).__mro__
                        if c.__module__.startswith("winback_desktop.")]
            text = translated(text, [*contexts, "Errors"]) or text
        if text:
            self.show_message(text, str(self.banner.property("kind") or "info"))

    def show_error(self, exc: BaseException) -> None:
        self.show_message(lambda: vocab.error_text(exc), "error")

    def empty_text(self, assigned: bool | None) -> str:
        """What the idle desk says: how to start, or why there is nothing to start."""
        if assigned is False:
            return self.tr("You are not assigned to a campaign, so there is no queue to "
                           "work. Ask an administrator to add you to a campaign's agents "
                           "(Campaigns screen).")
        return self.tr("Press {key} to get your next customer.").format(key=NEXT_KEY)

    def show_clock(self, reading: ClockReading) -> None:
        """The call clock: total and talk time, wrap-up time, or ready to dial."""
        if reading.clock is Clock.TALKING:
            text = self.tr("Call {total}").format(total=vocab.duration(reading.total))
            text += " · " + self.tr("talking {talk}").format(talk=vocab.duration(reading.part))
        elif reading.clock is Clock.RINGING:
            text = self.tr("Call {total}").format(total=vocab.duration(reading.total))
            text += " · " + self.tr("ringing")
        elif reading.clock is Clock.OUTCOME:
            text = self.tr("Outcome · talking {talk}").format(
                talk=vocab.duration(reading.part))
        elif reading.clock is Clock.WRAP_UP:
            text = self.tr("Wrap-up {wrap}").format(wrap=vocab.duration(reading.part))
        elif reading.clock is Clock.READY:
            text = self.tr("Ready to dial")
        else:
            text = "—"
        self.timer_label.setText(text)

    def amendment_dialog(self, choices: list[Disposition]) -> tuple[str, str] | None:
        """Asks for the corrected outcome (one of ``choices``) and the reason; None when
        the agent cancels."""
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Amend last outcome"))
        form = QFormLayout(dialog)
        combo = QComboBox()
        for shown in choices:
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
