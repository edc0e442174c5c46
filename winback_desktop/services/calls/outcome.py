"""What a call's outcome does to its task and customer (DESIGN §6).

Shared by the lifecycle (``record_outcome``), the one-shot ``log_call`` and amendments:
attempts, retry gap, callbacks, do-not-call (honoured for every task of the customer at
once), won back and saved.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from winback_desktop.core.call_flow import NEEDS_CONVERSATION, CallStep
from winback_desktop.core.domain import (
    STATUS_AFTER_SUCCESS,
    SUCCESS_DISPOSITIONS,
    CustomerStatus,
    Disposition,
    TaskStatus,
    Treatment,
    success_for,
)
from winback_desktop.core.errors import Conflict, NotFound, ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.core.queue_rules import PERSONAL_CALLBACK_GRACE_MINUTES
from winback_desktop.db.models import Call, CallTask, Campaign, Customer, CustomerPhone
from winback_desktop.db.session import Database
from winback_desktop.db.types import utcnow
from winback_desktop.services import audit, customer_outcomes, win_model
from winback_desktop.services.changes import Changes, Topic
from winback_desktop.services.context import Actor, refuse, require
from winback_desktop.services.queue import LeaseLost

#: dispositions that close the task for good (the conversation happened)
FINAL = frozenset({Disposition.WON_BACK, Disposition.SAVED, Disposition.NOT_INTERESTED,
                   Disposition.REFUSED_OFFER, Disposition.WRONG_NUMBER,
                   Disposition.STILL_CUSTOMER})

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


class WrongSuccess(ValidationError):
    """A save is not a win-back (and the other way round)."""

    default_text = QT_TRANSLATE_NOOP(
        "Errors", "This customer was at risk, not lost: keeping them is 'saved', "
        "not 'won back'.")


_NOT_A_SAVE = QT_TRANSLATE_NOOP(
    "Errors", "This customer was lost, not at risk: bringing them back is 'won back', "
    "not 'saved'.")


def check_success(session: Session, campaign_id: int | None, customer: Customer,
                  disposition: Disposition) -> None:
    """Refuse ``won_back`` in a save campaign and ``saved`` in a win-back campaign."""
    if disposition not in SUCCESS_DISPOSITIONS:
        return
    kind = (session.scalar(select(Campaign.kind).where(Campaign.id == campaign_id))
            if campaign_id is not None else None)
    expected = success_for(kind, customer.status)
    if disposition is not expected:
        raise WrongSuccess(None if expected is Disposition.SAVED else _NOT_A_SAVE)


def mark_success(customer: Customer, disposition: Disposition, now: datetime) -> None:
    """The customer's status after a successful call: won back, or retained by a save."""
    status = STATUS_AFTER_SUCCESS[disposition]
    customer.status = status.value
    if status is CustomerStatus.RETAINED:
        customer.retained_at = now
    else:
        customer.won_back_at = now


@dataclass(frozen=True, slots=True)
class CallOutcome:
    call_id: int
    task_id: int | None
    task_status: str | None
    attempts: int
    next_eligible_at: datetime | None
    callback_at: datetime | None
    #: the call's step afterwards (core.call_flow.CallStep)
    step: str = CallStep.DONE.value
    changes: Changes = field(default_factory=lambda: Changes.of(
        Topic.CALLS, Topic.QUEUE, Topic.PRESENCE, Topic.CUSTOMERS, Topic.SCORECARDS,
        Topic.REWARDS))

    def as_dict(self) -> dict[str, object]:
        """For the CLI's JSON (``changes`` is for the GUI's views)."""
        return {"call_id": self.call_id, "task_id": self.task_id,
                "task_status": self.task_status, "attempts": self.attempts,
                "next_eligible_at": self.next_eligible_at, "callback_at": self.callback_at,
                "step": self.step}


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


#: How far ahead a callback may be arranged.
MAX_CALLBACK_AHEAD = timedelta(days=366)


def _validate_callback(disposition: Disposition, callback_at: datetime | None
                       ) -> datetime | None:
    if disposition is not Disposition.CALLBACK:
        return None
    if callback_at is None:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "A callback needs a date and time."))
    if callback_at.tzinfo is None:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "The callback time needs a time zone (e.g. 2026-11-24T10:00+08:00)."))
    try:
        at = callback_at.astimezone(UTC)
    except OverflowError:  # 9999-12-31T23:00-05:00 is past the last date Python holds
        at = datetime.max.replace(tzinfo=UTC)
    if at > utcnow() + MAX_CALLBACK_AHEAD:
        # a typo (year 9999) would park the customer forever, out of every queue
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "A callback can be at most {days} days ahead."),
            days=MAX_CALLBACK_AHEAD.days)
    return at


