"""The call's lifecycle as use cases: start, answer, hang up, outcome, wrap-up, abandon.

Each function is one transaction that moves a call one step along ``core.call_flow``
(the rules live there; here they meet the database, the queue, presence and the audit
log). Answer and hang-up are idempotent and keyed by the call id, so the phone system's
events and the agent's buttons can both drive the same call in any order.

A call holds a lease like its task: the workspace renews both every heartbeat. A call
whose lease ran out (the app crashed, was killed, lost the network) is closed as
abandoned by the next sweep and its task returns to the queue; an outcome already
recorded stands.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import Session

from winback_desktop.core import call_flow as flow
from winback_desktop.core.call_flow import CallStep
from winback_desktop.core.domain import PresenceState, TaskStatus, Treatment
from winback_desktop.core.errors import NotFound
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import AgentPresence, Call, CallTask, Campaign, Customer
from winback_desktop.db.session import Database
from winback_desktop.db.types import utcnow
from winback_desktop.services import audit, presence, win_model
from winback_desktop.services.calls.outcome import (
    CallAlreadyFinished,
    CallOutcome,
    CustomerDoNotCall,
    _apply_outcome,
    _customer_outcome,
    _held_task,
    _primary_phone,
    _validate_callback,
    check_success,
    parse_disposition,
)
from winback_desktop.services.changes import Changes, Topic
from winback_desktop.services.context import Actor, refuse, require

#: who set a time: the agent's buttons, or the phone system's events
AGENT = "agent"
PHONE = "phone"
#: a call's lease when its campaign does not say
DEFAULT_LEASE_MINUTES = 15
#: why a call was abandoned
CRASH, QUIT, LOGOUT, LEASE_EXPIRED = "crash", "quit", "logout", "lease_expired"

CALL_CHANGES = Changes.of(Topic.CALLS, Topic.PRESENCE)
ABANDON_CHANGES = Changes.of(Topic.CALLS, Topic.QUEUE, Topic.PRESENCE)
OUTCOME_CHANGES = Changes.of(Topic.CALLS, Topic.QUEUE, Topic.PRESENCE, Topic.CUSTOMERS,
                             Topic.SCORECARDS, Topic.REWARDS)


@dataclass(frozen=True, slots=True)
class CallState:
    """Where a call is after a lifecycle step; ``changed`` False = it was already there."""

    call_id: int
    task_id: int | None
    step: CallStep
    answered_at: datetime | None
    ended_at: datetime | None
    disposition: str | None
    lease_expires_at: datetime | None
    changed: bool
    changes: Changes = CALL_CHANGES


def _state(call: Call, changed: bool) -> CallState:
    return CallState(call.id, call.task_id, CallStep(call.step), call.answered_at,
                     call.ended_at, call.disposition, call.lease_expires_at, changed,
                     CALL_CHANGES if changed else Changes())


def _lease_minutes(session: Session, campaign_id: int | None) -> int:
    if campaign_id is None:
        return DEFAULT_LEASE_MINUTES
    return session.scalar(select(Campaign.lease_minutes)
                          .where(Campaign.id == campaign_id)) or DEFAULT_LEASE_MINUTES


def _own_call(session: Session, actor: Actor, call_id: int, *, lock: bool = True) -> Call:
    call = session.get(Call, call_id, with_for_update=lock)
    if call is None:
        raise NotFound(what=str(call_id))
    if call.agent_id != actor.user_id:
        refuse(None, actor, "_own_call")
    return call


def _renew(session: Session, call: Call, now: datetime) -> None:
    call.lease_expires_at = now + timedelta(minutes=_lease_minutes(session, call.campaign_id))


def start_call(db: Database, actor: Actor, task_id: int, phone_e164: str | None = None,
               now: datetime | None = None) -> int:
    """The agent dials the customer of a task they hold (claimed → dialling); the call id."""
    require(actor, Permission.WORK_QUEUE)
    if actor.user_id is None:
        refuse(None, actor, "start_call")
    now = now or utcnow()
    with db.session(immediate=True) as session:
        task = _held_task(session, actor, task_id)
        customer = session.get(Customer, task.customer_id)
        assert customer is not None
        if customer.do_not_call:
            raise CustomerDoNotCall()
        minutes = _lease_minutes(session, task.campaign_id)
        task.lease_expires_at = now + timedelta(minutes=minutes)
        call = Call(task_id=task.id, customer_id=task.customer_id, campaign_id=task.campaign_id,
                    agent_id=actor.user_id,
                    phone_e164=phone_e164 or _primary_phone(session, task.customer_id),
                    started_at=now, step=CallStep.DIALLING.value,
                    lease_expires_at=now + timedelta(minutes=minutes))
        session.add(call)
        session.flush()
        audit.record(session, actor, "call_started", "call", call.id,
                     after={"task_id": task.id, "phone": call.phone_e164})
        presence.write_state(session, actor.user_id, PresenceState.ON_CALL,
                             campaign_id=task.campaign_id, customer_id=task.customer_id,
                             call_id=call.id, workstation=actor.workstation, now=now)
        return call.id


def answer_call(db: Database, actor: Actor, call_id: int,
                now: datetime | None = None) -> CallState:
    """The customer picked up (dialling → answered): talk time starts. Idempotent."""
    require(actor, Permission.WORK_QUEUE)
    now = now or utcnow()
    with db.session(immediate=True) as session:
        call = _own_call(session, actor, call_id)
        return _state(call, answer_in(session, actor, call, now))


def answer_in(session: Session, actor: Actor, call: Call, now: datetime, *, by: str = AGENT,
              audit_action: str = "call_answered",
              audit_extra: dict[str, object] | None = None) -> bool:
    """Answer ``call`` in the caller's transaction; False when nothing changed.

    The one place a call is answered, whoever says so: the agent's button (``by`` =
    ``agent``) or the phone system's event (``phone``). The phone's measured time wins
    over a click (even after the call moved on); a click never overwrites a measured
    time.
    """
    before = _timing(call)
    nxt = flow.after_answer(call.id, call.step, line_open=call.ended_at is None)
    changed = False
    if nxt is not None:
        call.step = nxt.value
        changed = True
    if by == PHONE and call.answered_by != PHONE and call.step != CallStep.ABANDONED.value:
        call.answered_at, call.answered_by = now, PHONE
        changed = True
    elif nxt is not None and call.answered_at is None:
        call.answered_at, call.answered_by = now, by
    if not changed:
        return False
    if flow.is_open(call.step):
        _renew(session, call, now)
    audit.record(session, actor, audit_action, "call", call.id, before=before,
                 after=_timing(call) | (audit_extra or {}))
    return True


def mark_answered(db: Database, actor: Actor, call_id: int,
                  now: datetime | None = None) -> CallState:
    """The older name of ``answer_call`` (the phone adapters and tests use it)."""
    return answer_call(db, actor, call_id, now)


def end_call(db: Database, actor: Actor, call_id: int, now: datetime | None = None
             ) -> CallState:
    """Hang up (dialling/answered → outcome): wrap-up time starts. Idempotent."""
    require(actor, Permission.WORK_QUEUE)
    now = now or utcnow()
    with db.session(immediate=True) as session:
        call = _own_call(session, actor, call_id)
        return _state(call, end_in(session, actor, call, now))


def end_in(session: Session, actor: Actor, call: Call, now: datetime, *, by: str = AGENT,
           cause: str | None = None, unanswered: bool = False,
           audit_action: str = "call_ended",
           audit_extra: dict[str, object] | None = None) -> bool:
    """Hang ``call`` up in the caller's transaction; False when nothing changed.

    The one place a call ends, whoever says so. The phone system's end (``by`` =
    ``phone``) brings its time and ``cause``; ``unanswered`` (busy, no answer, failed)
    undoes an answer the agent clicked but the phone never saw, so an outcome that
    needs a conversation stays refused.
    """
    before = _timing(call)
    step = CallStep(call.step)
    line_was_open = call.ended_at is None
    changed = False
    if by == PHONE:
        if call.ended_by != PHONE and step is not CallStep.ABANDONED:
            call.ended_at, call.ended_by = now, PHONE
            changed = True
        if cause is not None and call.end_cause != cause:
            call.end_cause = cause
            changed = True
        if unanswered and call.answered_by != PHONE and call.answered_at is not None:
            call.answered_at, call.answered_by = None, None
            changed = True
    elif call.ended_at is None and step in flow.OPEN_STEPS:
        call.ended_at, call.ended_by = now, call.ended_by or by
        changed = True
    nxt = flow.after_end(call.id, step)
    if nxt is not None:
        call.step = nxt.value
        changed = True
    if not changed:
        return False
    if flow.is_open(call.step):
        _renew(session, call, now)
    audit.record(session, actor, audit_action, "call", call.id, before=before,
                 after=_timing(call) | (audit_extra or {}))
    # Wrap-up starts at the hang-up: from "answered", or from the outcome step an accepted
    # offer opened while the customer was still on the line.
    hung_up = nxt is not None or (line_was_open and call.ended_at is not None)
    if hung_up and call.disposition is None and call.agent_id is not None:
        presence.write_state(session, call.agent_id, PresenceState.WRAP_UP,
                             campaign_id=call.campaign_id, customer_id=call.customer_id,
                             call_id=call.id, workstation=actor.workstation, now=now)
    return True


def _timing(call: Call) -> dict[str, object]:
    """What an answer or a hang-up changes, for the audit log."""
    return {"step": call.step,
            "answered_at": call.answered_at.isoformat() if call.answered_at else None,
            "answered_by": call.answered_by,
            "ended_at": call.ended_at.isoformat() if call.ended_at else None,
            "ended_by": call.ended_by, "end_cause": call.end_cause}


def offer_accepted(db: Database, actor: Actor, call_id: int,
                   now: datetime | None = None) -> CallState:
    """The customer took an offer: on to the outcome step, the call stays open (the
    agent finishes the interview, confirms the outcome and wraps up)."""
    require(actor, Permission.WORK_QUEUE)
    now = now or utcnow()
    with db.session(immediate=True) as session:
        call = _own_call(session, actor, call_id)
        changed = accept_offer_in_session(session, actor, call, now)
        return _state(call, changed)


def accept_offer_in_session(session: Session, actor: Actor, call: Call, now: datetime) -> bool:
    """Move ``call`` to its outcome step in the caller's transaction (the offers service
    records the customer's "yes" and this in one unit of work); True if it moved."""
    nxt = flow.after_offer_accepted(call.id, call.step)
    changed = nxt.value != call.step
    call.step = nxt.value
    _renew(session, call, now)
    if changed:
        audit.record(session, actor, "call_offer_accepted", "call", call.id,
                     after={"step": call.step})
    return changed


