"""Per-agent and team scorecards (DESIGN §7, issue 9): the views and their actions.

Every figure is ``core.metrics``' definition applied to the totals of
``services.scorecard_totals``; the team row is the team's own totals (counts summed,
rates over all the team's calls), the comparison row the average agent. The screen and
the CLI call ``scorecard_view`` (one unit of work: roll-ups refreshed, then read).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from winback_desktop.core import metrics
from winback_desktop.core.domain import Role
from winback_desktop.core.errors import NotFound
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import Call, OfferRequest, QaEvaluation, Team, User
from winback_desktop.db.session import Database
from winback_desktop.db.sql import seconds_between
from winback_desktop.db.types import utcnow
from winback_desktop.services import settings as settings_service
from winback_desktop.services.context import Actor, refuse
from winback_desktop.services.scorecard_totals import (
    agent_totals,
    at,
    call_totals,
    other_totals,
    refresh_rollups,
    totals_by_day,
)

__all__ = ["AgentRow", "ScorecardView", "SupervisorCard", "TeamView", "burnout_for",
           "call_totals", "daily_series", "other_totals",
           "refresh_rollups", "scorecard_view", "supervisor_cards", "targets", "team_view"]
_at = at


# --------------------------------------------------------------- public views


@dataclass(frozen=True)
class AgentRow:
    agent_id: int
    login: str
    display_name: str
    team: str | None
    card: metrics.Scorecard
    trend: list[int] = field(default_factory=list)  # win-backs per day (``TeamView.days``)
    save_trend: list[int] = field(default_factory=list)  # saves per day
    burnout: list[metrics.BurnoutSignal] = field(default_factory=list)


@dataclass(frozen=True)
class TeamView:
    period: metrics.Period
    rows: list[AgentRow]
    #: the whole team as one: totals, and rates over all its calls
    team: metrics.Scorecard
    #: each metric's mean over the agents ("the average agent")
    agent_average: dict[str, float | None]
    targets: dict[str, float]
    #: the days of the trend series, and the team's win-backs and saves per day
    days: list[date] = field(default_factory=list)
    team_trend: list[int] = field(default_factory=list)
    team_save_trend: list[int] = field(default_factory=list)
    #: how many agents the team row and the average cover
    agents: int = 0

    def reference(self, metric: str) -> float | None:
        """What an agent's figure is compared with (``core.metrics.reference``)."""
        return metrics.reference(metric, self.team, self.agent_average)


def _visible_agents(session: Session, actor: Actor, agent_login: str | None) -> list[User]:
    stmt = select(User).where(User.role == Role.AGENT.value, User.active.is_(True))
    if agent_login:
        stmt = select(User).where(func.lower(User.login) == agent_login.lower())
    agents = list(session.scalars(stmt.order_by(User.login)))
    if agent_login and not agents:
        raise NotFound(what=agent_login)
    if not actor.can(Permission.VIEW_TEAM_SCORECARDS):
        if not actor.can(Permission.VIEW_OWN_SCORECARD):
            refuse(None, actor, "_visible_agents")
        if agent_login is None:
            agents = [a for a in agents if a.id == actor.user_id]
        elif any(a.id != actor.user_id for a in agents):
            refuse(None, actor, "_visible_agents")
        if not agents and actor.user_id is not None:
            me = session.get(User, actor.user_id)
            agents = [me] if me else []
    return agents


def targets(session: Session) -> dict[str, float]:
    custom = settings_service.get(session, "scorecard_targets") or {}
    return {**metrics.DEFAULT_TARGETS, **custom}


def trend_days(period: metrics.Period) -> list[date]:
    return [period.start + timedelta(days=i) for i in range(min(period.days, 92))]


