"""A small Asterisk Manager Interface server for the tests: real wire format, real events.

It greets like Asterisk, answers Login, Ping, Originate, MixMonitor, Hangup and Logoff
the way Asterisk does, keeps every action it received (so tests check what went on the
wire), and after an Originate replays a recorded Asterisk event sequence from
``ami_fixtures/`` with the recorded call's id replaced by the ``ChannelId`` the app sent,
interleaved with the events of a call the app did not place. A scenario may pause
where the app is expected to hang up (``app_hangup_at``) until the Hangup action
arrives, and ``talk_s`` holds the line open after the customer answered.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).with_name("ami_fixtures")
BANNER = "Asterisk Call Manager/2.10.3"
ID_FIELDS = ("Uniqueid", "Linkedid", "DestUniqueid", "DestLinkedid")


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    return data


def frame(headers: dict[str, Any]) -> bytes:
    lines = []
    for key, value in headers.items():
        for item in value if isinstance(value, list) else [value]:
            lines.append(f"{key}: {item}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


@dataclass
class AmiServer:
    scenario: str | None = None
    user: str = "winback"
    secret: str = "s3cret"
    wait_for_hangup: bool = True
    talk_s: float = 0.0
    actions: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._sock = socket.create_server(("127.0.0.1", 0))
        self.port = self._sock.getsockname()[1]
        self._hangup = threading.Event()
        self._replay_done = threading.Event()
        self._write_lock = threading.Lock()
        self._conns: list[socket.socket] = []
        self._stop = False
        threading.Thread(target=self._accept, daemon=True).start()

    # ----------------------------------------------------------------- test helpers
    def action(self, name: str) -> list[dict[str, Any]]:
        return [a for a in self.actions if a.get("Action", "").lower() == name.lower()]

    def wait_replayed(self, timeout: float = 10.0) -> bool:
        return self._replay_done.wait(timeout)

    def close(self) -> None:
        self._stop = True
        self._hangup.set()
        self._sock.close()
        for conn in self._conns:
            with contextlib.suppress(OSError):
                conn.close()

    # ------------------------------------------------------------------------ wire
    def _accept(self) -> None:
        while not self._stop:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            self._conns.append(conn)
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _send(self, conn: socket.socket, headers: dict[str, Any]) -> None:
        with self._write_lock, contextlib.suppress(OSError):
            conn.sendall(frame(headers))

    def _serve(self, conn: socket.socket) -> None:
        conn.sendall((BANNER + "\r\n").encode())
        buf = b""
        while not self._stop:
            try:
                data = conn.recv(4096)
            except OSError:
                return
            if not data:
                return
            buf += data
            while b"\r\n\r\n" in buf:
                raw, buf = buf.split(b"\r\n\r\n", 1)
                action: dict[str, Any] = {}
                for line in raw.decode().split("\r\n"):
                    key, _, value = line.partition(":")
                    key, value = key.strip(), value.strip()
                    if key in action:  # repeated headers (Variable) become a list
                        old = action[key]
                        action[key] = [*old, value] if isinstance(old, list) else [old, value]
                    else:
                        action[key] = value
                self.actions.append(action)
                if not self._answer(conn, action):
                    conn.close()
                    return

    def _answer(self, conn: socket.socket, action: dict[str, Any]) -> bool:
        name = str(action.get("Action", "")).lower()
        aid = {"ActionID": action.get("ActionID", "")}
        if name == "login":
            if action.get("Username") == self.user and action.get("Secret") == self.secret:
                self._send(conn, {"Response": "Success", **aid,
                                  "Message": "Authentication accepted"})
                self._send(conn, {"Event": "FullyBooted", "Privilege": "system,all",
                                  "Status": "Fully Booted"})
                return True
            self._send(conn, {"Response": "Error", **aid, "Message": "Authentication failed"})
            return False
        if name == "ping":
            self._send(conn, {"Response": "Success", **aid, "Ping": "Pong",
                              "Timestamp": f"{time.time():.6f}"})
        elif name == "originate":
            self._send(conn, {"Response": "Success", **aid,
                              "Message": "Originate successfully queued"})
            if self.scenario and action.get("Application") != "ChanSpy":
                threading.Thread(target=self._replay, args=(conn, action), daemon=True).start()
        elif name == "mixmonitor":
            self._send(conn, {"Response": "Success", **aid})
        elif name == "hangup":
            self._send(conn, {"Response": "Success", **aid, "Message": "Channel Hungup"})
            self._hangup.set()
        elif name == "logoff":
            self._send(conn, {"Response": "Goodbye", **aid,
                              "Message": "Thanks for all the fish."})
            return False
        else:
            self._send(conn, {"Response": "Error", **aid,
                              "Message": "Invalid/unknown command"})
        return True

    def _replay(self, conn: socket.socket, originate: dict[str, Any]) -> None:
        assert self.scenario is not None
        data = load(self.scenario)
        recorded_id, ours = data["origin_uniqueid"], originate.get("ChannelId", "")
        pause_at = data.get("app_hangup_at") if self.wait_for_hangup else None
        others = load("another_call.json")["events"]
        for i, recorded in enumerate(data["events"]):
            if i == pause_at and not self._hangup.wait(10):
                break
            if self._stop:
                break
            if i < len(others):  # a call on another extension, in between
                self._send(conn, others[i])
            if recorded.get("_pause_s"):  # time the recording spent before this event
                time.sleep(float(recorded["_pause_s"]))
            event = {k: (ours if k in ID_FIELDS and v == recorded_id else v)
                     for k, v in recorded.items() if k != "_pause_s"}
            self._send(conn, event)
            if (self.talk_s and event["Event"] == "DialEnd"
                    and event.get("Uniqueid") == ours and event.get("DialStatus") == "ANSWER"):
                time.sleep(self.talk_s)
        self._replay_done.set()
