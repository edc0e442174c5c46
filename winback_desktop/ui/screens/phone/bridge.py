"""The Qt side of the telephony interface: phone events become signals on the GUI thread.

An adapter reports from its own reader thread (baresip's control socket, the AMI
connection). The bridge hands every event to one worker thread that records it through
``services.telephony.events`` (so the call moves even when no screen looks) and then
emits ``answered``/``ended``/``ringing``/``recording``; Qt queues those to the GUI
thread. Dialling, hanging up, monitoring and connecting run on the same worker, in
order, so the GUI never waits on the network.

MicroSIP reports to a ``winback phone hook`` process instead; for such adapters the
bridge polls the watched call once a second (``services.telephony.desk``) and emits the
same signals once.

Signals are emitted on a parentless carrier that lives as long as the worker: a screen
closed mid-call takes the bridge with it, and the worker then emits into nothing.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from winback_desktop.core.errors import WinbackError
from winback_desktop.services.context import Actor
from winback_desktop.services.database import Database
from winback_desktop.services.telephony import desk, events, hook
from winback_desktop.services.telephony.hook_channel import HookListener
from winback_desktop.services.telephony.interface import (
    Capability,
    EventKind,
    MonitorMode,
    PhoneEvent,
    Telephony,
)
from winback_desktop.services.telephony.manual import ManualPhone
from winback_desktop.ui.kit.service_op import retry_when_locked

log = logging.getLogger(__name__)

POLL_MS = 1000


class _Carrier(QObject):
    """Emitted on from the worker thread; never a child of a widget."""

    answered = Signal(int, object)           # call id, when (aware datetime)
    ended = Signal(int, str, object)         # call id, end cause, proposed disposition
    ringing = Signal(int)
    recording = Signal(int, str)
    failed = Signal(object)                  # the exception, already translated text
    connection = Signal(bool, str)
    polled = Signal(object)                  # desk.CallPhoneState


class PhoneBridge(QObject):
    """One adapter for one signed-in user, driven from the GUI without blocking it."""

    answered = Signal(int, object)
    ended = Signal(int, str, object)
    ringing = Signal(int)
    recording = Signal(int, str)
    failed = Signal(object)
    connection_changed = Signal(bool, str)

    def __init__(self, db: Database, actor: Actor, phone: Telephony,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.phone = db, actor, phone
        self.connected = False
        self.connection_detail = ""
        self._jobs: queue.SimpleQueue[Callable[[], None] | None] = queue.SimpleQueue()
        carrier = self._carrier = _Carrier()
        carrier.answered.connect(self.answered)
        carrier.ended.connect(self.ended)
        carrier.ringing.connect(self.ringing)
        carrier.recording.connect(self.recording)
        carrier.failed.connect(self.failed)
        carrier.connection.connect(self._connection)
        carrier.polled.connect(self._polled)
        self._worker = threading.Thread(target=_work, args=(self._jobs, carrier),
                                        name=f"phone-{phone.name}", daemon=True)
        self._worker.start()
        self._watched: int | None = None
        self._seen_answer: set[int] = set()
        self._seen_end: set[int] = set()
        self._polling = False
        self._poll_timer = QTimer(self)
        self._poll_timer.setInterval(POLL_MS)
        self._poll_timer.timeout.connect(self._poll)
        self._closed = False
        self._listener: HookListener | None = None
        phone.subscribe(self._on_event)

    # ------------------------------------------------------------------ what it can
    @property
    def name(self) -> str:
        return self.phone.name

    def can(self, capability: Capability) -> bool:
        return self.phone.can(capability)

    @property
    def reports_events(self) -> bool:
        return self.phone.can(Capability.EVENTS)

    @property
    def manual(self) -> bool:
        return isinstance(self.phone, ManualPhone)

    # ------------------------------------------------------------------ actions
    def start(self) -> None:
        """Connect in the background; ``connection_changed`` tells the outcome.

        A softphone that reports through ``winback phone hook`` (MicroSIP) gets this
        app as its listener, so the hook returns at once and records on this app's
        database (see ``services.telephony.hook_channel``).
        """
        phone, carrier = self.phone, self._carrier
        if self.reports_events and not phone.events_in_process and self._listener is None:
            try:
                self._listener = hook.listen(self.db, self.actor)
            except (OSError, WinbackError) as exc:  # the hook opens the database itself
                log.warning("phone hook listener not started: %s", exc)

        def connect() -> None:
            try:
                phone.connect()
            except WinbackError as exc:
                carrier.connection.emit(False, exc.render())
                return
            carrier.connection.emit(True, "")

        self._jobs.put(connect)

    def pre_dial(self, number: str) -> None:
        """Before the call exists: the manual adapter hands the number to the desktop
        now (opening a ``tel:`` link is GUI work); the others dial once it exists."""
        if self.manual:
            self.phone.dial(0, number)

    def dial(self, call_id: int, number: str) -> None:
        """Dial ``number`` for the app's call; events will carry ``call_id``."""
        self.watch(call_id)
        if self.manual:
            return
        phone, carrier = self.phone, self._carrier

        def dial() -> None:
            try:
                if not phone.connected:
                    phone.connect()
                phone.dial(call_id, number)
            except WinbackError as exc:
                carrier.failed.emit(exc)

        self._jobs.put(dial)

    def hangup(self, call_id: int) -> None:
        if self.manual or not self.can(Capability.HANGUP):
            return
        phone, carrier = self.phone, self._carrier

        def hangup() -> None:
            try:
                phone.hangup(call_id)
            except WinbackError as exc:
                carrier.failed.emit(exc)

        self._jobs.put(hangup)

    def run(self, fn: Callable[[Telephony], Any], on_error: Callable[[BaseException], None]
            | None = None) -> None:
        """Run ``fn(adapter)`` on the worker (a supervisor's monitor request)."""
        phone, carrier = self.phone, self._carrier

        def job() -> None:
            try:
                fn(phone)
            except WinbackError as exc:
                carrier.failed.emit(exc)

        self._jobs.put(job)

    def monitor(self, agent_extension: str, supervisor_extension: str,
                mode: MonitorMode) -> None:
        self.run(lambda p: p.monitor(agent_extension, supervisor_extension, mode))

    def watch(self, call_id: int | None) -> None:
        """Follow this call: for out-of-process events, poll it until it ends."""
        self._watched = call_id
        if call_id is not None and self.reports_events and not self.phone.events_in_process:
            self._poll_timer.start()
        else:
            self._poll_timer.stop()

    def close(self) -> None:
        """Stop listening and release the connection (in the background)."""
        if self._closed:
            return
        self._closed = True
        self._poll_timer.stop()
        if self._listener is not None:
            self._listener.close()
            self._listener = None
        self.phone.unsubscribe(self._on_event)
        phone = self.phone
        self._jobs.put(phone.close)
        self._jobs.put(None)

    # ------------------------------------------------------------------ events
    def _on_event(self, event: PhoneEvent) -> None:
        """On the adapter's thread: record on the worker, in arrival order."""
        db, actor, carrier = self.db, self.actor, self._carrier

        def record() -> None:
            try:
                outcome = retry_when_locked(lambda: events.record_event(db, actor, event))
            except WinbackError as exc:
                log.warning("phone event %s of call %s not recorded: %s", event.kind,
                            event.call_id, exc)
                carrier.failed.emit(exc)
                return
            except Exception as exc:  # keep the worker alive; the log has the trace
                log.exception("phone event %s of call %s failed", event.kind, event.call_id)
                carrier.failed.emit(exc)
                return
            if not outcome.applied:
                return
            _emit_outcome(carrier, event, outcome)

        self._jobs.put(record)

    def _connection(self, ok: bool, detail: str) -> None:
        self.connected, self.connection_detail = ok, detail
        self.connection_changed.emit(ok, detail)

    def _poll(self) -> None:
        call_id = self._watched
        if call_id is None or self._polling or self._closed:
            return
        self._polling = True
        db, actor, carrier = self.db, self.actor, self._carrier

        def poll() -> None:
            try:
                carrier.polled.emit(desk.call_phone_state(db, actor, call_id))
            except Exception as exc:  # a poll that fails is tried again next second
                log.debug("polling call %s failed: %s", call_id, exc)
                carrier.polled.emit(None)

        self._jobs.put(poll)

    def _polled(self, state: desk.CallPhoneState | None) -> None:
        self._polling = False
        if state is None or state.call_id != self._watched:
            return
        if state.answered_by_phone and state.call_id not in self._seen_answer:
            self._seen_answer.add(state.call_id)
            self.answered.emit(state.call_id, state.answered_at)
        if state.ended_by_phone and state.call_id not in self._seen_end:
            self._seen_end.add(state.call_id)
            proposal = events.proposed_disposition(state.end_cause,
                                                   state.answered_at is not None)
            self.ended.emit(state.call_id, state.end_cause or "",
                            proposal.value if proposal else None)
            self.watch(None)


