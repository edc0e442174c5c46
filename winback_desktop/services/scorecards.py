"""Per-agent and team scorecards, aggregated in SQL (DESIGN §7, issue 9).

Call totals come from ``agent_daily_stats`` for closed UTC days (kept fresh by
``refresh_rollups``) and from a live GROUP BY over ``calls`` for the rest of the
period, so a month's team view reads a few thousand roll-up rows instead of millions
of calls. Both paths produce the same ``AgentTotals``; a test holds them equal.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import and_, case, delete, func, insert, select
from sqlalchemy.orm import Session

from winback_desktop.core import metrics
from winback_desktop.core.domain import Disposition, Role
from winback_desktop.core.errors import NotFound, PermissionDenied
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import (
    AgentDailyStats,
    Call,
    Customer,
    InterviewResponse,
    OfferRequest,
    QaEvaluation,
    RewardLedgerEntry,
    Setting,
    Team,
    User,
)
from winback_desktop.db.sql import seconds_between, utc_day
from winback_desktop.db.types import utcnow
from winback_desktop.services import settings as settings_service
from winback_desktop.services.context import Actor

ROLLUP_KEY = "scorecard_rollup_through"  # last UTC day fully rolled up (ISO date)


def _at(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=UTC)


# ------------------------------------------------------------------ raw totals


def _call_totals_stmt(start: datetime, end: datetime, agent_ids: Iterable[int] | None = None,
                      by_day: bool = False) -> Any:
    answered = Call.answered_at.is_not(None)
    rpc = and_(answered, Call.disposition != Disposition.WRONG_NUMBER.value)
    won = Call.disposition == Disposition.WON_BACK.value
    handle = seconds_between(Call.started_at, Call.wrapup_ended_at)
    talk = seconds_between(Call.answered_at, Call.ended_at)
    wrap = seconds_between(Call.ended_at, Call.wrapup_ended_at)
    cols: list[Any] = [Call.agent_id]
    if by_day:
        cols.append(utc_day(Call.started_at).label("day"))
    cols += [
        func.count().label("dials"),
        func.sum(case((answered, 1), else_=0)).label("contacts"),
        func.sum(case((rpc, 1), else_=0)).label("rpc"),
        func.sum(case((won, 1), else_=0)).label("win_backs"),
        func.sum(case((won, Customer.sltv_minor), else_=0)).label("sltv_recovered_minor"),
        func.coalesce(func.sum(handle), 0.0).label("handle_seconds"),
        func.count(Call.wrapup_ended_at).label("handled_calls"),
        func.coalesce(func.sum(case((answered, talk))), 0.0).label("talk_seconds"),
        func.sum(case((and_(answered, Call.ended_at.is_not(None)), 1), else_=0))
        .label("talked_calls"),
        func.coalesce(func.sum(wrap), 0.0).label("wrap_seconds"),
        func.sum(case((and_(Call.ended_at.is_not(None), Call.wrapup_ended_at.is_not(None)), 1),
                      else_=0)).label("wrapped_calls"),
    ]
    stmt = (
        select(*cols)
        .select_from(Call)
        .outerjoin(Customer, and_(won, Customer.id == Call.customer_id))
        .where(Call.started_at >= start, Call.started_at < end, Call.agent_id.is_not(None))
        .group_by(*cols[: 2 if by_day else 1])
    )
    if agent_ids is not None:
        stmt = stmt.where(Call.agent_id.in_(list(agent_ids)))
    return stmt


_CALL_FIELDS = ("dials", "contacts", "rpc", "win_backs", "sltv_recovered_minor",
                "handle_seconds", "handled_calls", "talk_seconds", "talked_calls",
                "wrap_seconds", "wrapped_calls")


def _totals_from_row(row: Any) -> metrics.AgentTotals:
    values = {f: getattr(row, f) or 0 for f in _CALL_FIELDS}
    for f in ("handle_seconds", "talk_seconds", "wrap_seconds"):
        values[f] = float(values[f])
    for f in _CALL_FIELDS:
        if not f.endswith("seconds"):
            values[f] = int(values[f])
    return metrics.AgentTotals(**values)


def live_call_totals(session: Session, start: datetime, end: datetime,
                     agent_ids: Iterable[int] | None = None) -> dict[int, metrics.AgentTotals]:
    return {row.agent_id: _totals_from_row(row)
            for row in session.execute(_call_totals_stmt(start, end, agent_ids))}


def refresh_rollups(session: Session, today: date | None = None) -> int:
    """Roll up every closed day not rolled up yet, plus the day before the last one
    (late wrap-ups). Returns the number of days (re)computed."""
    today = today or utcnow().date()
    through_text = settings_service.get(session, ROLLUP_KEY)
    first_call = session.scalar(select(func.min(Call.started_at)))
    if first_call is None:
        return 0
    start = first_call.date()
    if through_text:
        start = max(start, date.fromisoformat(through_text) - timedelta(days=1))
    end = today  # exclusive: today stays live
    if start >= end:
        return 0
    session.execute(delete(AgentDailyStats).where(AgentDailyStats.day >= start,
                                                  AgentDailyStats.day < end))
    rows = []
    now = utcnow()
    for row in session.execute(_call_totals_stmt(_at(start), _at(end), by_day=True)):
        day = row.day if isinstance(row.day, date) else date.fromisoformat(str(row.day))
        totals = _totals_from_row(row)
        rows.append({"agent_id": row.agent_id, "day": day, "computed_at": now,
                     **{f: getattr(totals, f) for f in _CALL_FIELDS}})
    for i in range(0, len(rows), 2000):
        session.execute(insert(AgentDailyStats), rows[i:i + 2000])
    _set_rollup_mark(session, (end - timedelta(days=1)).isoformat())
    return (end - start).days


def _set_rollup_mark(session: Session, value: str) -> None:
    row = session.scalar(select(Setting).where(Setting.scope == settings_service.GLOBAL,
                                               Setting.key == ROLLUP_KEY))
    if row is None:
        session.add(Setting(scope=settings_service.GLOBAL, key=ROLLUP_KEY, value=value))
    else:
        row.value = value


def call_totals(session: Session, period: metrics.Period,
                agent_ids: Iterable[int] | None = None,
                today: date | None = None) -> dict[int, metrics.AgentTotals]:
    """Call totals per agent: roll-ups for closed days, live SQL for the rest."""
    today = today or utcnow().date()
    through_text = settings_service.get(session, ROLLUP_KEY)
    through = date.fromisoformat(through_text) if through_text else None
    ids = None if agent_ids is None else list(agent_ids)
    out: dict[int, metrics.AgentTotals] = defaultdict(metrics.AgentTotals)
    live_from = period.start
    if through is not None and through >= period.start:
        rolled_end = min(through + timedelta(days=1), period.end, today)
        stmt = (
            select(AgentDailyStats.agent_id,
                   *[func.sum(getattr(AgentDailyStats, f)).label(f) for f in _CALL_FIELDS])
            .where(AgentDailyStats.day >= period.start, AgentDailyStats.day < rolled_end)
            .group_by(AgentDailyStats.agent_id)
        )
        if ids is not None:
            stmt = stmt.where(AgentDailyStats.agent_id.in_(ids))
        for row in session.execute(stmt):
            out[row.agent_id] = out[row.agent_id] + _totals_from_row(row)
        live_from = rolled_end
    if live_from < period.end:
        for agent_id, totals in live_call_totals(session, _at(live_from), _at(period.end),
                                                 ids).items():
            out[agent_id] = out[agent_id] + totals
    return dict(out)


def other_totals(session: Session, period: metrics.Period,
                 agent_ids: Iterable[int] | None = None) -> dict[int, metrics.AgentTotals]:
    """Interviews, QA, offer costs and points: small tables, always live."""
    start, end = _at(period.start), _at(period.end)
    ids = None if agent_ids is None else list(agent_ids)
    out: dict[int, metrics.AgentTotals] = defaultdict(metrics.AgentTotals)

    def scoped(stmt: Any, column: Any) -> Any:
        return stmt if ids is None else stmt.where(column.in_(ids))

    q = scoped(select(InterviewResponse.agent_id, func.count())
               .where(InterviewResponse.status == "completed",
                      InterviewResponse.completed_at >= start,
                      InterviewResponse.completed_at < end)
               .group_by(InterviewResponse.agent_id), InterviewResponse.agent_id)
    for agent_id, n in session.execute(q):
        if agent_id is not None:
            out[agent_id].interviews_completed = int(n)
    q = scoped(select(QaEvaluation.agent_id, func.count(QaEvaluation.score_pct),
                      func.coalesce(func.sum(QaEvaluation.score_pct), 0),
                      func.sum(case((QaEvaluation.critical_fail.is_(True), 1), else_=0)))
               .where(QaEvaluation.created_at >= start, QaEvaluation.created_at < end,
                      QaEvaluation.calibration_session.is_(None))
               .group_by(QaEvaluation.agent_id), QaEvaluation.agent_id)
    for agent_id, n, total, fails in session.execute(q):
        if agent_id is not None:
            out[agent_id].qa_evaluations = int(n)
            out[agent_id].qa_score_sum = float(total or 0)
            out[agent_id].qa_critical_fails = int(fails or 0)
    q = scoped(select(OfferRequest.agent_id, func.coalesce(func.sum(OfferRequest.cost_minor), 0))
               .where(OfferRequest.status == "accepted", OfferRequest.outcome_at >= start,
                      OfferRequest.outcome_at < end)
               .group_by(OfferRequest.agent_id), OfferRequest.agent_id)
    for agent_id, cost in session.execute(q):
        if agent_id is not None:
            out[agent_id].offer_cost_minor = int(cost)
    q = scoped(select(RewardLedgerEntry.agent_id, func.sum(RewardLedgerEntry.points))
               .where(RewardLedgerEntry.created_at >= start, RewardLedgerEntry.created_at < end)
               .group_by(RewardLedgerEntry.agent_id), RewardLedgerEntry.agent_id)
    for agent_id, points in session.execute(q):
        out[agent_id].points = int(points or 0)
    return dict(out)


# --------------------------------------------------------------- public views


@dataclass(frozen=True)
class AgentRow:
    agent_id: int
    login: str
    display_name: str
    team: str | None
    card: metrics.Scorecard
    trend: list[int] = field(default_factory=list)  # win-backs per day, for sparklines
    burnout: list[metrics.BurnoutSignal] = field(default_factory=list)


@dataclass(frozen=True)
class TeamView:
    period: metrics.Period
    rows: list[AgentRow]
    team_average: dict[str, float | None]
    targets: dict[str, float]


def _visible_agents(session: Session, actor: Actor, agent_login: str | None) -> list[User]:
    stmt = select(User).where(User.role == Role.AGENT.value, User.active.is_(True))
    if agent_login:
        stmt = select(User).where(func.lower(User.login) == agent_login.lower())
    agents = list(session.scalars(stmt.order_by(User.login)))
    if agent_login and not agents:
        raise NotFound(what=agent_login)
    if not actor.can(Permission.VIEW_TEAM_SCORECARDS):
        if not actor.can(Permission.VIEW_OWN_SCORECARD):
            raise PermissionDenied()
        if agent_login is None:
            agents = [a for a in agents if a.id == actor.user_id]
        elif any(a.id != actor.user_id for a in agents):
            raise PermissionDenied()
        if not agents and actor.user_id is not None:
            me = session.get(User, actor.user_id)
            agents = [me] if me else []
    return agents


def targets(session: Session) -> dict[str, float]:
    custom = settings_service.get(session, "scorecard_targets") or {}
    return {**metrics.DEFAULT_TARGETS, **custom}


def team_view(session: Session, actor: Actor, period: metrics.Period, *,
              agent_login: str | None = None, with_trend: bool = True,
              with_burnout: bool = True, today: date | None = None) -> TeamView:
    """Every visible agent's scorecard for ``period`` with the team average.

    Agents see only themselves (enforced here, not in the UI); supervisors and admins
    see everyone. The team average is over all agents, so an agent can compare.
    """
    agents = _visible_agents(session, actor, agent_login)
    everyone = list(session.scalars(select(User.id).where(User.role == Role.AGENT.value,
                                                          User.active.is_(True))))
    calls = call_totals(session, period, None, today=today)
    others = other_totals(session, period, None)
    cards_all = {aid: metrics.scorecard(calls.get(aid, metrics.AgentTotals())
                                        + others.get(aid, metrics.AgentTotals()))
                 for aid in set(everyone) | {a.id for a in agents}}
    teams = {tid: name for tid, name in session.execute(select(Team.id, Team.name))}
    trends = daily_trend(session, period, [a.id for a in agents]) if with_trend else {}
    signals = burnout_for(session, [a.id for a in agents], period.end, today=today) \
        if with_burnout else {}
    rows = [
        AgentRow(agent.id, agent.login, agent.display_name,
                 teams.get(agent.team_id) if agent.team_id else None,
                 cards_all[agent.id], trends.get(agent.id, []), signals.get(agent.id, []))
        for agent in agents
    ]
    average = metrics.team_average(cards_all[a] for a in everyone if a in cards_all)
    return TeamView(period, rows, average, targets(session))


def daily_trend(session: Session, period: metrics.Period, agent_ids: list[int],
                metric: str = "win_backs") -> dict[int, list[int]]:
    """Per-day values of a call metric (from roll-ups + today live) for sparklines."""
    days = [period.start + timedelta(days=i) for i in range(min(period.days, 92))]
    out = {aid: [0] * len(days) for aid in agent_ids}
    if not agent_ids or not days:
        return out
    index = {d: i for i, d in enumerate(days)}
    stmt = (select(AgentDailyStats.agent_id, AgentDailyStats.day,
                   getattr(AgentDailyStats, metric))
            .where(AgentDailyStats.day >= days[0], AgentDailyStats.day <= days[-1],
                   AgentDailyStats.agent_id.in_(agent_ids)))
    for agent_id, day, value in session.execute(stmt):
        if day in index:
            out[agent_id][index[day]] = int(value or 0)
    return out


def burnout_signals(session: Session, agent_id: int, as_of: date,
                    today: date | None = None) -> list[metrics.BurnoutSignal]:
    return burnout_for(session, [agent_id], as_of, today=today).get(agent_id, [])


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
        raise PermissionDenied()
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
