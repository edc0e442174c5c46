"""Amending a call's outcome moves the task and the customer as the new outcome would
have, even when a later call or another campaign's task is involved (issue 14)."""

from __future__ import annotations

from datetime import timedelta

from tests.services.queue_helpers import NOW, agent, campaign, customers
from winback_desktop.db.models import Call, CallTask, Customer
from winback_desktop.services import calls, queue, users
from winback_desktop.services.context import Actor


def _supervisor(db, admin) -> Actor:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return Actor.of(users.add_user(s, admin, "sup1", "supervisor", "sup-pass-1"))


def test_amending_an_earlier_call_to_a_win_back_closes_the_task_a_later_call_left_open(
        db, admin) -> None:  # type: ignore[no-untyped-def]
    a = agent(db, admin, "a1")
    (cust,) = customers(db, [{}])
    campaign(db, admin, [a], retry_gap_minutes=60, max_attempts=5)
    task = queue.claim_next_task(db, a, now=NOW)
    assert task is not None
    first = calls.start_call(db, a, task.task_id, now=NOW)
    calls.answer_call(db, a, first, now=NOW + timedelta(seconds=5))
    calls.finish_call(db, a, first, "callback", callback_at=NOW + timedelta(days=1),
                      now=NOW + timedelta(minutes=3))
    calls.log_call(db, a, task.task_id, "no_answer", now=NOW + timedelta(days=1))
    with db.session() as s:
        t = s.get(CallTask, task.task_id)
        assert t is not None and t.status == "queued"
    # the customer had in fact agreed on the first call; the supervisor corrects it
    calls.amend_outcome(db, _supervisor(db, admin), first, "won_back",
                        "customer confirmed the renewal on the first call",
                        now=NOW + timedelta(days=2))
    with db.session() as s:
        customer = s.get(Customer, cust)
        assert customer is not None and customer.status == "won_back"
        t = s.get(CallTask, task.task_id)
        assert t is not None and t.status == "done"  # nobody calls a won-back customer
        call = s.get(Call, first)
        assert call is not None and call.sltv_minor == 1_000_000


def test_amending_a_win_back_away_reopens_the_other_campaigns_task(db, admin) -> None:  # type: ignore[no-untyped-def]
    a = agent(db, admin, "a1")
    (cust,) = customers(db, [{}])
    campaign(db, admin, [a], "Q4", retry_gap_minutes=60, max_attempts=5)
    campaign(db, admin, [a], "Q5", retry_gap_minutes=60, max_attempts=5)
    with db.session() as s:
        tasks = list(s.query(CallTask).filter(CallTask.customer_id == cust)
                     .order_by(CallTask.id))
        assert len(tasks) == 2 and {t.status for t in tasks} == {"queued"}
    task = queue.claim_next_task(db, a, now=NOW)
    assert task is not None
    other = next(t.id for t in tasks if t.id != task.task_id)
    call_id = calls.start_call(db, a, task.task_id, now=NOW)
    calls.answer_call(db, a, call_id, now=NOW + timedelta(seconds=5))
    calls.finish_call(db, a, call_id, "won_back", now=NOW + timedelta(minutes=3))
    with db.session() as s:
        t = s.get(CallTask, other)
        assert t is not None and t.status == "done"
    calls.amend_outcome(db, a, call_id, "not_interested", "pressed the wrong key",
                        now=NOW + timedelta(minutes=6))
    with db.session() as s:
        customer = s.get(Customer, cust)
        assert customer is not None and customer.status == "lost"
        t = s.get(CallTask, other)
        # the other campaign's task was closed only by the win-back: it is back
        assert t is not None and t.status == "queued"
        own = s.get(CallTask, task.task_id)
        assert own is not None and own.status == "done"  # not interested closes it
        # the card's call history (the workspace) shows the correction
        from winback_desktop.services.customer_card import customer_card

        past = customer_card(s, admin, cust).calls[0]
        assert [(x.from_disposition, x.to_disposition, x.reason, x.by)
                for x in past.amendments] == [
            ("won_back", "not_interested", "pressed the wrong key", "a1")]


def test_the_supervisors_board_closes_a_crashed_workstations_call(db, admin) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from winback_desktop.db.models import AuditEntry
    from winback_desktop.services import monitoring

    a = agent(db, admin, "a1")
    customers(db, [{}])
    campaign(db, admin, [a], retry_gap_minutes=60, max_attempts=5)
    task = queue.claim_next_task(db, a, now=NOW)
    assert task is not None
    call_id = calls.start_call(db, a, task.task_id, now=NOW)
    sup = _supervisor(db, admin)
    monitoring.board(db, sup, now=NOW + timedelta(minutes=1))  # lease still running
    with db.session() as s:
        call = s.get(Call, call_id)
        assert call is not None and call.step == "dialling"
    # the workstation died: the next refresh after the lease closes the call
    monitoring.board(db, sup, now=NOW + timedelta(hours=2))
    with db.session() as s:
        call = s.get(Call, call_id)
        assert call is not None and (call.step, call.abandon_reason) == ("abandoned",
                                                                         "lease_expired")
        t = s.get(CallTask, task.task_id)
        assert t is not None and t.status == "queued"
        who = s.scalar(select(AuditEntry.user_login).where(
            AuditEntry.action == "call_abandoned", AuditEntry.entity_id == str(call_id)))
        assert who == "sup1"
