"""Plans: plan templates (list, read, save, defaults)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from winback_desktop.core.errors import Conflict, NotFound, ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import (
    Campaign,
    PlanEnrollment,
    WinbackPlan,
    WinbackPlanStep,
)
from winback_desktop.services import audit
from winback_desktop.services.context import Actor, require
from winback_desktop.services.plans.common import (
    ACTIVE,
    ANY_REASON,
    CHANNELS,
    KINDS,
    OWNER_ROLES,
    PlanInfo,
    StepSpec,
)

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

