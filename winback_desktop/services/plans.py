"""Long-term win-back plans (DESIGN §2, §12): steps over channels instead of the SLTV queue.

A plan is a template of steps (letter, e-mail, SMS, call, visit; wait days; the script
or text; who does it). Enrolling a customer schedules every step from today: call
steps enter their campaign's queue on their day as team callbacks (due callbacks come
before the SLTV order, so no claim statement changes), the others are to-dos that can be
exported for a mail merge. Progress is kept per customer; a win-back, a save or "still
a customer" ends the plan, as does a do-not-call request.

``advance`` reconciles enrolments with what happened since (call outcomes, status
changes by any path: calls, offers, imports); the services that write and the screens
that show plans run it, so nothing stale is ever listed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from winback_desktop.core.domain import CustomerStatus, TaskStatus
from winback_desktop.core.errors import Conflict, NotFound, ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import (
    CallTask,
    Campaign,
    Customer,
    CustomerPhone,
    PlanEnrollment,
    PlanStepRun,
    WinbackPlan,
    WinbackPlanStep,
)
from winback_desktop.db.reference import DEFAULT_PLAN_TEXTS_ZH
from winback_desktop.db.session import Database
from winback_desktop.db.types import utcnow
from winback_desktop.io.xlsx_export import Column, write_table
from winback_desktop.services import audit
from winback_desktop.services.changes import Changes, Topic
from winback_desktop.services.context import Actor, current_role, require

CHANNELS = ("letter", "email", "sms", "call", "visit")
KINDS = ("long_term", "courtesy")
OWNER_ROLES = ("agent", "supervisor", "admin")
ANY_REASON = "*"
ACTIVE = "active"
#: how an enrolment ends when the customer's status says they are back or staying
_ENDED_BY_STATUS = {CustomerStatus.WON_BACK.value: "won_back",
                    CustomerStatus.ACTIVE.value: "still_customer",
                    CustomerStatus.RETAINED.value: "saved"}
_CLOSED_TASK = (TaskStatus.DONE.value, TaskStatus.EXHAUSTED.value, TaskStatus.DO_NOT_CALL.value)


class AlreadyEnrolled(Conflict):
    default_text = QT_TRANSLATE_NOOP(
        "Errors", "This customer already follows the plan '{plan}'.")


class NoPlan(NotFound):
    default_text = QT_TRANSLATE_NOOP(
        "Errors", "No active plan fits this customer: choose one, or mark a plan as the "
        "default for their reason.")


class PlanNeedsCampaign(ValidationError):
    default_text = QT_TRANSLATE_NOOP(
        "Errors", "The plan '{plan}' has call steps: choose the campaign whose agents make "
        "the calls.")


class StepNotPending(Conflict):
    default_text = QT_TRANSLATE_NOOP("Errors", "Step {step} is no longer waiting to be done.")


# ------------------------------------------------------------------------ data objects


@dataclass(frozen=True, slots=True)
class StepSpec:
    channel: str
    wait_days: int
    text: str = ""
    owner_role: str | None = None
    owner_user_id: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"channel": self.channel, "wait_days": self.wait_days, "text": self.text,
                "owner_role": self.owner_role, "owner_user_id": self.owner_user_id}


@dataclass(frozen=True, slots=True)
class PlanInfo:
    id: int
    name: str
    description: str | None
    kind: str
    default_reasons: list[str]
    campaign_id: int | None
    active: bool
    steps: list[StepSpec]
    active_enrollments: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "description": self.description,
                "kind": self.kind, "default_reasons": self.default_reasons,
                "campaign_id": self.campaign_id, "active": self.active,
                "active_enrollments": self.active_enrollments,
                "steps": [s.as_dict() for s in self.steps]}


@dataclass(frozen=True, slots=True)
class RunInfo:
    id: int
    position: int
    channel: str
    due_on: date
    status: str
    text: str
    owner_role: str | None
    task_id: int | None
    outcome: str | None

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "position": self.position, "channel": self.channel,
                "due_on": self.due_on.isoformat(), "status": self.status, "text": self.text,
                "owner_role": self.owner_role, "task_id": self.task_id,
                "outcome": self.outcome}


@dataclass(frozen=True, slots=True)
class EnrollmentInfo:
    id: int
    plan_id: int
    plan_name: str
    customer_id: int
    campaign_id: int | None
    status: str
    enrolled_at: datetime
    end_reason: str | None
    runs: list[RunInfo]

    @property
    def done_steps(self) -> int:
        return sum(1 for r in self.runs if r.status in ("done", "skipped"))

    @property
    def next_run(self) -> RunInfo | None:
        return next((r for r in self.runs if r.status == "pending"), None)

    @property
    def changes(self) -> Changes:
        return Changes.of(Topic.CAMPAIGNS, Topic.QUEUE, Topic.CUSTOMERS)

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "plan_id": self.plan_id, "plan": self.plan_name,
                "customer_id": self.customer_id, "campaign_id": self.campaign_id,
                "status": self.status, "enrolled_at": self.enrolled_at.isoformat(),
                "end_reason": self.end_reason, "done_steps": self.done_steps,
                "steps": [r.as_dict() for r in self.runs]}


@dataclass(frozen=True, slots=True)
class TodoRow:
    run_id: int
    enrollment_id: int
    plan_name: str
    position: int
    steps_total: int
    channel: str
    due_on: date
    text: str
    owner_role: str | None
    owner_user_id: int | None
    customer_id: int
    external_id: str | None
    name: str
    email: str | None
    phone: str | None
    city: str | None
    language: str

    def as_dict(self) -> dict[str, Any]:
        return {k: (v.isoformat() if isinstance(v, date) else v)
                for k, v in ((f, getattr(self, f)) for f in self.__dataclass_fields__)}


@dataclass
class AdvanceResult:
    ended: int = 0
    steps_done: int = 0
    armed: int = 0
    completed: int = 0
    changed_customers: set[int] = field(default_factory=set)


# --------------------------------------------------------------------------- templates


def _info(plan: WinbackPlan, active: int = 0) -> PlanInfo:
    return PlanInfo(plan.id, plan.name, plan.description, plan.kind,
                    list(plan.default_reasons or []), plan.campaign_id, plan.active,
                    [StepSpec(s.channel, s.wait_days, s.text, s.owner_role, s.owner_user_id)
                     for s in plan.steps], active)


def _plan(session: Session, plan: int | str) -> WinbackPlan:
    if isinstance(plan, int) or (isinstance(plan, str) and plan.isdigit()):
        found = session.get(WinbackPlan, int(plan))
        if found is not None:
            return found
    found = session.scalar(select(WinbackPlan).where(WinbackPlan.name == str(plan)))
    if found is None:
        raise NotFound(what=str(plan))
    return found


def _active_counts(session: Session) -> dict[int, int]:
    return {pid: int(n) for pid, n in session.execute(
        select(PlanEnrollment.plan_id, func.count()).where(PlanEnrollment.status == ACTIVE)
        .group_by(PlanEnrollment.plan_id))}


def list_plans(session: Session, actor: Actor) -> list[PlanInfo]:
    require(actor, Permission.VIEW_CUSTOMERS)
    counts = _active_counts(session)
    return [_info(p, counts.get(p.id, 0))
            for p in session.scalars(select(WinbackPlan).order_by(WinbackPlan.id))]


def get_plan(session: Session, actor: Actor, plan: int | str) -> PlanInfo:
    require(actor, Permission.VIEW_CUSTOMERS)
    found = _plan(session, plan)
    return _info(found, _active_counts(session).get(found.id, 0))


def _validate_steps(kind: str, steps: Sequence[StepSpec]) -> None:
    if not steps:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "A plan needs at least one step."))
    if kind == "courtesy" and len(steps) != 1:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "A courtesy plan has exactly one step."))
    for n, step in enumerate(steps, start=1):
        if step.channel not in CHANNELS:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "Step {step}: unknown channel '{channel}': use letter, email, sms, "
                "call or visit."), step=n, channel=step.channel)
        if int(step.wait_days) < 0 or int(step.wait_days) > 3650:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "Step {step}: wait days must be between 0 and 3650."), step=n)
        if step.owner_role is not None and step.owner_role not in OWNER_ROLES:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "Step {step}: unknown role '{role}': use agent, supervisor or "
                "admin."), step=n, role=step.owner_role)


def save_plan(session: Session, actor: Actor, *, name: str, steps: Sequence[StepSpec],
              plan_id: int | None = None, description: str | None = None,
              kind: str = "long_term", default_reasons: Iterable[str] = (),
              campaign_id: int | None = None, active: bool = True) -> PlanInfo:
    """Create or replace a plan template (the admin's editor). Enrolments already made
    keep the steps they were given."""
    require(actor, Permission.MANAGE_CAMPAIGNS)
    name = name.strip()
    if not name or len(name) > 200:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "A plan needs a name (1 to 200 "
                                                          "characters)."))
    if kind not in KINDS:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "Unknown kind of plan '{kind}': use long_term or courtesy."), kind=kind)
    _validate_steps(kind, steps)
    taken = session.scalar(select(WinbackPlan.id).where(WinbackPlan.name == name))
    if taken is not None and taken != plan_id:
        raise Conflict(QT_TRANSLATE_NOOP("Errors", "A plan named '{name}' exists already."),
                       name=name)
    if campaign_id is not None and session.get(Campaign, campaign_id) is None:
        raise NotFound(what=str(campaign_id))
    before = None
    if plan_id is None:
        plan = WinbackPlan(name=name)
        session.add(plan)
    else:
        plan = _plan(session, plan_id)
        before = _info(plan).as_dict()
        plan.steps.clear()
        session.flush()
    plan.name = name
    plan.description = (description or "").strip() or None
    plan.kind = kind
    plan.default_reasons = sorted(set(default_reasons)) or None
    plan.campaign_id = campaign_id
    plan.active = bool(active)
    for n, step in enumerate(steps, start=1):
        plan.steps.append(WinbackPlanStep(
            position=n, channel=step.channel, wait_days=int(step.wait_days),
            text=step.text or "", owner_role=step.owner_role,
            owner_user_id=step.owner_user_id))
    session.flush()
    after = _info(plan)
    audit.record(session, actor, "plan_saved", "winback_plan", plan.id, before=before,
                 after=after.as_dict())
    return after


def default_plan_for(session: Session, reason: str | None) -> WinbackPlan | None:
    """The active long-term plan marked for ``reason``, else one marked for any reason."""
    candidates = list(session.scalars(select(WinbackPlan).where(
        WinbackPlan.active.is_(True), WinbackPlan.kind == "long_term")
        .order_by(WinbackPlan.id)))
    for wanted in (reason or "unknown", ANY_REASON):
        for plan in candidates:
            if wanted in (plan.default_reasons or []):
                return plan
    return None


def courtesy_plan(session: Session) -> WinbackPlan | None:
    return session.scalar(select(WinbackPlan).where(
        WinbackPlan.active.is_(True), WinbackPlan.kind == "courtesy")
        .order_by(WinbackPlan.id).limit(1))


# ------------------------------------------------------------------------- enrolling


def _due_at(day: date) -> datetime:
    """A call step is due from the start of its day (the calling window does the rest)."""
    return datetime.combine(day, time(0, 0), tzinfo=UTC)


def _schedule(session: Session, plan: WinbackPlan, customer_id: int,
              campaign_id: int | None, today: date, now: datetime,
              actor: Actor) -> PlanEnrollment:
    enrollment = PlanEnrollment(plan_id=plan.id, customer_id=customer_id,
                                campaign_id=campaign_id, status=ACTIVE, enrolled_at=now,
                                enrolled_by=actor.user_id)
    session.add(enrollment)
    session.flush()
    due = today
    for step in plan.steps:
        due = due + timedelta(days=step.wait_days)
        session.add(PlanStepRun(enrollment_id=enrollment.id, position=step.position,
                                channel=step.channel, text=step.text,
                                owner_role=step.owner_role, owner_user_id=step.owner_user_id,
                                due_on=due, status="pending"))
    session.flush()
    return enrollment


def _campaign_for(plan: WinbackPlan, campaign_id: int | None) -> int | None:
    chosen = campaign_id if campaign_id is not None else plan.campaign_id
    if chosen is None and any(s.channel == "call" for s in plan.steps):
        raise PlanNeedsCampaign(plan=plan.name)
    return chosen


def enroll_customer(session: Session, actor: Actor, customer_id: int, *,
                    plan: int | str | None = None, campaign_id: int | None = None,
                    today: date | None = None, now: datetime | None = None
                    ) -> EnrollmentInfo:
    """Enrol one customer (their default plan unless ``plan`` is given)."""
    require(actor, Permission.MANAGE_PLANS)
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise NotFound(what=str(customer_id))
    current = session.scalar(select(WinbackPlan.name).join(
        PlanEnrollment, PlanEnrollment.plan_id == WinbackPlan.id).where(
        PlanEnrollment.customer_id == customer_id, PlanEnrollment.status == ACTIVE))
    if current is not None:
        raise AlreadyEnrolled(plan=current)
    chosen = _plan(session, plan) if plan is not None else default_plan_for(
        session, customer.defection_reason)
    if chosen is None or not chosen.active:
        raise NoPlan()
    now = now or utcnow()
    today = today or now.date()
    enrollment = _schedule(session, chosen, customer_id, _campaign_for(chosen, campaign_id),
                           today, now, actor)
    advance(session, now, [enrollment.id])
    audit.record(session, actor, "plan_enrolled", "customer", customer_id,
                 after={"enrollment_id": enrollment.id, "plan": chosen.name,
                        "campaign_id": enrollment.campaign_id})
    return enrollment_info(session, enrollment)


def enroll_from_campaign(session: Session, actor: Actor, campaign: Campaign,
                         customer_ids: Sequence[int], reasons: dict[int, str],
                         now: datetime) -> int:
    """A running win-back campaign hands its long-term customers to their plans (and,
    when the courtesy plan is active, those not pursued to it); returns how many."""
    enrolled = 0
    busy = set(session.scalars(select(PlanEnrollment.customer_id).where(
        PlanEnrollment.status == ACTIVE)))
    ids: list[int] = []
    for cid in customer_ids:
        if cid in busy:
            continue
        plan = reasons.get(cid)
        chosen = (courtesy_plan(session) if plan == "__courtesy__"
                  else default_plan_for(session, plan))
        if chosen is None:
            continue
        enrollment = _schedule(session, chosen, cid, chosen.campaign_id or campaign.id,
                               now.date(), now, actor)
        ids.append(enrollment.id)
        enrolled += 1
    if ids:
        advance(session, now, ids)
    return enrolled


def enrolled_customers(session: Session, customer_ids: Sequence[int]) -> set[int]:
    """Which of ``customer_ids`` have ever been enrolled in a plan."""
    found: set[int] = set()
    ids = list(customer_ids)
    for start in range(0, len(ids), 900):
        found.update(session.scalars(select(PlanEnrollment.customer_id).where(
            PlanEnrollment.customer_id.in_(ids[start:start + 900]))))
    return found


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


def refresh(db: Database, actor: Actor) -> AdvanceResult:
    """Reconcile every active enrolment (screens and commands run it before listing)."""
    require(actor, Permission.VIEW_CUSTOMERS)
    with db.session(immediate=True) as s:
        return advance(s)


# --------------------------------------------------------------------------- reading


def enrollment_info(session: Session, enrollment: PlanEnrollment) -> EnrollmentInfo:
    plan = session.get(WinbackPlan, enrollment.plan_id)
    runs = session.scalars(select(PlanStepRun).where(
        PlanStepRun.enrollment_id == enrollment.id).order_by(PlanStepRun.position))
    return EnrollmentInfo(
        enrollment.id, enrollment.plan_id, plan.name if plan else "", enrollment.customer_id,
        enrollment.campaign_id, enrollment.status, enrollment.enrolled_at,
        enrollment.end_reason,
        [RunInfo(r.id, r.position, r.channel, r.due_on, r.status, r.text, r.owner_role,
                 r.task_id, r.outcome) for r in runs])


def customer_progress(session: Session, actor: Actor, customer_id: int
                      ) -> list[EnrollmentInfo]:
    """Every plan the customer followed or follows, newest first."""
    require(actor, Permission.VIEW_CUSTOMERS)
    return [enrollment_info(session, e) for e in session.scalars(
        select(PlanEnrollment).where(PlanEnrollment.customer_id == customer_id)
        .order_by(PlanEnrollment.id.desc()))]


@dataclass(frozen=True, slots=True)
class ProgressRow:
    """One customer's progress through a plan, for the plans screen."""

    enrollment_id: int
    customer_id: int
    external_id: str | None
    name: str
    plan_name: str
    status: str
    end_reason: str | None
    done: int
    total: int
    next_channel: str | None
    next_due: date | None


def list_progress(session: Session, actor: Actor, *, active_only: bool = True,
                  limit: int = 1000) -> list[ProgressRow]:
    """Enrolments with their steps done and the next step, newest first."""
    require(actor, Permission.VIEW_CUSTOMERS)
    stmt = (select(PlanEnrollment, WinbackPlan.name, Customer.external_id, Customer.name)
            .join(WinbackPlan, WinbackPlan.id == PlanEnrollment.plan_id)
            .join(Customer, Customer.id == PlanEnrollment.customer_id)
            .order_by(PlanEnrollment.id.desc()).limit(limit))
    if active_only:
        stmt = stmt.where(PlanEnrollment.status == ACTIVE)
    rows = session.execute(stmt).all()
    ids = [e.id for e, *_rest in rows]
    runs: dict[int, list[PlanStepRun]] = {}
    for start in range(0, len(ids), 900):
        for run in session.scalars(select(PlanStepRun).where(
                PlanStepRun.enrollment_id.in_(ids[start:start + 900]))
                .order_by(PlanStepRun.position)):
            runs.setdefault(run.enrollment_id, []).append(run)
    out = []
    for e, plan_name, ext, name in rows:
        mine = runs.get(e.id, [])
        nxt = next((r for r in mine if r.status == "pending"), None)
        out.append(ProgressRow(e.id, e.customer_id, ext, name, plan_name, e.status,
                               e.end_reason, sum(1 for r in mine if r.status in ("done",
                                                                                 "skipped")),
                               len(mine), nxt.channel if nxt else None,
                               nxt.due_on if nxt else None))
    return out


def localized(text: str, language: str | None) -> str:
    """A default plan's name or text in ``language`` (a customer's or the screen's);
    anything the admin wrote is returned as written."""
    if language and language.lower().startswith("zh"):
        return DEFAULT_PLAN_TEXTS_ZH.get(text, text)
    return text


def merge_text(text: str, name: str) -> str:
    """The step's text with ``{name}`` filled in (other braces are left alone)."""
    return text.replace("{name}", name or "")


def todos(session: Session, actor: Actor, *, due_by: date | None = None,
          channels: Iterable[str] | None = None, mine: bool = False) -> list[TodoRow]:
    """Non-call steps of active plans due by ``due_by`` (today), oldest first."""
    require(actor, Permission.VIEW_CUSTOMERS)
    due_by = due_by or date.today()
    chosen = [c for c in (channels or CHANNELS) if c != "call"]
    totals = dict(session.execute(select(PlanStepRun.enrollment_id, func.count())
                                  .group_by(PlanStepRun.enrollment_id)).all())
    phone = (select(CustomerPhone.e164).where(CustomerPhone.customer_id == Customer.id)
             .order_by(CustomerPhone.is_primary.desc(), CustomerPhone.id).limit(1)
             .scalar_subquery())
    stmt = (select(PlanStepRun, WinbackPlan.name, Customer.id, Customer.external_id,
                   Customer.name, Customer.email, phone, Customer.city,
                   Customer.preferred_language)
            .join(PlanEnrollment, PlanEnrollment.id == PlanStepRun.enrollment_id)
            .join(WinbackPlan, WinbackPlan.id == PlanEnrollment.plan_id)
            .join(Customer, Customer.id == PlanEnrollment.customer_id)
            .where(PlanStepRun.status == "pending", PlanStepRun.due_on <= due_by,
                   PlanStepRun.channel.in_(chosen), PlanEnrollment.status == ACTIVE,
                   Customer.status.not_in(list(_ENDED_BY_STATUS)))
            .order_by(PlanStepRun.due_on, PlanStepRun.id))
    if mine:
        stmt = stmt.where((PlanStepRun.owner_user_id == actor.user_id)
                          | ((PlanStepRun.owner_user_id.is_(None))
                             & (PlanStepRun.owner_role == current_role(actor).value)))
    out = []
    for run, plan, cid, ext, name, email, tel, city, lang in session.execute(stmt):
        out.append(TodoRow(run.id, run.enrollment_id, plan, run.position,
                           int(totals.get(run.enrollment_id, 0)), run.channel, run.due_on,
                           merge_text(localized(run.text, lang), name), run.owner_role,
                           run.owner_user_id,
                           cid, ext, name, email, tel, city, lang))
    return out


@dataclass(frozen=True, slots=True)
class StepDone:
    run_id: int
    status: str
    enrollment_status: str

    @property
    def changes(self) -> Changes:
        return Changes.of(Topic.CAMPAIGNS, Topic.CUSTOMERS)


def complete_step(db: Database, actor: Actor, run_id: int, *, skipped: bool = False,
                  note: str | None = None) -> StepDone:
    """A to-do was done (letter sent, visit made) or skipped, with a note."""
    require(actor, Permission.MANAGE_PLANS)
    with db.session(immediate=True) as s:
        run = s.get(PlanStepRun, run_id)
        if run is None:
            raise NotFound(what=str(run_id))
        if run.status != "pending" or run.channel == "call":
            raise StepNotPending(step=run_id)
        enrollment = s.get(PlanEnrollment, run.enrollment_id)
        assert enrollment is not None
        if enrollment.status != ACTIVE:
            raise StepNotPending(step=run_id)
        now = utcnow()
        run.status = "skipped" if skipped else "done"
        run.done_at = now
        run.done_by = actor.user_id
        run.note = (note or "").strip() or None
        audit.record(s, actor, "plan_step_done", "customer", enrollment.customer_id,
                     after={"run_id": run.id, "status": run.status, "channel": run.channel,
                            "note": run.note})
        advance(s, now, [enrollment.id])
        return StepDone(run.id, run.status, enrollment.status)


MERGE_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Plans", "Due")),
    Column(QT_TRANSLATE_NOOP("Plans", "Channel")),
    Column(QT_TRANSLATE_NOOP("Plans", "Customer ID")),
    Column(QT_TRANSLATE_NOOP("Plans", "Name")),
    Column(QT_TRANSLATE_NOOP("Plans", "E-mail")),
    Column(QT_TRANSLATE_NOOP("Plans", "Phone")),
    Column(QT_TRANSLATE_NOOP("Plans", "City")),
    Column(QT_TRANSLATE_NOOP("Plans", "Language")),
    Column(QT_TRANSLATE_NOOP("Plans", "Plan")),
    Column(QT_TRANSLATE_NOOP("Plans", "Step")),
    Column(QT_TRANSLATE_NOOP("Plans", "Text")),
    Column(QT_TRANSLATE_NOOP("Plans", "Step number")),
)


