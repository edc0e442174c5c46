"""Saves are not win-backs: a save campaign's success is ``saved``, its customer
``retained`` (issue 14), on both engines, in new calls, demo data and old data."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from tests.services.queue_helpers import NOW, agent, campaign, customers
from winback_desktop.db.models import Call, CallTask, Campaign, Customer
from winback_desktop.services import calls, queue


def _save_campaign(db, admin, agents):  # type: ignore[no-untyped-def]
    return campaign(db, admin, agents, name="Save", kind="save",
                    customer_filter={"status": ["at_risk"]})


def test_a_successful_save_call_is_saved_and_the_customer_retained(db, admin) -> None:  # type: ignore[no-untyped-def]
    a = agent(db, admin, "a1")
    (cust,) = customers(db, [{"status": "at_risk"}])
    _save_campaign(db, admin, [a])
    task = queue.claim_next_task(db, a, now=NOW)
    assert task is not None
    out = calls.log_call(db, a, task.task_id, "saved", notes="kept with a loyalty discount",
                         now=NOW)
    assert out.task_status == "done"
    with db.session() as s:
        customer = s.get(Customer, cust)
        assert customer is not None
        assert (customer.status, customer.retained_at, customer.won_back_at) == (
            "retained", NOW, None)
        assert s.scalar(select(Call.disposition)) == "saved"


def test_a_save_is_never_recorded_as_a_win_back_nor_the_other_way(db, admin) -> None:  # type: ignore[no-untyped-def]
    a = agent(db, admin, "a1")
    at_risk, lost = customers(db, [{"status": "at_risk"}, {"status": "lost"}])
    save = _save_campaign(db, admin, [a])
    winback = campaign(db, admin, [a], name="Win-back")
    task = queue.claim_next_task(db, a, save, now=NOW)
    assert task is not None and task.customer_id == at_risk
    with pytest.raises(calls.WrongSuccess, match="saved"):
        calls.log_call(db, a, task.task_id, "won_back", now=NOW)
    other = queue.claim_next_task(db, a, winback, now=NOW)
    assert other is not None and other.customer_id == lost
    with pytest.raises(calls.WrongSuccess, match="won back"):
        calls.log_call(db, a, other.task_id, "saved", now=NOW)
    with db.session() as s:
        assert set(s.scalars(select(Customer.status))) == {"at_risk", "lost"}
        assert s.scalar(select(func.count()).select_from(Call)) == 0


def test_demo_data_records_saves_as_saves(db) -> None:  # type: ignore[no-untyped-def]
    from winback_desktop.services import demo
    from winback_desktop.services.context import Actor

    demo.load_demo(db, Actor.system(), customers=400)
    with db.session() as s:
        kinds = dict(s.execute(select(Campaign.id, Campaign.kind)).all())
        by_kind = {(kinds[cid], disp): n for cid, disp, n in s.execute(
            select(Call.campaign_id, Call.disposition, func.count())
            .group_by(Call.campaign_id, Call.disposition))}
        assert by_kind.get(("save", "won_back"), 0) == 0
        assert by_kind.get(("save", "saved"), 0) > 0
        assert by_kind.get(("win_back", "saved"), 0) == 0
        assert by_kind.get(("win_back", "won_back"), 0) > 0
        statuses = dict(s.execute(select(Customer.status, func.count())
                                  .group_by(Customer.status)).all())
        assert statuses.get("retained", 0) > 0
        # every retained customer was kept by a save call, none is counted as won back
        retained_without_save = s.scalar(
            select(func.count()).select_from(Customer).where(
                Customer.status == "retained",
                ~select(CallTask.id).where(CallTask.customer_id == Customer.id,
                                           CallTask.last_disposition == "saved").exists()))
        assert retained_without_save == 0
