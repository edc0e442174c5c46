"""Agent presence for the live board (DESIGN §7): ready, on call, wrap-up, break.

Each workstation writes its own row; a row whose heartbeat is older than the timeout
reads as offline, so a crashed PC drops off the board by itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from winback_desktop.core.domain import PresenceState, Role, TaskStatus
from winback_desktop.core.errors import ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import (
    AgentPresence,
    Call,
    CallTask,
    Campaign,
    Customer,
    Team,
    User,
)
from winback_desktop.db.session import Database
from winback_desktop.db.types import utcnow
from winback_desktop.services.context import Actor, refuse, require

DEFAULT_TIMEOUT_S = 90


@dataclass(frozen=True, slots=True)
class BoardRow:
    user_id: int
    login: str
    display_name: str
    role: str
    team: str | None
    state: str
    since: datetime | None
    heartbeat_at: datetime | None
    campaign_id: int | None
    campaign_name: str | None
    customer_id: int | None
    customer_name: str | None
    call_id: int | None
    call_started_at: datetime | None
    call_answered_at: datetime | None
    script_step: str | None
    #: why the agent is not ready (``NotReadyReason.code``) while on ``break``
    reason: str | None = None
    #: the agent asked for help at this time (their row lights up on the board)
    help_requested_at: datetime | None = None
    #: a supervisor forced the current state
    forced: bool = False


def _state(value: PresenceState | str) -> str:
    try:
        return PresenceState(value).value
    except ValueError as exc:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown agent state '{state}'."),
                              state=value) from exc


_ON_A_CALL = (PresenceState.ON_CALL.value, PresenceState.WRAP_UP.value)


def forced_pending(row: AgentPresence) -> bool:
    """A supervisor set this agent not ready while they were on a call: it takes effect
    when the call (and its wrap-up) ends, never in the middle of a conversation."""
    return (row.state in _ON_A_CALL and row.forced_at is not None
            and row.reason is not None)


def write_state(session: Session, user_id: int, state: PresenceState | str, *,
                campaign_id: int | None = None, customer_id: int | None = None,
                call_id: int | None = None, script_step: str | None = None,
                workstation: str | None = None, now: datetime | None = None) -> AgentPresence:
    """Upsert the presence row inside the caller's transaction (calls use this)."""
    now = now or utcnow()
    value = _state(state)
    row = session.get(AgentPresence, user_id)
    if row is None:
        row = AgentPresence(user_id=user_id, state=value, since=now, heartbeat_at=now)
        session.add(row)
    elif row.state != value:
        pending = forced_pending(row)
        if pending and value in _ON_A_CALL:
            pass  # talking, then wrap-up: the supervisor's not-ready still waits
        elif pending and value in (PresenceState.READY.value, PresenceState.BREAK.value):
            # the call is over: the not-ready a supervisor set during it starts now
            value = PresenceState.BREAK.value
        else:
            if value != PresenceState.BREAK.value:
                row.reason = None
            row.forced_by = row.forced_at = None
        row.state = value
        row.since = now
    row.heartbeat_at = now
    row.campaign_id = campaign_id
    row.current_customer_id = customer_id
    row.current_call_id = call_id
    row.script_step = script_step
    if workstation is not None:
        row.workstation = workstation
    return row


def set_state(db: Database, actor: Actor, state: PresenceState | str,
              campaign_id: int | None = None, customer_id: int | None = None,
              call_id: int | None = None, script_step: str | None = None,
              now: datetime | None = None) -> None:
    """The agent changes state (ready, break, …) or moves to another script step."""
    require(actor, Permission.WORK_QUEUE)
    if actor.user_id is None:
        refuse(None, actor, "set_state")
    with db.session(immediate=True) as session:
        write_state(session, actor.user_id, state, campaign_id=campaign_id,
                    customer_id=customer_id, call_id=call_id, script_step=script_step,
                    workstation=actor.workstation, now=now)


def set_script_step(db: Database, actor: Actor, script_step: str | None,
                    now: datetime | None = None) -> None:
    """Only the script step changes (the board shows where the call is)."""
    if actor.user_id is None:
        refuse(None, actor, "set_script_step")
    with db.session(immediate=True) as session:
        session.execute(update(AgentPresence).where(AgentPresence.user_id == actor.user_id)
                        .values(script_step=script_step, heartbeat_at=now or utcnow()))


