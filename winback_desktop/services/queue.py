"""The call queue: "next customer" for an agent, leases, release (DESIGN §5).

A claim is one short write transaction:

* PostgreSQL: a single ``UPDATE call_tasks … WHERE id = COALESCE((due callback …
  FOR UPDATE SKIP LOCKED), (best queued task … FOR UPDATE SKIP LOCKED)) RETURNING``
  wrapped in a CTE that also returns the customer's name, so concurrent agents skip
  each other's rows instead of waiting;
* SQLite: the same statement inside ``BEGIN IMMEDIATE``, which serialises writers.

Every eligibility rule is a condition on ``call_tasks`` itself (ordering inputs,
segment, language and time zone are copied there), read through the index
``(campaign_id, status, sltv_minor, defection_date, id)`` scanned backwards. The
calling window becomes ``timezone IN (zones inside the window this minute)``.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any, cast

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Executable,
    Integer,
    Select,
    String,
    Table,
    and_,
    any_,
    bindparam,
    case,
    func,
    literal_column,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY as PG_ARRAY
from sqlalchemy.orm import Session

from winback_desktop.core import queue_rules
from winback_desktop.core.domain import CampaignStatus, TaskStatus, Treatment
from winback_desktop.core.errors import Conflict, NotFound, PermissionDenied, WinbackError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import (
    CallTask,
    Campaign,
    CampaignAgent,
    Customer,
    SltvTierThreshold,
    User,
)
from winback_desktop.db.session import Database
from winback_desktop.db.types import UTCDateTime, utcnow
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


def _agent_config_statement() -> Select[Any]:
    c = cast(Table, Campaign.__table__)
    u = cast(Table, User.__table__)
    ca = cast(Table, CampaignAgent.__table__)
    return (
        select(u.c.skill_tiers, u.c.skill_reasons, u.c.languages, u.c.seniority, u.c.active,
               c.c.id, c.c.window_start, c.c.window_end, c.c.max_attempts, c.c.lease_minutes,
               c.c.status)
        .select_from(u)
        .outerjoin(ca, ca.c.user_id == u.c.id)
        .outerjoin(c, c.c.id == ca.c.campaign_id)
        .where(u.c.id == bindparam("user", type_=Integer))
    )


_AGENT_CONFIG = _agent_config_statement()
#: On PostgreSQL the claim's commit does not wait for the WAL flush (an fsync costs
#: 5–15 ms here and would cap the whole team's claim rate). If the server itself
#: crashes in that instant, the claim is forgotten and the task simply returns to the
#: queue; the agent's later disposition is still recorded (see ``calls.finish_call``).
_AGENT_CONFIG_PG = _agent_config_statement().add_columns(
    func.set_config("synchronous_commit", "off", True).label("async_commit"))


def _agent_config(session: Session, actor: Actor, campaign_id: int | None,
                  backend: str = "sqlite"
                  ) -> tuple[queue_rules.AgentSkills, list[_CampaignRules]]:
    """The agent's skills and the running campaigns they are assigned to (one query)."""
    if actor.user_id is None:
        raise PermissionDenied()
    stmt = _AGENT_CONFIG_PG if backend == "postgresql" else _AGENT_CONFIG
    rows = session.execute(stmt, {"user": actor.user_id}).all()
    if not rows or not rows[0].active:
        raise PermissionDenied()
    first = rows[0]
    skills = queue_rules.AgentSkills.of(first.skill_tiers, first.skill_reasons,
                                        first.languages, first.seniority)
    campaigns = [
        _CampaignRules(r.id, r.window_start, r.window_end, r.max_attempts,
                       r.lease_minutes or 15)
        for r in rows
        if r.id is not None and r.status == CampaignStatus.RUNNING.value
        and (campaign_id is None or r.id == campaign_id)
    ]
    if campaign_id is not None and not any(r.id == campaign_id for r in rows):
        name = session.scalar(select(Campaign.name).where(Campaign.id == campaign_id))
        if name is None:
            raise NotFound(what=str(campaign_id))
        raise NotAssigned(campaign=name)
    return skills, campaigns


def _thresholds(session: Session) -> dict[str, int]:
    return {t: v for t, v in session.execute(
        select(SltvTierThreshold.tier, SltvTierThreshold.min_sltv_minor))}


