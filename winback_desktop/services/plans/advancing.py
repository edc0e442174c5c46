"""Plans: advancing due steps (arming calls), ending enrollments."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from winback_desktop.core.domain import TaskStatus
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import (
    CallTask,
    Customer,
    PlanEnrollment,
    PlanStepRun,
)
from winback_desktop.db.session import Database
from winback_desktop.db.types import utcnow
from winback_desktop.services import audit
from winback_desktop.services.context import Actor, require
from winback_desktop.services.plans.common import (
    _CLOSED_TASK,
    _ENDED_BY_STATUS,
    ACTIVE,
    AdvanceResult,
)


def _due_at(day: date) -> datetime:
    """A call step is due from the start of its day (the calling window does the rest)."""
    return datetime.combine(day, time(0, 0), tzinfo=UTC)

# --------------------------------------------------------------------------- advancing


def _arm_call(session: Session, enrollment: PlanEnrollment, run: PlanStepRun,
              now: datetime) -> bool:
    """Put a call step in its campaign's queue: a team callback due on its day."""
    if enrollment.campaign_id is None:
        return False
    customer = session.get(Customer, enrollment.customer_id)
    assert customer is not None
    task = session.scalar(select(CallTask).where(
        CallTask.campaign_id == enrollment.campaign_id,
        CallTask.customer_id == enrollment.customer_id).with_for_update())
    if task is None:
        task = CallTask(campaign_id=enrollment.campaign_id, customer_id=customer.id,
                        sltv_minor=customer.sltv_minor or 0, sltv_tier=customer.sltv_tier,
                        segment=customer.segment, defection_reason=customer.defection_reason,
                        defection_date=customer.defection_date,
                        language=customer.preferred_language, timezone=customer.timezone,
                        attempts=0, created_at=now, updated_at=now)
        session.add(task)
    elif task.status == TaskStatus.CLAIMED.value:
        return False  # someone is on the phone with them: arm it after that call
    task.status = TaskStatus.CALLBACK.value
    task.callback_at = _due_at(run.due_on)
    task.callback_owner_id = run.owner_user_id
    task.claimed_by = None
    task.lease_expires_at = None
    task.next_eligible_at = None
    task.attempts = 0
    # a plan's call is worth making whatever the grid said when the task was made
    task.segment = customer.segment if customer.segment != "do_not_pursue" else "long_term"
    session.flush()
    run.task_id = task.id
    return True


def advance(session: Session, now: datetime | None = None,
            enrollment_ids: Sequence[int] | None = None) -> AdvanceResult:
    """Bring active enrolments up to date; see the module docstring."""
    now = now or utcnow()
    result = AdvanceResult()
    stmt = select(PlanEnrollment).where(PlanEnrollment.status == ACTIVE)
    if enrollment_ids is not None:
        stmt = stmt.where(PlanEnrollment.id.in_(list(enrollment_ids)))
    for enrollment in session.scalars(stmt.order_by(PlanEnrollment.id)).all():
        customer = session.get(Customer, enrollment.customer_id)
        if customer is None:
            continue
        runs = list(session.scalars(select(PlanStepRun).where(
            PlanStepRun.enrollment_id == enrollment.id).order_by(PlanStepRun.position)))
        reason = _ENDED_BY_STATUS.get(customer.status)
        if reason is None and customer.do_not_call:
            reason = "do_not_call"
        if reason is not None:
            _end(session, enrollment, runs, reason, now)
            result.ended += 1
            result.changed_customers.add(customer.id)
            continue
        for run in runs:
            if run.status == "pending" and run.channel == "call" and run.task_id is not None:
                task = session.get(CallTask, run.task_id)
                if task is None or task.status in _CLOSED_TASK:
                    run.status = "done"
                    run.done_at = now
                    run.outcome = task.last_disposition if task is not None else None
                    result.steps_done += 1
        pending_calls = [r for r in runs if r.status == "pending" and r.channel == "call"]
        if pending_calls and pending_calls[0].task_id is None and _arm_call(
                session, enrollment, pending_calls[0], now):
            result.armed += 1
        if all(r.status != "pending" for r in runs):
            enrollment.status = "completed"
            enrollment.ended_at = now
            enrollment.end_reason = "completed"
            result.completed += 1
    session.flush()
    return result


