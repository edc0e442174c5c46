"""Logging in, lockout and passwords (argon2id)."""

from __future__ import annotations

from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from winback_desktop.core.errors import (
    AccountLocked,
    AuthenticationFailed,
    PermissionDenied,
    ValidationError,
)
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.db.models import User
from winback_desktop.db.session import Database
from winback_desktop.db.types import utcnow
from winback_desktop.services import audit
from winback_desktop.services.context import Actor

MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 8

# argon2-cffi's defaults are argon2id with RFC 9106's low-memory profile.
_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    check_password_strength(password)
    return _hasher.hash(password)


def check_password_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The password needs at least {n} characters."),
            n=MIN_PASSWORD_LENGTH,
        )


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _find_user(session: Session, login: str) -> User | None:
    return session.scalar(select(User).where(func.lower(User.login) == login.strip().lower()))


def authenticate(db: Database, login: str, password: str, now: datetime | None = None) -> Actor:
    """Check a login; count failures and lock the account after five for 15 minutes.

    Owns its transaction because a failed attempt must be committed even though the
    call then raises.
    """
    now = now or utcnow()
    error: Exception | None = None
    actor: Actor | None = None
    with db.session() as session:
        user = _find_user(session, login)
        if user is None or not user.active:
            # Same message as a wrong password: do not reveal which logins exist.
            verify_password(_DUMMY_HASH, password)
            error = AuthenticationFailed()
        elif user.locked_until is not None and user.locked_until > now:
            error = AccountLocked(until=user.locked_until.astimezone().strftime("%H:%M"))
        elif not verify_password(user.password_hash, password):
            user.failed_logins += 1
            who = Actor.of(user)
            audit.record(session, who, "login_failed", "user", user.id,
                         after={"failed_logins": user.failed_logins})
            if user.failed_logins >= MAX_FAILED_LOGINS:
                user.locked_until = now + LOCKOUT
                user.failed_logins = 0
                audit.record(session, who, "account_locked", "user", user.id,
                             after={"locked_until": user.locked_until})
                error = AccountLocked(until=user.locked_until.astimezone().strftime("%H:%M"))
            else:
                error = AuthenticationFailed()
        else:
            if _hasher.check_needs_rehash(user.password_hash):
                user.password_hash = _hasher.hash(password)
            user.failed_logins = 0
            user.locked_until = None
            user.last_login_at = now
            actor = Actor.of(user)
            audit.record(session, actor, "login", "user", user.id)
    if error is not None:
        raise error
    assert actor is not None
    return actor


def change_password(session: Session, actor: Actor, old_password: str, new_password: str) -> None:
    """A user changes their own password, proving they know the old one."""
    user = session.get(User, actor.user_id) if actor.user_id is not None else None
    if user is None:
        raise PermissionDenied()
    if not verify_password(user.password_hash, old_password):
        raise AuthenticationFailed(
            QT_TRANSLATE_NOOP("Errors", "The current password is wrong.")
        )
    if old_password == new_password:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The new password must differ from the current one.")
        )
    user.password_hash = hash_password(new_password)
    user.password_changed_at = utcnow()
    audit.record(session, actor, "password_changed", "user", user.id)


_DUMMY_HASH = _hasher.hash("winback-timing-equaliser")
