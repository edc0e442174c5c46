"""Asterisk (FreePBX, Issabel …) over the Asterisk Manager Interface, through pystrix.

Dialling originates a call to the agent's own extension; when the agent picks up,
Asterisk runs the dial context with the customer's number on that same channel. The
originated channel gets the app's own id (``ChannelId=winback-<call>``), so it is the
channel whose ``Uniqueid`` is that id, and every channel Asterisk creates for the call
carries the id as its ``Linkedid``: events are matched to the call without guessing.

Which events mean what (checked against recorded Asterisk event sequences, see
``tests/telephony/ami_fixtures``):

* ``DialEnd`` without a calling channel and ``DestUniqueid`` = our id is the agent's
  phone answering the originate (anything but ANSWER: the agent's phone failed);
* ``DialBegin`` whose calling ``Uniqueid`` is our id: the customer's phone is ringing;
* ``DialEnd`` whose calling ``Uniqueid`` is our id: ``ANSWER`` is the customer answering;
  BUSY, NOANSWER, CANCEL, CONGESTION, CHANUNAVAIL end it unanswered. Other DialEnd
  events of the call are legs of the PBX's own routing (local channels, the agent's
  desk phone behind a local channel) and say nothing about the customer;
* after the answer, the first ``Hangup`` of a real (non-``Local/``) channel tells who
  hung up: a channel created after the agent picked up is on the customer's side, our
  channel or an older one is the agent's. ``Local/`` channels hang up whenever Asterisk
  optimises them away, so they decide nothing.

``MixMonitor`` records both sides into a folder on the PBX that IT shares with the
workstations (``ami_record_dir`` seen as ``ami_record_share``). A supervisor listens,
whispers or barges by ``ChanSpy`` originated to their own extension (options ``qEb``,
``qEbw``, ``qEbB``: quiet, no beep, only the bridged call; ``w`` whisper, ``B`` barge).
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from pathlib import PureWindowsPath
from typing import Any

from winback_desktop.services.telephony.config import PhoneConfig
from winback_desktop.services.telephony.interface import (
    Capability,
    ConnectionCheck,
    EndCause,
    EventKind,
    MonitorMode,
    PhoneEvent,
    PhoneUnreachable,
    Telephony,
    TelephonyError,
    utc_now,
)

log = logging.getLogger(__name__)

CHANNEL_PREFIX = "winback-"
SPY_OPTIONS = {MonitorMode.LISTEN: "qEb", MonitorMode.WHISPER: "qEbw",
               MonitorMode.BARGE: "qEbB"}
DIAL_STATUS = {"BUSY": EndCause.BUSY, "NOANSWER": EndCause.NO_ANSWER,
               "CANCEL": EndCause.NO_ANSWER, "CONGESTION": EndCause.FAILED,
               "CHANUNAVAIL": EndCause.FAILED}


def channel_id(call_id: int) -> str:
    return f"{CHANNEL_PREFIX}{call_id}"


def call_of(linkedid: str | None) -> int | None:
    if not linkedid or not linkedid.startswith(CHANNEL_PREFIX):
        return None
    tail = linkedid[len(CHANNEL_PREFIX):]
    return int(tail) if tail.isdigit() else None


def recording_path(share: str, record_dir: str, name: str) -> str:
    """Where this PC sees MixMonitor's file (a Windows share, a mount, or the PBX path)."""
    if not share:
        return f"{record_dir.rstrip('/')}/{name}"
    if "\\" in share:
        return str(PureWindowsPath(share) / name)
    return f"{share.rstrip('/')}/{name}"