def export_mail_merge(db: Database, actor: Actor, path: str | Path, *,
                      channels: Iterable[str] = ("letter", "email"),
                      due_by: date | None = None,
                      translate: Any = None) -> int:
    """The due letters and e-mails as a workbook for a mail merge; returns the rows."""
    require(actor, Permission.EXPORT_DATA)
    with db.session(immediate=True) as s:
        advance(s)
        rows = todos(s, actor, due_by=due_by, channels=channels)

    def tr(text: str) -> str:
        return translate("Plans", text) if translate is not None else text

    columns = [Column(tr(c.header), c.kind, c.width) for c in MERGE_COLUMNS]
    data = [[r.due_on.isoformat(), r.channel, r.external_id or "", r.name, r.email or "",
             r.phone or "", r.city or "", r.language, r.plan_name,
             f"{r.position}/{r.steps_total}", r.text, r.run_id] for r in rows]
    return write_table(path, columns, data, sheet_name="mail merge")


# ------------------------------------------------------- one call per screen/CLI action
# Screens and commands never open a session: each of these is one unit of work.


@dataclass(frozen=True, slots=True)
class EditorChoices:
    """What the plan editor offers: the plans, and the campaigns their calls may go to."""

    plans: list[PlanInfo]
    campaigns: list[tuple[int, str]]