def _apply_outcome(session: Session, actor: Actor, call: Call, disposition: Disposition,
                   callback_at: datetime | None, team_callback: bool, now: datetime,
                   *, count_attempt: bool = True, action: str = "call_finished"
                   ) -> CallOutcome:
    """Move the task (and the customer) on after a call, in the caller's transaction.

    An amendment passes ``count_attempt=False``: the call was already counted once.
    """
    task = session.get(CallTask, call.task_id) if call.task_id is not None else None
    customer = session.get(Customer, call.customer_id)
    assert customer is not None
    if task is None:
        customer_outcomes.apply_in_session(session, actor, customer, disposition, now)
        return CallOutcome(call.id, None, None, 0, None, None)
    campaign = session.get(Campaign, task.campaign_id)
    assert campaign is not None
    before = audit.snapshot(task, ("status", "attempts", "callback_at", "next_eligible_at"))
    if count_attempt:
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
        if disposition in SUCCESS_DISPOSITIONS:
            call.sltv_minor = task.sltv_minor  # SLTV recovered (or saved), as valued now
            mark_success(customer, disposition, now)
            # Won back (or kept): no other campaign should call them about it.
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
    if task.segment == Treatment.DO_NOT_PURSUE.value and task.status in (
            TaskStatus.QUEUED.value, TaskStatus.CALLBACK.value):
        task.status = TaskStatus.NOT_PURSUED.value  # re-segmented during the call
    # won back, saved, still a customer: their risk flag closes and their plan ends
    customer_outcomes.apply_in_session(session, actor, customer, disposition, now,
                                       task_id=task.id)
    after = audit.snapshot(task, ("status", "attempts", "callback_at", "next_eligible_at"))
    audit.record(session, actor, action, "call", call.id,
                 before={"task": before},
                 after={"task_id": task.id, "disposition": disposition.value, "task": after,
                        "customer_status": customer.status,
                        "do_not_call": customer.do_not_call})
    return CallOutcome(call.id, task.id, task.status, task.attempts, task.next_eligible_at,
                       task.callback_at)


def _customer_outcome(session: Session, actor: Actor, call: Call, disposition: Disposition,
                      now: datetime, *, action: str = "call_finished") -> CallOutcome:
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
    elif disposition in SUCCESS_DISPOSITIONS:
        mark_success(customer, disposition, now)
        call.sltv_minor = customer.sltv_minor
    customer_outcomes.apply_in_session(session, actor, customer, disposition, now,
                                       task_id=call.task_id)
    audit.record(session, actor, action, "call", call.id,
                 after={"task_id": call.task_id, "disposition": disposition.value,
                        "task": None, "customer_status": customer.status,
                        "do_not_call": customer.do_not_call})
    return CallOutcome(call.id, call.task_id, None, 0, None, None)


def log_call(db: Database, actor: Actor, task_id: int, disposition: Disposition | str,
             notes: str | None = None, callback_at: datetime | None = None,
             team_callback: bool = False, now: datetime | None = None) -> CallOutcome:
    """Record a finished call on a task in one step (the CLI, imports of dialer logs).

    The task must be held by the actor or be waiting in the queue; a task someone
    else holds, a closed task and a do-not-call customer are refused.
    """
    require(actor, Permission.WORK_QUEUE)
    if actor.user_id is None:
        refuse(None, actor, "log_call")
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
        if (task.status == TaskStatus.CALLBACK.value and task.callback_owner_id is not None
                and task.callback_owner_id != actor.user_id and task.callback_at is not None
                and task.callback_at + timedelta(minutes=PERSONAL_CALLBACK_GRACE_MINUTES) > now):
            refuse(session, actor, "log_call", QT_TRANSLATE_NOOP(
                "Errors", "Task {task} is another agent's personal callback."), task=task.id)
        if task.status in (TaskStatus.DONE.value, TaskStatus.EXHAUSTED.value,
                           TaskStatus.DO_NOT_CALL.value, TaskStatus.NOT_PURSUED.value):
            raise TaskClosed(task=task_id, status=task.status)
        customer = session.get(Customer, task.customer_id)
        assert customer is not None
        if customer.do_not_call:
            raise CustomerDoNotCall()
        check_success(session, task.campaign_id, customer, disp)
        call = Call(task_id=task.id, customer_id=task.customer_id, campaign_id=task.campaign_id,
                    agent_id=actor.user_id, phone_e164=_primary_phone(session, task.customer_id),
                    started_at=now, ended_at=now, wrapup_ended_at=now, disposition=disp.value,
                    step=CallStep.DONE.value, outcome_at=now,
                    # a conversation outcome means the customer came on the line
                    answered_at=now if disp in NEEDS_CONVERSATION else None,
                    answered_by="agent" if disp in NEEDS_CONVERSATION else None,
                    notes=notes.strip() if notes and notes.strip() else None,
                    callback_at=callback_at)
        session.add(call)
        session.flush()
        outcome = _apply_outcome(session, actor, call, disp, callback_at, team_callback, now)
        win_model.observe_outcome(session, call.id, now)
        return outcome
