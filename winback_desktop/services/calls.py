"""Calls on claimed tasks: start, answer, hang up, wrap up with a disposition (DESIGN §6).

``finish_call`` is where a call's outcome reaches the queue: attempts, retry gap,
callbacks, do-not-call (honoured for every task of the customer at once) and won-back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from winback_desktop.core.domain import (
    CustomerStatus,
    Disposition,
    PresenceState,
    TaskStatus,
)
from winback_desktop.core.errors import Conflict, NotFound, PermissionDenied, ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import Call, CallTask, Campaign, Customer, CustomerPhone
from winback_desktop.db.session import Database
from winback_desktop.db.types import utcnow
from winback_desktop.services import audit, presence
from winback_desktop.services.context import Actor, require
from winback_desktop.services.queue import LeaseLost

#: dispositions that close the task for good (the conversation happened)
FINAL = frozenset({Disposition.WON_BACK, Disposition.NOT_INTERESTED,
                   Disposition.REFUSED_OFFER, Disposition.WRONG_NUMBER})

#: still-open task states that a do-not-call or a win-back closes
_OPEN = (TaskStatus.QUEUED.value, TaskStatus.CLAIMED.value, TaskStatus.CALLBACK.value,
         TaskStatus.EXHAUSTED.value)


class CustomerDoNotCall(Conflict):
    default_text = QT_TRANSLATE_NOOP(
        "Errors", "This customer asked not to be called; the call was not started.")


class TaskClosed(Conflict):
    default_text = QT_TRANSLATE_NOOP(
        "Errors", "Task {task} is closed ({status}); it cannot be called again.")


class CallAlreadyFinished(Conflict):
    default_text = QT_TRANSLATE_NOOP("Errors", "Call {call} already has a disposition.")


@dataclass(frozen=True, slots=True)
class CallOutcome:
    call_id: int
    task_id: int | None
    task_status: str | None
    attempts: int
    next_eligible_at: datetime | None
    callback_at: datetime | None


def parse_disposition(value: Disposition | str) -> Disposition:
    try:
        return Disposition(value)
    except ValueError as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Unknown disposition '{disposition}'. Use one of: "
                              "{choices}."),
            disposition=value, choices=", ".join(d.value for d in Disposition)) from exc


def _primary_phone(session: Session, customer_id: int) -> str | None:
    return session.scalar(
        select(CustomerPhone.e164).where(CustomerPhone.customer_id == customer_id)
        .order_by(CustomerPhone.is_primary.desc(), CustomerPhone.id).limit(1))


def _held_task(session: Session, actor: Actor, task_id: int) -> CallTask:
    task = session.get(CallTask, task_id, with_for_update=True)
    if task is None:
        raise NotFound(what=str(task_id))
    if task.status != TaskStatus.CLAIMED.value or task.claimed_by != actor.user_id:
        raise LeaseLost(task=task_id)
    return task


def start_call(db: Database, actor: Actor, task_id: int, phone_e164: str | None = None,
               now: datetime | None = None) -> int:
    """The agent dials the customer of a task they hold; returns the call id."""
    require(actor, Permission.WORK_QUEUE)
    if actor.user_id is None:
        raise PermissionDenied()
    now = now or utcnow()
    with db.session(immediate=True) as session:
        task = _held_task(session, actor, task_id)
        customer = session.get(Customer, task.customer_id)
        assert customer is not None
        if customer.do_not_call:
            raise CustomerDoNotCall()
        minutes = session.scalar(select(Campaign.lease_minutes)
                                 .where(Campaign.id == task.campaign_id)) or 15
        task.lease_expires_at = now + timedelta(minutes=minutes)
        call = Call(task_id=task.id, customer_id=task.customer_id, campaign_id=task.campaign_id,
                    agent_id=actor.user_id,
                    phone_e164=phone_e164 or _primary_phone(session, task.customer_id),
                    started_at=now)
        session.add(call)
        session.flush()
        presence.write_state(session, actor.user_id, PresenceState.ON_CALL,
                             campaign_id=task.campaign_id, customer_id=task.customer_id,
                             call_id=call.id, workstation=actor.workstation, now=now)
        return call.id


def _own_call(session: Session, actor: Actor, call_id: int) -> Call:
    call = session.get(Call, call_id)
    if call is None:
        raise NotFound(what=str(call_id))
    if call.agent_id != actor.user_id:
        raise PermissionDenied()
    return call


def mark_answered(db: Database, actor: Actor, call_id: int,
                  now: datetime | None = None) -> None:
    """The customer picked up: talk time starts here."""
    with db.session(immediate=True) as session:
        call = _own_call(session, actor, call_id)
        if call.answered_at is None:
            call.answered_at = now or utcnow()


def end_call(db: Database, actor: Actor, call_id: int, now: datetime | None = None) -> None:
    """Hang up: wrap-up time starts; the board shows wrap-up."""
    now = now or utcnow()
    with db.session(immediate=True) as session:
        call = _own_call(session, actor, call_id)
        if call.ended_at is None:
            call.ended_at = now
        assert actor.user_id is not None
        presence.write_state(session, actor.user_id, PresenceState.WRAP_UP,
                             campaign_id=call.campaign_id, customer_id=call.customer_id,
                             call_id=call.id, workstation=actor.workstation, now=now)


def _validate_callback(disposition: Disposition, callback_at: datetime | None
                       ) -> datetime | None:
    if disposition is not Disposition.CALLBACK:
        return None
    if callback_at is None:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "A callback needs a date and time."))
    if callback_at.tzinfo is None:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "The callback time needs a time zone (e.g. 2026-11-24T10:00+08:00)."))
    return callback_at.astimezone(UTC)


def _apply_outcome(session: Session, actor: Actor, call: Call, disposition: Disposition,
                   callback_at: datetime | None, team_callback: bool, now: datetime
                   ) -> CallOutcome:
    """Move the task (and the customer) on after a call, in the caller's transaction."""
    task = session.get(CallTask, call.task_id) if call.task_id is not None else None
    customer = session.get(Customer, call.customer_id)
    assert customer is not None
    if task is None:
        return CallOutcome(call.id, None, None, 0, None, None)
    campaign = session.get(Campaign, task.campaign_id)
    assert campaign is not None
    before = audit.snapshot(task, ("status", "attempts", "callback_at", "next_eligible_at"))
    task.attempts = (task.attempts or 0) + 1
    task.last_attempt_at = now
    task.last_disposition = disposition.value
    task.claimed_by = None
    task.claimed_at = None
    task.lease_expires_at = None
    task.next_eligible_at = now + timedelta(minutes=campaign.retry_gap_minutes)
    task.callback_at = None
    task.callback_owner_id = None
    task.updated_at = now
    if disposition is Disposition.DO_NOT_CALL:
        task.status = TaskStatus.DO_NOT_CALL.value
        customer.do_not_call = True
        session.execute(
            update(CallTask)
            .where(CallTask.customer_id == customer.id, CallTask.status.in_(_OPEN))
            .values(status=TaskStatus.DO_NOT_CALL.value, claimed_by=None,
                    lease_expires_at=None, updated_at=now)
            .execution_options(synchronize_session="fetch"))
    elif disposition is Disposition.CALLBACK:
        task.status = TaskStatus.CALLBACK.value
        task.callback_at = callback_at
        task.callback_owner_id = None if team_callback else actor.user_id
        task.next_eligible_at = None
    elif disposition in FINAL:
        task.status = TaskStatus.DONE.value
        if disposition is Disposition.WON_BACK:
            customer.status = CustomerStatus.WON_BACK.value
            customer.won_back_at = now
            # Won back: no other campaign should call them about coming back.
            session.execute(
                update(CallTask)
                .where(CallTask.customer_id == customer.id, CallTask.id != task.id,
                       CallTask.status.in_((TaskStatus.QUEUED.value,
                                            TaskStatus.CALLBACK.value)))
                .values(status=TaskStatus.DONE.value, updated_at=now)
                .execution_options(synchronize_session="fetch"))
    elif task.attempts >= campaign.max_attempts:
        task.status = TaskStatus.EXHAUSTED.value
    else:
        task.status = TaskStatus.QUEUED.value
    after = audit.snapshot(task, ("status", "attempts", "callback_at", "next_eligible_at"))
    audit.record(session, actor, "call_finished", "call", call.id,
                 before={"task": before},
                 after={"task_id": task.id, "disposition": disposition.value, "task": after,
                        "customer_status": customer.status,
                        "do_not_call": customer.do_not_call})
    return CallOutcome(call.id, task.id, task.status, task.attempts, task.next_eligible_at,
                       task.callback_at)


