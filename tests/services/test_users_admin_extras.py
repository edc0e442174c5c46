"""Unlock, user details and audit filters: the services behind the users and audit screens."""

from __future__ import annotations

from typing import Any

import pytest

from winback_desktop.core.errors import PermissionDenied, WinbackError
from winback_desktop.services import audit, auth, users
from winback_desktop.services.context import Actor


def _agent(db: Any, admin: Actor) -> Actor:
    with db.session() as s:
        user = users.add_user(s, admin, "agent7", "agent", "agent-pass-7", team="North")
        users.update_user(s, admin, user.id, skill_tiers=["A", "B"], languages=["zh"])
        return Actor.of(user)


def test_unlock_lifts_a_lockout_and_is_audited(db: Any, admin: Actor) -> None:
    agent = _agent(db, admin)
    for _ in range(auth.FREE_FAILURES):
        with pytest.raises(WinbackError):
            auth.authenticate(db, "agent7", "wrong-wrong")
    with pytest.raises(auth.LoginWaiting):
        auth.authenticate(db, "agent7", "agent-pass-7")
    with db.session() as s, pytest.raises(PermissionDenied):
        users.unlock(s, agent, agent.user_id)
    with db.session() as s:
        users.unlock(s, admin, agent.user_id)
    assert auth.authenticate(db, "agent7", "agent-pass-7").login == "agent7"
    with db.session() as s:
        entry = audit.list_entries(s, admin, entity="user", user_login="admin")[0]
    assert entry.action == "account_unlocked"
    assert entry.after == {"locked_until": None, "failed_logins": 0}
    assert entry.before["locked_until"] is not None


def test_user_details_and_team_names(db: Any, admin: Actor) -> None:
    agent = _agent(db, admin)
    with db.session() as s:
        details = users.user_details(s, admin, agent.user_id)
        teams = users.team_names(s)
        with pytest.raises(PermissionDenied):
            users.user_details(s, agent, agent.user_id)
    assert (details.login, details.team, details.skill_tiers, details.languages) == (
        "agent7", "North", ["A", "B"], ["zh"])
    assert teams == ["North"]


def test_audit_filters_by_user_and_lists_choices(db: Any, admin: Actor) -> None:
    agent = _agent(db, admin)
    auth.authenticate(db, "agent7", "agent-pass-7")
    with db.session() as s:
        mine = audit.list_entries(s, admin, user_login="agent7")
        entities, logins = audit.filter_choices(s, admin)
        with pytest.raises(PermissionDenied):
            audit.filter_choices(s, agent)
    assert [e.action for e in mine] == ["login"]
    assert "user" in entities
    assert {"admin", "agent7"} <= set(logins)
