"""Rules the probe sidestepped (issue 15), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from tests.services.offer_fixtures import add_customer, make_team
from winback_desktop.core.errors import PermissionDenied
from winback_desktop.db.models import AuditEntry, Call, CallTask
from winback_desktop.db.types import utcnow
from winback_desktop.services import calls, offers


def _personal_callback(db, team, due_in: timedelta) -> int:  # type: ignore[no-untyped-def]
    _customer, task = add_customer(db, team.campaign_id)
    with db.session() as s:
        s.execute(update(CallTask).where(CallTask.id == task).values(
            status="callback", claimed_by=None, lease_expires_at=None,
            callback_owner_id=team.agent.user_id, callback_at=utcnow() + due_in))
    return task


def test_nobody_closes_a_colleagues_personal_callback(db) -> None:  # type: ignore[no-untyped-def]
    team = make_team(db)
    task = _personal_callback(db, team, timedelta(minutes=-5))
    with pytest.raises(PermissionDenied, match="personal callback"):
        calls.log_call(db, team.agent2, task, "won_back")
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Call)) == 0
        assert s.get(CallTask, task).status == "callback"  # type: ignore[union-attr]
        (row,) = s.scalars(select(AuditEntry).where(AuditEntry.action == "refused")).all()
        assert (row.user_login, row.entity_id) == ("ag2", "log_call")
    # the owner may, and is credited
    done = calls.log_call(db, team.agent, task, "won_back")
    with db.session() as s:
        assert s.get(Call, done.call_id).agent_id == team.agent.user_id  # type: ignore[union-attr]


def test_an_overdue_personal_callback_goes_to_the_team(db) -> None:  # type: ignore[no-untyped-def]
    team = make_team(db)
    task = _personal_callback(db, team, timedelta(hours=-3))
    done = calls.log_call(db, team.agent2, task, "no_answer")
    assert done.call_id


def test_a_supervisors_own_request_on_an_agents_task_is_never_auto_approved(db) -> None:  # type: ignore[no-untyped-def]
    team = make_team(db)
    _customer, task = add_customer(db, team.campaign_id)
    with db.session() as s:
        s.execute(update(CallTask).where(CallTask.id == task).values(
            claimed_by=team.agent.user_id, lease_expires_at=utcnow() + timedelta(minutes=15)))
    # FREE-1M costs ¥4,000 here: inside a supervisor's own limit, so it used to be granted
    info = offers.request_offer(db, team.supervisor, "FREE-1M", task_id=task)
    assert info.status in ("pending", "escalated")
    with pytest.raises(PermissionDenied):
        offers.decide(db, team.supervisor, info.id, "approve")
    assert offers.decide(db, team.supervisor2, info.id, "approve").status == "approved"


def test_the_agent_working_the_customer_never_decides_its_request(db) -> None:  # type: ignore[no-untyped-def]
    team = make_team(db)
    _customer, task = add_customer(db, team.campaign_id)
    info = offers.request_offer(db, team.agent, "FREE-1M", task_id=task)
    # the task passes to a supervisor who works the customer now
    with db.session() as s:
        s.execute(update(CallTask).where(CallTask.id == task).values(
            claimed_by=team.supervisor.user_id))
    with pytest.raises(PermissionDenied, match="working"):
        offers.decide(db, team.supervisor, info.id, "approve")
