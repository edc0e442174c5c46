"""The claim statements both engines share, and what a claim is built from.

The claim SQL is written by hand: it must use the partial index ``ix_call_tasks_claim``
(whose predicate the queries repeat literally) and read it zone by zone. Reading one
``(campaign, zone)`` range at a time from the top of the SLTV order makes a claim cost a
few index seeks however many customers sit above the first callable one in zones where
it is night (they pile up during the day).

Every eligibility rule is a condition on ``call_tasks`` itself (ordering inputs,
segment, language and time zone are copied there). The calling window arrives as the
set of IANA zones inside it this minute; the claim reads the top of each present
zone's range and takes the best. Tasks waiting out a retry gap are not in the claim
index (claims would step over each of them); once the gap has passed a claim clears
``next_eligible_at`` and they are back (``RELEASE_READY``).

Which tasks an agent may have, and in which order campaigns compete, are the queue
service's rules: it hands them to the engine's claim module as a :class:`ClaimRules`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import lru_cache
from typing import Any, Protocol

from winback_desktop.db.models import CLAIMABLE_PREDICATE, WAITING_PREDICATE

# ------------------------------------------------------------------ what flows in and out


@dataclass(frozen=True, slots=True)
class ClaimedTask:
    task_id: int
    campaign_id: int
    customer_id: int
    external_id: str | None
    name: str
    sltv_minor: int
    sltv_tier: str | None
    segment: str | None
    defection_reason: str
    is_callback: bool
    lease_expires_at: datetime


@dataclass(frozen=True, slots=True)
class CampaignRules:
    """A running campaign's rules as a claim applies them."""

    id: int
    window_start: time
    window_end: time
    max_attempts: int
    lease_minutes: int
    #: the order queued tasks are handed out in: SLTV, or expected value (``EV_ORDER``)
    order: str = "sltv"


@dataclass(frozen=True, slots=True)
class ClaimFilters:
    """What the agent may work (``None``: no restriction). ``ceiling`` is an exclusive
    SLTV bound that lets an agent barred from the top tier start below it."""

    tiers: tuple[str, ...] | None
    ceiling: int | None
    reasons: tuple[str, ...] | None
    languages: tuple[str, ...] | None


@dataclass(frozen=True, slots=True)
class ClaimPlan:
    """What claims of one agent in one campaign (or all of theirs) are built from."""

    filters: ClaimFilters
    campaigns: tuple[CampaignRules, ...]


@dataclass(frozen=True, slots=True)
class ClaimTarget:
    """One campaign as a claim at one moment sees it."""

    campaign: CampaignRules
    zones: tuple[str, ...]
    #: personal callbacks due before this go to the team
    grace: datetime
    lease: datetime


@dataclass(frozen=True, slots=True)
class Candidate:
    """A campaign's best task, read to rank campaigns against each other."""

    target: ClaimTarget
    task_id: int
    is_callback: bool
    callback_owner_id: int | None
    callback_at: datetime | str | None
    #: the value its campaign orders by (SLTV or expected value)
    order_value: int
    defection_date: date | str | None


class PlanLookups(Protocol):
    def campaign_name(self, campaign_id: int | None) -> str | None: ...
    def tier_thresholds(self) -> Mapping[str, int]: ...


class ClaimRules(Protocol):
    """The queue service's rules, as the claim modules consult them."""

    def plan(self, rows: Sequence[tuple[Any, ...]], campaign_id: int | None,
             lookups: PlanLookups) -> ClaimPlan:
        """The agent's plan from the config query's rows (``CONFIG_COLUMNS``); raises
        the error the agent should see (inactive, not assigned, no such campaign)."""
        ...

    def targets(self, plan: ClaimPlan, now: datetime) -> list[ClaimTarget]:
        """The plan's campaigns whose calling window is open somewhere now."""
        ...

    def sweep_due(self, key: int, now: datetime) -> bool:
        """Whether this claim also returns expired leases to the queue."""
        ...

    def order(self, candidates: list[Candidate], agent_id: int) -> list[Candidate]:
        """Candidates of several campaigns, best first."""
        ...


# ------------------------------------------------------------------ the statements

#: repeated literally in every query that should use the partial claim index
CLAIMABLE = CLAIMABLE_PREDICATE
NOT_DNP = "(segment IS NULL OR segment <> 'do_not_pursue')"


