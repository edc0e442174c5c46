"""``winback phone hook``: a softphone's event recorded for this workstation's call.

MicroSIP waits for its hook to exit, so this is one short transaction: find the open
call of the agent signed in on this PC whose number matches, record the event as that
agent, and on a call's end link MicroSIP's recording of it. The event time is taken
when the hook process started, not when the database answered.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from winback_desktop.core.errors import NotFound, ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.db.models import Call, User
from winback_desktop.db.session import Database
from winback_desktop.services.context import Actor
from winback_desktop.services.telephony import config, events, hook_channel
from winback_desktop.services.telephony.interface import EndCause, EventKind, PhoneEvent
from winback_desktop.services.telephony.microsip import find_recording

HOOKS = ("call-start", "call-end", "call-busy")


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
        if call is None or (agent_id is not None and call.agent_id != agent_id):
            raise NoOpenCall(number=number, workstation=workstation)
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
    import platform

    from winback_desktop.core.errors import WinbackError
    from winback_desktop.services.telephony import hook_spool

    log = logging.getLogger(__name__)

    def apply(record: dict[str, object]) -> None:
        database = record.get("database")
        try:
            outcome = handle_hook_at(
                str(database) if database else None, str(record["event"]),
                str(record.get("number") or ""), datetime.fromisoformat(str(record["at"])),
                str(record.get("workstation") or platform.node()[:100]))
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
