"""Offers and approvals on both engines: authority, self-approval, escalation, races,
expiry, audit and outcome bookkeeping (issue 7)."""

from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from tests.services.offer_fixtures import add_customer, make_team, template_id
from winback_desktop.core.errors import Conflict, PermissionDenied, ValidationError, WinbackError
from winback_desktop.db.models import AuditEntry, CallTask, Customer, OfferRequest
from winback_desktop.db.types import utcnow
from winback_desktop.services import calls, offers

# Customer of tier A: revenue ¥48,000/yr, SLTV ¥80,000. Agent A limit ¥500 (50,000 fen),
# supervisor A limit ¥5,000. DISC10-3M costs ¥1,200, FREE-1M ¥4,000, CREDIT500 ¥500.


def _audit(db, request_id: int) -> list[str]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return list(s.scalars(select(AuditEntry.action).where(
            AuditEntry.entity == "offer_request", AuditEntry.entity_id == str(request_id))
            .order_by(AuditEntry.id)))


def test_choices_ranked_and_marked_by_authority(db) -> None:  # type: ignore[no-untyped-def]
    team = make_team(db)
    customer_id, _task = add_customer(db, team.campaign_id)
    with db.session() as s:
        choices = offers.eligible_offers(s, team.agent, customer_id, team.campaign_id)
    assert [c.code for c in choices] == ["FREE-1M", "DISC10-3M", "CREDIT500"]
    returns = [c.expected_return_minor for c in choices]
    assert returns == sorted(returns, reverse=True)
    free = choices[0]
    assert free.cost_minor == 400_000 and free.sltv_recovered_minor == 4_000_000
    assert [c.within_authority for c in choices] == [False, False, True]
    assert free.approver_role == "supervisor"


def test_authority_limits_and_per_agent_override(db) -> None:  # type: ignore[no-untyped-def]
    team = make_team(db)
    c1, t1 = add_customer(db, team.campaign_id)
    c2, t2 = add_customer(db, team.campaign_id, name="Mr Brown")
    credit = offers.request_offer(db, team.agent, "CREDIT500", task_id=t1)
    assert credit.status == "auto_approved" and credit.cost_minor == 50_000
    assert credit.expires_at is None and credit.presentable
    offers.record_outcome(db, team.agent, credit.id, accepted=False, decline_reason="not now")

    disc = offers.request_offer(db, team.agent, "DISC10-3M", task_id=t1, note="loyal 6 years")
    assert disc.status == "pending" and disc.cost_minor == 120_000
    assert disc.expires_at is not None and disc.agent_note == "loyal 6 years"

    with db.session() as s:  # the admin raises Wang Wei's own limit to ¥1,500
        offers.set_authority_override(s, team.admin, team.agent.user_id, 150_000)
    with pytest.raises(PermissionDenied), db.session() as s:
        offers.set_authority_override(s, team.supervisor, team.agent.user_id, 1)
    other = offers.request_offer(db, team.agent2, "DISC10-3M", task_id=t2)
    assert other.status == "pending"  # Li Na has no override
    offers.decide(db, team.supervisor, other.id, "reject", "no")
    mine = offers.request_offer(db, team.agent, "DISC10-3M", task_id=t2)
    assert mine.status == "auto_approved"

    # the matrix itself: admin only, audited
    with db.session() as s:
        offers.set_authority_limit(s, team.admin, "agent", "A", 200_000)
        assert offers.get_authority_matrix(s, team.supervisor)[("agent", "A")] == 200_000
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "authority_limit_changed"))
        assert entry is not None and entry.after == {"max_cost_minor": 200_000}
    with pytest.raises(PermissionDenied), db.session() as s:
        offers.set_authority_limit(s, team.supervisor, "agent", "A", 1)
    del c1, c2


