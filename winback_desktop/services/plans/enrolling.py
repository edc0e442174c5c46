"""Plans: enrolling customers in a plan and scheduling its steps."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from winback_desktop.core.errors import NotFound
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import (
    Campaign,
    Customer,
    PlanEnrollment,
    PlanStepRun,
    WinbackPlan,
)
from winback_desktop.db.types import utcnow
from winback_desktop.services import audit
from winback_desktop.services.context import Actor, require
from winback_desktop.services.plans.advancing import advance
from winback_desktop.services.plans.common import (
    ACTIVE,
    AlreadyEnrolled,
    EnrollmentInfo,
    NoPlan,
    PlanNeedsCampaign,
)
from winback_desktop.services.plans.reading import enrollment_info
from winback_desktop.services.plans.templates import _plan, courtesy_plan, default_plan_for

# ------------------------------------------------------------------------- enrolling

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

