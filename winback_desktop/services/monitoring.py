"""The supervisor's live board, coaching messages and flags for review (DESIGN §7).

The board is a handful of cheap, indexed queries (presence rows joined to the current
call and customer; queue depth per campaign; callbacks due; pending approvals) so a
supervisor's workstation can poll it every second or two without loading the server.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func, select, true, update
from sqlalchemy.orm import Session

from winback_desktop.core.domain import OfferRequestStatus, PresenceState, TaskStatus
from winback_desktop.core.errors import NotFound, ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import (
    Call,
    CallTask,
    Campaign,
    CoachingMessage,
    Customer,
    OfferRequest,
    User,
)
from winback_desktop.db.session import Database
from winback_desktop.db.types import utcnow
from winback_desktop.services import audit, presence
from winback_desktop.services.changes import Changes, Done, Topic
from winback_desktop.services.context import Actor, refuse, require

MAX_MESSAGE = 500


@dataclass(frozen=True)
class BoardTile:
    row: presence.BoardRow
    sltv_minor: int | None
    seconds_in_state: int | None
    call_seconds: int | None


@dataclass(frozen=True)
class Board:
    at: datetime
    tiles: list[BoardTile]
    by_state: dict[str, int]
    queue_depth: dict[str, int]  # campaign name → queued tasks
    callbacks_due: int
    pending_approvals: int
    flagged_calls: int = 0
    campaign_names: dict[int, str] = field(default_factory=dict)


def live_board(session: Session, actor: Actor, now: datetime | None = None,
               timeout_s: int = presence.DEFAULT_TIMEOUT_S) -> Board:
    require(actor, Permission.MONITOR_AGENTS)
    live = now is None  # a GUI refresh (no explicit time) may reuse recent queue depths
    now = now or utcnow()
    rows = [r for r in presence.board(session, timeout_s=timeout_s, actor=actor, now=now)
            if r.role == "agent"]
    customer_ids = [r.customer_id for r in rows if r.customer_id]
    sltv: dict[int, int | None] = {
        cid: value for cid, value in session.execute(
            select(Customer.id, Customer.sltv_minor).where(Customer.id.in_(customer_ids)))
    } if customer_ids else {}
    tiles = []
    by_state = {s.value: 0 for s in PresenceState}
    for r in rows:
        by_state[r.state] = by_state.get(r.state, 0) + 1
        in_state = int((now - r.since).total_seconds()) if r.since else None
        call_s = int((now - r.call_started_at).total_seconds()) if r.call_started_at else None
        tiles.append(BoardTile(r, sltv.get(r.customer_id) if r.customer_id else None,
                               in_state, call_s))
    running = session.execute(
        select(Campaign.id, Campaign.name).where(Campaign.status == "running")).all()
    names = {cid: name for cid, name in running}
    depth = _queue_depth(session, names, now, reuse=live)
    callbacks = session.scalar(
        select(func.count()).select_from(CallTask)
        .where(CallTask.status == TaskStatus.CALLBACK.value, CallTask.callback_at <= now)) or 0
    approvals = session.scalar(
        select(func.count()).select_from(OfferRequest)
        .where(OfferRequest.status.in_([OfferRequestStatus.PENDING.value,
                                        OfferRequestStatus.ESCALATED.value]))) or 0
    flagged = session.scalar(select(func.count()).select_from(Call)
                             .where(Call.flagged_for_review == true())) or 0
    return Board(now, tiles, by_state, depth, int(callbacks), int(approvals), int(flagged),
                 names)


#: Counting a million queued tasks costs tens of milliseconds; the board refreshes every
#: 1.5 s on every supervisor's PC, so depths are reused for a few seconds.
DEPTH_TTL = timedelta(seconds=10)
_depth_cache: dict[tuple[str, tuple[int, ...]], tuple[datetime, dict[str, int]]] = {}


def _queue_depth(session: Session, names: dict[int, str], now: datetime,
                 reuse: bool) -> dict[str, int]:
    bind = session.get_bind()
    key = (str(bind.engine.url), tuple(sorted(names)))
    cached = _depth_cache.get(key)
    if reuse and cached is not None and now - cached[0] < DEPTH_TTL:
        return dict(cached[1])
    depth = {name: 0 for name in names.values()}
    if names:
        for cid, n in session.execute(
            select(CallTask.campaign_id, func.count())
            .where(CallTask.campaign_id.in_(list(names)),
                   CallTask.status == TaskStatus.QUEUED.value)
            .group_by(CallTask.campaign_id)):
            depth[names[cid]] = int(n)
    _depth_cache[key] = (now, depth)
    return dict(depth)


# ------------------------------------------------------------------ coaching


def send_coaching_message(session: Session, actor: Actor, agent_id: int, text: str,
                          call_id: int | None = None) -> CoachingMessage:
    require(actor, Permission.MONITOR_AGENTS)
    text = text.strip()
    if not text:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The message is empty."))
    if len(text) > MAX_MESSAGE:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "Keep coaching messages under {n} characters."), n=MAX_MESSAGE)
    if session.get(User, agent_id) is None:
        raise NotFound(what=str(agent_id))
    msg = CoachingMessage(from_user_id=actor.user_id, to_user_id=agent_id, text=text,
                          call_id=call_id)
    session.add(msg)
    session.flush()
    audit.record(session, actor, "coaching_message", "user", agent_id,
                 after={"message_id": msg.id, "text": text, "call_id": call_id})
    return msg


@dataclass(frozen=True)
class InboxMessage:
    id: int
    sender: str
    text: str
    created_at: datetime


def unread_messages(session: Session, actor: Actor) -> list[InboxMessage]:
    """The agent's unread coaching messages (cheap: indexed by recipient and read_at)."""
    if actor.user_id is None:
        return []
    rows = session.execute(
        select(CoachingMessage.id, User.display_name, User.login, CoachingMessage.text,
               CoachingMessage.created_at)
        .outerjoin(User, User.id == CoachingMessage.from_user_id)
        .where(CoachingMessage.to_user_id == actor.user_id, CoachingMessage.read_at.is_(None))
        .order_by(CoachingMessage.id))
    return [InboxMessage(r[0], r[1] or r[2] or "", r[3], r[4]) for r in rows]