def heartbeat(db: Database, actor: Actor, now: datetime | None = None) -> None:
    """The workstation is alive: refresh presence and the leases of held tasks."""
    if actor.user_id is None:
        refuse(None, actor, "heartbeat")
    now = now or utcnow()
    with db.session(immediate=True) as session:
        result = session.execute(
            update(AgentPresence).where(AgentPresence.user_id == actor.user_id)
            .values(heartbeat_at=now).execution_options(synchronize_session=False))
        if not getattr(result, "rowcount", 0):
            write_state(session, actor.user_id, PresenceState.READY, now=now,
                        workstation=actor.workstation)
        held = session.execute(
            select(CallTask.id, Campaign.lease_minutes)
            .join(Campaign, Campaign.id == CallTask.campaign_id)
            .where(CallTask.status == TaskStatus.CLAIMED.value,
                   CallTask.claimed_by == actor.user_id)).all()
        for task_id, minutes in held:
            session.execute(
                update(CallTask).where(CallTask.id == task_id,
                                       CallTask.status == TaskStatus.CLAIMED.value)
                .values(lease_expires_at=now + timedelta(minutes=minutes or 15))
                .execution_options(synchronize_session=False))


def go_offline(db: Database, actor: Actor, now: datetime | None = None) -> None:
    """Logging out: the board shows offline at once instead of after the timeout."""
    if actor.user_id is None:
        return
    with db.session(immediate=True) as session:
        write_state(session, actor.user_id, PresenceState.OFFLINE, now=now)


def effective_state(state: str, heartbeat_at: datetime | None, now: datetime,
                    timeout_s: int = DEFAULT_TIMEOUT_S) -> str:
    if heartbeat_at is None or now - heartbeat_at > timedelta(seconds=timeout_s):
        return PresenceState.OFFLINE.value
    return state


def board(session: Session, timeout_s: int = DEFAULT_TIMEOUT_S,
          actor: Actor | None = None, now: datetime | None = None) -> list[BoardRow]:
    """Every active agent (and any supervisor with a presence row) with their state."""
    if actor is not None:
        require(actor, Permission.MONITOR_AGENTS)
    now = now or utcnow()
    p = AgentPresence
    stmt = (
        select(User.id, User.login, User.display_name, User.role, Team.name.label("team"),
               p.state, p.since, p.heartbeat_at, p.campaign_id, Campaign.name.label("cname"),
               p.current_customer_id, Customer.name.label("customer_name"),
               p.current_call_id, Call.started_at, Call.answered_at, p.script_step,
               p.reason, p.help_requested_at, p.forced_at)
        .select_from(User)
        .outerjoin(Team, Team.id == User.team_id)
        .outerjoin(p, p.user_id == User.id)
        .outerjoin(Campaign, Campaign.id == p.campaign_id)
        .outerjoin(Customer, Customer.id == p.current_customer_id)
        .outerjoin(Call, Call.id == p.current_call_id)
        .where(User.active.is_(True),
               (User.role == Role.AGENT.value) | p.user_id.is_not(None))
        .order_by(User.login)
    )
    rows = []
    for r in session.execute(stmt):
        state = effective_state(r.state or PresenceState.OFFLINE.value, r.heartbeat_at, now,
                                timeout_s)
        live = state != PresenceState.OFFLINE.value
        rows.append(BoardRow(
            user_id=r.id, login=r.login, display_name=r.display_name, role=r.role,
            team=r.team, state=state, since=r.since if live else r.heartbeat_at,
            heartbeat_at=r.heartbeat_at,
            campaign_id=r.campaign_id if live else None,
            campaign_name=r.cname if live else None,
            customer_id=r.current_customer_id if live else None,
            customer_name=r.customer_name if live else None,
            call_id=r.current_call_id if live else None,
            call_started_at=r.started_at if live else None,
            call_answered_at=r.answered_at if live else None,
            script_step=r.script_step if live else None,
            reason=r.reason if live and state == PresenceState.BREAK.value else None,
            help_requested_at=r.help_requested_at if live else None,
            forced=r.forced_at is not None))
    return rows
