"""Live board, presence timeouts, coaching, recordings matching, QA maths and flows."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from winback_desktop.core import qa as core_qa
from winback_desktop.core.errors import Conflict, PermissionDenied, ValidationError
from winback_desktop.db.models import AuditEntry, Call, CallTask, Campaign, Customer, Recording
from winback_desktop.services import monitoring, presence, qa, recordings, users
from winback_desktop.services.context import Actor

T0 = datetime(2026, 11, 16, 2, 0, tzinfo=UTC)  # a Monday


@pytest.fixture
def floor(db, admin):  # type: ignore[no-untyped-def]
    with db.session() as s:
        a1 = Actor.of(users.add_user(s, admin, "a1", "agent", "agent-pass-1"))
        a2 = Actor.of(users.add_user(s, admin, "a2", "agent", "agent-pass-2"))
        sup = Actor.of(users.add_user(s, admin, "sup", "supervisor", "super-pass-1"))
        camp = Campaign(name="Q4", status="running")
        cust = Customer(name="张伟", sltv_minor=3_000_000, sltv_tier="B")
        s.add_all([camp, cust])
        s.flush()
        task = CallTask(campaign_id=camp.id, customer_id=cust.id, status="claimed",
                        claimed_by=a1.user_id)
        s.add(task)
        s.flush()
        calls = []
        for i in range(12):
            c = Call(task_id=task.id, customer_id=cust.id, campaign_id=camp.id,
                     agent_id=a1.user_id if i % 2 == 0 else a2.user_id,
                     phone_e164="+8613800138000", started_at=T0 + timedelta(hours=i),
                     answered_at=T0 + timedelta(hours=i, seconds=10),
                     ended_at=T0 + timedelta(hours=i, minutes=3), disposition="not_interested")
            s.add(c)
            calls.append(c)
        s.flush()
        ids = [c.id for c in calls]
    return {"a1": a1, "a2": a2, "sup": sup, "calls": ids, "task": task.id,
            "customer": cust.id, "campaign": camp.id}


def test_board_states_timeouts_and_totals(db, floor) -> None:  # type: ignore[no-untyped-def]
    now = T0 + timedelta(hours=20)
    presence.set_state(db, floor["a1"], "on_call", campaign_id=floor["campaign"],
                       customer_id=floor["customer"], call_id=floor["calls"][0],
                       script_step="q3", now=now - timedelta(seconds=40))
    presence.set_state(db, floor["a2"], "break", now=now - timedelta(minutes=5))
    presence.heartbeat(db, floor["a2"], now=now - timedelta(seconds=10))
    with db.session() as s:
        board = monitoring.live_board(s, floor["sup"], now=now)
    tiles = {t.row.login: t for t in board.tiles}
    assert tiles["a1"].row.state == "on_call" and tiles["a1"].seconds_in_state == 40
    assert tiles["a1"].sltv_minor == 3_000_000 and tiles["a1"].row.script_step == "q3"
    assert tiles["a2"].row.state == "break" and tiles["a2"].seconds_in_state == 300
    assert board.by_state["on_call"] == 1 and board.by_state["break"] == 1
    assert board.queue_depth == {"Q4": 0}
    # a crashed workstation: no heartbeat for longer than the timeout → offline
    with db.session() as s:
        later = monitoring.live_board(s, floor["sup"], now=now + timedelta(minutes=3))
    assert {t.row.login: t.row.state for t in later.tiles} == {"a1": "offline",
                                                              "a2": "offline"}
    with pytest.raises(PermissionDenied), db.session() as s:
        monitoring.live_board(s, floor["a1"], now=now)


def test_coaching_message_reaches_only_its_agent(db, floor) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        monitoring.send_coaching_message(s, floor["sup"], floor["a1"].user_id,
                                         "Slow down and let her finish")
    with db.session() as s:
        mine = monitoring.unread_messages(s, floor["a1"])
        assert [m.text for m in mine] == ["Slow down and let her finish"]
        assert monitoring.unread_messages(s, floor["a2"]) == []
        monitoring.mark_read(s, floor["a1"], [m.id for m in mine])
    with db.session() as s:
        assert monitoring.unread_messages(s, floor["a1"]) == []
    with pytest.raises(PermissionDenied), db.session() as s:
        monitoring.send_coaching_message(s, floor["a2"], floor["a1"].user_id, "hi")
    with pytest.raises(ValidationError), db.session() as s:
        monitoring.send_coaching_message(s, floor["sup"], floor["a1"].user_id, "   ")


def test_recordings_matched_by_pattern_and_unmatched_reported(db, floor, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "rec"
    (folder / "2026-11-16").mkdir(parents=True)
    good = folder / "2026-11-16" / "a1_+8613800138000_20261116-100030.wav"  # 02:00:30 UTC
    good.write_bytes(b"RIFF....WAVE")
    wrong_agent = folder / "zz_+8613800138000_20261116-100030.wav"
    wrong_agent.write_bytes(b"x")
    no_call = folder / "a1_+8613800138000_20261117-100000.wav"
    no_call.write_bytes(b"x")
    (folder / "notes.txt").write_text("not audio")
    report = recordings.scan_folder(db, floor["sup"], folder,
                                    "{agent}_{phone}_{time:%Y%m%d-%H%M%S}",
                                    timezone="Asia/Shanghai")
    assert report.scanned == 3
    assert [m["call_id"] for m in report.matched] == [floor["calls"][0]]
    assert sorted(u["file"] for u in report.unmatched) == sorted([str(wrong_agent),
                                                                  str(no_call)])
    again = recordings.scan_folder(db, floor["sup"], folder,
                                   "{agent}_{phone}_{time:%Y%m%d-%H%M%S}",
                                   timezone="Asia/Shanghai")
    assert again.already_linked == 1 and not again.matched
    with db.session() as s:
        assert s.scalar(select(Recording.sha256).where(Recording.call_id == floor["calls"][0]))
    with pytest.raises(ValidationError):
        recordings.compile_pattern("{agent}_{nonsense}")
    with pytest.raises(ValidationError):
        recordings.compile_pattern("{agent}_only")


def test_scoring_maths() -> None:
    form = [core_qa.Criterion("a", "A", weight=3, max_score=5),
            core_qa.Criterion("b", "B", weight=1, max_score=5),
            core_qa.Criterion("c", "C", weight=1, max_score=1, critical=True)]
    r = core_qa.score(form, {"a": 5, "b": 0, "c": 1})
    assert r.score_pct == 80 and r.passed and not r.critical_fail
    r = core_qa.score(form, {"a": 5, "b": 5, "c": 0})
    assert r.score_pct == 80 and r.critical_fail and not r.passed and r.failed_items == ["c"]
    with pytest.raises(core_qa.QaFormError):
        core_qa.score(form, {"a": 6, "b": 0, "c": 1})
    with pytest.raises(core_qa.QaFormError):
        core_qa.score(form, {"a": 1})
    spread = core_qa.calibration_spread({"s1": {"a": 5, "b": 2}, "s2": {"a": 3, "b": 2}})
    assert [(x.criterion, x.spread) for x in spread] == [("a", 2), ("b", 0)]
    assert core_qa.sample_calls(list(range(100)), 5, "w:1") == core_qa.sample_calls(
        list(range(100)), 5, "w:1")


def _full(value: int = 5) -> dict[str, int]:
    return {c["key"]: min(value, c["max_score"]) for c in core_qa.DEFAULT_FORM}


def test_evaluation_acknowledge_dispute_and_privacy(db, floor) -> None:  # type: ignore[no-untyped-def]
    a1_call, a2_call = floor["calls"][0], floor["calls"][1]
    with db.session() as s:
        ev = qa.evaluate(s, floor["sup"], a1_call, _full(), coaching_notes="Great empathy")
        ev2 = qa.evaluate(s, floor["sup"], a2_call, _full(3))
        ev_id, ev2_id = ev.id, ev2.id
        assert ev.score_pct == 100
    with db.session() as s:  # agents never see others' evaluations
        assert [e.id for e in qa.evaluations(s, floor["a1"])] == [ev_id]
        with pytest.raises(PermissionDenied):
            qa.evaluations(s, floor["a1"], agent_id=floor["a2"].user_id)
    with pytest.raises(PermissionDenied), db.session() as s:
        qa.respond(s, floor["a1"], ev2_id, agree=True)
    with pytest.raises(ValidationError), db.session() as s:
        qa.respond(s, floor["a2"], ev2_id, agree=False, comment="")
    with db.session() as s:
        qa.respond(s, floor["a1"], ev_id, agree=True)
        qa.respond(s, floor["a2"], ev2_id, agree=False, comment="The customer hung up")
    with pytest.raises(Conflict), db.session() as s:
        qa.respond(s, floor["a1"], ev_id, agree=True)
    with pytest.raises(PermissionDenied), db.session() as s:
        qa.evaluate(s, floor["a1"], a2_call, _full())
    with db.session() as s:
        actions = [e.action for e in s.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    assert {"qa_evaluated", "qa_acknowledged", "qa_disputed"} <= set(actions)


def test_failed_evaluation_sends_the_customer_back_to_the_same_agent(db, floor) -> None:  # type: ignore[no-untyped-def]
    scores = _full()
    scores["courtesy"] = 0  # critical item
    with db.session() as s:
        ev = qa.evaluate(s, floor["sup"], floor["calls"][0], scores)
        assert ev.critical_fail
        task = qa.send_back_as_callback(s, floor["sup"], ev.id)
        assert task.status == "callback" and task.callback_owner_id == floor["a1"].user_id


def test_weekly_sample_is_reproducible_and_includes_flags(db, floor) -> None:  # type: ignore[no-untyped-def]
    week = date(2026, 11, 16)
    with db.session() as s:
        monitoring.flag_call(s, floor["sup"], floor["calls"][5], "listen to the apology")
    with db.session() as s:
        first = qa.review_queue(s, floor["sup"], week, per_agent=2)
        second = qa.review_queue(s, floor["sup"], week, per_agent=2)
    assert [c.call_id for c in first] == [c.call_id for c in second]
    assert floor["calls"][5] in {c.call_id for c in first}
    per_agent = {c.agent_login for c in first}
    assert per_agent == {"a1", "a2"}
    assert len(first) <= 5


def test_calibration_and_report(db, floor) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        sup2 = Actor.of(users.add_user(s, Actor.system(), "sup2", "supervisor", "super-pass-2"))
    with db.session() as s:
        qa.evaluate(s, floor["sup"], floor["calls"][0], _full(5), calibration_session="cal-1")
        qa.evaluate(s, sup2, floor["calls"][0], _full(3), calibration_session="cal-1")
        qa.evaluate(s, floor["sup"], floor["calls"][2], _full(4))
    with db.session() as s:
        spread = {x.criterion: x.spread for x in qa.calibration(s, floor["sup"], "cal-1")}
        rows = {r.login: r for r in qa.report(s, floor["sup"], date(2026, 11, 1),
                                               date(2026, 12, 31))}
    assert spread["apology"] == 2 and spread["courtesy"] == 0
    assert rows["a1"].evaluations == 1 and rows["a1"].calls == 6
    assert rows["a1"].reviewed_share == pytest.approx(1 / 6)
    assert rows["a1"].by_criterion["apology"] == 80.0
    assert rows["a2"].evaluations == 0 and rows["a2"].average is None
