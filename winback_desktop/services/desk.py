"""The agent's desk as use cases: callbacks, not-ready reasons, help, today's figures.

What agents of other dialers expect beside the call itself (issue 16): their own
callbacks (overdue, today, later), a not-ready reason with a timer that the live board
shows, an "ask for help" flag that lights their row on the board, their own figures for
today (the scorecard's definitions, ``core.metrics``), and a search of the customers they
have worked. Supervisors can force an agent to not-ready or log them out; the agent's
desk reads its own presence row (``my_status``) and obeys. Each function is one user
action: its own unit of work, permission checked here, every change audited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from winback_desktop.core import metrics
from winback_desktop.core.domain import PresenceState, Role, TaskStatus
from winback_desktop.core.errors import NotFound, ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import (
    AgentPresence,
    Call,
    CallTask,
    Campaign,
    CampaignAgent,
    Customer,
    CustomerPhone,
    NotReadyReason,
    User,
)
from winback_desktop.db.session import Database
from winback_desktop.db.types import utcnow
from winback_desktop.services import audit, presence, scorecard_totals
from winback_desktop.services import settings as settings_service
from winback_desktop.services.changes import Changes, Done, Topic
from winback_desktop.services.context import Actor, current_role, refuse, require

#: team setting: seconds of wrap-up after hang-up before the desk turns ready by itself
WRAP_UP_LIMIT_KEY = "wrap_up_limit_seconds"
DEFAULT_WRAP_UP_LIMIT_S = 120
MAX_WRAP_UP_LIMIT_S = 3600
MAX_SEARCH_ROWS = 50
_CODE = re.compile(r"^[a-z][a-z0-9_]{1,39}$")


# ------------------------------------------------------------------ callbacks


@dataclass(frozen=True, slots=True)
class CallbackRow:
    task_id: int
    customer_id: int
    customer_name: str
    campaign_name: str
    callback_at: datetime
    timezone: str
    overdue: bool
    today: bool
    #: True when it is the agent's own callback; False for a team callback they may take
    mine: bool


@dataclass(frozen=True, slots=True)
class MyCallbacks:
    at: datetime
    rows: list[CallbackRow]

    @property
    def overdue(self) -> list[CallbackRow]:
        return [r for r in self.rows if r.overdue]

    @property
    def today(self) -> list[CallbackRow]:
        return [r for r in self.rows if r.today and not r.overdue]

    @property
    def later(self) -> list[CallbackRow]:
        return [r for r in self.rows if not r.today and not r.overdue]


def local_day_end(now: datetime) -> datetime:
    """Midnight at the end of today on this workstation's clock, as UTC."""
    local = now.astimezone()
    end = datetime.combine(local.date() + timedelta(days=1), time(0), tzinfo=local.tzinfo)
    return end.astimezone(UTC)


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def my_callbacks(db: Database, actor: Actor, now: datetime | None = None,
                 days_ahead: int = 7) -> MyCallbacks:
    """The agent's callbacks by time: overdue first, then the rest of today, then the
    next ``days_ahead`` days; the team callbacks of their campaigns are listed the same
    way, later ones too (anyone on the team may take them, so each agent plans for them)."""
    require(actor, Permission.WORK_QUEUE)
    if actor.user_id is None:
        refuse(None, actor, "my_callbacks")
    now = now or utcnow()
    day_end = local_day_end(now)
    horizon = now + timedelta(days=days_ahead)
    mine = CallTask.callback_owner_id == actor.user_id
    team = (CallTask.callback_owner_id.is_(None)
            & CallTask.campaign_id.in_(select(CampaignAgent.campaign_id)
                                       .where(CampaignAgent.user_id == actor.user_id)))
    with db.session() as session:
        rows = session.execute(
            select(CallTask.id, CallTask.customer_id, Customer.name, Campaign.name,
                   CallTask.callback_at, Customer.timezone, CallTask.callback_owner_id)
            .join(Customer, Customer.id == CallTask.customer_id)
            .join(Campaign, Campaign.id == CallTask.campaign_id)
            .where(CallTask.status == TaskStatus.CALLBACK.value,
                   CallTask.callback_at.is_not(None), CallTask.callback_at < horizon,
                   or_(mine, team))
            .order_by(CallTask.callback_at, CallTask.id)).all()
    out = []
    for task_id, customer_id, name, campaign, due, tz, owner in rows:
        at = _aware(due) if due is not None else now
        out.append(CallbackRow(task_id, customer_id, name or "", campaign or "", at,
                               tz or "", at < now, at < day_end, owner == actor.user_id))
    return MyCallbacks(now, out)