def plan_list(db: Database, actor: Actor) -> list[PlanInfo]:
    """Every plan with its steps and active enrolments (enrolments brought up to date)."""
    require(actor, Permission.VIEW_CUSTOMERS)
    with db.session(immediate=True) as s:
        advance(s)
        return list_plans(s, actor)


def plan_details(db: Database, actor: Actor, plan: int | str) -> PlanInfo:
    """One plan by id or name."""
    with db.session() as s:
        return get_plan(s, actor, plan)


def _customer_ref(session: Session, ref: int | str) -> int:
    """A customer by external id, else by database id."""
    key = str(ref)
    cid = session.scalar(select(Customer.id).where(Customer.external_id == key)
                         .order_by(Customer.id).limit(1))
    if cid is None and key.isdigit() and session.get(Customer, int(key)) is not None:
        cid = int(key)
    if cid is None:
        raise NotFound(what=key)
    return int(cid)


def customer_plans(db: Database, actor: Actor, customer: int | str) -> list[EnrollmentInfo]:
    """Every plan the customer (id or external id) followed or follows, newest first."""
    require(actor, Permission.VIEW_CUSTOMERS)
    with db.session(immediate=True) as s:
        cid = _customer_ref(s, customer)
        advance(s)
        return customer_progress(s, actor, cid)