def _lit(value: str) -> ColumnElement[Any]:
    """A string constant inlined in the SQL, so PostgreSQL can reuse one plan."""
    return literal_column("'" + value.replace("'", "''") + "'")


_ONE: ColumnElement[Any] = literal_column("1")


@dataclass(frozen=True, slots=True)
class _Shape:
    """Which optional filters a claim statement has; statements are built once per shape."""

    backend: str
    tiers: bool
    ceiling: bool
    reasons: bool
    languages: bool


def _zone_condition(backend: str) -> ColumnElement[bool]:
    """``timezone IN :zones`` as ONE parameter, whatever the number of zones."""
    if backend == "postgresql":
        return _T.c.timezone == any_(bindparam("zones", type_=PG_ARRAY(String)))
    zones = func.json_each(bindparam("zones", type_=String)).table_valued("value")
    return _T.c.timezone.in_(select(zones.c.value))


def _skill_conditions(shape: _Shape) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if shape.tiers:
        conds.append(_T.c.sltv_tier.in_(bindparam("tiers", expanding=True)))
    if shape.ceiling:
        conds.append(_T.c.sltv_minor < bindparam("ceiling", type_=BigInteger))
    if shape.reasons:
        conds.append(_T.c.defection_reason.in_(bindparam("reasons", expanding=True)))
    if shape.languages:
        conds.append(_T.c.language.in_(bindparam("languages", expanding=True)))
    return conds


def _not_do_not_pursue() -> ColumnElement[bool]:
    return or_(_T.c.segment.is_(None), _T.c.segment != _lit(Treatment.DO_NOT_PURSUE.value))


_NOW = bindparam("now", type_=UTCDateTime())


def _callback_select(shape: _Shape) -> Select[Any]:
    """Due callbacks: the agent's own first, then team ones (or personal ones overdue
    past the grace period), oldest due first. Attempts do not count: the customer
    asked to be called."""
    own = _T.c.callback_owner_id == bindparam("agent", type_=Integer)
    team = and_(or_(_T.c.callback_owner_id.is_(None),
                    _T.c.callback_at <= bindparam("grace", type_=UTCDateTime())),
                *_skill_conditions(shape))
    return (
        select(_T.c.id)
        .where(_T.c.campaign_id == bindparam("campaign", type_=Integer),
               _T.c.status == _lit(TaskStatus.CALLBACK.value),
               _T.c.callback_at <= _NOW,
               _zone_condition(shape.backend),
               _not_do_not_pursue(),
               or_(own, team))
        .order_by(case((own, 0), else_=1), _T.c.callback_at, _T.c.id)
        .limit(_ONE)
    )


def _queued_select(shape: _Shape) -> Select[Any]:
    return (
        select(_T.c.id)
        .where(_T.c.campaign_id == bindparam("campaign", type_=Integer),
               _T.c.status == _lit(TaskStatus.QUEUED.value),
               _zone_condition(shape.backend),
               _T.c.attempts < bindparam("max_attempts", type_=Integer),
               or_(_T.c.next_eligible_at.is_(None), _T.c.next_eligible_at <= _NOW),
               _not_do_not_pursue(),
               *_skill_conditions(shape))
        # exactly the index order read backwards: no sort step
        .order_by(_T.c.sltv_minor.desc(), _T.c.defection_date.desc(), _T.c.id.desc())
        .limit(_ONE)
    )


_RETURNING = (_T.c.id, _T.c.campaign_id, _T.c.customer_id, _T.c.sltv_minor, _T.c.sltv_tier,
              _T.c.segment, _T.c.defection_reason, _T.c.callback_at)


@lru_cache(maxsize=64)
def _claim_statement(shape: _Shape) -> Executable:
    cb = _callback_select(shape)
    qd = _queued_select(shape)
    if shape.backend == "postgresql":
        cb = cb.with_for_update(skip_locked=True)
        qd = qd.with_for_update(skip_locked=True)
    pick = func.coalesce(cb.scalar_subquery(), qd.scalar_subquery())
    upd = (
        update(_T)
        .where(_T.c.id == pick)
        .values(status=_lit(TaskStatus.CLAIMED.value),
                claimed_by=bindparam("agent", type_=Integer),
                claimed_at=_NOW,
                lease_expires_at=bindparam("lease", type_=UTCDateTime()),
                updated_at=_NOW)
        .returning(*_RETURNING)
    )
    if shape.backend != "postgresql":
        return upd
    claimed = upd.cte("claimed")
    return (select(claimed, _C.c.external_id, _C.c.name)
            .join_from(claimed, _C, _C.c.id == claimed.c.customer_id))


