"""Interview scripts and responses against SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from winback_desktop.core import interview as iv
from winback_desktop.core.errors import Conflict, PermissionDenied, ValidationError
from winback_desktop.db.models import (
    AuditEntry,
    Call,
    CallTask,
    Campaign,
    Customer,
    InterviewQuestion,
    InterviewResponse,
    InterviewScript,
    SegmentRule,
)
from winback_desktop.services import interviews as I
from winback_desktop.services import users
from winback_desktop.services.context import Actor

SCRIPT_JSON = """{
  "name": "Short exit",
  "kind": "win_back",
  "questions": [
    {"key": "why", "text": "Why?", "type": "single", "required": true, "choices": [
      {"label": "Service", "value": "service", "weights": {"pushed_unintentional": 3}},
      {"label": "Cheaper elsewhere", "value": "price", "weights": {"bought_away": 3},
       "goto": "who"}]},
    {"key": "trigger", "text": "What triggered it?", "type": "text", "required": true,
     "tag": "trigger", "goto": "back"},
    {"key": "who", "text": "Who?", "type": "text", "tag": "competitor"},
    {"key": "back", "text": "Come back?", "type": "yes_no", "required": true, "choices": [
      {"label": "Yes", "value": "yes"}, {"label": "No", "value": "no"}]}
  ]
}"""


@pytest.fixture
def team(db, admin):  # type: ignore[no-untyped-def]
    """A supervisor, an agent, a win-back campaign with a published script and a
    customer in its queue (tier B, reason unknown)."""
    with db.session() as s:
        sup = Actor.of(users.add_user(s, admin, "sup", "supervisor", "pw-123456"))
        agent = Actor.of(users.add_user(s, admin, "ag", "agent", "pw-123456"))
        row = I.import_script(s, sup, SCRIPT_JSON, publish_now=True)
        campaign = Campaign(name="Q4", kind="win_back", status="running", script_id=row.id)
        save = Campaign(name="Save", kind="save", status="running")
        customer = Customer(name="Li Lei", status="lost", defection_reason="unknown",
                            sltv_minor=3_000_000, sltv_tier="B", segment="quick")
        s.add_all([campaign, save, customer])
        s.flush()
        task = CallTask(campaign_id=campaign.id, customer_id=customer.id, status="claimed",
                        sltv_minor=3_000_000, sltv_tier="B", defection_reason="unknown")
        s.add(task)
        s.flush()
        call = Call(task_id=task.id, customer_id=customer.id, campaign_id=campaign.id,
                    agent_id=agent.user_id)
        s.add(call)
        s.flush()
        return {"sup": sup, "agent": agent, "script_id": row.id, "campaign_id": campaign.id,
                "save_id": save.id, "customer_id": customer.id, "call_id": call.id,
                "task_id": task.id}


def test_a_published_version_cannot_be_changed_by_any_path(db, team) -> None:
    sup = team["sup"]
    with db.session() as s, pytest.raises(iv.ScriptImmutable):
        I.save_draft(s, sup, team["script_id"], I.get_script(s, sup, team["script_id"]))
    # even bypassing the service, the ORM guard refuses the flush
    with pytest.raises(iv.ScriptImmutable), db.session() as s:
        q = s.scalar(select(InterviewQuestion).where(
            InterviewQuestion.script_id == team["script_id"]))
        q.text = "Changed behind the service's back"
    with pytest.raises(iv.ScriptImmutable), db.session() as s:
        s.get(InterviewScript, team["script_id"]).description = "x"
    with db.session() as s:
        assert I.get_script(s, sup, team["script_id"]).questions[0].text == "Why?"


def test_clone_makes_a_new_editable_draft_version(db, team) -> None:
    sup = team["sup"]
    with db.session() as s:
        draft = I.clone(s, sup, team["script_id"])
        assert (draft.version, draft.status, draft.parent_id) == (2, "draft",
                                                                  team["script_id"])
        core = I.get_script(s, sup, draft.id)
        from dataclasses import replace
        edited = replace(core, questions=(replace(core.questions[0], text="Why, really?"),
                                          *core.questions[1:]))
        I.save_draft(s, sup, draft.id, edited)
        draft_id = draft.id
    with db.session() as s:
        assert I.get_script(s, sup, draft_id).questions[0].text == "Why, really?"
        assert I.get_script(s, sup, team["script_id"]).questions[0].text == "Why?"
        I.publish(s, sup, draft_id)
        actions = s.scalars(select(AuditEntry.action).where(
            AuditEntry.entity == "interview_script")).all()
    assert {"script_created", "script_published", "script_cloned",
            "script_edited"} <= set(actions)


def test_publishing_validates_the_draft(db, team) -> None:
    sup = team["sup"]
    with db.session() as s:
        broken = iv.Script(name="Broken", questions=(
            iv.Question("a", "A?", iv.TEXT, goto="b"),
            iv.Question("b", "B?", iv.TEXT, goto="a"),
        ))
        draft_id = I.create_draft(s, sup, broken).id
    with db.session() as s, pytest.raises(iv.ScriptInvalid) as info:
        I.publish(s, sup, draft_id)
    assert "makes a loop" in str(info.value)


def test_agents_cannot_edit_scripts(db, team) -> None:
    with db.session() as s, pytest.raises(PermissionDenied):
        I.clone(s, team["agent"], team["script_id"])


def test_assign_needs_a_published_script_of_the_campaign_kind(db, team) -> None:
    sup = team["sup"]
    with db.session() as s:
        with pytest.raises(ValidationError, match="save campaign"):
            I.assign(s, sup, team["script_id"], team["save_id"])
        draft = I.clone(s, sup, team["script_id"])
        with pytest.raises(ValidationError, match="Publish"):
            I.assign(s, sup, draft.id, team["campaign_id"])
        created = I.ensure_default_scripts(s, sup)
        assert len(created) == 4 and I.ensure_default_scripts(s, sup) == []
        save_script = I.default_script_for(s, "save", "en")
        I.assign(s, sup, save_script.id, team["save_id"])
        assert s.get(Campaign, team["save_id"]).script_id == save_script.id
        with pytest.raises(Conflict):
            I.retire(s, sup, save_script.id)


def test_full_interview_resegments_the_customer_and_open_tasks(db, team) -> None:
    agent = team["agent"]
    with db.session() as s:
        st = I.start_response(s, agent, team["customer_id"], team["call_id"], None)
        assert st.script_id == team["script_id"] and st.current_key == "why"
        st = I.answer(s, agent, st.response_id, "why", "price")
        assert st.current_key == "who"
        st = I.answer(s, agent, st.response_id, "who", "ACME Telecom")
        st = I.answer(s, agent, st.response_id, "back", "no")
        assert st.finished
        prop = I.proposal(s, agent, st.response_id)
        assert prop.proposed_reason == "bought_away" and prop.tier == "B"
        assert prop.proposed_treatment == "quick"  # default grid: bought_away × B
        done = I.complete(s, agent, st.response_id, None)
        assert not done.overridden and done.treatment == "quick"
    with db.session() as s:
        c = s.get(Customer, team["customer_id"])
        assert (c.defection_reason, c.segment, c.competitor) == ("bought_away", "quick",
                                                                 "ACME Telecom")
        assert s.get(CallTask, team["task_id"]).defection_reason == "bought_away"
        r = s.scalar(select(InterviewResponse))
        assert (r.status, r.proposed_reason, r.confirmed_reason) == (
            "completed", "bought_away", "bought_away")
        assert "customer_resegmented" in s.scalars(select(AuditEntry.action)).all()


def test_override_is_recorded_and_the_edited_grid_decides(db, team) -> None:
    agent = team["agent"]
    with db.session() as s:
        # an admin edited the grid: pulled_away × B → long_term
        rule = s.scalar(select(SegmentRule).where(SegmentRule.tier == "B",
                                                  SegmentRule.reason == "pulled_away"))
        if rule is None:  # the PostgreSQL fixture truncates reference data too
            s.add(SegmentRule(tier="B", reason="pulled_away", treatment="long_term"))
        else:
            rule.treatment = "long_term"
        st = I.start_response(s, agent, team["customer_id"], team["call_id"], None)
        st = I.answer(s, agent, st.response_id, "why", "service")
        st = I.answer(s, agent, st.response_id, "trigger", "Invoice sent twice")
        done = I.complete(s, agent, st.response_id, "pulled_away", notes="Really a rival")
        assert done.proposed_reason == "pushed_unintentional"
        assert done.overridden and done.treatment == "long_term"
        assert done.adherence_required == 3 and done.adherence_answered == 2
    with db.session() as s:
        c = s.get(Customer, team["customer_id"])
        assert (c.defection_reason, c.segment, c.trigger) == (
            "pulled_away", "long_term", "Invoice sent twice")
        assert s.scalar(select(InterviewResponse.reason_overridden)) is True


def test_a_dropped_call_resumes_with_its_answers_and_back_works(db, team) -> None:
    agent = team["agent"]
    with db.session() as s:
        st = I.start_response(s, agent, team["customer_id"], team["call_id"], None)
        st = I.answer(s, agent, st.response_id, "why", "service")
        response_id = st.response_id
    # the call drops; nothing else happens: a new call for the customer later
    with db.session() as s:
        new_call = Call(customer_id=team["customer_id"], campaign_id=team["campaign_id"],
                        agent_id=agent.user_id)
        s.add(new_call)
        s.flush()
        assert I.resume_response(s, agent, team["customer_id"]).current_key == "trigger"
        st = I.start_response(s, agent, team["customer_id"], new_call.id, None)
        assert st.resumed and st.response_id == response_id
        assert st.answers == {"why": "service"} and st.call_id == new_call.id
        st = I.back(s, agent, response_id)
        assert st.current_key == "why" and st.answers["why"] == "service"
        st = I.pause(s, agent, response_id, notes="Customer on a train")
        assert st.status == "paused"
    with db.session() as s:
        st = I.resume_response(s, agent, team["customer_id"])
        assert st is not None and st.current_key == "why" and st.notes == "Customer on a train"


def test_a_completed_interview_cannot_be_answered_again(db, team) -> None:
    agent = team["agent"]
    with db.session() as s:
        st = I.start_response(s, agent, team["customer_id"], team["call_id"], None)
        I.complete(s, agent, st.response_id, "moved_away")
        with pytest.raises(Conflict):
            I.answer(s, agent, st.response_id, "why", "service")
        assert I.resume_response(s, agent, team["customer_id"]) is None


def test_invalid_answers_are_refused(db, team) -> None:
    agent = team["agent"]
    with db.session() as s:
        st = I.start_response(s, agent, team["customer_id"], team["call_id"], None)
        with pytest.raises(iv.InvalidAnswer):
            I.answer(s, agent, st.response_id, "why", "aliens")


def test_report_counts_reasons_triggers_competitors_and_adherence(db, team,
                                                                  tmp_path: Path) -> None:
    agent, sup = team["agent"], team["sup"]
    with db.session() as s:
        st = I.start_response(s, agent, team["customer_id"], team["call_id"], None)
        for key, value in (("why", "price"), ("who", "ACME"), ("back", "yes")):
            st = I.answer(s, agent, st.response_id, key, value)
        I.complete(s, agent, st.response_id, None)
        other = Customer(name="Han Meimei", status="lost", sltv_minor=100, sltv_tier="D")
        s.add(other)
        s.flush()
        st = I.start_response(s, agent, other.id, None, team["script_id"])
        I.answer(s, agent, st.response_id, "why", "service")  # left unfinished
    with db.session() as s:
        with pytest.raises(PermissionDenied):
            I.interview_report(s, agent)
        report = I.interview_report(s, sup, team["campaign_id"], date(2000, 1, 1),
                                    date(2100, 1, 1))
        assert report.completed == 1
        assert report.by_campaign == [{"campaign": "Q4", "reason": "bought_away", "count": 1}]
        assert report.by_tier == [{"tier": "B", "reason": "bought_away", "count": 1}]
        assert report.competitors == [{"text": "ACME", "count": 1}]
        everyone = I.interview_report(s, sup)
        (stats,) = everyone.agents
        assert (stats.login, stats.started, stats.completed) == ("ag", 2, 1)
        assert stats.adherence_rate == 1.0
        empty = I.interview_report(s, sup, None, date(2000, 1, 1), date(2000, 1, 2))
        assert empty.completed == 0 and empty.agents == []
        out = I.export_report_xlsx(s, sup, report, tmp_path / "r.xlsx")
    from openpyxl import load_workbook

    wb = load_workbook(out)
    assert "By campaign" in wb.sheetnames and wb["By campaign"]["A2"].value == "Q4"
