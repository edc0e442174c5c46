"""The answer "still a customer, just quiet" (issue 19) on SQLite and PostgreSQL.

A flagged customer who turns out never to have left: status back to active, counted as
neither a win-back nor a save, their risk flag closed and any long-term plan ended; a
save closes the flag too (under its own name).
"""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select, update

from winback_desktop.db.models import (
    AuditEntry,
    Call,
    CallTask,
    Customer,
    PlanEnrollment,
    RiskFlag,
)
from winback_desktop.services import calls, campaigns, customer_outcomes, importing, plans, risk
from winback_desktop.services.context import Actor

from .test_importing import workbook
from .test_risk_scan import AS_OF, purchases, setup_customers

NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


def flagged_in_save_campaign(db: Any, admin: Actor, tmp_path: Any) -> tuple[dict[str, int],
                                                                            dict[int, int]]:
    """SILENT, UNHAPPY, LATE, DOWN flagged and queued in a running save campaign."""
    ids = setup_customers(db, admin, tmp_path)
    importing.run_import(db, admin, purchases(tmp_path), kind="purchases", scan_after=False)
    with db.session() as s:
        save = campaigns.create_campaign(s, admin, "挽留", kind="save")
        campaigns.start_campaign(s, admin, save.id)
        save_id = save.id
    assert len(risk.scan(db, admin, as_of=AS_OF).flagged) == 4
    with db.session() as s:
        tasks = dict(s.execute(select(CallTask.customer_id, CallTask.id)
                               .where(CallTask.campaign_id == save_id)).all())
    return ids, tasks


def flag_of(db: Any, customer_id: int) -> RiskFlag:
    with db.session() as s:
        flag = s.scalar(select(RiskFlag).where(RiskFlag.customer_id == customer_id)
                        .order_by(RiskFlag.id.desc()).limit(1))
        assert flag is not None
        s.expunge(flag)
        return flag


def test_still_a_customer_is_active_again_closes_the_flag_and_counts_nothing(
        db, admin, tmp_path) -> None:
    ids, tasks = flagged_in_save_campaign(db, admin, tmp_path)
    silent = ids["SILENT"]
    outcome = calls.log_call(db, admin, tasks[silent], "still_customer",
                             notes="buys in the shop now", now=NOW)
    assert outcome.task_status == "done"
    with db.session() as s:
        customer = s.get(Customer, silent)
        assert customer is not None
        assert customer.status == "active"
        # neither a win-back nor a save
        assert customer.won_back_at is None and customer.retained_at is None
        call = s.get(Call, outcome.call_id)
        assert call is not None and call.disposition == "still_customer"
        assert call.sltv_minor is None
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "customer_still_customer",
            AuditEntry.entity_id == str(silent))) == 1
    flag = flag_of(db, silent)
    assert flag.status == "still_customer" and flag.closed_at is not None
    assert silent not in {r.customer_id for r in risk.list_flags(db, admin, today=AS_OF)}
    # the same evidence does not flag them again
    assert silent not in {f.customer_id for f in
                          risk.scan(db, admin, as_of=AS_OF + timedelta(days=3)).flagged}


def test_a_save_closes_the_flag_as_saved(db, admin, tmp_path) -> None:
    ids, tasks = flagged_in_save_campaign(db, admin, tmp_path)
    calls.log_call(db, admin, tasks[ids["UNHAPPY"]], "saved", now=NOW)
    flag = flag_of(db, ids["UNHAPPY"])
    assert flag.status == "saved" and flag.closed_at is not None
    with db.session() as s:
        assert s.get(Customer, ids["UNHAPPY"]).status == "retained"  # type: ignore[union-attr]
    # the others stay listed
    listed = {r.external_id for r in risk.list_flags(db, admin, today=AS_OF)}
    assert listed == {"SILENT", "LATE", "DOWN"}