def mark_read(session: Session, actor: Actor, message_ids: list[int]) -> None:
    if actor.user_id is None or not message_ids:
        return
    session.execute(update(CoachingMessage)
                    .where(CoachingMessage.id.in_(message_ids),
                           CoachingMessage.to_user_id == actor.user_id)
                    .values(read_at=utcnow()))


# ---------------------------------------------------------------------- flags


def flag_call(session: Session, actor: Actor, call_id: int, note: str = "") -> None:
    """Mark a (live or past) call for QA review."""
    require(actor, Permission.MONITOR_AGENTS)
    call = session.get(Call, call_id)
    if call is None:
        raise NotFound(what=str(call_id))
    if call.flagged_for_review:
        return
    call.flagged_for_review = True
    call.flagged_by = actor.user_id
    audit.record(session, actor, "call_flagged", "call", call_id,
                 before={"flagged_for_review": False},
                 after={"flagged_for_review": True, "note": note or None})


def ensure_can_see_agent(actor: Actor, agent_id: int | None) -> None:
    if actor.user_id != agent_id and not actor.can(Permission.EVALUATE_CALLS):
        refuse(None, actor, "ensure_can_see_agent")


# ------------------------------------------- use cases: each its own unit of work


def board(db: Database, actor: Actor, now: datetime | None = None) -> Board:
    """The live board as a supervisor sees it now: calls a crashed workstation left
    open past their lease are closed as abandoned first (their customers go back to
    the queue), so the board never shows a dead call as live."""
    if actor.can(Permission.MONITOR_AGENTS):
        from winback_desktop.services import calls

        calls.abandon_stale_calls(db, actor, now=now)
    with db.session() as session:
        return live_board(session, actor)


def send_coaching(db: Database, actor: Actor, agent_id: int, text: str,
                  call_id: int | None = None) -> Done:
    """A supervisor's message to an agent's screen (audited)."""
    with db.session() as session:
        send_coaching_message(session, actor, agent_id, text, call_id)
    return Done(Changes.of(Topic.COACHING))


def flag_call_for_review(db: Database, actor: Actor, call_id: int, note: str = "") -> Done:
    """Put a call on the QA screen's list (audited)."""
    with db.session() as session:
        flag_call(session, actor, call_id, note)
    return Done(Changes.of(Topic.QA))


def take_coaching_messages(db: Database, actor: Actor) -> list[InboxMessage]:
    """The agent's unread messages, marked read in the same transaction as they are shown."""
    with db.session() as session:
        messages = unread_messages(session, actor)
        mark_read(session, actor, [m.id for m in messages])
        return messages
