"""Scorecard metrics: every figure defined once, with its denominator.

"Managing by the numbers" only works when everyone reads a number the same way, so each
metric is defined here (``METRICS``) from additive per-agent totals (``AgentTotals``),
whatever produced those totals (live SQL, daily roll-ups, the reconciliation suite's
straight reading of the raw tables, hand-made test data). Screens, the CLI JSON,
exports, leaderboards and charts all read these definitions.

Totals (over the calls an agent *started* in the period, unless said otherwise):
- dials: calls started; contacts: those answered; right-party contacts (RPC): contacts
  whose outcome is recorded and is not a wrong number; also split by the campaign's
  kind (win-back / save).
- win-backs: calls whose outcome is ``won_back``; saves: ``saved`` (a save campaign's
  at-risk customer kept). Counted apart, never added together.
- SLTV recovered / saved: the SLTV recorded on those calls when the outcome was set.
- handled calls: answered calls that ended and finished wrap-up; over exactly those
  calls, talk = answer → hang-up minus hold, hold = measured hold time, wrap-up =
  hang-up → wrap-up end, and handle = talk + hold + wrap-up (so the averages add up).
- interviews completed, accepted offers' cost, QA evaluations: by the time they were
  completed / accepted / scored in the period. Points: earned in the period (rules, spot
  awards and corrections; redemptions spend points and are not counted).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, fields
from datetime import date, datetime, timedelta
from statistics import mean
from typing import Any

from winback_desktop.core.i18n import QT_TRANSLATE_NOOP


@dataclass
class AgentTotals:
    """Additive raw totals for one agent over one period (sums, never averages)."""

    dials: int = 0
    contacts: int = 0
    rpc: int = 0
    winback_rpc: int = 0
    save_rpc: int = 0
    interviews_completed: int = 0
    win_backs: int = 0
    sltv_recovered_minor: int = 0
    saves: int = 0
    sltv_saved_minor: int = 0
    offer_cost_minor: int = 0
    handled_calls: int = 0
    talk_seconds: float = 0.0
    hold_seconds: float = 0.0
    wrap_seconds: float = 0.0
    qa_score_sum: float = 0.0
    qa_evaluations: int = 0
    qa_critical_fails: int = 0
    points: int = 0

    @property
    def handle_seconds(self) -> float:
        return self.talk_seconds + self.hold_seconds + self.wrap_seconds

    def __add__(self, other: AgentTotals) -> AgentTotals:
        return AgentTotals(**{
            f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)
        })


#: how a metric is shown: a count, money (minor units), a share, seconds, a score
COUNT, MONEY, SHARE, SECONDS, SCORE = "count", "money", "share", "seconds", "score"


@dataclass(frozen=True, slots=True)
class MetricDef:
    """One scorecard figure: ``numerator`` (÷ ``denominator``) of ``AgentTotals``."""

    key: str
    kind: str
    numerator: str
    denominator: str | None
    higher_is_better: bool
    label: str        # source text, translated in the "Metrics" context
    definition: str   # source text of the tooltip: what is counted, over what

    @property
    def is_ratio(self) -> bool:
        return self.denominator is not None

    def value(self, t: AgentTotals) -> float | int | None:
        num = getattr(t, self.numerator)
        if self.denominator is None:
            return num  # type: ignore[no-any-return]
        den = getattr(t, self.denominator)
        return None if not den else num / den


def _m(key: str, kind: str, num: str, den: str | None, better: bool, label: str,
       definition: str) -> MetricDef:
    return MetricDef(key, kind, num, den, better, label, definition)


#: Every scorecard figure, in display order.
METRICS: dict[str, MetricDef] = {m.key: m for m in (
    _m("dials", COUNT, "dials", None, True, QT_TRANSLATE_NOOP("Metrics", "Dials"),
       QT_TRANSLATE_NOOP("Metrics", "Calls started in the period.")),
    _m("contacts", COUNT, "contacts", None, True, QT_TRANSLATE_NOOP("Metrics", "Contacts"),
       QT_TRANSLATE_NOOP("Metrics", "Calls started in the period that were answered.")),
    _m("rpc", COUNT, "rpc", None, True,
       QT_TRANSLATE_NOOP("Metrics", "Right-party contacts"),
       QT_TRANSLATE_NOOP("Metrics", "Answered calls whose outcome is not a wrong number.")),
    _m("rpc_rate", SHARE, "rpc", "dials", True, QT_TRANSLATE_NOOP("Metrics", "Right-party rate"),
       QT_TRANSLATE_NOOP("Metrics", "Right-party contacts ÷ dials.")),
    _m("interviews_completed", COUNT, "interviews_completed", None, True,
       QT_TRANSLATE_NOOP("Metrics", "Interviews"),
       QT_TRANSLATE_NOOP("Metrics", "Exit interviews completed in the period.")),
    _m("interview_completion", SHARE, "interviews_completed", "rpc", True,
       QT_TRANSLATE_NOOP("Metrics", "Interview completion"),
       QT_TRANSLATE_NOOP("Metrics", "Exit interviews completed ÷ right-party contacts.")),
    _m("win_backs", COUNT, "win_backs", None, True, QT_TRANSLATE_NOOP("Metrics", "Win-backs"),
       QT_TRANSLATE_NOOP("Metrics", "Calls whose outcome is won back (lost customers who came "
                             "back). Saves are counted apart.")),
    _m("win_back_rate", SHARE, "win_backs", "winback_rpc", True,
       QT_TRANSLATE_NOOP("Metrics", "Win-back rate"),
       QT_TRANSLATE_NOOP("Metrics", "Win-backs ÷ right-party contacts on win-back campaigns.")),
    _m("sltv_recovered_minor", MONEY, "sltv_recovered_minor", None, True,
       QT_TRANSLATE_NOOP("Metrics", "SLTV recovered"),
       QT_TRANSLATE_NOOP("Metrics", "Sum of the SLTV recorded on each win-back when its outcome "
                             "was set.")),
    _m("saves", COUNT, "saves", None, True, QT_TRANSLATE_NOOP("Metrics", "Saves"),
       QT_TRANSLATE_NOOP("Metrics", "Calls whose outcome is saved (at-risk customers kept). "
                             "Never counted as win-backs.")),
    _m("save_rate", SHARE, "saves", "save_rpc", True, QT_TRANSLATE_NOOP("Metrics", "Save rate"),
       QT_TRANSLATE_NOOP("Metrics", "Saves ÷ right-party contacts on save campaigns.")),
    _m("sltv_saved_minor", MONEY, "sltv_saved_minor", None, True,
       QT_TRANSLATE_NOOP("Metrics", "SLTV saved"),
       QT_TRANSLATE_NOOP("Metrics", "Sum of the SLTV recorded on each save when its outcome was "
                             "set.")),
    _m("offer_cost_minor", MONEY, "offer_cost_minor", None, False,
       QT_TRANSLATE_NOOP("Metrics", "Offer cost"),
       QT_TRANSLATE_NOOP("Metrics", "Cost of the offers customers accepted in the period.")),
    _m("offer_cost_ratio", SHARE, "offer_cost_minor", "sltv_won_minor", False,
       QT_TRANSLATE_NOOP("Metrics", "Offer cost / SLTV"),
       QT_TRANSLATE_NOOP("Metrics", "Cost of accepted offers ÷ (SLTV recovered + SLTV saved).")),
    _m("avg_handle_s", SECONDS, "handle_seconds", "handled_calls", False,
       QT_TRANSLATE_NOOP("Metrics", "Avg handle (s)"),
       QT_TRANSLATE_NOOP("Metrics", "(Talk + hold + wrap-up) ÷ handled calls: answered calls "
                             "that ended and finished wrap-up.")),
    _m("avg_talk_s", SECONDS, "talk_seconds", "handled_calls", True,
       QT_TRANSLATE_NOOP("Metrics", "Avg talk (s)"),
       QT_TRANSLATE_NOOP("Metrics", "Answer to hang-up, less hold time ÷ handled calls.")),
    _m("avg_hold_s", SECONDS, "hold_seconds", "handled_calls", False,
       QT_TRANSLATE_NOOP("Metrics", "Avg hold (s)"),
       QT_TRANSLATE_NOOP("Metrics", "Hold time measured by the phone system ÷ handled calls.")),
    _m("avg_wrap_s", SECONDS, "wrap_seconds", "handled_calls", False,
       QT_TRANSLATE_NOOP("Metrics", "Avg wrap-up (s)"),
       QT_TRANSLATE_NOOP("Metrics", "Hang-up to end of wrap-up ÷ handled calls.")),
    _m("qa_average", SCORE, "qa_score_sum", "qa_evaluations", True,
       QT_TRANSLATE_NOOP("Metrics", "QA average"),
       QT_TRANSLATE_NOOP("Metrics", "Mean QA score (%) ÷ evaluations in the period (calibration "
                             "sessions excluded).")),
    _m("qa_evaluations", COUNT, "qa_evaluations", None, True,
       QT_TRANSLATE_NOOP("Metrics", "QA evaluations"),
       QT_TRANSLATE_NOOP("Metrics", "Calls scored by QA in the period.")),
    _m("qa_critical_fails", COUNT, "qa_critical_fails", None, False,
       QT_TRANSLATE_NOOP("Metrics", "Critical fails"),
       QT_TRANSLATE_NOOP("Metrics", "QA evaluations with a critical failure.")),
    _m("points", COUNT, "points", None, True, QT_TRANSLATE_NOOP("Metrics", "Points"),
       QT_TRANSLATE_NOOP("Metrics", "Points earned in the period (rules, spot awards, "
                             "corrections); redemptions are not subtracted.")),
)}

#: what a denominator counts, for tooltips and the CLI JSON
DENOMINATORS: dict[str, str] = {
    "dials": QT_TRANSLATE_NOOP("Metrics", "dials"),
    "rpc": QT_TRANSLATE_NOOP("Metrics", "right-party contacts"),
    "winback_rpc": QT_TRANSLATE_NOOP("Metrics", "right-party contacts on win-back campaigns"),
    "save_rpc": QT_TRANSLATE_NOOP("Metrics", "right-party contacts on save campaigns"),
    "sltv_won_minor": QT_TRANSLATE_NOOP("Metrics", "SLTV recovered + saved"),
    "handled_calls": QT_TRANSLATE_NOOP("Metrics", "handled calls"),
    "qa_evaluations": QT_TRANSLATE_NOOP("Metrics", "QA evaluations"),
}

#: Metrics where a higher value is better (for colouring against team and target).
HIGHER_IS_BETTER = {k: m.higher_is_better for k, m in METRICS.items()}


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
    saves: int
    save_rate: float | None
    sltv_saved_minor: int
    offer_cost_minor: int
    offer_cost_ratio: float | None
    avg_handle_s: float | None
    avg_talk_s: float | None
    avg_hold_s: float | None
    avg_wrap_s: float | None
    qa_average: float | None
    qa_evaluations: int
    qa_critical_fails: int
    points: int
    #: the totals behind every figure: numerators and denominators
    totals: AgentTotals

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("totals")
        return data

    def denominators(self) -> dict[str, dict[str, Any]]:
        """Per ratio metric: what it divides by and how much that was."""
        return {k: {"of": m.denominator, "value": denominator_value(self.totals, m)}
                for k, m in METRICS.items() if m.denominator is not None}


def denominator_value(t: AgentTotals, m: MetricDef) -> float | int | None:
    return None if m.denominator is None else getattr(_Derived(t), m.denominator)


class _Derived:
    """``AgentTotals`` plus the sums some definitions divide by."""

    def __init__(self, t: AgentTotals) -> None:
        self._t = t

    def __getattr__(self, name: str) -> Any:
        if name == "sltv_won_minor":
            return self._t.sltv_recovered_minor + self._t.sltv_saved_minor
        return getattr(self._t, name)


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
    d = _Derived(t)
    values: dict[str, Any] = {}
    for key, m in METRICS.items():
        num = getattr(d, m.numerator)
        if m.denominator is None:
            values[key] = num
        else:
            den = getattr(d, m.denominator)
            values[key] = None if not den else num / den
    return Scorecard(**values, totals=t)


def team_card(totals: Iterable[AgentTotals]) -> Scorecard:
    """The team as one: counts are team totals, rates and averages are computed over
    all the team's calls (not an average of the agents' rates)."""
    out = AgentTotals()
    for t in totals:
        out = out + t
    return scorecard(out)


def agent_average(cards: Iterable[Scorecard]) -> dict[str, float | None]:
    """Mean of each metric over the agents that have a value for it: "the average
    agent", what one agent's count is fairly compared with."""
    cards = list(cards)
    out: dict[str, float | None] = {}
    for name in METRICS:
        values = [getattr(c, name) for c in cards if getattr(c, name) is not None]
        out[name] = mean(values) if values else None
    return out


