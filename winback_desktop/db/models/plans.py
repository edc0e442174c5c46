"""Models: long-term win-back plans and the learned win model."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from winback_desktop.db.models.base import Base, TimestampMixin
from winback_desktop.db.types import JSONType, utcnow

# ------------------------------------------------------------- long-term win-back plans


class WinbackPlan(TimestampMixin, Base):
    """A template of steps over several channels for long-term win-back (DESIGN §12).

    ``default_reasons``: the long-term segments (defection reasons) this plan is the
    default for; ``["*"]`` is any reason. ``kind`` ``courtesy`` is the single polite
    step for customers not pursued. Call steps go to ``campaign_id``'s queue.
    """

    __tablename__ = "winback_plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20), default="long_term")
    default_reasons: Mapped[list[str] | None] = mapped_column(JSONType)
    campaign_id: Mapped[int | None] = mapped_column(
        ForeignKey("campaigns.id", ondelete="SET NULL"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    steps: Mapped[list[WinbackPlanStep]] = relationship(
        back_populates="plan", cascade="all, delete-orphan",
        order_by="WinbackPlanStep.position")


class WinbackPlanStep(Base):
    __tablename__ = "winback_plan_steps"
    __table_args__ = (UniqueConstraint("plan_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("winback_plans.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    #: letter, email, sms, call or visit
    channel: Mapped[str] = mapped_column(String(10))
    #: days after the previous step (after enrolling, for the first)
    wait_days: Mapped[int] = mapped_column(Integer, default=0)
    #: the script or text; ``{name}`` is the customer's name in a mail merge
    text: Mapped[str] = mapped_column(Text, default="")
    #: who does it: a role (agent, supervisor, admin) and/or one user
    owner_role: Mapped[str | None] = mapped_column(String(20))
    owner_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))

    plan: Mapped[WinbackPlan] = relationship(back_populates="steps")


class PlanEnrollment(Base):
    """One customer following one plan; ``status`` active until done or ended."""

    __tablename__ = "plan_enrollments"
    __table_args__ = (Index("ix_plan_enrollments_customer", "customer_id", "status"),
                      Index("ix_plan_enrollments_status", "status", "plan_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("winback_plans.id", ondelete="RESTRICT"))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"))
    campaign_id: Mapped[int | None] = mapped_column(
        ForeignKey("campaigns.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(20), default="active")
    enrolled_at: Mapped[datetime] = mapped_column(default=utcnow)
    enrolled_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    ended_at: Mapped[datetime | None]
    end_reason: Mapped[str | None] = mapped_column(String(30))


class PlanStepRun(Base):
    """A step scheduled for one enrolment: a copy of the template's step (later edits of
    the template do not change what was planned), its due day and what became of it."""

    __tablename__ = "plan_step_runs"
    __table_args__ = (Index("ix_plan_step_runs_due", "status", "due_on"),
                      Index("ix_plan_step_runs_enrollment", "enrollment_id", "position"))

    id: Mapped[int] = mapped_column(primary_key=True)
    enrollment_id: Mapped[int] = mapped_column(
        ForeignKey("plan_enrollments.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    channel: Mapped[str] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text, default="")
    owner_role: Mapped[str | None] = mapped_column(String(20))
    owner_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))
    due_on: Mapped[date] = mapped_column(Date)
    #: pending, done, skipped, cancelled
    status: Mapped[str] = mapped_column(String(20), default="pending")
    task_id: Mapped[int | None] = mapped_column(ForeignKey("call_tasks.id", ondelete="SET NULL"))
    done_at: Mapped[datetime | None]
    done_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    outcome: Mapped[str | None] = mapped_column(String(30))
    note: Mapped[str | None] = mapped_column(Text)


# ----------------------------------------------------------------- the win model


class WinModelFact(Base):
    """One finished call as the win model counts it: its cell as it was then (kind,
    reason, tier, segment, attempt number, time since defection) and whether it won.
    Kept per call so that an amended outcome moves exactly its own try."""

    __tablename__ = "win_model_facts"

    call_id: Mapped[int] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"),
                                         primary_key=True)
    campaign_id: Mapped[int | None] = mapped_column(
        ForeignKey("campaigns.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(String(30))
    tier: Mapped[str] = mapped_column(String(10), default="")
    segment: Mapped[str] = mapped_column(String(20), default="")
    attempt: Mapped[int] = mapped_column(Integer)
    age: Mapped[int] = mapped_column(Integer)
    won: Mapped[bool] = mapped_column(Boolean, default=False)
    #: the model's P(win) for this call when it was made (for calibration)
    p_predicted: Mapped[float | None]
    observed_at: Mapped[datetime] = mapped_column(default=utcnow)


class WinModelCell(Base):
    """Tries and wins per cell: the sums of ``win_model_facts`` the model is fitted on."""

    __tablename__ = "win_model_cells"

    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    reason: Mapped[str] = mapped_column(String(30), primary_key=True)
    tier: Mapped[str] = mapped_column(String(10), primary_key=True)
    segment: Mapped[str] = mapped_column(String(20), primary_key=True)
    attempt: Mapped[int] = mapped_column(Integer, primary_key=True)
    age: Mapped[int] = mapped_column(Integer, primary_key=True)
    tries: Mapped[int] = mapped_column(Integer, default=0)
    wins: Mapped[int] = mapped_column(Integer, default=0)


class WinModelState(Base):
    """The refresh mark: every finished call up to ``facts_through_call_id`` has its
    fact, so an ordinary refresh reads only the calls after it; ``layout`` names the
    cell numbering of ``win_model_rates`` (a new layout republishes every cell)."""

    __tablename__ = "win_model_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    facts_through_call_id: Mapped[int] = mapped_column(BigInteger, default=0)
    layout: Mapped[str] = mapped_column(String(200), default="")
    refreshed_at: Mapped[datetime | None]


class WinModelRate(Base):
    """P(win) of one cell (flat cell number) as the tasks carry it: republished only
    when the model moved it by more than the tolerance."""

    __tablename__ = "win_model_rates"

    code: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    p: Mapped[float]

