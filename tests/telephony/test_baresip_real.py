"""The baresip adapter against a real baresip and a SIPp customer (issue 20, Must show).

Nothing is mocked: the agent's baresip places real SIP calls over a private network
namespace to SIPp, which answers, rings out, is busy or hangs up; the adapter's events
go through ``services.telephony.events`` into a real database, and the recordings
baresip wrote are measured with sox.
"""

from __future__ import annotations

import queue as std_queue
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.services.queue_helpers import NOW, agent, campaign, customers
from tests.telephony.lab import AGENT_HZ, CUSTOMER_HZ, CUSTOMER_URI, Lab
from tests.telephony.netns import tone
from winback_desktop.db.models import AuditEntry, Call, CallEvent, Recording
from winback_desktop.services import calls, queue
from winback_desktop.services.context import Actor
from winback_desktop.services.telephony import events
from winback_desktop.services.telephony.baresip import BaresipPhone
from winback_desktop.services.telephony.interface import EventKind, PhoneEvent

TALK_S = 2.0
TOLERANCE_S = 0.2
HOLD_S = 2.2


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    lab = Lab(tmp_path_factory.mktemp("sip-lab")).start()
    try:
        yield lab
    finally:
        lab.close()


class Desk:
    """An agent at their desk: a claimed customer, an open call, the phone's events
    recorded through the services as the GUI's bridge does."""

    def __init__(self, db, admin: Actor, phone: BaresipPhone) -> None:  # type: ignore[no-untyped-def]
        self.db, self.phone = db, phone
        self.agent = agent(db, admin, "agent01")
        customers(db, [{}])
        campaign(db, admin, [self.agent])
        task = queue.claim_next_task(db, self.agent, now=NOW)
        assert task is not None
        self.call_id = calls.start_call(db, self.agent, task.task_id)
        self.seen: std_queue.Queue[tuple[PhoneEvent, events.EventOutcome]] = std_queue.Queue()
        phone.subscribe(self._record)
        phone.connect()

    def _record(self, event: PhoneEvent) -> None:
        self.seen.put((event, events.record_event(self.db, self.agent, event)))

    def wait_for(self, kind: EventKind, timeout: float = 10.0) -> events.EventOutcome:
        deadline = time.monotonic() + timeout
        while True:
            event, outcome = self.seen.get(timeout=max(deadline - time.monotonic(), 0.01))
            if event.kind is kind:
                return outcome

    def kinds(self) -> list[str]:
        with self.db.session() as s:
            return list(s.scalars(select(CallEvent.kind).where(CallEvent.call_id == self.call_id)
                                  .order_by(CallEvent.id)))

    def call(self) -> Call:
        with self.db.session() as s:
            call = s.get(Call, self.call_id)
            assert call is not None
            s.expunge(call)
            return call

    def recordings(self) -> dict[str, Path]:
        with self.db.session() as s:
            paths = s.scalars(select(Recording.path).where(Recording.call_id == self.call_id))
            return {Path(p).stem.rsplit("-", 1)[1]: Path(p) for p in paths}


@pytest.fixture
def desk(sqlite_db, lab: Lab) -> Iterator[Desk]:  # type: ignore[no-untyped-def]
    from winback_desktop.services import users

    with sqlite_db.session() as s:
        admin = Actor.of(users.add_user(s, Actor.system(), "admin", "admin", "admin-pass-1"))
    phone = lab.phone(ring_timeout_s=1.5)
    desk = Desk(sqlite_db, admin, phone)
    try:
        yield desk
    finally:
        phone.close()


def _assert_recordings(desk: Desk, talk: float) -> None:
    desk.wait_for(EventKind.RECORDING)
    desk.wait_for(EventKind.RECORDING)
    recs = desk.recordings()
    assert set(recs) == {"agent", "customer"}
    for side, hz in (("agent", AGENT_HZ), ("customer", CUSTOMER_HZ)):
        seconds, freq = tone(recs[side])
        assert abs(seconds - talk) <= TOLERANCE_S, (side, seconds, talk)
        assert abs(freq - hz) <= hz * 0.05, (side, freq)


def test_customer_answers_after_a_second_and_the_agent_hangs_up(desk: Desk, lab: Lab) -> None:
    lab.customer("answer")
    desk.phone.dial(desk.call_id, CUSTOMER_URI)
    desk.wait_for(EventKind.RINGING)
    answered = desk.wait_for(EventKind.ANSWERED)
    assert answered.answered_at is not None and answered.ended_at is None
    time.sleep(TALK_S)  # the conversation itself
    desk.phone.hangup(desk.call_id)
    ended = desk.wait_for(EventKind.ENDED)
    assert lab.wait_customer() == 0
    assert ended.end_cause == "agent_hung_up" and ended.proposed_disposition is None
    assert ended.talk_seconds is not None and abs(ended.talk_seconds - TALK_S) <= TOLERANCE_S
    call = desk.call()
    assert (call.answered_by, call.ended_by, call.end_cause) == ("phone", "phone",
                                                                 "agent_hung_up")
    _assert_recordings(desk, ended.talk_seconds)
    assert desk.kinds() == ["ringing", "answered", "ended", "recording", "recording"]
    with desk.db.session() as s:
        actions = s.scalars(select(AuditEntry.after).where(AuditEntry.action == "phone_event"))
        assert [a["event"] for a in actions] == ["answered", "ended", "recording", "recording"]


