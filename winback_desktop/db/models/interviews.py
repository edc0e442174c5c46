"""Models: exit-interview scripts, questions and responses."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from winback_desktop.db.models.base import Base, TimestampMixin

# ---------------------------------------------------------------------- interviews


class InterviewScript(TimestampMixin, Base):
    """A versioned exit-interview script; a published version is never edited."""

    __tablename__ = "interview_scripts"
    __table_args__ = (UniqueConstraint("name", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    kind: Mapped[str] = mapped_column(String(20), default="win_back")
    language: Mapped[str] = mapped_column(String(10), default="en")
    description: Mapped[str | None] = mapped_column(Text)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("interview_scripts.id", ondelete="SET NULL")
    )
    published_at: Mapped[datetime | None]
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    questions: Mapped[list[InterviewQuestion]] = relationship(
        back_populates="script",
        cascade="all, delete-orphan",
        order_by="InterviewQuestion.position",
    )


class InterviewQuestion(Base):
    __tablename__ = "interview_questions"
    __table_args__ = (UniqueConstraint("script_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    script_id: Mapped[int] = mapped_column(
        ForeignKey("interview_scripts.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(50))
    text: Mapped[str] = mapped_column(Text)
    qtype: Mapped[str] = mapped_column(String(20))
    required: Mapped[bool] = mapped_column(Boolean, default=False)
    help_text: Mapped[str | None] = mapped_column(Text)
    #: choices with label, value, per-reason weights and an optional ``goto`` key.
    options: Mapped[dict[str, Any] | None]

    script: Mapped[InterviewScript] = relationship(back_populates="questions")


class InterviewResponse(TimestampMixin, Base):
    __tablename__ = "interview_responses"

    id: Mapped[int] = mapped_column(primary_key=True)
    script_id: Mapped[int] = mapped_column(
        ForeignKey("interview_scripts.id", ondelete="RESTRICT"), index=True
    )
    call_id: Mapped[int | None] = mapped_column(
        ForeignKey("calls.id", ondelete="SET NULL"), index=True
    )
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), index=True
    )
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(20), default="in_progress")
    answers: Mapped[dict[str, Any] | None]
    current_question_key: Mapped[str | None] = mapped_column(String(50))
    completed_at: Mapped[datetime | None]
    proposed_reason: Mapped[str | None] = mapped_column(String(30))
    confirmed_reason: Mapped[str | None] = mapped_column(String(30))
    reason_overridden: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str | None] = mapped_column(Text)

