"""A stand-in for baresip's ctrl_tcp on loopback, for GUI tests that need a phone quickly.

It speaks the same netstring JSON as baresip (the real one is exercised end to end in
``test_baresip_real.py``): it answers commands and, after ``dial``, plays a scripted
customer: ``answer`` (ringing, then established; a ``hangup`` closes it as the user),
``busy`` (486), ``silent`` (accepts commands and never reports an event: a lost event stream).
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from typing import Any

from winback_desktop.services.telephony.baresip import NetstringReader, encode_netstring


class FakeBaresip:
    def __init__(self, customer: str = "answer", answer_after_s: float = 0.3) -> None:
        self.customer = customer
        self.answer_after_s = answer_after_s
        self.commands: list[tuple[str, str | None]] = []
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port = self._server.getsockname()[1]
        self._conns: list[socket.socket] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._stop.set()
        self._server.close()
        for conn in self._conns:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
            conn.close()

    def customer_hangs_up(self) -> None:
        for conn in self._conns:
            self._event(conn, "CALL_CLOSED", "Connection reset by peer")

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except OSError:
                return
            self._conns.append(conn)
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        reader = NetstringReader()
        while True:
            try:
                data = conn.recv(4096)
            except OSError:
                return
            if not data:
                return
            for frame in reader.feed(data):
                msg = json.loads(frame)
                self._command(conn, msg)

    def _send(self, conn: socket.socket, payload: dict[str, Any]) -> None:
        with contextlib.suppress(OSError):
            conn.sendall(encode_netstring(payload))

    def _event(self, conn: socket.socket, kind: str, param: str = "") -> None:
        self._send(conn, {"event": True, "class": "call", "type": kind, "id": "fake-1",
                          "direction": "outgoing", "param": param})

    def _command(self, conn: socket.socket, msg: dict[str, Any]) -> None:
        name, params = msg.get("command"), msg.get("params")
        self.commands.append((str(name), params))
        data = "sip:agent@fake: OK" if name == "reginfo" else ""
        self._send(conn, {"response": True, "ok": True, "data": data,
                          "token": msg.get("token")})
        if name == "dial":
            threading.Thread(target=self._play, args=(conn,), daemon=True).start()
        elif name == "hangup" and self.customer != "silent":
            self._event(conn, "CALL_CLOSED", "Connection reset by user")

    def _play(self, conn: socket.socket) -> None:
        if self.customer == "silent":
            return
        time.sleep(0.05)
        if self.customer == "busy":
            self._event(conn, "CALL_CLOSED", "486 Busy Here")
            return
        self._event(conn, "CALL_RINGING")
        time.sleep(self.answer_after_s)
        self._event(conn, "CALL_ESTABLISHED")