def team_view(session: Session, actor: Actor, period: metrics.Period, *,
              agent_login: str | None = None, with_trend: bool = True,
              with_burnout: bool = True, today: date | None = None) -> TeamView:
    """Every visible agent's scorecard for ``period``, the team row and the average
    agent (both over all active agents, so an agent can compare).

    Agents see only themselves (enforced here, not in the UI); supervisors and admins
    see everyone.
    """
    agents = _visible_agents(session, actor, agent_login)
    everyone = list(session.scalars(select(User.id).where(User.role == Role.AGENT.value,
                                                          User.active.is_(True))))
    totals = agent_totals(session, period, today=today)
    cards_all = {aid: metrics.scorecard(totals.get(aid, metrics.AgentTotals()))
                 for aid in set(everyone) | {a.id for a in agents}}
    teams = {tid: name for tid, name in session.execute(select(Team.id, Team.name))}
    days = trend_days(period) if with_trend else []
    series = daily_series(session, period, everyone + [a.id for a in agents], days,
                          today=today) if with_trend else {}
    signals = burnout_for(session, [a.id for a in agents], period.end, today=today) \
        if with_burnout else {}
    empty = ([0] * len(days), [0] * len(days))
    rows = [
        AgentRow(agent.id, agent.login, agent.display_name,
                 teams.get(agent.team_id) if agent.team_id else None,
                 cards_all[agent.id], *series.get(agent.id, empty),
                 burnout=signals.get(agent.id, []))
        for agent in agents
    ]
    team = metrics.team_card(totals.get(a, metrics.AgentTotals()) for a in everyone)
    average = metrics.agent_average(cards_all[a] for a in everyone)
    team_wins = [sum(series[a][0][i] for a in everyone if a in series) for i in range(len(days))]
    team_saves = [sum(series[a][1][i] for a in everyone if a in series)
                  for i in range(len(days))]
    return TeamView(period, rows, team, average, targets(session), days, team_wins,
                    team_saves, len(everyone))


def daily_series(session: Session, period: metrics.Period, agent_ids: list[int],
                 days: list[date], today: date | None = None
                 ) -> dict[int, tuple[list[int], list[int]]]:
    """(win-backs per day, saves per day) per agent, from the same totals as the
    period's figures (roll-ups for closed days, live calls for the rest)."""
    by_day = totals_by_day(session, period, sorted(set(agent_ids)), today=today)
    out: dict[int, tuple[list[int], list[int]]] = {}
    for aid, per_day in by_day.items():
        zero = metrics.AgentTotals()
        out[aid] = ([per_day.get(d, zero).win_backs for d in days],
                    [per_day.get(d, zero).saves for d in days])
    return out


def burnout_for(session: Session, agent_ids: list[int], as_of: date,
                today: date | None = None) -> dict[int, list[metrics.BurnoutSignal]]:
    """Handle-time drift, long sessions without a break, falling QA or contact rate.

    Batched over agents: a handful of grouped queries whatever the team size.
    """
    out: dict[int, list[metrics.BurnoutSignal]] = {aid: [] for aid in agent_ids}
    if not agent_ids:
        return out
    as_of = min(as_of, (today or utcnow().date()) + timedelta(days=1))
    recent = metrics.Period(as_of - timedelta(days=7), as_of, "recent")
    baseline = metrics.Period(as_of - timedelta(days=35), as_of - timedelta(days=7), "base")
    r_all = call_totals(session, recent, agent_ids, today=today)
    b_all = call_totals(session, baseline, agent_ids, today=today)
    for aid in agent_ids:
        r, b = r_all.get(aid), b_all.get(aid)
        if r and b:
            rc, bc = metrics.scorecard(r), metrics.scorecard(b)
            for sig in (metrics.handle_time_drift(rc.avg_handle_s, bc.avg_handle_s),
                        metrics.falling("falling_contact_rate", rc.rpc_rate, bc.rpc_rate,
                                        0.25)):
                if sig:
                    out[aid].append(sig)
    times: dict[int, list[tuple[datetime, datetime]]] = defaultdict(list)
    for row in session.execute(
        select(Call.agent_id, Call.started_at,
               func.coalesce(Call.wrapup_ended_at, Call.ended_at, Call.started_at))
        .where(Call.agent_id.in_(agent_ids),
               Call.started_at >= _at(as_of - timedelta(days=7)), Call.started_at < _at(as_of))
    ):
        times[int(row[0] or 0)].append((row[1], row[2]))
    for aid, spans in times.items():
        sig = metrics.long_session(spans)
        if sig:
            out[aid].append(sig)
    scores: dict[int, list[int]] = defaultdict(list)
    for qa in session.execute(
        select(QaEvaluation.agent_id, QaEvaluation.score_pct)
        .where(QaEvaluation.agent_id.in_(agent_ids), QaEvaluation.score_pct.is_not(None),
               QaEvaluation.calibration_session.is_(None),
               QaEvaluation.created_at < _at(as_of))
        .order_by(QaEvaluation.created_at.desc())
    ):
        if qa[0] is not None and len(scores[qa[0]]) < 8:
            scores[qa[0]].append(int(qa[1] or 0))
    for aid, values in scores.items():
        if len(values) >= 4:
            half = len(values) // 2
            sig = metrics.falling("falling_qa", sum(values[:half]) / half,
                                  sum(values[half:]) / (len(values) - half), 0.1)
            if sig:
                out[aid].append(sig)
    return out


