"""Campaigns, the segmentation grid and SLTV services on both engines."""

from __future__ import annotations

from datetime import time

import pytest
from sqlalchemy import func, select

from tests.services.queue_helpers import NOW, agent, campaign, customers
from winback_desktop.core import segmentation
from winback_desktop.core.errors import PermissionDenied, ValidationError
from winback_desktop.db.models import AuditEntry, CallTask, Customer
from winback_desktop.services import campaigns, queue, segmentation_service, sltv_service


def _audit_actions(db) -> list[str]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


# ------------------------------------------------------------------ SLTV


def test_explain_matches_hand_computed_value(db, admin) -> None:
    a = agent(db, admin, "a1")
    (cust,) = customers(db, [{"annual_margin_minor": 1_000_000,
                              "annual_revenue_minor": 9_000_000,
                              "sltv_imported_minor": 4_200_000}])
    cid = campaign(db, admin, [a], sltv_params={"retention_rate": 0.5, "discount_rate": 0.0,
                                                "horizon_years": 3, "contact_cost_minor": 1000})
    with db.session() as s:
        e = sltv_service.explain_customer(s, admin, cust, cid)
        d = sltv_service.explain_customer(s, admin, cust)
    # margin 10,000.00 × (1 + 0.5 + 0.25) = 17,500.00, minus 10.00 contact cost
    assert [y.value_minor for y in e.years] == [1_000_000, 500_000, 250_000]
    assert e.sltv_minor == 1_750_000 - 1000
    assert e.imported_sltv_minor == 4_200_000
    assert "margin" not in e.defaulted and "retention_rate" not in e.defaulted
    assert "margin_rate" in e.defaulted
    # default model: 10,000 × Σ 0.7^(t-1)/1.1^t (t=1..5) = 10,000 × 2.7301… − 20.00
    assert d.sltv_minor == round(1_000_000 * sum(0.7 ** (t - 1) / 1.1 ** t
                                                 for t in range(1, 6))) - 2000


def test_explain_marks_revenue_fallback_as_defaulted(db, admin) -> None:
    (cust,) = customers(db, [{"annual_revenue_minor": 4_000_000}])
    with db.session() as s:
        e = sltv_service.explain_customer(s, admin, cust)
    assert e.margin_minor == 1_000_000 and e.margin_source == "revenue_x_rate"
    assert "margin" in e.defaulted


def test_recompute_updates_customers_tasks_tiers_and_segments(db, admin) -> None:
    a = agent(db, admin, "a1")
    big, small, imported, neg = customers(db, [
        {"annual_margin_minor": 3_000_000, "defection_reason": "pulled_away"},
        {"annual_margin_minor": 100_000, "defection_reason": "pulled_away"},
        {"annual_margin_minor": 100, "sltv_imported_minor": 9_999_999},
        {"annual_margin_minor": None, "annual_revenue_minor": None},
    ])
    cid = campaign(db, admin, [a])
    changed = sltv_service.recompute(db, admin)
    assert changed == 4  # the four customers: starting the campaign valued its tasks
    with db.session() as s:
        rows = {c.id: (c.sltv_minor, c.sltv_tier, c.segment)
                for c in s.scalars(select(Customer))}
        tasks = {t.customer_id: (t.sltv_minor, t.sltv_tier, t.segment)
                 for t in s.scalars(select(CallTask))}
    factor = sum(0.7 ** (t - 1) / 1.1 ** t for t in range(1, 6))
    assert rows[big] == (round(3_000_000 * factor) - 2000, "A", "quick")
    assert rows[small] == (round(100_000 * factor) - 2000, "D", "long_term")
    assert rows[imported] == (9_999_999, "A", "quick")  # the import overrides the model
    # no spend data: the value is unknown (not −cost), the customer counts as tier D
    assert rows[neg] == (None, "D", "quick")
    assert tasks == rows | {neg: (0, "D", "quick")}  # the queue orders unknowns as 0
    assert sltv_service.recompute(db, admin) == 0  # nothing changed: nothing written
    # a campaign's own parameters re-rank only its tasks
    with db.session() as s:
        campaigns.update_campaign(s, admin, cid, sltv_params={"horizon_years": 1})
    # the update re-ranked the campaign's tasks itself: nothing left to recompute
    assert sltv_service.recompute(db, admin, campaign_id=cid) == 0
    with db.session() as s:
        task_big = s.scalar(select(CallTask.sltv_minor).where(CallTask.customer_id == big))
        cust_big = s.scalar(select(Customer.sltv_minor).where(Customer.id == big))
    assert task_big == round(3_000_000 / 1.1) - 2000 and cust_big == rows[big][0]
    assert "sltv_recomputed" in _audit_actions(db)