def reference(metric: str, team: Scorecard, average: Mapping[str, float | None]
              ) -> float | None:
    """What an agent's figure is compared with: the average agent for counts and
    money, the team's own rate for ratios."""
    m = METRICS.get(metric)
    if m is None:
        return None
    return getattr(team, metric) if m.is_ratio else average.get(metric)


def verdict(metric: str, value: float | None, ref: float | None) -> int:
    """+1 better than the reference, -1 worse, 0 equal or unknown."""
    if value is None or ref is None or value == ref:
        return 0
    better = value > ref
    return 1 if better == HIGHER_IS_BETTER.get(metric, True) else -1


def ranks(values: Sequence[tuple[int, float]]) -> dict[int, int]:
    """Rank per id, highest value first. Ties share a rank (1, 2, 2, 4); everyone
    with nothing (0 or less) shares the last place, so nobody with nothing is
    "rank 1 of 10" because everyone else has nothing too."""
    ordered = sorted(values, key=lambda kv: -kv[1])
    out: dict[int, int] = {}
    previous: float | None = None
    rank = 0
    for i, (key, value) in enumerate(ordered, start=1):
        if value <= 0:
            out[key] = len(ordered)
            continue
        if value != previous:
            rank, previous = i, value
        out[key] = rank
    return out


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
