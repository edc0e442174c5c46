"""The call lifecycle through the services, on SQLite and PostgreSQL.

Each step is one service call; the rules (core.call_flow) hold whoever drives the call,
and what a supervisor reads afterwards (customer status, task, rewards) follows.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from tests.services.queue_helpers import NOW, agent, campaign, customers
from winback_desktop.core import call_flow as flow
from winback_desktop.core.errors import PermissionDenied
from winback_desktop.db.models import AgentPresence, AuditEntry, Call, CallTask, Customer
from winback_desktop.services import calls, queue, rewards, users
from winback_desktop.services.context import Actor


def _held(db, admin, n=1, logins=("a1",)):  # type: ignore[no-untyped-def]
    agents = [agent(db, admin, login) for login in logins]
    ids = customers(db, [{} for _ in range(n)])
    campaign(db, admin, agents, retry_gap_minutes=60, max_attempts=3)
    task = queue.claim_next_task(db, agents[0], now=NOW)
    assert task is not None
    return agents, ids, task


def _call(db, call_id: int) -> Call:  # type: ignore[no-untyped-def]
    with db.session() as s:
        call = s.get(Call, call_id)
        assert call is not None
        s.expunge(call)
        return call


def _presence(db, user_id: int) -> str:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return str(s.scalar(select(AgentPresence.state).where(AgentPresence.user_id == user_id)))


def test_a_whole_call_step_by_step(db, admin) -> None:
    (a,), (cust,), task = _held(db, admin)
    call_id = calls.start_call(db, a, task.task_id, now=NOW)
    assert _call(db, call_id).step == "dialling"
    answered = calls.answer_call(db, a, call_id, now=NOW + timedelta(seconds=8))
    assert (answered.step, answered.changed) == (flow.CallStep.ANSWERED, True)
    # the phone system reports the answer again: nothing moves
    again = calls.answer_call(db, a, call_id, now=NOW + timedelta(seconds=9))
    assert not again.changed and again.answered_at == NOW + timedelta(seconds=8)
    # the customer accepts an offer: the call goes to the outcome step, still on the line
    accepted = calls.offer_accepted(db, a, call_id, now=NOW + timedelta(minutes=4))
    assert accepted.step is flow.CallStep.OUTCOME and accepted.ended_at is None
    assert _presence(db, a.user_id) == "on_call"
    ended = calls.end_call(db, a, call_id, now=NOW + timedelta(minutes=5))
    assert ended.ended_at == NOW + timedelta(minutes=5)
    assert not calls.end_call(db, a, call_id, now=NOW + timedelta(minutes=6)).changed
    out = calls.record_outcome(db, a, call_id, "won_back", notes="took 3 months free",
                               wrap_up=True, now=NOW + timedelta(minutes=6))
    assert (out.step, out.task_status) == ("wrap_up", "done")
    assert _presence(db, a.user_id) == "wrap_up"
    with pytest.raises(calls.CallAlreadyFinished):
        calls.record_outcome(db, a, call_id, "busy", now=NOW + timedelta(minutes=6))
    done = calls.finish_wrap_up(db, a, call_id, now=NOW + timedelta(minutes=7))
    assert done.step is flow.CallStep.DONE
    assert not calls.finish_wrap_up(db, a, call_id, now=NOW + timedelta(minutes=8)).changed
    assert _presence(db, a.user_id) == "ready"
    call = _call(db, call_id)
    assert (call.answered_at, call.ended_at, call.outcome_at, call.wrapup_ended_at) == (
        NOW + timedelta(seconds=8), NOW + timedelta(minutes=5), NOW + timedelta(minutes=6),
        NOW + timedelta(minutes=7))
    with db.session() as s:
        customer = s.get(Customer, cust)
        assert customer is not None and customer.status == "won_back"
        actions = list(s.scalars(select(AuditEntry.action).where(
            AuditEntry.entity == "call", AuditEntry.entity_id == str(call_id))
            .order_by(AuditEntry.id)))
    assert actions == ["call_started", "call_answered", "call_offer_accepted", "call_ended",
                       "call_finished", "call_wrapped_up"]


def test_no_win_back_before_the_customer_answered(db, admin) -> None:
    (a,), _ids, task = _held(db, admin)
    call_id = calls.start_call(db, a, task.task_id, now=NOW)
    for outcome in ("won_back", "not_interested", "refused_offer"):
        with pytest.raises(flow.NeedsConversation):
            calls.record_outcome(db, a, call_id, outcome, now=NOW)
    with pytest.raises(flow.BadTransition):
        calls.offer_accepted(db, a, call_id, now=NOW)
    calls.end_call(db, a, call_id, now=NOW + timedelta(seconds=30))
    out = calls.record_outcome(db, a, call_id, "no_answer", now=NOW + timedelta(seconds=40))
    assert (out.step, out.task_status) == ("done", "queued")
    assert _call(db, call_id).disposition == "no_answer"


def test_a_crashed_call_is_abandoned_once_and_its_task_returns(db, admin) -> None:
    (a, b), _ids, task = _held(db, admin, logins=("a1", "b1"))
    call_id = calls.start_call(db, a, task.task_id, now=NOW)
    calls.answer_call(db, a, call_id, now=NOW + timedelta(seconds=5))
    # a's app keeps the call alive for a while, then dies
    calls.heartbeat(db, a, now=NOW + timedelta(minutes=2))
    assert calls.abandon_stale_calls(db, b, now=NOW + timedelta(minutes=10)).call_ids == ()
    lease = _call(db, call_id).lease_expires_at
    assert lease == NOW + timedelta(minutes=17)
    swept = calls.abandon_stale_calls(db, b, now=NOW + timedelta(minutes=30))
    assert swept.call_ids == (call_id,)
    assert calls.abandon_stale_calls(db, b, now=NOW + timedelta(minutes=31)).call_ids == ()
    call = _call(db, call_id)
    assert (call.step, call.abandon_reason, call.disposition) == (
        "abandoned", "lease_expired", None)
    assert call.ended_at == lease and call.wrapup_ended_at is None
    assert _presence(db, a.user_id) == "offline"
    with db.session() as s:
        t = s.get(CallTask, task.task_id)
        assert t is not None and (t.status, t.claimed_by, t.attempts) == ("queued", None, 0)
    again = queue.claim_next_task(db, b, now=NOW + timedelta(minutes=31))
    assert again is not None and again.task_id == task.task_id
    # the crashed app comes back: its call is closed, nothing can be recorded on it
    with pytest.raises(flow.BadTransition):
        calls.record_outcome(db, a, call_id, "won_back", now=NOW + timedelta(minutes=32))
    assert calls.answer_call(db, a, call_id, now=NOW + timedelta(minutes=32)).changed is False


def test_quitting_mid_call_abandons_it_and_a_stored_outcome_stands(db, admin) -> None:
    (a,), _ids, task = _held(db, admin, n=2)
    call_id = calls.start_call(db, a, task.task_id, now=NOW)
    with pytest.raises(PermissionDenied):
        calls.abandon_call(db, agent(db, admin, "other"), call_id, now=NOW)
    assert calls.abandon_call(db, a, call_id, calls.QUIT, now=NOW).call_ids == (call_id,)
    assert calls.abandon_call(db, a, call_id, calls.QUIT, now=NOW).call_ids == ()
    assert _call(db, call_id).abandon_reason == "quit"
    nxt = queue.claim_next_task(db, a, now=NOW + timedelta(minutes=1))
    assert nxt is not None
    second = calls.start_call(db, a, nxt.task_id, now=NOW + timedelta(minutes=1))
    calls.answer_call(db, a, second, now=NOW + timedelta(minutes=2))
    calls.record_outcome(db, a, second, "not_interested", wrap_up=True,
                         now=NOW + timedelta(minutes=3))
    # the app is restarted during wrap-up: the outcome stands, wrap-up is closed
    assert calls.abandon_own_open_calls(db, a, now=NOW + timedelta(minutes=4)).call_ids == (
        second,)
    call = _call(db, second)
    assert (call.step, call.disposition, call.abandon_reason) == ("done", "not_interested",
                                                                  None)


def _won(db, admin):  # type: ignore[no-untyped-def]
    (a,), (cust,), task = _held(db, admin)
    call_id = calls.start_call(db, a, task.task_id, now=NOW)
    calls.answer_call(db, a, call_id, now=NOW + timedelta(seconds=5))
    calls.finish_call(db, a, call_id, "won_back", now=NOW + timedelta(minutes=3))
    return a, cust, task, call_id


def test_the_agent_amends_within_15_minutes_and_everything_follows(db, admin) -> None:
    a, cust, task, call_id = _won(db, admin)
    with db.session() as s:
        rewards.ensure_default_rules(s, date(2026, 1, 1))
    with db.session() as s:
        rewards.sync_ledger(s, admin, date(2026, 11, 1), date(2026, 12, 1))
        earned = rewards.balance(s, admin, a.user_id)
    assert earned > 0
    with pytest.raises(flow.ReasonRequired):
        calls.amend_outcome(db, a, call_id, "not_interested", " ",
                            now=NOW + timedelta(minutes=5))
    out = calls.amend_outcome(db, a, call_id, "not_interested", "pressed the wrong key",
                              now=NOW + timedelta(minutes=10))
    assert out.task_status == "done"
    call = _call(db, call_id)
    assert (call.disposition, call.sltv_minor, call.amended_at) == (
        "not_interested", None, NOW + timedelta(minutes=10))
    with db.session() as s:
        customer = s.get(Customer, cust)
        assert customer is not None and (customer.status, customer.won_back_at) == (
            "lost", None)
        t = s.get(CallTask, task.task_id)
        assert t is not None and (t.attempts, t.last_disposition) == (1, "not_interested")
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "call_outcome_amended"))
        assert entry is not None and entry.after["reason"] == "pressed the wrong key"
        assert entry.before["disposition"] == "won_back"
        rewards.sync_ledger(s, admin, date(2026, 11, 1), date(2026, 12, 1))
        assert rewards.balance(s, admin, a.user_id) == 0


def test_after_15_minutes_only_a_supervisor_amends(db, admin) -> None:
    a, cust, task, call_id = _won(db, admin)
    late = NOW + timedelta(minutes=19)
    with pytest.raises(flow.AmendWindowClosed):
        calls.amend_outcome(db, a, call_id, "refused_offer", "changed mind", now=late)
    with db.session() as s:
        sup = Actor.of(users.add_user(s, admin, "sup1", "supervisor", "sup-pass-1"))
    calls.amend_outcome(db, sup, call_id, "callback", "customer rang back, wants a call",
                        callback_at=NOW + timedelta(days=1), now=NOW + timedelta(days=2))
    with db.session() as s:
        t = s.get(CallTask, task.task_id)
        assert t is not None and (t.status, t.callback_at) == ("callback",
                                                               NOW + timedelta(days=1))
        customer = s.get(Customer, cust)
        assert customer is not None and customer.status == "lost"
    # and back to won back: the customer follows again
    calls.amend_outcome(db, sup, call_id, "won_back", "the callback was a mistake",
                        now=NOW + timedelta(days=2))
    with db.session() as s:
        customer = s.get(Customer, cust)
        assert customer is not None and customer.status == "won_back"
        t = s.get(CallTask, task.task_id)
        assert t is not None and t.status == "done"
    assert _call(db, call_id).sltv_minor == 1_000_000


def test_an_unanswered_call_cannot_be_amended_into_a_win_back(db, admin) -> None:
    (a,), _ids, task = _held(db, admin)
    call_id = calls.start_call(db, a, task.task_id, now=NOW)
    calls.finish_call(db, a, call_id, "no_answer", now=NOW + timedelta(seconds=30))
    with pytest.raises(flow.NeedsConversation):
        calls.amend_outcome(db, a, call_id, "won_back", "they did pick up",
                            now=NOW + timedelta(minutes=1))


def test_show_and_list_open_calls(db, admin) -> None:
    (a, b), _ids, task = _held(db, admin, n=2, logins=("a1", "b1"))
    call_id = calls.start_call(db, a, task.task_id, now=NOW)
    open_calls = calls.list_open_calls(db, admin, now=NOW)
    assert [c.call_id for c in open_calls] == [call_id]
    assert open_calls[0].agent_login == "a1" and open_calls[0].step == "dialling"
    assert calls.list_open_calls(db, b, now=NOW) == []
    with pytest.raises(PermissionDenied):
        calls.show_call(db, b, call_id, now=NOW)
    calls.answer_call(db, a, call_id, now=NOW)
    calls.finish_call(db, a, call_id, "refused_offer", now=NOW + timedelta(minutes=2))
    info = calls.show_call(db, a, call_id, now=NOW + timedelta(minutes=3))
    assert (info.step, info.disposition, info.can_amend) == ("done", "refused_offer", True)
    assert not calls.show_call(db, a, call_id, now=NOW + timedelta(minutes=30)).can_amend
    assert calls.list_open_calls(db, admin, now=NOW) == []
