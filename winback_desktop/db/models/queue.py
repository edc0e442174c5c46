"""Models: segmentation tables, campaigns, call tasks (the queue), calls and call events."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from winback_desktop.db.models.base import Base, TimestampMixin
from winback_desktop.db.types import utcnow

# --------------------------------------------------------------------- segmentation


class SltvTierThreshold(Base):
    """Lower SLTV bound of each tier; tiers are checked from the highest bound down."""

    __tablename__ = "sltv_tiers"

    tier: Mapped[str] = mapped_column(String(10), primary_key=True)
    min_sltv_minor: Mapped[int] = mapped_column(BigInteger)


class SegmentRule(Base):
    """One cell of the segmentation grid: SLTV tier × defection reason → treatment."""

    __tablename__ = "segment_rules"
    __table_args__ = (UniqueConstraint("tier", "reason"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tier: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str] = mapped_column(String(30))
    treatment: Mapped[str] = mapped_column(String(20))


# ------------------------------------------------------------------ campaigns/queue


class CampaignAgent(Base):
    __tablename__ = "campaign_agents"
    # "this agent's campaigns": every claim's settings check reads them
    __table_args__ = (Index("ix_campaign_agents_user", "user_id", "campaign_id"),)

    campaign_id: Mapped[int] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )


class Campaign(TimestampMixin, Base):
    __tablename__ = "campaigns"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(20), default="win_back")
    status: Mapped[str] = mapped_column(String(20), default="draft")
    customer_filter: Mapped[dict[str, Any] | None]
    window_start: Mapped[time] = mapped_column(Time, default=time(9, 0))
    window_end: Mapped[time] = mapped_column(Time, default=time(20, 0))
    max_attempts: Mapped[int] = mapped_column(Integer, default=5)
    retry_gap_minutes: Mapped[int] = mapped_column(Integer, default=240)
    lease_minutes: Mapped[int] = mapped_column(Integer, default=15)
    sltv_params: Mapped[dict[str, Any] | None]
    #: the order claims hand out queued tasks in: ``sltv`` or ``expected_value``
    queue_order: Mapped[str] = mapped_column(String(20), default="sltv", server_default="sltv")
    script_id: Mapped[int | None] = mapped_column(
        ForeignKey("interview_scripts.id", ondelete="SET NULL")
    )
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    started_at: Mapped[datetime | None]


#: tasks a claim may hand out (the partial index ``ix_call_tasks_claim`` holds only
#: these): queued, worth pursuing, not waiting out a retry gap
CLAIMABLE_PREDICATE = ("status = 'queued' AND (segment IS NULL OR segment <> 'do_not_pursue') "
                       "AND next_eligible_at IS NULL")
#: queued tasks waiting out a retry gap (``ix_call_tasks_waiting``); claims clear
#: ``next_eligible_at`` once it has passed, which puts them back among the claimable
WAITING_PREDICATE = "status = 'queued' AND next_eligible_at IS NOT NULL"


class CallTask(TimestampMixin, Base):
    """One customer in one campaign's queue (DESIGN §5).

    Ordering inputs (SLTV, defection date, tier, reason, language) are copied here so
    that claiming the next task reads one table through one index.
    """

    __tablename__ = "call_tasks"
    __table_args__ = (
        UniqueConstraint("campaign_id", "customer_id"),
        Index("ix_call_tasks_queue", "campaign_id", "status", "sltv_minor", "id"),
        # What a claim reads: only claimable tasks, one (campaign, zone) range at a time,
        # backwards = SLTV desc, then most recent defection. Queries repeat the predicate.
        Index("ix_call_tasks_claim", "campaign_id", "timezone", "sltv_minor", "defection_date",
              "id", sqlite_where=text(CLAIMABLE_PREDICATE),
              postgresql_where=text(CLAIMABLE_PREDICATE)),
        # The same for campaigns that order by expected value (P(win) × SLTV − costs).
        Index("ix_call_tasks_claim_ev", "campaign_id", "timezone", "expected_value_minor",
              "defection_date", "id", sqlite_where=text(CLAIMABLE_PREDICATE),
              postgresql_where=text(CLAIMABLE_PREDICATE)),
        Index("ix_call_tasks_waiting", "next_eligible_at", sqlite_where=text(WAITING_PREDICATE),
              postgresql_where=text(WAITING_PREDICATE)),
        Index("ix_call_tasks_callbacks", "campaign_id", "status", "callback_at"),
        Index("ix_call_tasks_lease", "status", "lease_expires_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"))
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(20), default="queued")
    sltv_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    sltv_tier: Mapped[str | None] = mapped_column(String(10))
    #: treatment of the customer's grid cell; ``do_not_pursue`` is never claimed
    segment: Mapped[str | None] = mapped_column(String(20))
    defection_reason: Mapped[str] = mapped_column(String(30), default="unknown")
    defection_date: Mapped[date | None] = mapped_column(Date)
    language: Mapped[str] = mapped_column(String(10), default="zh")
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Shanghai")
    claimed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    claimed_at: Mapped[datetime | None]
    lease_expires_at: Mapped[datetime | None]
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_attempt_at: Mapped[datetime | None]
    next_eligible_at: Mapped[datetime | None]
    callback_at: Mapped[datetime | None]
    callback_owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    last_disposition: Mapped[str | None] = mapped_column(String(30))
    #: P(win) of the next call, and its expected value in minor units, as the win model
    #: last scored the task (``services.win_model``); 0 / NULL until it has
    p_win: Mapped[float | None]
    expected_value_minor: Mapped[int] = mapped_column(BigInteger, default=0,
                                                      server_default="0")


def _initial_step(context: Any) -> str:
    """A call inserted with its outcome is closed; one without is being dialled."""
    params = context.get_current_parameters() if context is not None else {}
    return "done" if params.get("disposition") else "dialling"


class Call(Base):
    __tablename__ = "calls"
    __table_args__ = (
        Index("ix_calls_started_at", "started_at"),
        Index("ix_calls_agent_started", "agent_id", "started_at"),
        # The live board counts flagged calls every refresh: few rows, found by index.
        Index("ix_calls_flagged", "flagged_for_review", "started_at"),
        # Calls left open past their lease are found by step and lease (few rows).
        Index("ix_calls_step_lease", "step", "lease_expires_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int | None] = mapped_column(
        ForeignKey("call_tasks.id", ondelete="SET NULL"), index=True
    )
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), index=True
    )
    campaign_id: Mapped[int | None] = mapped_column(
        ForeignKey("campaigns.id", ondelete="SET NULL")
    )
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    phone_e164: Mapped[str | None] = mapped_column(String(20))
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    answered_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]
    wrapup_ended_at: Mapped[datetime | None]
    disposition: Mapped[str | None] = mapped_column(String(30))
    notes: Mapped[str | None] = mapped_column(Text)
    callback_at: Mapped[datetime | None]
    flagged_for_review: Mapped[bool] = mapped_column(Boolean, default=False)
    flagged_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # Issue 20: who set the answer and end times ("phone" = measured from the phone
    # system's events, "agent" = entered with the buttons; NULL before either), why the
    # call ended, and hold time measured from hold/resume events (NULL = not measured).
    answered_by: Mapped[str | None] = mapped_column(String(10))
    ended_by: Mapped[str | None] = mapped_column(String(10))
    end_cause: Mapped[str | None] = mapped_column(String(30))
    hold_seconds: Mapped[int | None] = mapped_column(Integer)
    #: the customer's SLTV in the call's campaign when a win-back or save outcome was
    #: recorded: what "SLTV recovered / saved" sums, unmoved by later recomputes
    sltv_minor: Mapped[int | None] = mapped_column(BigInteger)
    #: the call's step (core.call_flow.CallStep); a row written whole, with its outcome,
    #: is ``done``, one without an outcome is ``dialling``
    step: Mapped[str] = mapped_column(String(12), default=_initial_step,
                                      server_default="done")
    #: the call is abandoned (its task returns to the queue) if its agent's app stops
    #: renewing this: a crash, a quit, a lost network
    lease_expires_at: Mapped[datetime | None]
    #: when the outcome was recorded (the agent's 15 minutes to amend run from here)
    outcome_at: Mapped[datetime | None]
    #: why a call was closed without an outcome (crash, quit, logout, lease_expired)
    abandon_reason: Mapped[str | None] = mapped_column(String(20))
    #: the last time a recorded outcome was amended (the audit log says by whom and why)
    amended_at: Mapped[datetime | None]


class CallEvent(Base):
    """What the phone system reported about a call; ``dedupe_key`` makes repeats no-ops."""

    __tablename__ = "call_events"
    __table_args__ = (UniqueConstraint("call_id", "dedupe_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    call_id: Mapped[int] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    dedupe_key: Mapped[str] = mapped_column(String(120))
    at: Mapped[datetime]
    source: Mapped[str] = mapped_column(String(20))
    cause: Mapped[str | None] = mapped_column(String(30))
    detail: Mapped[str | None] = mapped_column(String(300))
    path: Mapped[str | None] = mapped_column(String(1000))
    external_id: Mapped[str | None] = mapped_column(String(200))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)