@lru_cache(maxsize=64)
def _peek_statements(shape: _Shape) -> tuple[Select[Any], Select[Any]]:
    cb = _callback_select(shape).with_only_columns(_T.c.callback_owner_id, _T.c.callback_at)
    qd = _queued_select(shape).with_only_columns(_T.c.sltv_minor, _T.c.defection_date)
    return cb, qd


_CUSTOMER_NAME = select(_C.c.external_id, _C.c.name).where(
    _C.c.id == bindparam("customer", type_=Integer))


@lru_cache(maxsize=16)
def _zones_json(zones: tuple[str, ...]) -> str:
    return json.dumps(list(zones))


def _params(shape: _Shape, rules: _CampaignRules, agent_id: int,
            skills: queue_rules.AgentSkills, ceiling: int | None,
            zones: tuple[str, ...], now: datetime) -> dict[str, Any]:
    params: dict[str, Any] = {
        "campaign": rules.id, "agent": agent_id, "now": now,
        "grace": now - timedelta(minutes=queue_rules.PERSONAL_CALLBACK_GRACE_MINUTES),
        "max_attempts": rules.max_attempts,
        "zones": list(zones) if shape.backend == "postgresql" else _zones_json(zones),
    }
    if shape.tiers:
        params["tiers"] = skills.allowed_tiers()
    if shape.ceiling:
        params["ceiling"] = ceiling
    if shape.reasons:
        params["reasons"] = skills.allowed_reasons()
    if shape.languages:
        params["languages"] = skills.allowed_languages()
    return params


def _shape(backend: str, skills: queue_rules.AgentSkills, ceiling: int | None) -> _Shape:
    return _Shape(backend, skills.allowed_tiers() is not None, ceiling is not None,
                  skills.allowed_reasons() is not None, skills.allowed_languages() is not None)


_expire_marks: dict[int, datetime] = {}
_expire_lock = threading.Lock()


def _maybe_expire(session: Session, db_key: int, now: datetime) -> None:
    with _expire_lock:
        last = _expire_marks.get(db_key)
        if last is not None and last <= now < last + EXPIRE_EVERY:
            return
        _expire_marks[db_key] = now
    _expire(session, now)


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


def _claim_in(session: Session, backend: str, rules: _CampaignRules, agent_id: int,
              skills: queue_rules.AgentSkills, ceiling: int | None, now: datetime
              ) -> ClaimedTask | None:
    zones = queue_rules.zones_in_window(now, rules.window_start, rules.window_end)
    if not zones:
        return None
    shape = _shape(backend, skills, ceiling)
    params = _params(shape, rules, agent_id, skills, ceiling, zones, now)
    lease = now + timedelta(minutes=rules.lease_minutes)
    params["lease"] = lease
    row = session.execute(_claim_statement(shape), params).first()
    if row is None:
        return None
    if backend == "postgresql":
        external_id, name = row.external_id, row.name
    else:
        cust = session.execute(_CUSTOMER_NAME, {"customer": row.customer_id}).one()
        external_id, name = cust.external_id, cust.name
    return ClaimedTask(
        task_id=row.id, campaign_id=row.campaign_id, customer_id=row.customer_id,
        external_id=external_id, name=name or "", sltv_minor=row.sltv_minor,
        sltv_tier=row.sltv_tier, segment=row.segment, defection_reason=row.defection_reason,
        is_callback=row.callback_at is not None, lease_expires_at=lease)