def test_recompute_refused_to_agents(db, admin) -> None:
    a = agent(db, admin, "a1")
    with pytest.raises(PermissionDenied):
        sltv_service.recompute(db, a)


# ------------------------------------------------------------------ grid


def test_grid_defaults_edit_and_counts(db, admin) -> None:
    customers(db, [{"sltv_minor": 6_000_000, "sltv_tier": "A",
                    "defection_reason": "pulled_away", "segment": "quick"},
                   {"sltv_minor": 5_000_000, "sltv_tier": "A",
                    "defection_reason": "pulled_away", "segment": "quick"},
                   {"sltv_minor": 0, "sltv_tier": "D", "defection_reason": "bought_away",
                    "segment": "do_not_pursue"}])
    with db.session() as s:
        assert segmentation_service.get_grid(s) == segmentation.default_grid()
        assert segmentation_service.get_thresholds(s) == {
            "A": 5_000_000, "B": 2_000_000, "C": 500_000, "D": 0}
        assert segmentation_service.cell_counts(s) == {("A", "pulled_away"): 2,
                                                       ("D", "bought_away"): 1}
        moved = segmentation_service.set_cell(s, admin, "A", "pulled_away", "long_term")
        assert moved.customers == 2
    with db.session() as s:
        assert segmentation_service.get_grid(s)[("A", "pulled_away")] == "long_term"
        assert set(s.scalars(select(Customer.segment).where(Customer.sltv_tier == "A"))) == {
            "long_term"}
    assert "segment_cell_changed" in _audit_actions(db)


def test_thresholds_retier_customers_and_tasks(db, admin) -> None:
    a = agent(db, admin, "a1")
    (cust,) = customers(db, [{"sltv_minor": 3_000_000, "sltv_tier": "B",
                              "defection_reason": "bought_away", "segment": "quick"}])
    campaign(db, admin, [a])
    with db.session() as s:
        segmentation_service.set_thresholds(s, admin, {"B": 4_000_000, "C": 1_000_000})
    with db.session() as s:
        c = s.get(Customer, cust)
        assert c is not None and (c.sltv_tier, c.segment) == ("C", "do_not_pursue")
        task = s.scalar(select(CallTask).where(CallTask.customer_id == cust))
        assert task is not None and (task.sltv_tier, task.segment) == ("C", "do_not_pursue")
    # the change reaches the queue: the customer is no longer pursued
    assert queue.claim_next_task(db, a, now=NOW) is None
    with db.session() as s, pytest.raises(ValidationError):
        segmentation_service.set_thresholds(s, admin, {"B": 6_000_000})  # above A
    assert "sltv_thresholds_changed" in _audit_actions(db)


def test_grid_edits_need_permission(db, admin) -> None:
    a = agent(db, admin, "a1")
    with db.session() as s:
        with pytest.raises(PermissionDenied):
            segmentation_service.set_cell(s, a, "A", "unknown", "quick")
        with pytest.raises(PermissionDenied):
            segmentation_service.set_thresholds(s, a, {"A": 1})
        with pytest.raises(ValidationError):
            segmentation_service.set_cell(s, admin, "A", "unknown", "someday")


