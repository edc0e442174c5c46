"""Correcting a recorded outcome: the agent within 15 minutes, a supervisor any time.

A wrong key or a customer who rings back to say "actually, yes" must not leave the
figures wrong. The amendment changes the call's outcome with a reason, audited, and
everything that follows from an outcome follows the new one: the customer's status (won
back / retained / back to lost or at risk), the task (if this call is still its latest),
do-not-call, the win model's counts, the SLTV the call recorded. Rewards are derived
from calls (``rewards.sync_ledger`` reverses what no longer holds) and the scorecard
roll-up of the call's day is marked stale by the database, so both follow too.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from winback_desktop.core import call_flow as flow
from winback_desktop.core.domain import (
    STATUS_AFTER_SUCCESS,
    SUCCESS_DISPOSITIONS,
    CustomerStatus,
    Disposition,
    TaskStatus,
    Treatment,
)
from winback_desktop.core.errors import NotFound
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import Call, CallTask, Campaign, Customer
from winback_desktop.db.session import Database
from winback_desktop.db.types import utcnow
from winback_desktop.services import audit, customer_outcomes, win_model
from winback_desktop.services.calls.outcome import (
    FINAL,
    CallOutcome,
    _apply_outcome,
    _validate_callback,
    check_success,
    mark_success,
    parse_disposition,
)
from winback_desktop.services.context import Actor, refuse, require

#: the status a customer goes back to when their only success is amended away
_STATUS_BEFORE = {Disposition.WON_BACK: CustomerStatus.LOST,
                  Disposition.SAVED: CustomerStatus.AT_RISK}


def can_amend(actor: Actor, call: Call, now: datetime) -> bool:
    """Whether ``actor`` may amend ``call``'s outcome now (for the screens' buttons)."""
    if call.disposition is None or call.step not in (flow.CallStep.DONE.value,
                                                     flow.CallStep.WRAP_UP.value):
        return False
    if actor.can(Permission.MONITOR_AGENTS):
        return True
    return (call.agent_id == actor.user_id and call.outcome_at is not None
            and now - call.outcome_at <= flow.AMEND_WINDOW)


def amend_outcome(db: Database, actor: Actor, call_id: int, disposition: Disposition | str,
                  reason: str, callback_at: datetime | None = None,
                  now: datetime | None = None) -> CallOutcome:
    """Change a call's recorded outcome; the customer, task and figures follow."""
    require(actor, Permission.WORK_QUEUE)
    new = parse_disposition(disposition)
    callback_at = _validate_callback(new, callback_at)
    now = now or utcnow()
    reason = (reason or "").strip()
    with db.session(immediate=True) as session:
        call = session.get(Call, call_id, with_for_update=True)
        if call is None:
            raise NotFound(what=str(call_id))
        supervisor = actor.can(Permission.MONITOR_AGENTS)
        if not supervisor and call.agent_id != actor.user_id:
            refuse(None, actor, "amend_outcome")
        flow.check_amend(call.id, call.step, answered=call.answered_at is not None,
                         disposition=new, reason=reason, by_agent=not supervisor,
                         outcome_at=call.outcome_at, now=now)
        old = Disposition(call.disposition) if call.disposition else None
        customer = session.get(Customer, call.customer_id, with_for_update=True)
        assert customer is not None
        check_success(session, call.campaign_id, customer, new)
        before = {"disposition": call.disposition, "callback_at": call.callback_at,
                  "customer_status": customer.status, "do_not_call": customer.do_not_call,
                  "sltv_minor": call.sltv_minor}
        # when the old outcome was recorded (an earlier amendment, or the call itself):
        # what it closed then (flags, plans) is found by that time
        recorded_at = call.amended_at or call.outcome_at or now
        call.disposition = new.value
        call.callback_at = callback_at
        call.amended_at = now
        if old in SUCCESS_DISPOSITIONS and new not in SUCCESS_DISPOSITIONS:
            call.sltv_minor = None
            if _undo_success(session, customer, call, old):
                _reopen_closed_by_success(session, customer, call.task_id, now)
                # the success also closed their early-warning flag and ended their plan
                assert old is not None
                customer_outcomes.undo_in_session(session, actor, customer, old,
                                                  recorded_at, now, task_id=call.task_id)
        if old is Disposition.DO_NOT_CALL and new is not Disposition.DO_NOT_CALL:
            customer.do_not_call = False
        task = session.get(CallTask, call.task_id, with_for_update=True) \
            if call.task_id is not None else None
        latest = task is not None and session.scalar(
            select(func.max(Call.id)).where(Call.task_id == task.id)) == call.id
        if task is not None and latest and task.status != TaskStatus.CLAIMED.value:
            if task.status == TaskStatus.DO_NOT_CALL.value and not customer.do_not_call:
                task.status = TaskStatus.QUEUED.value
            outcome = _apply_outcome(session, actor, call, new, callback_at, False, now,
                                     count_attempt=False, action="call_outcome_moved")
        else:
            # a later call (or a colleague holding the task) decides the task now: only
            # the customer follows this call's corrected outcome
            if new in SUCCESS_DISPOSITIONS:
                mark_success(customer, new, now)
                call.sltv_minor = task.sltv_minor if task is not None else customer.sltv_minor
                # a won-back (or kept) customer is called by nobody: the task a later
                # call left open closes, as do their other campaigns' waiting tasks (a
                # colleague holding one now finishes that call)
                _close_open_tasks(session, customer.id, now)
            if customer_outcomes.stays(new):
                # as on the call itself: their flag closes and their plan ends
                customer_outcomes.apply_in_session(session, actor, customer, new, now,
                                                   task_id=call.task_id)
            elif new is Disposition.DO_NOT_CALL:
                customer.do_not_call = True
            outcome = CallOutcome(call.id, call.task_id, task.status if task else None,
                                  task.attempts if task else 0, None, None)
        win_model.observe_outcome(session, call.id, now)
        audit.record(session, actor, "call_outcome_amended", "call", call.id, before=before,
                     after={"disposition": new.value, "callback_at": callback_at,
                            "customer_status": customer.status,
                            "do_not_call": customer.do_not_call,
                            "sltv_minor": call.sltv_minor, "reason": reason,
                            "by_supervisor": supervisor})
        return outcome


