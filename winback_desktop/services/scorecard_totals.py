"""The raw totals behind every scorecard figure (``core.metrics.AgentTotals``), in SQL.

Call totals come from ``agent_daily_stats`` for closed UTC days and from a live
GROUP BY over ``calls`` for the rest of the period, so a month's team view reads a few
thousand roll-up rows instead of millions of calls. Both produce the same totals (a
test holds them equal). A closed day whose calls changed after it was rolled up
(database triggers list it in ``scorecard_stale_days``) is read live until
``refresh_rollups`` recomputes it: an amended outcome shows at once, everywhere.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import and_, case, delete, func, insert, select, text
from sqlalchemy.orm import Session

from winback_desktop.core import metrics
from winback_desktop.core.domain import CampaignKind, Disposition
from winback_desktop.db.models import (
    AgentDailyStats,
    Call,
    Campaign,
    InterviewResponse,
    OfferRequest,
    QaEvaluation,
    RewardLedgerEntry,
    ScorecardStaleDay,
    Setting,
)
from winback_desktop.db.sql import seconds_between, utc_day
from winback_desktop.db.types import utcnow
from winback_desktop.services import settings as settings_service

ROLLUP_KEY = "scorecard_rollup_through"  # last UTC day fully rolled up (ISO date)
#: ledger kinds that spend points rather than earn them
SPENDING_KINDS = ("redemption",)
#: PostgreSQL advisory lock key: one roll-up refresh at a time
_REFRESH_LOCK = 14_0001

#: the call totals, in the roll-up table's column names
CALL_FIELDS = ("dials", "contacts", "rpc", "winback_rpc", "save_rpc", "win_backs",
               "sltv_recovered_minor", "saves", "sltv_saved_minor", "handled_calls",
               "talk_seconds", "hold_seconds", "wrap_seconds")
_SECONDS = ("talk_seconds", "hold_seconds", "wrap_seconds")


def at(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=UTC)


def call_totals_stmt(start: datetime, end: datetime, agent_ids: Iterable[int] | None = None,
                     by_day: bool = False) -> Any:
    """One GROUP BY per agent (and day) over the calls started in [start, end)."""
    answered = Call.answered_at.is_not(None)
    rpc = and_(answered, Call.disposition.is_not(None),
               Call.disposition != Disposition.WRONG_NUMBER.value)
    save_kind = func.coalesce(Campaign.kind, CampaignKind.WIN_BACK.value) == \
        CampaignKind.SAVE.value
    won = Call.disposition == Disposition.WON_BACK.value
    saved = Call.disposition == Disposition.SAVED.value
    handled = and_(answered, Call.ended_at.is_not(None), Call.wrapup_ended_at.is_not(None))
    hold = func.coalesce(Call.hold_seconds, 0)
    cols: list[Any] = [Call.agent_id]
    if by_day:
        cols.append(utc_day(Call.started_at).label("day"))

    def total(cond: Any, value: Any = 1) -> Any:
        return func.coalesce(func.sum(case((cond, value), else_=0)), 0)

    cols += [
        func.count().label("dials"),
        total(answered).label("contacts"),
        total(rpc).label("rpc"),
        total(and_(rpc, ~save_kind)).label("winback_rpc"),
        total(and_(rpc, save_kind)).label("save_rpc"),
        total(won).label("win_backs"),
        total(won, func.coalesce(Call.sltv_minor, 0)).label("sltv_recovered_minor"),
        total(saved).label("saves"),
        total(saved, func.coalesce(Call.sltv_minor, 0)).label("sltv_saved_minor"),
        total(handled).label("handled_calls"),
        total(handled, seconds_between(Call.answered_at, Call.ended_at) - hold)
        .label("talk_seconds"),
        total(handled, hold).label("hold_seconds"),
        total(handled, seconds_between(Call.ended_at, Call.wrapup_ended_at))
        .label("wrap_seconds"),
    ]
    stmt = (
        select(*cols)
        .select_from(Call)
        .outerjoin(Campaign, Campaign.id == Call.campaign_id)
        .where(Call.started_at >= start, Call.started_at < end, Call.agent_id.is_not(None))
        .group_by(*cols[: 2 if by_day else 1])
    )
    if agent_ids is not None:
        stmt = stmt.where(Call.agent_id.in_(list(agent_ids)))
    return stmt


def totals_from_row(row: Any) -> metrics.AgentTotals:
    values: dict[str, Any] = {}
    for f in CALL_FIELDS:
        raw = getattr(row, f) or 0
        values[f] = float(raw) if f in _SECONDS else int(raw)
    return metrics.AgentTotals(**values)


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def live_call_totals(session: Session, start: datetime, end: datetime,
                     agent_ids: Iterable[int] | None = None) -> dict[int, metrics.AgentTotals]:
    return {row.agent_id: totals_from_row(row)
            for row in session.execute(call_totals_stmt(start, end, agent_ids))}


# ------------------------------------------------------------------ roll-ups


def rolled_through(session: Session) -> date | None:
    text_value = settings_service.get(session, ROLLUP_KEY)
    return date.fromisoformat(text_value) if text_value else None


def stale_days(session: Session, start: date, end: date) -> set[date]:
    return {_day(d) for d in session.scalars(
        select(ScorecardStaleDay.day).where(ScorecardStaleDay.day >= start,
                                            ScorecardStaleDay.day < end))}


def refresh_rollups(session: Session, today: date | None = None) -> int:
    """Roll up every closed day not rolled up yet, the day before the last one (late
    wrap-ups) and every day marked stale. Returns the number of days (re)computed."""
    today = today or utcnow().date()
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _REFRESH_LOCK})
    first_call = session.scalar(select(func.min(Call.started_at)))
    if first_call is None:
        session.execute(delete(ScorecardStaleDay))
        return 0
    start = first_call.date()
    through = rolled_through(session)
    if through is not None:
        start = max(start, through - timedelta(days=1))
    days = {start + timedelta(days=i) for i in range(max((today - start).days, 0))}
    days |= stale_days(session, first_call.date(), today)
    if not days:
        return 0
    now = utcnow()
    for lo, hi in _ranges(sorted(days)):
        session.execute(delete(AgentDailyStats).where(AgentDailyStats.day >= lo,
                                                      AgentDailyStats.day < hi))
        rows = [{"agent_id": row.agent_id, "day": _day(row.day), "computed_at": now,
                 **{f: getattr(totals_from_row(row), f) for f in CALL_FIELDS}}
                for row in session.execute(call_totals_stmt(at(lo), at(hi), by_day=True))]
        for i in range(0, len(rows), 2000):
            session.execute(insert(AgentDailyStats), rows[i:i + 2000])
    session.execute(delete(ScorecardStaleDay).where(ScorecardStaleDay.day < today))
    if start < today:
        _set_rollup_mark(session, (today - timedelta(days=1)).isoformat())
    return len(days)


def _ranges(days: list[date]) -> list[tuple[date, date]]:
    """Sorted days as [start, end) runs of consecutive days."""
    out: list[tuple[date, date]] = []
    for d in days:
        if out and out[-1][1] == d:
            out[-1] = (out[-1][0], d + timedelta(days=1))
        else:
            out.append((d, d + timedelta(days=1)))
    return out


def _set_rollup_mark(session: Session, value: str) -> None:
    row = session.scalar(select(Setting).where(Setting.scope == settings_service.GLOBAL,
                                               Setting.key == ROLLUP_KEY))
    if row is None:
        session.add(Setting(scope=settings_service.GLOBAL, key=ROLLUP_KEY, value=value))
    else:
        row.value = value


def _rolled_span(session: Session, period: metrics.Period, today: date
                 ) -> tuple[date, set[date]]:
    """(end of the rolled-up part of ``period``, stale days inside it)."""
    through = rolled_through(session)
    if through is None or through < period.start:
        return period.start, set()
    rolled_end = min(through + timedelta(days=1), period.end, today)
    return rolled_end, stale_days(session, period.start, rolled_end)


def call_totals(session: Session, period: metrics.Period,
                agent_ids: Iterable[int] | None = None,
                today: date | None = None) -> dict[int, metrics.AgentTotals]:
    """Call totals per agent: roll-ups for closed days, live SQL for the rest (and for
    closed days changed since they were rolled up)."""
    today = today or utcnow().date()
    ids = None if agent_ids is None else list(agent_ids)
    out: dict[int, metrics.AgentTotals] = defaultdict(metrics.AgentTotals)
    rolled_end, stale = _rolled_span(session, period, today)
    if rolled_end > period.start:
        stmt = (select(AgentDailyStats.agent_id,
                       *[func.sum(getattr(AgentDailyStats, f)).label(f) for f in CALL_FIELDS])
                .where(AgentDailyStats.day >= period.start, AgentDailyStats.day < rolled_end)
                .group_by(AgentDailyStats.agent_id))
        if stale:
            stmt = stmt.where(AgentDailyStats.day.not_in(sorted(stale)))
        if ids is not None:
            stmt = stmt.where(AgentDailyStats.agent_id.in_(ids))
        for row in session.execute(stmt):
            out[row.agent_id] = out[row.agent_id] + totals_from_row(row)
    live = _ranges(sorted(stale))
    if rolled_end < period.end:
        live.append((rolled_end, period.end))
    for lo, hi in live:
        for agent_id, totals in live_call_totals(session, at(lo), at(hi), ids).items():
            out[agent_id] = out[agent_id] + totals
    return dict(out)


def totals_by_day(session: Session, period: metrics.Period, agent_ids: list[int],
                  today: date | None = None) -> dict[int, dict[date, metrics.AgentTotals]]:
    """Call totals per agent and day, from the same sources as ``call_totals``: the
    day-by-day charts add up to the period's figures."""
    today = today or utcnow().date()
    out: dict[int, dict[date, metrics.AgentTotals]] = {aid: {} for aid in agent_ids}
    if not agent_ids:
        return out
    rolled_end, stale = _rolled_span(session, period, today)
    if rolled_end > period.start:
        stmt = (select(AgentDailyStats.agent_id, AgentDailyStats.day,
                       *[getattr(AgentDailyStats, f) for f in CALL_FIELDS])
                .where(AgentDailyStats.day >= period.start, AgentDailyStats.day < rolled_end,
                       AgentDailyStats.agent_id.in_(agent_ids)))
        for row in session.execute(stmt):
            day = _day(row.day)
            if day not in stale:
                out[row.agent_id][day] = totals_from_row(row)
    live = _ranges(sorted(stale))
    if rolled_end < period.end:
        live.append((rolled_end, period.end))
    for lo, hi in live:
        for row in session.execute(call_totals_stmt(at(lo), at(hi), agent_ids, by_day=True)):
            out[row.agent_id][_day(row.day)] = totals_from_row(row)
    return out


