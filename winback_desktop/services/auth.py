"""Logging in, lockout and passwords (argon2id)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import case, func, select, update
from sqlalchemy.orm import Session

from winback_desktop.core.domain import Role
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
    # No login holds a NUL; PostgreSQL would refuse the query rather than find nobody.
    typed = login.replace("\x00", "").strip().lower()
    return session.scalar(select(User).where(func.lower(User.login) == typed))


def authenticate(db: Database, login: str, password: str, now: datetime | None = None,
                 channel: str = "gui") -> Actor:
    """Check a login; count failures and lock the account after five for 15 minutes.

    Every attempt does the same work whoever the login names: one argon2 verification
    (of a dummy hash for an unknown or inactive login) and one short write transaction
    that audits the failure. An unknown login, an inactive one, a wrong password and a
    wrong password on a locked account all answer "Wrong login or password." -- only the
    right password learns that its account waits -- so neither the message nor the time
    tells a prober which logins exist (issue 15).

    The password is verified outside any write (argon2 takes tens of milliseconds), then
    the outcome is written in one short write transaction: the failure counter moves by
    an atomic ``UPDATE … SET failed_logins = failed_logins + 1 … RETURNING`` (PostgreSQL
    serialises concurrent updates of the row), and SQLite takes its write lock up front
    and waits for it, so 40 parallel wrong passwords count 40 and lock the account
    instead of losing updates or answering "database is locked". Owns its transactions
    because a failed attempt must be committed even though the call raises.
    """
    now = now or utcnow()
    with db.session() as session:
        user = _find_user(session, login)
        found = None if user is None or not user.active else (
            user.id, user.password_hash, user.locked_until)
    ok = verify_password(_DUMMY_HASH if found is None else found[1], password)
    with db.session(immediate=True) as session:
        if found is None:
            _audit_unknown(session, login, channel)
            error: Exception = AuthenticationFailed()
        else:
            outcome = _settle(session, found[0], password, ok, now, channel)
            if isinstance(outcome, Actor):
                return outcome
            error = outcome
    raise error


def _audit_unknown(session: Session, login: str, channel: str) -> None:
    """A failed attempt on a login that does not exist (or is inactive): audited, with
    the typed login cleaned to fit, so probing shows in the log like any failure."""
    typed = login.replace("\x00", "").strip()[:64]
    who = Actor(None, typed, Role.AGENT, channel=channel)
    audit.record(session, who, "login_failed", "user", None, after={"login": typed})


def _settle(session: Session, user_id: int, password: str, ok: bool, now: datetime,
            channel: str) -> Actor | Exception:
    """Write the outcome of a checked password: the logged-in actor, or the error to raise."""
    user = session.scalar(select(User).where(User.id == user_id).with_for_update())
    if user is None or not user.active:
        return AuthenticationFailed()
    who = replace(Actor.of(user), channel=channel)
    locked_now = user.locked_until is not None and user.locked_until > now
    if ok:
        if locked_now and user.locked_until is not None:
            # locked earlier or by a parallel attempt while this password was checked;
            # the right password may learn that its account waits
            return AccountLocked(until=user.locked_until.astimezone().strftime("%H:%M"))
        if _hasher.check_needs_rehash(user.password_hash):
            user.password_hash = _hasher.hash(password)
        user.failed_logins = 0
        user.locked_until = None
        user.last_login_at = now
        audit.record(session, who, "login", "user", user.id)
        return who
    if locked_now:
        # the account already waits: the attempt is audited, the counter stays
        audit.record(session, who, "login_failed", "user", user_id, after={"locked": True})
        return AuthenticationFailed()
    locks = User.failed_logins + 1 >= MAX_FAILED_LOGINS
    count, until = session.execute(
        update(User).where(User.id == user_id)
        .values(failed_logins=case((locks, 0), else_=User.failed_logins + 1),
                locked_until=case((locks, now + LOCKOUT), else_=User.locked_until))
        .returning(User.failed_logins, User.locked_until)
        .execution_options(synchronize_session=False)).one()
    locked = count == 0 and until is not None  # this attempt reached the limit
    audit.record(session, who, "login_failed", "user", user_id,
                 after={"failed_logins": MAX_FAILED_LOGINS if locked else count})
    if locked:
        audit.record(session, who, "account_locked", "user", user_id,
                     after={"locked_until": until})
    # The attempt that reaches the limit answers like any wrong password: an unknown
    # login never locks, so a distinct answer here would list the real ones.
    return AuthenticationFailed()


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