class _EofRaises:
    """pystrix reads AMI lines from a socket file; this one makes an end of file an error.

    pystrix 1.3 treats the empty read at a closed connection as an empty line, loops on
    it at full speed and keeps saying it is connected; raising ``OSError`` instead takes
    its own "connection broken" path (the reader stops, ``is_connected`` turns false),
    and so does reading from the file after we closed it ourselves.
    """

    def __init__(self, file: Any) -> None:
        self._file = file

    def readline(self) -> bytes:
        try:
            line: bytes = self._file.readline()
        except ValueError as exc:  # the file was closed under the reader
            raise ConnectionAbortedError(str(exc)) from exc
        if not line:
            raise ConnectionResetError("the phone system closed the connection")
        return line

    def close(self) -> None:
        self._file.close()


def _manager() -> Any:
    from pystrix.ami import Manager, ami

    class EofAwareManager(Manager):  # type: ignore[misc]
        def connect(self, host: str, port: int = 5038, timeout: float = 5) -> None:
            self.disconnect()
            with self._connection_lock:
                connection = ami._SynchronisedSocket(host=host, port=port, timeout=timeout)
                connection._socket_file = _EofRaises(connection._socket_file)
                self._connection = connection
                self._message_reader = ami._MessageReader(self, self._orphaned_response_timeout)
                self._message_reader.start()

    return EofAwareManager(logger=log)


@dataclass
class _Leg:
    call_id: int
    origin: str
    channel: str | None = None  # our channel's name, for Hangup and MixMonitor
    agent_up: bool = False
    dialling: bool = False
    answered: bool = False
    ended: bool = False
    hangup_requested: bool = False
    recording: str | None = None
    customer_side: set[str] = field(default_factory=set)
    ring_timer: threading.Timer | None = None

    def stop_timer(self) -> None:
        if self.ring_timer is not None:
            self.ring_timer.cancel()
            self.ring_timer = None


