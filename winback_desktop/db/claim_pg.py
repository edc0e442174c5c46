"""The claim on PostgreSQL: ONE autocommit statement on a dedicated connection.

``WITH RECURSIVE guard …, present(zones) …, claimed AS (UPDATE call_tasks … WHERE id =
COALESCE((due callback … FOR UPDATE SKIP LOCKED), (best queued task of the zones inside
the window … FOR UPDATE SKIP LOCKED)) RETURNING …) SELECT … JOIN customers``, so
concurrent agents skip each other's rows instead of waiting. The statement is built
from the agent's settings as the connection last read them and claims only while the
server's fingerprint of those settings is unchanged (``guard``); otherwise the claim
reads them again and retries. Statements are prepared with generic plans.

The claim connections (one per thread) belong to the :class:`~winback_desktop.db.
session.Database` (``Database.claim_connections``) and close with its engine.
"""

from __future__ import annotations

import logging
import re
import threading
import weakref
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, event

from winback_desktop.core.errors import DatabaseUnavailable, WinbackError
from winback_desktop.db import claim_sql as q

if TYPE_CHECKING:
    from winback_desktop.db.session import Database

log = logging.getLogger(__name__)

#: queued candidates read (unlocked) from the top of each open zone by the fast claim
CANDIDATES_PER_ZONE = 4

#: executions of a statement after which the claim connection prepares it
PREPARE_THRESHOLD = 2

#: times a claim re-reads a configuration that changed under it before giving up
_CONFIG_READS = 3

#: times a claim releases tasks whose retry gap passed and tries again
_RELEASES = 3


# ------------------------------------------------------------------ statements


def _best_queued(shape: q.Shape, lock: bool) -> str:
    return (f"SELECT q.id, q.order_value, q.defection_date FROM (SELECT tz FROM present "
            f"WHERE tz IS NOT NULL AND {q.in_zones('tz', True)}) AS z CROSS JOIN LATERAL "
            f"({q.queued_sql(shape, 'z.tz', lock)}) AS q "
            f"ORDER BY q.order_value DESC, q.defection_date DESC, q.id DESC LIMIT 1")


def _pick_fast(shape: q.Shape) -> str:
    """Lock ONE row: the best unlocked task among the top few of every open zone.

    Locking each zone's top row instead (the exact form) costs a row lock per zone
    per claim, and every concurrent claimer then skips all of them. The candidates are
    found again by their row address (``ctid``, valid for the statement's snapshot):
    a TID scan, no index lookups and no hash of their ids; rows that other claimers
    changed meanwhile are re-checked against the conditions by the row lock."""
    return (f"SELECT id FROM call_tasks WHERE ctid = ANY(ARRAY(SELECT q.ctid FROM (SELECT "
            f"tz FROM present WHERE tz IS NOT NULL AND {q.in_zones('tz', True)}) AS z "
            f"CROSS JOIN LATERAL ({q.queued_sql(shape, 'z.tz', False, ':k', 'ctid')}) AS q)) "
            f"AND {q.queued_where(shape)} "
            f"ORDER BY {shape.order_column} DESC, defection_date DESC, id DESC "
            f"LIMIT 1 FOR UPDATE SKIP LOCKED")


#: the server's fingerprint of everything a claim is built from: the agent's skills,
#: assignments and campaigns' rules (the config query's rows), and the tier bounds
#: when the claim starts below a tier (``{tiers}``)
_FINGERPRINT = (
    "SELECT md5(coalesce(string_agg(ROW(u.skill_tiers, u.skill_reasons, u.languages, "
    "u.seniority, u.active, c.id, c.window_start, c.window_end, c.max_attempts, "
    "c.lease_minutes, c.status, c.queue_order)::text, ';' ORDER BY c.id), ''){tiers}) "
    "FROM users u LEFT JOIN campaign_agents ca ON ca.user_id = u.id "
    "LEFT JOIN campaigns c ON c.id = ca.campaign_id WHERE u.id = :agent")
_TIERS_PRINT = (" || '/' || coalesce((SELECT string_agg(tier || '=' || min_sltv_minor, "
                "',' ORDER BY tier) FROM sltv_tiers), '')")


