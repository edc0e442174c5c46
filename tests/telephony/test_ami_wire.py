"""Asterisk AMI adapter against an AMI server that replays recorded Asterisk events.

The event sequences in ``ami_fixtures/`` were recorded from a real Asterisk (see the
README there). The server checks nothing itself: these tests read what the adapter sent
on the wire (Login, Originate, MixMonitor, Hangup, ChanSpy) and what it reported.
"""

from __future__ import annotations

import queue as std_queue
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from tests.services.queue_helpers import NOW, agent, campaign, customers
from tests.telephony.ami_server import AmiServer
from winback_desktop.db.models import AuditEntry, Call, CallEvent, Recording
from winback_desktop.services import calls, queue
from winback_desktop.services.telephony import events
from winback_desktop.services.telephony.ami import AmiPhone
from winback_desktop.services.telephony.config import PhoneConfig
from winback_desktop.services.telephony.interface import (
    EndCause,
    EventKind,
    MonitorMode,
    PhoneEvent,
    TelephonyError,
)

#: the recorded calls were originated to these endpoints (see ami_fixtures/README.md)
ENDPOINT = "Local/{extension}@osvpi_proc_connectab_ctd"
NUMBER = "+31260010001"


def _config(server: AmiServer, **kw: object) -> PhoneConfig:
    cfg = PhoneConfig(adapter="ami", ami_host="127.0.0.1", ami_port=server.port,
                      ami_user="winback", ami_channel=ENDPOINT, ami_context="from-internal",
                      ami_record_dir="/var/spool/asterisk/monitor/winback",
                      ami_record_share=r"\\pbx\monitor\winback", ring_timeout_s=30)
    for key, value in kw.items():
        setattr(cfg, key, value)
    return cfg


class Events:
    def __init__(self, phone: AmiPhone) -> None:
        self.seen: std_queue.Queue[PhoneEvent] = std_queue.Queue()
        phone.subscribe(self.seen.put)

    def take(self, n: int, timeout: float = 10.0) -> list[PhoneEvent]:
        deadline = time.monotonic() + timeout
        return [self.seen.get(timeout=max(deadline - time.monotonic(), 0.01))
                for _ in range(n)]

    def none_left(self) -> bool:
        time.sleep(0.2)
        return self.seen.empty()


@pytest.fixture
def serve() -> Iterator[list[AmiServer]]:
    servers: list[AmiServer] = []
    yield servers
    for server in servers:
        server.close()


def _phone(servers: list[AmiServer], scenario: str | None, extension: str,
           secret: str = "s3cret", **kw: object) -> tuple[AmiServer, AmiPhone, Events]:
    server = AmiServer(scenario, **{k: v for k, v in kw.items() if k in ("wait_for_hangup",
                                                                         "talk_s")})
    servers.append(server)
    cfg = _config(server, **{k: v for k, v in kw.items() if k.startswith(("ami_", "ring"))})
    phone = AmiPhone(cfg, secret, extension=extension, timeout_s=3)
    seen = Events(phone)
    return server, phone, seen


def test_login_failure_and_ping(serve: list[AmiServer]) -> None:
    server, phone, _ = _phone(serve, None, "201", secret="wrong")
    check = phone.test_connection()
    assert not check.ok and "Authentication failed" in check.detail
    phone.close()
    server, phone, _ = _phone(serve, None, "201")
    check = phone.test_connection()
    phone.close()
    assert check.ok and check.detail == "Asterisk Call Manager 2.10.3"
    login = server.action("Login")[0]
    assert (login["Username"], login["Secret"]) == ("winback", "s3cret")
    assert server.action("Ping") and server.action("Logoff")