def enroll(db: Database, actor: Actor, customer: int | str, *,
           plan: int | str | None = None, campaign_id: int | None = None) -> EnrollmentInfo:
    """Enrol a customer (id or external id) in a plan: their default plan unless given."""
    require(actor, Permission.MANAGE_PLANS)
    with db.session(immediate=True) as s:
        return enroll_customer(s, actor, _customer_ref(s, customer), plan=plan,
                               campaign_id=campaign_id)


def due_todos(db: Database, actor: Actor, *, due_by: date | None = None, mine: bool = False,
              channels: Iterable[str] | None = None) -> list[TodoRow]:
    """The to-dos due by ``due_by`` after bringing every enrolment up to date."""
    require(actor, Permission.VIEW_CUSTOMERS)
    with db.session(immediate=True) as s:
        advance(s)
        return todos(s, actor, due_by=due_by, channels=channels, mine=mine)


def progress(db: Database, actor: Actor, *, active_only: bool = True) -> list[ProgressRow]:
    """Each enrolled customer's progress (the plans screen's Progress tab)."""
    with db.session() as s:
        return list_progress(s, actor, active_only=active_only)


def editor_choices(db: Database, actor: Actor) -> EditorChoices:
    """The plans and campaigns the editor lists."""
    from winback_desktop.services import campaigns

    with db.session() as s:
        found = list_plans(s, actor)
        camps = [(c.id, c.name) for c in campaigns.list_campaigns(s, actor)]
    return EditorChoices(found, camps)


