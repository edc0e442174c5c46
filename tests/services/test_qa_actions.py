"""Quality reviews as use cases (own unit of work): who may do what, the audit row each
change leaves, and the result the screen and ``winback qa`` show. Both engines."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.services.use_case_helpers import add_user, audit_actions
from winback_desktop.core.errors import PermissionDenied
from winback_desktop.db.models import Call, CallTask, Campaign, Customer
from winback_desktop.services import qa_actions
from winback_desktop.services.changes import Changes, Topic


@pytest.fixture
def floor(db, admin):  # type: ignore[no-untyped-def]
    a1 = add_user(db, admin, "a1", "agent")
    a2 = add_user(db, admin, "a2", "agent")
    sup = add_user(db, admin, "sup", "supervisor")
    now = datetime.now(UTC)
    with db.session() as s:
        camp = Campaign(name="Q4", status="running")
        cust = Customer(name="李娜", sltv_minor=2_000_000, sltv_tier="B")
        s.add_all([camp, cust])
        s.flush()
        task = CallTask(campaign_id=camp.id, customer_id=cust.id, status="done")
        s.add(task)
        s.flush()
        call = Call(task_id=task.id, customer_id=cust.id, campaign_id=camp.id,
                    agent_id=a1.user_id, phone_e164="+8613900139000", started_at=now,
                    answered_at=now + timedelta(seconds=5), ended_at=now + timedelta(minutes=2),
                    disposition="not_interested", notes="Price too high")
        s.add(call)
        s.flush()
        ids = {"call": call.id, "task": task.id}
    return {"a1": a1, "a2": a2, "sup": sup, **ids}


def _failing_scores(db, sup) -> dict[str, int]:  # type: ignore[no-untyped-def]
    form = qa_actions.score_form(db, sup)
    critical = next(c.key for c in form.criteria if c.critical)
    return {c.key: 0 if c.key == critical else c.max_score for c in form.criteria}


def test_a_reviewer_scores_a_call_and_sends_it_back(db, floor) -> None:  # type: ignore[no-untyped-def]
    a1, sup = floor["a1"], floor["sup"]
    week = date.today() - timedelta(days=date.today().weekday())
    with pytest.raises(PermissionDenied):
        qa_actions.review_queue(db, a1, week)
    with pytest.raises(PermissionDenied):
        qa_actions.score_form(db, a1)
    [sample] = qa_actions.review_queue(db, sup, week)
    assert sample.call_id == floor["call"] and not sample.evaluated
    assert qa_actions.call_details(db, sup, floor["call"]).notes == "Price too high"
    scores = _failing_scores(db, sup)
    with pytest.raises(PermissionDenied):
        qa_actions.evaluate_call(db, floor["a2"], floor["call"], scores)
    assert "qa_evaluated" not in audit_actions(db)

    ev = qa_actions.evaluate_call(db, sup, floor["call"], scores, coaching_notes="Be polite")
    assert ev.critical_fail and ev.may_send_back and ev.changes == Changes.of(Topic.QA)
    assert audit_actions(db)[-1] == "qa_evaluated"
    assert qa_actions.review_queue(db, sup, week)[0].evaluated

    with pytest.raises(PermissionDenied):
        qa_actions.send_back(db, a1, ev.evaluation_id)
    done = qa_actions.send_back(db, sup, ev.evaluation_id)
    assert done.changes == Changes.of(Topic.QA, Topic.QUEUE)
    assert audit_actions(db)[-1] == "qa_callback"
    with db.session() as s:
        task = s.get(CallTask, floor["task"])
        assert task is not None
        assert task.status == "callback" and task.callback_owner_id == a1.user_id


def test_only_the_scored_agent_answers_an_evaluation(db, floor) -> None:  # type: ignore[no-untyped-def]
    a1, a2, sup = floor["a1"], floor["a2"], floor["sup"]
    ev = qa_actions.evaluate_call(db, sup, floor["call"], _failing_scores(db, sup))
    assert [e.id for e in qa_actions.evaluations(db, a1)] == [ev.evaluation_id]
    assert qa_actions.evaluations(db, a2) == []
    with pytest.raises(PermissionDenied):
        qa_actions.respond(db, a2, ev.evaluation_id, agree=True)
    done = qa_actions.respond(db, a1, ev.evaluation_id, agree=False, comment="He shouted")
    assert done.changes == Changes.of(Topic.QA)
    assert audit_actions(db)[-1] == "qa_disputed"
    [mine] = qa_actions.evaluations(db, a1)
    assert mine.status == "disputed" and mine.agent_comment == "He shouted"


def test_a_recording_is_attached_by_a_reviewer_only(db, floor, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    audio = tmp_path / "call.wav"
    audio.write_bytes(b"RIFF----WAVE")
    with pytest.raises(PermissionDenied):
        qa_actions.attach_recording(db, floor["a1"], floor["call"], audio)
    attached = qa_actions.attach_recording(db, floor["sup"], floor["call"], audio)
    assert Path(attached.path).name == "call.wav" and attached.changes == Changes.of(Topic.QA)
    assert audit_actions(db)[-1] == "recording_attached"
    assert qa_actions.call_details(db, floor["sup"], floor["call"]).recording_path


def test_the_qa_report_export_is_audited(db, floor, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sup = floor["sup"]
    qa_actions.evaluate_call(db, sup, floor["call"], _failing_scores(db, sup))
    start, end = date.today().replace(day=1), date.today() + timedelta(days=1)
    with pytest.raises(PermissionDenied):
        qa_actions.qa_report(db, floor["a1"], start, end)
    with pytest.raises(PermissionDenied):
        qa_actions.export_qa_report(db, floor["a1"], start, end, tmp_path / "no.xlsx", {})
    assert not (tmp_path / "no.xlsx").exists()
    rows = qa_actions.export_qa_report(db, sup, start, end, tmp_path / "qa.xlsx",
                                       {"agent": "坐席"})
    a1 = next(r for r in rows if r.login == "a1")
    assert a1.evaluations == 1 and a1.critical_fails == 1 and a1.calls == 1
    assert audit_actions(db)[-1] == "qa_report_exported"
    sheet = load_workbook(tmp_path / "qa.xlsx").active
    assert sheet is not None and "坐席" in [c.value for c in sheet[1]]
