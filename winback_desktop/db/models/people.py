"""Models: teams, users, CLI sessions and login back-off."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    ForeignKey,
    Integer,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from winback_desktop.db.models.base import Base, TimestampMixin
from winback_desktop.db.types import JSONType, utcnow

# --------------------------------------------------------------------------- people


class Team(TimestampMixin, Base):
    __tablename__ = "teams"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)

    members: Mapped[list[User]] = relationship(
        back_populates="team", foreign_keys="User.team_id"
    )


class User(TimestampMixin, Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(20), index=True)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id", ondelete="SET NULL"))
    password_hash: Mapped[str] = mapped_column(String(255))
    password_changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    last_login_at: Mapped[datetime | None]
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    language: Mapped[str | None] = mapped_column(String(10))
    # Skills that match agents to win-back conditions (DESIGN §4, issue 5).
    skill_tiers: Mapped[list[str] | None] = mapped_column(JSONType)
    skill_reasons: Mapped[list[str] | None] = mapped_column(JSONType)
    languages: Mapped[list[str] | None] = mapped_column(JSONType)
    seniority: Mapped[str] = mapped_column(String(20), default="senior")
    authority_override_minor: Mapped[int | None] = mapped_column(BigInteger)

    team: Mapped[Team | None] = relationship(back_populates="members", foreign_keys=[team_id])


class CliSession(Base):
    """A ``winback login`` on one workstation: the command line acts as this user.

    Only a SHA-256 of the token is kept, so a copy of the database grants nothing; an
    admin revokes a session by setting ``revoked_at`` (deactivating the user ends all).
    """

    __tablename__ = "cli_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    workstation: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    last_used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]



class LoginThrottle(Base):
    """Failed logins of one typed login at one workstation, and when it may try again.

    Keyed by what was typed (lower-cased), not by user, so unknown logins back off the
    same way as real ones and the wait says nothing about which logins exist.
    """

    __tablename__ = "login_throttle"

    login_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    workstation: Mapped[str] = mapped_column(String(100), primary_key=True)
    failures: Mapped[int] = mapped_column(default=0)
    last_failed_at: Mapped[datetime] = mapped_column(default=utcnow)
    retry_at: Mapped[datetime | None]
