"""Account use cases, each its own unit of work: refused without the permission (nothing
kept), audited when allowed, and the result says what changed. Both engines."""

from __future__ import annotations

import pytest

from tests.services.use_case_helpers import add_user, audit_actions, audit_count
from winback_desktop.core.errors import AuthenticationFailed, PermissionDenied, ValidationError
from winback_desktop.services import database, user_actions
from winback_desktop.services.changes import Changes, Topic
from winback_desktop.services.user_actions import UserForm

FORM = UserForm(login="agent77", role="agent", display_name="Agent 77", team="East",
                password="agent77-pass", skill_tiers=["A"], languages=["zh"])


def test_creating_a_user_is_one_audited_unit_and_agents_are_refused(db, admin) -> None:  # type: ignore[no-untyped-def]
    agent = add_user(db, admin, "agent01", "agent")
    before = audit_count(db)
    with pytest.raises(PermissionDenied):
        user_actions.create_user(db, agent, FORM)
    assert "agent77" not in [u.login for u in user_actions.list_users(db, admin).users]

    saved = user_actions.create_user(db, admin, FORM)
    assert saved.login == "agent77" and saved.changes == Changes.of(Topic.USERS)
    assert audit_actions(db)[-2:] == ["user_created", "user_updated"]
    details = user_actions.user_details(db, admin, saved.user_id)
    assert details.team == "East" and details.skill_tiers == ["A"] and details.languages == ["zh"]
    assert audit_count(db) >= before + 2
    listed = user_actions.list_users(db, admin)
    assert "East" in listed.teams


def test_editing_resetting_and_unlocking_need_the_users_permission(db, admin) -> None:  # type: ignore[no-untyped-def]
    supervisor = add_user(db, admin, "sup1", "supervisor")
    saved = user_actions.create_user(db, admin, FORM)
    edit = UserForm(login="agent77", role="supervisor", display_name="Now a supervisor",
                    team="West", active=True)
    for attempt in (lambda a: user_actions.update_user(db, a, saved.user_id, edit),
                    lambda a: user_actions.reset_password(db, a, saved.user_id, "new-pass-12"),
                    lambda a: user_actions.unlock_user(db, a, saved.user_id),
                    lambda a: user_actions.user_details(db, a, saved.user_id)):
        with pytest.raises(PermissionDenied):
            attempt(supervisor)
    assert user_actions.user_details(db, admin, saved.user_id).role == "agent"

    result = user_actions.update_user(db, admin, saved.user_id, edit)
    assert result.changes == Changes.of(Topic.USERS)
    assert user_actions.user_details(db, admin, saved.user_id).role == "supervisor"
    assert audit_actions(db)[-1] == "user_updated"
    assert user_actions.reset_password(db, admin, saved.user_id, "new-pass-12").login == "agent77"
    assert audit_actions(db)[-1] == "password_reset"
    assert user_actions.log_in(db, "agent77", "new-pass-12").actor.login == "agent77"


def test_own_password_and_language_are_audited_and_the_login_brings_the_language(db, admin) -> None:  # type: ignore[no-untyped-def]
    agent = add_user(db, admin, "agent01", "agent")
    with pytest.raises(AuthenticationFailed):
        user_actions.change_own_password(db, agent, "wrong", "brand-new-pass")
    done = user_actions.change_own_password(db, agent, "agent01-pass-1", "brand-new-pass")
    assert done.changes == Changes.of(Topic.USERS) and audit_actions(db)[-1] == "password_changed"
    with pytest.raises(ValidationError):
        user_actions.set_own_language(db, agent, "klingon")
    user_actions.set_own_language(db, agent, "zh_CN")
    assert audit_actions(db)[-1] == "language_changed"
    logged = user_actions.log_in(db, "agent01", "brand-new-pass")
    assert logged.actor.login == "agent01" and logged.language == "zh_CN"


def test_the_first_admin_only_once(db) -> None:  # type: ignore[no-untyped-def]
    opened = database.open_for_workstation(db.url)
    try:
        assert opened.needs_first_admin
    finally:
        opened.db.dispose()
    saved = user_actions.create_first_admin(db, "boss", "boss-pass-123", "The Boss")
    assert saved.login == "boss" and audit_actions(db) == ["user_created"]
    with pytest.raises(PermissionDenied):
        user_actions.create_first_admin(db, "intruder", "intruder-pass-1")
    opened = database.open_for_workstation(db.url)
    try:
        assert not opened.needs_first_admin
    finally:
        opened.db.dispose()


def test_team_settings_are_saved_all_or_nothing_by_admins_only(db, admin) -> None:  # type: ignore[no-untyped-def]
    agent = add_user(db, admin, "agent01", "agent")
    assert user_actions.team_settings(db, agent)["calling_window_start"] == "09:00"
    with pytest.raises(PermissionDenied):
        user_actions.save_team_settings(db, agent, {"lease_minutes": 30})
    with pytest.raises(ValidationError):
        user_actions.save_team_settings(db, admin, {"lease_minutes": 30,
                                                    "calling_window_end": "25:00"})
    assert user_actions.team_settings(db, admin)["lease_minutes"] == 15  # nothing kept
    done = user_actions.save_team_settings(db, admin, {"lease_minutes": 30,
                                                       "calling_window_end": "21:30"})
    assert done.changes == Changes.of(Topic.SETTINGS)
    assert audit_actions(db)[-2:] == ["setting_changed", "setting_changed"]
    values = user_actions.team_settings(db, agent)
    assert values["lease_minutes"] == 30 and values["calling_window_end"] == "21:30"


@pytest.mark.parametrize(("values", "message"), [
    ({"default_timezone": "Mars/Base"}, "'Mars/Base' is not a time zone"),
    ({"default_currency": "XYZ"}, "'XYZ' is not an ISO currency code"),
    ({"lease_minutes": 0}, "must be a positive whole number"),
    ({"presence_timeout_seconds": -5}, "must be a positive whole number"),
    ({"default_phone_region": "ZZ"}, "'ZZ' is not a phone region"),
])
def test_team_settings_refuse_what_is_not_a_zone_currency_or_positive_amount(
        db, admin, values: dict, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as caught:
        user_actions.save_team_settings(db, admin, values)
    assert message in caught.value.render()
    assert not any(a == "setting_changed" for a in audit_actions(db))
    ok = user_actions.save_team_settings(db, admin, {"default_timezone": "Europe/London",
                                                     "default_currency": "GBP",
                                                     "lease_minutes": 20})
    assert ok.changes == Changes.of(Topic.SETTINGS)