# ------------------------------------------------------------------ not-ready reasons


@dataclass(frozen=True, slots=True)
class Reason:
    code: str
    #: the admin's label for a reason they added; None for a built-in (shown translated)
    name: str | None
    active: bool
    position: int


def reasons(db: Database, actor: Actor, *, include_inactive: bool = False) -> list[Reason]:
    """The not-ready reasons an agent can pick from (admins also see retired ones)."""
    with db.session() as session:
        return _reasons(session, include_inactive)


def _reasons(session: Session, include_inactive: bool = False) -> list[Reason]:
    stmt = select(NotReadyReason).order_by(NotReadyReason.position, NotReadyReason.id)
    if not include_inactive:
        stmt = stmt.where(NotReadyReason.active.is_(True))
    return [Reason(r.code, r.name, r.active, r.position) for r in session.scalars(stmt)]


def _check_reason(session: Session, code: str) -> str:
    row = session.scalar(select(NotReadyReason).where(NotReadyReason.code == code))
    if row is None or not row.active:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown not-ready reason '{reason}'."),
                              reason=code)
    return row.code


def save_reason(db: Database, actor: Actor, code: str, name: str | None = None, *,
                active: bool = True) -> Done:
    """An admin adds a reason, renames it or retires it (kept for the history)."""
    require(actor, Permission.MANAGE_SETTINGS)
    code = code.strip().lower()
    if not _CODE.match(code):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "A reason code is 2–40 lower-case letters, digits or _ (e.g. 'coaching')."))
    label = (name or "").strip() or None
    if label is not None and len(label) > 100:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Keep the name under {n} characters."),
                              n=100)
    with db.session() as session:
        row = session.scalar(select(NotReadyReason).where(NotReadyReason.code == code))
        if row is None:
            if label is None:
                raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Give the new reason a name."))
            last = session.scalar(select(func.max(NotReadyReason.position))) or 0
            row = NotReadyReason(code=code, name=label, active=active, position=last + 1)
            session.add(row)
            session.flush()
            audit.record(session, actor, "not_ready_reason_added", "not_ready_reason", row.id,
                         after={"code": code, "name": label, "active": active})
        else:
            before = {"name": row.name, "active": row.active}
            new_name = label if label is not None else row.name
            if before == {"name": new_name, "active": active}:
                return Done(Changes())
            row.name, row.active = new_name, active
            audit.record(session, actor, "not_ready_reason_changed", "not_ready_reason", row.id,
                         before=before, after={"name": row.name, "active": row.active})
    return Done(Changes.of(Topic.SETTINGS))


# ------------------------------------------------------------------ the agent's state


@dataclass(frozen=True, slots=True)
class DeskStatus:
    """The agent's own presence row, as their desk polls it."""

    state: str
    reason: str | None
    since: datetime | None
    help_requested_at: datetime | None
    forced_by_name: str | None
    forced_at: datetime | None

    @property
    def logged_out_by_supervisor(self) -> bool:
        return self.state == PresenceState.OFFLINE.value and self.forced_at is not None


def my_status(db: Database, actor: Actor) -> DeskStatus:
    """What the board shows about me (a supervisor may have changed it)."""
    if actor.user_id is None:
        refuse(None, actor, "my_status")
    with db.session() as session:
        row = session.execute(
            select(AgentPresence, User.display_name)
            .outerjoin(User, User.id == AgentPresence.forced_by)
            .where(AgentPresence.user_id == actor.user_id)).first()
        if row is None:
            return DeskStatus(PresenceState.OFFLINE.value, None, None, None, None, None)
        p, forced_name = row
        return DeskStatus(p.state, p.reason, p.since, p.help_requested_at, forced_name,
                          p.forced_at)


