"""baresip over its ``ctrl_tcp`` interface: the reference adapter.

baresip's ctrl_tcp module speaks netstring-framed JSON (``12:{"a":"b"},``): commands
``{"command": "dial", "params": "...", "token": "..."}`` answered by
``{"response": true, "ok": ..., "data": ..., "token": ...}``, and events
``{"event": true, "type": "CALL_ESTABLISHED", "id": "<SIP Call-ID>", "param": ...}``.
The close reason of ``CALL_CLOSED`` tells the end apart: ``"486 Busy Here"`` (any SIP
status and phrase the far end sent), ``"Connection reset by peer"`` (the customer sent
BYE), ``"Connection reset by user"`` (we hung up or cancelled).

Recording: baresip's ``sndfile`` filter writes ``dump-<local time>-enc.wav`` (what the
agent said) and ``-dec.wav`` (what the customer said) into its ``snd_path``; after the
call they are renamed ``call-<id>-agent.wav`` / ``-customer.wav`` and reported.

Hold: baresip 1.0.0 (Debian's ``baresip-core``) sends no event for it. Its ``hold`` and
``resume`` commands (menu module) call ``call_hold()``, which only re-INVITEs with
``a=sendonly`` and logs a line; the only events around it are ``CALL_REMOTE_SDP``
(class ``other``, for any media update) and ``callstat``/``listcalls`` print
"(on hold)". So the app holds through this adapter (``hold``) and reports ``hold`` /
``resumed`` itself once baresip accepted the command; a call that ends on hold is
resumed at its end, so its hold time counts.
"""

from __future__ import annotations

import contextlib
import json
import logging
import socket
import threading
import time
import wave
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from winback_desktop.services.telephony.interface import (
    Capability,
    ConnectionCheck,
    EndCause,
    EventKind,
    PhoneEvent,
    PhoneUnreachable,
    Telephony,
    TelephonyError,
    utc_now,
)

log = logging.getLogger(__name__)

Connector = Callable[[], socket.socket]

#: SIP statuses that mean "busy" (486 Busy Here, 600 Busy Everywhere, 603 Decline)
BUSY_CODES = frozenset({"486", "600", "603"})
#: SIP statuses that mean nobody answered (408 Request Timeout, 480 Temporarily
#: Unavailable, 487 Request Terminated)
NO_ANSWER_CODES = frozenset({"408", "480", "487"})
REMOTE_BYE = "connection reset by peer"


def encode_netstring(payload: dict[str, Any]) -> bytes:
    body = json.dumps(payload, ensure_ascii=False).encode()
    return str(len(body)).encode() + b":" + body + b","


class NetstringReader:
    """Splits a byte stream into netstring payloads (partial frames are kept)."""

    def __init__(self) -> None:
        self._buf = b""

    def feed(self, data: bytes) -> list[bytes]:
        self._buf += data
        out: list[bytes] = []
        while True:
            colon = self._buf.find(b":")
            if colon < 0:
                return out
            length = int(self._buf[:colon] or b"0")
            end = colon + 1 + length
            if len(self._buf) < end + 1:
                return out
            out.append(self._buf[colon + 1:end])
            self._buf = self._buf[end + 1:]


def end_cause(reason: str, answered: bool, we_hung_up: bool) -> EndCause:
    """The end cause from baresip's close reason and what the app itself did."""
    if we_hung_up:
        return EndCause.AGENT_HUNG_UP if answered else EndCause.NO_ANSWER
    code = reason.split(" ", 1)[0]
    if code in BUSY_CODES:
        return EndCause.BUSY
    if code in NO_ANSWER_CODES:
        return EndCause.NO_ANSWER
    if answered:
        # after answer only the far end's BYE closes the call without us asking; a
        # media failure mid-call still ended the conversation on the customer's side
        return EndCause.CUSTOMER_HUNG_UP if reason.lower() == REMOTE_BYE else EndCause.FAILED
    return EndCause.FAILED


@dataclass
class _Active:
    call_id: int
    number: str
    dialled_at: float  # wall-clock seconds, to find this call's recordings
    sip_id: str | None = None
    answered: bool = False
    hangup_requested: bool = False
    on_hold: bool = False
    ring_timer: threading.Timer | None = None