@dataclass(frozen=True, slots=True)
class Shape:
    """Which optional filters a claim statement has; SQL is built once per shape."""

    pg: bool
    tiers: bool
    ceiling: bool
    reasons: bool
    languages: bool
    #: ordered by expected value (``ix_call_tasks_claim_ev``) rather than SLTV
    ev: bool = False

    @property
    def order_column(self) -> str:
        return "expected_value_minor" if self.ev else "sltv_minor"


#: ``CampaignRules.order`` of a campaign that orders by expected value
EV_ORDER = "expected_value"


@lru_cache(maxsize=256)
def shape(pg: bool, filters: ClaimFilters, order: str = "sltv") -> Shape:
    return Shape(pg, filters.tiers is not None, filters.ceiling is not None,
                 filters.reasons is not None, filters.languages is not None,
                 order == EV_ORDER)


def in_list(column: str, param: str, pg: bool) -> str:
    """``column IN :param`` with the whole list as ONE parameter (a JSON text on SQLite,
    an array literal on PostgreSQL: one string to send, not a list to adapt)."""
    if pg:
        return f"{column} = ANY(CAST(:{param} AS text[]))"
    return f"{column} IN (SELECT value FROM json_each(:{param}))"


def in_zones(column: str, pg: bool) -> str:
    """``column`` is one of the open zones (``:zones``). On SQLite a substring test on
    ``|zone|zone|…|``: a JSON list would be made into a temporary index at every claim
    (the names contain no ``|``)."""
    if pg:
        return in_list(column, "zones", True)
    return f"instr(:zones, '|' || {column} || '|') > 0"


@lru_cache(maxsize=64)
def pg_array(values: tuple[str, ...]) -> str:
    """A PostgreSQL text array literal, every element quoted."""
    def quoted(value: str) -> str:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return "{" + ",".join(quoted(v) for v in values) + "}"


@lru_cache(maxsize=16)
def zones_text(zones: tuple[str, ...]) -> str:
    return "|" + "|".join(zones) + "|"


def skills_sql(shape: Shape) -> str:
    parts = []
    if shape.tiers:
        parts.append(in_list("sltv_tier", "tiers", shape.pg))
    if shape.ceiling:
        parts.append("sltv_minor < :ceiling")
    if shape.reasons:
        parts.append(in_list("defection_reason", "reasons", shape.pg))
    if shape.languages:
        parts.append(in_list("language", "languages", shape.pg))
    return " AND ".join(parts) or "1 = 1"


def callback_sql(shape: Shape, columns: str, lock: bool) -> str:
    """Due callbacks: the agent's own first, then team ones (or personal ones overdue
    past the grace period), oldest due first. Attempts do not count: the customer
    asked to be called."""
    return (
        f"SELECT {columns} FROM call_tasks WHERE campaign_id = :campaign "
        f"AND status = 'callback' AND callback_at <= :now "
        f"AND {in_zones('timezone', shape.pg)} AND {NOT_DNP} "
        f"AND (callback_owner_id = :agent OR ((callback_owner_id IS NULL "
        f"OR callback_at <= :grace) AND {skills_sql(shape)})) "
        f"ORDER BY CASE WHEN callback_owner_id = :agent THEN 0 ELSE 1 END, callback_at, id "
        f"LIMIT 1{' FOR UPDATE SKIP LOCKED' if lock else ''}")


def queued_where(shape: Shape) -> str:
    # (the retry gap: waiting tasks are not in the claim index, see RELEASE_READY)
    return (f"campaign_id = :campaign AND {CLAIMABLE} AND attempts < :max_attempts "
            f"AND {skills_sql(shape)}")


def queued_sql(shape: Shape, zone: str, lock: bool, limit: str = "1",
               columns: str | None = None) -> str:
    """The best queued task(s) of one zone (``zone`` is a parameter or a column), in
    the campaign's order; by default their id, order value and defection date."""
    order = shape.order_column
    columns = columns or f"id, {order} AS order_value, defection_date"
    return (
        f"SELECT {columns} FROM call_tasks "
        f"WHERE {queued_where(shape)} AND timezone = {zone} "
        f"ORDER BY {order} DESC, defection_date DESC, id DESC "
        f"LIMIT {limit}{' FOR UPDATE SKIP LOCKED' if lock else ''}")


#: zones that have claimable tasks, by a loose index scan (one seek per zone)
PRESENT_ZONES = (
    "present(tz) AS (SELECT min(timezone) FROM call_tasks WHERE campaign_id = :campaign "
    f"AND {CLAIMABLE} UNION ALL SELECT (SELECT min(timezone) FROM call_tasks "
    f"WHERE campaign_id = :campaign AND {CLAIMABLE} AND timezone > present.tz) "
    "FROM present WHERE present.tz IS NOT NULL)")

