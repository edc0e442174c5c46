"""``winback phone hook``: a softphone's event recorded for this workstation's call.

MicroSIP waits for its hook to exit, so this is one short transaction: find the open
call of the agent signed in on this PC whose number matches, record the event as that
agent, and on a call's end link MicroSIP's recording of it. The event time is taken
when the hook process started, not when the database answered.
"""

from __future__ import annotations

import platform
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import NoReturn

from sqlalchemy.orm import Session

from winback_desktop.core.domain import Role
from winback_desktop.core.errors import NotFound, ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.db.models import Call, User
from winback_desktop.db.session import Database
from winback_desktop.services.context import Actor, refuse
from winback_desktop.services.telephony import config, events, hook_channel
from winback_desktop.services.telephony.interface import EndCause, EventKind, PhoneEvent
from winback_desktop.services.telephony.microsip import find_recording

HOOKS = ("call-start", "call-end", "call-busy")


OTHER_WORKSTATION = QT_TRANSLATE_NOOP(
    "Errors", "Phone events are recorded only for this workstation ({here}), not for "
    "{workstation}: the event was refused.")
ANOTHER_AGENTS_CALL = QT_TRANSLATE_NOOP(
    "Errors", "The phone event for {number} belongs to another agent's call, not to the "
    "agent signed in on this workstation ({workstation}): it was refused.")


class NoOpenCall(NotFound):
    default_text = QT_TRANSLATE_NOOP(
        "Errors", "No open call to {number} on this workstation ({workstation}).")


def handle_hook_at(url: str | None, hook: str, number: str, at: datetime, workstation: str,
                   source: str = "microsip") -> events.EventOutcome:
    """``handle_hook`` on the database at ``url`` (this PC's file when None), connected
    for this one event: the softphone starts a fresh process per event."""
    from winback_desktop.db.engine import default_database_url

    db = Database(url or default_database_url())
    try:
        return handle_hook(db, hook, number, at, workstation, source)
    finally:
        db.dispose()


def handle_hook(db: Database, hook: str, number: str, at: datetime, workstation: str,
                source: str = "microsip", agent_id: int | None = None
                ) -> events.EventOutcome:
    if hook not in HOOKS:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "Unknown phone event '{event}'. Use one of: {choices}."),
            event=hook, choices=", ".join(HOOKS))
    with db.session(immediate=True) as session:
        call = events.open_call_for_number(session, workstation, number)
        if call is None:
            _refuse_if_someone_elses(session, workstation, number, source, agent_id)
            raise NoOpenCall(number=number, workstation=workstation)
        here = events.agent_at(session, workstation, call.id)
        if call.agent_id != here or (agent_id is not None and call.agent_id != agent_id):
            _refuse(session, workstation, number, source, agent_id or here, call)
        session.refresh(call, with_for_update=True)
        agent = session.get(User, call.agent_id)
        assert agent is not None
        actor = Actor(agent.id, agent.login, Actor.of(agent).role, agent.display_name,
                      workstation=workstation)
        event = _event(call, hook, at, source, number)
        outcome = events.apply_event(session, actor, call, event)
        if event.kind is EventKind.ENDED and outcome.applied and call.answered_at is not None:
            _link_recording(session, actor, call, at, source)
        return outcome


def check_workstation(named: str | None) -> str:
    """The workstation a hook records for: this PC. The hook runs without a login, so
    naming another PC would move that PC's agent's call: refused and audited."""
    here = platform.node()[:100]
    if named is None or named.strip().casefold() == here.casefold():
        return here
    refuse(None, _hook_actor(here, None), "phone_hook", OTHER_WORKSTATION,
           workstation=named[:100], here=here)


def check_workstation_at(url: str | None, named: str) -> str:
    """``check_workstation`` with the database at ``url`` open, so a refusal is audited
    there."""
    from winback_desktop.db.engine import default_database_url

    db = Database(url or default_database_url())
    try:
        return check_workstation(named)
    finally:
        db.dispose()


def _hook_actor(workstation: str, user: User | None) -> Actor:
    if user is None:
        return Actor(None, "phone-hook", Role.AGENT, workstation=workstation, channel="hook")
    return replace(Actor.of(user), workstation=workstation, channel="hook")


