"""Call recordings: attach a file by hand, or match a telephony folder to calls.

The telephony system drops files named after the call, e.g.
``agent03_+8613800138000_20261120-101502.wav``. A pattern such as
``{agent}_{phone}_{time:%Y%m%d-%H%M%S}`` (or the same with ``.wav`` at the end: a pattern
may name the extension, then only such files fit) says how; each file is matched to the call by
that agent to that number that started closest to the file's time (within a tolerance),
and every file that fits no call is reported, never silently dropped.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from winback_desktop.core.choices import RECORDING_PATTERN
from winback_desktop.core.errors import NotFound, ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import Call, Recording, User
from winback_desktop.db.session import Database
from winback_desktop.services import audit
from winback_desktop.services.context import Actor, refuse, require

AUDIO_SUFFIXES = {".wav", ".mp3", ".ogg", ".m4a", ".opus", ".flac", ".wma"}
DEFAULT_PATTERN = RECORDING_PATTERN
TOLERANCE = timedelta(minutes=3)

_STRFTIME_RE = {"%Y": r"\d{4}", "%m": r"\d{2}", "%d": r"\d{2}", "%H": r"\d{2}",
                "%M": r"\d{2}", "%S": r"\d{2}", "%y": r"\d{2}"}


@dataclass(frozen=True)
class CompiledPattern:
    regex: re.Pattern[str]
    time_format: str | None
    # the pattern ends with an audio extension: match whole file names, not stems
    with_extension: bool = False

    def match(self, path: Path) -> re.Match[str] | None:
        """Match ``path``'s name (extension compared case-insensitively) or its stem."""
        if self.with_extension:
            return self.regex.match(path.stem + path.suffix.lower())
        return self.regex.match(path.stem)


def compile_pattern(pattern: str) -> CompiledPattern:
    """Fields ``{agent}``, ``{phone}``, ``{call}``, ``{time:<strftime>}``; the rest is literal.

    A pattern that ends with an audio extension (``….wav``) matches file names with that
    extension; without one it matches the name before any audio extension.
    """
    suffix = Path(pattern).suffix
    with_extension = suffix.lower() in AUDIO_SUFFIXES and not pattern.endswith("}")
    if with_extension:
        pattern = pattern[: -len(suffix)] + suffix.lower()
    out = ""
    time_format = None
    pos = 0
    fields = set()
    for m in re.finditer(r"\{(\w+)(?::([^}]*))?\}", pattern):
        out += re.escape(pattern[pos:m.start()])
        name, fmt = m.group(1), m.group(2)
        if name not in {"agent", "phone", "time", "call", "any"}:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "Unknown field {{{field}}} in the file-name pattern."), field=name)
        if name in fields:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "The field {{{field}}} appears twice in the pattern."), field=name)
        fields.add(name)
        if name == "time":
            time_format = fmt or "%Y%m%d%H%M%S"
            rx = re.escape(time_format)
            for code, sub in _STRFTIME_RE.items():
                rx = rx.replace(re.escape(code), sub)
            out += f"(?P<time>{rx})"
        elif name == "phone":
            out += r"(?P<phone>\+?\d{5,16})"
        elif name == "call":
            out += r"(?P<call>\d+)"
        elif name == "agent":
            out += r"(?P<agent>[A-Za-z0-9._@-]+?)"
        else:
            out += r".*?"
        pos = m.end()
    out += re.escape(pattern[pos:])
    if "call" not in fields and not {"agent", "time"} <= fields and not {
            "phone", "time"} <= fields:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "The pattern needs {call}, or {time} with {agent} or {phone}."))
    return CompiledPattern(re.compile(f"^{out}$"), time_format, with_extension)