class BaresipPhone(Telephony):
    name = "baresip"
    capabilities = frozenset({Capability.DIAL, Capability.HANGUP, Capability.EVENTS,
                              Capability.RECORDING, Capability.HOLD})

    def __init__(self, host: str = "127.0.0.1", port: int = 4444, *,
                 recordings_dir: str | Path | None = None, ring_timeout_s: float = 30.0,
                 account: str | None = None, connector: Connector | None = None,
                 command_timeout_s: float = 3.0) -> None:
        super().__init__()
        self.host, self.port = host, port
        self.recordings_dir = Path(recordings_dir) if recordings_dir else None
        self.ring_timeout_s = ring_timeout_s
        self.account = account
        self.command_timeout_s = command_timeout_s
        self._connector = connector or (lambda: socket.create_connection(
            (self.host, self.port), timeout=self.command_timeout_s))
        self._sock: socket.socket | None = None
        self._reader: threading.Thread | None = None
        self._send_lock = threading.Lock()
        self._state_lock = threading.RLock()
        self._waiting: dict[str, tuple[threading.Event, list[dict[str, Any]]]] = {}
        self._token = 0
        self._active: _Active | None = None
        self._closing = False

    # ------------------------------------------------------------------ connection
    @property
    def where(self) -> str:
        return f"{self.host}:{self.port}"

    @property
    def connected(self) -> bool:
        return self._sock is not None

    def connect(self) -> None:
        if self._sock is not None:
            return
        try:
            sock = self._connector()
        except OSError as exc:
            raise PhoneUnreachable(where=self.where, detail=str(exc)) from exc
        sock.settimeout(None)
        self._sock = sock
        self._closing = False
        self._reader = threading.Thread(target=self._read_loop, args=(sock,),
                                        name="baresip-ctrl", daemon=True)
        self._reader.start()
        if self.account:
            try:
                self.command("uanew", self.account)
            except PhoneUnreachable:
                raise
            except TelephonyError as exc:  # already registered by an earlier session
                log.info("baresip kept its account: %s", exc)

    def close(self) -> None:
        self._closing = True
        sock, self._sock = self._sock, None
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        if self._reader is not None and self._reader is not threading.current_thread():
            self._reader.join(timeout=2)
        with self._state_lock:
            if self._active and self._active.ring_timer:
                self._active.ring_timer.cancel()

    def test_connection(self) -> ConnectionCheck:
        try:
            self.connect()
            info = self.command("reginfo")
        except TelephonyError as exc:
            return ConnectionCheck(False, exc.render())
        return ConnectionCheck(True, info.strip(), {"where": self.where})

    # -------------------------------------------------------------------- commands
    def command(self, name: str, params: str | None = None) -> str:
        """Run one baresip command; returns its text, raises on refusal or silence."""
        if self._sock is None:
            self.connect()
        with self._send_lock:
            self._token += 1
            token = f"wb{self._token}"
        done = threading.Event()
        box: list[dict[str, Any]] = []
        self._waiting[token] = (done, box)
        payload: dict[str, Any] = {"command": name, "token": token}
        if params:
            payload["params"] = params
        try:
            with self._send_lock:
                assert self._sock is not None
                self._sock.sendall(encode_netstring(payload))
        except OSError as exc:
            self._waiting.pop(token, None)
            raise PhoneUnreachable(where=self.where, detail=str(exc)) from exc
        if not done.wait(self.command_timeout_s):
            self._waiting.pop(token, None)
            raise PhoneUnreachable(where=self.where, detail=f"no answer to '{name}'")
        reply = box[0]
        if not reply.get("ok", False):
            raise TelephonyError(detail=str(reply.get("data") or name))
        return str(reply.get("data") or "")

    def dial(self, call_id: int, number: str) -> None:
        with self._state_lock:
            if self._active is not None and self._active.call_id != call_id:
                raise TelephonyError(detail=f"call {self._active.call_id} is still on the line")
            self._active = _Active(call_id, number, time.time())
        try:
            self.command("dial", number)
        except TelephonyError:
            with self._state_lock:
                self._active = None
            raise
        timer = threading.Timer(self.ring_timeout_s, self._ring_timeout, args=(call_id,))
        timer.daemon = True
        with self._state_lock:
            if self._active is not None and self._active.call_id == call_id \
                    and not self._active.answered:
                self._active.ring_timer = timer
                timer.start()

    def hangup(self, call_id: int) -> None:
        with self._state_lock:
            active = self._active
            if active is None or active.call_id != call_id:
                return  # already over: hanging up twice is harmless
            active.hangup_requested = True
        self.command("hangup")

    def hold(self, call_id: int, on: bool) -> None:
        """Hold or take back the answered call; a repeat (already so) changes nothing."""
        with self._state_lock:
            active = self._active
            if active is None or active.call_id != call_id or not active.answered \
                    or active.on_hold == on:
                return
        self.command("hold" if on else "resume")
        at = utc_now()
        with self._state_lock:
            if self._active is not active:  # the call ended meanwhile
                return
            active.on_hold = on
            event = self._event(EventKind.HOLD if on else EventKind.RESUMED, active, at)
        self.emit(event)

    def _ring_timeout(self, call_id: int) -> None:
        """Nobody answered in time: the app cancels (reported as no answer)."""
        with self._state_lock:
            active = self._active
            if active is None or active.call_id != call_id or active.answered:
                return
        with contextlib.suppress(TelephonyError):
            self.hangup(call_id)

    # ---------------------------------------------------------------------- events
    def _read_loop(self, sock: socket.socket) -> None:
        reader = NetstringReader()
        while True:
            try:
                data = sock.recv(65536)
            except OSError:
                data = b""
            if not data:
                break
            for frame in reader.feed(data):
                try:
                    message = json.loads(frame)
                except ValueError:
                    log.warning("baresip sent something that is not JSON: %r", frame[:200])
                    continue
                self._dispatch(message)
        if not self._closing:
            log.warning("baresip closed the control connection")
            self._sock = None

    def _dispatch(self, message: dict[str, Any]) -> None:
        if message.get("response"):
            waiting = self._waiting.pop(str(message.get("token")), None)
            if waiting is not None:
                waiting[1].append(message)
                waiting[0].set()
            return
        if message.get("event") and message.get("class") == "call":
            self._call_event(str(message.get("type")), message)

    def _call_event(self, kind: str, message: dict[str, Any]) -> None:
        at = utc_now()
        sip_id = message.get("id")
        resumed: PhoneEvent | None = None
        with self._state_lock:
            active = self._active
            if active is None or message.get("direction") != "outgoing":
                return
            if active.sip_id is None:
                active.sip_id = sip_id
            elif sip_id and sip_id != active.sip_id:
                return  # a different call on this user agent: not ours
            event: PhoneEvent | None = None
            if kind in ("CALL_RINGING", "CALL_PROGRESS"):
                event = self._event(EventKind.RINGING, active, at)
            elif kind == "CALL_ESTABLISHED" and not active.answered:
                active.answered = True
                if active.ring_timer:
                    active.ring_timer.cancel()
                event = self._event(EventKind.ANSWERED, active, at)
            elif kind == "CALL_CLOSED":
                if active.ring_timer:
                    active.ring_timer.cancel()
                reason = str(message.get("param") or "")
                cause = end_cause(reason, active.answered, active.hangup_requested)
                if active.on_hold:  # hung up on hold: the hold lasted until the end
                    active.on_hold = False
                    resumed = self._event(EventKind.RESUMED, active, at, detail=reason)
                event = self._event(EventKind.ENDED, active, at, cause=cause, detail=reason)
                self._active = None
        if resumed is not None:
            self.emit(resumed)
        if event is not None:
            self.emit(event)
            if event.kind is EventKind.ENDED and active.answered and self.recordings_dir:
                threading.Thread(target=self._collect_recordings, args=(active,),
                                 name="baresip-recordings", daemon=True).start()

    def _event(self, kind: EventKind, active: _Active, at: datetime, **kw: Any) -> PhoneEvent:
        return PhoneEvent(kind, active.call_id, at, self.name, external_id=active.sip_id, **kw)

    def _collect_recordings(self, active: _Active) -> None:
        assert self.recordings_dir is not None
        for side, suffix in (("agent", "enc"), ("customer", "dec")):
            path = _finished_dump(self.recordings_dir, suffix, active.dialled_at)
            if path is None:
                log.warning("no %s recording of call %s in %s", side, active.call_id,
                            self.recordings_dir)
                continue
            target = path.with_name(f"call-{active.call_id}-{side}.wav")
            try:
                path.replace(target)
            except OSError:
                target = path
            self.emit(PhoneEvent(EventKind.RECORDING, active.call_id, utc_now(), self.name,
                                 detail=side, path=str(target), external_id=active.sip_id))