def _refuse_if_someone_elses(session: Session, workstation: str, number: str, source: str,
                             agent_id: int | None) -> None:
    """No call of this workstation's agent matches: if the number is another agent's
    open call, this is an attempt on it (refused and audited), not a mistyped number."""
    theirs = events.open_call_for_number(session, None, number)
    if theirs is not None:
        _refuse(session, workstation, number, source, agent_id, theirs)


def _refuse(session: Session, workstation: str, number: str, source: str,
            agent_id: int | None, call: Call) -> NoReturn:
    user = session.get(User, agent_id) if agent_id is not None else None
    refuse(session, _hook_actor(workstation, user), "phone_hook", ANOTHER_AGENTS_CALL,
           number=number[:40], workstation=workstation, call_id=call.id, source=source)


def _event(call: Call, hook: str, at: datetime, source: str, number: str) -> PhoneEvent:
    if hook == "call-start":
        return PhoneEvent(EventKind.ANSWERED, call.id, at, source, detail=number)
    if hook == "call-busy":
        return PhoneEvent(EventKind.ENDED, call.id, at, source, cause=EndCause.BUSY,
                          detail=number)
    # cmdCallEnd: after an answer MicroSIP does not say who hung up; before one, the
    # customer never came on the line
    answered = call.answered_by == events.PHONE
    return PhoneEvent(EventKind.ENDED, call.id, at, source,
                      cause=EndCause.HUNG_UP if answered else EndCause.NO_ANSWER,
                      detail=number)


def _link_recording(session: Session, actor: Actor, call: Call, at: datetime,
                    source: str) -> None:
    folder = config.load(session).microsip_recordings
    if not folder or call.answered_at is None:
        return
    path = find_recording(Path(folder), lambda n: events.same_number(n, call.phone_e164),
                          call.answered_at, at)
    if path is not None:
        events.apply_event(session, actor, call, PhoneEvent(
            EventKind.RECORDING, call.id, at, source, path=str(path)))


def drain_spool() -> tuple[int, int]:
    """Record the events the hook spooled while no app ran here (``hook_spool``), in
    order, each on the database its hook line named; (recorded, rejected)."""
    import logging

    from winback_desktop.core.errors import WinbackError
    from winback_desktop.services.telephony import hook_spool

    log = logging.getLogger(__name__)

    def apply(record: dict[str, object]) -> None:
        url = str(record["database"]) if record.get("database") else None
        named = str(record["workstation"]) if record.get("workstation") else None
        try:
            here = check_workstation_at(url, named) if named else check_workstation(None)
            outcome = handle_hook_at(url, str(record["event"]), str(record.get("number") or ""),
                                     datetime.fromisoformat(str(record["at"])), here)
        except WinbackError as exc:
            log.warning("phone hook event refused: %s %s", record, exc)
            raise hook_spool.Rejected(str(exc)) from exc
        except (KeyError, ValueError) as exc:
            raise hook_spool.Rejected(f"{type(exc).__name__}: {exc}") from exc
        log.info("phone hook event recorded: %s", outcome_dict(outcome))

    return hook_spool.drain(apply)


def outcome_dict(outcome: events.EventOutcome) -> dict[str, object]:
    """What ``winback phone hook --json`` prints."""
    return {"call_id": outcome.call_id, "event": outcome.kind.value,
            "applied": outcome.applied, "end_cause": outcome.end_cause,
            "proposed_disposition": outcome.proposed_disposition}


def listen(db: Database, actor: Actor) -> hook_channel.HookListener:
    """While the agent's app runs, MicroSIP's hooks are recorded here, as this agent, on
    the database the app signed in to (see ``hook_channel``)."""
    if actor.user_id is None:
        raise NotFound(what="user")
    workstation = actor.workstation or ""

    def handle(hook: str, number: str, at: str) -> dict[str, object]:
        when = datetime.fromisoformat(at)
        return outcome_dict(handle_hook(db, hook, number, when, workstation,
                                        agent_id=actor.user_id))

    return hook_channel.HookListener(handle, db.url)
