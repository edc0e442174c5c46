"""The call queue: "next customer" for an agent, leases, release (DESIGN §5).

A claim is one short write:

* PostgreSQL: ONE autocommit statement on a dedicated connection,
  ``WITH RECURSIVE guard …, present(zones) …, claimed AS (UPDATE call_tasks … WHERE id
  = COALESCE((due callback … FOR UPDATE SKIP LOCKED), (best queued task of the zones
  inside the window … FOR UPDATE SKIP LOCKED)) RETURNING …) SELECT … JOIN customers``,
  so concurrent agents skip each other's rows instead of waiting. The statement is
  built from the agent's settings as the connection last read them and claims only
  while the server's fingerprint of those settings is unchanged (``guard``); otherwise
  the claim reads them again and retries. Statements are prepared with generic plans;
* SQLite: the same reads and one ``UPDATE … RETURNING`` inside ``BEGIN IMMEDIATE``,
  which serialises writers.

Every eligibility rule is a condition on ``call_tasks`` itself (ordering inputs,
segment, language and time zone are copied there). Claimable tasks live in the
partial index ``ix_call_tasks_claim (campaign_id, timezone, sltv_minor,
defection_date, id) WHERE status = 'queued' AND segment <> 'do_not_pursue' AND
next_eligible_at IS NULL``. The calling window is turned into the set of IANA zones
inside it this minute; the claim reads the top of each present zone's range (a few
index seeks) and takes the best, so customers in zones where it is night, however
many, cost nothing. Tasks waiting out a retry gap are not in that index (claims would
step over each of them); once the gap has passed a claim clears ``next_eligible_at``
and they are back (``_RELEASE_READY``).
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
import sqlite3
import threading
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Any, cast

from sqlalchemy import (
    Table,
    case,
    event,
    func,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.orm import Session

from winback_desktop.core import queue_rules
from winback_desktop.core.domain import CampaignStatus, TaskStatus
from winback_desktop.core.errors import (
    Conflict,
    DatabaseUnavailable,
    NotFound,
    PermissionDenied,
    WinbackError,
)
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import (
    CLAIMABLE_PREDICATE,
    WAITING_PREDICATE,
    CallTask,
    Campaign,
    Customer,
)
from winback_desktop.db.session import Database
from winback_desktop.db.types import utcnow
from winback_desktop.services import audit
from winback_desktop.services.context import Actor, require

log = logging.getLogger(__name__)

_T = cast(Table, CallTask.__table__)
_C = cast(Table, Customer.__table__)

#: expired leases are swept by claims at most this often (per Database object)
EXPIRE_EVERY = timedelta(seconds=5)


class LeaseLost(Conflict):
    default_text = QT_TRANSLATE_NOOP(
        "Errors", "You no longer hold task {task}: its lease expired or it was released.")


class NotAssigned(WinbackError):
    default_text = QT_TRANSLATE_NOOP(
        "Errors", "You are not assigned to the campaign '{campaign}'.")


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
class QueueRow:
    task_id: int
    campaign_id: int
    customer_id: int
    external_id: str | None
    name: str
    status: str
    sltv_minor: int
    sltv_tier: str | None
    segment: str | None
    defection_reason: str
    defection_date: date | None
    language: str
    timezone: str
    attempts: int
    next_eligible_at: datetime | None
    callback_at: datetime | None
    callback_owner_id: int | None
    claimed_by: int | None
    lease_expires_at: datetime | None


@dataclass(frozen=True, slots=True)
class _CampaignRules:
    id: int
    window_start: time
    window_end: time
    max_attempts: int
    lease_minutes: int


# ------------------------------------------------------------------------ helpers


@dataclass(frozen=True, slots=True)
class _Shape:
    """Which optional filters a claim statement has; SQL is built once per shape."""

    pg: bool
    tiers: bool
    ceiling: bool
    reasons: bool
    languages: bool


@lru_cache(maxsize=256)
def _shape(backend: str, skills: queue_rules.AgentSkills, ceiling: int | None) -> _Shape:
    return _Shape(backend == "postgresql", skills.allowed_tiers() is not None,
                  ceiling is not None, skills.allowed_reasons() is not None,
                  skills.allowed_languages() is not None)


# The claim SQL is written by hand for both engines: it must use the partial index
# ``ix_call_tasks_claim`` (whose predicate the queries repeat literally) and read it
# zone by zone. Reading one ``(campaign, zone)`` range at a time from the top of the
# SLTV order makes a claim cost a few index seeks however many customers sit above
# the first callable one in zones where it is night (they pile up during the day).

#: repeated literally in every query that should use the partial claim index
_CLAIMABLE = CLAIMABLE_PREDICATE
_NOT_DNP = "(segment IS NULL OR segment <> 'do_not_pursue')"


def _in_list(column: str, param: str, pg: bool) -> str:
    """``column IN :param`` with the whole list as ONE parameter (a JSON text on SQLite,
    an array literal on PostgreSQL: one string to send, not a list to adapt)."""
    if pg:
        return f"{column} = ANY(CAST(:{param} AS text[]))"
    return f"{column} IN (SELECT value FROM json_each(:{param}))"


def _in_zones(column: str, pg: bool) -> str:
    """``column`` is one of the open zones (``:zones``). On SQLite a substring test on
    ``|zone|zone|…|``: a JSON list would be made into a temporary index at every claim
    (the names contain no ``|``)."""
    if pg:
        return _in_list(column, "zones", True)
    return f"instr(:zones, '|' || {column} || '|') > 0"


@lru_cache(maxsize=64)
def _pg_array(values: tuple[str, ...]) -> str:
    """A PostgreSQL text array literal, every element quoted."""
    def quoted(value: str) -> str:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return "{" + ",".join(quoted(v) for v in values) + "}"


def _skills_sql(shape: _Shape) -> str:
    parts = []
    if shape.tiers:
        parts.append(_in_list("sltv_tier", "tiers", shape.pg))
    if shape.ceiling:
        parts.append("sltv_minor < :ceiling")
    if shape.reasons:
        parts.append(_in_list("defection_reason", "reasons", shape.pg))
    if shape.languages:
        parts.append(_in_list("language", "languages", shape.pg))
    return " AND ".join(parts) or "1 = 1"


def _callback_sql(shape: _Shape, columns: str, lock: bool) -> str:
    """Due callbacks: the agent's own first, then team ones (or personal ones overdue
    past the grace period), oldest due first. Attempts do not count: the customer
    asked to be called."""
    return (
        f"SELECT {columns} FROM call_tasks WHERE campaign_id = :campaign "
        f"AND status = 'callback' AND callback_at <= :now "
        f"AND {_in_zones('timezone', shape.pg)} AND {_NOT_DNP} "
        f"AND (callback_owner_id = :agent OR ((callback_owner_id IS NULL "
        f"OR callback_at <= :grace) AND {_skills_sql(shape)})) "
        f"ORDER BY CASE WHEN callback_owner_id = :agent THEN 0 ELSE 1 END, callback_at, id "
        f"LIMIT 1{' FOR UPDATE SKIP LOCKED' if lock else ''}")


def _queued_where(shape: _Shape) -> str:
    # (the retry gap: waiting tasks are not in the claim index, see _RELEASE_READY)
    return (f"campaign_id = :campaign AND {_CLAIMABLE} AND attempts < :max_attempts "
            f"AND {_skills_sql(shape)}")


def _queued_sql(shape: _Shape, zone: str, lock: bool, limit: str = "1",
                columns: str = "id, sltv_minor, defection_date") -> str:
    """The best queued task(s) of one zone (``zone`` is a parameter or a column)."""
    return (
        f"SELECT {columns} FROM call_tasks "
        f"WHERE {_queued_where(shape)} AND timezone = {zone} "
        f"ORDER BY sltv_minor DESC, defection_date DESC, id DESC "
        f"LIMIT {limit}{' FOR UPDATE SKIP LOCKED' if lock else ''}")


#: zones that have claimable tasks, by a loose index scan (one seek per zone)
_PRESENT_ZONES = (
    "present(tz) AS (SELECT min(timezone) FROM call_tasks WHERE campaign_id = :campaign "
    f"AND {_CLAIMABLE} UNION ALL SELECT (SELECT min(timezone) FROM call_tasks "
    f"WHERE campaign_id = :campaign AND {_CLAIMABLE} AND timezone > present.tz) "
    "FROM present WHERE present.tz IS NOT NULL)")

#: the agent's skills and assigned campaigns with their rules (one row per campaign)
_SQ_CONFIG = (
    "SELECT u.skill_tiers, u.skill_reasons, u.languages, u.seniority, u.active, c.id, "
    "c.window_start, c.window_end, c.max_attempts, c.lease_minutes, c.status "
    "FROM users u LEFT JOIN campaign_agents ca ON ca.user_id = u.id "
    "LEFT JOIN campaigns c ON c.id = ca.campaign_id WHERE u.id = ?")


#: Tasks whose retry gap has passed become claimable again: ``next_eligible_at`` is
#: cleared, which puts them back into the claim index. Claims run this first (SQLite)
#: or check that nothing is left to release (PostgreSQL), so the gap ends on time.
#: Waiting tasks stay out of the claim index so that claims need not step over them.
_RELEASE_READY = (f"UPDATE call_tasks SET next_eligible_at = NULL WHERE {WAITING_PREDICATE} "
                  "AND next_eligible_at <= :now")
_ANY_READY = (f"EXISTS (SELECT 1 FROM call_tasks WHERE {WAITING_PREDICATE} "
              "AND next_eligible_at <= :now)")

_RETURNING = ("RETURNING id, campaign_id, customer_id, sltv_minor, sltv_tier, segment, "
              "defection_reason, callback_at")


@lru_cache(maxsize=64)
def _pg_best_queued(shape: _Shape, lock: bool) -> str:
    return (f"SELECT q.id, q.sltv_minor, q.defection_date FROM (SELECT tz FROM present "
            f"WHERE tz IS NOT NULL AND {_in_zones('tz', True)}) AS z CROSS JOIN LATERAL "
            f"({_queued_sql(shape, 'z.tz', lock)}) AS q "
            f"ORDER BY q.sltv_minor DESC, q.defection_date DESC, q.id DESC LIMIT 1")


#: queued candidates read (unlocked) from the top of each open zone by the fast claim
PG_CANDIDATES_PER_ZONE = 4

#: executions of a statement after which the claim connection prepares it
PG_PREPARE_THRESHOLD = 2


def _pg_pick_fast(shape: _Shape) -> str:
    """Lock ONE row: the best unlocked task among the top few of every open zone.

    Locking each zone's top row instead (the exact form) costs a row lock per zone
    per claim, and every concurrent claimer then skips all of them. The candidates are
    found again by their row address (``ctid``, valid for the statement's snapshot):
    a TID scan, no index lookups and no hash of their ids; rows that other claimers
    changed meanwhile are re-checked against the conditions by the row lock."""
    return (f"SELECT id FROM call_tasks WHERE ctid = ANY(ARRAY(SELECT q.ctid FROM (SELECT "
            f"tz FROM present WHERE tz IS NOT NULL AND {_in_zones('tz', True)}) AS z "
            f"CROSS JOIN LATERAL ({_queued_sql(shape, 'z.tz', False, ':k', 'ctid')}) AS q)) "
            f"AND {_queued_where(shape)} "
            f"ORDER BY sltv_minor DESC, defection_date DESC, id DESC "
            f"LIMIT 1 FOR UPDATE SKIP LOCKED")


#: the server's fingerprint of everything a claim is built from: the agent's skills,
#: assignments and campaigns' rules (the config query's rows), and the tier bounds
#: when the claim starts below a tier (``{tiers}``)
_PG_FINGERPRINT = (
    "SELECT md5(coalesce(string_agg(ROW(u.skill_tiers, u.skill_reasons, u.languages, "
    "u.seniority, u.active, c.id, c.window_start, c.window_end, c.max_attempts, "
    "c.lease_minutes, c.status)::text, ';' ORDER BY c.id), ''){tiers}) "
    "FROM users u LEFT JOIN campaign_agents ca ON ca.user_id = u.id "
    "LEFT JOIN campaigns c ON c.id = ca.campaign_id WHERE u.id = :agent")
_PG_TIERS_PRINT = (" || '/' || coalesce((SELECT string_agg(tier || '=' || min_sltv_minor, "
                   "',' ORDER BY tier) FROM sltv_tiers), '')")


def _pg_fingerprint(with_tiers: bool) -> str:
    return _PG_FINGERPRINT.format(tiers=_PG_TIERS_PRINT if with_tiers else "")


@lru_cache(maxsize=64)
def _pg_claim_sql(shape: _Shape, fast: bool = True) -> str:
    """One statement: lock the best callback or queued task, claim it, return it with
    the customer's name. ``fast=False`` is exact even when every candidate of the fast
    form is locked by other claimers (it then locks each zone's top row).

    The statement is built from the agent's configuration as the claim connection last
    read it, and claims only while the server's fingerprint of that configuration is
    still ``:fingerprint`` (first column ``ok``): no claim runs on stale rules, and a
    claim costs one round trip. Nor does it claim while a waiting task's retry gap has
    passed (second column ``ready``: release them first, see ``_RELEASE_READY``)."""
    queued = (_pg_pick_fast(shape) if fast
              else f"SELECT b.id FROM ({_pg_best_queued(shape, True)}) AS b")
    return (
        f"WITH RECURSIVE guard(ok, ready) AS (SELECT ({_pg_fingerprint(shape.ceiling)}) = "
        f"{':fingerprint_tiers' if shape.ceiling else ':fingerprint'}, {_ANY_READY}), "
        f"{_PRESENT_ZONES}, claimed AS ("
        f"UPDATE call_tasks SET status = 'claimed', claimed_by = :agent, claimed_at = :now, "
        f"lease_expires_at = :lease, updated_at = :now WHERE (SELECT ok AND NOT ready "
        f"FROM guard) AND id = COALESCE(({_callback_sql(shape, 'id', True)}), ({queued})) "
        f"{_RETURNING}) SELECT guard.ok, guard.ready, claimed.*, customers.external_id, "
        f"customers.name FROM guard LEFT JOIN claimed ON true "
        f"LEFT JOIN customers ON customers.id = claimed.customer_id")


@lru_cache(maxsize=64)
def _pg_peek_sql(shape: _Shape) -> tuple[str, str]:
    return (_callback_sql(shape, "callback_owner_id, callback_at", False),
            f"WITH RECURSIVE {_PRESENT_ZONES} {_pg_best_queued(shape, False)}")


#: the customer's columns a claim returns, read by the claim statement itself (SQLite)
_SQ_CUSTOMER = (", (SELECT external_id FROM customers WHERE customers.id = "
                "call_tasks.customer_id), (SELECT name FROM customers WHERE customers.id = "
                "call_tasks.customer_id)")

_SQ_SET_CLAIMED = ("UPDATE call_tasks SET status = 'claimed', claimed_by = :agent, "
                   "claimed_at = :now, lease_expires_at = :lease, updated_at = :now ")


def _sq_best_queued(shape: _Shape) -> str:
    """The campaign's best queued task: the top of each open zone present, best first."""
    return (f"SELECT t.id FROM present JOIN call_tasks AS t ON t.id = ("
            f"{_queued_sql(shape, 'present.tz', False, columns='id')}) "
            f"WHERE present.tz IS NOT NULL AND {_in_zones('present.tz', False)} "
            f"ORDER BY t.sltv_minor DESC, t.defection_date DESC, t.id DESC LIMIT 1")


@lru_cache(maxsize=64)
def _sq_claim_sql(shape: _Shape) -> str:
    """One statement claims a campaign's best task (a due callback, else the best
    queued task) and returns it with the customer's id and name."""
    return (f"WITH RECURSIVE {_PRESENT_ZONES} {_SQ_SET_CLAIMED}WHERE id = COALESCE(("
            f"{_callback_sql(shape, 'id', False)}), ({_sq_best_queued(shape)})) "
            f"AND status IN ('queued', 'callback') {_RETURNING}{_SQ_CUSTOMER}")


@lru_cache(maxsize=64)
def _sq_peek_sql(shape: _Shape) -> str:
    """A campaign's best task with what ranks it against other campaigns' best."""
    return (f"WITH RECURSIVE {_PRESENT_ZONES} SELECT id, status, callback_owner_id, "
            f"callback_at, sltv_minor, defection_date FROM call_tasks WHERE id = COALESCE(("
            f"{_callback_sql(shape, 'id', False)}), ({_sq_best_queued(shape)}))")


_SQ_CLAIM = (f"{_SQ_SET_CLAIMED}WHERE id = :id AND status IN ('queued', 'callback') "
             f"{_RETURNING}{_SQ_CUSTOMER}")


@lru_cache(maxsize=16)
def _zones_text(zones: tuple[str, ...]) -> str:
    return "|" + "|".join(zones) + "|"


def _params(shape: _Shape, rules: _CampaignRules, agent_id: int,
            skills: queue_rules.AgentSkills, ceiling: int | None,
            zones: tuple[str, ...], now: datetime) -> dict[str, Any]:
    grace = now - timedelta(minutes=queue_rules.PERSONAL_CALLBACK_GRACE_MINUTES)
    pg = shape.pg

    def listed(values: list[str] | None) -> Any:
        return _pg_array(tuple(values or ())) if pg else json.dumps(values)

    params: dict[str, Any] = {
        "campaign": rules.id, "agent": agent_id,
        "now": now if pg else _sq_ts(now), "grace": grace if pg else _sq_ts(grace),
        "max_attempts": rules.max_attempts,
        "zones": _pg_array(zones) if pg else _zones_text(zones),
    }
    if shape.tiers:
        params["tiers"] = listed(skills.allowed_tiers())
    if shape.ceiling:
        params["ceiling"] = ceiling
    if shape.reasons:
        params["reasons"] = listed(skills.allowed_reasons())
    if shape.languages:
        params["languages"] = listed(skills.allowed_languages())
    return params


def _rank_queued(sltv_minor: int, defection_date: Any, task_id: int) -> tuple:
    """Sort key (smallest first) of a queued candidate: SLTV desc, recent defection,
    newest task; dates compare as ISO text so both engines agree."""
    iso = defection_date.isoformat() if isinstance(defection_date, date) else (
        defection_date or "")
    return (1, 0, "", -sltv_minor, _invert(iso), -task_id)


def _rank_callback(owner: int | None, agent_id: int, callback_at: Any, task_id: int
                   ) -> tuple:
    at = callback_at.isoformat() if isinstance(callback_at, datetime) else callback_at
    return (0, 0 if owner == agent_id else 1, at, 0, "", task_id)


def _invert(text_value: str) -> str:
    """A string that sorts in the reverse order of ``text_value`` (ISO dates); empty
    (no date) sorts last."""
    return "".join(chr(0x10FFFF - ord(ch)) for ch in text_value) + "\U0010ffff"


_expire_marks: dict[int, datetime] = {}
_expire_lock = threading.Lock()


def _due_for_sweep(db_key: int, now: datetime) -> bool:
    with _expire_lock:
        last = _expire_marks.get(db_key)
        if last is not None and last <= now < last + EXPIRE_EVERY:
            return False
        _expire_marks[db_key] = now
        return True


def _expire(session: Session, now: datetime) -> int:
    result = session.execute(
        update(CallTask)
        .where(CallTask.status == TaskStatus.CLAIMED.value,
               CallTask.lease_expires_at < now)
        .values(status=case((CallTask.callback_at.is_not(None), TaskStatus.CALLBACK.value),
                            else_=TaskStatus.QUEUED.value),
                claimed_by=None, claimed_at=None, lease_expires_at=None, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def _ceiling(skills: queue_rules.AgentSkills, thresholds: Any) -> int | None:
    """Only an agent barred from the top tier needs the thresholds (to start the index
    scan below it); ``thresholds`` is called lazily."""
    tiers = skills.allowed_tiers()
    if tiers is None or queue_rules.HIGH_VALUE_TIER in tiers:
        return None
    return queue_rules.sltv_ceiling(tiers, thresholds())


# ------------------------------------------------------------ PostgreSQL claim


def _pg_placeholders(sql: str) -> str:
    """``:name`` → ``%(name)s`` for psycopg."""
    return re.sub(r"(?<![:\w]):([a-z_]+)", r"%(\1)s", sql)


_PG_CONFIG = (_SQ_CONFIG.replace("?", ":agent").replace(
    " FROM users u", f", ({_pg_fingerprint(False)}) AS fingerprint, "
    f"({_pg_fingerprint(True)}) AS fingerprint_tiers, (SELECT json_object_agg(tier, "
    f"min_sltv_minor) FROM sltv_tiers) AS thresholds FROM users u", 1))


@lru_cache(maxsize=64)
def _pg_sql(key: str, shape: _Shape | None = None) -> str:
    if key in ("claim", "claim_exact"):
        assert shape is not None
        return _pg_placeholders(_pg_claim_sql(shape, key == "claim"))
    if key == "peek_cb":
        assert shape is not None
        return _pg_placeholders(_pg_peek_sql(shape)[0])
    if key == "peek_qd":
        assert shape is not None
        return _pg_placeholders(_pg_peek_sql(shape)[1])
    return _pg_placeholders({"config": _PG_CONFIG, "expire": _SQ_EXPIRE,
                             "release": _RELEASE_READY}[key])


_claim_setup_lock = threading.Lock()


def _pg_local(db: Database) -> threading.local:
    local = db.__dict__.get("_winback_claim_local")
    if local is None:
        with _claim_setup_lock:
            local = db.__dict__.get("_winback_claim_local")
            if local is None:
                local = threading.local()
                opened: list[Any] = []
                db.__dict__["_winback_claim_opened"] = opened
                # every thread's claim connection closes with the database's engine
                event.listen(db.engine, "engine_disposed",
                             lambda _engine: _close_all(opened))
                db.__dict__["_winback_claim_local"] = local
    return local


#: claim connections closed by their engine's dispose()
_disposed: weakref.WeakSet[Any] = weakref.WeakSet()


def _close_all(connections: list[Any]) -> None:
    with _claim_setup_lock:
        pending = list(connections)
        connections.clear()
    for conn in pending:
        # under the connection's own lock: a claim in flight on another thread finishes
        # first (psycopg's close() does not wait for it)
        if not conn.lock.acquire(timeout=5):
            continue
        try:
            _disposed.add(conn)
            conn.close()
        except Exception:  # closing a broken connection must not break dispose()
            log.debug("closing a claim connection failed", exc_info=True)
        finally:
            conn.lock.release()


def _pg_connection(db: Database) -> Any:
    """This thread's claim connection: autocommit (each claim is ONE statement, so no
    BEGIN/COMMIT round trips) and asynchronous commit (an fsync per claim would cap the
    team's claim rate; if the server crashes in that instant the claim is forgotten and
    the task returns to the queue — the agent's disposition is still recorded, see
    ``calls.finish_call``)."""
    import psycopg

    local = _pg_local(db)
    conn = getattr(local, "conn", None)
    if conn is None or conn.closed:
        url = db.engine.url.set(drivername="postgresql")
        conn = psycopg.connect(url.render_as_string(hide_password=False), autocommit=True,
                               connect_timeout=5, application_name="winback-desktop-queue",
                               prepare_threshold=PG_PREPARE_THRESHOLD)
        conn.execute("SET synchronous_commit = off")
        # The claim statements are prepared (psycopg does so after a few uses); left to
        # itself the server re-plans a prepared claim at every execution (its custom
        # plans look cheaper than the generic one), which cost more than executing it.
        # The generic plan reads the same partial index: every predicate it needs is
        # literal SQL, only the values are parameters.
        conn.execute("SET plan_cache_mode = force_generic_plan")
        local.conn = conn
        local.configs = {}
        with _claim_setup_lock:
            opened = db.__dict__["_winback_claim_opened"]
            opened[:] = [c for c in opened if not c.closed]
            opened.append(conn)
    return conn


def _as_time(value: Any) -> time:
    return value if isinstance(value, time) else _sq_time(str(value))


class _Unassigned(Exception):
    """The agent is not assigned to the campaign asked for (its name is looked up)."""


def _config(rows: list[Any], campaign_id: int | None
            ) -> tuple[queue_rules.AgentSkills, list[_CampaignRules]]:
    """Skills and running assigned campaigns from the config query's rows."""
    if not rows or not rows[0][4]:
        raise PermissionDenied()
    first = rows[0]
    skills = queue_rules.AgentSkills.of(_sq_json(first[0]), _sq_json(first[1]),
                                        _sq_json(first[2]), first[3])
    if campaign_id is not None and not any(r[5] == campaign_id for r in rows):
        raise _Unassigned()
    campaigns = [
        _CampaignRules(r[5], _as_time(r[6]), _as_time(r[7]), r[8], r[9] or 15)
        for r in rows
        if r[5] is not None and r[10] == CampaignStatus.RUNNING.value
        and (campaign_id is None or r[5] == campaign_id)]
    return skills, campaigns


def _not_assigned(campaign_id: int | None, name_row: Any) -> WinbackError:
    if name_row is None:
        return NotFound(what=str(campaign_id))
    return NotAssigned(campaign=name_row[0])


@dataclass(frozen=True, slots=True)
class _PgPlan:
    """What claims of one agent in one campaign (or all, ``None``) are built from."""

    skills: queue_rules.AgentSkills
    campaigns: list[_CampaignRules]
    ceiling: int | None
    shape: _Shape


@dataclass(slots=True)
class _PgConfig:
    """An agent's configuration as the claim connection last read it, with the server's
    fingerprint of it; every claim statement checks the fingerprint before it claims."""

    fingerprint: str
    #: the same with the tier bounds (for claims that start below a tier)
    fingerprint_tiers: str
    rows: list[Any]
    thresholds: dict[str, int]
    plans: dict[int | None, _PgPlan] = field(default_factory=dict)


def _pg_read_config(conn: Any, agent_id: int) -> _PgConfig:
    rows = conn.execute(_pg_sql("config"), {"agent": agent_id}).fetchall()
    if not rows:
        return _PgConfig("", "", [], {})
    return _PgConfig(rows[0][11], rows[0][12], [r[:11] for r in rows], rows[0][13] or {})


def _pg_plan(conn: Any, config: _PgConfig, campaign_id: int | None) -> _PgPlan:
    plan = config.plans.get(campaign_id)
    if plan is not None:
        return plan

    try:
        skills, campaigns = _config(config.rows, campaign_id)
    except _Unassigned:
        raise _not_assigned(campaign_id, conn.execute(
            "SELECT name FROM campaigns WHERE id = %s", (campaign_id,)).fetchone()) from None
    ceiling = _ceiling(skills, lambda: config.thresholds)
    plan = config.plans[campaign_id] = _PgPlan(skills, campaigns, ceiling,
                                               _shape("postgresql", skills, ceiling))
    return plan


def _claim_pg(db: Database, actor: Actor, campaign_id: int | None, now: datetime
              ) -> ClaimedTask | None:
    import psycopg

    for attempt in (1, 2):
        conn = None
        try:
            conn = _pg_connection(db)
            return _claim_pg_on(conn, db, actor, campaign_id, now)
        except psycopg.OperationalError as exc:
            _pg_local(db).conn = None
            if conn is not None and conn in _disposed and attempt == 1:
                # closed between two statements by the engine's dispose(): nothing was
                # claimed by a statement whose answer we lost; again, newly connected
                continue
            if conn is not None:
                conn.close()
            raise DatabaseUnavailable(detail=str(exc).strip().splitlines()[0]) from exc
    raise AssertionError("unreachable")


#: times a claim re-reads a configuration that changed under it before giving up
_PG_CONFIG_READS = 3


def _claim_pg_on(conn: Any, db: Database, actor: Actor, campaign_id: int | None,
                 now: datetime) -> ClaimedTask | None:
    """Claim with the agent's cached configuration; read it again (and retry) when the
    server says it changed, and before any answer the claim statement did not confirm
    (an error, no running campaign, a closed window)."""
    assert actor.user_id is not None
    agent_id = actor.user_id
    configs: dict[int, _PgConfig] = _pg_local(db).configs
    config = configs.get(agent_id)
    fresh = False
    for _ in range(_PG_CONFIG_READS):
        if config is None:
            config = configs[agent_id] = _pg_read_config(conn, agent_id)
            fresh = True
        try:
            task, confirmed = _claim_pg_with(conn, db, config, agent_id, campaign_id, now)
        except WinbackError:
            if fresh:
                raise
            confirmed = None
        else:
            if confirmed or (fresh and confirmed is None):
                return task
        config = None
        configs.pop(agent_id, None)
    return None


def _claim_pg_with(conn: Any, db: Database, config: _PgConfig, agent_id: int,
                   campaign_id: int | None, now: datetime
                   ) -> tuple[ClaimedTask | None, bool | None]:
    """(claimed task or None, whether the server confirmed ``config``: True, False when
    it changed (nothing was claimed), None when no claim statement ran)."""
    plan = _pg_plan(conn, config, campaign_id)
    if not plan.campaigns:
        return None, None
    if _due_for_sweep(id(db), now):
        conn.execute(_pg_sql("expire"), {"now": now})
    skills, ceiling, shape = plan.skills, plan.ceiling, plan.shape
    campaigns = plan.campaigns
    if len(campaigns) > 1:
        conn.execute(_pg_sql("release"), {"now": now})  # the peeks see them too
        ranked = []
        for rules in campaigns:
            zones = queue_rules.zones_in_window(now, rules.window_start, rules.window_end)
            if not zones:
                continue
            params = _params(shape, rules, agent_id, skills, ceiling, zones, now)
            cb = conn.execute(_pg_sql("peek_cb", shape), params).fetchone()
            if cb is not None:
                ranked.append((_rank_callback(cb[0], agent_id, cb[1], 0), rules.id, rules))
                continue
            qd = conn.execute(_pg_sql("peek_qd", shape), params).fetchone()
            if qd is not None:
                ranked.append((_rank_queued(qd[1], qd[2], qd[0]), rules.id, rules))
        ranked.sort(key=lambda item: (item[0], item[1]))
        campaigns = [r for _, _, r in ranked]
    confirmed: bool | None = None
    for rules in campaigns:
        zones = queue_rules.zones_in_window(now, rules.window_start, rules.window_end)
        if not zones:
            continue
        params = _params(shape, rules, agent_id, skills, ceiling, zones, now)
        lease = now + timedelta(minutes=rules.lease_minutes)
        params["lease"] = lease
        params["k"] = PG_CANDIDATES_PER_ZONE
        if shape.ceiling:
            params["fingerprint_tiers"] = config.fingerprint_tiers
        else:
            params["fingerprint"] = config.fingerprint
        row = _pg_claim_row(conn, shape, params)
        if not row[0]:
            return None, False
        confirmed = True
        if row[2] is not None:
            # ok, ready, id, campaign_id, customer_id, sltv_minor, sltv_tier, segment,
            # defection_reason, callback_at, external_id, name
            return ClaimedTask(
                task_id=row[2], campaign_id=row[3], customer_id=row[4], external_id=row[10],
                name=row[11] or "", sltv_minor=row[5], sltv_tier=row[6], segment=row[7],
                defection_reason=row[8], is_callback=row[9] is not None,
                lease_expires_at=lease), True
    return None, confirmed


#: times a claim releases tasks whose retry gap passed and tries again
_PG_RELEASES = 3


def _pg_claim_row(conn: Any, shape: _Shape, params: dict[str, Any]) -> Any:
    """The claim statement's row; the exact form when every candidate of the fast one
    was taken, and again after releasing waiting tasks whose time has come."""
    row = None
    for _ in range(_PG_RELEASES):
        row = conn.execute(_pg_sql("claim", shape), params).fetchone()
        if row[0] and not row[1] and row[2] is None:
            row = conn.execute(_pg_sql("claim_exact", shape), params).fetchone()
        if not row[0] or not row[1]:
            return row
        conn.execute(_pg_sql("release"), {"now": params["now"]})
    return row


# ------------------------------------------------------------------------ the API


def claim_next_task(db: Database, actor: Actor, campaign_id: int | None = None,
                    now: datetime | None = None) -> ClaimedTask | None:
    """Give the agent the best eligible customer, or None when nobody can be called now.

    Without ``campaign_id`` every running campaign the agent is assigned to competes on
    the same priority rules.
    """
    require(actor, Permission.WORK_QUEUE)
    now = now or utcnow()
    if actor.user_id is None:
        raise PermissionDenied()
    if db.backend == "sqlite":
        return _claim_sqlite(db, actor, campaign_id, now)
    return _claim_pg(db, actor, campaign_id, now)


# ------------------------------------------------------------ SQLite claim
#
# On a single workstation the claim's cost is almost all Python: SQLAlchemy's
# statement caching and result machinery cost ~0.5 ms against ~0.03 ms for the SQL.
# The SQLite path therefore speaks sqlite3 directly on a pooled connection inside
# BEGIN IMMEDIATE (the test suite runs both engines against the same expectations).
# Times are stored by SQLAlchemy as naive-UTC ISO text and compared as text.

_SQ_TS = "%Y-%m-%d %H:%M:%S.%f"
SQLITE_AUTOCHECKPOINT_PAGES = 20_000
_SQ_AUTOCHECKPOINT = f"PRAGMA wal_autocheckpoint={SQLITE_AUTOCHECKPOINT_PAGES}"


def _sq_ts(value: datetime) -> str:
    """SQLAlchemy's text of a UTC time on SQLite (``_SQ_TS``), formatted faster."""
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


@lru_cache(maxsize=64)
def _sq_time(value: str) -> time:
    return time.fromisoformat(value)


def _sq_json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


_SQ_EXPIRE = (
    "UPDATE call_tasks SET status = CASE WHEN callback_at IS NOT NULL THEN 'callback' "
    "ELSE 'queued' END, claimed_by = NULL, claimed_at = NULL, lease_expires_at = NULL, "
    "updated_at = :now WHERE status = 'claimed' AND lease_expires_at < :now")


def _claim_sqlite(db: Database, actor: Actor, campaign_id: int | None, now: datetime
                  ) -> ClaimedTask | None:
    assert actor.user_id is not None
    try:
        # the pooled DB-API connection itself: SQLAlchemy's Connection around it would
        # cost more than the claim's SQL
        with contextlib.closing(db.engine.raw_connection()) as pooled:
            info = pooled.info
            cur: Any = pooled.cursor()
            if not info.get("winback_claim_checkpoint"):
                # Each claim dirties ~6 pages (row + indexes); with the default
                # 1000-page auto-checkpoint every ~150th claim would pay a
                # checkpoint's fsync. A setting of the connection, stated once.
                cur.execute(_SQ_AUTOCHECKPOINT)
                info["winback_claim_checkpoint"] = True
            cur.execute("BEGIN IMMEDIATE")
            try:
                task = _claim_sqlite_locked(cur, actor.user_id, campaign_id, id(db), now)
            except BaseException:
                cur.execute("ROLLBACK")
                raise
            cur.execute("COMMIT")
            return task
    except sqlite3.OperationalError as exc:
        raise DatabaseUnavailable(detail=str(exc).splitlines()[0]) from exc


@lru_cache(maxsize=256)
def _sq_plan(rows: tuple[tuple[Any, ...], ...], campaign_id: int | None
             ) -> tuple[queue_rules.AgentSkills, list[_CampaignRules]]:
    """The config rows parsed (the same rows give the same skills and rules)."""
    return _config(list(rows), campaign_id)


def _claim_sqlite_locked(cur: Any, agent_id: int, campaign_id: int | None, db_key: int,
                         now: datetime) -> ClaimedTask | None:
    rows = tuple(cur.execute(_SQ_CONFIG, (agent_id,)).fetchall())
    try:
        skills, campaigns = _sq_plan(rows, campaign_id)
    except _Unassigned:
        raise _not_assigned(campaign_id, cur.execute(
            "SELECT name FROM campaigns WHERE id = ?", (campaign_id,)).fetchone()) from None
    if not campaigns:
        return None
    if _due_for_sweep(db_key, now):
        cur.execute(_SQ_EXPIRE, {"now": _sq_ts(now)})
    cur.execute(_RELEASE_READY, {"now": _sq_ts(now)})  # one index seek if none is due
    ceiling = _ceiling(skills, lambda: dict(
        cur.execute("SELECT tier, min_sltv_minor FROM sltv_tiers").fetchall()))
    shape = _shape("sqlite", skills, ceiling)
    if len(campaigns) == 1:
        rules = campaigns[0]
        zones = queue_rules.zones_in_window(now, rules.window_start, rules.window_end)
        if not zones:
            return None
        lease = now + timedelta(minutes=rules.lease_minutes)
        params = _params(shape, rules, agent_id, skills, ceiling, zones, now)
        params["lease"] = _sq_ts(lease)
        row = cur.execute(_sq_claim_sql(shape), params).fetchone()
        return None if row is None else _sq_claimed(row, lease)
    best: tuple[tuple, int, _CampaignRules] | None = None
    for rules in campaigns:
        zones = queue_rules.zones_in_window(now, rules.window_start, rules.window_end)
        if not zones:
            continue
        params = _params(shape, rules, agent_id, skills, ceiling, zones, now)
        found = cur.execute(_sq_peek_sql(shape), params).fetchone()
        if found is None:
            continue
        task_id, status, owner, callback_at, sltv_minor, defection_date = found
        rank = (_rank_callback(owner, agent_id, callback_at, task_id)
                if status == TaskStatus.CALLBACK.value
                else _rank_queued(sltv_minor, defection_date, task_id))
        if best is None or (rank, rules.id) < (best[0], best[2].id):
            best = (rank, task_id, rules)
    if best is None:
        return None
    _rank, task_id, rules = best
    lease = now + timedelta(minutes=rules.lease_minutes)
    row = cur.execute(_SQ_CLAIM, {"agent": agent_id, "now": _sq_ts(now),
                                  "lease": _sq_ts(lease), "id": task_id}).fetchone()
    return _sq_claimed(row, lease)


def _sq_claimed(row: Any, lease: datetime) -> ClaimedTask:
    # id, campaign_id, customer_id, sltv_minor, sltv_tier, segment, defection_reason,
    # callback_at, external_id, name
    return ClaimedTask(
        task_id=row[0], campaign_id=row[1], customer_id=row[2], external_id=row[8],
        name=row[9] or "", sltv_minor=row[3], sltv_tier=row[4], segment=row[5],
        defection_reason=row[6], is_callback=row[7] is not None, lease_expires_at=lease)


def renew_lease(db: Database, actor: Actor, task_id: int,
                now: datetime | None = None) -> datetime:
    """Heartbeat of a worked task: push its lease forward; raises LeaseLost if gone."""
    require(actor, Permission.WORK_QUEUE)
    now = now or utcnow()
    with db.session(immediate=True) as session:
        minutes = session.scalar(
            select(Campaign.lease_minutes).join(CallTask, CallTask.campaign_id == Campaign.id)
            .where(CallTask.id == task_id))
        if minutes is None:
            raise NotFound(what=str(task_id))
        lease = now + timedelta(minutes=minutes)
        result = session.execute(
            update(CallTask)
            .where(CallTask.id == task_id, CallTask.status == TaskStatus.CLAIMED.value,
                   CallTask.claimed_by == actor.user_id)
            .values(lease_expires_at=lease, updated_at=now)
            .execution_options(synchronize_session=False))
        if not getattr(result, "rowcount", 0):
            raise LeaseLost(task=task_id)
    return lease


def release_task(db: Database, actor: Actor, task_id: int,
                 now: datetime | None = None) -> None:
    """Give a claimed task back untouched (no attempt counted). Agents release their
    own; supervisors may release anyone's."""
    require(actor, Permission.WORK_QUEUE)
    now = now or utcnow()
    with db.session(immediate=True) as session:
        task = session.get(CallTask, task_id)
        if task is None:
            raise NotFound(what=str(task_id))
        if task.status != TaskStatus.CLAIMED.value:
            raise LeaseLost(task=task_id)
        if task.claimed_by != actor.user_id and not actor.can(Permission.MONITOR_AGENTS):
            raise PermissionDenied()
        before = {"status": task.status, "claimed_by": task.claimed_by}
        task.status = (TaskStatus.CALLBACK.value if task.callback_at is not None
                       else TaskStatus.QUEUED.value)
        task.claimed_by = None
        task.claimed_at = None
        task.lease_expires_at = None
        task.updated_at = now
        audit.record(session, actor, "task_released", "call_task", task.id, before=before,
                     after={"status": task.status, "claimed_by": None})


def expire_leases(db: Database, now: datetime | None = None) -> int:
    """Return every task whose lease ran out to the queue (a crashed or closed
    workstation); claims also do this lazily. Returns how many came back."""
    now = now or utcnow()
    with db.session(immediate=True) as session:
        return _expire(session, now)


def list_queue(session: Session, actor: Actor, campaign_id: int | None = None,
               limit: int = 200, *, statuses: Sequence[str] | None = None,
               offset: int = 0) -> list[QueueRow]:
    """Open tasks in priority order: claimed, then callbacks by due time, then the rest
    by SLTV (desc) and most recent defection. Agents see their own claims and
    callbacks; supervisors and admins see the whole queue.

    Each status is read separately in its own index order, so the first page of a
    1M-task queue costs a few index range reads rather than a sort of everything.
    """
    require(actor, Permission.WORK_QUEUE)
    wanted = list(statuses or queue_rules.OPEN_STATUSES)
    order = {
        TaskStatus.CLAIMED.value: (_T.c.lease_expires_at, _T.c.id),
        TaskStatus.CALLBACK.value: (_T.c.callback_at, _T.c.id),
    }
    ranked = sorted(wanted, key=lambda st: ([TaskStatus.CLAIMED.value,
                                             TaskStatus.CALLBACK.value].index(st)
                                            if st in order else 2, st))
    out: list[QueueRow] = []
    skip = offset
    for status in ranked:
        need = limit - len(out)
        if need <= 0:
            break
        stmt = (select(_T, _C.c.external_id, _C.c.name)
                .join_from(_T, _C, _C.c.id == _T.c.customer_id)
                .where(_T.c.status == status))
        if campaign_id is not None:
            stmt = stmt.where(_T.c.campaign_id == campaign_id)
        if not actor.can(Permission.VIEW_CUSTOMERS):
            stmt = stmt.where(or_(_T.c.claimed_by == actor.user_id,
                                  _T.c.callback_owner_id == actor.user_id))
        if skip:
            count_stmt = select(func.count()).select_from(stmt.subquery())
            available = session.scalar(count_stmt) or 0
            if available <= skip:
                skip -= available
                continue
        stmt = stmt.order_by(*order.get(status, (_T.c.sltv_minor.desc(),
                                                 _T.c.defection_date.desc(),
                                                 _T.c.id.desc())))
        stmt = stmt.offset(skip).limit(need)
        skip = 0
        out.extend(
            QueueRow(r.id, r.campaign_id, r.customer_id, r.external_id, r.name or "",
                     r.status, r.sltv_minor, r.sltv_tier, r.segment, r.defection_reason,
                     r.defection_date, r.language, r.timezone, r.attempts,
                     r.next_eligible_at, r.callback_at, r.callback_owner_id, r.claimed_by,
                     r.lease_expires_at)
            for r in session.execute(stmt))
    return out


def get_claimed(session: Session, actor: Actor) -> list[int]:
    """Ids of the tasks the actor holds now (e.g. to resume after a restart)."""
    return list(session.scalars(select(CallTask.id).where(
        CallTask.status == TaskStatus.CLAIMED.value, CallTask.claimed_by == actor.user_id)))


# ------------------------------------------------------------- PostgreSQL upkeep


class QueueMaintenance:
    """Keeps the PostgreSQL queue table vacuumed while agents claim (DESIGN §11).

    Every claim leaves a dead index entry; autovacuum looks at most once a minute, so
    throughput sags between runs. One process of the team (whoever holds an advisory
    lock) vacuums ``call_tasks`` every ``interval_s`` seconds; the others retry the lock
    now and then, so a crashed leader is replaced.
    """

    LOCK_KEY = 0x57494E42  # "WINB"
    #: one vacuum in this many also refreshes the planner's statistics
    ANALYZE_EVERY = 12

    def __init__(self, db: Database, interval_s: float = 5.0,
                 on_vacuum: Callable[[], None] | None = None) -> None:
        self.db = db
        self.interval_s = interval_s
        self.on_vacuum = on_vacuum
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="queue-vacuum", daemon=True)

    def start(self) -> QueueMaintenance:
        if self.db.backend == "postgresql":
            self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=30)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                with self.db.engine.connect().execution_options(
                        isolation_level="AUTOCOMMIT") as conn:
                    got = conn.scalar(text("SELECT pg_try_advisory_lock(:k)"),
                                      {"k": self.LOCK_KEY})
                    runs = 0
                    while got and not self._stop.is_set():
                        # statistics barely move between runs; ANALYZE samples 30,000
                        # rows, costing as much as the vacuum itself
                        conn.exec_driver_sql("VACUUM (ANALYZE) call_tasks"
                                             if runs % self.ANALYZE_EVERY == 0
                                             else "VACUUM call_tasks")
                        runs += 1
                        if self.on_vacuum:
                            self.on_vacuum()
                        self._stop.wait(self.interval_s)
                    if got:
                        conn.scalar(text("SELECT pg_advisory_unlock(:k)"), {"k": self.LOCK_KEY})
            except Exception:  # keep the workstation running if the server blips
                log.warning("queue vacuum failed", exc_info=True)
            self._stop.wait(max(self.interval_s * 6, 10))


def start_maintenance(db: Database, interval_s: float = 5.0) -> QueueMaintenance:
    """Start queue upkeep for this workstation (a no-op on SQLite)."""
    return QueueMaintenance(db, interval_s).start()