def record_outcome(db: Database, actor: Actor, call_id: int, disposition: object,
                   notes: str | None = None, callback_at: datetime | None = None,
                   team_callback: bool = False, *, wrap_up: bool = False,
                   now: datetime | None = None) -> CallOutcome:
    """Store the call's outcome and move its task and customer on.

    ``wrap_up`` True keeps the call in the wrap-up step (``finish_wrap_up`` closes it);
    False closes it now. An outcome that needs a conversation is refused before the
    customer answered; a call still on the line is hung up.
    """
    require(actor, Permission.WORK_QUEUE)
    disp = parse_disposition(disposition)  # type: ignore[arg-type]
    callback_at = _validate_callback(disp, callback_at)
    now = now or utcnow()
    with db.session(immediate=True) as session:
        call = _own_call(session, actor, call_id)
        if call.disposition is not None:
            raise CallAlreadyFinished(call=call_id)
        flow.check_outcome(call.id, call.step, _answered(call), disp)
        customer = session.get(Customer, call.customer_id)
        assert customer is not None
        check_success(session, call.campaign_id, customer, disp)
        held_by_other = False
        if call.task_id is not None:
            task = session.get(CallTask, call.task_id, with_for_update=True)
            # The lease may have run out mid-call and someone else taken the task: the
            # call is still recorded, their claim is left alone.
            held_by_other = bool(task is not None and task.status == TaskStatus.CLAIMED.value
                                 and task.claimed_by not in (None, actor.user_id))
        if call.ended_at is None:
            call.ended_at = now
            call.ended_by = call.ended_by or AGENT
        call.step = flow.after_outcome(wrap_up).value
        call.outcome_at = now
        call.wrapup_ended_at = None if wrap_up else now
        call.disposition = disp.value
        call.notes = notes.strip() if notes and notes.strip() else None
        call.callback_at = callback_at
        if held_by_other:
            outcome = _customer_outcome(session, actor, call, disp, now)
        else:
            outcome = _apply_outcome(session, actor, call, disp, callback_at, team_callback,
                                     now)
        assert actor.user_id is not None
        if wrap_up:
            presence.write_state(session, actor.user_id, PresenceState.WRAP_UP,
                                 campaign_id=call.campaign_id, customer_id=call.customer_id,
                                 call_id=call.id, workstation=actor.workstation, now=now)
        else:
            presence.write_state(session, actor.user_id, PresenceState.READY,
                                 workstation=actor.workstation, now=now)
        win_model.observe_outcome(session, call.id, now)
        return _with_step(outcome, call.step)