@dataclass
class ScanReport:
    # the file-name pattern the scan matched names against
    pattern: str = DEFAULT_PATTERN
    scanned: int = 0
    matched: list[dict[str, Any]] = field(default_factory=list)
    unmatched: list[dict[str, str]] = field(default_factory=list)
    already_linked: int = 0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def scan_folder(db: Database, actor: Actor, folder: Path, pattern: str = DEFAULT_PATTERN,
                *, timezone: str = "UTC") -> ScanReport:
    """Link every audio file in ``folder`` (recursively) to its call; report the rest.

    ``timezone`` is the zone the telephony system writes file times in.
    """
    require(actor, Permission.EVALUATE_CALLS)
    if not folder.is_dir():
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Not a folder: {path}"),
                              path=str(folder))
    compiled = compile_pattern(pattern)
    zone = ZoneInfo(timezone)
    report = ScanReport(pattern=pattern)
    # absolute and normalised: the same file scanned by another name is the same file
    folder = folder.resolve()
    files = sorted(p for p in folder.rglob("*") if p.suffix.lower() in AUDIO_SUFFIXES)
    with db.session() as session:
        known = {p for (p,) in session.execute(select(Recording.path))}
        logins = {u.lower(): i for u, i in session.execute(select(User.login, User.id))}
        for found in files:
            report.scanned += 1
            path = found.resolve()
            if not path.is_relative_to(folder):  # a link out of the folder
                report.unmatched.append({"file": str(found), "reason": "outside"})
                continue
            if str(path) in known:
                report.already_linked += 1
                continue
            m = compiled.match(path)
            if not m:
                report.unmatched.append({"file": str(path), "reason": "name"})
                continue
            parts = m.groupdict()
            call = _find_call(session, parts, compiled, zone, logins)
            if call is None:
                report.unmatched.append({"file": str(path), "reason": "no_call"})
                continue
            rec = Recording(call_id=call.id, path=str(path), sha256=_sha256(path),
                            matched_by="scan")
            session.add(rec)
            session.flush()
            report.matched.append({"file": str(path), "call_id": call.id,
                                   "recording_id": rec.id})
        if report.matched:
            audit.record(session, actor, "recordings_scanned", "recording", None,
                         after={"folder": str(folder), "pattern": pattern,
                                "matched": len(report.matched),
                                "unmatched": len(report.unmatched)})
    return report


def _find_call(session: Session, parts: dict[str, str], compiled: CompiledPattern,
               zone: ZoneInfo, logins: dict[str, int]) -> Call | None:
    if parts.get("call"):
        return session.get(Call, int(parts["call"]))
    if not parts.get("time") or compiled.time_format is None:
        return None
    try:
        local = datetime.strptime(parts["time"], compiled.time_format)
    except ValueError:
        return None
    when = local.replace(tzinfo=zone).astimezone(UTC)
    stmt = select(Call).where(Call.started_at >= when - TOLERANCE,
                              Call.started_at <= when + TOLERANCE)
    if parts.get("agent"):
        agent_id = logins.get(parts["agent"].lower())
        if agent_id is None:
            return None
        stmt = stmt.where(Call.agent_id == agent_id)
    if parts.get("phone"):
        digits = parts["phone"].lstrip("+")
        stmt = stmt.where(func.replace(Call.phone_e164, "+", "") == digits)
    candidates = list(session.scalars(stmt))
    if not candidates:
        return None
    return min(candidates, key=lambda c: abs((c.started_at - when).total_seconds()))


def attach(session: Session, actor: Actor, call_id: int, path: Path) -> Recording:
    require(actor, Permission.EVALUATE_CALLS)
    if session.get(Call, call_id) is None:
        raise NotFound(what=str(call_id))
    if not path.is_file():
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "No such file: {path}"),
                              path=str(path))
    path = path.resolve()  # stored absolute and normalised, like a scan's
    rec = Recording(call_id=call_id, path=str(path), sha256=_sha256(path), matched_by="manual")
    session.add(rec)
    session.flush()
    audit.record(session, actor, "recording_attached", "call", call_id,
                 after={"path": str(path), "recording_id": rec.id})
    return rec


def recordings_for(session: Session, actor: Actor, call_id: int) -> list[Recording]:
    call = session.get(Call, call_id)
    if call is None:
        raise NotFound(what=str(call_id))
    if call.agent_id != actor.user_id and not actor.can(Permission.EVALUATE_CALLS):
        refuse(None, actor, "recordings_for")
    return list(session.scalars(select(Recording).where(Recording.call_id == call_id)
                                .order_by(Recording.id)))