def other_totals(session: Session, period: metrics.Period,
                 agent_ids: Iterable[int] | None = None) -> dict[int, metrics.AgentTotals]:
    """Interviews, QA, offer costs and points: small tables, always live."""
    start, end = at(period.start), at(period.end)
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
    for agent_id, points in session.execute(scoped(points_earned_stmt(start, end),
                                                   RewardLedgerEntry.agent_id)):
        out[agent_id].points = int(points or 0)
    return dict(out)


def points_earned_stmt(start: datetime, end: datetime) -> Any:
    """Points earned per agent in [start, end): the leaderboard and the scorecard."""
    return (select(RewardLedgerEntry.agent_id, func.sum(RewardLedgerEntry.points))
            .where(RewardLedgerEntry.created_at >= start, RewardLedgerEntry.created_at < end,
                   RewardLedgerEntry.kind.not_in(SPENDING_KINDS))
            .group_by(RewardLedgerEntry.agent_id))


def agent_totals(session: Session, period: metrics.Period,
                 agent_ids: Iterable[int] | None = None,
                 today: date | None = None) -> dict[int, metrics.AgentTotals]:
    """Everything a scorecard shows, per agent: calls plus the small tables."""
    ids = None if agent_ids is None else list(agent_ids)
    calls = call_totals(session, period, ids, today=today)
    others = other_totals(session, period, ids)
    return {aid: calls.get(aid, metrics.AgentTotals()) + others.get(aid, metrics.AgentTotals())
            for aid in set(calls) | set(others)}