def _fingerprint(with_tiers: bool) -> str:
    return _FINGERPRINT.format(tiers=_TIERS_PRINT if with_tiers else "")


def _claim_sql(shape: q.Shape, fast: bool = True) -> str:
    """One statement: lock the best callback or queued task, claim it, return it with
    the customer's name. ``fast=False`` is exact even when every candidate of the fast
    form is locked by other claimers (it then locks each zone's top row).

    The statement is built from the agent's configuration as the claim connection last
    read it, and claims only while the server's fingerprint of that configuration is
    still ``:fingerprint`` (first column ``ok``): no claim runs on stale rules, and a
    claim costs one round trip. Nor does it claim while a waiting task's retry gap has
    passed (second column ``ready``: release them first, see ``RELEASE_READY``)."""
    queued = (_pick_fast(shape) if fast
              else f"SELECT b.id FROM ({_best_queued(shape, True)}) AS b")
    return (
        f"WITH RECURSIVE guard(ok, ready) AS (SELECT ({_fingerprint(shape.ceiling)}) = "
        f"{':fingerprint_tiers' if shape.ceiling else ':fingerprint'}, {q.ANY_READY}), "
        f"{q.PRESENT_ZONES}, claimed AS ("
        f"UPDATE call_tasks SET status = 'claimed', claimed_by = :agent, claimed_at = :now, "
        f"lease_expires_at = :lease, updated_at = :now WHERE (SELECT ok AND NOT ready "
        f"FROM guard) AND id = COALESCE(({q.callback_sql(shape, 'id', True)}), ({queued})) "
        f"{q.RETURNING}) SELECT guard.ok, guard.ready, claimed.*, customers.external_id, "
        f"customers.name FROM guard LEFT JOIN claimed ON true "
        f"LEFT JOIN customers ON customers.id = claimed.customer_id")


def _placeholders(sql: str) -> str:
    """``:name`` → ``%(name)s`` for psycopg."""
    return re.sub(r"(?<![:\w]):([a-z_]+)", r"%(\1)s", sql)


_CONFIG = (q.CONFIG.replace("?", ":agent").replace(
    " FROM users u", f", ({_fingerprint(False)}) AS fingerprint, "
    f"({_fingerprint(True)}) AS fingerprint_tiers, (SELECT json_object_agg(tier, "
    f"min_sltv_minor) FROM sltv_tiers) AS thresholds FROM users u", 1))


@lru_cache(maxsize=64)
def _sql(key: str, shape: q.Shape | None = None) -> str:
    if key in ("claim", "claim_exact"):
        assert shape is not None
        return _placeholders(_claim_sql(shape, key == "claim"))
    if key == "peek_cb":
        assert shape is not None
        return _placeholders(q.callback_sql(shape, "id, callback_owner_id, callback_at",
                                            False))
    if key == "peek_qd":
        assert shape is not None
        return _placeholders(f"WITH RECURSIVE {q.PRESENT_ZONES} {_best_queued(shape, False)}")
    return _placeholders({"config": _CONFIG, "expire": q.EXPIRE,
                          "release": q.RELEASE_READY}[key])


# ------------------------------------------------------------------ connections


