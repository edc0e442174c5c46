"""Whether a period's talk, hold and handle times were measured or entered (issue 20).

The scorecard figures (``core.metrics``) read ``calls.answered_at``/``ended_at``; the
phone events overwrite the agent's button presses with the phone system's own times
and mark them (``answered_by``/``ended_by`` = ``phone``). This counts, over the same
handled calls the scorecards average, how many were timed by the phone system and how
many by hand, so a scorecard can say which its times are.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time

from sqlalchemy import and_, case, func, select

from winback_desktop.core import metrics
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import Call
from winback_desktop.db.session import Database
from winback_desktop.services.context import Actor, refuse
from winback_desktop.services.telephony.events import PHONE


@dataclass(frozen=True, slots=True)
class TimingSources:
    measured: int  # answer and end both reported by the phone system
    entered: int   # at least one of them pressed by the agent

    @property
    def handled(self) -> int:
        return self.measured + self.entered


def timing_sources(db: Database, actor: Actor, period: metrics.Period) -> TimingSources:
    """Handled calls of the period (the team's, or only one's own for an agent)."""
    by_agent = timing_by_agent(db, actor, period)
    return TimingSources(sum(t.measured for t in by_agent.values()),
                         sum(t.entered for t in by_agent.values()))


def timing_by_agent(db: Database, actor: Actor, period: metrics.Period
                    ) -> dict[int, TimingSources]:
    """``timing_sources`` per agent id, for the scorecard's agent rows (a supervisor
    sees whose figures came from the phone system); an agent gets only their own."""
    team = actor.can(Permission.VIEW_TEAM_SCORECARDS)
    if not team and not actor.can(Permission.VIEW_OWN_SCORECARD):
        refuse(None, actor, "timing_sources")
    start = datetime.combine(period.start, time(), tzinfo=UTC)
    end = datetime.combine(period.end, time(), tzinfo=UTC)
    measured = and_(Call.answered_by == PHONE, Call.ended_by == PHONE)
    stmt = (select(Call.agent_id, func.count(),
                   func.coalesce(func.sum(case((measured, 1), else_=0)), 0))
            .where(Call.started_at >= start, Call.started_at < end,
                   Call.answered_at.is_not(None), Call.ended_at.is_not(None),
                   Call.wrapup_ended_at.is_not(None))
            .group_by(Call.agent_id))
    if not team:
        stmt = stmt.where(Call.agent_id == actor.user_id)
    with db.session() as session:
        rows = session.execute(stmt).all()
    return {int(agent_id): TimingSources(int(phone), int(total) - int(phone))
            for agent_id, total, phone in rows}