def test_still_a_customer_ends_the_plan_and_closes_every_other_task(db, admin,
                                                                    tmp_path) -> None:
    path = workbook(tmp_path / "lost.xlsx", [
        ["L1", "搬走的王", "13800000001", "moved away", "lost", 100000, 20000],
    ], ["客户编号", "姓名", "手机", "流失原因", "状态", "年消费额", "毛利"])
    assert importing.run_import(db, admin, path).committed
    with db.session() as s:
        s.execute(update(Customer).values(segment="long_term"))
        cid = s.scalar(select(Customer.id))
        assert cid is not None
        plan_camp = campaigns.create_campaign(s, admin, "长期挽回")
        other = campaigns.create_campaign(s, admin, "另一个活动")
        plans.save_plan(s, admin, name="搬家客户", default_reasons=["*"],
                        campaign_id=plan_camp.id, steps=[
                            plans.StepSpec("call", 0, "Check in", "agent"),
                            plans.StepSpec("letter", 10, "Dear {name}", "supervisor")])
        info = plans.enroll_customer(s, admin, cid, plan="搬家客户", today=AS_OF, now=NOW)
        plan_task = info.runs[0].task_id
        assert plan_task is not None
        s.add(CallTask(campaign_id=other.id, customer_id=cid, sltv_minor=0, status="queued",
                       attempts=0, created_at=NOW, updated_at=NOW))
    calls.log_call(db, admin, plan_task, "still_customer", now=NOW)
    with db.session() as s:
        assert s.get(Customer, cid).status == "active"  # type: ignore[union-attr]
        enrollment = s.scalar(select(PlanEnrollment))
        assert enrollment is not None
        assert (enrollment.status, enrollment.end_reason) == ("ended", "still_customer")
        assert set(s.scalars(select(CallTask.status))) == {"done"}
        assert plans.todos(s, admin, due_by=AS_OF + timedelta(days=30)) == []


def test_a_supervisor_confirms_still_a_customer_without_a_call(db, admin, tmp_path) -> None:
    ids, _tasks = flagged_in_save_campaign(db, admin, tmp_path)
    effects = customer_outcomes.confirm_still_customer(db, admin, ids["DOWN"],
                                                       note="checked the account")
    assert (effects.status_before, effects.status_after) == ("at_risk", "active")
    assert (effects.flags_closed, effects.plans_ended, effects.tasks_closed) == (1, 0, 1)
    assert flag_of(db, ids["DOWN"]).status == "still_customer"


def test_still_customer_is_offered_to_the_command_line() -> None:
    shown = subprocess.run([sys.executable, "-m", "winback_desktop.cli", "call", "log",
                            "--help"], capture_output=True, text=True, timeout=60)
    assert shown.returncode == 0 and "still_customer" in shown.stdout


def test_a_save_after_an_accepted_offer_closes_the_flag_of_the_customer_it_kept(db) -> None:
    """The offer's "yes" keeps the flag open; the call's outcome "saved" closes it."""
    from datetime import date as day

    from winback_desktop.db.models import Campaign
    from winback_desktop.services import offers

    from .offer_fixtures import add_customer, make_team

    team = make_team(db)
    with db.session() as s:
        save = Campaign(name="挽留", kind="save", status="running")
        s.add(save)
        s.flush()
        save_id = save.id
    customer_id, task = add_customer(db, save_id)
    with db.session() as s:
        s.execute(update(Customer).where(Customer.id == customer_id).values(status="at_risk"))
        s.add(RiskFlag(customer_id=customer_id, flagged_at=NOW, as_of=day(2026, 6, 1),
                       signals=[{"code": "complaints", "params": {"count": 2}}],
                       previous_status="active", status="open"))
    req = offers.request_offer(db, team.agent, "FREE-1M", task_id=task)
    if req.status not in ("approved", "auto_approved"):
        offers.decide(db, team.supervisor, req.id, "approve")
    offers.record_outcome(db, team.agent, req.id, accepted=True)
    assert flag_of(db, customer_id).status == "open"
    calls.log_call(db, team.agent, task, "saved")
    flag = flag_of(db, customer_id)
    assert flag.status == "saved" and flag.closed_at is not None
    with db.session() as s:
        assert s.get(Customer, customer_id).status == "retained"  # type: ignore[union-attr]
