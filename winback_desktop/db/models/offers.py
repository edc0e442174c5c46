"""Models: offer templates, authority limits and offer requests."""

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

# --------------------------------------------------------------------------- offers


class OfferTemplate(TimestampMixin, Base):
    """One version of a catalogue offer; requests point at the version they offered."""

    __tablename__ = "offer_templates"
    __table_args__ = (UniqueConstraint("code", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(50))
    version: Mapped[int] = mapped_column(Integer, default=1)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(30))
    cost_rule: Mapped[dict[str, Any] | None]
    eligibility: Mapped[dict[str, Any] | None]
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class AuthorityLimit(Base):
    """Role × SLTV tier → the highest offer cost approved without asking anyone."""

    __tablename__ = "authority_limits"
    __table_args__ = (UniqueConstraint("role", "tier"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    role: Mapped[str] = mapped_column(String(20))
    tier: Mapped[str] = mapped_column(String(10))
    max_cost_minor: Mapped[int] = mapped_column(BigInteger, default=0)


class OfferRequest(TimestampMixin, Base):
    __tablename__ = "offer_requests"
    __table_args__ = (Index("ix_offer_requests_status", "status", "requested_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    offer_template_id: Mapped[int] = mapped_column(
        ForeignKey("offer_templates.id", ondelete="RESTRICT")
    )
    task_id: Mapped[int | None] = mapped_column(ForeignKey("call_tasks.id", ondelete="SET NULL"))
    call_id: Mapped[int | None] = mapped_column(ForeignKey("calls.id", ondelete="SET NULL"))
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), index=True
    )
    agent_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[str] = mapped_column(String(20), default="pending")
    cost_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    sltv_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    agent_note: Mapped[str | None] = mapped_column(Text)
    requested_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime | None]
    escalated_to: Mapped[str | None] = mapped_column(String(20))
    decided_at: Mapped[datetime | None]
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decision_note: Mapped[str | None] = mapped_column(Text)
    counter_offer: Mapped[dict[str, Any] | None]
    outcome_at: Mapped[datetime | None]
    decline_reason: Mapped[str | None] = mapped_column(Text)
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version_id}

