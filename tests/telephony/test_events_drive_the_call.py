"""Phone events move the call along the same state machine as the buttons (issue 20).

An answer from the phone system is the call's answer (dialling → answered), an end is
its hang-up (→ outcome, wrap-up on the board); a repeat changes nothing; an end before
any answer proposes busy / no answer and a conversation outcome stays refused. Both
engines.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from tests.services.queue_helpers import NOW, agent, campaign, customers
from winback_desktop.core.call_flow import NeedsConversation
from winback_desktop.db.models import AgentPresence, AuditEntry, Call
from winback_desktop.services import calls, queue
from winback_desktop.services.telephony import events
from winback_desktop.services.telephony.interface import EndCause, EventKind, PhoneEvent


@pytest.fixture
def dialling(db, admin):  # type: ignore[no-untyped-def]
    a = agent(db, admin, "agent01")
    customers(db, [{}])
    campaign(db, admin, [a])
    task = queue.claim_next_task(db, a, now=NOW)
    assert task is not None
    return a, calls.start_call(db, a, task.task_id, now=NOW)


def _call(db, call_id: int) -> Call:  # type: ignore[no-untyped-def]
    with db.session() as s:
        call = s.get(Call, call_id)
        assert call is not None
        s.expunge(call)
        return call


def _presence(db, user_id: int | None) -> str:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return str(s.scalar(select(AgentPresence.state).where(AgentPresence.user_id == user_id)))


def _event(kind: EventKind, call_id: int, seconds: float,
           cause: EndCause | None = None) -> PhoneEvent:
    return PhoneEvent(kind, call_id, NOW + timedelta(seconds=seconds), "baresip", cause=cause)


def test_answer_and_hang_up_from_the_phone_move_the_call(db, dialling) -> None:  # type: ignore[no-untyped-def]
    a, call_id = dialling
    events.record_event(db, a, _event(EventKind.ANSWERED, call_id, 4))
    call = _call(db, call_id)
    assert (call.step, call.answered_by) == ("answered", "phone")
    assert call.answered_at == NOW + timedelta(seconds=4)
    again = events.record_event(db, a, _event(EventKind.ANSWERED, call_id, 9))
    assert not again.applied and _call(db, call_id).answered_at == NOW + timedelta(seconds=4)
    events.record_event(db, a, _event(EventKind.ENDED, call_id, 64, EndCause.CUSTOMER_HUNG_UP))
    call = _call(db, call_id)
    assert (call.step, call.ended_by, call.end_cause) == ("outcome", "phone", "customer_hung_up")
    assert _presence(db, a.user_id) == "wrap_up"
    # the buttons after the phone: the same machine, nothing moves twice
    assert not calls.end_call(db, a, call_id, now=NOW + timedelta(seconds=70)).changed
    assert _call(db, call_id).ended_at == NOW + timedelta(seconds=64)
    done = calls.finish_call(db, a, call_id, "not_interested", now=NOW + timedelta(seconds=90))
    assert done.step == "done"
    with db.session() as s:
        audited = s.scalars(select(AuditEntry.after).where(
            AuditEntry.entity_id == str(call_id), AuditEntry.action == "phone_event")
            .order_by(AuditEntry.id)).all()
    assert [(e["event"], e["step"]) for e in audited] == [("answered", "answered"),
                                                          ("ended", "outcome")]


def test_busy_before_an_answer_proposes_busy_and_refuses_a_conversation(db, dialling) -> None:  # type: ignore[no-untyped-def]
    a, call_id = dialling
    out = events.record_event(db, a, _event(EventKind.ENDED, call_id, 8, EndCause.BUSY))
    assert out.proposed_disposition == "busy" and out.answered_at is None
    assert _call(db, call_id).step == "outcome"
    with pytest.raises(NeedsConversation):
        calls.finish_call(db, a, call_id, "not_interested")
    assert calls.finish_call(db, a, call_id, "busy").step == "done"


def test_a_click_on_answered_is_corrected_by_the_phone(db, dialling) -> None:  # type: ignore[no-untyped-def]
    a, call_id = dialling
    calls.answer_call(db, a, call_id, now=NOW + timedelta(seconds=2))
    events.record_event(db, a, _event(EventKind.ANSWERED, call_id, 5))
    call = _call(db, call_id)
    assert (call.step, call.answered_by, call.answered_at) == (
        "answered", "phone", NOW + timedelta(seconds=5))


def test_the_phone_says_nobody_answered_after_a_stray_click(db, dialling) -> None:  # type: ignore[no-untyped-def]
    a, call_id = dialling
    calls.answer_call(db, a, call_id, now=NOW + timedelta(seconds=2))
    out = events.record_event(db, a, _event(EventKind.ENDED, call_id, 30, EndCause.NO_ANSWER))
    assert out.proposed_disposition == "no_answer"
    call = _call(db, call_id)
    assert (call.step, call.answered_at, call.answered_by) == ("outcome", None, None)
    with pytest.raises(NeedsConversation):
        calls.finish_call(db, a, call_id, "won_back")


def test_hold_is_measured_and_counted_apart_from_talk(db, dialling) -> None:  # type: ignore[no-untyped-def]
    a, call_id = dialling
    events.record_event(db, a, _event(EventKind.ANSWERED, call_id, 3))
    events.record_event(db, a, _event(EventKind.HOLD, call_id, 20))
    events.record_event(db, a, _event(EventKind.RESUMED, call_id, 50))
    events.record_event(db, a, _event(EventKind.RESUMED, call_id, 50))  # repeated
    events.record_event(db, a, _event(EventKind.HOLD, call_id, 60))
    events.record_event(db, a, _event(EventKind.RESUMED, call_id, 65))
    assert _call(db, call_id).hold_seconds == 35
