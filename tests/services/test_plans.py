"""Long-term win-back plans on SQLite and PostgreSQL: templates, scheduling across
channels, call steps in the queue on their day, ending on a win-back (issue 19)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import select, update

from winback_desktop.core.errors import PermissionDenied, ValidationError
from winback_desktop.db.models import CallTask, Customer, PlanEnrollment, PlanStepRun
from winback_desktop.services import campaigns, importing, plans
from winback_desktop.services.context import Actor

from .test_importing import workbook

TODAY = date(2026, 6, 1)
NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
STEPS = [plans.StepSpec("letter", 0, "Dear {name}, we are sorry.", "supervisor"),
         plans.StepSpec("email", 7, "News for {name}", "supervisor"),
         plans.StepSpec("call", 14, "Check in; propose the offer", "agent"),
         plans.StepSpec("sms", 3, "Reminder", "agent"),
         plans.StepSpec("call", 10, "Follow up", "agent"),
         plans.StepSpec("visit", 5, "Visit with a gift", "supervisor")]


def load(db: Any, admin: Actor, tmp_path: Path) -> dict[str, int]:
    path = workbook(tmp_path / "c.xlsx", [
        ["L1", "搬走的王", "13800000001", "moved away", "lost", 100000, 20000],
        ["L2", "被抢走的李", "13800000002", "competitor", "lost", 20000, 3000],
        ["Q1", "服务差的张", "13800000003", "service", "lost", 900000, 300000],
        ["N1", "不挽回的赵", "13800000004", "我们主动放弃", "lost", 1000, 100],
    ], ["客户编号", "姓名", "手机", "流失原因", "状态", "年消费额", "毛利"])
    assert importing.run_import(db, admin, path).committed
    with db.session() as s:
        s.execute(update(Customer).where(Customer.external_id.in_(["L1", "L2"]))
                  .values(segment="long_term"))
        s.execute(update(Customer).where(Customer.external_id == "N1")
                  .values(segment="do_not_pursue"))
        s.execute(update(Customer).where(Customer.external_id == "Q1").values(segment="quick"))
        return dict(s.execute(select(Customer.external_id, Customer.id)).all())


def runs(db: Any, customer_id: int) -> list[tuple[str, date, str, int | None]]:
    with db.session() as s:
        return [(r.channel, r.due_on, r.status, r.task_id) for r in s.scalars(
            select(PlanStepRun).join(PlanEnrollment).where(
                PlanEnrollment.customer_id == customer_id).order_by(PlanStepRun.position))]


def test_default_plans_are_seeded(db, admin) -> None:
    with db.session() as s:
        found = {p.name: p for p in plans.list_plans(s, admin)}
    default = found["Long-term win-back"]
    assert default.default_reasons == ["*"] and default.active
    assert [(st.channel, st.wait_days) for st in default.steps] == [
        ("letter", 0), ("email", 14), ("call", 21), ("sms", 30), ("call", 30)]
    courtesy = found["Courtesy goodbye"]
    assert courtesy.kind == "courtesy" and not courtesy.active and len(courtesy.steps) == 1


def test_enrolling_schedules_every_channel_and_arms_the_first_call(db, admin,
                                                                   tmp_path) -> None:
    ids = load(db, admin, tmp_path)
    with db.session() as s:
        camp = campaigns.create_campaign(s, admin, "长期挽回")
        plan = plans.save_plan(s, admin, name="搬家客户", steps=STEPS,
                               default_reasons=["moved_away"], campaign_id=camp.id)
        camp_id = camp.id
        info = plans.enroll_customer(s, admin, ids["L1"], today=TODAY, now=NOW)
    assert info.plan_id == plan.id and info.campaign_id == camp_id
    got = runs(db, ids["L1"])
    assert [(c, d, st) for c, d, st, _t in got] == [
        ("letter", TODAY, "pending"), ("email", TODAY + timedelta(7), "pending"),
        ("call", TODAY + timedelta(21), "pending"), ("sms", TODAY + timedelta(24), "pending"),
        ("call", TODAY + timedelta(34), "pending"), ("visit", TODAY + timedelta(39), "pending")]
    first_call_task = got[2][3]
    assert first_call_task is not None and got[4][3] is None
    with db.session() as s:
        task = s.get(CallTask, first_call_task)
        assert task is not None and task.status == "callback"
        assert task.callback_at == datetime(2026, 6, 22, tzinfo=UTC)
        assert task.callback_owner_id is None  # a team call on its day

        # to-dos: the letter today; the e-mail only once it is due
        todo = plans.todos(s, admin, due_by=TODAY)
        assert [(t.channel, t.text) for t in todo] == [("letter", "Dear 搬走的王, we are sorry.")]
        assert [t.channel for t in plans.todos(s, admin, due_by=TODAY + timedelta(8))] == [
            "letter", "email"]
        with pytest.raises(plans.AlreadyEnrolled) as again:
            plans.enroll_customer(s, admin, ids["L1"])
        assert "搬家客户" in str(again.value)

    # the call is made (no answer, then not interested): the next call step is armed
    with db.session() as s:
        s.execute(update(CallTask).where(CallTask.id == first_call_task)
                  .values(status="done", last_disposition="not_interested"))
        result = plans.advance(s, NOW + timedelta(days=22))
    assert (result.steps_done, result.armed) == (1, 1)
    got = runs(db, ids["L1"])
    assert got[2][2] == "done" and got[4][3] == first_call_task  # same task, re-armed
    with db.session() as s:
        task = s.get(CallTask, first_call_task)
        assert task is not None and task.status == "callback" and task.attempts == 0
        assert task.callback_at == datetime(2026, 7, 5, tzinfo=UTC)


def test_win_back_or_still_a_customer_ends_the_plan(db, admin, tmp_path) -> None:
    ids = load(db, admin, tmp_path)
    with db.session() as s:
        camp = campaigns.create_campaign(s, admin, "长期挽回")
        plans.save_plan(s, admin, name="搬家客户", steps=STEPS, default_reasons=["*"],
                        campaign_id=camp.id)
        plans.enroll_customer(s, admin, ids["L1"], plan="搬家客户", today=TODAY, now=NOW)
        plans.enroll_customer(s, admin, ids["L2"], plan="搬家客户", today=TODAY, now=NOW)
    # L1 accepted an offer (any path that sets won_back); L2 turns out to be still buying
    with db.session() as s:
        s.execute(update(Customer).where(Customer.id == ids["L1"]).values(status="won_back"))
        assert plans.end_for_customer(s, admin, ids["L2"], "still_customer") == 1
        plans.advance(s, NOW)
        ended = {e.customer_id: (e.status, e.end_reason)
                 for e in s.scalars(select(PlanEnrollment))}
        assert ended == {ids["L1"]: ("ended", "won_back"), ids["L2"]: ("ended",
                                                                       "still_customer")}
        assert plans.todos(s, admin, due_by=TODAY + timedelta(100)) == []
        open_calls = s.scalars(select(CallTask.status)).all()
        assert open_calls and all(st == "done" for st in open_calls)
    assert {st for _c, _d, st, _t in runs(db, ids["L1"])} == {"cancelled"}


def test_to_dos_are_done_exported_and_complete_the_plan(db, admin, tmp_path) -> None:
    ids = load(db, admin, tmp_path)
    with db.session() as s:
        plans.save_plan(s, admin, name="信件", default_reasons=["*"], steps=[
            plans.StepSpec("letter", 0, "Dear {name}", "supervisor"),
            plans.StepSpec("email", 0, "Hello {name}", "supervisor")])
        plans.enroll_customer(s, admin, ids["L2"], plan="信件", today=TODAY, now=NOW)
        todo = plans.todos(s, admin, due_by=TODAY)
    out = tmp_path / "merge.xlsx"
    assert plans.export_mail_merge(db, admin, out, due_by=TODAY) == 2
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0][:4] == ("Due", "Channel", "Customer ID", "Name")
    assert rows[1][2:4] == ("L2", "被抢走的李") and rows[1][10] == "Dear 被抢走的李"
    plans.complete_step(db, admin, todo[0].run_id, note="posted")
    done = plans.complete_step(db, admin, todo[1].run_id, skipped=True)
    assert done.enrollment_status == "completed"
    with pytest.raises(plans.StepNotPending):
        plans.complete_step(db, admin, todo[1].run_id)


def test_long_term_customers_are_enrolled_not_queued(db, admin, tmp_path) -> None:
    ids = load(db, admin, tmp_path)
    with db.session() as s:
        camp = campaigns.create_campaign(s, admin, "挽回")
        campaigns.start_campaign(s, admin, camp.id)
        queued = dict(s.execute(select(CallTask.customer_id, CallTask.status)
                                .where(CallTask.campaign_id == camp.id)).all())
        enrolled = set(s.scalars(select(PlanEnrollment.customer_id)))
    # long-term customers follow the default plan (its first call armed as a callback
    # three weeks out); the quick one is queued; the one not pursued is closed as such
    assert enrolled == {ids["L1"], ids["L2"]}
    assert queued[ids["Q1"]] == "queued" and queued[ids["N1"]] == "not_pursued"
    assert queued[ids["L1"]] == "callback" and queued[ids["L2"]] == "callback"
    with db.session() as s:
        campaigns.start_campaign(s, admin, camp.id)  # again: nobody enrolled twice
        assert s.scalar(select(PlanEnrollment.id).where(
            PlanEnrollment.customer_id == ids["N1"])) is None
        # the optional courtesy step for those not pursued
        courtesy = next(p for p in plans.list_plans(s, admin) if p.kind == "courtesy")
        plans.save_plan(s, admin, plan_id=courtesy.id, name=courtesy.name, kind="courtesy",
                        steps=courtesy.steps, active=True)
        other = campaigns.create_campaign(s, admin, "挽回二")
        campaigns.start_campaign(s, admin, other.id)
        got = s.scalar(select(PlanEnrollment).where(PlanEnrollment.customer_id == ids["N1"]))
        assert got is not None and got.plan_id == courtesy.id


def test_plan_templates_are_validated_and_only_admins_edit(db, admin) -> None:
    from winback_desktop.core.domain import Role

    with db.session() as s:
        with pytest.raises(ValidationError, match="channel"):
            plans.save_plan(s, admin, name="x", steps=[plans.StepSpec("fax", 0)])
        with pytest.raises(ValidationError, match="exactly one step"):
            plans.save_plan(s, admin, name="x", kind="courtesy", steps=STEPS)
        with pytest.raises(ValidationError, match="at least one step"):
            plans.save_plan(s, admin, name="x", steps=[])
        with pytest.raises(PermissionDenied):
            plans.save_plan(s, Actor(None, "sup", Role.SUPERVISOR), name="x", steps=STEPS)
        with pytest.raises(PermissionDenied):
            plans.enroll_customer(s, Actor(None, "a", Role.AGENT), 1)
