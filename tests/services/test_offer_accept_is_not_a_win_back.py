"""An accepted offer records the offer's outcome only; the customer is won back (or
saved) by the call's outcome (issue 14).

Before the fix, "Customer accepted" marked the customer won back and closed the task at
once, with the call still open and its outcome not chosen: a win-back without a call
outcome, counted before the agent had finished the interview.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update

from tests.services.offer_fixtures import add_customer, make_team
from winback_desktop.core.domain import Disposition
from winback_desktop.db.models import AuditEntry, Call, CallTask, Customer
from winback_desktop.db.types import utcnow
from winback_desktop.services import calls, offers


def _held_call(db, team, task_id: int) -> int:  # type: ignore[no-untyped-def]
    """The agent holds the task, dials and the customer answers."""
    now = utcnow()
    with db.session() as s:
        s.execute(update(CallTask).where(CallTask.id == task_id).values(
            claimed_by=team.agent.user_id, claimed_at=now,
            lease_expires_at=now + timedelta(minutes=15)))
    call_id = calls.start_call(db, team.agent, task_id)
    calls.answer_call(db, team.agent, call_id)
    return call_id


def test_accepting_an_offer_records_the_offer_and_leaves_the_win_back_to_the_call(
        db) -> None:  # type: ignore[no-untyped-def]
    team = make_team(db)
    customer_id, task_id = add_customer(db, team.campaign_id)
    call_id = _held_call(db, team, task_id)
    gift = offers.request_offer(db, team.agent, "CREDIT500", task_id=task_id)
    assert gift.status == "auto_approved"

    done = offers.record_outcome(db, team.agent, gift.id, accepted=True)

    assert done.status == "accepted" and done.outcome_at is not None
    with db.session() as s:
        customer = s.get(Customer, customer_id)
        task = s.get(CallTask, task_id)
        call = s.get(Call, call_id)
        assert customer is not None and task is not None and call is not None
        # nothing is won back yet: the call is open at its outcome step
        assert (customer.status, customer.won_back_at) == ("lost", None)
        assert (task.status, task.claimed_by) == ("claimed", team.agent.user_id)
        assert (call.step, call.disposition, call.ended_at) == ("outcome", None, None)
        actions = list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
    assert "customer_won_back" not in actions and "task_done" not in actions
    assert "offer_accepted" in actions and "call_offer_accepted" in actions

    # the win-back happens at the call's outcome, once
    calls.finish_call(db, team.agent, call_id, Disposition.WON_BACK)
    with db.session() as s:
        customer = s.get(Customer, customer_id)
        task = s.get(CallTask, task_id)
        assert customer is not None and task is not None
        assert customer.status == "won_back" and customer.won_back_at is not None
        assert (task.status, task.last_disposition) == ("done", "won_back")


def test_an_accepted_offer_then_a_refusal_at_the_outcome_wins_nobody_back(
        db) -> None:  # type: ignore[no-untyped-def]
    """The customer said yes to the offer, then changed their mind before hanging up:
    the call's outcome decides, and the customer stays lost."""
    team = make_team(db)
    customer_id, task_id = add_customer(db, team.campaign_id)
    call_id = _held_call(db, team, task_id)
    gift = offers.request_offer(db, team.agent, "CREDIT500", task_id=task_id)
    offers.record_outcome(db, team.agent, gift.id, accepted=True)
    calls.finish_call(db, team.agent, call_id, Disposition.NOT_INTERESTED)
    with db.session() as s:
        customer = s.get(Customer, customer_id)
        assert customer is not None and customer.status == "lost"
        assert customer.won_back_at is None
