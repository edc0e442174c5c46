"""Queue eligibility and ordering rules (DESIGN §5), free of any database.

The services turn these into index-friendly SQL; tests and the campaign preview use
them directly. Calling windows are in the customer's local time: rather than
converting every task's clock, a claim asks which of the (few hundred) IANA zones are
inside the window at this minute and filters ``timezone IN (...)``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from winback_desktop.core.domain import SltvTier, TaskStatus, Treatment
from winback_desktop.core.segmentation import TIERS

#: a personal callback nobody picked up this long after it fell due goes to the team
PERSONAL_CALLBACK_GRACE_MINUTES = 60

#: the tier that only senior agents who list it may work (the book: best customers to
#: the best people)
HIGH_VALUE_TIER = SltvTier.A.value

#: task states that still belong to the queue (claimable now or later)
OPEN_STATUSES = (TaskStatus.QUEUED.value, TaskStatus.CLAIMED.value, TaskStatus.CALLBACK.value)


def in_window(local: time, start: time, end: time) -> bool:
    """``start <= local < end``; a window whose end is before its start spans midnight."""
    if start == end:
        return True
    if start < end:
        return start <= local < end
    return local >= start or local < end


@lru_cache(maxsize=1)
def all_zones() -> tuple[str, ...]:
    return tuple(sorted(available_timezones()))


@lru_cache(maxsize=1024)
def _zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def local_time(now: datetime, zone_name: str) -> datetime | None:
    """``now`` in the named zone (DST-correct), or None for an unknown zone."""
    zone = _zone(zone_name)
    return now.astimezone(zone) if zone is not None else None


def is_callable_now(zone_name: str, now: datetime, start: time, end: time) -> bool:
    local = local_time(now, zone_name)
    return local is not None and in_window(local.time(), start, end)


@lru_cache(maxsize=256)
def _zones_at(minute: datetime, start: time, end: time) -> tuple[str, ...]:
    return tuple(z for z in all_zones() if is_callable_now(z, minute, start, end))


def zones_in_window(now: datetime, start: time, end: time,
                    zones: Iterable[str] | None = None) -> tuple[str, ...]:
    """The IANA zones whose local time is inside ``[start, end)`` at ``now``.

    Results are cached per minute (window bounds are whole minutes), so a claim pays
    for this once a minute, not once per call.
    """
    if now.tzinfo is None:
        raise ValueError("naive datetime")
    minute = now.astimezone(UTC).replace(second=0, microsecond=0)
    start = start.replace(second=0, microsecond=0)
    end = end.replace(second=0, microsecond=0)
    if zones is None:
        return _zones_at(minute, start, end)
    return tuple(z for z in zones if is_callable_now(z, minute, start, end))


@dataclass(frozen=True, slots=True)
class AgentSkills:
    """What an agent may work; ``None`` or empty means "all" (no restriction)."""

    tiers: frozenset[str] | None = None
    reasons: frozenset[str] | None = None
    languages: frozenset[str] | None = None
    senior: bool = True

    @classmethod
    def of(cls, tiers: Sequence[str] | None, reasons: Sequence[str] | None,
           languages: Sequence[str] | None, seniority: str | None) -> AgentSkills:
        return cls(frozenset(tiers) if tiers else None,
                   frozenset(reasons) if reasons else None,
                   frozenset(languages) if languages else None,
                   (seniority or "senior") != "trainee")

    def allowed_tiers(self) -> list[str] | None:
        """Tiers this agent may work, best first, or None when every tier is allowed."""
        tiers = set(self.tiers) if self.tiers else set(TIERS)
        if not self.senior:
            tiers.discard(HIGH_VALUE_TIER)
        if tiers >= set(TIERS):
            return None
        return [t for t in TIERS if t in tiers]

    def allowed_reasons(self) -> list[str] | None:
        return sorted(self.reasons) if self.reasons else None

    def allowed_languages(self) -> list[str] | None:
        return sorted(self.languages) if self.languages else None

    def matches(self, tier: str | None, reason: str, language: str) -> bool:
        tiers = self.allowed_tiers()
        if tiers is not None and tier not in tiers:
            return False
        if self.reasons and reason not in self.reasons:
            return False
        return not (self.languages and language not in self.languages)


def sltv_ceiling(allowed: Sequence[str] | None, thresholds: Mapping[str, int]) -> int | None:
    """An exclusive SLTV upper bound implied by the allowed tiers, or None.

    Tiers are SLTV ranges, so an agent who may not work the top tiers can start the
    index scan below them instead of skipping every high-value task one by one.
    """
    if allowed is None:
        return None
    ordered = [t for t, _ in sorted(thresholds.items(), key=lambda kv: kv[1], reverse=True)]
    ceiling: int | None = None
    for tier in ordered:
        if tier in allowed:
            return ceiling
        ceiling = thresholds[tier]
    if SltvTier.NEGATIVE.value in allowed:
        return 0
    return ceiling


@dataclass(frozen=True, slots=True)
class TaskView:
    """The fields of a task the rules look at (a row of ``call_tasks``)."""

    id: int
    status: str
    sltv_minor: int
    sltv_tier: str | None
    segment: str | None
    defection_reason: str
    defection_date: date | None
    language: str
    timezone: str
    attempts: int
    next_eligible_at: datetime | None = None
    callback_at: datetime | None = None
    callback_owner_id: int | None = None
    do_not_call: bool = False


def skip_reason(task: TaskView, now: datetime, *, window: tuple[time, time],
                max_attempts: int) -> str | None:
    """Why a task cannot be called now (``dnc``, ``window``, ``attempts``, ``segment``,
    ``retry_gap``, ``status``), or None when it can. Checked in that order, which is the
    order the campaign preview reports."""
    if task.do_not_call or task.status == TaskStatus.DO_NOT_CALL:
        return "dnc"
    if task.status not in (TaskStatus.QUEUED, TaskStatus.CALLBACK):
        return "status"
    if not is_callable_now(task.timezone, now, *window):
        return "window"
    if task.attempts >= max_attempts and task.status != TaskStatus.CALLBACK:
        return "attempts"
    if task.segment == Treatment.DO_NOT_PURSUE:
        return "segment"
    if task.status == TaskStatus.CALLBACK:
        if task.callback_at is None or task.callback_at > now:
            return "retry_gap"
    elif task.next_eligible_at is not None and task.next_eligible_at > now:
        return "retry_gap"
    return None


def priority_key(task: TaskView, agent_id: int, now: datetime) -> tuple:
    """Sort key, smallest first: due callbacks (own before team), then SLTV descending,
    then most recent defection. Ties go to the newest task."""
    due = task.status == TaskStatus.CALLBACK and task.callback_at is not None \
        and task.callback_at <= now
    if due:
        own = task.callback_owner_id == agent_id
        assert task.callback_at is not None
        return (0, 0 if own else 1, task.callback_at.timestamp(), 0, 0, -task.id)
    defected = task.defection_date.toordinal() if task.defection_date else 0
    return (1, 0, 0.0, -task.sltv_minor, -defected, -task.id)