def _end(session: Session, enrollment: PlanEnrollment, runs: list[PlanStepRun],
         reason: str, now: datetime) -> None:
    enrollment.status = "ended"
    enrollment.ended_at = now
    enrollment.end_reason = reason
    for run in runs:
        if run.status != "pending":
            continue
        run.status = "cancelled"
        if run.task_id is not None:
            task = session.get(CallTask, run.task_id)
            if task is not None and task.status == TaskStatus.CALLBACK.value:
                task.status = TaskStatus.DONE.value  # the plan's call is no longer needed
                task.callback_at = None


def end_for_customer(session: Session, actor: Actor, customer_id: int, reason: str,
                     now: datetime | None = None) -> int:
    """End the customer's active plans now (won back, saved, still a customer)."""
    now = now or utcnow()
    ended = 0
    for enrollment in session.scalars(select(PlanEnrollment).where(
            PlanEnrollment.customer_id == customer_id, PlanEnrollment.status == ACTIVE)):
        runs = list(session.scalars(select(PlanStepRun).where(
            PlanStepRun.enrollment_id == enrollment.id)))
        _end(session, enrollment, runs, reason, now)
        audit.record(session, actor, "plan_ended", "customer", customer_id,
                     after={"enrollment_id": enrollment.id, "reason": reason})
        ended += 1
    return ended


def reopen_for_customer(session: Session, actor: Actor, customer_id: int, reason: str,
                        since: datetime, now: datetime | None = None, *,
                        keep_task_id: int | None = None) -> int:
    """Take back the end that a success (``reason``: won back, saved, still a customer)
    gave the customer's plans at or after ``since``: the outcome was amended away, so
    the plan goes on where it stood. Cancelled steps are pending again and the armed
    call step is a callback on its day again (``keep_task_id``, the amended call's own
    task, is left as the amendment decided). Returns how many plans reopened."""
    now = now or utcnow()
    reopened: list[int] = []
    for enrollment in session.scalars(select(PlanEnrollment).where(
            PlanEnrollment.customer_id == customer_id, PlanEnrollment.status == "ended",
            PlanEnrollment.end_reason == reason, PlanEnrollment.ended_at >= since)).all():
        enrollment.status = ACTIVE
        enrollment.ended_at = None
        enrollment.end_reason = None
        runs = list(session.scalars(select(PlanStepRun).where(
            PlanStepRun.enrollment_id == enrollment.id).order_by(PlanStepRun.position)))
        for run in runs:
            if run.status == "cancelled":
                run.status = "pending"
        armed = next((r for r in runs if r.status == "pending" and r.channel == "call"), None)
        if armed is not None and armed.task_id is not None and armed.task_id != keep_task_id:
            task = session.get(CallTask, armed.task_id)
            if task is not None and task.status in (TaskStatus.DONE.value,
                                                    TaskStatus.QUEUED.value):
                task.status = TaskStatus.CALLBACK.value
                task.callback_at = _due_at(armed.due_on)
                task.next_eligible_at = None
                task.updated_at = now
        audit.record(session, actor, "plan_reopened", "customer", customer_id,
                     after={"enrollment_id": enrollment.id, "was_ended_by": reason})
        reopened.append(enrollment.id)
    if reopened:
        advance(session, now, reopened)
    return len(reopened)


def refresh(db: Database, actor: Actor) -> AdvanceResult:
    """Reconcile every active enrolment (screens and commands run it before listing)."""
    require(actor, Permission.VIEW_CUSTOMERS)
    with db.session(immediate=True) as s:
        return advance(s)

