"""Scorecard metrics: definitions shared by the SQL aggregation and the tests.

"Managing by the numbers" only works when everyone reads a number the same way, so each
metric is defined once here from raw per-agent totals (``AgentTotals``), whatever
produced those totals (live SQL, daily roll-ups or hand-made test data).

Definitions:
- dials: calls the agent started.
- contacts: dials that were answered.
- right-party contacts (RPC): contacts that were not a wrong number.
- RPC rate = RPC / dials.
- interview completion = completed exit interviews / RPC.
- win-backs: calls ending in ``won_back``; win-back rate = win-backs / RPC.
- SLTV recovered: SLTV of the won-back customers (at the time of the win-back).
- offer cost ratio = cost of accepted offers / SLTV recovered.
- average handle = (talk + wrap) per dial, from call start to wrap-up end; talk per
  contact from answer to end; wrap per dial from end to wrap-up end.
- QA average: mean evaluation score in %, critical fails counted apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, fields
from datetime import date, datetime, timedelta
from statistics import mean
from typing import Any


@dataclass
class AgentTotals:
    """Additive raw totals for one agent over one period (sums, never averages)."""

    dials: int = 0
    contacts: int = 0
    rpc: int = 0
    interviews_completed: int = 0
    win_backs: int = 0
    sltv_recovered_minor: int = 0
    offer_cost_minor: int = 0
    handle_seconds: float = 0.0
    handled_calls: int = 0
    talk_seconds: float = 0.0
    talked_calls: int = 0
    wrap_seconds: float = 0.0
    wrapped_calls: int = 0
    qa_score_sum: float = 0.0
    qa_evaluations: int = 0
    qa_critical_fails: int = 0
    points: int = 0

    def __add__(self, other: AgentTotals) -> AgentTotals:
        return AgentTotals(**{
            f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)
        })


def _ratio(num: float, den: float) -> float | None:
    return None if not den else num / den


@dataclass(frozen=True)
class Scorecard:
    dials: int
    contacts: int
    rpc: int
    rpc_rate: float | None
    interviews_completed: int
    interview_completion: float | None
    win_backs: int
    win_back_rate: float | None
    sltv_recovered_minor: int
    offer_cost_minor: int
    offer_cost_ratio: float | None
    avg_handle_s: float | None
    avg_talk_s: float | None
    avg_wrap_s: float | None
    qa_average: float | None
    qa_evaluations: int
    qa_critical_fails: int
    points: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


#: Metrics where a higher value is better (for colouring against team and target).
HIGHER_IS_BETTER = {
    "dials": True, "contacts": True, "rpc": True, "rpc_rate": True,
    "interviews_completed": True, "interview_completion": True, "win_backs": True,
    "win_back_rate": True, "sltv_recovered_minor": True, "offer_cost_minor": False,
    "offer_cost_ratio": False, "avg_handle_s": False, "avg_talk_s": True,
    "avg_wrap_s": False, "qa_average": True, "qa_evaluations": True,
    "qa_critical_fails": False, "points": True,
}

#: Default targets a supervisor can override in settings (``scorecard_targets``).
DEFAULT_TARGETS: dict[str, float] = {
    "rpc_rate": 0.35,
    "interview_completion": 0.8,
    "win_back_rate": 0.15,
    "offer_cost_ratio": 0.1,
    "avg_handle_s": 420.0,
    "qa_average": 80.0,
}


def scorecard(t: AgentTotals) -> Scorecard:
    return Scorecard(
        dials=t.dials,
        contacts=t.contacts,
        rpc=t.rpc,
        rpc_rate=_ratio(t.rpc, t.dials),
        interviews_completed=t.interviews_completed,
        interview_completion=_ratio(t.interviews_completed, t.rpc),
        win_backs=t.win_backs,
        win_back_rate=_ratio(t.win_backs, t.rpc),
        sltv_recovered_minor=t.sltv_recovered_minor,
        offer_cost_minor=t.offer_cost_minor,
        offer_cost_ratio=_ratio(t.offer_cost_minor, t.sltv_recovered_minor),
        avg_handle_s=_ratio(t.handle_seconds, t.handled_calls),
        avg_talk_s=_ratio(t.talk_seconds, t.talked_calls),
        avg_wrap_s=_ratio(t.wrap_seconds, t.wrapped_calls),
        qa_average=_ratio(t.qa_score_sum, t.qa_evaluations),
        qa_evaluations=t.qa_evaluations,
        qa_critical_fails=t.qa_critical_fails,
        points=t.points,
    )


def team_average(cards: Iterable[Scorecard]) -> dict[str, float | None]:
    """Mean of each metric over the agents that have a value for it."""
    cards = list(cards)
    out: dict[str, float | None] = {}
    for name in HIGHER_IS_BETTER:
        values = [getattr(c, name) for c in cards if getattr(c, name) is not None]
        out[name] = mean(values) if values else None
    return out


def verdict(metric: str, value: float | None, reference: float | None) -> int:
    """+1 better than the reference, -1 worse, 0 equal or unknown."""
    if value is None or reference is None or value == reference:
        return 0
    better = value > reference
    return 1 if better == HIGHER_IS_BETTER.get(metric, True) else -1


# ----------------------------------------------------------------------- periods


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # exclusive
    label: str

    @property
    def days(self) -> int:
        return (self.end - self.start).days


def parse_period(text: str, today: date | None = None) -> Period:
    """``2026-11`` (month), ``2026-W47`` (ISO week), ``2026-11-20`` (day),
    ``2026-11-01..2026-11-15`` (custom, end inclusive), ``today``, ``week``, ``month``."""
    today = today or date.today()
    text = text.strip()
    if text == "today":
        return Period(today, today + timedelta(days=1), today.isoformat())
    if text == "week":
        start = today - timedelta(days=today.weekday())
        return Period(start, start + timedelta(days=7), f"{start.isocalendar()[0]}-W"
                      f"{start.isocalendar()[1]:02d}")
    if text == "month":
        return parse_period(today.strftime("%Y-%m"))
    if ".." in text:
        a, b = text.split("..", 1)
        start, last = date.fromisoformat(a), date.fromisoformat(b)
        if last < start:
            raise ValueError(text)
        return Period(start, last + timedelta(days=1), text)
    if "-W" in text:
        year, week = text.split("-W")
        start = date.fromisocalendar(int(year), int(week), 1)
        return Period(start, start + timedelta(days=7), text)
    parts = text.split("-")
    if len(parts) == 2:
        start = date(int(parts[0]), int(parts[1]), 1)
        nxt = date(start.year + (start.month == 12), start.month % 12 + 1, 1)
        return Period(start, nxt, text)
    day = date.fromisoformat(text)
    return Period(day, day + timedelta(days=1), text)


# ---------------------------------------------------------------------- burnout


@dataclass(frozen=True)
class BurnoutSignal:
    kind: str  # handle_time_drift, long_session, falling_qa, falling_contact_rate
    detail: dict[str, Any]


def handle_time_drift(recent_avg: float | None, baseline_avg: float | None,
                      threshold: float = 0.2) -> BurnoutSignal | None:
    if not recent_avg or not baseline_avg:
        return None
    drift = recent_avg / baseline_avg - 1
    if drift >= threshold:
        return BurnoutSignal("handle_time_drift", {"recent_s": round(recent_avg),
                                                   "baseline_s": round(baseline_avg),
                                                   "drift": round(drift, 3)})
    return None


def longest_session(call_times: Sequence[tuple[datetime, datetime]],
                    max_gap: timedelta = timedelta(minutes=15)) -> timedelta:
    """Longest stretch of calls with no gap above ``max_gap`` (no real break)."""
    best = timedelta()
    start: datetime | None = None
    last_end: datetime | None = None
    for begin, end in sorted(call_times):
        if start is None or last_end is None or begin - last_end > max_gap:
            start = begin
        last_end = max(end, last_end) if last_end and begin - last_end <= max_gap else end
        best = max(best, last_end - start)
    return best


def long_session(call_times: Sequence[tuple[datetime, datetime]],
                 limit: timedelta = timedelta(hours=2, minutes=30)) -> BurnoutSignal | None:
    longest = longest_session(call_times)
    if longest >= limit:
        return BurnoutSignal("long_session", {"minutes": int(longest.total_seconds() // 60)})
    return None


def falling(kind: str, recent: float | None, previous: float | None,
            drop: float) -> BurnoutSignal | None:
    """A relative drop of at least ``drop`` (0.1 = 10 %) from the previous period."""
    if recent is None or not previous:
        return None
    change = recent / previous - 1
    if change <= -drop:
        return BurnoutSignal(kind, {"recent": round(recent, 3), "previous": round(previous, 3),
                                    "change": round(change, 3)})
    return None