#: the agent's skills and assigned campaigns with their rules (one row per campaign;
#: rows are tuples of scalars, JSON lists as text on SQLite, as tuples on PostgreSQL)
CONFIG_COLUMNS = ("skill_tiers", "skill_reasons", "languages", "seniority", "active",
                  "campaign_id", "window_start", "window_end", "max_attempts",
                  "lease_minutes", "campaign_status", "queue_order")
CONFIG = (
    "SELECT u.skill_tiers, u.skill_reasons, u.languages, u.seniority, u.active, c.id, "
    "c.window_start, c.window_end, c.max_attempts, c.lease_minutes, c.status, "
    "c.queue_order "
    "FROM users u LEFT JOIN campaign_agents ca ON ca.user_id = u.id "
    "LEFT JOIN campaigns c ON c.id = ca.campaign_id WHERE u.id = ?")

CAMPAIGN_NAME = "SELECT name FROM campaigns WHERE id = ?"
TIER_THRESHOLDS = "SELECT tier, min_sltv_minor FROM sltv_tiers"

#: Tasks whose retry gap has passed become claimable again: ``next_eligible_at`` is
#: cleared, which puts them back into the claim index. Claims run this first (SQLite)
#: or check that nothing is left to release (PostgreSQL), so the gap ends on time.
#: Waiting tasks stay out of the claim index so that claims need not step over them.
RELEASE_READY = (f"UPDATE call_tasks SET next_eligible_at = NULL WHERE {WAITING_PREDICATE} "
                 "AND next_eligible_at <= :now")
ANY_READY = (f"EXISTS (SELECT 1 FROM call_tasks WHERE {WAITING_PREDICATE} "
             "AND next_eligible_at <= :now)")

#: expired leases back to the queue (or to their callback); a customer re-segmented
#: to do-not-pursue meanwhile leaves the task closed (``not_pursued``)
EXPIRE = (
    "UPDATE call_tasks SET status = CASE WHEN segment = 'do_not_pursue' THEN 'not_pursued' "
    "WHEN callback_at IS NOT NULL THEN 'callback' ELSE 'queued' END, claimed_by = NULL, "
    "claimed_at = NULL, lease_expires_at = NULL, updated_at = :now "
    "WHERE status = 'claimed' AND lease_expires_at < :now")

SET_CLAIMED = ("UPDATE call_tasks SET status = 'claimed', claimed_by = :agent, "
               "claimed_at = :now, lease_expires_at = :lease, updated_at = :now ")

RETURNING = ("RETURNING id, campaign_id, customer_id, sltv_minor, sltv_tier, segment, "
             "defection_reason, callback_at")


@lru_cache(maxsize=256)
def filter_params(pg: bool, filters: ClaimFilters) -> dict[str, Any]:
    """The filters as statement parameters (read-only: callers copy)."""
    def listed(values: tuple[str, ...]) -> str:
        return pg_array(values) if pg else json.dumps(list(values))

    params: dict[str, Any] = {}
    if filters.tiers is not None:
        params["tiers"] = listed(filters.tiers)
    if filters.ceiling is not None:
        params["ceiling"] = filters.ceiling
    if filters.reasons is not None:
        params["reasons"] = listed(filters.reasons)
    if filters.languages is not None:
        params["languages"] = listed(filters.languages)
    return params


def params(pg: bool, filters: ClaimFilters, target: ClaimTarget, agent_id: int,
           now: Any, grace: Any) -> dict[str, Any]:
    """A claim statement's parameters for one campaign; ``now`` and ``grace`` already
    in the engine's form."""
    out = {"campaign": target.campaign.id, "agent": agent_id, "now": now, "grace": grace,
           "max_attempts": target.campaign.max_attempts,
           "zones": pg_array(target.zones) if pg else zones_text(target.zones)}
    out.update(filter_params(pg, filters))
    return out


def candidate(target: ClaimTarget, row: Sequence[Any]) -> Candidate:
    """A ``peek_columns`` row as a candidate."""
    task_id, status, owner, callback_at, order_value, defection_date = row
    return Candidate(target, task_id, status == "callback", owner, callback_at, order_value,
                     defection_date)


def peek_columns(shape: Shape) -> str:
    """What a peek returns, in ``candidate``'s order."""
    return (f"id, status, callback_owner_id, callback_at, {shape.order_column}, "
            "defection_date")

