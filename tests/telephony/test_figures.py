"""Scorecard times say whether the phone system measured them (issue 20), both engines."""

from __future__ import annotations

from datetime import timedelta

from tests.services.queue_helpers import NOW, agent, campaign, customers
from winback_desktop.core import metrics
from winback_desktop.services import calls, queue
from winback_desktop.services.telephony import events, figures
from winback_desktop.services.telephony.interface import EndCause, EventKind, PhoneEvent


def test_measured_and_entered_calls_are_told_apart(db, admin) -> None:  # type: ignore[no-untyped-def]
    a = agent(db, admin, "agent01")
    customers(db, [{}, {}])
    campaign(db, admin, [a])
    ids = []
    for i in range(2):
        task = queue.claim_next_task(db, a, now=NOW + timedelta(minutes=i))
        assert task is not None
        start = NOW + timedelta(minutes=i)
        call_id = calls.start_call(db, a, task.task_id, now=start)
        if i == 0:  # the phone system reports answer and end
            events.record_event(db, a, PhoneEvent(EventKind.ANSWERED, call_id,
                                                  start + timedelta(seconds=3), "baresip"))
            events.record_event(db, a, PhoneEvent(EventKind.ENDED, call_id,
                                                  start + timedelta(seconds=40), "baresip",
                                                  cause=EndCause.CUSTOMER_HUNG_UP))
        else:  # the agent presses the buttons
            calls.mark_answered(db, a, call_id, now=start + timedelta(seconds=5))
            calls.end_call(db, a, call_id, now=start + timedelta(seconds=30))
        calls.finish_call(db, a, call_id, "not_interested", now=start + timedelta(seconds=50))
        ids.append(call_id)
    day = NOW.date()
    period = metrics.Period(day, day + timedelta(days=1), "day")
    assert figures.timing_sources(db, admin, period) == figures.TimingSources(1, 1)
    assert figures.timing_sources(db, a, period).handled == 2
    other = agent(db, admin, "agent02")
    assert figures.timing_sources(db, other, period).handled == 0  # only their own