def test_nobody_decides_their_own_request(db) -> None:  # type: ignore[no-untyped-def]
    team = make_team(db)
    _c, task = add_customer(db, team.campaign_id)
    with db.session() as s:
        offers.set_authority_override(s, team.admin, team.supervisor.user_id, 0)
    own = offers.request_offer(db, team.supervisor, "DISC10-3M", task_id=task)
    assert own.status == "escalated" and own.escalated_to == "admin"
    for decision in ("approve", "reject", "counter"):
        with pytest.raises(PermissionDenied) as err:
            offers.decide(db, team.supervisor, own.id, decision,
                          counter_offer={"cost_minor": 1})
        assert "own" in str(err.value)
    with pytest.raises(PermissionDenied):  # agents cannot decide anything
        offers.decide(db, team.agent, own.id, "approve")
    with db.session() as s:
        assert s.get(OfferRequest, own.id).status == "escalated"  # type: ignore[union-attr]
        inbox = offers.pending_for(s, team.supervisor)
        assert own.id not in [i.id for i in inbox.items]  # not even shown to them
    approved = offers.decide(db, team.admin, own.id, "approve", "ok")
    assert approved.status == "approved" and approved.decided_by_login == "boss"


def test_supervisor_above_own_limit_escalates_to_admin(db) -> None:  # type: ignore[no-untyped-def]
    team = make_team(db)
    _c, task = add_customer(db, team.campaign_id)
    with db.session() as s:  # Zhou Jing may approve at most ¥1,000
        offers.set_authority_override(s, team.admin, team.supervisor.user_id, 100_000)
    req = offers.request_offer(db, team.agent, "DISC10-3M", task_id=task)
    assert req.status == "pending"
    with db.session() as s:
        assert offers.pending_count(s, team.supervisor) == 1
        assert offers.pending_count(s, team.admin) == 1
    up = offers.decide(db, team.supervisor, req.id, "approve", "fine by me")
    assert up.status == "escalated" and up.escalated_to == "admin" and up.decided_by_login is None
    with db.session() as s:
        assert offers.pending_count(s, team.supervisor) == 0
        assert offers.pending_count(s, team.admin) == 1
    with pytest.raises(PermissionDenied):
        offers.decide(db, team.supervisor, req.id, "approve")
    # a counter within the supervisor's authority is still possible: they know the customer
    with pytest.raises(PermissionDenied):
        offers.decide(db, team.supervisor, req.id, "counter",
                      counter_offer={"cost_minor": 200_000})
    done = offers.decide(db, team.admin, req.id, "approve", "worth it")
    assert done.status == "approved" and done.decided_by_login == "boss"
    assert _audit(db, req.id) == ["offer_requested", "offer_escalated", "offer_approved"]

    # an agent's request above every supervisor goes straight to an admin
    _c2, task2 = add_customer(db, team.campaign_id, tier="C", sltv_minor=900_000)
    big = offers.request_offer(db, team.agent, "DISC10-3M", task_id=task2)
    assert big.status == "escalated"  # ¥1,200 > supervisor's C limit ¥800