def go_not_ready(db: Database, actor: Actor, reason: str,
                 now: datetime | None = None) -> Done:
    """The agent stops taking customers for a reason (break, lunch …); audited, so time
    not ready is accounted for."""
    require(actor, Permission.WORK_QUEUE)
    if actor.user_id is None:
        refuse(None, actor, "go_not_ready")
    now = now or utcnow()
    with db.session(immediate=True) as session:
        code = _check_reason(session, reason)
        row = session.get(AgentPresence, actor.user_id)
        if row is not None and row.state in (PresenceState.ON_CALL.value,
                                             PresenceState.WRAP_UP.value):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "Finish the call first; then you can go not ready."))
        before = _snapshot(row)
        same = row is not None and row.state == PresenceState.BREAK.value and row.reason == code
        row = presence.write_state(session, actor.user_id, PresenceState.BREAK, now=now,
                                   workstation=actor.workstation,
                                   campaign_id=row.campaign_id if row else None)
        if not same:
            row.since = now
        row.reason = code
        row.forced_by, row.forced_at = None, None
        audit.record(session, actor, "agent_not_ready", "user", actor.user_id, before=before,
                     after=_snapshot(row))
    return Done(Changes.of(Topic.PRESENCE))


def go_ready(db: Database, actor: Actor, now: datetime | None = None) -> Done:
    """Back from not ready: customers can be given again."""
    require(actor, Permission.WORK_QUEUE)
    if actor.user_id is None:
        refuse(None, actor, "go_ready")
    now = now or utcnow()
    with db.session(immediate=True) as session:
        row = session.get(AgentPresence, actor.user_id)
        before = _snapshot(row)
        row = presence.write_state(session, actor.user_id, PresenceState.READY, now=now,
                                   workstation=actor.workstation,
                                   campaign_id=row.campaign_id if row else None)
        row.reason = None
        row.forced_by, row.forced_at = None, None
        if before.get("state") == PresenceState.BREAK.value:
            audit.record(session, actor, "agent_ready", "user", actor.user_id, before=before,
                         after=_snapshot(row))
    return Done(Changes.of(Topic.PRESENCE))


def _snapshot(row: AgentPresence | None) -> dict[str, object]:
    if row is None:
        return {}
    return {"state": row.state, "reason": row.reason}


def ask_for_help(db: Database, actor: Actor, on: bool = True,
                 now: datetime | None = None) -> Done:
    """The agent raises (or lowers) a hand: their row lights up on the live board."""
    require(actor, Permission.WORK_QUEUE)
    if actor.user_id is None:
        refuse(None, actor, "ask_for_help")
    now = now or utcnow()
    with db.session(immediate=True) as session:
        row = session.get(AgentPresence, actor.user_id)
        if row is None:
            row = presence.write_state(session, actor.user_id, PresenceState.READY, now=now,
                                       workstation=actor.workstation)
        if (row.help_requested_at is not None) == on:
            return Done(Changes())
        row.help_requested_at = now if on else None
        row.heartbeat_at = now
        audit.record(session, actor, "help_requested" if on else "help_withdrawn", "user",
                     actor.user_id, after={"call_id": row.current_call_id})
    return Done(Changes.of(Topic.PRESENCE))


def answer_help(db: Database, actor: Actor, agent_id: int) -> Done:
    """A supervisor takes the agent's raised hand (the row stops blinking)."""
    require(actor, Permission.MONITOR_AGENTS)
    with db.session(immediate=True) as session:
        row = session.get(AgentPresence, agent_id)
        if row is None or row.help_requested_at is None:
            return Done(Changes())
        row.help_requested_at = None
        audit.record(session, actor, "help_answered", "user", agent_id)
    return Done(Changes.of(Topic.PRESENCE))


def _agent(session: Session, agent_id: int) -> User:
    user = session.get(User, agent_id)
    if user is None or not user.active:
        raise NotFound(what=str(agent_id))
    return user


