"""Phone events drive the call: answered starts talk time, ended starts wrap-up.

An answer or an end goes through the call's own lifecycle (``calls.lifecycle.answer_in``
and ``end_in``), the same steps the agent's buttons take, so a call is never moved by
two different rules.

Each event is stored once per call (``call_events``, unique by call and dedupe key), so
an adapter that repeats itself, a hook MicroSIP runs twice or a replay after a
reconnect changes nothing the second time. Times measured by the phone system win
over times the agent entered with the buttons (``answered_by``/``ended_by`` say
which), and every change is audited with the event that caused it.

An end before any answer (busy, no answer, failed) proposes the matching disposition;
the agent still confirms it in wrap-up.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from winback_desktop.core.domain import Disposition
from winback_desktop.core.errors import NotFound
from winback_desktop.db.models import AgentPresence, Call, CallEvent, Recording
from winback_desktop.db.session import Database
from winback_desktop.services import audit
from winback_desktop.services.calls import lifecycle
from winback_desktop.services.context import Actor, refuse
from winback_desktop.services.telephony.interface import (
    UNANSWERED,
    EndCause,
    EventKind,
    PhoneEvent,
)

PHONE = lifecycle.PHONE
AGENT = lifecycle.AGENT

#: the disposition an unanswered end proposes (the agent confirms it)
PROPOSALS = {EndCause.BUSY: Disposition.BUSY, EndCause.NO_ANSWER: Disposition.NO_ANSWER}


@dataclass(frozen=True, slots=True)
class EventOutcome:
    call_id: int
    kind: EventKind
    applied: bool  # False: the same event was already stored
    answered_at: datetime | None
    ended_at: datetime | None
    end_cause: str | None
    proposed_disposition: Disposition | None
    talk_seconds: float | None
    recording_id: int | None = None


def proposed_disposition(cause: str | None, answered: bool) -> Disposition | None:
    if answered or cause is None:
        return None
    try:
        return PROPOSALS.get(EndCause(cause))
    except ValueError:
        return None


def dedupe_key(event: PhoneEvent) -> str:
    if event.kind is EventKind.RECORDING:
        digest = hashlib.sha1((event.path or "").encode()).hexdigest()[:32]
        return f"recording:{digest}"
    if event.kind in (EventKind.HOLD, EventKind.RESUMED):
        return f"{event.kind.value}:{event.at.isoformat()}"
    return event.kind.value


def record_event(db: Database, actor: Actor, event: PhoneEvent) -> EventOutcome:
    """Store one phone event on its call and move the call on (one transaction)."""
    with db.session(immediate=True) as session:
        call = session.get(Call, event.call_id, with_for_update=True)
        if call is None:
            raise NotFound(what=str(event.call_id))
        if call.agent_id != actor.user_id:
            refuse(None, actor, "record_event")
        return apply_event(session, actor, call, event)


def apply_event(session: Session, actor: Actor, call: Call, event: PhoneEvent
                ) -> EventOutcome:
    key = dedupe_key(event)
    seen = session.scalar(select(CallEvent.id).where(CallEvent.call_id == call.id,
                                                     CallEvent.dedupe_key == key))
    if seen is not None:
        return _outcome(call, event.kind, applied=False)
    session.add(CallEvent(call_id=call.id, kind=event.kind.value, dedupe_key=key, at=event.at,
                          source=event.source[:20],
                          cause=event.cause.value if event.cause else None,
                          detail=event.detail[:300] or None, path=event.path,
                          external_id=(event.external_id or "")[:200] or None))
    info: dict[str, object] = {"event": event.kind.value, "source": event.source,
                               "cause": event.cause.value if event.cause else None}
    if event.kind is EventKind.ANSWERED:
        # the call's own answer: the same step the agent's button takes
        lifecycle.answer_in(session, actor, call, event.at, by=PHONE,
                            audit_action="phone_event", audit_extra=info)
    elif event.kind is EventKind.ENDED:
        cause = event.cause or EndCause.HUNG_UP
        lifecycle.end_in(session, actor, call, event.at, by=PHONE, cause=cause.value,
                         unanswered=cause in UNANSWERED, audit_action="phone_event",
                         audit_extra=info | {"cause": cause.value})
    recording_id = None
    before = _times(call)
    if event.kind is EventKind.RECORDING and event.path:
        recording_id = _link_recording(session, call, event)
    elif event.kind is EventKind.RESUMED:
        _resumed(session, call, event)
    session.flush()
    after = _times(call)
    if after != before or recording_id is not None:
        audit.record(session, actor, "phone_event", "call", call.id,
                     before=before, after=after | info | {"recording_id": recording_id})
    return _outcome(call, event.kind, applied=True, recording_id=recording_id)


def _times(call: Call) -> dict[str, object]:
    return {"step": call.step, "hold_seconds": call.hold_seconds}


def _link_recording(session: Session, call: Call, event: PhoneEvent) -> int:
    assert event.path is not None
    existing = session.scalar(select(Recording).where(Recording.path == event.path))
    if existing is not None:
        existing.call_id = call.id
        return existing.id
    rec = Recording(call_id=call.id, path=event.path, duration_ms=_duration_ms(event.path),
                    matched_by=PHONE)
    session.add(rec)
    session.flush()
    return rec.id


def _duration_ms(path: str) -> int | None:
    from winback_desktop.services.telephony.baresip import wav_seconds

    p = Path(path)
    if p.suffix.lower() != ".wav" or not p.exists():
        return None
    seconds = wav_seconds(p)
    return None if seconds is None else round(seconds * 1000)


def _resumed(session: Session, call: Call, event: PhoneEvent) -> None:
    held = session.scalar(
        select(CallEvent.at).where(CallEvent.call_id == call.id,
                                   CallEvent.kind == EventKind.HOLD.value,
                                   CallEvent.at <= event.at)
        .order_by(CallEvent.at.desc()).limit(1))
    if held is not None:
        call.hold_seconds = (call.hold_seconds or 0) + round((event.at - held).total_seconds())


def _outcome(call: Call, kind: EventKind, *, applied: bool,
             recording_id: int | None = None) -> EventOutcome:
    talk = None
    if call.answered_at is not None and call.ended_at is not None:
        talk = (call.ended_at - call.answered_at).total_seconds()
    return EventOutcome(call.id, kind, applied, call.answered_at, call.ended_at, call.end_cause,
                        proposed_disposition(call.end_cause, call.answered_at is not None),
                        talk, recording_id)


# ------------------------------------------------------------------ matching by number


def agent_at(session: Session, workstation: str, call_id: int) -> int | None:
    """The agent whose presence on ``workstation`` holds ``call_id``."""
    return session.scalar(select(AgentPresence.user_id).where(
        AgentPresence.workstation == workstation, AgentPresence.current_call_id == call_id)
        .limit(1))

_DIGITS = re.compile(r"\D+")
#: a softphone may drop or add a country code or trunk prefix: the last digits decide
MATCH_DIGITS = 8
MIN_SUFFIX = 7


def same_number(a: str | None, b: str | None) -> bool:
    """Equal numbers, or the same last digits (+86 138… vs 0138… vs 138…)."""
    da, db_ = _DIGITS.sub("", a or ""), _DIGITS.sub("", b or "")
    if not da or not db_:
        return False
    if da == db_:
        return True
    n = min(len(da), len(db_), MATCH_DIGITS)
    return n >= MIN_SUFFIX and da[-n:] == db_[-n:]


def open_call_for_number(session: Session, workstation: str | None, number: str
                         ) -> Call | None:
    """This workstation's open call to ``number`` (the agent signed in here is on it);
    any workstation's when ``workstation`` is None."""
    query = (select(Call).join(AgentPresence, AgentPresence.current_call_id == Call.id)
             .where(Call.disposition.is_(None)).order_by(Call.started_at.desc()))
    if workstation is not None:
        query = query.where(AgentPresence.workstation == workstation)
    rows = session.execute(query).scalars().all()
    for call in rows:
        if same_number(call.phone_e164, number):
            return call
    return None
