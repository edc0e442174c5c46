"""Plans: one unit of work per screen/CLI action (screens and commands never open a session)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from winback_desktop.core.errors import NotFound
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import (
    Customer,
    PlanEnrollment,
)
from winback_desktop.db.session import Database
from winback_desktop.services.context import Actor, require
from winback_desktop.services.plans.advancing import advance
from winback_desktop.services.plans.common import (
    ACTIVE,
    EnrollmentInfo,
    PlanInfo,
    StepSpec,
    TodoRow,
)
from winback_desktop.services.plans.enrolling import enroll_customer
from winback_desktop.services.plans.reading import (
    ProgressRow,
    customer_progress,
    enrollment_info,
    list_progress,
    todos,
)
from winback_desktop.services.plans.templates import get_plan, list_plans, save_plan

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