def force_not_ready(db: Database, actor: Actor, agent_id: int, reason: str,
                    now: datetime | None = None) -> Done:
    """A supervisor stops the queue for an agent (a meeting, coaching); their desk
    switches to not ready within a poll. An agent on a call finishes it first: the
    not-ready waits (``presence.forced_pending``) and starts when the call's wrap-up
    ends, so no conversation is cut short."""
    require(actor, Permission.MONITOR_AGENTS)
    now = now or utcnow()
    with db.session(immediate=True) as session:
        _agent(session, agent_id)
        code = _check_reason(session, reason)
        row = session.get(AgentPresence, agent_id)
        if row is not None and presence.effective_state(row.state, row.heartbeat_at, now) \
                in (PresenceState.ON_CALL.value, PresenceState.WRAP_UP.value):
            before = _snapshot(row)
            row.reason = code
            row.forced_by, row.forced_at = actor.user_id, now
            audit.record(session, actor, "agent_forced_not_ready", "user", agent_id,
                         before=before, after={**_snapshot(row), "after_the_call": True})
            return Done(Changes.of(Topic.PRESENCE))
        before = _snapshot(row)
        heartbeat = row.heartbeat_at if row is not None else now
        row = presence.write_state(session, agent_id, PresenceState.BREAK, now=now,
                                   campaign_id=row.campaign_id if row else None)
        row.heartbeat_at = heartbeat  # the agent's PC still owns the heartbeat
        row.since = now
        row.reason = code
        row.forced_by, row.forced_at = actor.user_id, now
        audit.record(session, actor, "agent_forced_not_ready", "user", agent_id,
                     before=before, after=_snapshot(row))
    return Done(Changes.of(Topic.PRESENCE))


def force_logout(db: Database, actor: Actor, agent_id: int,
                 now: datetime | None = None) -> Done:
    """A supervisor logs an agent out (left for the day with the app open); their desk
    closes the session at its next poll; a held, uncalled customer goes back."""
    require(actor, Permission.MONITOR_AGENTS)
    now = now or utcnow()
    with db.session(immediate=True) as session:
        user = _agent(session, agent_id)
        if user.role != Role.AGENT.value and current_role(actor) is not Role.ADMIN:
            refuse(None, actor, "force_logout")
        row = session.get(AgentPresence, agent_id)
        if row is not None and row.state == PresenceState.ON_CALL.value and \
                presence.effective_state(row.state, row.heartbeat_at, now) != "offline":
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "The agent is on a call; wait until it ends."))
        before = _snapshot(row)
        row = presence.write_state(session, agent_id, PresenceState.OFFLINE, now=now)
        row.reason, row.help_requested_at = None, None
        row.forced_by, row.forced_at = actor.user_id, now
        audit.record(session, actor, "agent_forced_logout", "user", agent_id,
                     before=before, after=_snapshot(row))
    return Done(Changes.of(Topic.PRESENCE))


# ------------------------------------------------------------------ wrap-up limit


def wrap_up_limit(db: Database) -> int:
    """Seconds of wrap-up the team allows (0: no limit)."""
    with db.session() as session:
        return _limit(session)


def _limit(session: Session) -> int:
    value = settings_service.get(session, WRAP_UP_LIMIT_KEY)
    try:
        return int(value) if value is not None else DEFAULT_WRAP_UP_LIMIT_S
    except (TypeError, ValueError):
        return DEFAULT_WRAP_UP_LIMIT_S


def set_wrap_up_limit(db: Database, actor: Actor, seconds: int) -> Done:
    """An admin sets the wrap-up limit (audited as a setting change)."""
    require(actor, Permission.MANAGE_SETTINGS)
    if not isinstance(seconds, int) or not 0 <= seconds <= MAX_WRAP_UP_LIMIT_S:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "The wrap-up limit is 0 (none) to {max} seconds."), max=MAX_WRAP_UP_LIMIT_S)
    with db.session() as session:
        settings_service.set_value(session, actor, WRAP_UP_LIMIT_KEY, seconds)
    return Done(Changes.of(Topic.SETTINGS))


