"""The agent desk as use cases (issue 16): my callbacks and claiming one, not-ready
reasons on the board, forced not-ready and logout, help, the wrap-up limit, today's
figures (the scorecard's definitions) and the search of worked customers. Both engines."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest
from sqlalchemy import select, update

from tests.services.queue_helpers import agent, campaign, customers
from tests.services.use_case_helpers import add_user, audit_actions
from winback_desktop.core import metrics
from winback_desktop.core.errors import PermissionDenied, ValidationError
from winback_desktop.db.models import Call, CallTask
from winback_desktop.services import calls, desk, monitoring, presence, queue, scorecards
from winback_desktop.services.changes import Topic


@pytest.fixture
def floor(db, admin):  # type: ignore[no-untyped-def]
    a1 = agent(db, admin, "a1")
    a2 = agent(db, admin, "a2")
    sup = add_user(db, admin, "sup", "supervisor")
    ids = customers(db, [{"name": "王芳"}, {"name": "Richard Lee"}, {"name": "李娜"},
                         {"name": "Team Callback"}])
    # open round the clock: these tests call at the real time of day
    cid = campaign(db, admin, [a1, a2], window_start=time(0, 0), window_end=time(23, 59, 59))
    return {"a1": a1, "a2": a2, "sup": sup, "admin": admin, "customers": ids, "campaign": cid}


def _callback(db, customer_id: int, at: datetime, owner: int | None) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        task = s.scalar(select(CallTask).where(CallTask.customer_id == customer_id))
        task.status = "callback"
        task.callback_at = at
        task.callback_owner_id = owner
        return task.id


def test_my_callbacks_overdue_today_later_and_opening_one_claims_it(db, floor) -> None:  # type: ignore[no-untyped-def]
    a1, a2 = floor["a1"], floor["a2"]
    c = floor["customers"]
    now = datetime.now(UTC).replace(microsecond=0)
    day_end = desk.local_day_end(now)
    overdue = _callback(db, c[0], now - timedelta(hours=1), a1.user_id)
    later = _callback(db, c[1], day_end + timedelta(hours=3), a1.user_id)
    other = _callback(db, c[2], now - timedelta(minutes=5), a2.user_id)
    team = _callback(db, c[3], now - timedelta(minutes=1), None)
    mine = desk.my_callbacks(db, a1, now=now)
    assert [r.task_id for r in mine.rows] == [overdue, team, later]  # by time; a2's is not mine
    assert [r.task_id for r in mine.overdue] == [overdue, team]
    assert [r.task_id for r in mine.later] == [later] and mine.rows[0].mine
    assert not next(r for r in mine.rows if r.task_id == team).mine
    assert other not in [r.task_id for r in mine.rows]

    # opening one claims it through the queue; nobody else can take it meanwhile
    claimed = queue.claim_task(db, a1, later)
    assert claimed.task_id == later and claimed.is_callback and claimed.name == "Richard Lee"
    with pytest.raises(queue.CallbackTaken):
        queue.claim_task(db, a1, later)
    with pytest.raises(PermissionDenied):  # someone else's personal callback
        queue.claim_task(db, a1, other)
    # the refusal is audited after the opening
    assert audit_actions(db)[-2:] == ["callback_opened", "refused"]
    with db.session() as s:
        task = s.get(CallTask, later)
        assert task.status == "claimed" and task.claimed_by == a1.user_id
        assert task.lease_expires_at is not None
    # the claimed callback is worked like any other: call, outcome, done
    call_id = calls.start_call(db, a1, later)
    calls.mark_answered(db, a1, call_id)
    calls.finish_call(db, a1, call_id, "not_interested")
    assert later not in [r.task_id for r in desk.my_callbacks(db, a1).rows]


def test_later_team_callbacks_are_listed_for_everyone_on_the_team(db, floor) -> None:  # type: ignore[no-untyped-def]
    a1, a2 = floor["a1"], floor["a2"]
    c = floor["customers"]
    now = datetime.now(UTC).replace(microsecond=0)
    tomorrow = desk.local_day_end(now) + timedelta(hours=3)
    team = _callback(db, c[3], tomorrow, None)
    for agent_actor in (a1, a2):
        listed = desk.my_callbacks(db, agent_actor, now=now)
        assert [r.task_id for r in listed.later] == [team]
        assert not listed.later[0].mine
    # beyond the list's horizon it waits
    assert desk.my_callbacks(db, a1, now=now - timedelta(days=8)).rows == []


def test_not_ready_reasons_show_on_the_board_with_their_timer(db, floor) -> None:  # type: ignore[no-untyped-def]
    a1, sup, admin = floor["a1"], floor["sup"], floor["admin"]
    assert [r.code for r in desk.reasons(db, a1)] == ["break", "lunch", "training",
                                                      "meeting", "admin"]
    start = datetime.now(UTC) - timedelta(minutes=4)
    done = desk.go_not_ready(db, a1, "lunch", now=start)
    assert Topic.PRESENCE in done.changes
    tile = next(t for t in monitoring.board(db, sup).tiles if t.row.login == "a1")
    # the board reads a heartbeat older than its timeout as offline; the agent's PC beats
    presence.heartbeat(db, a1)
    tile = next(t for t in monitoring.board(db, sup).tiles if t.row.login == "a1")
    assert tile.row.state == "break" and tile.row.reason == "lunch"
    assert tile.seconds_in_state is not None and tile.seconds_in_state >= 239
    with pytest.raises(ValidationError):
        desk.go_not_ready(db, a1, "nap")
    desk.go_ready(db, a1)
    tile = next(t for t in monitoring.board(db, sup).tiles if t.row.login == "a1")
    assert tile.row.state == "ready" and tile.row.reason is None
    assert audit_actions(db)[-2:] == ["agent_not_ready", "agent_ready"]

    # admins edit the list; agents and supervisors may not
    with pytest.raises(PermissionDenied):
        desk.save_reason(db, sup, "coaching", "Coaching")
    desk.save_reason(db, admin, "coaching", "Coaching session")
    desk.save_reason(db, admin, "admin", active=False)
    codes = [r.code for r in desk.reasons(db, a1)]
    assert "coaching" in codes and "admin" not in codes
    assert [r.name for r in desk.reasons(db, a1) if r.code == "coaching"] == ["Coaching session"]
    with pytest.raises(ValidationError):
        desk.go_not_ready(db, a1, "admin")  # retired
    with pytest.raises(ValidationError):
        desk.save_reason(db, admin, "Bad Code!", "x")
    assert "not_ready_reason_added" in audit_actions(db)


def test_supervisor_forces_not_ready_and_logout_audited(db, floor) -> None:  # type: ignore[no-untyped-def]
    a1, a2, sup = floor["a1"], floor["a2"], floor["sup"]
    presence.set_state(db, a1, "ready")
    with pytest.raises(PermissionDenied):
        desk.force_not_ready(db, a2, a1.user_id, "meeting")
    desk.force_not_ready(db, sup, a1.user_id, "meeting")
    status = desk.my_status(db, a1)
    assert status.state == "break" and status.reason == "meeting"
    assert status.forced_by_name and status.forced_at is not None
    assert audit_actions(db)[-1] == "agent_forced_not_ready"
    # the agent comes back by themself
    desk.go_ready(db, a1)
    assert desk.my_status(db, a1).forced_at is None

    # while the agent is talking the not-ready waits for the end of the call and its
    # wrap-up; a logout is refused
    claimed = queue.claim_next_task(db, a1)
    assert claimed is not None
    call_id = calls.start_call(db, a1, claimed.task_id)
    calls.mark_answered(db, a1, call_id)
    desk.force_not_ready(db, sup, a1.user_id, "meeting")
    assert audit_actions(db)[-1] == "agent_forced_not_ready"
    assert desk.my_status(db, a1).state == "on_call"
    with pytest.raises(ValidationError):
        desk.force_logout(db, sup, a1.user_id)
    calls.end_call(db, a1, call_id)
    assert desk.my_status(db, a1).state == "wrap_up"
    calls.finish_call(db, a1, call_id, "not_interested")
    status = desk.my_status(db, a1)
    assert status.state == "break" and status.reason == "meeting"
    assert status.forced_by_name and status.forced_at is not None
    desk.go_ready(db, a1)
    assert desk.my_status(db, a1).state == "ready"

    with pytest.raises(PermissionDenied):
        desk.force_logout(db, a2, a1.user_id)
    desk.force_logout(db, sup, a1.user_id)
    status = desk.my_status(db, a1)
    assert status.logged_out_by_supervisor
    assert audit_actions(db)[-1] == "agent_forced_logout"
    tile = next(t for t in monitoring.board(db, sup).tiles if t.row.login == "a1")
    assert tile.row.state == "offline"


def test_help_lights_the_row_until_answered(db, floor) -> None:  # type: ignore[no-untyped-def]
    a1, sup = floor["a1"], floor["sup"]
    presence.set_state(db, a1, "ready")
    desk.ask_for_help(db, a1)
    tile = next(t for t in monitoring.board(db, sup).tiles if t.row.login == "a1")
    assert tile.row.help_requested_at is not None
    assert not desk.ask_for_help(db, a1).changes  # already raised: nothing new
    with pytest.raises(PermissionDenied):
        desk.answer_help(db, floor["a2"], a1.user_id)
    desk.answer_help(db, sup, a1.user_id)
    tile = next(t for t in monitoring.board(db, sup).tiles if t.row.login == "a1")
    assert tile.row.help_requested_at is None
    assert audit_actions(db)[-3:] == ["help_requested", "refused", "help_answered"]


def test_wrap_up_limit_setting_and_auto_ready(db, floor) -> None:  # type: ignore[no-untyped-def]
    a1, sup, admin = floor["a1"], floor["sup"], floor["admin"]
    assert desk.wrap_up_limit(db) == desk.DEFAULT_WRAP_UP_LIMIT_S
    with pytest.raises(PermissionDenied):
        desk.set_wrap_up_limit(db, sup, 30)
    with pytest.raises(ValidationError):
        desk.set_wrap_up_limit(db, admin, -5)
    desk.set_wrap_up_limit(db, admin, 45)
    assert desk.wrap_up_limit(db) == 45 and audit_actions(db)[-1] == "setting_changed"
    claimed = queue.claim_next_task(db, a1)
    assert claimed is not None
    call_id = calls.start_call(db, a1, claimed.task_id)
    calls.mark_answered(db, a1, call_id)
    assert not desk.auto_ready(db, a1)  # talking: nothing to do
    calls.end_call(db, a1, call_id)
    assert desk.my_status(db, a1).state == "wrap_up"
    assert desk.auto_ready(db, a1)
    assert desk.my_status(db, a1).state == "ready"
    assert audit_actions(db)[-1] == "wrap_up_auto_ready"
    # the outcome can still be recorded afterwards
    calls.finish_call(db, a1, call_id, "not_interested")


def test_todays_figures_are_the_scorecards(db, floor) -> None:  # type: ignore[no-untyped-def]
    a1, sup = floor["a1"], floor["sup"]
    for disposition in ("won_back", "no_answer", "not_interested"):
        claimed = queue.claim_next_task(db, a1)
        assert claimed is not None
        call_id = calls.start_call(db, a1, claimed.task_id)
        if disposition != "no_answer":
            calls.mark_answered(db, a1, call_id)
        calls.end_call(db, a1, call_id)
        calls.finish_call(db, a1, call_id, disposition)
    figures = desk.my_figures_today(db, a1)
    assert (figures.calls, figures.contacts, figures.win_backs, figures.saves) == (3, 2, 1, 0)
    # the same numbers the scorecard screen shows the agent for today
    view = scorecards.scorecard_view(db, a1, metrics.parse_period("today"))
    card = next(r.card for r in view.team.rows if r.login == "a1")
    assert (card.dials, card.contacts, card.win_backs, card.saves) == (
        figures.calls, figures.contacts, figures.win_backs, figures.saves)
    assert figures.card.avg_talk_s == card.avg_talk_s
    assert figures.talk_seconds == card.totals.talk_seconds
    del sup


def test_search_finds_only_customers_i_worked(db, floor) -> None:  # type: ignore[no-untyped-def]
    a1, a2 = floor["a1"], floor["a2"]
    first = queue.claim_next_task(db, a1)
    second = queue.claim_next_task(db, a2)
    assert first is not None and second is not None
    calls.log_call(db, a1, first.task_id, "no_answer")
    calls.log_call(db, a2, second.task_id, "no_answer")
    found = desk.search_my_customers(db, a1)
    assert [w.customer_id for w in found] == [first.customer_id]
    assert found[0].last_disposition == "no_answer" and found[0].calls == 1
    name = found[0].name
    assert desk.search_my_customers(db, a1, name[:2].lower())[0].customer_id == first.customer_id
    assert desk.search_my_customers(db, a1, second.name) == [] or \
        second.name[:3] in name  # a2's customer never shows up for a1
    with db.session() as s:
        phone = s.scalar(select(Call.phone_e164).where(Call.agent_id == a1.user_id))
    if phone:
        assert desk.search_my_customers(db, a1, phone[-6:])[0].customer_id == first.customer_id
    with db.session() as s:
        s.execute(update(Call).values(agent_id=None))
    assert desk.search_my_customers(db, a1) == []
