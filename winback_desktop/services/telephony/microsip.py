"""MicroSIP, the common free Windows softphone: dial by command line, events by hooks.

MicroSIP (3.19 source, ``global.cpp`` RunCmd and ``mainDlg.cpp``) runs the commands in
its ``microsip.ini`` with ShellExecuteEx, appends the remote URI's user part, and waits
for them to exit: ``cmdCallStart`` when a call is confirmed (for an outgoing call: the
customer answered), ``cmdCallBusy`` when it ends with 486, 600 or 603, ``cmdCallEnd``
for every other end. Those commands run ``winback phone hook EVENT NUMBER``, which
records the event for this workstation's open call (``services.telephony.hook``).

Its recordings are named ``%Y%m%d-%H%M%S-<remote user>-outgoing-<label or local
user>.wav|mp3`` (local time, ``/\\?%*:|"<>. `` replaced by ``_``), which is how a
recording finds its call. ``microsip.ini`` is UTF-16 with a BOM, section ``[Settings]``.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from winback_desktop.services.telephony.interface import (
    Capability,
    ConnectionCheck,
    PhoneUnreachable,
    Telephony,
)

HOOK_EVENTS = {"cmdCallStart": "call-start", "cmdCallEnd": "call-end",
               "cmdCallBusy": "call-busy"}
RECORDING_RE = re.compile(
    r"^(?P<time>\d{8}-\d{6})-(?P<number>[^-]+)-(?P<direction>outgoing|incoming)-.*"
    r"\.(?:wav|mp3)$", re.IGNORECASE)
#: a recording starts when the call connects; allow for clock drift and slow disks
RECORDING_SLACK = timedelta(seconds=5)


class MicroSipPhone(Telephony):
    name = "microsip"
    capabilities = frozenset({Capability.DIAL, Capability.HANGUP, Capability.EVENTS,
                              Capability.RECORDING})
    events_in_process = False

    def __init__(self, exe: str | Path, ini: str | Path | None = None) -> None:
        super().__init__()
        self.exe = Path(exe)
        self.ini = Path(ini) if ini else None

    def _run(self, *args: str) -> None:
        try:
            subprocess.Popen([str(self.exe), *args], stdin=subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except OSError as exc:
            raise PhoneUnreachable(where=str(self.exe), detail=str(exc)) from exc

    def dial(self, call_id: int, number: str) -> None:
        # MicroSIP passes the number to its running instance and dials it.
        self._run(number)

    def hangup(self, call_id: int) -> None:
        self._run("/hangupall")

    def test_connection(self) -> ConnectionCheck:
        if not self.exe.is_file():
            return ConnectionCheck(False, f"{self.exe}: not found")
        facts = {"exe": str(self.exe)}
        if self.ini is not None:
            hooks = read_settings(self.ini)
            missing = [key for key in HOOK_EVENTS if "phone hook" not in hooks.get(key, "")]
            if missing:
                return ConnectionCheck(False, f"{self.ini}: no winback hook in "
                                       + ", ".join(missing), facts)
            facts["ini"] = str(self.ini)
        return ConnectionCheck(True, str(self.exe), facts)


def hook_lines(winback: str, extra: list[str] | None = None) -> dict[str, str]:
    """The ``[Settings]`` lines that make MicroSIP report to ``winback`` (its path).

    MicroSIP appends the number, so options (``extra``) go before the event.
    """
    def quote(arg: str) -> str:
        return f'"{arg}"' if " " in arg else arg

    head = " ".join(quote(a) for a in [winback, "phone", "hook", *(extra or [])])
    return {key: f"{head} {event}" for key, event in HOOK_EVENTS.items()}


def read_settings(ini: Path) -> dict[str, str]:
    if not ini.exists():
        return {}
    out: dict[str, str] = {}
    section = ""
    for line in _decode(ini.read_bytes()).splitlines():
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            section = stripped[1:-1]
        elif section == "Settings" and "=" in stripped:
            key, _, value = stripped.partition("=")
            out[key.strip()] = value.strip()
    return out


def write_hooks(ini: Path, winback: str, extra: list[str] | None = None) -> dict[str, str]:
    """Put the hook lines into MicroSIP's ``[Settings]`` (other lines kept as they are).

    MicroSIP must be closed while this runs: it rewrites the file on exit.
    """
    lines = hook_lines(winback, extra)
    text = _decode(ini.read_bytes()) if ini.exists() else "[Settings]\r\n"
    rows = text.splitlines()
    section, start, end = "", None, len(rows)
    for i, row in enumerate(rows):
        s = row.strip()
        if s.startswith("[") and s.endswith("]"):
            if section == "Settings":
                end = i
                break
            section = s[1:-1]
            if section == "Settings":
                start = i
    if start is None:
        rows.append("[Settings]")
        start, end = len(rows) - 1, len(rows)
    kept = [r for r in rows[start + 1:end] if r.partition("=")[0].strip() not in lines]
    rows[start + 1:end] = [*kept, *(f"{k}={v}" for k, v in lines.items())]
    ini.parent.mkdir(parents=True, exist_ok=True)
    ini.write_bytes(b"\xff\xfe" + ("\r\n".join(rows) + "\r\n").encode("utf-16-le"))
    return lines


def _decode(raw: bytes) -> str:
    if raw.startswith(b"\xff\xfe"):
        return raw[2:].decode("utf-16-le", errors="replace")
    return raw.decode("utf-8-sig", errors="replace")


@dataclass(frozen=True, slots=True)
class RecordingName:
    path: Path
    started: datetime  # local time, naive, as MicroSIP wrote it
    number: str


def parse_recording(path: Path) -> RecordingName | None:
    m = RECORDING_RE.match(path.name)
    if m is None or m.group("direction").lower() != "outgoing":
        return None
    try:
        started = datetime.strptime(m.group("time"), "%Y%m%d-%H%M%S")
    except ValueError:
        return None
    return RecordingName(path, started, m.group("number"))


def find_recording(folder: Path, number_matches: object, since: datetime,
                   until: datetime) -> Path | None:
    """MicroSIP's recording of an outgoing call to a matching number between two times.

    ``since``/``until`` are aware datetimes; MicroSIP's names are this PC's local time.
    ``number_matches`` is a callable telling whether a file's number is the call's.
    """
    if not folder.is_dir():
        return None
    lo = since.astimezone().replace(tzinfo=None) - RECORDING_SLACK
    hi = until.astimezone().replace(tzinfo=None) + RECORDING_SLACK
    best: RecordingName | None = None
    for path in folder.iterdir():
        name = parse_recording(path)
        if name is None or not (lo <= name.started <= hi):
            continue
        if not number_matches(name.number):  # type: ignore[operator]
            continue
        if best is None or name.started > best.started:
            best = name
    return best.path if best else None