@pytest.mark.timeout(60)
def test_two_supervisors_at_once_exactly_one_decision(db) -> None:  # type: ignore[no-untyped-def]
    team = make_team(db)
    for round_ in range(3):
        _c, task = add_customer(db, team.campaign_id, name=f"c{round_}")
        req = offers.request_offer(db, team.agent, "FREE-1M", task_id=task)
        barrier = threading.Barrier(2)
        results: dict[str, object] = {}

        def act(who: str, decision: str, req_id: int = req.id,
                barrier: threading.Barrier = barrier, results: dict = results) -> None:
            actor = team.supervisor if who == "sup1" else team.supervisor2
            barrier.wait()
            try:
                results[who] = offers.decide(db, actor, req_id, decision, f"{who} says")
            except WinbackError as exc:
                results[who] = exc

        threads = [threading.Thread(target=act, args=("sup1", "approve")),
                   threading.Thread(target=act, args=("sup2", "reject"))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        won = [w for w, r in results.items() if isinstance(r, offers.OfferRequestInfo)]
        lost = [w for w, r in results.items() if isinstance(r, Conflict)]
        assert len(won) == 1 and len(lost) == 1, results
        winner_name = "Zhou Jing" if won[0] == "sup1" else "Sarah Walker"
        message = str(results[lost[0]])
        assert winner_name in message and f"request {req.id}" in message
        with db.session() as s:
            row = s.get(OfferRequest, req.id)
            assert row is not None
            assert row.status == ("approved" if won[0] == "sup1" else "rejected")
            assert row.decision_note == f"{won[0]} says"
        decisions = [a for a in _audit(db, req.id) if a != "offer_requested"]
        assert len(decisions) == 1


def test_late_decision_names_who_decided(db) -> None:  # type: ignore[no-untyped-def]
    team = make_team(db)
    _c, task = add_customer(db, team.campaign_id)
    req = offers.request_offer(db, team.agent, "FREE-1M", task_id=task)
    offers.decide(db, team.supervisor2, req.id, "counter", "one free month is too much",
                  counter_offer={"code": "DISC10-3M", "text": "10% for 3 months instead"})
    with pytest.raises(Conflict) as err:
        offers.decide(db, team.supervisor, req.id, "approve")
    assert "Sarah Walker already made a counter-offer" in str(err.value)
    with db.session() as s:
        mine = offers.my_requests(s, team.agent, utcnow() - timedelta(minutes=5))
    assert mine[0].status == "countered"
    assert mine[0].counter_offer["code"] == "DISC10-3M"  # type: ignore[index]
    assert mine[0].final_cost_minor == 120_000
    assert mine[0].decision_note == "one free month is too much"


def test_expiry(db) -> None:  # type: ignore[no-untyped-def]
    team = make_team(db)
    _c1, t1 = add_customer(db, team.campaign_id)
    _c2, t2 = add_customer(db, team.campaign_id, name="late")
    now = utcnow()
    old = offers.request_offer(db, team.agent, "FREE-1M", task_id=t1, now=now)
    assert old.expires_at == now + timedelta(minutes=offers.DEFAULT_EXPIRY_MINUTES)
    later = now + timedelta(minutes=offers.DEFAULT_EXPIRY_MINUTES, seconds=1)
    assert offers.expire_stale(db, later) == 1
    assert offers.expire_stale(db, later) == 0
    with pytest.raises(Conflict) as err:
        offers.decide(db, team.supervisor, old.id, "approve", now=later)
    assert "expired" in str(err.value)
    assert _audit(db, old.id) == ["offer_requested", "offer_expired"]
    with db.session() as s:
        inbox = offers.pending_for(s, team.supervisor, now=later)
        assert inbox.count == 0 and [i.status for i in inbox.items] == ["expired"]
    # a request past its expiry but not swept yet cannot be approved either
    late = offers.request_offer(db, team.agent, "FREE-1M", task_id=t2, now=now)
    with pytest.raises(Conflict):
        offers.decide(db, team.supervisor, late.id, "approve", now=later)
    with db.session() as s:
        assert s.get(OfferRequest, late.id).status == "expired"  # type: ignore[union-attr]
    with pytest.raises(Conflict):  # nothing to accept
        offers.record_outcome(db, team.agent, late.id, accepted=True)


def test_outcome_bookkeeping(db) -> None:  # type: ignore[no-untyped-def]
    team = make_team(db)
    customer_id, task = add_customer(db, team.campaign_id)
    req = offers.request_offer(db, team.agent, "FREE-1M", task_id=task, note="please")
    with pytest.raises(ValidationError):  # still waiting: nothing to present yet
        offers.record_outcome(db, team.agent, req.id, accepted=True)
    offers.decide(db, team.supervisor, req.id, "counter", "try this",
                  counter_offer={"cost_minor": 250_000, "text": "¥2,500 credit"})
    with pytest.raises(PermissionDenied):  # another agent cannot close it
        offers.record_outcome(db, team.agent2, req.id, accepted=True)
    done = offers.record_outcome(db, team.agent, req.id, accepted=True)
    assert done.status == "accepted" and done.outcome_at is not None
    assert done.cost_minor == 250_000 and done.sltv_minor == 8_000_000
    # the offer's answer only: the call's outcome wins the customer back
    with db.session() as s:
        customer = s.get(Customer, customer_id)
        assert customer is not None and customer.status == "lost"
        row = s.get(CallTask, task)
        assert row is not None and row.status == "claimed"
    assert _audit(db, req.id) == ["offer_requested", "offer_countered", "offer_accepted"]
    with pytest.raises(Conflict):  # only once
        offers.record_outcome(db, team.agent, req.id, accepted=False)
    with pytest.raises(ValidationError):  # one accepted offer per task
        offers.request_offer(db, team.agent, "GIFT-WELCOME", task_id=task)
    calls.log_call(db, team.agent, task, "won_back")
    with db.session() as s:
        customer = s.get(Customer, customer_id)
        assert customer is not None and customer.status == "won_back"
        row = s.get(CallTask, task)
        assert row is not None and row.status == "done" and row.last_disposition == "won_back"
    with pytest.raises(ValidationError):  # a won-back customer gets no more offers
        offers.request_offer(db, team.agent, "GIFT-WELCOME", task_id=task)

    other_id, other_task = add_customer(db, team.campaign_id, name="declines")
    gift = offers.request_offer(db, team.agent, "GIFT-WELCOME", task_id=other_task)
    no = offers.record_outcome(db, team.agent, gift.id, accepted=False,
                               decline_reason="moved to a competitor for good")
    assert no.status == "declined" and no.decline_reason == "moved to a competitor for good"
    with db.session() as s:
        assert s.get(Customer, other_id).status == "lost"  # type: ignore[union-attr]


def test_one_request_in_flight_per_customer_and_eligibility(db) -> None:  # type: ignore[no-untyped-def]
    team = make_team(db)
    _c, task = add_customer(db, team.campaign_id)
    first = offers.request_offer(db, team.agent, "FREE-1M", task_id=task)
    with pytest.raises(Conflict) as err:
        offers.request_offer(db, team.agent, "DISC10-3M", task_id=task)
    assert str(first.id) in str(err.value)
    with pytest.raises(ValidationError):  # service fix is only for pushed_unintentional/unknown
        offers.request_offer(db, team.agent, "FIX-PRIORITY", task_id=task)


def test_catalogue_versions_keep_what_was_offered(db) -> None:  # type: ignore[no-untyped-def]
    team = make_team(db)
    _c, task = add_customer(db, team.campaign_id)
    v1 = template_id(db, team.admin, "CREDIT500")
    req = offers.request_offer(db, team.agent, v1, task_id=task)
    with pytest.raises(PermissionDenied), db.session() as s:
        offers.update_template(s, team.agent, v1, name="hack")
    with db.session() as s:
        v2 = offers.update_template(s, team.supervisor, v1,
                                    cost_rule={"type": "fixed", "amount_minor": 60_000})
        assert (v2.code, v2.version, v2.active) == ("CREDIT500", 2, True)
        catalogue = {t.code: t for t in offers.list_templates(s, team.agent)}
        assert catalogue["CREDIT500"].id == v2.id
        assert len(offers.list_templates(s, team.admin, all_versions=True)) == 7
        with pytest.raises(Conflict):
            offers.update_template(s, team.supervisor, v1, name="old one")
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "offer_template_versioned"))
        assert entry is not None and entry.after["cost_rule"]["amount_minor"] == 60_000  # type: ignore[index]
        old = offers.request_info(s, req.id)
    assert old.offer_version == 1 and old.cost_minor == 50_000
    with db.session() as s, pytest.raises(ValidationError):
        offers.create_template(s, team.supervisor, code="BAD", name="x", kind="discount_pct",
                               cost_rule={"type": "percent_revenue", "percent": 500})
    with db.session() as s:
        new = offers.create_template(s, team.supervisor, code="wine", name="Wine / 红酒",
                                     kind="gift", cost_rule={"type": "fixed", "amount_minor": 9_000},
                                     eligibility={"tiers": ["A"]})
        assert new.code == "WINE"


