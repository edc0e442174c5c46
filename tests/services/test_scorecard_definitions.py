"""Scorecard figures are their definitions (core.metrics), whatever the path: roll-ups,
live calls, charts, ranks, the team row (issue 14)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import update

from winback_desktop.core import metrics
from winback_desktop.db.models import Call, Customer, RewardLedgerEntry
from winback_desktop.services import rewards, scorecards, users
from winback_desktop.services.context import Actor

TODAY = date(2026, 11, 20)
DAY = datetime(2026, 11, 10, 2, 0, tzinfo=UTC)


def _call(s, agent: Actor, customer: Customer, start: datetime, *, talk: int | None = 100,  # type: ignore[no-untyped-def]
          hold: int | None = None, wrap: int = 30, disposition: str = "not_interested",
          sltv: int | None = None) -> Call:
    answered = start + timedelta(seconds=10) if talk is not None else None
    ended = (answered or start + timedelta(seconds=10)) + timedelta(seconds=talk or 0)
    call = Call(customer_id=customer.id, agent_id=agent.user_id, started_at=start,
                answered_at=answered, ended_at=ended, hold_seconds=hold,
                wrapup_ended_at=ended + timedelta(seconds=wrap), disposition=disposition,
                sltv_minor=sltv)
    s.add(call)
    s.flush()
    return call


@pytest.fixture
def people(db, admin):  # type: ignore[no-untyped-def]
    with db.session() as s:
        agents = [Actor.of(users.add_user(s, admin, f"a{i}", "agent", "agent-pass-1"))
                  for i in range(1, 4)]
        sup = Actor.of(users.add_user(s, admin, "sup", "supervisor", "super-pass-1"))
        customer = Customer(name="Rich", sltv_minor=6_000_000, sltv_tier="A")
        s.add(customer)
        s.flush()
        return {"agents": agents, "sup": sup, "customer_id": customer.id}


def _view(db, actor: Actor, period: str = "2026-11") -> scorecards.TeamView:  # type: ignore[no-untyped-def]
    return scorecards.scorecard_view(db, actor, metrics.parse_period(period, TODAY),
                                     today=TODAY).team


def test_handle_time_is_talk_plus_hold_plus_wrap_over_the_same_calls(db, people) -> None:
    a1 = people["agents"][0]
    with db.session() as s:
        c = s.get(Customer, people["customer_id"])
        _call(s, a1, c, DAY, talk=None, wrap=5, disposition="no_answer")  # not handled
        _call(s, a1, c, DAY + timedelta(minutes=5), talk=400, hold=60, wrap=40)
        _call(s, a1, c, DAY + timedelta(minutes=20), talk=200, wrap=20)
    card = next(r.card for r in _view(db, people["sup"]).rows if r.agent_id == a1.user_id)
    assert card.avg_talk_s == pytest.approx((340 + 200) / 2)
    assert card.avg_hold_s == pytest.approx(60 / 2)
    assert card.avg_wrap_s == pytest.approx((40 + 20) / 2)
    assert card.avg_handle_s == pytest.approx(card.avg_talk_s + card.avg_hold_s
                                              + card.avg_wrap_s)
    assert card.avg_handle_s >= card.avg_talk_s
    assert card.denominators()["avg_handle_s"] == {"of": "handled_calls", "value": 2}


def test_a_day_with_two_win_backs_plots_two_today_and_on_closed_days(db, people) -> None:
    a1 = people["agents"][0]
    now = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)
    with db.session() as s:
        c = s.get(Customer, people["customer_id"])
        for minutes in (0, 10):
            _call(s, a1, c, now + timedelta(minutes=minutes), disposition="won_back",
                  sltv=100)
            _call(s, a1, c, DAY + timedelta(minutes=minutes), disposition="won_back",
                  sltv=100)
    view = _view(db, people["sup"])
    row = next(r for r in view.rows if r.agent_id == a1.user_id)
    series = dict(zip(view.days, row.trend, strict=True))
    assert series[TODAY] == 2 and series[DAY.date()] == 2
    assert sum(row.trend) == row.card.win_backs == 4
    assert sum(view.team_trend) == view.team.win_backs == 4


def test_agents_with_nothing_share_the_last_rank(db, people) -> None:
    period = metrics.parse_period("2026-11", TODAY)
    with db.session() as s:
        board = rewards.leaderboard(s, people["sup"], period, "points")
    assert [r.rank for r in board] == [3, 3, 3]
    a1, a2, _a3 = people["agents"]
    with db.session() as s:
        for agent, points in ((a1, 50), (a2, 50)):
            s.add(RewardLedgerEntry(agent_id=agent.user_id, points=points, kind="spot",
                                    reason="x", created_at=DAY))
    with db.session() as s:
        board = rewards.leaderboard(s, people["sup"], period, "points")
    assert [(r.login, r.rank) for r in board] == [("a1", 1), ("a2", 1), ("a3", 3)]


def test_team_row_is_the_team_and_the_average_agent_is_labelled_apart(db, people) -> None:
    a1, a2, _a3 = people["agents"]
    with db.session() as s:
        c = s.get(Customer, people["customer_id"])
        for i in range(4):
            _call(s, a1, c, DAY + timedelta(minutes=i), disposition="won_back", sltv=10)
        _call(s, a2, c, DAY, disposition="not_interested")
    view = _view(db, people["sup"])
    assert view.team.dials == 5 and view.agents == 3
    assert view.team.win_back_rate == pytest.approx(4 / 5)  # over all the team's calls
    assert view.agent_average["dials"] == pytest.approx(5 / 3)
    assert view.agent_average["win_back_rate"] == pytest.approx((1.0 + 0.0) / 2)
    assert view.reference("dials") == view.agent_average["dials"]
    assert view.reference("win_back_rate") == view.team.win_back_rate


def test_sltv_recovered_is_what_the_call_recorded(db, people) -> None:
    a1 = people["agents"][0]
    with db.session() as s:
        c = s.get(Customer, people["customer_id"])
        _call(s, a1, c, DAY, disposition="won_back", sltv=5_000_000)
    assert _view(db, people["sup"]).team.sltv_recovered_minor == 5_000_000
    with db.session() as s:  # a later recompute does not rewrite history
        s.execute(update(Customer).values(sltv_minor=1))
    assert _view(db, people["sup"]).team.sltv_recovered_minor == 5_000_000


def test_an_outcome_changed_on_a_rolled_up_day_reaches_the_scorecard(db, people) -> None:
    a1 = people["agents"][0]
    with db.session() as s:
        c = s.get(Customer, people["customer_id"])
        call_id = _call(s, a1, c, DAY, disposition="not_interested").id
    assert _view(db, people["sup"]).team.win_backs == 0  # the day is rolled up now
    with db.session() as s:  # e.g. a supervisor's amendment, days later
        s.execute(update(Call).where(Call.id == call_id).values(disposition="won_back",
                                                                  sltv_minor=70))
    view = _view(db, people["sup"])
    assert (view.team.win_backs, view.team.sltv_recovered_minor) == (1, 70)
    with db.session() as s:
        by_day = scorecards.call_totals(s, metrics.parse_period("2026-11-10"), today=TODAY)
    assert by_day[a1.user_id].win_backs == 1


def test_points_earned_do_not_count_redemptions(db, people) -> None:
    a1 = people["agents"][0]
    with db.session() as s:
        s.add(RewardLedgerEntry(agent_id=a1.user_id, points=300, kind="spot", reason="x",
                                created_at=DAY))
        s.add(RewardLedgerEntry(agent_id=a1.user_id, points=-200, kind="redemption",
                                reason="lunch", created_at=DAY + timedelta(hours=1)))
    card = next(r.card for r in _view(db, people["sup"]).rows if r.agent_id == a1.user_id)
    assert card.points == 300
    mine = scorecards.scorecard_view(db, a1, metrics.parse_period("2026-11", TODAY),
                                     today=TODAY).mine
    assert mine is not None and (mine.earned, mine.rank, mine.of, mine.balance) == (
        300, 1, 3, 100)