class ClaimConnections:
    """One claim connection per thread, closed with the database's engine.

    Autocommit (each claim is ONE statement, so no BEGIN/COMMIT round trips) and
    asynchronous commit (an fsync per claim would cap the team's claim rate; if the
    server crashes in that instant the claim is forgotten and the task returns to the
    queue — the agent's disposition is still recorded by the calls service)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._local = threading.local()
        self._lock = threading.Lock()
        self._opened: list[Any] = []
        #: connections closed by the engine's dispose() (a claim on one retries once)
        self._disposed: weakref.WeakSet[Any] = weakref.WeakSet()
        event.listen(engine, "engine_disposed", lambda _engine: self.close_all())

    def get(self) -> Any:
        """This thread's claim connection, connecting when it has none (or it closed)."""
        import psycopg

        local = self._local
        conn = getattr(local, "conn", None)
        if conn is None or conn.closed:
            url = self._engine.url.set(drivername="postgresql")
            conn = psycopg.connect(url.render_as_string(hide_password=False),
                                   autocommit=True, connect_timeout=5,
                                   application_name="winback-desktop-queue",
                                   prepare_threshold=PREPARE_THRESHOLD)
            conn.execute("SET synchronous_commit = off")
            # The claim statements are prepared (psycopg does so after a few uses); left
            # to itself the server re-plans a prepared claim at every execution (its
            # custom plans look cheaper than the generic one), which cost more than
            # executing it. The generic plan reads the same partial index: every
            # predicate it needs is literal SQL, only the values are parameters.
            conn.execute("SET plan_cache_mode = force_generic_plan")
            local.conn = conn
            local.configs = {}
            with self._lock:
                self._opened[:] = [c for c in self._opened if not c.closed]
                self._opened.append(conn)
        return conn

    def configs(self) -> dict[int, _Config]:
        """Agents' configurations as this thread's connection last read them."""
        return self._local.configs  # type: ignore[no-any-return]

    def forget(self, conn: Any) -> bool:
        """Drop this thread's connection after an error; True when the engine's
        dispose() had closed it (nothing was claimed on it: the claim may retry)."""
        self._local.conn = None
        closed_by_dispose = conn in self._disposed
        if not closed_by_dispose:
            conn.close()
        return closed_by_dispose

    def close_all(self) -> None:
        with self._lock:
            pending = list(self._opened)
            self._opened.clear()
        for conn in pending:
            # under the connection's own lock: a claim in flight on another thread
            # finishes first (psycopg's close() does not wait for it)
            if not conn.lock.acquire(timeout=5):
                continue
            try:
                self._disposed.add(conn)
                conn.close()
            except Exception:  # closing a broken connection must not break dispose()
                log.debug("closing a claim connection failed", exc_info=True)
            finally:
                conn.lock.release()


# ------------------------------------------------------------------ the claim


@dataclass(slots=True)
class _Config:
    """An agent's configuration as the claim connection last read it, with the server's
    fingerprint of it; every claim statement checks the fingerprint before it claims."""

    fingerprint: str
    #: the same with the tier bounds (for claims that start below a tier)
    fingerprint_tiers: str
    rows: list[Any]
    thresholds: dict[str, int]
    plans: dict[int | None, q.ClaimPlan] = field(default_factory=dict)


class _Lookups:
    __slots__ = ("config", "conn")

    def __init__(self, conn: Any, config: _Config) -> None:
        self.conn = conn
        self.config = config

    def campaign_name(self, campaign_id: int | None) -> str | None:
        row = self.conn.execute("SELECT name FROM campaigns WHERE id = %s",
                                (campaign_id,)).fetchone()
        return None if row is None else row[0]

    def tier_thresholds(self) -> dict[str, int]:
        return self.config.thresholds


def _read_config(conn: Any, agent_id: int) -> _Config:
    rows = conn.execute(_sql("config"), {"agent": agent_id}).fetchall()
    if not rows:
        return _Config("", "", [], {})
    # JSON lists arrive parsed: as tuples the rows can key the rules' memo
    width = len(q.CONFIG_COLUMNS)
    config_rows = [tuple(tuple(v) if isinstance(v, list) else v for v in r[:width])
                   for r in rows]
    return _Config(rows[0][width], rows[0][width + 1], config_rows, rows[0][width + 2] or {})


def _plan(conn: Any, config: _Config, campaign_id: int | None, rules: q.ClaimRules
          ) -> q.ClaimPlan:
    plan = config.plans.get(campaign_id)
    if plan is None:
        plan = config.plans[campaign_id] = rules.plan(config.rows, campaign_id,
                                                      _Lookups(conn, config))
    return plan


def claim(db: Database, agent_id: int, campaign_id: int | None, now: datetime,
          rules: q.ClaimRules) -> q.ClaimedTask | None:
    """Claim the agent's best task by ``rules``, or None when nobody can be called."""
    import psycopg

    pool = db.claim_connections
    for attempt in (1, 2):
        conn = None
        try:
            conn = pool.get()
            return _claim_on(conn, pool, id(db), agent_id, campaign_id, now, rules)
        except psycopg.OperationalError as exc:
            if conn is not None and pool.forget(conn) and attempt == 1:
                # closed between two statements by the engine's dispose(): nothing was
                # claimed by a statement whose answer we lost; again, newly connected
                continue
            raise DatabaseUnavailable(detail=str(exc).strip().splitlines()[0]) from exc
    raise AssertionError("unreachable")