def _finished_dump(folder: Path, suffix: str, since: float, wait_s: float = 3.0
                   ) -> Path | None:
    """The newest ``dump-*-<suffix>.wav`` written since ``since``, once baresip closed it.

    libsndfile writes the WAV header's sizes when the file is closed, which happens
    just after the call-closed event; until then the header says 0 frames.
    """
    deadline = time.monotonic() + wait_s
    while True:
        candidates = sorted(
            (p for p in folder.glob(f"dump-*-{suffix}.wav") if p.stat().st_mtime >= since - 1),
            key=lambda p: p.stat().st_mtime)
        if candidates:
            path = candidates[-1]
            if wav_complete(path):
                return path
        if time.monotonic() > deadline:
            return candidates[-1] if candidates else None
        time.sleep(0.02)


def wav_complete(path: Path) -> bool:
    try:
        with wave.open(str(path), "rb") as w:
            frames, width, channels = w.getnframes(), w.getsampwidth(), w.getnchannels()
        return frames > 0 and path.stat().st_size >= 44 + frames * width * channels
    except (OSError, EOFError, wave.Error):
        return False


def wav_seconds(path: Path) -> float | None:
    try:
        with wave.open(str(path), "rb") as w:
            return w.getnframes() / float(w.getframerate())
    except (OSError, EOFError, wave.Error):
        return None