def test_bulk_decide_and_report(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    team = make_team(db)
    start = utcnow() - timedelta(hours=2)
    ids = []
    for i in range(3):
        _c, task = add_customer(db, team.campaign_id, name=f"b{i}")
        ids.append(offers.request_offer(db, team.agent, "FREE-1M", task_id=task,
                                        now=start + timedelta(minutes=i)).id)
    offers.decide(db, team.supervisor2, ids[2], "reject", "no", now=start + timedelta(minutes=30))
    results = offers.bulk_decide(db, team.supervisor, ids, "approve", "bulk ok")
    assert [r.ok for r in results] == [True, True, False]
    assert isinstance(results[2].error, Conflict)
    offers.record_outcome(db, team.agent, ids[0], accepted=True)
    offers.record_outcome(db, team.agent, ids[1], accepted=False, decline_reason="price")
    _c, task = add_customer(db, team.campaign_id, name="auto")
    gift = offers.request_offer(db, team.agent, "GIFT-WELCOME", task_id=task)
    offers.record_outcome(db, team.agent, gift.id, accepted=True)

    with db.session() as s:
        with pytest.raises(PermissionDenied):
            offers.offer_report(s, team.agent)
        report = offers.offer_report(s, team.supervisor)
    data = report.as_dict()
    # two offers were accepted, but no call has won anybody back yet (issue 14)
    assert data["accepted_offers"] == 2 and data["acceptance_rate"] == pytest.approx(2 / 3)
    assert (data["win_backs"], data["saves"]) == (0, 0)
    assert data["cost_minor"] == 400_000 + 5_000
    assert data["cost_per_accepted_offer_minor"] == round(405_000 / 2)
    assert "cost_per_win_back_minor" not in data
    assert data["sltv_recovered_minor"] == 16_000_000
    rows = {r.code: r for r in report.rows}
    free = rows["FREE-1M"]
    assert (free.requests, free.approved, free.rejected, free.accepted, free.declined) == \
        (3, 2, 1, 1, 1)
    assert free.return_minor == 8_000_000 - 400_000
    assert rows["GIFT-WELCOME"].auto_approved == 1 and rows["GIFT-WELCOME"].approved == 0
    assert data["decisions"] == 3 and data["turnaround_median_minutes"] > 29

    path = tmp_path / "offers.xlsx"
    with db.session() as s:
        offers.export_report(s, team.supervisor, path, {"Offers": "优惠"})
    book = load_workbook(path)
    sheet = book["优惠"]
    assert [c.value for c in sheet[1]][:3] == ["Offer", "Name", "Requests"]
    codes = [sheet.cell(row=r, column=1).value for r in range(2, sheet.max_row + 1)]
    assert codes == ["FREE-1M", "GIFT-WELCOME"]


def test_inbox_and_my_requests_poll(db) -> None:  # type: ignore[no-untyped-def]
    team = make_team(db)
    _c1, t1 = add_customer(db, team.campaign_id)
    customer2, t2 = add_customer(db, team.campaign_id, name="second")
    before = utcnow() - timedelta(seconds=1)
    a = offers.request_offer(db, team.agent, "FREE-1M", task_id=t1, note="n1")
    b = offers.request_offer(db, team.agent2, "FREE-1M", task_id=t2)
    with db.session() as s:
        inbox = offers.pending_for(s, team.supervisor)
        assert inbox.count == 2 and [i.id for i in inbox.items] == [a.id, b.id]
        assert inbox.items[0].agent_name == "Wang Wei"
        details = offers.request_details(s, team.supervisor, a.id)
        assert details.customer["name"] == "陈小姐" and details.request.agent_note == "n1"
        assert details.sltv_explain.margin_minor == 1_200_000
        assert [r.id for r in offers.my_requests(s, team.agent, before)] == [a.id]
        assert offers.my_requests(s, team.agent2, before, customer_id=customer2)[0].id == b.id
    mark = utcnow()
    offers.decide(db, team.supervisor, a.id, "approve")
    with db.session() as s:
        changed = offers.my_requests(s, team.agent, mark - timedelta(milliseconds=1))
        assert [(r.id, r.status) for r in changed] == [(a.id, "approved")]
        assert offers.my_requests(s, team.agent2, utcnow() + timedelta(seconds=1)) == []


def test_details_show_interview_answers(db) -> None:  # type: ignore[no-untyped-def]
    from winback_desktop.db.models import InterviewQuestion, InterviewResponse, InterviewScript

    team = make_team(db)
    customer_id, task = add_customer(db, team.campaign_id)
    with db.session() as s:
        # Built as a draft, then published: published scripts are immutable.
        script = InterviewScript(name="Exit", version=1, status="draft")
        s.add(script)
        s.flush()
        s.add(InterviewQuestion(script_id=script.id, position=1, key="why",
                                text="Why did you leave?", qtype="choice"))
        s.flush()
        script.status = "published"
        s.add(InterviewResponse(script_id=script.id, customer_id=customer_id,
                                status="completed", answers={"why": "competitor_price",
                                                             "extra": ["a", "b"]}))
    req = offers.request_offer(db, team.agent, "FREE-1M", task_id=task)
    with db.session() as s:
        details = offers.request_details(s, team.supervisor, req.id)
        assert ("Why did you leave?", "competitor_price") in details.interview
        assert ("extra", "a, b") in details.interview
        with pytest.raises(PermissionDenied):
            offers.request_details(s, team.agent, req.id)
        assert offers.add_default_offers(s, team.supervisor) == 0  # already all there