def save_plan_template(db: Database, actor: Actor, *, name: str, steps: Sequence[StepSpec],
                       plan_id: int | None = None, description: str | None = None,
                       kind: str = "long_term", default_reasons: Iterable[str] = (),
                       campaign_id: int | None = None, active: bool = True) -> PlanInfo:
    """The admin saves a plan from the editor (see :func:`save_plan`)."""
    with db.session(immediate=True) as s:
        return save_plan(s, actor, name=name, steps=steps, plan_id=plan_id,
                         description=description, kind=kind, default_reasons=default_reasons,
                         campaign_id=campaign_id, active=active)


@dataclass(frozen=True, slots=True)
class CustomerPlanSummary:
    """The customer card's line: the plan followed now (or last), steps done, next step."""

    plan_name: str
    status: str
    end_reason: str | None
    done: int
    total: int
    next_channel: str | None
    next_due: date | None


def card_summary(session: Session, customer_id: int) -> CustomerPlanSummary | None:
    """The customer's current (else latest) enrolment in a few words, for the card; the
    caller has checked the actor may see the customer."""
    enrollment = session.scalar(
        select(PlanEnrollment).where(PlanEnrollment.customer_id == customer_id)
        .order_by((PlanEnrollment.status == ACTIVE).desc(), PlanEnrollment.id.desc())
        .limit(1))
    if enrollment is None:
        return None
    info = enrollment_info(session, enrollment)
    nxt = info.next_run if info.status == ACTIVE else None
    return CustomerPlanSummary(info.plan_name, info.status, info.end_reason,
                               info.done_steps, len(info.runs),
                               nxt.channel if nxt else None, nxt.due_on if nxt else None)