def auto_ready(db: Database, actor: Actor, now: datetime | None = None) -> bool:
    """The wrap-up limit ran out: the agent shows ready again on the board (only if
    still in wrap-up; True when it changed)."""
    require(actor, Permission.WORK_QUEUE)
    if actor.user_id is None:
        refuse(None, actor, "auto_ready")
    now = now or utcnow()
    with db.session(immediate=True) as session:
        row = session.get(AgentPresence, actor.user_id)
        if row is None or row.state != PresenceState.WRAP_UP.value:
            return False
        # a not-ready a supervisor set during the call starts here instead
        after = (PresenceState.BREAK if presence.forced_pending(row) else PresenceState.READY)
        row.state, row.since, row.heartbeat_at = after.value, now, now
        audit.record(session, actor, "wrap_up_auto_ready", "user", actor.user_id,
                     after={"call_id": row.current_call_id, "limit_s": _limit(session)})
    return True


# ------------------------------------------------------------------ figures


@dataclass(frozen=True, slots=True)
class TodayFigures:
    day: date
    calls: int
    contacts: int
    win_backs: int
    saves: int
    talk_seconds: float
    card: metrics.Scorecard = field(repr=False)


def my_figures_today(db: Database, actor: Actor, today: date | None = None) -> TodayFigures:
    """The agent's own figures for today, read with the scorecard's definitions (the
    same numbers the scorecard screen shows for "today")."""
    require(actor, Permission.VIEW_OWN_SCORECARD)
    if actor.user_id is None:
        refuse(None, actor, "my_figures_today")
    period = metrics.parse_period("today", today)
    with db.session() as session:
        totals = scorecard_totals.agent_totals(session, period, [actor.user_id],
                                               today=today).get(
            actor.user_id, metrics.AgentTotals())
    card = metrics.scorecard(totals)
    return TodayFigures(period.start, totals.dials, totals.contacts, totals.win_backs,
                        totals.saves, totals.talk_seconds, card)


# ------------------------------------------------------------------ worked customers


@dataclass(frozen=True, slots=True)
class WorkedCustomer:
    customer_id: int
    name: str
    external_id: str | None
    status: str
    last_call_at: datetime
    last_disposition: str | None
    calls: int


def search_my_customers(db: Database, actor: Actor, text: str = "",
                        limit: int = MAX_SEARCH_ROWS) -> list[WorkedCustomer]:
    """Customers this agent has called, newest first, filtered by name, customer
    number or phone digits; agents see only their own."""
    require(actor, Permission.WORK_QUEUE)
    if actor.user_id is None:
        refuse(None, actor, "search_my_customers")
    limit = max(1, min(limit, MAX_SEARCH_ROWS))
    needle = text.strip()
    mine = (select(Call.customer_id, func.max(Call.started_at).label("last"),
                   func.count().label("n"))
            .where(Call.agent_id == actor.user_id).group_by(Call.customer_id).subquery())
    stmt = (select(Customer.id, Customer.name, Customer.external_id, Customer.status,
                   mine.c.last, mine.c.n)
            .join(mine, mine.c.customer_id == Customer.id))
    if needle:
        like = f"%{needle.lower()}%"
        conds = [func.lower(Customer.name).like(like),
                 func.lower(func.coalesce(Customer.external_id, "")).like(like)]
        digits = re.sub(r"\D", "", needle)
        if len(digits) >= 3:
            conds.append(Customer.id.in_(select(CustomerPhone.customer_id)
                                         .where(CustomerPhone.e164.like(f"%{digits}%"))))
        stmt = stmt.where(or_(*conds))
    stmt = stmt.order_by(mine.c.last.desc(), Customer.id.desc()).limit(limit)
    with db.session() as session:
        rows = session.execute(stmt).all()
        last = {}
        ids = [r[0] for r in rows]
        if ids:
            for cid, disp in session.execute(
                    select(Call.customer_id, Call.disposition)
                    .where(Call.agent_id == actor.user_id, Call.customer_id.in_(ids))
                    .order_by(Call.started_at, Call.id)):
                last[cid] = disp
    return [WorkedCustomer(r[0], r[1] or "", r[2], r[3], _aware(r[4]), last.get(r[0]), int(r[5]))
            for r in rows]
