"""Calls, presence and the customer card on both engines."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from tests.services.queue_helpers import NOW, agent, campaign, customers
from winback_desktop.core.errors import PermissionDenied, ValidationError
from winback_desktop.db.models import AuditEntry, Call, CallTask, Customer
from winback_desktop.services import calls, customer_card, presence, queue


def test_full_call_is_stored_and_moves_the_task_on(db, admin) -> None:
    a = agent(db, admin, "a1")
    (cust,) = customers(db, [{}])
    campaign(db, admin, [a], retry_gap_minutes=60, max_attempts=2)
    task = queue.claim_next_task(db, a, now=NOW)
    assert task is not None
    call_id = calls.start_call(db, a, task.task_id, now=NOW)
    calls.mark_answered(db, a, call_id, now=NOW + timedelta(seconds=10))
    calls.end_call(db, a, call_id, now=NOW + timedelta(minutes=3))
    out = calls.finish_call(db, a, call_id, "no_answer", notes="  rang out ",
                            now=NOW + timedelta(minutes=4))
    assert (out.task_status, out.attempts) == ("queued", 1)
    assert out.next_eligible_at == NOW + timedelta(minutes=64)
    with db.session() as s:
        call = s.get(Call, call_id)
        assert call is not None
        assert (call.started_at, call.answered_at, call.ended_at, call.wrapup_ended_at) == (
            NOW, NOW + timedelta(seconds=10), NOW + timedelta(minutes=3),
            NOW + timedelta(minutes=4))
        assert (call.disposition, call.notes, call.phone_e164) == (
            "no_answer", "rang out", "+8613800000000")
        assert call.customer_id == cust
        audit = s.scalar(select(AuditEntry).where(AuditEntry.action == "call_finished"))
        assert audit is not None and audit.after["disposition"] == "no_answer"
    # second no-answer: max_attempts=2 → exhausted
    again = queue.claim_next_task(db, a, now=NOW + timedelta(minutes=70))
    assert again is not None
    out = calls.log_call(db, a, again.task_id, "busy", now=NOW + timedelta(minutes=71))
    assert out.task_status == "exhausted"
    assert queue.claim_next_task(db, a, now=NOW + timedelta(days=1)) is None


def test_won_back_marks_customer_and_closes_other_tasks(db, admin) -> None:
    a = agent(db, admin, "a1")
    (cust,) = customers(db, [{}])
    c1 = campaign(db, admin, [a], name="one")
    campaign(db, admin, [a], name="two")
    task = queue.claim_next_task(db, a, c1, now=NOW)
    assert task is not None
    out = calls.log_call(db, a, task.task_id, "won_back", notes="accepted 20% off", now=NOW)
    assert out.task_status == "done"
    with db.session() as s:
        customer = s.get(Customer, cust)
        assert customer is not None and customer.status == "won_back"
        assert customer.won_back_at == NOW
        assert set(s.scalars(select(CallTask.status))) == {"done"}


def test_callback_needs_an_aware_time(db, admin) -> None:
    a = agent(db, admin, "a1")
    customers(db, [{}])
    campaign(db, admin, [a])
    task = queue.claim_next_task(db, a, now=NOW)
    assert task is not None
    with pytest.raises(ValidationError):
        calls.log_call(db, a, task.task_id, "callback", now=NOW)
    with pytest.raises(ValidationError):
        calls.log_call(db, a, task.task_id, "callback", callback_at=datetime(2026, 11, 21, 10),
                       now=NOW)
    with pytest.raises(ValidationError):
        calls.log_call(db, a, task.task_id, "hung_up", now=NOW)
    local = datetime(2026, 11, 21, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    out = calls.log_call(db, a, task.task_id, "callback", callback_at=local, now=NOW)
    assert out.task_status == "callback"
    assert out.callback_at == datetime(2026, 11, 21, 2, 0, tzinfo=UTC)


def test_only_the_holder_can_call_a_task(db, admin) -> None:
    a = agent(db, admin, "a1")
    b = agent(db, admin, "b1")
    customers(db, [{}])
    campaign(db, admin, [a, b])
    task = queue.claim_next_task(db, a, now=NOW)
    assert task is not None
    with pytest.raises(queue.LeaseLost):
        calls.start_call(db, b, task.task_id, now=NOW)
    with pytest.raises(queue.LeaseLost):
        calls.log_call(db, b, task.task_id, "busy", now=NOW)
    call_id = calls.start_call(db, a, task.task_id, now=NOW)
    with pytest.raises(PermissionDenied):
        calls.finish_call(db, b, call_id, "busy", now=NOW)
    calls.answer_call(db, a, call_id, now=NOW)  # "not interested" needs a conversation
    calls.finish_call(db, a, call_id, "not_interested", now=NOW)
    with pytest.raises(calls.CallAlreadyFinished):
        calls.finish_call(db, a, call_id, "busy", now=NOW)
    with pytest.raises(calls.TaskClosed):
        calls.log_call(db, a, task.task_id, "busy", now=NOW)


def test_presence_follows_the_call_and_goes_offline_without_heartbeat(db, admin) -> None:
    a = agent(db, admin, "a1")
    agent(db, admin, "idle")
    (cust,) = customers(db, [{"name": "Li Na"}])
    campaign(db, admin, [a])
    presence.set_state(db, a, "ready", now=NOW)
    task = queue.claim_next_task(db, a, now=NOW)
    assert task is not None
    call_id = calls.start_call(db, a, task.task_id, now=NOW)
    presence.set_script_step(db, a, "q2_reason", now=NOW)

    def state(at: datetime) -> dict[str, presence.BoardRow]:
        with db.session() as s:
            return {r.login: r for r in presence.board(s, actor=admin, now=at)}

    row = state(NOW + timedelta(seconds=30))["a1"]
    assert (row.state, row.customer_id, row.customer_name, row.call_id, row.script_step) == (
        "on_call", cust, "Li Na", call_id, "q2_reason")
    assert state(NOW)["idle"].state == "offline"
    calls.end_call(db, a, call_id, now=NOW + timedelta(seconds=40))
    assert state(NOW + timedelta(seconds=41))["a1"].state == "wrap_up"
    calls.finish_call(db, a, call_id, "voicemail", now=NOW + timedelta(seconds=60))
    assert state(NOW + timedelta(seconds=61))["a1"].state == "ready"
    # the PC crashes: no heartbeat for longer than the timeout
    assert state(NOW + timedelta(seconds=60 + 91))["a1"].state == "offline"
    presence.heartbeat(db, a, now=NOW + timedelta(seconds=200))
    assert state(NOW + timedelta(seconds=201))["a1"].state == "ready"
    with db.session() as s, pytest.raises(PermissionDenied):
        presence.board(s, actor=a)


def test_heartbeat_renews_held_leases(db, admin) -> None:
    a = agent(db, admin, "a1")
    customers(db, [{}])
    campaign(db, admin, [a], lease_minutes=15)
    task = queue.claim_next_task(db, a, now=NOW)
    assert task is not None
    presence.heartbeat(db, a, now=NOW + timedelta(minutes=14))
    assert queue.expire_leases(db, NOW + timedelta(minutes=20)) == 0


def test_customer_card_visible_to_holder_and_supervisors_only(db, admin) -> None:
    a = agent(db, admin, "a1")
    b = agent(db, admin, "b1")
    (cust,) = customers(db, [{"name": "Zhang Min", "timezone": "America/New_York",
                              "annual_revenue_minor": 4_000_000}])
    campaign(db, admin, [a, b])
    with db.session() as s, pytest.raises(PermissionDenied):
        customer_card.customer_card(s, a, cust)
    task = queue.claim_next_task(db, a, now=NOW + timedelta(hours=11))
    assert task is not None
    calls.log_call(db, a, task.task_id, "busy", notes="line busy", now=NOW + timedelta(hours=11))
    with db.session() as s, pytest.raises(PermissionDenied):
        customer_card.customer_card(s, a, cust)  # not held any more
    with db.session() as s:
        card = customer_card.customer_card(s, admin, cust, now=NOW)
    assert card.name == "Zhang Min" and card.primary_phone == "+8613800000000"
    assert card.local_time is not None and card.local_time.hour == 22  # 03:00 UTC in NY
    assert [(c.agent_login, c.disposition, c.notes) for c in card.calls] == [
        ("a1", "busy", "line busy")]
    assert card.annual_revenue_minor == 4_000_000