def _claim_on(conn: Any, pool: ClaimConnections, db_key: int, agent_id: int,
              campaign_id: int | None, now: datetime, rules: q.ClaimRules
              ) -> q.ClaimedTask | None:
    """Claim with the agent's cached configuration; read it again (and retry) when the
    server says it changed, and before any answer the claim statement did not confirm
    (an error, no running campaign, a closed window)."""
    configs = pool.configs()
    config = configs.get(agent_id)
    fresh = False
    for _ in range(_CONFIG_READS):
        if config is None:
            config = configs[agent_id] = _read_config(conn, agent_id)
            fresh = True
        try:
            task, confirmed = _claim_with(conn, db_key, config, agent_id, campaign_id, now,
                                          rules)
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


def _claim_with(conn: Any, db_key: int, config: _Config, agent_id: int,
                campaign_id: int | None, now: datetime, rules: q.ClaimRules
                ) -> tuple[q.ClaimedTask | None, bool | None]:
    """(claimed task or None, whether the server confirmed ``config``: True, False when
    it changed (nothing was claimed), None when no claim statement ran)."""
    plan = _plan(conn, config, campaign_id, rules)
    if not plan.campaigns:
        return None, None
    if rules.sweep_due(db_key, now):
        conn.execute(_sql("expire"), {"now": now})
    filters = plan.filters
    targets = rules.targets(plan, now)
    if len(plan.campaigns) > 1:
        conn.execute(_sql("release"), {"now": now})  # the peeks see them too
        candidates = []
        for target in targets:
            params = q.params(True, filters, target, agent_id, now, target.grace)
            shape = q.shape(True, filters, target.campaign.order)
            cb = conn.execute(_sql("peek_cb", shape), params).fetchone()
            if cb is not None:
                candidates.append(q.Candidate(target, cb[0], True, cb[1], cb[2], 0, None))
                continue
            qd = conn.execute(_sql("peek_qd", shape), params).fetchone()
            if qd is not None:
                candidates.append(q.Candidate(target, qd[0], False, None, None, qd[1], qd[2]))
        targets = [c.target for c in rules.order(candidates, agent_id)]
    confirmed: bool | None = None
    for target in targets:
        params = q.params(True, filters, target, agent_id, now, target.grace)
        shape = q.shape(True, filters, target.campaign.order)
        params["lease"] = target.lease
        params["k"] = CANDIDATES_PER_ZONE
        if shape.ceiling:
            params["fingerprint_tiers"] = config.fingerprint_tiers
        else:
            params["fingerprint"] = config.fingerprint
        row = _claim_row(conn, shape, params)
        if not row[0]:
            return None, False
        confirmed = True
        if row[2] is not None:
            # ok, ready, id, campaign_id, customer_id, sltv_minor, sltv_tier, segment,
            # defection_reason, callback_at, external_id, name
            return q.ClaimedTask(
                task_id=row[2], campaign_id=row[3], customer_id=row[4], external_id=row[10],
                name=row[11] or "", sltv_minor=row[5], sltv_tier=row[6], segment=row[7],
                defection_reason=row[8], is_callback=row[9] is not None,
                lease_expires_at=target.lease), True
    return None, confirmed


def _claim_row(conn: Any, shape: q.Shape, params: dict[str, Any]) -> Any:
    """The claim statement's row; the exact form when every candidate of the fast one
    was taken, and again after releasing waiting tasks whose time has come."""
    row = None
    for _ in range(_RELEASES):
        row = conn.execute(_sql("claim", shape), params).fetchone()
        if row[0] and not row[1] and row[2] is None:
            row = conn.execute(_sql("claim_exact", shape), params).fetchone()
        if not row[0] or not row[1]:
            return row
        conn.execute(_sql("release"), {"now": params["now"]})
    return row