def _customer_outcome(session: Session, actor: Actor, call: Call, disposition: Disposition,
                      now: datetime) -> CallOutcome:
    """Only what the customer said (do not call, won back), when the task is not ours."""
    customer = session.get(Customer, call.customer_id)
    assert customer is not None
    if disposition is Disposition.DO_NOT_CALL:
        customer.do_not_call = True
        session.execute(
            update(CallTask)
            .where(CallTask.customer_id == customer.id, CallTask.status.in_(_OPEN))
            .values(status=TaskStatus.DO_NOT_CALL.value, claimed_by=None,
                    lease_expires_at=None, updated_at=now)
            .execution_options(synchronize_session="fetch"))
    elif disposition is Disposition.WON_BACK:
        customer.status = CustomerStatus.WON_BACK.value
        customer.won_back_at = now
    audit.record(session, actor, "call_finished", "call", call.id,
                 after={"task_id": call.task_id, "disposition": disposition.value,
                        "task": None, "customer_status": customer.status,
                        "do_not_call": customer.do_not_call})
    return CallOutcome(call.id, call.task_id, None, 0, None, None)


def finish_call(db: Database, actor: Actor, call_id: int, disposition: Disposition | str,
                notes: str | None = None, callback_at: datetime | None = None,
                team_callback: bool = False, now: datetime | None = None) -> CallOutcome:
    """Wrap-up done: store the disposition and notes, move the task on, agent ready."""
    require(actor, Permission.WORK_QUEUE)
    disp = parse_disposition(disposition)
    callback_at = _validate_callback(disp, callback_at)
    now = now or utcnow()
    with db.session(immediate=True) as session:
        call = _own_call(session, actor, call_id)
        if call.disposition is not None:
            raise CallAlreadyFinished(call=call_id)
        held_by_other = False
        if call.task_id is not None:
            task = session.get(CallTask, call.task_id, with_for_update=True)
            # The lease may have run out mid-call and someone else taken the task: the
            # call is still recorded, their claim is left alone.
            held_by_other = bool(task is not None and task.status == TaskStatus.CLAIMED.value
                                 and task.claimed_by not in (None, actor.user_id))
        if call.ended_at is None:
            call.ended_at = now
        call.wrapup_ended_at = now
        call.disposition = disp.value
        call.notes = notes.strip() if notes and notes.strip() else None
        call.callback_at = callback_at
        if held_by_other:
            outcome = _customer_outcome(session, actor, call, disp, now)
        else:
            outcome = _apply_outcome(session, actor, call, disp, callback_at, team_callback,
                                     now)
        assert actor.user_id is not None
        presence.write_state(session, actor.user_id, PresenceState.READY,
                             workstation=actor.workstation, now=now)
        return outcome


