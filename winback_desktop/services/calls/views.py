"""Reading calls: one call, the open ones, a customer's history (with "may I amend?")."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from winback_desktop.core import call_flow as flow
from winback_desktop.core.errors import NotFound
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import AuditEntry, Call, Customer, User
from winback_desktop.db.session import Database
from winback_desktop.db.types import utcnow
from winback_desktop.services.calls.amend import can_amend
from winback_desktop.services.context import Actor, refuse, require


@dataclass(frozen=True, slots=True)
class Amendment:
    """One correction of a call's outcome, from the audit log: who changed it, when,
    from what to what and why (the history shows every one, not only the last)."""

    at: datetime
    by: str | None
    from_disposition: str | None
    to_disposition: str | None
    reason: str
    by_supervisor: bool

    def as_dict(self) -> dict[str, object]:
        return {"at": self.at, "by": self.by, "from": self.from_disposition,
                "to": self.to_disposition, "reason": self.reason,
                "by_supervisor": self.by_supervisor}


@dataclass(frozen=True, slots=True)
class CallInfo:
    call_id: int
    task_id: int | None
    customer_id: int
    customer_name: str
    campaign_id: int | None
    agent_login: str | None
    phone_e164: str | None
    step: str
    started_at: datetime
    answered_at: datetime | None
    ended_at: datetime | None
    wrapup_ended_at: datetime | None
    disposition: str | None
    notes: str | None
    callback_at: datetime | None
    lease_expires_at: datetime | None
    outcome_at: datetime | None
    amended_at: datetime | None
    abandon_reason: str | None
    #: the reader may amend this outcome now
    can_amend: bool
    #: every amendment of the outcome, oldest first
    amendments: tuple[Amendment, ...] = ()

    def as_dict(self) -> dict[str, object]:
        data = {name: getattr(self, name) for name in self.__slots__}  # type: ignore[attr-defined]
        data["amendments"] = [a.as_dict() for a in self.amendments]
        return data


def amendments_of(session: Session, call_ids: list[int]) -> dict[int, tuple[Amendment, ...]]:
    if not call_ids:
        return {}
    found: dict[int, list[Amendment]] = {}
    for entry in session.scalars(select(AuditEntry).where(
            AuditEntry.action == "call_outcome_amended", AuditEntry.entity == "call",
            AuditEntry.entity_id.in_([str(i) for i in call_ids])).order_by(AuditEntry.id)):
        before, after = entry.before or {}, entry.after or {}
        found.setdefault(int(entry.entity_id or 0), []).append(Amendment(
            entry.at, entry.user_login, before.get("disposition"), after.get("disposition"),
            str(after.get("reason") or ""), bool(after.get("by_supervisor"))))
    return {k: tuple(v) for k, v in found.items()}


def _with_amendments(session: Session, rows: list[CallInfo]) -> list[CallInfo]:
    amended = amendments_of(session, [r.call_id for r in rows if r.amended_at is not None])
    return [replace(r, amendments=amended.get(r.call_id, ())) for r in rows]


def _rows(session: Session, actor: Actor, query: object, now: datetime) -> list[CallInfo]:
    agent = aliased(User)
    stmt = (select(Call, Customer.name, agent.login)  # type: ignore[call-overload]
            .join(Customer, Customer.id == Call.customer_id)
            .outerjoin(agent, agent.id == Call.agent_id))
    stmt = query(stmt)  # type: ignore[operator]
    return [CallInfo(c.id, c.task_id, c.customer_id, name, c.campaign_id, login, c.phone_e164,
                     c.step, c.started_at, c.answered_at, c.ended_at, c.wrapup_ended_at,
                     c.disposition, c.notes, c.callback_at, c.lease_expires_at, c.outcome_at,
                     c.amended_at, c.abandon_reason, can_amend(actor, c, now))
            for c, name, login in session.execute(stmt)]


def _see_all(actor: Actor) -> bool:
    return actor.user_id is None or actor.can(Permission.MONITOR_AGENTS)


def show_call(db: Database, actor: Actor, call_id: int, now: datetime | None = None
              ) -> CallInfo:
    """One call as the CLI and the call history show it (own calls, or a supervisor)."""
    now = now or utcnow()
    with db.session() as session:
        rows = _rows(session, actor, lambda s: s.where(Call.id == call_id), now)
        if not rows:
            raise NotFound(what=str(call_id))
        call = session.get(Call, call_id)
        assert call is not None
        if not _see_all(actor) and call.agent_id != actor.user_id:
            refuse(None, actor, "show_call")
        return _with_amendments(session, rows)[0]


def list_open_calls(db: Database, actor: Actor, now: datetime | None = None,
                    limit: int = 500) -> list[CallInfo]:
    """Calls not closed yet, oldest first (an agent sees their own)."""
    now = now or utcnow()
    steps = [s.value for s in flow.OPEN_STEPS]

    def query(s):  # type: ignore[no-untyped-def]
        s = s.where(Call.step.in_(steps))
        if not _see_all(actor):
            s = s.where(Call.agent_id == actor.user_id)
        return s.order_by(Call.started_at, Call.id).limit(limit)

    with db.session() as session:
        return _rows(session, actor, query, now)


def customer_calls(db: Database, actor: Actor, customer_id: int, limit: int = 20,
                   now: datetime | None = None) -> list[CallInfo]:
    """A customer's latest calls, newest first, each saying whether it may be amended."""
    require(actor, Permission.WORK_QUEUE)
    now = now or utcnow()
    with db.session() as session:
        return _with_amendments(session, _rows(
            session, actor, lambda s: s.where(Call.customer_id == customer_id)
            .order_by(Call.started_at.desc(), Call.id.desc()).limit(limit), now))


@dataclass(frozen=True, slots=True)
class CallParties:
    """Who a call belongs to and the customer's time zone (the CLI acts as that agent
    and reads a callback time without an offset in the customer's zone)."""

    agent: Actor
    timezone: str


def call_parties(db: Database, call_id: int) -> CallParties:
    with db.session() as session:
        call = session.get(Call, call_id)
        if call is None:
            raise NotFound(what=str(call_id))
        user = session.get(User, call.agent_id) if call.agent_id is not None else None
        if user is None:
            raise NotFound(what=str(call_id))
        customer = session.get(Customer, call.customer_id)
        assert customer is not None
        return CallParties(Actor.of(user), customer.timezone)