def _undo_success(session: Session, customer: Customer, call: Call, old: Disposition) -> bool:
    """The customer is no longer won back / retained, unless another call says so;
    whether they went back (to lost or at risk)."""
    other = session.scalar(select(func.count()).select_from(Call).where(
        Call.customer_id == customer.id, Call.id != call.id,
        Call.disposition == old.value))
    if other:
        return False
    if customer.status != STATUS_AFTER_SUCCESS[old].value:
        return False
    customer.status = _STATUS_BEFORE[old].value
    if old is Disposition.WON_BACK:
        customer.won_back_at = None
    else:
        customer.retained_at = None
    return True


def _close_open_tasks(session: Session, customer_id: int, now: datetime) -> None:
    session.execute(
        update(CallTask)
        .where(CallTask.customer_id == customer_id,
               CallTask.status.in_((TaskStatus.QUEUED.value, TaskStatus.CALLBACK.value,
                                    TaskStatus.EXHAUSTED.value)))
        .values(status=TaskStatus.DONE.value, updated_at=now)
        .execution_options(synchronize_session="fetch"))


def _reopen_closed_by_success(session: Session, customer: Customer, task_id: int | None,
                              now: datetime) -> None:
    """The customer's other tasks that a win-back (or save) closed without a call of
    their own go back to where their own history leaves them."""
    if customer.do_not_call:
        return
    final = [d.value for d in FINAL]
    closed = session.scalars(select(CallTask).where(
        CallTask.customer_id == customer.id, CallTask.status == TaskStatus.DONE.value,
        CallTask.id != (task_id if task_id is not None else -1),
        (CallTask.last_disposition.is_(None)) | CallTask.last_disposition.not_in(final)))
    for task in closed:
        campaign = session.get(Campaign, task.campaign_id)
        if Treatment.DO_NOT_PURSUE.value in (task.segment, customer.segment):
            task.status = TaskStatus.NOT_PURSUED.value
        elif (task.last_disposition == Disposition.CALLBACK.value
              and task.callback_at is not None):
            task.status = TaskStatus.CALLBACK.value
        elif campaign is not None and (task.attempts or 0) >= campaign.max_attempts:
            task.status = TaskStatus.EXHAUSTED.value
        else:
            task.status = TaskStatus.QUEUED.value
        task.updated_at = now
