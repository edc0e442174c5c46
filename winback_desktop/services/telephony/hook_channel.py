"""The short way from ``winback phone hook`` to the running desktop app.

MicroSIP waits for its hook to exit, and a fresh process that imports SQLAlchemy and the
models spends most of half a second before it reads anything. The agent's desktop app
already has the database open (the team server it signed in to, or this PC's file), so
while it runs it listens on this PC's loopback for the hook: the hook process imports
only the standard library, hands over the event with the time it started, and the app
records it through the services (``services.telephony.hook``) as the signed-in agent.

The app writes where it listens, with a random token, to ``phone-hook.json`` in this OS
account's data folder; a request without that token is refused, so another account on a
shared PC cannot move this agent's calls. No listener (the app is not running, or it
uses another database than the hook line names): the hook opens the database itself.

Stdlib only at import time: the hook process pays for nothing it does not use.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import socket
import socketserver
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from winback_desktop.core.i18n import QT_TRANSLATE_NOOP

FILE_NAME = "phone-hook.json"
#: the hook gives up on a silent app well inside MicroSIP's patience and its own 0.5 s
CONNECT_TIMEOUT_S = 0.2
ANSWER_TIMEOUT_S = 5.0

#: ``handler(event, number, at_iso) -> result dict``; raises for a refused event
Handler = Callable[[str, str, str], dict[str, Any]]

NOT_THIS_ACCOUNT = QT_TRANSLATE_NOOP(
    "Errors", "This phone event did not come from this Windows account: it was ignored.")

_PASSWORD = re.compile(r"(://[^:/@]+):[^@]*@")


def _data_dir() -> Path:
    """The same folder as ``db.engine.data_dir``, without importing SQLAlchemy."""
    override = os.environ.get("WINBACK_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_path

    from winback_desktop import APP_ID, ORG_NAME

    return user_data_path(APP_ID, ORG_NAME)


def endpoint_file() -> Path:
    return _data_dir() / FILE_NAME


def same_database(a: str, b: str) -> bool:
    """Two URLs name the same database (passwords aside)."""
    return _PASSWORD.sub(r"\1@", a.strip()) == _PASSWORD.sub(r"\1@", b.strip())


class HookRefused(Exception):
    """The app refused the event: ``text`` and ``params`` make the translated line."""

    def __init__(self, text: str, params: dict[str, Any], expected: bool) -> None:
        super().__init__(text)
        self.text, self.params, self.expected = text, params, expected


def send(event: str, number: str, at_iso: str, database: str | None) -> dict[str, Any] | None:
    """Hand the event to the running app; None when no app listens for this database."""
    try:
        info = json.loads(endpoint_file().read_text(encoding="utf-8"))
        port, token, url = int(info["port"]), str(info["token"]), str(info["database"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if database and not same_database(database, url):
        return None
    try:
        conn = socket.create_connection(("127.0.0.1", port), timeout=CONNECT_TIMEOUT_S)
    except OSError:
        return None  # a file the app left behind when it was killed
    with conn:
        conn.settimeout(ANSWER_TIMEOUT_S)
        request = {"token": token, "event": event, "number": number, "at": at_iso}
        conn.sendall(json.dumps(request).encode() + b"\n")
        answer = conn.makefile("rb").readline()
    if not answer:
        return None
    reply = json.loads(answer)
    if not reply.get("ok"):
        error = reply.get("error") or {}
        raise HookRefused(str(error.get("text", "")), dict(error.get("params") or {}),
                          bool(error.get("expected")))
    return dict(reply.get("result") or {})


class _Requests(socketserver.StreamRequestHandler):
    server: _Server

    def handle(self) -> None:
        try:
            request = json.loads(self.rfile.readline(64 * 1024))
            if not secrets.compare_digest(str(request.get("token", "")), self.server.token):
                reply: dict[str, Any] = {"ok": False, "error": {
                    "text": NOT_THIS_ACCOUNT, "params": {},
                    "expected": True}}
            else:
                result = self.server.handler(str(request["event"]), str(request["number"]),
                                             str(request["at"]))
                reply = {"ok": True, "result": result}
        except Exception as exc:  # the hook prints one line; the app keeps listening
            reply = {"ok": False, "error": _error(exc)}
        self.wfile.write(json.dumps(reply, default=str).encode() + b"\n")


def _error(exc: BaseException) -> dict[str, Any]:
    text = getattr(exc, "text", None)
    params = getattr(exc, "params", None)
    if isinstance(text, str) and isinstance(params, dict):
        return {"text": text, "params": {k: str(v) for k, v in params.items()},
                "expected": True}
    return {"text": f"{type(exc).__name__}: {exc}", "params": {}, "expected": False}


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = False

    def __init__(self, handler: Handler, token: str) -> None:
        super().__init__(("127.0.0.1", 0), _Requests)
        self.handler, self.token = handler, token


class HookListener:
    """The app's end: listens on loopback until closed, then removes its file."""

    def __init__(self, handler: Handler, database_url: str) -> None:
        self._server = _Server(handler, secrets.token_hex(16))
        self.port = int(self._server.server_address[1])
        self._file = endpoint_file()
        self._file.parent.mkdir(parents=True, exist_ok=True)
        tmp = self._file.with_suffix(".tmp")
        tmp.write_text(json.dumps({"port": self.port, "token": self._server.token,
                                   "database": _PASSWORD.sub(r"\1@", database_url)}),
                       encoding="utf-8")
        os.chmod(tmp, 0o600)  # only this account reads the token
        os.replace(tmp, self._file)
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        name="phone-hook", daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        try:
            info = json.loads(self._file.read_text(encoding="utf-8"))
            if int(info.get("port", 0)) == self.port:  # not a newer app's file
                self._file.unlink()
        except (OSError, ValueError):
            pass