def _answered(call: Call) -> bool:
    return call.answered_at is not None or call.step == CallStep.ANSWERED.value


def _with_step(outcome: CallOutcome, step: str) -> CallOutcome:
    return replace(outcome, step=step, changes=OUTCOME_CHANGES)


def finish_call(db: Database, actor: Actor, call_id: int, disposition: object,
                notes: str | None = None, callback_at: datetime | None = None,
                team_callback: bool = False, now: datetime | None = None) -> CallOutcome:
    """Outcome and wrap-up in one step (the workspace's outcome keys, the phone hook)."""
    return record_outcome(db, actor, call_id, disposition, notes, callback_at, team_callback,
                          wrap_up=False, now=now)


def finish_wrap_up(db: Database, actor: Actor, call_id: int, notes: str | None = None,
                   now: datetime | None = None) -> CallState:
    """Wrap-up done (wrap-up → done): the agent is ready again. Idempotent."""
    require(actor, Permission.WORK_QUEUE)
    now = now or utcnow()
    with db.session(immediate=True) as session:
        call = _own_call(session, actor, call_id)
        nxt = flow.after_finish(call.id, call.step)
        if nxt is None:
            return _state(call, False)
        call.step = nxt.value
        call.wrapup_ended_at = now
        if notes and notes.strip():
            call.notes = notes.strip()
        audit.record(session, actor, "call_wrapped_up", "call", call.id,
                     after={"wrapup_ended_at": now})
        assert actor.user_id is not None
        presence.write_state(session, actor.user_id, PresenceState.READY,
                             workstation=actor.workstation, now=now)
        return _state(call, True)


