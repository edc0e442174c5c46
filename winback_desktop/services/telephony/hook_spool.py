"""Phone hook events kept on disk when the desktop app is not running here.

MicroSIP waits for ``winback phone hook`` to exit, and a fresh process that loads
SQLAlchemy, the models and the call services spends 0.4 s (idle machine) to 2 s (busy
machine) before it can write anything: too long for the half second the hook has. So when
no app listens (``hook_channel``), the hook writes the event with the time it started to
a spool file in this OS account's data folder (standard library only, a few
milliseconds), starts one detached worker and exits. The worker (``winback phone
hook-drain``) records the spooled events through the services in the order they
happened, one worker at a time (a lock file), so a call's start is never applied after
its end.

An event the services refuse (no open call with that number here, an unknown event) is
moved to ``rejected/`` with the reason beside it, for IT; a database that cannot be
reached leaves the event in the spool for the next hook's worker (or ``winback phone
hook-drain`` run by hand). Stdlib only at import time.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from winback_desktop.services.telephony.hook_channel import _data_dir

SPOOL = "phone-hook-spool"
LOCK = "drain.lock"
REJECTED = "rejected"

#: ``apply(record) -> None``; raises ``Rejected`` for an event the services refuse
Apply = Callable[[dict[str, Any]], None]


class Rejected(Exception):
    """The services refused this event: it is set aside, the next one is tried."""


def spool_dir() -> Path:
    return _data_dir() / SPOOL


def put(event: str, number: str, at_iso: str, database: str | None,
        workstation: str | None) -> Path:
    """Write one event atomically; file names sort in the order the hooks started."""
    folder = spool_dir()
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{time.time_ns():020d}-{os.getpid()}.json"
    tmp = folder / (name + ".tmp")
    tmp.write_text(json.dumps({"event": event, "number": number, "at": at_iso,
                               "database": database, "workstation": workstation}),
                   encoding="utf-8")
    os.replace(tmp, folder / name)
    return folder / name


def pending() -> list[Path]:
    folder = spool_dir()
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def worker_command() -> list[str]:
    """``winback phone hook-drain`` as this installation runs it."""
    if getattr(sys, "frozen", False):  # winback.exe
        return [sys.executable, "phone", "hook-drain"]
    return [sys.executable, "-m", "winback_desktop.cli", "phone", "hook-drain"]


def start_worker() -> None:
    """Start the worker detached: the hook (and MicroSIP) do not wait for it."""
    options: dict[str, Any] = {"stdin": subprocess.DEVNULL, "stdout": subprocess.DEVNULL,
                               "stderr": subprocess.DEVNULL, "close_fds": True}
    if sys.platform == "win32":
        options["creationflags"] = (getattr(subprocess, "CREATE_NO_WINDOW", 0)
                                    | getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0))
    else:
        options["start_new_session"] = True
    subprocess.Popen(worker_command(), **options)  # our own program, no shell


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """One worker at a time (released by the OS if a worker dies)."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / LOCK, "a+b") as handle:
        if sys.platform == "win32":
            import msvcrt

            while True:
                try:
                    msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
                    break
                except OSError:  # LK_LOCK gives up after 10 s: keep waiting
                    continue
            try:
                yield
            finally:
                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def drain(apply: Apply) -> tuple[int, int]:
    """Record every spooled event in order; returns (recorded, rejected).

    Any error other than ``Rejected`` (the database cannot be reached) stops the drain
    and leaves that event and the later ones in the spool, in order, for a later worker.
    """
    folder = spool_dir()
    done = rejected = 0
    with _locked(folder):
        while True:
            files = pending()
            if not files:
                return done, rejected
            for path in files:
                try:
                    record = json.loads(path.read_text(encoding="utf-8"))
                except (OSError, ValueError) as exc:
                    _set_aside(path, f"unreadable: {exc}")
                    rejected += 1
                    continue
                try:
                    apply(record)
                except Rejected as exc:
                    _set_aside(path, str(exc))
                    rejected += 1
                    continue
                path.unlink()
                done += 1


def _set_aside(path: Path, reason: str) -> None:
    folder = path.parent / REJECTED
    folder.mkdir(exist_ok=True)
    os.replace(path, folder / path.name)
    (folder / (path.stem + ".txt")).write_text(reason + "\n", encoding="utf-8")