# ------------------------------------------------------------------ campaigns


def test_start_is_idempotent_and_filters_customers(db, admin) -> None:
    a = agent(db, admin, "a1")
    ids = customers(db, [{"sltv_tier": "A"}, {"sltv_tier": "B"}, {"sltv_tier": "A",
                                                                  "status": "won_back"},
                         {"sltv_tier": "A", "status": "at_risk"}])
    with db.session() as s:
        c = campaigns.create_campaign(s, admin, "A only", customer_filter={"tier": ["A"]},
                                      agent_ids=[a.user_id])
        assert campaigns.start_campaign(s, admin, c.id, now=NOW) == 1
        assert campaigns.start_campaign(s, admin, c.id, now=NOW) == 0
        queued = list(s.scalars(select(CallTask.customer_id)))
        save = campaigns.create_campaign(s, admin, "Save", "save", agent_ids=[a.user_id])
        assert campaigns.start_campaign(s, admin, save.id, now=NOW) == 1
    assert queued == [ids[0]]
    with db.session() as s:
        infos = {i.name: i for i in campaigns.list_campaigns(s, admin)}
        assert infos["A only"].task_counts == {"queued": 1} and infos["A only"].status == "running"
        assert infos["Save"].customer_filter == {"status": ["at_risk"]}
        assert [i.name for i in campaigns.list_campaigns(s, a)] == ["A only", "Save"]
    assert _audit_actions(db).count("campaign_started") == 3


def test_preview_counts_each_rule_once(db, admin) -> None:
    a = agent(db, admin, "a1")
    customers(db, [{}, {}, {"do_not_call": True}, {"timezone": "America/New_York"},
                   {"segment": "do_not_pursue"}, {"segment": "do_not_pursue",
                                                  "do_not_call": True}, {}])
    cid = campaign(db, admin, [a], max_attempts=2)
    with db.session() as s:
        s.execute(CallTask.__table__.update().where(CallTask.customer_id == s.scalar(
            select(func.max(Customer.id)))).values(attempts=2))
        p = campaigns.preview(s, admin, cid, now=NOW)
    assert p.as_dict() == {"matching": 7, "do_not_call": 2, "outside_window": 1,
                           "attempts_exhausted": 1, "do_not_pursue": 1, "eligible": 2,
                           "already_queued": 7}


def test_campaign_validation_permissions_and_audit(db, admin) -> None:
    a = agent(db, admin, "a1")
    b = agent(db, admin, "b1")
    with db.session() as s:
        with pytest.raises(PermissionDenied):
            campaigns.create_campaign(s, a, "mine")
        with pytest.raises(ValidationError):
            campaigns.create_campaign(s, admin, "bad", "upsell")
        with pytest.raises(ValidationError):
            campaigns.create_campaign(s, admin, "bad", sltv_params={"retention_rate": 2})
        with pytest.raises(ValidationError):
            campaigns.create_campaign(s, admin, "bad", customer_filter={"colour": ["red"]})
        c = campaigns.create_campaign(s, admin, "ok", window_start=time(8, 30),
                                      agent_ids=[a.user_id])
        with pytest.raises(campaigns.CampaignNameTaken):
            campaigns.create_campaign(s, admin, "ok")
        assert campaigns.assign_agents(s, admin, c.id, [b.user_id, a.user_id]) == sorted(
            [a.user_id, b.user_id])
        campaigns.update_campaign(s, admin, c.id, max_attempts=3, window_end=time(18, 0))
        with pytest.raises(PermissionDenied):
            campaigns.pause_campaign(s, a, c.id)
    actions = _audit_actions(db)
    assert {"campaign_created", "campaign_agents_assigned", "campaign_updated"} <= set(actions)
    with db.session() as s:
        upd = s.scalar(select(AuditEntry).where(AuditEntry.action == "campaign_updated"))
        assert upd is not None and upd.after == {"max_attempts": 3, "window_end": "18:00:00"}
