"""The call queue: "next customer" for an agent, leases, release (DESIGN §5).

This module owns the queue's rules: who may claim, which campaigns and tasks an agent
may have (skills, tiers, languages, calling windows), in which order campaigns compete,
how long a lease lasts, when expired leases are swept. The claim itself is one short
write whose SQL is tuned per engine in ``db.claim_sqlite`` (``BEGIN IMMEDIATE`` and one
``UPDATE … RETURNING``) and ``db.claim_pg`` (one autocommit statement with ``FOR
UPDATE SKIP LOCKED`` on a claim connection the ``Database`` owns); both consult these
rules through :class:`_QueueRules`.
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

from sqlalchemy import Table, func, or_, select, text, update
from sqlalchemy.orm import Session

from winback_desktop.core import queue_rules
from winback_desktop.core.domain import CampaignStatus, TaskStatus, Treatment
from winback_desktop.core.errors import (
    Conflict,
    NotFound,
    PermissionDenied,
    WinbackError,
)
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.db import claim_pg, claim_sqlite
from winback_desktop.db.claim_sql import (
    EV_ORDER,
    CampaignRules,
    Candidate,
    ClaimedTask,
    ClaimFilters,
    ClaimPlan,
    ClaimTarget,
    PlanLookups,
)
from winback_desktop.db.models import CallTask, Campaign, Customer
from winback_desktop.db.session import Database
from winback_desktop.db.types import utcnow
from winback_desktop.services import audit, segmentation_service
from winback_desktop.services.context import Actor, refuse, require

__all__ = ["CallbackTaken", "ClaimedTask", "LeaseLost", "NotAssigned", "QueueMaintenance",
           "QueueRow", "claim_next_task", "claim_task", "expire_leases", "get_claimed",
           "list_queue", "release_task", "renew_lease", "start_maintenance"]

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
    #: as the win model last scored the task (``services.win_model``)
    p_win: float | None = None
    expected_value_minor: int = 0


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
        refuse(None, actor, "claim_next_task")
    engine = claim_sqlite if db.backend == "sqlite" else claim_pg
    return engine.claim(db, actor.user_id, campaign_id, now, _RULES)


# ------------------------------------------------------------ the claim's rules


class _Unassigned(Exception):
    """The agent is not assigned to the campaign asked for."""


def _json(value: Any) -> Any:
    """A JSON column as read: text on SQLite, already parsed on PostgreSQL."""
    return json.loads(value) if isinstance(value, str) else value


@lru_cache(maxsize=64)
def _time(value: Any) -> time:
    return value if isinstance(value, time) else time.fromisoformat(str(value))


@lru_cache(maxsize=256)
def _parse(rows: tuple[tuple[Any, ...], ...], campaign_id: int | None
           ) -> tuple[queue_rules.AgentSkills, tuple[CampaignRules, ...]]:
    """Skills and running assigned campaigns from the config query's rows (the same
    rows give the same answer, so it is memoised)."""
    if not rows or not rows[0][4]:
        raise PermissionDenied()
    first = rows[0]
    skills = queue_rules.AgentSkills.of(_json(first[0]), _json(first[1]), _json(first[2]),
                                        first[3])
    if campaign_id is not None and not any(r[5] == campaign_id for r in rows):
        raise _Unassigned()
    campaigns = tuple(
        CampaignRules(r[5], _time(r[6]), _time(r[7]), r[8], r[9] or 15, r[11] or "sltv")
        for r in rows
        if r[5] is not None and r[10] == CampaignStatus.RUNNING.value
        and (campaign_id is None or r[5] == campaign_id))
    return skills, campaigns


def _tuple(values: list[str] | None) -> tuple[str, ...] | None:
    return None if values is None else tuple(values)


@lru_cache(maxsize=256)
def _plan(skills: queue_rules.AgentSkills, campaigns: tuple[CampaignRules, ...],
          ceiling: int | None) -> ClaimPlan:
    filters = ClaimFilters(_tuple(skills.allowed_tiers()), ceiling,
                           _tuple(skills.allowed_reasons()), _tuple(skills.allowed_languages()))
    return ClaimPlan(filters, campaigns)


def _ceiling(skills: queue_rules.AgentSkills, lookups: PlanLookups) -> int | None:
    """Only an agent barred from the top tier needs the thresholds (to start the index
    scan below it); they are read only then."""
    tiers = skills.allowed_tiers()
    if tiers is None or queue_rules.HIGH_VALUE_TIER in tiers:
        return None
    return queue_rules.sltv_ceiling(tiers, lookups.tier_thresholds())


def _rank(candidate: Candidate, agent_id: int) -> tuple:
    """Sort key (smallest first) of a campaign's best task: due callbacks (own before
    team, oldest due first), then the campaign's order value (SLTV or expected value)
    desc, recent defection, newest task; times and dates compare as ISO text so both
    engines agree."""
    if candidate.is_callback:
        at = candidate.callback_at
        iso_at = at.isoformat() if isinstance(at, datetime) else at
        return (0, 0 if candidate.callback_owner_id == agent_id else 1, iso_at, 0, "",
                candidate.task_id, candidate.target.campaign.id)
    day = candidate.defection_date
    iso = day.isoformat() if isinstance(day, date) else (day or "")
    return (1, 0, "", -candidate.order_value, _invert(iso), -candidate.task_id,
            candidate.target.campaign.id)


def _invert(text_value: str) -> str:
    """A string that sorts in the reverse order of ``text_value`` (ISO dates); empty
    (no date) sorts last."""
    return "".join(chr(0x10FFFF - ord(ch)) for ch in text_value) + "\U0010ffff"


_expire_marks: dict[int, datetime] = {}
_expire_lock = threading.Lock()


class _QueueRules:
    """The rules a claim module consults (``db.claim_sql.ClaimRules``)."""

    def plan(self, rows: Sequence[tuple[Any, ...]], campaign_id: int | None,
             lookups: PlanLookups) -> ClaimPlan:
        try:
            skills, campaigns = _parse(tuple(rows), campaign_id)
        except _Unassigned:
            name = lookups.campaign_name(campaign_id)
            if name is None:
                raise NotFound(what=str(campaign_id)) from None
            raise NotAssigned(campaign=name) from None
        if not campaigns:
            return _plan(skills, campaigns, None)
        return _plan(skills, campaigns, _ceiling(skills, lookups))

    def targets(self, plan: ClaimPlan, now: datetime) -> list[ClaimTarget]:
        grace = now - timedelta(minutes=queue_rules.PERSONAL_CALLBACK_GRACE_MINUTES)
        out = []
        for rules in plan.campaigns:
            zones = queue_rules.zones_in_window(now, rules.window_start, rules.window_end)
            if zones:
                out.append(ClaimTarget(rules, zones, grace,
                                       now + timedelta(minutes=rules.lease_minutes)))
        return out

    def sweep_due(self, key: int, now: datetime) -> bool:
        with _expire_lock:
            last = _expire_marks.get(key)
            if last is not None and last <= now < last + EXPIRE_EVERY:
                return False
            _expire_marks[key] = now
            return True

    def order(self, candidates: list[Candidate], agent_id: int) -> list[Candidate]:
        return sorted(candidates, key=lambda c: _rank(c, agent_id))


_RULES = _QueueRules()


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
            refuse(None, actor, "release_task")
        before = {"status": task.status, "claimed_by": task.claimed_by}
        task.status = (TaskStatus.NOT_PURSUED.value
                       if task.segment == Treatment.DO_NOT_PURSUE.value
                       else TaskStatus.CALLBACK.value if task.callback_at is not None
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


def _expire(session: Session, now: datetime) -> int:
    result = session.execute(
        update(CallTask)
        .where(CallTask.status == TaskStatus.CLAIMED.value,
               CallTask.lease_expires_at < now)
        .values(status=segmentation_service.reopened_status(_T),
                claimed_by=None, claimed_at=None, lease_expires_at=None, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def list_queue(session: Session, actor: Actor, campaign_id: int | None = None,
               limit: int = 200, *, statuses: Sequence[str] | None = None,
               offset: int = 0) -> list[QueueRow]:
    """Open tasks in priority order: claimed, then callbacks by due time, then the rest
    by SLTV (desc; expected value for one campaign that orders by it) and most recent
    defection. Agents see their own claims and callbacks; supervisors and admins see
    the whole queue.

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
    by_value = campaign_id is not None and session.scalar(
        select(Campaign.queue_order).where(Campaign.id == campaign_id)) == EV_ORDER
    first = _T.c.expected_value_minor if by_value else _T.c.sltv_minor
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
        stmt = stmt.order_by(*order.get(status, (first.desc(),
                                                 _T.c.defection_date.desc(),
                                                 _T.c.id.desc())))
        stmt = stmt.offset(skip).limit(need)
        skip = 0
        out.extend(
            QueueRow(r.id, r.campaign_id, r.customer_id, r.external_id, r.name or "",
                     r.status, r.sltv_minor, r.sltv_tier, r.segment, r.defection_reason,
                     r.defection_date, r.language, r.timezone, r.attempts,
                     r.next_eligible_at, r.callback_at, r.callback_owner_id, r.claimed_by,
                     r.lease_expires_at, r.p_win, r.expected_value_minor)
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


class CallbackTaken(Conflict):
    default_text = QT_TRANSLATE_NOOP(
        "Errors", "This callback is no longer waiting: someone took it or it was rescheduled.")


def claim_task(db: Database, actor: Actor, task_id: int,
               now: datetime | None = None) -> ClaimedTask:
    """Claim one waiting callback the agent picked from "My callbacks" (their own, or a
    team callback of a campaign they work), even before it is due: the same lease as
    "next customer", and two agents never both get it (a conditional update)."""
    from winback_desktop.db.models import CampaignAgent

    require(actor, Permission.WORK_QUEUE)
    if actor.user_id is None:
        refuse(None, actor, "claim_task")
    now = now or utcnow()
    with db.session(immediate=True) as session:
        row = session.execute(
            select(CallTask, Campaign.lease_minutes, Campaign.status, Customer)
            .join(Campaign, Campaign.id == CallTask.campaign_id)
            .join(Customer, Customer.id == CallTask.customer_id)
            .where(CallTask.id == task_id)).first()
        if row is None:
            raise NotFound(what=str(task_id))
        task, minutes, status, customer = row
        assigned = session.scalar(select(CampaignAgent.user_id).where(
            CampaignAgent.campaign_id == task.campaign_id,
            CampaignAgent.user_id == actor.user_id))
        if assigned is None or task.callback_owner_id not in (None, actor.user_id):
            refuse(None, actor, "claim_task")
        if status != CampaignStatus.RUNNING.value or customer.do_not_call:
            raise CallbackTaken()
        lease = now + timedelta(minutes=minutes or 15)
        result = session.execute(
            update(CallTask)
            .where(CallTask.id == task_id, CallTask.status == TaskStatus.CALLBACK.value)
            .values(status=TaskStatus.CLAIMED.value, claimed_by=actor.user_id, claimed_at=now,
                    lease_expires_at=lease, updated_at=now)
            .execution_options(synchronize_session=False))
        if not getattr(result, "rowcount", 0):
            raise CallbackTaken()
        audit.record(session, actor, "callback_opened", "call_task", task_id,
                     before={"status": TaskStatus.CALLBACK.value},
                     after={"status": TaskStatus.CLAIMED.value, "claimed_by": actor.user_id})
        return ClaimedTask(task_id=task.id, campaign_id=task.campaign_id,
                           customer_id=task.customer_id, external_id=customer.external_id,
                           name=customer.name or "", sltv_minor=task.sltv_minor,
                           sltv_tier=task.sltv_tier, segment=task.segment,
                           defection_reason=task.defection_reason, is_callback=True,
                           lease_expires_at=lease)


def load_queue(db: Database, actor: Actor, campaign_id: int | None = None,
               limit: int = 200) -> list[QueueRow]:
    """``list_queue`` as its own read (``winback queue list``)."""
    with db.session() as session:
        return list_queue(session, actor, campaign_id, limit=limit)


def task_timezone(db: Database, actor: Actor, task_id: int) -> str:
    """The IANA zone of the task's customer: a callback time typed without an offset
    (``winback call log --callback-at``) is the customer's local time."""
    require(actor, Permission.WORK_QUEUE)
    with db.session() as session:
        zone = session.scalar(select(Customer.timezone).join(
            CallTask, CallTask.customer_id == Customer.id).where(CallTask.id == task_id))
        if zone is None:
            raise NotFound(what=str(task_id))
        return str(zone)