def log_call(db: Database, actor: Actor, task_id: int, disposition: Disposition | str,
             notes: str | None = None, callback_at: datetime | None = None,
             team_callback: bool = False, now: datetime | None = None) -> CallOutcome:
    """Record a finished call on a task in one step (the CLI, imports of dialer logs).

    The task must be held by the actor or be waiting in the queue; a task someone
    else holds, a closed task and a do-not-call customer are refused.
    """
    require(actor, Permission.WORK_QUEUE)
    if actor.user_id is None:
        raise PermissionDenied()
    disp = parse_disposition(disposition)
    callback_at = _validate_callback(disp, callback_at)
    now = now or utcnow()
    with db.session(immediate=True) as session:
        task = session.get(CallTask, task_id, with_for_update=True)
        if task is None:
            raise NotFound(what=str(task_id))
        held_by_other = (task.status == TaskStatus.CLAIMED.value
                         and task.claimed_by != actor.user_id
                         and task.lease_expires_at is not None and task.lease_expires_at > now)
        if held_by_other:
            raise LeaseLost(task=task_id)
        if task.status in (TaskStatus.DONE.value, TaskStatus.EXHAUSTED.value,
                           TaskStatus.DO_NOT_CALL.value):
            raise TaskClosed(task=task_id, status=task.status)
        customer = session.get(Customer, task.customer_id)
        assert customer is not None
        if customer.do_not_call:
            raise CustomerDoNotCall()
        call = Call(task_id=task.id, customer_id=task.customer_id, campaign_id=task.campaign_id,
                    agent_id=actor.user_id, phone_e164=_primary_phone(session, task.customer_id),
                    started_at=now, ended_at=now, wrapup_ended_at=now, disposition=disp.value,
                    notes=notes.strip() if notes and notes.strip() else None,
                    callback_at=callback_at)
        session.add(call)
        session.flush()
        return _apply_outcome(session, actor, call, disp, callback_at, team_callback, now)


def list_calls_for_customer(session: Session, customer_id: int, limit: int = 20) -> list[Call]:
    return list(session.scalars(select(Call).where(Call.customer_id == customer_id)
                                .order_by(Call.started_at.desc(), Call.id.desc()).limit(limit)))