def test_originate_answer_customer_hangs_up_and_mixmonitor(serve: list[AmiServer]) -> None:
    server, phone, seen = _phone(serve, "answered_customer_hangs_up.json", "ID400379",
                                 talk_s=0.5)
    phone.connect()
    phone.dial(41, NUMBER)
    ringing, answered, ended, recording = seen.take(4)
    phone.close()
    originate = server.action("Originate")[0]
    assert originate["Channel"] == "Local/ID400379@osvpi_proc_connectab_ctd"
    assert (originate["Context"], originate["Exten"], originate["Priority"]) == (
        "from-internal", NUMBER, "1")
    assert originate["ChannelId"] == "winback-41" and originate["Async"] == "true"
    assert originate["Timeout"] == "30000" and originate["Variable"] == "WINBACK_CALL=41"
    assert [e.kind for e in (ringing, answered, ended, recording)] == [
        EventKind.RINGING, EventKind.ANSWERED, EventKind.ENDED, EventKind.RECORDING]
    assert {e.call_id for e in (ringing, answered, ended)} == {41}
    assert ended.cause is EndCause.CUSTOMER_HUNG_UP and ended.detail == "Normal Clearing"
    assert abs((ended.at - answered.at).total_seconds() - 0.5) <= 0.15
    mix = server.action("MixMonitor")
    assert mix == [{"Action": "MixMonitor",
                    "Channel": "Local/ID400379@osvpi_proc_connectab_ctd-00000010;1",
                    "File": "/var/spool/asterisk/monitor/winback/call-41.wav",
                    "Options": "b", "ActionID": mix[0]["ActionID"]}]
    assert recording.path == r"\\pbx\monitor\winback\call-41.wav"
    assert not server.action("Hangup")


def test_the_app_hangs_up_an_answered_call(serve: list[AmiServer]) -> None:
    server, phone, seen = _phone(serve, "answered_agent_hangs_up.json", "ID15001678")
    phone.dial(42, NUMBER)
    _ringing, answered = seen.take(2)
    assert answered.kind is EventKind.ANSWERED
    phone.hangup(42)
    ended, _recording = seen.take(2)
    phone.close()
    assert ended.cause is EndCause.AGENT_HUNG_UP
    assert server.action("Hangup")[0]["Channel"] == (
        "Local/ID15001678@osvpi_proc_connectab_ctd-00113eac;1")


def test_the_agent_hangs_up_on_the_desk_phone(serve: list[AmiServer]) -> None:
    # same recording without the app's Hangup: the agent's desk phone hung up first
    server, phone, seen = _phone(serve, "answered_agent_hangs_up.json", "ID15001678",
                                 wait_for_hangup=False)
    phone.dial(43, NUMBER)
    kinds = seen.take(4)
    phone.close()
    assert [e.kind for e in kinds][1:3] == [EventKind.ANSWERED, EventKind.ENDED]
    assert kinds[2].cause is EndCause.AGENT_HUNG_UP and not server.action("Hangup")


def test_busy_ends_unanswered_and_nothing_after(serve: list[AmiServer]) -> None:
    server, phone, seen = _phone(serve, "busy.json", "ID400382")
    phone.dial(44, NUMBER)
    ringing, ended = seen.take(2)
    assert (ringing.kind, ended.kind, ended.cause) == (
        EventKind.RINGING, EventKind.ENDED, EndCause.BUSY)
    assert server.wait_replayed()
    assert seen.none_left()  # the hang-ups that follow change nothing
    phone.close()
    assert not server.action("MixMonitor")


def test_ringing_then_the_app_cancels_after_the_ring_timeout(serve: list[AmiServer]) -> None:
    server, phone, seen = _phone(serve, "ringing_then_app_cancels.json", "ID400379",
                                 ring_timeout_s=0.3)
    phone.dial(45, NUMBER)
    ringing, ended = seen.take(2)
    phone.close()
    assert ringing.kind is EventKind.RINGING
    assert (ended.kind, ended.cause, ended.detail) == (
        EventKind.ENDED, EndCause.NO_ANSWER, "CANCEL")
    assert 0.25 <= (ended.at - ringing.at).total_seconds() <= 2.0
    assert server.action("Hangup")[0]["Channel"].endswith("ctd-00000010;1")


@pytest.mark.parametrize("mode,options", [(MonitorMode.LISTEN, "qEb"),
                                          (MonitorMode.WHISPER, "qEbw"),
                                          (MonitorMode.BARGE, "qEbB")])