# ------------------------------------------------------------------ abandoned calls


def _close_abandoned(session: Session, actor: Actor, call: Call, reason: str,
                     now: datetime) -> bool:
    """Close a call its agent left, in the caller's transaction; False if already closed."""
    nxt = flow.after_abandon(call.step)
    if nxt is None:
        return False
    # The last moment the call is known to have been alive: its lease, for a crash.
    at = min(now, call.lease_expires_at) if call.lease_expires_at is not None else now
    at = max(at, call.started_at)
    before = {"step": call.step, "ended_at": call.ended_at}
    if nxt is CallStep.DONE:
        # the outcome was stored; only wrap-up was left open
        call.wrapup_ended_at = at
    else:
        call.abandon_reason = reason
        if call.ended_at is None:
            call.ended_at = at
        _return_task(session, actor, call, now)
    call.step = nxt.value
    call.lease_expires_at = None
    audit.record(session, actor, "call_abandoned" if nxt is CallStep.ABANDONED
                 else "call_wrapped_up", "call", call.id, before=before,
                 after={"step": call.step, "reason": reason, "ended_at": call.ended_at})
    if call.agent_id is not None:
        current = session.scalar(select(AgentPresence.current_call_id)
                                 .where(AgentPresence.user_id == call.agent_id))
        if current == call.id:
            state = PresenceState.READY if call.agent_id == actor.user_id \
                else PresenceState.OFFLINE
            presence.write_state(session, call.agent_id, state, now=now)
    return True


