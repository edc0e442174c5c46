"""Models: presence, not-ready reasons, recordings, QA, rewards, scorecards and coaching."""

from __future__ import annotations

from datetime import date, datetime
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
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from winback_desktop.db.models.base import Base, TimestampMixin
from winback_desktop.db.types import utcnow

# ---------------------------------------------------------------- monitoring and QA


class AgentPresence(Base):
    __tablename__ = "agent_presence"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    state: Mapped[str] = mapped_column(String(20), default="offline")
    since: Mapped[datetime] = mapped_column(default=utcnow)
    heartbeat_at: Mapped[datetime] = mapped_column(default=utcnow)
    campaign_id: Mapped[int | None] = mapped_column(
        ForeignKey("campaigns.id", ondelete="SET NULL")
    )
    current_customer_id: Mapped[int | None] = mapped_column(
        ForeignKey("customers.id", ondelete="SET NULL")
    )
    current_call_id: Mapped[int | None] = mapped_column(ForeignKey("calls.id", ondelete="SET NULL"))
    script_step: Mapped[str | None] = mapped_column(String(100))
    workstation: Mapped[str | None] = mapped_column(String(100))
    #: why the agent is not ready (a ``NotReadyReason.code``) while the state is ``break``
    reason: Mapped[str | None] = mapped_column(String(40))
    #: the agent asked for help (the board lights their row) until they withdraw it
    help_requested_at: Mapped[datetime | None]
    #: a supervisor forced this state (not ready or logged out); the agent's desk obeys
    forced_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    forced_at: Mapped[datetime | None]


class NotReadyReason(Base):
    """Why an agent is not taking customers (break, lunch, training …); admins edit the
    list. Built-in codes are shown translated; ``name`` labels a reason an admin added."""

    __tablename__ = "not_ready_reasons"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str | None] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Recording(Base):
    __tablename__ = "recordings"

    id: Mapped[int] = mapped_column(primary_key=True)
    call_id: Mapped[int | None] = mapped_column(
        ForeignKey("calls.id", ondelete="SET NULL"), index=True
    )
    path: Mapped[str] = mapped_column(String(1000))
    duration_ms: Mapped[int | None] = mapped_column(Integer)
    sha256: Mapped[str | None] = mapped_column(String(64))
    matched_by: Mapped[str] = mapped_column(String(20), default="manual")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class QaForm(TimestampMixin, Base):
    __tablename__ = "qa_forms"
    __table_args__ = (UniqueConstraint("name", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    #: weighted criteria: key, label, weight, critical flag
    criteria: Mapped[dict[str, Any]]


class QaEvaluation(TimestampMixin, Base):
    __tablename__ = "qa_evaluations"

    id: Mapped[int] = mapped_column(primary_key=True)
    call_id: Mapped[int] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"), index=True)
    form_id: Mapped[int] = mapped_column(ForeignKey("qa_forms.id", ondelete="RESTRICT"))
    evaluator_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    agent_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    scores: Mapped[dict[str, Any] | None]
    score_pct: Mapped[int | None] = mapped_column(Integer)
    critical_fail: Mapped[bool] = mapped_column(Boolean, default=False)
    coaching_notes: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="submitted")
    agent_comment: Mapped[str | None] = mapped_column(Text)
    acknowledged_at: Mapped[datetime | None]
    calibration_session: Mapped[str | None] = mapped_column(String(100))


# -------------------------------------------------------------------------- rewards


class RewardRule(TimestampMixin, Base):
    __tablename__ = "reward_rules"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(30))
    params: Mapped[dict[str, Any] | None]
    points: Mapped[int] = mapped_column(Integer, default=0)
    effective_from: Mapped[date] = mapped_column(Date)
    effective_to: Mapped[date | None] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class RewardLedgerEntry(Base):
    """Append-only: corrections are reversal entries, never updates."""

    __tablename__ = "reward_ledger"
    __table_args__ = (
        Index("ix_reward_ledger_agent_at", "agent_id", "created_at"),
        Index("ix_reward_ledger_source", "source_type", "source_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    agent_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    points: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    rule_id: Mapped[int | None] = mapped_column(ForeignKey("reward_rules.id", ondelete="SET NULL"))
    source_type: Mapped[str | None] = mapped_column(String(30))
    source_id: Mapped[int | None] = mapped_column(BigInteger)
    reverses_id: Mapped[int | None] = mapped_column(
        ForeignKey("reward_ledger.id", ondelete="RESTRICT")
    )
    reason: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class RewardRedemption(Base):
    """An agent's request to spend points; approved ones debit the ledger."""

    __tablename__ = "reward_redemptions"
    __table_args__ = (Index("ix_reward_redemptions_status", "status", "requested_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agent_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    item: Mapped[str] = mapped_column(String(100))
    points: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), default="pending")
    requested_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_at: Mapped[datetime | None]
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    note: Mapped[str | None] = mapped_column(Text)
    ledger_entry_id: Mapped[int | None] = mapped_column(
        ForeignKey("reward_ledger.id", ondelete="SET NULL")
    )


class AgentDailyStats(Base):
    """Per-agent, per-UTC-day call totals: scorecards read closed days from here."""

    __tablename__ = "agent_daily_stats"

    agent_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    dials: Mapped[int] = mapped_column(Integer, default=0)
    contacts: Mapped[int] = mapped_column(Integer, default=0)
    rpc: Mapped[int] = mapped_column(Integer, default=0)
    winback_rpc: Mapped[int] = mapped_column(Integer, default=0)
    save_rpc: Mapped[int] = mapped_column(Integer, default=0)
    win_backs: Mapped[int] = mapped_column(Integer, default=0)
    sltv_recovered_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    saves: Mapped[int] = mapped_column(Integer, default=0)
    sltv_saved_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    handled_calls: Mapped[int] = mapped_column(Integer, default=0)
    talk_seconds: Mapped[float] = mapped_column(default=0.0)
    hold_seconds: Mapped[float] = mapped_column(default=0.0)
    wrap_seconds: Mapped[float] = mapped_column(default=0.0)
    computed_at: Mapped[datetime] = mapped_column(default=utcnow)


class ScorecardStaleDay(Base):
    """A closed UTC day whose calls changed after it was rolled up (an amended outcome,
    a late wrap-up, a call logged afterwards). Database triggers on ``calls`` write it,
    so no code path can forget; ``scorecards.refresh_rollups`` recomputes the day."""

    __tablename__ = "scorecard_stale_days"

    day: Mapped[date] = mapped_column(Date, primary_key=True)


class CoachingMessage(Base):
    """A supervisor's short message that pops up in the agent's workspace."""

    __tablename__ = "coaching_messages"
    __table_args__ = (Index("ix_coaching_messages_to_read", "to_user_id", "read_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    from_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))
    to_user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    call_id: Mapped[int | None] = mapped_column(ForeignKey("calls.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    read_at: Mapped[datetime | None]

