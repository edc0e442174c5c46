"""One telephony interface over the team's own phone system (issue 20).

Plain Python, no Qt: an adapter dials, hangs up, lets a supervisor listen in, and
reports what the phone system saw as ``PhoneEvent`` values to its subscribers, from
whatever thread it reads the phone system on. The GUI turns events into Qt signals
(``ui/screens/phone/bridge.py``); ``services.telephony.events`` records them on the call.

Capabilities say what an adapter can do, so screens show only the buttons that work
(a manual ``tel:`` link cannot report that the customer answered; only a PBX can let a
supervisor listen to a call).
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum

from winback_desktop.core.errors import WinbackError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP


class Capability(StrEnum):
    DIAL = "dial"
    HANGUP = "hangup"
    EVENTS = "events"
    RECORDING = "recording"
    #: the app puts the customer on hold and takes them back (hold time is measured)
    HOLD = "hold"
    LISTEN = "listen"
    WHISPER = "whisper"
    BARGE = "barge"


class EventKind(StrEnum):
    RINGING = "ringing"
    ANSWERED = "answered"
    ENDED = "ended"
    RECORDING = "recording"
    HOLD = "hold"
    RESUMED = "resumed"


class EndCause(StrEnum):
    BUSY = "busy"
    NO_ANSWER = "no_answer"
    FAILED = "failed"
    CUSTOMER_HUNG_UP = "customer_hung_up"
    AGENT_HUNG_UP = "agent_hung_up"
    #: the call was answered and ended, but the phone system does not say who hung up
    #: (MicroSIP's cmdCallEnd); never guessed as one side or the other
    HUNG_UP = "hung_up"


#: causes that mean the customer never came on the line
UNANSWERED = frozenset({EndCause.BUSY, EndCause.NO_ANSWER, EndCause.FAILED})


class MonitorMode(StrEnum):
    LISTEN = "listen"
    WHISPER = "whisper"
    BARGE = "barge"


MONITOR_CAPABILITY = {MonitorMode.LISTEN: Capability.LISTEN,
                      MonitorMode.WHISPER: Capability.WHISPER,
                      MonitorMode.BARGE: Capability.BARGE}


class TelephonyError(WinbackError):
    default_text = QT_TRANSLATE_NOOP("Errors", "The phone system refused: {detail}")


class PhoneUnreachable(TelephonyError):
    default_text = QT_TRANSLATE_NOOP(
        "Errors", "The phone system at {where} does not answer ({detail}).")


class NotSupported(TelephonyError):
    default_text = QT_TRANSLATE_NOOP(
        "Errors", "The {adapter} phone connection does not offer this.")


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class PhoneEvent:
    """Something the phone system saw, for the app's call ``call_id``.

    ``at`` is when the phone system saw it (the adapter's reading time, or the hook's
    start), never when the database got round to storing it.
    """

    kind: EventKind
    call_id: int
    at: datetime
    source: str
    cause: EndCause | None = None
    detail: str = ""
    path: str | None = None
    external_id: str | None = None


EventSink = Callable[[PhoneEvent], None]


@dataclass(frozen=True, slots=True)
class ConnectionCheck:
    """The answer of a connection test, for the settings dialog and ``phone status``."""

    ok: bool
    detail: str
    facts: dict[str, str] = field(default_factory=dict)


class Telephony(ABC):
    """What every adapter offers; unsupported actions raise ``NotSupported``."""

    #: short stable name used in settings, events and ``phone status``
    name: str = ""
    capabilities: frozenset[Capability] = frozenset()
    #: False when the phone system reports to another process (MicroSIP runs
    #: ``winback phone hook``): the events are stored there and screens poll the call
    events_in_process: bool = True

    def __init__(self) -> None:
        self._sinks: list[EventSink] = []
        self._sinks_lock = threading.Lock()

    # -- events
    def subscribe(self, sink: EventSink) -> None:
        with self._sinks_lock:
            if sink not in self._sinks:
                self._sinks.append(sink)

    def unsubscribe(self, sink: EventSink) -> None:
        with self._sinks_lock:
            if sink in self._sinks:
                self._sinks.remove(sink)

    def emit(self, event: PhoneEvent) -> None:
        with self._sinks_lock:
            sinks = list(self._sinks)
        for sink in sinks:
            sink(event)

    def can(self, capability: Capability) -> bool:
        return capability in self.capabilities

    # -- connection
    def connect(self) -> None:  # noqa: B027 - adapters without a connection keep this
        """Open the connection to the phone system (no-op for connectionless adapters)."""

    def close(self) -> None:  # noqa: B027
        """Release the connection; safe to call twice."""

    @property
    def connected(self) -> bool:
        return True

    @abstractmethod
    def test_connection(self) -> ConnectionCheck:
        """Try the configured connection without dialling anyone."""

    # -- calls
    @abstractmethod
    def dial(self, call_id: int, number: str) -> None:
        """Call ``number`` for the app's call ``call_id`` (events carry that id)."""

    def hangup(self, call_id: int) -> None:
        raise NotSupported(adapter=self.name, action="hang up")

    def hold(self, call_id: int, on: bool) -> None:
        """Put the customer of ``call_id`` on hold (``on``) or take them back; the
        adapter reports ``hold`` / ``resumed`` events with the time the phone did it."""
        raise NotSupported(adapter=self.name, action="hold")

    def monitor(self, agent_extension: str, supervisor_extension: str,
                mode: MonitorMode) -> None:
        """Ring the supervisor's phone and join the agent's live call in ``mode``."""
        raise NotSupported(adapter=self.name, action=mode.value)