def _emit_outcome(carrier: _Carrier, event: PhoneEvent, outcome: events.EventOutcome) -> None:
    if event.kind is EventKind.ANSWERED and outcome.answered_at is not None:
        carrier.answered.emit(event.call_id, outcome.answered_at)
    elif event.kind is EventKind.ENDED:
        proposal = outcome.proposed_disposition
        carrier.ended.emit(event.call_id, outcome.end_cause or "",
                           proposal.value if proposal else None)
    elif event.kind is EventKind.RINGING:
        carrier.ringing.emit(event.call_id)
    elif event.kind is EventKind.RECORDING and event.path:
        carrier.recording.emit(event.call_id, event.path)


def _work(jobs: queue.SimpleQueue[Callable[[], None] | None], carrier: _Carrier) -> None:
    """The bridge's worker: one job at a time until told to stop.

    ``carrier`` is an argument only so the worker keeps it alive as long as a job may
    still emit on it.
    """
    while True:
        job = jobs.get()
        if job is None:
            return
        try:
            job()
        except Exception:
            log.exception("phone job failed")


def age_seconds(at: datetime | None, now: datetime) -> float:
    """How long ago the phone system saw something (never negative)."""
    if at is None:
        return 0.0
    return max(0.0, (now - at).total_seconds())