def test_chanspy_rings_the_supervisor(serve: list[AmiServer], mode: MonitorMode,
                                      options: str) -> None:
    server, phone, _ = _phone(serve, None, "201", ami_channel="PJSIP/{extension}")
    phone.monitor("201", "301", mode)
    phone.close()
    spy = server.action("Originate")[0]
    assert (spy["Channel"], spy["Application"], spy["Data"]) == (
        "PJSIP/301", "ChanSpy", f"PJSIP/201,{options}")
    assert spy["Async"] == "true"


def test_dial_without_an_extension_is_refused(serve: list[AmiServer]) -> None:
    server, phone, _ = _phone(serve, None, "")
    with pytest.raises(TelephonyError):
        phone.dial(46, NUMBER)
    phone.close()
    assert not server.action("Originate")


def test_replayed_events_drive_the_call_on_both_engines(db, admin, serve) -> None:  # type: ignore[no-untyped-def]
    a = agent(db, admin, "agent01")
    customers(db, [{}])
    campaign(db, admin, [a])
    task = queue.claim_next_task(db, a, now=NOW)
    assert task is not None
    call_id = calls.start_call(db, a, task.task_id)
    _server, phone, seen = _phone(serve, "answered_customer_hangs_up.json", "ID400379",
                                  talk_s=0.3)
    phone.dial(call_id, NUMBER)
    for event in seen.take(4):
        events.record_event(db, a, event)
    phone.close()
    with db.session() as s:
        call = s.get(Call, call_id)
        assert call is not None and call.answered_at and call.ended_at
        assert (call.answered_by, call.ended_by, call.end_cause) == (
            "phone", "phone", "customer_hung_up")
        assert abs((call.ended_at - call.answered_at).total_seconds() - 0.3) <= 0.15
        assert s.scalars(select(CallEvent.kind).where(CallEvent.call_id == call_id)
                         .order_by(CallEvent.id)).all() == [
            "ringing", "answered", "ended", "recording"]
        assert s.scalar(select(Recording.path).where(Recording.call_id == call_id)) == (
            rf"\\pbx\monitor\winback\call-{call_id}.wav")
        assert s.scalar(select(AuditEntry.user_login).where(
            AuditEntry.action == "phone_event").limit(1)) == "agent01"



def test_hold_from_replayed_events_is_measured_on_the_call(db, admin, serve) -> None:  # type: ignore[no-untyped-def]
    a = agent(db, admin, "agent01")
    customers(db, [{}])
    campaign(db, admin, [a])
    task = queue.claim_next_task(db, a, now=NOW)
    assert task is not None
    call_id = calls.start_call(db, a, task.task_id)
    _server, phone, seen = _phone(serve, "answered_with_hold.json", "ID400379")
    phone.dial(call_id, NUMBER)
    got = seen.take(6)
    phone.close()
    assert [e.kind for e in got] == [EventKind.RINGING, EventKind.ANSWERED, EventKind.HOLD,
                                     EventKind.RESUMED, EventKind.ENDED, EventKind.RECORDING]
    held = (got[3].at - got[2].at).total_seconds()
    assert 1.0 <= held <= 1.45  # the replay waits 1.2 s between Hold and Unhold
    for event in got:
        events.record_event(db, a, event)
    with db.session() as s:
        call = s.get(Call, call_id)
        assert call is not None and call.hold_seconds == 1  # measured, whole seconds
        assert s.scalars(select(CallEvent.kind).where(CallEvent.call_id == call_id)
                         .order_by(CallEvent.id)).all() == [
            "ringing", "answered", "hold", "resumed", "ended", "recording"]


def test_a_pbx_that_goes_away_is_noticed_and_the_next_action_reconnects(
        serve: list[AmiServer]) -> None:
    import socket
    import threading

    server, phone, _ = _phone(serve, None, "201", ami_channel="PJSIP/{extension}")
    phone.connect()
    before = threading.active_count()
    for conn in server._conns:  # Asterisk restarts
        conn.shutdown(socket.SHUT_RDWR)
    deadline = time.monotonic() + 5
    while phone.connected and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not phone.connected
    spent = time.process_time()
    time.sleep(0.3)
    assert time.process_time() - spent < 0.1  # the reader stopped instead of spinning
    phone.monitor("201", "301", MonitorMode.LISTEN)  # reconnects and logs in again
    assert phone.connected and len(server.action("Login")) == 2
    phone.close()
    assert threading.active_count() <= before