def _peek_rank(session: Session, backend: str, rules: _CampaignRules, agent_id: int,
               skills: queue_rules.AgentSkills, ceiling: int | None, now: datetime
               ) -> tuple | None:
    """Priority of a campaign's best candidate (read only), to pick among campaigns."""
    zones = queue_rules.zones_in_window(now, rules.window_start, rules.window_end)
    if not zones:
        return None
    shape = _shape(backend, skills, ceiling)
    params = _params(shape, rules, agent_id, skills, ceiling, zones, now)
    cb_stmt, qd_stmt = _peek_statements(shape)
    cb = session.execute(cb_stmt, params).first()
    if cb is not None:
        return (0, 0 if cb.callback_owner_id == agent_id else 1, cb.callback_at.timestamp(),
                0, 0)
    qd = session.execute(qd_stmt, params).first()
    if qd is None:
        return None
    defected = qd.defection_date.toordinal() if qd.defection_date else 0
    return (1, 0, 0.0, -qd.sltv_minor, -defected)


# ------------------------------------------------------------------------ the API


def claim_next_task(db: Database, actor: Actor, campaign_id: int | None = None,
                    now: datetime | None = None) -> ClaimedTask | None:
    """Give the agent the best eligible customer, or None when nobody can be called now.

    Without ``campaign_id`` every running campaign the agent is assigned to competes on
    the same priority rules.
    """
    require(actor, Permission.WORK_QUEUE)
    now = now or utcnow()
    with db.session(immediate=True) as session:
        skills, campaigns = _agent_config(session, actor, campaign_id, db.backend)
        assert actor.user_id is not None
        if not campaigns:
            return None
        _maybe_expire(session, id(db), now)
        tiers = skills.allowed_tiers()
        # Only an agent barred from the top tier needs the thresholds (to start the
        # index scan below it).
        ceiling = (queue_rules.sltv_ceiling(tiers, _thresholds(session))
                   if tiers is not None and queue_rules.HIGH_VALUE_TIER not in tiers else None)
        if len(campaigns) > 1:
            ranked = []
            for rules in campaigns:
                rank = _peek_rank(session, db.backend, rules, actor.user_id, skills, ceiling, now)
                if rank is not None:
                    ranked.append((rank, rules.id, rules))
            ranked.sort(key=lambda item: (item[0], item[1]))
            campaigns = [r for _, _, r in ranked]
        for rules in campaigns:
            task = _claim_in(session, db.backend, rules, actor.user_id, skills, ceiling, now)
            if task is not None:
                return task
    return None


def renew_lease(db: Database, actor: Actor, task_id: int,
                now: datetime | None = None) -> datetime:
    """Heartbeat of a worked task: push its lease forward; raises LeaseLost if gone."""
    require(actor, Permission.WORK_QUEUE)
    now = now or utcnow()
    with db.session() as session:
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
    with db.session() as session:
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
    """Open tasks in priority order. Agents see their own claims and callbacks;
    supervisors and admins see the whole queue."""
    require(actor, Permission.WORK_QUEUE)
    statuses = list(statuses or queue_rules.OPEN_STATUSES)
    stmt = (
        select(_T, _C.c.external_id, _C.c.name)
        .join_from(_T, _C, _C.c.id == _T.c.customer_id)
        .where(_T.c.status.in_(statuses))
    )
    if campaign_id is not None:
        stmt = stmt.where(_T.c.campaign_id == campaign_id)
    if not actor.can(Permission.VIEW_CUSTOMERS):
        stmt = stmt.where(or_(_T.c.claimed_by == actor.user_id,
                              _T.c.callback_owner_id == actor.user_id))
    stmt = stmt.order_by(
        case((_T.c.status == TaskStatus.CLAIMED.value, 0),
             (_T.c.status == TaskStatus.CALLBACK.value, 1), else_=2),
        _T.c.callback_at, _T.c.sltv_minor.desc(), _T.c.defection_date.desc(),
        _T.c.id.desc(),
    ).offset(offset).limit(limit)
    return [
        QueueRow(r.id, r.campaign_id, r.customer_id, r.external_id, r.name or "", r.status,
                 r.sltv_minor, r.sltv_tier, r.segment, r.defection_reason, r.defection_date,
                 r.language, r.timezone, r.attempts, r.next_eligible_at, r.callback_at,
                 r.callback_owner_id, r.claimed_by, r.lease_expires_at)
        for r in session.execute(stmt)
    ]


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
                    while got and not self._stop.is_set():
                        conn.exec_driver_sql("VACUUM (ANALYZE) call_tasks")
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