class AmiPhone(Telephony):
    name = "ami"
    capabilities = frozenset({Capability.DIAL, Capability.HANGUP, Capability.EVENTS,
                              Capability.RECORDING, Capability.LISTEN, Capability.WHISPER,
                              Capability.BARGE})

    def __init__(self, config: PhoneConfig, secret: str, extension: str | None = None,
                 timeout_s: float = 5.0) -> None:
        super().__init__()
        self.config = config
        self.secret = secret
        self.extension = extension
        self.timeout_s = timeout_s
        self._manager: Any = None
        self._banner = ""
        self._legs: dict[int, _Leg] = {}
        self._lock = threading.RLock()

    @property
    def where(self) -> str:
        return f"{self.config.ami_host}:{self.config.ami_port}"

    @property
    def connected(self) -> bool:
        return bool(self._manager is not None and self._manager.is_connected())

    # ------------------------------------------------------------------ connection
    def connect(self) -> None:
        if self.connected:
            return
        from pystrix.ami import core

        if not self.config.ami_host:
            raise PhoneUnreachable(where="-", detail="no AMI host is set")
        manager = _manager()
        try:
            manager.connect(self.config.ami_host, int(self.config.ami_port),
                            timeout=self.timeout_s)
            reply = manager.send_action(core.Login(self.config.ami_user, self.secret))
        except core.ManagerAuthError as exc:
            manager.close()
            raise TelephonyError(detail=str(exc) or "login refused") from exc
        except Exception as exc:  # pystrix raises its own socket errors
            manager.close()
            raise PhoneUnreachable(where=self.where, detail=str(exc)) from exc
        if reply is None or not reply.success:
            manager.close()
            message = reply.response.get("Message") if reply is not None else "timeout"
            raise PhoneUnreachable(where=self.where, detail=str(message))
        info = manager.get_asterisk_info() or ("", "")
        self._banner = " ".join(x for x in info if x and x != "<unknown>")
        manager.register_callback("", self._on_event)
        self._manager = manager

    def close(self) -> None:
        with self._lock:
            for leg in self._legs.values():
                leg.stop_timer()
        manager, self._manager = self._manager, None
        if manager is None:
            return
        if manager.is_connected():
            try:
                from pystrix.ami import core

                manager.send_action(core.Logoff())
            except Exception:  # already gone: closing is all that is left
                log.debug("AMI logoff failed", exc_info=True)
        manager.close()

    def test_connection(self) -> ConnectionCheck:
        try:
            self.connect()
            from pystrix.ami import core

            self._send(core.Ping())
        except TelephonyError as exc:
            return ConnectionCheck(False, exc.render())
        return ConnectionCheck(True, self._banner or self.where,
                               {"where": self.where, "server": self._banner})

    def _send(self, request: Any) -> Any:
        if not self.connected:
            self.connect()
        try:
            reply = self._manager.send_action(request)
        except Exception as exc:
            raise PhoneUnreachable(where=self.where, detail=str(exc)) from exc
        if reply is None:
            raise PhoneUnreachable(where=self.where, detail="no answer")
        if not reply.success:
            raise TelephonyError(detail=str(reply.response.get("Message") or request["Action"]))
        return reply

    def _endpoint(self, extension: str) -> str:
        return self.config.ami_channel.format(extension=extension)

    # ------------------------------------------------------------------------ calls
    def dial(self, call_id: int, number: str) -> None:
        from pystrix.ami import core

        if not self.extension:
            raise TelephonyError(detail="no extension is set for this agent")
        request = core.Originate_Context(
            self._endpoint(self.extension), self.config.ami_context, number, 1,
            timeout=int(self.config.ring_timeout_s) * 1000,
            callerid=f'"Winback" <{number}>', variables={"WINBACK_CALL": str(call_id)})
        request["ChannelId"] = channel_id(call_id)
        # pystrix would wait the whole ring time for the reply; Async answers at once
        request.timeout = self.timeout_s * 1000
        with self._lock:
            self._legs[call_id] = _Leg(call_id, channel_id(call_id))
        try:
            self._send(request)
        except TelephonyError:
            with self._lock:
                self._legs.pop(call_id, None)
            raise

    def hangup(self, call_id: int) -> None:
        with self._lock:
            leg = self._legs.get(call_id)
            if leg is None or leg.ended:
                return
            leg.hangup_requested = True
            channel = leg.channel
        if channel:  # else it is hung up as soon as Asterisk names it
            self._hangup_channel(channel)

    def _hangup_channel(self, channel: str) -> None:
        from pystrix.ami import ami

        # not pystrix's core.Hangup: it waits for a Hangup event bound to its ActionID,
        # which Asterisk never sends, so every hang-up would take the full timeout
        request = ami._Request("Hangup")
        request["Channel"] = channel
        self._send(request)

    def monitor(self, agent_extension: str, supervisor_extension: str,
                mode: MonitorMode) -> None:
        from pystrix.ami import core

        request = core.Originate_Application(
            self._endpoint(supervisor_extension), "ChanSpy",
            (self._endpoint(agent_extension), SPY_OPTIONS[mode]),
            timeout=30000, callerid=f'"Winback {mode.value}" <{agent_extension}>')
        request.timeout = self.timeout_s * 1000
        self._send(request)

    def _record(self, leg: _Leg, channel: str) -> None:
        from pystrix.ami import ami

        name = f"call-{leg.call_id}.wav"
        request = ami._Request("MixMonitor")
        request["Channel"] = channel
        request["File"] = f"{self.config.ami_record_dir.rstrip('/')}/{name}"
        request["Options"] = "b"
        try:
            self._send(request)
        except TelephonyError:
            log.warning("MixMonitor refused for call %s", leg.call_id, exc_info=True)
            return
        with self._lock:
            leg.recording = recording_path(self.config.ami_record_share,
                                           self.config.ami_record_dir, name)

    def _ring_timeout(self, call_id: int) -> None:
        with self._lock:
            leg = self._legs.get(call_id)
            if leg is None or leg.answered or leg.ended:
                return
        try:
            self.hangup(call_id)
        except TelephonyError:
            log.warning("could not cancel call %s after the ring timeout", call_id,
                        exc_info=True)

    # ----------------------------------------------------------------------- events
    def _on_event(self, event: Any, _manager: Any) -> None:
        call_id = call_of(event.get("Linkedid") or event.get("DestLinkedid"))
        if call_id is None:
            return
        at = utc_now()
        with self._lock:
            leg = self._legs.get(call_id)
            if leg is None or leg.ended:
                return
            out, after = self._read(leg, event, at)
            if leg.ended:
                leg.stop_timer()
                self._legs.pop(call_id, None)
        for phone_event in out:
            self.emit(phone_event)
        for action in after:
            action()

    def _read(self, leg: _Leg, event: Any, at: Any
              ) -> tuple[list[PhoneEvent], list[Any]]:
        """What one AMI event means for the call (caller holds the lock)."""
        name, uid = event.name, event.get("Uniqueid")
        out: list[PhoneEvent] = []
        after: list[Any] = []

        def ended(cause: EndCause, detail: str) -> None:
            leg.ended = True
            out.append(PhoneEvent(EventKind.ENDED, leg.call_id, at, self.name, cause=cause,
                                  detail=detail))

        if name == "Newchannel":
            if uid == leg.origin:
                leg.channel = str(event.get("Channel", ""))
                if leg.hangup_requested and leg.channel:
                    channel = leg.channel
                    after.append(lambda: self._hangup_channel(channel))
            elif leg.agent_up and uid:
                leg.customer_side.add(uid)
        elif name == "DialBegin" and uid == leg.origin and not leg.dialling:
            leg.dialling = True
            out.append(PhoneEvent(EventKind.RINGING, leg.call_id, at, self.name,
                                  detail=str(event.get("DialString", ""))))
            timer = threading.Timer(float(self.config.ring_timeout_s), self._ring_timeout,
                                    args=(leg.call_id,))
            timer.daemon = True
            leg.ring_timer = timer
            timer.start()
        elif name == "DialEnd":
            status = str(event.get("DialStatus", "")).upper()
            if not uid and event.get("DestUniqueid") == leg.origin:
                if status == "ANSWER":
                    leg.agent_up = True
                else:  # the agent's own phone did not pick up
                    ended(EndCause.NO_ANSWER if leg.hangup_requested else EndCause.FAILED,
                          f"agent phone {status}")
            elif uid == leg.origin:
                leg.stop_timer()
                if status == "ANSWER" and not leg.answered:
                    leg.answered = True
                    out.append(PhoneEvent(EventKind.ANSWERED, leg.call_id, at, self.name,
                                          external_id=event.get("DestUniqueid")))
                    if leg.channel:
                        channel = leg.channel
                        after.append(lambda: self._record(leg, channel))
                elif status in DIAL_STATUS:
                    ended(EndCause.NO_ANSWER if leg.hangup_requested else DIAL_STATUS[status],
                          status)
        elif name == "Hangup":
            channel = str(event.get("Channel", ""))
            detail = str(event.get("Cause-txt", ""))
            if leg.answered and (uid == leg.origin or not channel.startswith("Local/")):
                customer = uid in leg.customer_side and not leg.hangup_requested
                ended(EndCause.CUSTOMER_HUNG_UP if customer else EndCause.AGENT_HUNG_UP,
                      detail)
                after.append(lambda: self._report_recording(leg, at))
            elif not leg.answered and uid == leg.origin:
                ended(EndCause.NO_ANSWER if leg.hangup_requested else EndCause.FAILED, detail)
        elif name in ("Hold", "Unhold") and leg.answered:
            kind = EventKind.HOLD if name == "Hold" else EventKind.RESUMED
            out.append(PhoneEvent(kind, leg.call_id, at, self.name))
        return out, after

    def _report_recording(self, leg: _Leg, at: Any) -> None:
        if leg.recording:
            self.emit(PhoneEvent(EventKind.RECORDING, leg.call_id, at, self.name,
                                 path=leg.recording))
