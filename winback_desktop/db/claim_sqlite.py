"""The claim on SQLite: the reads and one ``UPDATE … RETURNING`` inside ``BEGIN
IMMEDIATE``, which serialises writers.

On a single workstation the claim's cost is almost all Python: SQLAlchemy's statement
caching and result machinery cost ~0.5 ms against ~0.03 ms for the SQL. The claim
therefore speaks sqlite3 directly on a pooled connection (the test suite runs both
engines against the same expectations). Times are stored by SQLAlchemy as naive-UTC
ISO text and compared as text.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Mapping
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from winback_desktop.core.errors import DatabaseUnavailable
from winback_desktop.db import claim_sql as q
from winback_desktop.db.session import Database

AUTOCHECKPOINT_PAGES = 20_000
_AUTOCHECKPOINT = f"PRAGMA wal_autocheckpoint={AUTOCHECKPOINT_PAGES}"


def timestamp(value: datetime) -> str:
    """SQLAlchemy's text of a UTC time on SQLite, formatted faster."""
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


#: the customer's columns a claim returns, read by the claim statement itself
_CUSTOMER = (", (SELECT external_id FROM customers WHERE customers.id = "
             "call_tasks.customer_id), (SELECT name FROM customers WHERE customers.id = "
             "call_tasks.customer_id)")


def _best_queued(shape: q.Shape) -> str:
    """The campaign's best queued task: the top of each open zone present, best first."""
    return (f"SELECT t.id FROM present JOIN call_tasks AS t ON t.id = ("
            f"{q.queued_sql(shape, 'present.tz', False, columns='id')}) "
            f"WHERE present.tz IS NOT NULL AND {q.in_zones('present.tz', False)} "
            f"ORDER BY t.{shape.order_column} DESC, t.defection_date DESC, t.id DESC LIMIT 1")


@lru_cache(maxsize=64)
def _claim_sql(shape: q.Shape) -> str:
    """One statement claims a campaign's best task (a due callback, else the best
    queued task) and returns it with the customer's id and name."""
    return (f"WITH RECURSIVE {q.PRESENT_ZONES} {q.SET_CLAIMED}WHERE id = COALESCE(("
            f"{q.callback_sql(shape, 'id', False)}), ({_best_queued(shape)})) "
            f"AND status IN ('queued', 'callback') {q.RETURNING}{_CUSTOMER}")


@lru_cache(maxsize=64)
def _peek_sql(shape: q.Shape) -> str:
    """A campaign's best task with what ranks it against other campaigns' best."""
    return (f"WITH RECURSIVE {q.PRESENT_ZONES} SELECT {q.peek_columns(shape)} FROM call_tasks "
            f"WHERE id = COALESCE(({q.callback_sql(shape, 'id', False)}), "
            f"({_best_queued(shape)}))")


_CLAIM_ID = (f"{q.SET_CLAIMED}WHERE id = :id AND status IN ('queued', 'callback') "
             f"{q.RETURNING}{_CUSTOMER}")


class _Lookups:
    """What a plan may need besides the config rows, read on the claim's cursor."""

    __slots__ = ("cur",)

    def __init__(self, cur: Any) -> None:
        self.cur = cur

    def campaign_name(self, campaign_id: int | None) -> str | None:
        row = self.cur.execute(q.CAMPAIGN_NAME, (campaign_id,)).fetchone()
        return None if row is None else row[0]

    def tier_thresholds(self) -> Mapping[str, int]:
        return dict(self.cur.execute(q.TIER_THRESHOLDS).fetchall())


def claim(db: Database, agent_id: int, campaign_id: int | None, now: datetime,
          rules: q.ClaimRules) -> q.ClaimedTask | None:
    """Claim the agent's best task by ``rules``, or None when nobody can be called."""
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
                cur.execute(_AUTOCHECKPOINT)
                info["winback_claim_checkpoint"] = True
            cur.execute("BEGIN IMMEDIATE")
            try:
                task = _claim_locked(cur, agent_id, campaign_id, id(db), now, rules)
            except BaseException:
                cur.execute("ROLLBACK")
                raise
            cur.execute("COMMIT")
            return task
    except sqlite3.OperationalError as exc:
        raise DatabaseUnavailable(detail=str(exc).splitlines()[0]) from exc


def _claim_locked(cur: Any, agent_id: int, campaign_id: int | None, db_key: int,
                  now: datetime, rules: q.ClaimRules) -> q.ClaimedTask | None:
    rows = cur.execute(q.CONFIG, (agent_id,)).fetchall()
    plan = rules.plan(rows, campaign_id, _Lookups(cur))
    if not plan.campaigns:
        return None
    stamp = timestamp(now)
    if rules.sweep_due(db_key, now):
        cur.execute(q.EXPIRE, {"now": stamp})
    cur.execute(q.RELEASE_READY, {"now": stamp})  # one index seek if none is due
    targets = rules.targets(plan, now)
    if not targets:
        return None
    filters = plan.filters
    if len(plan.campaigns) == 1:
        target = targets[0]
        shape = q.shape(False, filters, target.campaign.order)
        params = q.params(False, filters, target, agent_id, stamp,
                          timestamp(target.grace))
        params["lease"] = timestamp(target.lease)
        row = cur.execute(_claim_sql(shape), params).fetchone()
        return None if row is None else _claimed(row, target.lease)
    candidates = []
    for target in targets:
        params = q.params(False, filters, target, agent_id, stamp,
                          timestamp(target.grace))
        shape = q.shape(False, filters, target.campaign.order)
        found = cur.execute(_peek_sql(shape), params).fetchone()
        if found is not None:
            candidates.append(q.candidate(target, found))
    if not candidates:
        return None
    best = rules.order(candidates, agent_id)[0]
    lease = best.target.lease
    row = cur.execute(_CLAIM_ID, {"agent": agent_id, "now": stamp, "lease": timestamp(lease),
                                  "id": best.task_id}).fetchone()
    return _claimed(row, lease)


def _claimed(row: Any, lease: datetime) -> q.ClaimedTask:
    # id, campaign_id, customer_id, sltv_minor, sltv_tier, segment, defection_reason,
    # callback_at, external_id, name
    return q.ClaimedTask(
        task_id=row[0], campaign_id=row[1], customer_id=row[2], external_id=row[8],
        name=row[9] or "", sltv_minor=row[3], sltv_tier=row[4], segment=row[5],
        defection_reason=row[6], is_callback=row[7] is not None, lease_expires_at=lease)
