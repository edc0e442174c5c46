"""Plans: progress, to-dos, completing steps and the mail-merge export."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from winback_desktop.core.errors import NotFound
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import (
    Customer,
    CustomerPhone,
    PlanEnrollment,
    PlanStepRun,
    WinbackPlan,
)
from winback_desktop.db.reference import DEFAULT_PLAN_TEXTS_ZH
from winback_desktop.db.session import Database
from winback_desktop.db.types import utcnow
from winback_desktop.io.xlsx_export import Column, write_table
from winback_desktop.services import audit
from winback_desktop.services.changes import Changes, Topic
from winback_desktop.services.context import Actor, current_role, require
from winback_desktop.services.plans.advancing import advance
from winback_desktop.services.plans.common import (
    _ENDED_BY_STATUS,
    ACTIVE,
    CHANNELS,
    EnrollmentInfo,
    RunInfo,
    StepNotPending,
    TodoRow,
)

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