@dataclass(frozen=True)
class SupervisorCard:
    supervisor_id: int
    login: str
    approval_turnaround_s: float | None
    approvals_decided: int
    calls: int
    calls_reviewed: int
    reviewed_share: float | None
    coaching_given: int
    team_win_back_rate: float | None
    team_burnout_signals: int

    def as_dict(self) -> dict[str, Any]:
        from dataclasses import asdict

        return asdict(self)


def supervisor_cards(session: Session, actor: Actor, period: metrics.Period,
                     today: date | None = None) -> list[SupervisorCard]:
    """Managing the managers: turnaround, QA coverage, coaching, their team's results."""
    if not actor.can(Permission.VIEW_TEAM_SCORECARDS):
        refuse(None, actor, "supervisor_cards")
    start, end = _at(period.start), _at(period.end)
    sups = list(session.scalars(select(User).where(User.role == Role.SUPERVISOR.value)
                                .order_by(User.login)))
    calls = call_totals(session, period, today=today)
    out = []
    for sup in sups:
        turnaround = session.execute(
            select(func.avg(seconds_between(OfferRequest.requested_at, OfferRequest.decided_at)),
                   func.count())
            .where(OfferRequest.decided_by == sup.id, OfferRequest.decided_at >= start,
                   OfferRequest.decided_at < end)).one()
        team_agents = [u for (u,) in session.execute(
            select(User.id).where(User.team_id == sup.team_id, User.role == Role.AGENT.value))
        ] if sup.team_id else []
        totals = metrics.AgentTotals()
        for aid in team_agents:
            totals = totals + calls.get(aid, metrics.AgentTotals())
        reviewed = session.scalar(
            select(func.count(func.distinct(QaEvaluation.call_id)))
            .join(Call, Call.id == QaEvaluation.call_id)
            .where(Call.agent_id.in_(team_agents), Call.started_at >= start,
                   Call.started_at < end)) if team_agents else 0
        coaching = session.scalar(
            select(func.count()).select_from(QaEvaluation)
            .where(QaEvaluation.evaluator_id == sup.id, QaEvaluation.coaching_notes.is_not(None),
                   QaEvaluation.created_at >= start, QaEvaluation.created_at < end)) or 0
        card = metrics.scorecard(totals)
        signals = sum(len(v) for v in burnout_for(session, team_agents, period.end,
                                                  today=today).values())
        out.append(SupervisorCard(
            sup.id, sup.login,
            float(turnaround[0]) if turnaround[0] is not None else None, int(turnaround[1]),
            totals.dials, int(reviewed or 0),
            (reviewed or 0) / totals.dials if totals.dials else None, int(coaching),
            card.win_back_rate, signals))
    return out


# ------------------------------------------------ the screen's and CLI's action


@dataclass(frozen=True)
class MyPoints:
    """The viewer's own points: earned in the period and their rank by that, and the
    balance (everything earned minus redemptions, all time)."""

    earned: int
    rank: int
    of: int
    balance: int


@dataclass(frozen=True)
class ScorecardView:
    team: TeamView
    supervisors: list[SupervisorCard]
    mine: MyPoints | None


def scorecard_view(db: Database, actor: Actor, period: metrics.Period, *,
                   agent_login: str | None = None, supervisors: bool = True,
                   today: date | None = None) -> ScorecardView:
    """Everything the scorecard screen shows, read in one transaction after the
    roll-ups are brought up to date."""
    from winback_desktop.services import rewards

    with db.session() as s:
        refresh_rollups(s, today=today)
        view = team_view(s, actor, period, agent_login=agent_login, today=today)
        sups = supervisor_cards(s, actor, period, today=today) if supervisors and actor.can(
            Permission.VIEW_TEAM_SCORECARDS) else []
        mine = None
        me = actor.user_id
        if me is not None and any(r.agent_id == me for r in view.rows):
            board = rewards.leaderboard(s, actor, period, "points")
            row = next((r for r in board if r.agent_id == me), None)
            if row is not None:
                mine = MyPoints(row.value, row.rank, len(board), rewards.balance(s, actor, me))
        return ScorecardView(view, sups, mine)
