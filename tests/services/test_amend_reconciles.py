"""Amending a call's outcome moves the task and the customer as the new outcome would
have, even when a later call or another campaign's task is involved (issue 14)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

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


def _sup(db) -> Actor:  # type: ignore[no-untyped-def]
    from winback_desktop.db.models import User

    with db.session() as s:
        user = s.scalar(select(User).where(User.login == "sup1"))
        assert user is not None
        return Actor.of(user)


def _flagged_and_planned(db, admin):  # type: ignore[no-untyped-def]
    """An at-risk customer with an open early-warning flag, following a long-term plan
    (its call step armed in another campaign), queued in a save campaign."""
    from winback_desktop.db.models import RiskFlag
    from winback_desktop.services import plans

    a = agent(db, admin, "a1")
    (cust,) = customers(db, [{"status": "at_risk"}])
    plan_campaign = campaign(db, admin, [], "Long-term", start=False)
    with db.session() as s:
        s.add(RiskFlag(customer_id=cust, as_of=NOW.date(), previous_status="active",
                       signals=[{"code": "complaints", "params": {"count": 3}}]))
        plans.save_plan(s, admin, name="Keep them", default_reasons=["*"],
                        campaign_id=plan_campaign,
                        steps=[plans.StepSpec("letter", 0, "Dear {name}", "supervisor"),
                               plans.StepSpec("call", 5, "Check in", "agent")])
        plans.enroll_customer(s, admin, cust, plan="Keep them", today=NOW.date(), now=NOW)
    campaign(db, admin, [a], "Save", kind="save", retry_gap_minutes=60, max_attempts=5)
    return a, cust


def _flag_plan_task(db, cust):  # type: ignore[no-untyped-def]
    from winback_desktop.db.models import PlanEnrollment, PlanStepRun, RiskFlag

    with db.session() as s:
        flag = s.scalar(select(RiskFlag.status).where(RiskFlag.customer_id == cust))
        enrollment = s.scalar(select(PlanEnrollment).where(PlanEnrollment.customer_id == cust))
        assert enrollment is not None
        call_run = s.scalar(select(PlanStepRun).where(
            PlanStepRun.enrollment_id == enrollment.id, PlanStepRun.channel == "call"))
        assert call_run is not None and call_run.task_id is not None
        task = s.get(CallTask, call_run.task_id)
        assert task is not None
        customer = s.get(Customer, cust)
        assert customer is not None
        return (customer.status, flag, enrollment.status, enrollment.end_reason,
                call_run.status, task.status)


def test_amending_a_save_away_reopens_the_flag_and_the_plan_and_back(db, admin) -> None:  # type: ignore[no-untyped-def]
    a, cust = _flagged_and_planned(db, admin)
    assert _flag_plan_task(db, cust) == ("at_risk", "open", "active", None, "pending",
                                         "callback")
    task = queue.claim_next_task(db, a, now=NOW)
    assert task is not None
    call_id = calls.start_call(db, a, task.task_id, now=NOW)
    calls.answer_call(db, a, call_id, now=NOW + timedelta(seconds=5))
    calls.finish_call(db, a, call_id, "saved", now=NOW + timedelta(minutes=3))
    # the save closed the flag and ended the plan (its armed call is no longer needed)
    assert _flag_plan_task(db, cust) == ("retained", "saved", "ended", "saved",
                                         "cancelled", "done")
    # the agent pressed the wrong key: not saved after all
    calls.amend_outcome(db, a, call_id, "not_interested", "wrong key",
                        now=NOW + timedelta(minutes=5))
    assert _flag_plan_task(db, cust) == ("at_risk", "open", "active", None, "pending",
                                         "callback")
    # ...and a supervisor who heard the recording puts the save back: closed again
    calls.amend_outcome(db, _supervisor(db, admin), call_id, "saved", "customer agreed",
                        now=NOW + timedelta(hours=2))
    assert _flag_plan_task(db, cust) == ("retained", "saved", "ended", "saved",
                                         "cancelled", "done")
    calls.amend_outcome(db, _sup(db), call_id, "not_interested", "second thoughts",
                        now=NOW + timedelta(hours=3))
    assert _flag_plan_task(db, cust) == ("at_risk", "open", "active", None, "pending",
                                         "callback")


def test_a_save_amended_in_on_an_earlier_call_closes_the_flag_and_the_plan(db, admin) -> None:  # type: ignore[no-untyped-def]
    a, cust = _flagged_and_planned(db, admin)
    task = queue.claim_next_task(db, a, now=NOW)
    assert task is not None
    first = calls.start_call(db, a, task.task_id, now=NOW)
    calls.answer_call(db, a, first, now=NOW + timedelta(seconds=5))
    calls.finish_call(db, a, first, "callback", callback_at=NOW + timedelta(days=1),
                      now=NOW + timedelta(minutes=3))
    calls.log_call(db, a, task.task_id, "no_answer", now=NOW + timedelta(days=1))
    # a later call decides the task: only the customer follows the corrected outcome
    calls.amend_outcome(db, _supervisor(db, admin), first, "saved",
                        "customer agreed on the first call",
                        now=NOW + timedelta(days=2))
    assert _flag_plan_task(db, cust) == ("retained", "saved", "ended", "saved",
                                         "cancelled", "done")
