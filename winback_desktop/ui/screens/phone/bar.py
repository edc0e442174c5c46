"""The phone strip of the call workspace: which phone dials, and what it has reported.

The workspace asks this bar to dial and hang up; the bar goes through the adapter IT
configured (``services.telephony``) and tells the workspace when the phone system saw
the customer answer or the call end. The Answered / Hang up buttons stay as the agent's
override: with a manual ``tel:`` phone they are the only way, and with a phone system
that reports events the bar says so plainly when nothing has arrived for a while.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QEvent, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.services.telephony import desk
from winback_desktop.services.telephony.interface import Capability, EndCause
from winback_desktop.services.telephony.manual import tel_uri
from winback_desktop.ui.kit import vocabulary as vocab
from winback_desktop.ui.kit.service_op import OpError, OpGroup
from winback_desktop.ui.screens.phone.bridge import PhoneBridge
from winback_desktop.ui.shell.context import AppContext

log = logging.getLogger(__name__)

#: after dialling, this long without any word from the phone system: say so
SILENCE_MS = 10_000

ADAPTER_NAMES = {
    "manual": QT_TRANSLATE_NOOP("PhoneBar", "Manual (tel: link)"),
    "baresip": QT_TRANSLATE_NOOP("PhoneBar", "baresip"),
    "microsip": QT_TRANSLATE_NOOP("PhoneBar", "MicroSIP"),
    "ami": QT_TRANSLATE_NOOP("PhoneBar", "Asterisk (AMI)"),
}

END_CAUSES = {
    EndCause.BUSY.value: QT_TRANSLATE_NOOP("PhoneBar", "the line was busy"),
    EndCause.NO_ANSWER.value: QT_TRANSLATE_NOOP("PhoneBar", "nobody answered"),
    EndCause.FAILED.value: QT_TRANSLATE_NOOP("PhoneBar", "the call failed"),
    EndCause.CUSTOMER_HUNG_UP.value: QT_TRANSLATE_NOOP("PhoneBar", "the customer hung up"),
    EndCause.AGENT_HUNG_UP.value: QT_TRANSLATE_NOOP("PhoneBar", "you hung up"),
    EndCause.HUNG_UP.value: QT_TRANSLATE_NOOP("PhoneBar", "the call ended"),
}


def adapter_name(code: str) -> str:
    source = ADAPTER_NAMES.get(code)
    return QCoreApplication.translate("PhoneBar", source) if source else code


def end_cause_text(code: str | None) -> str:
    source = END_CAUSES.get(code or "")
    return QCoreApplication.translate("PhoneBar", source) if source else (code or "—")


class PhoneBar(QWidget):
    """Status line of the desk's phone; emits what the phone system reported."""

    #: the customer answered (call id, when the phone saw it)
    answered = Signal(int, object)
    #: the call ended (call id, end cause code, proposed disposition code or None)
    ended = Signal(int, str, object)
    #: something went wrong on the phone side (already-translated text)
    problem = Signal(str)

    def __init__(self, ctx: AppContext, open_uri: Callable[[str], object] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phoneBar")
        self.ctx = ctx
        self._open_uri = open_uri
        self.bridge: PhoneBridge | None = None
        self.adapter = "manual"
        self.call_id: int | None = None
        self.heard: bool = False  # any event for the current call
        self.silent = False       # no event arrived in time: the buttons are the way
        self._pending_dial: tuple[int, str] | None = None
        self._ops = OpGroup(self, None)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.status = QLabel()
        self.status.setObjectName("phoneStatus")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color:#455a64;")
        layout.addWidget(self.status, 1)
        self._silence = QTimer(self)
        self._silence.setSingleShot(True)
        self._silence.setInterval(SILENCE_MS)
        self._silence.timeout.connect(self._no_word)
        self._show_status()
        self._load()

    # ------------------------------------------------------------------ set-up
    def _load(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor

        def failed(error: OpError) -> None:
            log.warning("phone settings could not be read: %s", error.error)
            self._use(desk.DeskPhone(desk.config.PhoneConfig(), None))

        self._ops.op(lambda _c: desk.desk_phone(db, actor)).success(self._use).failure(
            failed).run()

    def _use(self, setup: desk.DeskPhone) -> None:
        phone = desk.open_phone(setup, open_uri=self._open_uri)
        bridge = PhoneBridge(self.ctx.db, self.ctx.actor, phone, self)
        bridge.answered.connect(self._answered)
        bridge.ended.connect(self._ended)
        bridge.ringing.connect(self._heard)
        bridge.recording.connect(lambda call_id, _path: self._heard(call_id))
        bridge.failed.connect(self._failed)
        bridge.connection_changed.connect(lambda *_a: self._show_status())
        self.bridge, self.adapter = bridge, setup.adapter
        bridge.start()
        self._show_status()
        if self._pending_dial is not None:
            call_id, number = self._pending_dial
            self._pending_dial = None
            self.dial(call_id, number)

    def ready(self) -> bool:
        return self.bridge is not None

    def reports_events(self) -> bool:
        return self.bridge is not None and self.bridge.reports_events

    # ------------------------------------------------------------------ actions
    def pre_dial(self, number: str) -> None:
        """Called before the call is stored: a manual phone gets its ``tel:`` link now."""
        if (self.bridge is None or self.bridge.manual) and self._open_uri is not None:
            self._open_uri(tel_uri(number))

    def dial(self, call_id: int, number: str) -> None:
        """The call exists: a phone system dials it now and reports on it."""
        if self.bridge is None:
            self._pending_dial = (call_id, number)
            return
        self.call_id, self.heard, self.silent = call_id, False, False
        self.bridge.dial(call_id, number)
        if self.bridge.reports_events:
            self._silence.start()
        self._show_status()

    def hangup(self, call_id: int) -> None:
        if self.bridge is not None:
            self.bridge.hangup(call_id)

    def finished(self) -> None:
        """The call's outcome is stored: stop following it."""
        self.call_id, self.heard, self.silent = None, False, False
        self._silence.stop()
        if self.bridge is not None:
            self.bridge.watch(None)
        self._show_status()

    def close_phone(self) -> None:
        self._silence.stop()
        if self.bridge is not None:
            self.bridge.close()

    # ------------------------------------------------------------------ events
    def _heard(self, call_id: int) -> None:
        if call_id == self.call_id:
            self.heard, self.silent = True, False
            self._silence.stop()
            self._show_status()

    def _answered(self, call_id: int, at: datetime) -> None:
        self._heard(call_id)
        if call_id == self.call_id:
            self.answered.emit(call_id, at)

    def _ended(self, call_id: int, cause: str, proposal: str | None) -> None:
        self._heard(call_id)
        if call_id == self.call_id:
            self.ended.emit(call_id, cause, proposal)

    def _failed(self, exc: BaseException) -> None:
        self.problem.emit(vocab.error_text(exc))
        self._show_status()

    def _no_word(self) -> None:
        if self.call_id is not None and not self.heard:
            self.silent = True
            self._show_status()

    # ------------------------------------------------------------------ text
    def changeEvent(self, event: QEvent) -> None:
        """A live language switch rewords the phone's status line."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "status"):
            self._show_status()

    def _show_status(self) -> None:
        bridge = self.bridge
        name = adapter_name(self.adapter)
        if bridge is None:
            text = self.tr("Phone: {name}").format(name=name)
        elif bridge.manual or not bridge.reports_events:
            text = self.tr("Phone: {name}. It does not report calls: press Answered when the"
                           " customer picks up and Hang up at the end.").format(name=name)
        elif self.silent:
            text = self.tr("Phone: {name}. No word from the phone system yet: if the customer"
                           " answered, press Answered; Hang up ends the call here."
                           ).format(name=name)
        elif bridge.phone.events_in_process and not bridge.connected:
            detail = bridge.connection_detail
            text = (self.tr("Phone: {name}, not connected ({detail}). The Answered and Hang up"
                            " buttons work by hand.").format(name=name, detail=detail)
                    if detail else self.tr("Phone: {name}, connecting…").format(name=name))
        else:
            text = self.tr("Phone: {name}. Answer and hang-up are detected; the buttons"
                           " override.").format(name=name)
        self.status.setText(text)
        self.status.setProperty("silent", self.silent)

    def can(self, capability: Capability) -> bool:
        return self.bridge is not None and self.bridge.can(capability)
