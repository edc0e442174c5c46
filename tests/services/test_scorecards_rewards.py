"""Each scorecard metric on hand-made data; ledger reproducibility; caps; permissions."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select, update

from winback_desktop.core import metrics
from winback_desktop.core.errors import PermissionDenied, ValidationError
from winback_desktop.db.models import (
    AuditEntry,
    Call,
    Customer,
    InterviewResponse,
    InterviewScript,
    OfferRequest,
    OfferTemplate,
    QaEvaluation,
    QaForm,
    RewardLedgerEntry,
)
from winback_desktop.services import rewards, scorecards, users
from winback_desktop.services.context import Actor

DAY = date(2026, 11, 10)
T0 = datetime(2026, 11, 10, 2, 0, tzinfo=UTC)
TODAY = date(2026, 11, 20)


def _call(s, agent: Actor, customer: Customer, start: datetime, *, ring: int = 10,  # type: ignore[no-untyped-def]
          talk: int | None = 100, wrap: int = 30, disposition: str = "not_interested"
          ) -> Call:
    answered = start + timedelta(seconds=ring) if talk is not None else None
    ended = (answered or start + timedelta(seconds=ring)) + timedelta(seconds=talk or 0)
    call = Call(customer_id=customer.id, agent_id=agent.user_id, started_at=start,
                answered_at=answered, ended_at=ended,
                wrapup_ended_at=ended + timedelta(seconds=wrap), disposition=disposition,
                # what the outcome recorded (services.calls does this on a real call)
                sltv_minor=customer.sltv_minor if disposition == "won_back" else None)
    s.add(call)
    s.flush()
    return call


@pytest.fixture
def team(db, admin):  # type: ignore[no-untyped-def]
    with db.session() as s:
        a1 = Actor.of(users.add_user(s, admin, "a1", "agent", "agent-pass-1", team="T"))
        a2 = Actor.of(users.add_user(s, admin, "a2", "agent", "agent-pass-2", team="T"))
        sup = Actor.of(users.add_user(s, admin, "sup", "supervisor", "super-pass-1", team="T"))
        rich = Customer(name="Rich", sltv_minor=6_000_000, sltv_tier="A")
        poor = Customer(name="Poor", sltv_minor=100_000, sltv_tier="D")
        s.add_all([rich, poor])
        s.flush()
        # a1: 4 dials — no answer, wrong number, won back (rich), won back (poor)
        _call(s, a1, poor, T0, talk=None, wrap=10, disposition="no_answer")
        _call(s, a1, poor, T0 + timedelta(minutes=5), talk=20, wrap=10,
              disposition="wrong_number")
        won1 = _call(s, a1, rich, T0 + timedelta(minutes=10), talk=300, wrap=60,
                     disposition="won_back")
        _call(s, a1, poor, T0 + timedelta(minutes=20), talk=100, wrap=50,
              disposition="won_back")
        # a2: 2 dials, one contact
        _call(s, a2, poor, T0, talk=None, wrap=5, disposition="busy")
        _call(s, a2, poor, T0 + timedelta(minutes=3), talk=200, wrap=40,
              disposition="not_interested")
        script = InterviewScript(name="s", version=1, status="published")
        form = QaForm(name="f", criteria={"items": []})
        tmpl = OfferTemplate(code="o", name="o", kind="gift")
        s.add_all([script, form, tmpl])
        s.flush()
        s.add(InterviewResponse(script_id=script.id, customer_id=rich.id, agent_id=a1.user_id,
                                status="completed", completed_at=T0 + timedelta(minutes=15)))
        s.add(QaEvaluation(call_id=won1.id, form_id=form.id, agent_id=a1.user_id,
                           evaluator_id=sup.user_id, score_pct=95, critical_fail=False,
                           coaching_notes="Great apology", created_at=T0 + timedelta(hours=3)))
        s.add(QaEvaluation(call_id=won1.id, form_id=form.id, agent_id=a1.user_id,
                           evaluator_id=sup.user_id, score_pct=75, critical_fail=True,
                           created_at=T0 + timedelta(hours=4)))
        s.add(OfferRequest(offer_template_id=tmpl.id, customer_id=rich.id,
                           agent_id=a1.user_id, status="accepted", cost_minor=60_000,
                           sltv_minor=6_000_000, outcome_at=T0 + timedelta(minutes=12)))
        rewards.ensure_default_rules(s, date(2026, 1, 1))
    return {"a1": a1, "a2": a2, "sup": sup}


def _card(db, actor: Actor, login: str, period: str = "2026-11"):  # type: ignore[no-untyped-def]
    with db.session() as s:
        view = scorecards.team_view(s, actor, metrics.parse_period(period), agent_login=login,
                                    today=TODAY)
    return view.rows[0].card, view


def test_each_metric_on_hand_made_calls(db, team) -> None:  # type: ignore[no-untyped-def]
    card, view = _card(db, team["sup"], "a1")
    assert card.dials == 4
    assert card.contacts == 3
    assert card.rpc == 2  # the wrong number is a contact but not the right party
    assert card.rpc_rate == pytest.approx(0.5)
    assert card.win_backs == 2 and card.win_back_rate == pytest.approx(1.0)
    assert card.sltv_recovered_minor == 6_100_000
    assert card.offer_cost_minor == 60_000
    assert card.offer_cost_ratio == pytest.approx(60_000 / 6_100_000)
    assert card.interviews_completed == 1 and card.interview_completion == pytest.approx(0.5)
    # handled calls: the three answered ones; handle = talk + hold + wrap-up over them
    assert card.avg_talk_s == pytest.approx((20 + 300 + 100) / 3)
    assert card.avg_wrap_s == pytest.approx((10 + 60 + 50) / 3)
    assert card.avg_handle_s == pytest.approx((30 + 360 + 150) / 3)
    assert card.qa_average == pytest.approx(85) and card.qa_critical_fails == 1
    assert view.agent_average["dials"] == pytest.approx(3)  # (4 + 2) / 2
    assert view.team.dials == 6


def test_rollups_give_the_same_numbers_as_live_sql(db, team) -> None:  # type: ignore[no-untyped-def]
    live, _ = _card(db, team["sup"], "a1")
    with db.session() as s:
        assert scorecards.refresh_rollups(s, today=TODAY) > 0
    rolled, _ = _card(db, team["sup"], "a1")
    assert rolled == live
    with db.session() as s:  # a day-level period entirely from roll-ups
        day = scorecards.call_totals(s, metrics.parse_period("2026-11-10"), today=TODAY)
    assert day[team["a1"].user_id].dials == 4


def test_agents_see_only_their_own_scorecard(db, team) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        own = scorecards.team_view(s, team["a1"], metrics.parse_period("2026-11"), today=TODAY)
    assert [r.login for r in own.rows] == ["a1"]
    assert own.agent_average["dials"] == pytest.approx(3)
    with pytest.raises(PermissionDenied), db.session() as s:
        scorecards.team_view(s, team["a1"], metrics.parse_period("2026-11"), agent_login="a2")
    with pytest.raises(PermissionDenied), db.session() as s:
        scorecards.supervisor_cards(s, team["a1"], metrics.parse_period("2026-11"))


def test_supervisor_card(db, team) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        cards = scorecards.supervisor_cards(s, team["sup"], metrics.parse_period("2026-11"),
                                            today=TODAY)
    (card,) = cards
    assert card.calls == 6 and card.calls_reviewed == 1
    assert card.reviewed_share == pytest.approx(1 / 6)
    assert card.coaching_given == 1


def test_ledger_is_reproducible_and_corrections_are_reversals(db, team) -> None:  # type: ignore[no-untyped-def]
    system = Actor.system()
    with db.session() as s:
        first = rewards.sync_ledger(s, system, date(2026, 11, 1), date(2026, 12, 1))
    # win-backs: A=50 + D=5, interview 2, QA bonus 20 (95 ≥ 90; the 75 is not)
    assert first.points_added == 77
    with db.session() as s:
        again = rewards.sync_ledger(s, system, date(2026, 11, 1), date(2026, 12, 1))
        n_before = s.scalar(select(func.count()).select_from(RewardLedgerEntry))
    assert again.granted == again.reversed == 0
    with db.session() as s:  # the rich win-back turns out to be a mistake
        rich_call = s.scalar(select(Call.id).join(Customer, Customer.id == Call.customer_id)
                             .where(Customer.name == "Rich", Call.disposition == "won_back"))
        s.execute(update(Call).where(Call.id == rich_call).values(disposition="refused_offer"))
        fix = rewards.sync_ledger(s, system, date(2026, 11, 1), date(2026, 12, 1))
    assert fix.reversed == 1 and fix.points_added == -50
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(RewardLedgerEntry)) == n_before + 1
        assert rewards.balance(s, team["sup"], team["a1"].user_id) == 27
        rev = s.scalars(select(RewardLedgerEntry).where(RewardLedgerEntry.points < 0)).one()
        assert rev.reverses_id is not None


def test_spot_award_cap_self_award_and_audit(db, team) -> None:  # type: ignore[no-untyped-def]
    now = datetime(2026, 11, 12, 3, tzinfo=UTC)
    with db.session() as s:
        rewards.grant_spot_award(s, team["sup"], team["a1"].user_id, 150, "Calm with angry client",
                                 now=now)
    with pytest.raises(ValidationError) as over, db.session() as s:
        rewards.grant_spot_award(s, team["sup"], team["a1"].user_id, 60, "again", now=now)
    assert "50" in str(over.value)
    with pytest.raises(PermissionDenied), db.session() as s:
        rewards.grant_spot_award(s, team["a2"], team["a1"].user_id, 10, "friend", now=now)
    with pytest.raises(PermissionDenied), db.session() as s:
        rewards.grant_spot_award(s, team["sup"], team["sup"].user_id, 10, "me", now=now)
    with pytest.raises(ValidationError), db.session() as s:
        rewards.grant_spot_award(s, team["sup"], team["a1"].user_id, 10, "  ", now=now)
    with db.session() as s:  # next month the cap starts over
        rewards.grant_spot_award(s, team["sup"], team["a1"].user_id, 100, "December",
                                 now=now + timedelta(days=30))
        entries = s.scalars(select(AuditEntry).where(AuditEntry.action == "spot_award")).all()
    assert [e.after["points"] for e in entries] == [150, 100]


def test_redemption_needs_points_and_approval(db, team) -> None:  # type: ignore[no-untyped-def]
    a1, sup = team["a1"], team["sup"]
    with pytest.raises(ValidationError), db.session() as s:
        rewards.request_redemption(s, a1, "team_lunch")
    with db.session() as s:
        rewards.grant_spot_award(s, sup, a1.user_id, 200, "great month")
    with db.session() as s:
        s.add(RewardLedgerEntry(agent_id=a1.user_id, points=200, kind="event"))
    with db.session() as s:
        red = rewards.request_redemption(s, a1, "team_lunch")
        red_id = red.id
    with pytest.raises(ValidationError), db.session() as s:  # 400 - 300 pending < 300
        rewards.request_redemption(s, a1, "team_lunch")
    with pytest.raises(PermissionDenied), db.session() as s:
        rewards.decide_redemption(s, team["a2"], red_id, True)
    with db.session() as s:
        rewards.decide_redemption(s, sup, red_id, True)
        assert rewards.balance(s, a1, a1.user_id) == 100


def test_leaderboard_ranks_ties_together(db, team) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        board = rewards.leaderboard(s, team["a2"], metrics.parse_period("2026-11"), "win_backs")
    assert [(r.rank, r.login, r.value) for r in board] == [(1, "a1", 2), (2, "a2", 0)]


def test_periods() -> None:
    assert metrics.parse_period("2026-11").days == 30
    assert metrics.parse_period("2026-12").end == date(2027, 1, 1)
    assert metrics.parse_period("2026-W47").start == date(2026, 11, 16)
    assert metrics.parse_period("2026-11-01..2026-11-15").days == 15
    with pytest.raises(ValueError):
        metrics.parse_period("2026-11-15..2026-11-01")


def test_burnout_signals() -> None:
    assert metrics.handle_time_drift(500, 400) is not None
    assert metrics.handle_time_drift(410, 400) is None
    t = datetime(2026, 11, 1, 1, tzinfo=UTC)
    spans = [(t + timedelta(minutes=10 * i), t + timedelta(minutes=10 * i + 8))
             for i in range(20)]
    sig = metrics.long_session(spans)
    assert sig is not None and sig.detail["minutes"] == 198
    broken = spans[:8] + [(a + timedelta(minutes=30), b + timedelta(minutes=30))
                          for a, b in spans[8:]]
    assert metrics.long_session(broken) is None
    assert metrics.falling("falling_qa", 70, 85, 0.1) is not None
