"""Users, login lockout, permissions in services, audit entries; on both engines."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from winback_desktop.core.errors import (
    AuthenticationFailed,
    Conflict,
    PermissionDenied,
    ValidationError,
)
from winback_desktop.db.models import AuditEntry, User
from winback_desktop.db.types import utcnow
from winback_desktop.services import auth, settings, users
from winback_desktop.services.context import Actor


def _audit(db, action: str) -> list[AuditEntry]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def test_first_admin_then_only_admins_add_users(db) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        assert users.needs_first_admin(s)
        admin = users.add_user(s, Actor.system(), "boss", "admin", "s3cret-pass")
        assert not users.needs_first_admin(s)
        agent = users.add_user(s, Actor.of(admin), "a1", "agent", "agent-pass-1")
        agent_actor = Actor.of(agent)
    with pytest.raises(PermissionDenied), db.session() as s:
        users.add_user(s, agent_actor, "a2", "agent", "agent-pass-2")
    with pytest.raises(PermissionDenied), db.session() as s:
        users.add_user(s, Actor.system().__class__(None, "x", agent_actor.role), "a3",
                       "admin", "agent-pass-3")
    created = _audit(db, "user_created")
    assert [e.after["login"] for e in created] == ["boss", "a1"]
    assert all("password_hash" not in (e.after or {}) for e in created)


def test_password_is_argon2id_and_login_works(db, admin) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        user = s.scalar(select(User).where(User.login == "admin"))
        assert user is not None and user.password_hash.startswith("$argon2id$")
    actor = auth.authenticate(db, "ADMIN", "admin-pass-1")
    assert actor.login == "admin" and actor.role == "admin"


def test_duplicate_login_and_bad_input(db, admin) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(Conflict), db.session() as s:
        users.add_user(s, admin, "Admin", "agent", "whatever-1")
    with pytest.raises(ValidationError), db.session() as s:
        users.add_user(s, admin, "has space", "agent", "whatever-1")
    with pytest.raises(ValidationError), db.session() as s:
        users.add_user(s, admin, "short", "agent", "1234")
    with pytest.raises(ValidationError), db.session() as s:
        users.add_user(s, admin, "ok", "emperor", "whatever-1")


def test_failures_back_off_for_this_workstation(db, admin) -> None:  # type: ignore[no-untyped-def]
    now = utcnow()
    for _ in range(auth.FREE_FAILURES):
        with pytest.raises(AuthenticationFailed):
            auth.authenticate(db, "admin", "wrong", now=now)
    # Even the right password waits at this workstation...
    with pytest.raises(auth.LoginWaiting):
        auth.authenticate(db, "admin", "admin-pass-1", now=now + timedelta(seconds=14))
    # ...and is accepted once the wait has passed.
    assert auth.authenticate(db, "admin", "admin-pass-1", now=now + timedelta(seconds=16))
    assert len(_audit(db, "login_failed")) == auth.FREE_FAILURES + 1
    assert len(_audit(db, "login_throttled")) == 1


def test_unknown_login_same_message_as_wrong_password(db, admin) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(AuthenticationFailed) as unknown:
        auth.authenticate(db, "nobody", "x")
    with pytest.raises(AuthenticationFailed) as wrong:
        auth.authenticate(db, "admin", "x")
    assert str(unknown.value) == str(wrong.value)


def test_change_password(db, admin) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(AuthenticationFailed), db.session() as s:
        auth.change_password(s, admin, "not-it", "brand-new-pass")
    with db.session() as s:
        auth.change_password(s, admin, "admin-pass-1", "brand-new-pass")
    with pytest.raises(AuthenticationFailed):
        auth.authenticate(db, "admin", "admin-pass-1")
    assert auth.authenticate(db, "admin", "brand-new-pass")
    assert _audit(db, "password_changed")


def test_deactivated_user_cannot_log_in_and_admin_cannot_demote_self(db, admin) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        agent = users.add_user(s, admin, "a1", "agent", "agent-pass-1")
        users.update_user(s, admin, agent.id, active=False)
    with pytest.raises(AuthenticationFailed):
        auth.authenticate(db, "a1", "agent-pass-1")
    with pytest.raises(ValidationError), db.session() as s:
        users.update_user(s, admin, admin.user_id, role="agent")
    updated = _audit(db, "user_updated")
    assert updated[-1].before == {"active": True} and updated[-1].after == {"active": False}


def test_language_remembered_per_user(db, admin) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        users.set_language(s, admin, "zh_CN")
    with db.session() as s:
        assert users.get_language(s, admin.user_id) == "zh_CN"
    with pytest.raises(ValidationError), db.session() as s:
        users.set_language(s, admin, "klingon")


def test_settings_permissions_and_audit(db, admin) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        agent = Actor.of(users.add_user(s, admin, "a1", "agent", "agent-pass-1"))
    with pytest.raises(PermissionDenied), db.session() as s:
        settings.set_value(s, agent, "default_phone_region", "US")
    with pytest.raises(PermissionDenied), db.session() as s:
        settings.set_value(s, agent, "x", 1, scope=settings.user_scope(admin.user_id or 0))
    with db.session() as s:
        settings.set_value(s, agent, "geometry", {"w": 1}, scope=settings.user_scope(agent.user_id or 0))
        settings.set_value(s, admin, "default_phone_region", "US")
    with db.session() as s:
        assert settings.get(s, "default_phone_region") == "US"
        assert settings.get(s, "default_currency") == "CNY"
    entry = _audit(db, "setting_changed")[-1]
    assert entry.before == {"value": None} and entry.after == {"value": "US"}