def _return_task(session: Session, actor: Actor, call: Call, now: datetime) -> None:
    """The task of an abandoned call goes back to the queue (no attempt counted)."""
    if call.task_id is None:
        return
    task = session.get(CallTask, call.task_id, with_for_update=True)
    if task is None or task.status != TaskStatus.CLAIMED.value \
            or task.claimed_by not in (None, call.agent_id):
        return  # already back, or someone else holds it now
    before = {"status": task.status, "claimed_by": task.claimed_by}
    task.status = (TaskStatus.NOT_PURSUED.value if task.segment == Treatment.DO_NOT_PURSUE.value
                   else TaskStatus.CALLBACK.value if task.callback_at is not None
                   else TaskStatus.QUEUED.value)
    task.claimed_by = None
    task.claimed_at = None
    task.lease_expires_at = None
    task.updated_at = now
    audit.record(session, actor, "task_released", "call_task", task.id, before=before,
                 after={"status": task.status, "claimed_by": None, "call_id": call.id})


@dataclass(frozen=True, slots=True)
class Abandoned:
    call_ids: tuple[int, ...]
    changes: Changes = ABANDON_CHANGES


def abandon_call(db: Database, actor: Actor, call_id: int, reason: str = QUIT,
                 now: datetime | None = None) -> Abandoned:
    """Close an open call without an outcome (the agent quits or logs out mid-call, or a
    supervisor closes a stuck one); its task returns to the queue."""
    require(actor, Permission.WORK_QUEUE)
    now = now or utcnow()
    with db.session(immediate=True) as session:
        call = session.get(Call, call_id, with_for_update=True)
        if call is None:
            raise NotFound(what=str(call_id))
        if call.agent_id != actor.user_id and not actor.can(Permission.MONITOR_AGENTS):
            refuse(None, actor, "abandon_call")
        closed = _close_abandoned(session, actor, call, reason, now)
        return Abandoned((call.id,) if closed else ())


def abandon_stale_calls(db: Database, actor: Actor, now: datetime | None = None,
                        limit: int = 200) -> Abandoned:
    """Close every open call whose lease ran out (a crashed or killed workstation): the
    call is abandoned, its task returns to the queue, each closing audited as ``actor``.

    The supervisors' board runs this on every refresh and ``winback call sweep`` from a
    scheduled job, so the common case (nothing stale) is one indexed read and never
    takes SQLite's write lock.
    """
    now = now or utcnow()
    open_steps = [s.value for s in flow.OPEN_STEPS]
    stale_now = and_(Call.step.in_(open_steps),
                     or_(Call.lease_expires_at < now,
                         and_(Call.lease_expires_at.is_(None),
                              Call.started_at < now - timedelta(days=1))))
    with db.session() as session:
        if session.scalar(select(Call.id).where(stale_now).limit(1)) is None:
            return Abandoned(())
    with db.session(immediate=True) as session:
        stale = list(session.scalars(
            select(Call).where(stale_now)
            .order_by(Call.id).limit(limit).with_for_update(skip_locked=True)))
        closed = tuple(c.id for c in stale
                       if _close_abandoned(session, actor, c, LEASE_EXPIRED, now))
        return Abandoned(closed)


def abandon_own_open_calls(db: Database, actor: Actor, reason: str = CRASH,
                           now: datetime | None = None) -> Abandoned:
    """A new session of this agent starts: calls an earlier one left open are closed."""
    require(actor, Permission.WORK_QUEUE)
    now = now or utcnow()
    open_steps = [s.value for s in flow.OPEN_STEPS]
    with db.session(immediate=True) as session:
        calls = list(session.scalars(select(Call).where(
            Call.agent_id == actor.user_id, Call.step.in_(open_steps)).order_by(Call.id)))
        closed = tuple(c.id for c in calls if _close_abandoned(session, actor, c, reason, now))
        return Abandoned(closed)


def heartbeat(db: Database, actor: Actor, now: datetime | None = None) -> None:
    """The workstation is alive: presence, held tasks' and open calls' leases."""
    now = now or utcnow()
    presence.heartbeat(db, actor, now)
    open_steps = [s.value for s in flow.OPEN_STEPS]
    with db.session(immediate=True) as session:
        rows = session.execute(select(Call.id, Call.campaign_id).where(
            Call.agent_id == actor.user_id, Call.step.in_(open_steps))).all()
        for call_id, campaign_id in rows:
            session.execute(
                update(Call).where(Call.id == call_id, Call.step.in_(open_steps))
                .values(lease_expires_at=now + timedelta(
                    minutes=_lease_minutes(session, campaign_id)))
                .execution_options(synchronize_session=False))
