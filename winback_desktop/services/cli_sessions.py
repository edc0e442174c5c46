"""Command-line logins: who the ``winback`` CLI acts as (DESIGN §9 trust model).

``winback login`` proves a password once and gets a random token; only its SHA-256 is
stored (``cli_sessions``), so the token is revocable and a copy of the database grants
nothing. Every later command resumes the session, which re-reads the user's role and
active flag from the database, so a demoted or deactivated user loses powers at once.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import func, select, update

from winback_desktop.core.domain import Role
from winback_desktop.core.errors import NotFound, NotLoggedIn, PermissionDenied, SessionEnded
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import CliSession, User
from winback_desktop.db.session import Database
from winback_desktop.db.types import utcnow
from winback_desktop.services import audit, auth, users
from winback_desktop.services.context import Actor, refuse, require

#: A working day and a bit: a forgotten login ends by the next morning.
SESSION_HOURS = 12
CHANNEL = "cli"


@dataclass(frozen=True, slots=True)
class CliLogin:
    token: str
    actor: Actor
    expires_at: datetime


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def as_cli(actor: Actor) -> Actor:
    return replace(actor, channel=CHANNEL)


def sign_in(db: Database, login: str, password: str, *, hours: int = SESSION_HOURS,
            now: datetime | None = None) -> CliLogin:
    """Check the password (lockout rules as in the app) and open a CLI session."""
    now = now or utcnow()
    actor = as_cli(auth.authenticate(db, login, password, now=now, channel=CHANNEL))
    token = secrets.token_urlsafe(32)
    expires = now + timedelta(hours=max(1, min(hours, 24 * 7)))
    with db.session() as session:
        row = CliSession(user_id=actor.user_id, token_hash=_digest(token),
                         workstation=actor.workstation, created_at=now, expires_at=expires)
        session.add(row)
        session.flush()
        audit.record(session, actor, "cli_login", "cli_session", row.id,
                     after={"expires_at": expires})
    return CliLogin(token, actor, expires)


def resume(db: Database, token: str, *, now: datetime | None = None) -> Actor:
    """The user a stored token stands for, read fresh; ``SessionEnded`` if it is not valid."""
    now = now or utcnow()
    with db.session() as session:
        row = session.scalar(select(CliSession).where(CliSession.token_hash == _digest(token)))
        user = session.get(User, row.user_id) if row is not None else None
        if (row is None or user is None or row.revoked_at is not None
                or row.expires_at <= now or not user.active):
            raise SessionEnded(database=db.display_url)
        row.last_used_at = now
        return as_cli(Actor.of(user))


def sign_out(db: Database, token: str) -> bool:
    """End the session a token stands for; False when it had already ended."""
    with db.session() as session:
        row = session.scalar(select(CliSession).where(CliSession.token_hash == _digest(token)))
        if row is None or row.revoked_at is not None:
            return False
        row.revoked_at = utcnow()
        user = session.get(User, row.user_id)
        if user is not None:
            audit.record(session, as_cli(Actor.of(user)), "cli_logout", "cli_session", row.id)
        return True


def revoke_all(db: Database, actor: Actor, login: str) -> int:
    """An admin ends every command-line session of ``login`` (a lost laptop)."""
    with db.session() as session:
        require(actor, Permission.MANAGE_USERS)
        user = users.get_user(session, login)
        rows = session.scalars(
            update(CliSession).where(CliSession.user_id == user.id,
                                     CliSession.revoked_at.is_(None))
            .values(revoked_at=utcnow()).returning(CliSession.id)).all()
        done = len(rows)
        audit.record(session, actor, "cli_sessions_revoked", "user", user.id,
                     after={"sessions": done})
        return int(done)


def first_run(db: Database) -> bool:
    """No active admin yet: the OS account that owns the new database sets it up."""
    with db.session() as session:
        return users.needs_first_admin(session)


def no_login(db: Database) -> NotLoggedIn:
    return NotLoggedIn(database=db.display_url)


def act_for(db: Database, actor: Actor, login: str | None) -> Actor:
    """The actor a ``--agent``/``--by`` flag names: oneself, or an agent a supervisor or
    admin works for (audited "on behalf of"); anyone else is refused and audited."""
    if login is None or login.strip().lower() == actor.login.lower():
        return actor
    with db.session() as session:
        target = session.scalar(
            select(User).where(func.lower(User.login) == login.strip().lower()))
        if target is None:
            raise NotFound(what=login)
        if (not actor.can(Permission.MONITOR_AGENTS) or target.role != Role.AGENT
                or not target.active):
            refuse(session, actor, "act_for", QT_TRANSLATE_NOOP(
                "Errors", "You may act only as yourself, or for an agent if you supervise."),
                target=target.login)
        audit.record(session, actor, "act_for", "user", target.id,
                     after={"for": target.login})
        return replace(Actor.of(target), channel=CHANNEL, on_behalf_by=actor.login)


def must_be_me(db: Database, actor: Actor, login: str | None, action: str) -> Actor:
    """A ``--by`` flag may only repeat who is logged in: it never grants identity."""
    if login is None or login.strip().lower() == actor.login.lower():
        return actor
    with db.session() as session:
        refuse(session, actor, action, QT_TRANSLATE_NOOP(
            "Errors", "--by names someone else: log in as {login} to act as them."),
            login=login)
    raise PermissionDenied()  # pragma: no cover - refuse raises
