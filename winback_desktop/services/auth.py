"""Logging in, lockout and passwords (argon2id)."""

from __future__ import annotations

import math
import platform
from dataclasses import replace
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from winback_desktop.core.domain import Role
from winback_desktop.core.errors import (
    AuthenticationFailed,
    PermissionDenied,
    ValidationError,
)
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.db.models import LoginThrottle, User
from winback_desktop.db.session import Database
from winback_desktop.db.types import utcnow
from winback_desktop.services import audit
from winback_desktop.services.context import Actor

#: the wrong password that earns the first wait (per login and workstation)
FREE_FAILURES = 3
FIRST_WAIT = timedelta(seconds=15)
MAX_WAIT = timedelta(minutes=15)
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


class LoginWaiting(AuthenticationFailed):
    """Too many wrong passwords for this login at this workstation: wait, then retry."""

    default_text = QT_TRANSLATE_NOOP(
        "Errors", "Too many failed logins with this name on this computer. Wait {seconds} "
        "seconds, then try again.")


def authenticate(db: Database, login: str, password: str, now: datetime | None = None,
                 channel: str = "gui", workstation: str | None = None) -> Actor:
    """Check a login; failures back off per typed login *and* workstation.

    The first ``FREE_FAILURES - 1`` wrong passwords of a login at a workstation cost
    nothing; from then on each one makes that workstation wait before it may try that
    login again, twice as long each time up to ``MAX_WAIT``. Another workstation is not
    held up, so an attacker at one PC cannot lock an admin out of every other PC (issue
    15); an attempt during the wait -- even with the right password -- is refused with
    the time left and audited, and not counted.

    Every attempt does the same work whoever the login names: one argon2 verification
    (of a dummy hash for an unknown or inactive login) and one short write transaction
    that audits it. An unknown login, an inactive one and a wrong password all answer
    "Wrong login or password.", and unknown logins back off exactly like real ones, so
    neither the message, the wait nor the time tells a prober which logins exist.

    The password is verified outside any write (argon2 takes tens of milliseconds), then
    the outcome is written in one short write transaction: the failure counter moves by
    an atomic ``INSERT … ON CONFLICT DO UPDATE SET failures = failures + 1 RETURNING``,
    and SQLite takes its write lock up front and waits for it, so parallel wrong
    passwords all count instead of losing updates or answering "database is locked".
    Owns its transactions because a failed attempt must be committed though it raises.
    """
    now = now or utcnow()
    place = (workstation or platform.node())[:100]
    key = _login_key(login)
    with db.session() as session:
        user = _find_user(session, login)
        found = None if user is None or not user.active else (user.id, user.password_hash)
    ok = verify_password(_DUMMY_HASH if found is None else found[1], password)
    with db.session(immediate=True) as session:
        who = _attempt_actor(session, found, login, channel, place)
        waiting = session.scalar(select(LoginThrottle.retry_at).where(
            LoginThrottle.login_key == key, LoginThrottle.workstation == place))
        if waiting is not None and waiting > now:
            audit.record(session, who, "login_failed", "user", who.user_id,
                         after={"login": key, "waiting_until": waiting})
            error: Exception = LoginWaiting(seconds=_seconds_left(waiting, now))
        elif found is not None and ok:
            return _succeed(session, found[0], password, now, who, key, place)
        else:
            error = _fail(session, who, key, place, now)
    raise error


def _login_key(login: str) -> str:
    # No login holds a NUL; PostgreSQL would refuse the query rather than find nobody.
    return login.replace("\x00", "").strip().lower()[:64]


def _seconds_left(until: datetime, now: datetime) -> int:
    return max(1, math.ceil((until - now).total_seconds()))


def _attempt_actor(session: Session, found: tuple[int, str] | None, login: str, channel: str,
                   workstation: str) -> Actor:
    """Who the audit row names: the user (re-read under the write lock) or the typed login."""
    user = (session.scalar(select(User).where(User.id == found[0]).with_for_update())
            if found is not None else None)
    if user is None or not user.active:
        typed = login.replace("\x00", "").strip()[:64]
        return Actor(None, typed, Role.AGENT, channel=channel, workstation=workstation)
    return replace(Actor.of(user), channel=channel, workstation=workstation)


def _succeed(session: Session, user_id: int, password: str, now: datetime, who: Actor,
             key: str, workstation: str) -> Actor:
    user = session.get(User, user_id)
    if user is None or not user.active or who.user_id is None:
        raise AuthenticationFailed()
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    user.failed_logins = 0
    user.locked_until = None
    user.last_login_at = now
    session.execute(delete(LoginThrottle).where(LoginThrottle.login_key == key,
                                                LoginThrottle.workstation == workstation))
    audit.record(session, who, "login", "user", user.id)
    return who


def wait_after(failures: int) -> timedelta | None:
    """How long a workstation waits after its ``failures``-th wrong password in a row."""
    if failures < FREE_FAILURES:
        return None
    return min(FIRST_WAIT * 2 ** (failures - FREE_FAILURES), MAX_WAIT)


def _fail(session: Session, who: Actor, key: str, workstation: str,
          now: datetime) -> Exception:
    """Count a wrong password atomically and set the wait it earns; audited."""
    insert = (pg_insert if session.get_bind().dialect.name == "postgresql"
              else sqlite_insert)(LoginThrottle)
    failures = session.execute(
        insert.values(login_key=key, workstation=workstation, failures=1,
                      last_failed_at=now, retry_at=None)
        .on_conflict_do_update(
            index_elements=[LoginThrottle.login_key, LoginThrottle.workstation],
            set_={"failures": LoginThrottle.failures + 1, "last_failed_at": now})
        .returning(LoginThrottle.failures)).scalar_one()
    wait = wait_after(failures)
    after: dict[str, object] = {"login": key, "failures": failures}
    if wait is not None:
        until = now + wait
        session.execute(update(LoginThrottle).where(
            LoginThrottle.login_key == key, LoginThrottle.workstation == workstation,
            LoginThrottle.failures == failures).values(retry_at=until)
            .execution_options(synchronize_session=False))
        after["wait_seconds"] = int(wait.total_seconds())
        if who.user_id is not None:  # the users screen shows the account waiting
            session.execute(update(User).where(User.id == who.user_id).values(
                failed_logins=failures, locked_until=until)
                .execution_options(synchronize_session=False))
    audit.record(session, who, "login_failed", "user", who.user_id, after=after)
    if wait is not None:
        audit.record(session, who, "login_throttled", "user", who.user_id,
                     after={"login": key, "failures": failures,
                            "wait_seconds": int(wait.total_seconds())})
    # The attempt that earns a wait answers like any wrong password; the next one says
    # how long to wait (the same for unknown logins, so it lists nothing).
    return AuthenticationFailed()


def clear_throttle(session: Session, login: str) -> int:
    """An admin's unlock or password reset: every workstation may try this login again."""
    result = session.execute(delete(LoginThrottle).where(
        LoginThrottle.login_key == _login_key(login)))
    return int(getattr(result, "rowcount", 0) or 0)


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
