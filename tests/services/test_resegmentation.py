"""One re-segmentation path: whatever moves a customer's segment, their queue follows
(issue 14). Each test starts from a customer with open tasks in two campaigns — one
claimed, one a due team callback — and checks that a move to ``do_not_pursue`` closes
what can be closed and that nobody is handed the customer again."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import openpyxl
from sqlalchemy import select, update

from tests.services.queue_helpers import NOW, agent, campaign, customers
from winback_desktop.db.models import AuditEntry, Call, CallTask, Customer
from winback_desktop.services import (
    calls,
    campaigns,
    importing,
    interviews,
    queue,
    segmentation_service,
    sltv_service,
    users,
)
from winback_desktop.services.context import Actor

SCRIPT = """{"name": "Exit", "kind": "win_back", "questions": [
  {"key": "why", "text": "Why?", "type": "single", "required": true, "choices": [
    {"label": "Service", "value": "service", "weights": {"pushed_unintentional": 3}},
    {"label": "Price", "value": "price", "weights": {"bought_away": 3}}]}]}"""


def _setup(db: Any, admin: Actor, **customer: Any) -> dict[str, Any]:
    """Customer X (tier B, reason unknown, quick) queued in Q4 and in Spring; a1 holds
    X's Q4 task on a live call; X's Spring task is a due team callback."""
    a1, a2 = agent(db, admin, "a1"), agent(db, admin, "a2")
    (cid,) = customers(db, [{"external_id": "X1", "annual_margin_minor": 1_200_000,
                             "sltv_minor": 3_000_000, "sltv_tier": "B", **customer}])
    with db.session() as s:
        sup = Actor.of(users.add_user(s, admin, "sup", "supervisor", "pw-123456"))
        script = interviews.import_script(s, sup, SCRIPT, publish_now=True)
    q4 = campaign(db, admin, [a1], "Q4")
    with db.session() as s:
        campaigns.update_campaign(s, admin, q4, script_id=script.id)
    spring = campaign(db, admin, [a2], "Spring")
    with db.session() as s:
        s.execute(update(CallTask).where(CallTask.campaign_id == spring).values(
            status="callback", callback_at=NOW - timedelta(minutes=5), callback_owner_id=None))
    task = queue.claim_next_task(db, a1, q4, now=NOW)
    assert task is not None and task.customer_id == cid
    call_id = calls.start_call(db, a1, task.task_id, now=NOW)
    calls.mark_answered(db, a1, call_id, now=NOW)
    return {"a1": a1, "a2": a2, "customer": cid, "q4": q4, "spring": spring,
            "task": task.task_id, "call": call_id}


def _tasks(db: Any, customer_id: int) -> dict[int, tuple[str, str | None, str]]:
    with db.session() as s:
        return {t.campaign_id: (t.status, t.segment, t.defection_reason) for t in s.scalars(
            select(CallTask).where(CallTask.customer_id == customer_id))}


def test_exit_interview_not_pursued_closes_the_customers_other_tasks(db, admin) -> None:
    x = _setup(db, admin)
    with db.session() as s:
        st = interviews.start_response(s, x["a1"], x["customer"], x["call"], None)
        interviews.answer(s, x["a1"], st.response_id, "why", "service")
        done = interviews.complete(s, x["a1"], st.response_id, "pushed_intentional")
    assert done.treatment == "do_not_pursue"
    tasks = _tasks(db, x["customer"])
    # the call in progress keeps its task; the callback elsewhere is closed
    assert tasks[x["q4"]] == ("claimed", "do_not_pursue", "pushed_intentional")
    assert tasks[x["spring"]] == ("not_pursued", "do_not_pursue", "pushed_intentional")
    assert queue.claim_next_task(db, x["a2"], now=NOW + timedelta(minutes=1)) is None
    with db.session() as s:
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "customer_resegmented"))
        assert entry is not None and entry.after["tasks_closed"] == 1


def test_lapsed_lease_of_a_customer_not_pursued_closes_the_task(db, admin) -> None:
    """A crash mid-call: the lease lapses, the task must not go back to the queue."""
    x = _setup(db, admin)
    with db.session() as s:
        st = interviews.start_response(s, x["a1"], x["customer"], x["call"], None)
        interviews.answer(s, x["a1"], st.response_id, "why", "service")
        interviews.complete(s, x["a1"], st.response_id, "pushed_intentional")
    queue.expire_leases(db, now=NOW + timedelta(hours=2))
    assert _tasks(db, x["customer"])[x["q4"]][0] == "not_pursued"


def _import(db: Any, admin: Actor, tmp_path: Path, rows: list[list[Any]]) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["客户编号", "姓名", "流失原因", "毛利"])
    for row in rows:
        ws.append(row)
    path = tmp_path / "update.xlsx"
    wb.save(path)
    result = importing.run_import(db, admin, path)
    assert result.committed and result.updated == len(rows)


def test_import_update_to_not_pursued_closes_open_tasks(db, admin, tmp_path: Path) -> None:
    x = _setup(db, admin)
    _import(db, admin, tmp_path, [["X1", "Customer 0", "我方终止合作 (不盈利)", 1_200_000 / 100]])
    tasks = _tasks(db, x["customer"])
    assert tasks[x["spring"]] == ("not_pursued", "do_not_pursue", "pushed_intentional")
    assert tasks[x["q4"]][1:] == ("do_not_pursue", "pushed_intentional")
    assert queue.claim_next_task(db, x["a2"], now=NOW + timedelta(minutes=1)) is None


def test_import_update_revalues_the_tasks_too(db, admin, tmp_path: Path) -> None:
    """A new margin changes the SLTV the queue ranks by, in every campaign."""
    x = _setup(db, admin, defection_reason="pulled_away")
    _import(db, admin, tmp_path, [["X1", "Customer 0", "竞争对手", -5_000]])
    with db.session() as s:
        c = s.get(Customer, x["customer"])
        spring = s.scalar(select(CallTask).where(CallTask.campaign_id == x["spring"]))
        assert c is not None and spring is not None
        assert (c.sltv_tier, c.segment) == ("negative", "do_not_pursue")
        assert (spring.sltv_minor, spring.status) == (c.sltv_minor, "not_pursued")


def test_grid_edit_closes_and_reopens(db, admin) -> None:
    x = _setup(db, admin, defection_reason="pulled_away")
    with db.session() as s:
        moved = segmentation_service.set_cell(s, admin, "B", "pulled_away", "do_not_pursue")
    assert (moved.customers, moved.tasks_closed) == (1, 1)
    assert _tasks(db, x["customer"])[x["spring"]][:2] == ("not_pursued", "do_not_pursue")
    with db.session() as s:
        back = segmentation_service.set_cell(s, admin, "B", "pulled_away", "quick")
    assert back.tasks_reopened == 1
    # the agreed callback is a callback again, and it is handed out
    assert _tasks(db, x["customer"])[x["spring"]][:2] == ("callback", "quick")
    again = queue.claim_next_task(db, x["a2"], now=NOW + timedelta(minutes=1))
    assert again is not None and again.customer_id == x["customer"] and again.is_callback


def test_recompute_to_negative_closes_open_tasks(db, admin) -> None:
    x = _setup(db, admin, defection_reason="pulled_away")
    with db.session() as s:
        s.execute(update(Customer).values(annual_margin_minor=-100))
    sltv_service.recompute(db, admin)
    assert _tasks(db, x["customer"])[x["spring"]][:2] == ("not_pursued", "do_not_pursue")


def test_call_logged_on_a_task_not_pursued_is_refused(db, admin) -> None:
    x = _setup(db, admin, defection_reason="pulled_away")
    with db.session() as s:
        segmentation_service.set_cell(s, admin, "B", "pulled_away", "do_not_pursue")
        spring = s.scalar(select(CallTask.id).where(CallTask.campaign_id == x["spring"]))
    import pytest

    with pytest.raises(calls.TaskClosed):
        calls.log_call(db, x["a2"], int(spring or 0), "no_answer", now=NOW)
    with db.session() as s:
        assert s.scalar(select(Call.id).where(Call.task_id == spring)) is None
