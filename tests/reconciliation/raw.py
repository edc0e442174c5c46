"""Every figure's definition, computed straight from the raw tables in plain Python.

Nothing here uses the services' SQL, the roll-ups or ``core.metrics``: rows are read
as they are stored and each figure is restated from its written definition (the
tooltips and ``core.metrics``' docstring). The suite holds every screen, CLI, export
and report figure equal to these.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from typing import Any

from sqlalchemy import select

from winback_desktop.core import metrics
from winback_desktop.core.segmentation import tier_for
from winback_desktop.db.models import (
    Call,
    Campaign,
    InterviewResponse,
    OfferRequest,
    QaEvaluation,
    RewardLedgerEntry,
    RewardRule,
    User,
)
from winback_desktop.db.session import Database
from winback_desktop.services.segmentation_service import get_thresholds


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


@dataclass
class Raw:
    """Per agent: plain sums read row by row."""

    dials: int = 0
    contacts: int = 0
    rpc: int = 0
    winback_rpc: int = 0
    save_rpc: int = 0
    win_backs: int = 0
    sltv_recovered: int = 0
    saves: int = 0
    sltv_saved: int = 0
    handled: int = 0
    talk: float = 0.0
    hold: float = 0.0
    wrap: float = 0.0
    interviews: int = 0
    offer_cost: int = 0
    qa_scores: list[float] = field(default_factory=list)
    qa_critical: int = 0
    points_earned: int = 0
    points_balance: int = 0
    win_backs_by_day: dict[Any, int] = field(default_factory=lambda: defaultdict(int))
    saves_by_day: dict[Any, int] = field(default_factory=lambda: defaultdict(int))


def _ratio(num: float, den: float) -> float | None:
    return num / den if den else None


#: each scorecard figure restated from its definition
DEFINITIONS: dict[str, Any] = {
    "dials": lambda r: r.dials,
    "contacts": lambda r: r.contacts,
    "rpc": lambda r: r.rpc,
    "rpc_rate": lambda r: _ratio(r.rpc, r.dials),
    "interviews_completed": lambda r: r.interviews,
    "interview_completion": lambda r: _ratio(r.interviews, r.rpc),
    "win_backs": lambda r: r.win_backs,
    "win_back_rate": lambda r: _ratio(r.win_backs, r.winback_rpc),
    "sltv_recovered_minor": lambda r: r.sltv_recovered,
    "saves": lambda r: r.saves,
    "save_rate": lambda r: _ratio(r.saves, r.save_rpc),
    "sltv_saved_minor": lambda r: r.sltv_saved,
    "offer_cost_minor": lambda r: r.offer_cost,
    "offer_cost_ratio": lambda r: _ratio(r.offer_cost, r.sltv_recovered + r.sltv_saved),
    "avg_handle_s": lambda r: _ratio(r.talk + r.hold + r.wrap, r.handled),
    "avg_talk_s": lambda r: _ratio(r.talk, r.handled),
    "avg_hold_s": lambda r: _ratio(r.hold, r.handled),
    "avg_wrap_s": lambda r: _ratio(r.wrap, r.handled),
    "qa_average": lambda r: _ratio(sum(r.qa_scores), len(r.qa_scores)),
    "qa_evaluations": lambda r: len(r.qa_scores),
    "qa_critical_fails": lambda r: r.qa_critical,
    "points": lambda r: r.points_earned,
}


@dataclass
class Reading:
    """The raw figures of one period: per agent, the team summed, and the calls."""

    agents: dict[int, Raw]
    logins: dict[int, str]
    team: Raw
    calls: list[Any]
    ledger: list[Any]

    def value(self, agent_id: int, metric: str) -> Any:
        return DEFINITIONS[metric](self.agents.get(agent_id, Raw()))

    def team_value(self, metric: str) -> Any:
        return DEFINITIONS[metric](self.team)


def read(db: Database, period: metrics.Period) -> Reading:
    lo = datetime.combine(period.start, time(0), tzinfo=UTC)
    hi = datetime.combine(period.end, time(0), tzinfo=UTC)

    def inside(at: datetime | None) -> bool:
        at = _utc(at)
        return at is not None and lo <= at < hi

    out: dict[int, Raw] = defaultdict(Raw)
    with db.session() as s:
        kinds = dict(s.execute(select(Campaign.id, Campaign.kind)).all())
        logins = dict(s.execute(select(User.id, User.login).where(User.role == "agent")).all())
        all_calls = list(s.execute(select(Call)).scalars())
        calls = [c for c in all_calls if inside(c.started_at) and c.agent_id is not None]
        for c in calls:
            r = out[c.agent_id]
            r.dials += 1
            answered = c.answered_at is not None
            r.contacts += answered
            is_rpc = answered and c.disposition is not None and c.disposition != "wrong_number"
            r.rpc += is_rpc
            save_kind = kinds.get(c.campaign_id) == "save"
            r.save_rpc += is_rpc and save_kind
            r.winback_rpc += is_rpc and not save_kind
            day = _utc(c.started_at).date()  # type: ignore[union-attr]
            if c.disposition == "won_back":
                r.win_backs += 1
                r.sltv_recovered += c.sltv_minor or 0
                r.win_backs_by_day[day] += 1
            if c.disposition == "saved":
                r.saves += 1
                r.sltv_saved += c.sltv_minor or 0
                r.saves_by_day[day] += 1
            if answered and c.ended_at is not None and c.wrapup_ended_at is not None:
                r.handled += 1
                hold = c.hold_seconds or 0
                r.talk += (_utc(c.ended_at) - _utc(c.answered_at)).total_seconds() - hold  # type: ignore[operator]
                r.hold += hold
                r.wrap += (_utc(c.wrapup_ended_at) - _utc(c.ended_at)).total_seconds()  # type: ignore[operator]
        for row in s.scalars(select(InterviewResponse)):
            if row.status == "completed" and row.agent_id and inside(row.completed_at):
                out[row.agent_id].interviews += 1
        for ev in s.scalars(select(QaEvaluation)):
            if ev.agent_id and ev.calibration_session is None and inside(ev.created_at) \
                    and ev.score_pct is not None:
                out[ev.agent_id].qa_scores.append(float(ev.score_pct))
                out[ev.agent_id].qa_critical += bool(ev.critical_fail)
        for offer in s.scalars(select(OfferRequest)):
            if offer.status == "accepted" and offer.agent_id and inside(offer.outcome_at):
                out[offer.agent_id].offer_cost += offer.cost_minor or 0
        ledger = list(s.scalars(select(RewardLedgerEntry)))
        for entry in ledger:
            out[entry.agent_id].points_balance += entry.points
            if entry.kind != "redemption" and inside(entry.created_at):
                out[entry.agent_id].points_earned += entry.points
        s.expunge_all()
    team = Raw()
    for r in out.values():
        for name in ("dials", "contacts", "rpc", "winback_rpc", "save_rpc", "win_backs",
                     "sltv_recovered", "saves", "sltv_saved", "handled", "talk", "hold",
                     "wrap", "interviews", "offer_cost", "qa_critical", "points_earned",
                     "points_balance"):
            setattr(team, name, getattr(team, name) + getattr(r, name))
        team.qa_scores += r.qa_scores
        for d, n in r.win_backs_by_day.items():
            team.win_backs_by_day[d] += n
        for d, n in r.saves_by_day.items():
            team.saves_by_day[d] += n
    return Reading(dict(out), logins, team, calls, ledger)


def success_points(db: Database, period: metrics.Period, kind: str, outcome: str
                   ) -> dict[int, int]:
    """What the "win-back (or save) by SLTV tier" rules grant, per agent: each such
    call's tier by the SLTV the call recorded (the value when the customer came back
    or stayed). Saves earn only under the save rule, win-backs only under theirs."""
    lo = datetime.combine(period.start, time(0), tzinfo=UTC)
    hi = datetime.combine(period.end, time(0), tzinfo=UTC)
    out: dict[int, int] = defaultdict(int)
    with db.session() as s:
        thresholds = get_thresholds(s)
        rules = [r for r in s.scalars(select(RewardRule)) if r.kind == kind and r.active]
        for c in s.scalars(select(Call).where(Call.disposition == outcome)):
            at = _utc(c.started_at)
            if c.agent_id is None or at is None or not lo <= at < hi:
                continue
            tier = tier_for(c.sltv_minor, thresholds)
            for rule in rules:
                out[c.agent_id] += int((rule.params or {}).get("tier_points", {}).get(
                    tier, rule.points))
    return dict(out)


def ranks(values: dict[int, int]) -> dict[int, int]:
    """1 + how many did better; everyone with nothing shares the last place."""
    n = len(values)
    return {k: (n if v <= 0 else 1 + sum(1 for o in values.values() if o > v))
            for k, v in values.items()}