def test_customer_hangs_up_first(desk: Desk, lab: Lab) -> None:
    lab.customer("customer_hangs_up")
    desk.phone.dial(desk.call_id, CUSTOMER_URI)
    desk.wait_for(EventKind.ANSWERED)
    ended = desk.wait_for(EventKind.ENDED)
    assert lab.wait_customer() == 0
    assert ended.end_cause == "customer_hung_up"
    assert ended.talk_seconds is not None and abs(ended.talk_seconds - TALK_S) <= TOLERANCE_S
    _assert_recordings(desk, ended.talk_seconds)


def test_busy_proposes_busy(desk: Desk, lab: Lab) -> None:
    lab.customer("busy")
    desk.phone.dial(desk.call_id, CUSTOMER_URI)
    ended = desk.wait_for(EventKind.ENDED)
    assert lab.wait_customer() == 0
    assert ended.end_cause == "busy" and ended.answered_at is None
    assert ended.proposed_disposition == "busy"
    assert desk.kinds() == ["ended"]
    assert desk.recordings() == {}


def test_ringing_then_no_answer_the_app_cancels(desk: Desk, lab: Lab) -> None:
    lab.customer("no_answer")
    started = time.monotonic()
    desk.phone.dial(desk.call_id, CUSTOMER_URI)
    desk.wait_for(EventKind.RINGING)
    ended = desk.wait_for(EventKind.ENDED)
    assert time.monotonic() - started >= 1.5  # the ring timeout, not the customer, ended it
    assert lab.wait_customer() == 0  # SIPp saw CANCEL, answered 487 and got its ACK
    assert ended.end_cause == "no_answer" and ended.proposed_disposition == "no_answer"
    call = desk.call()
    assert call.answered_at is None and call.ended_by == "phone"
    assert desk.kinds() == ["ringing", "ended"]


def test_repeated_events_change_nothing(desk: Desk, lab: Lab) -> None:
    lab.customer("busy")
    desk.phone.dial(desk.call_id, CUSTOMER_URI)
    ended = desk.wait_for(EventKind.ENDED)
    lab.wait_customer()
    again = PhoneEvent(EventKind.ENDED, desk.call_id, NOW, "baresip",
                       cause=events.EndCause.FAILED)
    outcome = events.record_event(desk.db, desk.agent, again)
    assert not outcome.applied
    assert (outcome.ended_at, outcome.end_cause) == (ended.ended_at, "busy")


def test_hold_is_measured_from_the_apps_hold_and_resume(desk: Desk, lab: Lab) -> None:
    """baresip 1.0.0 reports no hold event: the adapter holds and reports it itself."""
    lab.customer("hold")
    desk.phone.dial(desk.call_id, CUSTOMER_URI)
    desk.wait_for(EventKind.ANSWERED)
    time.sleep(0.5)
    desk.phone.hold(desk.call_id, True)
    desk.wait_for(EventKind.HOLD)
    assert "(on hold)" in desk.phone.command("listcalls")  # baresip did hold the call
    desk.phone.hold(desk.call_id, True)  # pressed twice: nothing more
    time.sleep(HOLD_S)
    desk.phone.hold(desk.call_id, False)
    resumed = desk.wait_for(EventKind.RESUMED)
    assert "(on hold)" not in desk.phone.command("listcalls")
    time.sleep(0.5)
    desk.phone.hangup(desk.call_id)
    desk.wait_for(EventKind.ENDED)
    assert lab.wait_customer() == 0  # SIPp saw both re-INVITEs, as its scenario expects
    assert resumed.applied
    with desk.db.session() as s:
        held = dict(s.execute(select(CallEvent.kind, CallEvent.at).where(
            CallEvent.call_id == desk.call_id, CallEvent.kind.in_(["hold", "resumed"]))).all())
    assert abs((held["resumed"] - held["hold"]).total_seconds() - HOLD_S) <= TOLERANCE_S
    assert desk.call().hold_seconds == round(HOLD_S)
    assert desk.kinds()[:5] == ["ringing", "answered", "hold", "resumed", "ended"]


def test_a_call_ended_on_hold_counts_its_hold_until_the_end(desk: Desk, lab: Lab) -> None:
    lab.customer("hold_hang_up")
    desk.phone.dial(desk.call_id, CUSTOMER_URI)
    desk.wait_for(EventKind.ANSWERED)
    desk.phone.hold(desk.call_id, True)
    desk.wait_for(EventKind.HOLD)
    time.sleep(HOLD_S)
    desk.phone.hangup(desk.call_id)
    desk.wait_for(EventKind.RESUMED)
    ended = desk.wait_for(EventKind.ENDED)
    assert lab.wait_customer() == 0
    assert ended.end_cause == "agent_hung_up"
    assert desk.call().hold_seconds == round(HOLD_S)
