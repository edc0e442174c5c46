"""Campaigns: who to call, when, how often, and by whom (issue 5).

A campaign filters customers (segment, tier, reason, status, import batch), calls them
inside a window of the customer's local time, at most ``max_attempts`` times with
``retry_gap_minutes`` between attempts. Starting it fills the queue in one
``INSERT … SELECT`` (idempotent: customers already queued are left alone).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, time
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Table,
    and_,
    case,
    delete,
    exists,
    func,
    insert,
    literal,
    select,
)
from sqlalchemy.orm import Session

from winback_desktop.core import queue_rules
from winback_desktop.core.choices import QUEUE_ORDERS
from winback_desktop.core.domain import (
    CampaignKind,
    CampaignStatus,
    CustomerStatus,
    Role,
    TaskStatus,
    Treatment,
)
from winback_desktop.core.errors import Conflict, NotFound, ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import CallTask, Campaign, CampaignAgent, Customer, User
from winback_desktop.db.session import Database
from winback_desktop.db.types import utcnow
from winback_desktop.services import audit, sltv_service, win_model
from winback_desktop.services.changes import Changes, Topic
from winback_desktop.services.context import Actor, refuse, require

_CU = cast(Table, Customer.__table__)
_TA = cast(Table, CallTask.__table__)

#: keys of ``customer_filter``; each maps to a list of accepted values
FILTER_KEYS = ("segment", "tier", "reason", "status", "import_batch_id")

_AUDITED = ("name", "kind", "status", "customer_filter", "window_start", "window_end",
            "max_attempts", "retry_gap_minutes", "lease_minutes", "sltv_params", "script_id",
            "queue_order")

#: the orders a campaign can hand out its queued customers in (callbacks always first)


@dataclass(frozen=True, slots=True)
class CampaignInfo:
    id: int
    name: str
    kind: str
    status: str
    customer_filter: dict[str, list[Any]]
    window_start: time
    window_end: time
    max_attempts: int
    retry_gap_minutes: int
    lease_minutes: int
    sltv_params: dict[str, Any]
    agent_ids: list[int]
    started_at: datetime | None
    task_counts: dict[str, int] = field(default_factory=dict)
    queue_order: str = "sltv"

    @property
    def open_tasks(self) -> int:
        return sum(self.task_counts.get(s, 0) for s in queue_rules.OPEN_STATUSES)


@dataclass(frozen=True, slots=True)
class CampaignPreview:
    """How many matching customers each rule skips right now, and how many are left.

    Rules are applied in order (a customer is counted once, under the first rule that
    skips it): do-not-call, outside the calling window now, attempts exhausted,
    segment ``do_not_pursue``.
    """

    matching: int
    do_not_call: int
    outside_window: int
    attempts_exhausted: int
    do_not_pursue: int
    eligible: int
    already_queued: int

    def as_dict(self) -> dict[str, int]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


class CampaignNameTaken(Conflict):
    default_text = QT_TRANSLATE_NOOP("Errors", "A campaign named '{name}' exists already.")


# -------------------------------------------------------------------- validation


def _kind(kind: str) -> str:
    try:
        return CampaignKind(kind).value
    except ValueError as exc:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "Unknown campaign kind '{kind}': use win_back or save."), kind=kind) from exc


def _filter(raw: Mapping[str, Any] | None, kind: str) -> dict[str, list[Any]]:
    """Validated filter; without a status it takes the kind's (lost / at risk), so a
    won-back customer is never queued by accident."""
    status = CustomerStatus.AT_RISK if kind == CampaignKind.SAVE else CustomerStatus.LOST
    out: dict[str, list[Any]] = {"status": [status.value]}
    if raw is None:
        return out
    for key, value in raw.items():
        if key not in FILTER_KEYS:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "Unknown customer filter '{key}': use {keys}."),
                key=key, keys=", ".join(FILTER_KEYS))
        values = list(value) if isinstance(value, list | tuple | set) else [value]
        if key == "import_batch_id":
            values = [int(v) for v in values]
        if values:
            out[key] = values
    return out


def _order(order: str) -> str:
    if order not in QUEUE_ORDERS:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "Unknown queue order '{order}': use sltv or expected_value."),
            order=order)
    return order


def _window(start: time, end: time) -> tuple[time, time]:
    # Whole minutes: the claim caches "zones inside the window" per minute.
    return start.replace(second=0, microsecond=0), end.replace(second=0, microsecond=0)


def _positive(name: str, value: int, minimum: int) -> int:
    if int(value) < minimum:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "{name} must be at least {minimum}."), name=name, minimum=minimum)
    return int(value)


def _get(session: Session, campaign_id: int) -> Campaign:
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        raise NotFound(what=str(campaign_id))
    return campaign


def get_by_name(session: Session, name: str) -> Campaign:
    """A campaign by exact name, else by id if ``name`` is a number (CLI)."""
    campaign = session.scalar(select(Campaign).where(Campaign.name == name))
    if campaign is None and name.isdigit():
        campaign = session.get(Campaign, int(name))
    if campaign is None:
        raise NotFound(what=name)
    return campaign


def _set_agents(session: Session, campaign: Campaign, agent_ids: Sequence[int]) -> list[int]:
    ids = sorted(set(int(a) for a in agent_ids))
    if ids:
        found = set(session.scalars(select(User.id).where(User.id.in_(ids))))
        missing = [i for i in ids if i not in found]
        if missing:
            raise NotFound(what=", ".join(map(str, missing)))
    session.execute(delete(CampaignAgent).where(CampaignAgent.campaign_id == campaign.id))
    for uid in ids:
        session.add(CampaignAgent(campaign_id=campaign.id, user_id=uid))
    session.flush()
    return ids


def _agent_ids(session: Session, campaign_id: int) -> list[int]:
    return sorted(session.scalars(select(CampaignAgent.user_id)
                                  .where(CampaignAgent.campaign_id == campaign_id)))


# ---------------------------------------------------------------------- the API


def create_campaign(
    session: Session,
    actor: Actor,
    name: str,
    kind: str = CampaignKind.WIN_BACK.value,
    *,
    customer_filter: Mapping[str, Any] | None = None,
    window_start: time = time(9, 0),
    window_end: time = time(20, 0),
    max_attempts: int = 5,
    retry_gap_minutes: int = 240,
    sltv_params: Mapping[str, Any] | None = None,
    agent_ids: Sequence[int] = (),
    lease_minutes: int = 15,
    queue_order: str = "sltv",
) -> Campaign:
    """A draft campaign; ``start_campaign`` fills its queue."""
    require(actor, Permission.MANAGE_CAMPAIGNS)
    name = name.strip()
    if not name:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "A campaign needs a name."))
    if session.scalar(select(Campaign.id).where(Campaign.name == name)) is not None:
        raise CampaignNameTaken(name=name)
    kind = _kind(kind)
    sltv_service.parse_params(dict(sltv_params) if sltv_params else None)
    start, end = _window(window_start, window_end)
    campaign = Campaign(
        name=name, kind=kind, status=CampaignStatus.DRAFT.value,
        customer_filter=_filter(customer_filter, kind),
        window_start=start, window_end=end,
        max_attempts=_positive("max_attempts", max_attempts, 1),
        retry_gap_minutes=_positive("retry_gap_minutes", retry_gap_minutes, 0),
        lease_minutes=_positive("lease_minutes", lease_minutes, 1),
        sltv_params=dict(sltv_params) if sltv_params else None,
        queue_order=_order(queue_order),
        created_by=actor.user_id,
    )
    session.add(campaign)
    session.flush()
    ids = _set_agents(session, campaign, agent_ids)
    audit.record(session, actor, "campaign_created", "campaign", campaign.id,
                 after=audit.snapshot(campaign, _AUDITED) | {"agent_ids": ids})
    return campaign


def update_campaign(session: Session, actor: Actor, campaign_id: int, **changes: Any
                    ) -> Campaign:
    """Change settings. New ``sltv_params`` revalue the campaign's tasks in the same
    transaction (the queue ranks by what ``sltv explain --campaign`` shows); new
    parameters or a new ``queue_order`` re-score their expected values."""
    require(actor, Permission.MANAGE_CAMPAIGNS)
    campaign = _get(session, campaign_id)
    before = audit.snapshot(campaign, _AUDITED)
    allowed = {"name", "kind", "customer_filter", "window_start", "window_end",
               "max_attempts", "retry_gap_minutes", "lease_minutes", "sltv_params",
               "script_id", "agent_ids", "queue_order"}
    unknown = set(changes) - allowed
    if unknown:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown campaign setting '{key}'."),
                              key=sorted(unknown)[0])
    if "name" in changes:
        name = str(changes["name"]).strip()
        if not name:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "A campaign needs a name."))
        if session.scalar(select(Campaign.id).where(Campaign.name == name,
                                                    Campaign.id != campaign.id)) is not None:
            raise CampaignNameTaken(name=name)
        campaign.name = name
    if "kind" in changes:
        campaign.kind = _kind(changes["kind"])
    if "customer_filter" in changes:
        campaign.customer_filter = _filter(changes["customer_filter"], campaign.kind)
    if "window_start" in changes or "window_end" in changes:
        campaign.window_start, campaign.window_end = _window(
            changes.get("window_start", campaign.window_start),
            changes.get("window_end", campaign.window_end))
    for key, minimum in (("max_attempts", 1), ("retry_gap_minutes", 0), ("lease_minutes", 1)):
        if key in changes:
            setattr(campaign, key, _positive(key, changes[key], minimum))
    revalue = False
    if "sltv_params" in changes:
        raw = changes["sltv_params"]
        sltv_service.parse_params(dict(raw) if raw else None)
        revalue = (dict(raw) if raw else None) != (campaign.sltv_params or None)
        campaign.sltv_params = dict(raw) if raw else None
    if "script_id" in changes:
        campaign.script_id = changes["script_id"]
    if "queue_order" in changes:
        # the tasks carry their expected value already (the model's refresh keeps it);
        # callers refresh the campaign after commit, in short transactions
        campaign.queue_order = _order(changes["queue_order"])
    old_agents = _agent_ids(session, campaign.id)
    new_agents = old_agents
    if "agent_ids" in changes:
        new_agents = _set_agents(session, campaign, changes["agent_ids"])
    session.flush()
    old, new = audit.changed_fields(before | {"agent_ids": old_agents},
                                    audit.snapshot(campaign, _AUDITED) | {"agent_ids": new_agents})
    if revalue:  # new parameters re-rank this campaign's queue at once
        new = new | {"tasks_revalued": sltv_service.revalue(session,
                                                            campaign_id=campaign.id)[0]}
        win_model.score_tasks(session, campaign.id)
    if new:
        audit.record(session, actor, "campaign_updated", "campaign", campaign.id,
                     before=old, after=new)
    return campaign


def assign_agents(session: Session, actor: Actor, campaign_id: int,
                  agent_ids: Sequence[int]) -> list[int]:
    """Replace the campaign's agents with ``agent_ids``."""
    require(actor, Permission.MANAGE_CAMPAIGNS)
    campaign = _get(session, campaign_id)
    before = _agent_ids(session, campaign.id)
    ids = _set_agents(session, campaign, agent_ids)
    if ids != before:
        audit.record(session, actor, "campaign_agents_assigned", "campaign", campaign.id,
                     before={"agent_ids": before}, after={"agent_ids": ids})
    return ids


def list_campaigns(session: Session, actor: Actor) -> list[CampaignInfo]:
    """Every campaign with task counts per status; agents see only their own."""
    require(actor, Permission.WORK_QUEUE)
    stmt = select(Campaign).order_by(Campaign.id)
    sees_all = actor.can(Permission.MANAGE_CAMPAIGNS) or actor.can(Permission.MONITOR_AGENTS)
    if not sees_all:
        stmt = stmt.join(CampaignAgent, CampaignAgent.campaign_id == Campaign.id).where(
            CampaignAgent.user_id == actor.user_id)
    campaigns = list(session.scalars(stmt))
    counts: dict[int, dict[str, int]] = {}
    for cid, status, n in session.execute(
            select(CallTask.campaign_id, CallTask.status, func.count())
            .group_by(CallTask.campaign_id, CallTask.status)):
        counts.setdefault(cid, {})[status] = int(n)
    agents: dict[int, list[int]] = {}
    for cid, uid in session.execute(select(CampaignAgent.campaign_id, CampaignAgent.user_id)
                                    .order_by(CampaignAgent.user_id)):
        agents.setdefault(cid, []).append(uid)
    return [info(c, agents.get(c.id, []), counts.get(c.id, {})) for c in campaigns]


def info(campaign: Campaign, agent_ids: list[int], counts: dict[str, int]) -> CampaignInfo:
    return CampaignInfo(
        id=campaign.id, name=campaign.name, kind=campaign.kind, status=campaign.status,
        customer_filter=dict(campaign.customer_filter or {}),
        window_start=campaign.window_start, window_end=campaign.window_end,
        max_attempts=campaign.max_attempts, retry_gap_minutes=campaign.retry_gap_minutes,
        lease_minutes=campaign.lease_minutes, sltv_params=dict(campaign.sltv_params or {}),
        agent_ids=agent_ids, started_at=campaign.started_at, task_counts=counts,
        queue_order=campaign.queue_order)


def get_campaign(session: Session, actor: Actor, campaign_id: int) -> CampaignInfo:
    require(actor, Permission.WORK_QUEUE)
    campaign = _get(session, campaign_id)
    counts = {s: int(n) for s, n in session.execute(
        select(CallTask.status, func.count()).where(CallTask.campaign_id == campaign_id)
        .group_by(CallTask.status))}
    return info(campaign, _agent_ids(session, campaign_id), counts)


def filter_condition(customer_filter: Mapping[str, Sequence[Any]] | None
                     ) -> list[ColumnElement[bool]]:
    """The campaign's customer filter as SQL conditions on ``customers``."""
    columns = {"segment": _CU.c.segment, "tier": _CU.c.sltv_tier,
               "reason": _CU.c.defection_reason, "status": _CU.c.status,
               "import_batch_id": _CU.c.import_batch_id}
    return [columns[k].in_(list(v)) for k, v in (customer_filter or {}).items()
            if k in columns and v]


def preview(session: Session, actor: Actor, campaign_id: int,
            now: datetime | None = None) -> CampaignPreview:
    """Counts for the campaign screen before (or while) it runs; one GROUP BY."""
    require(actor, Permission.MANAGE_CAMPAIGNS)
    campaign = _get(session, campaign_id)
    now = now or utcnow()
    zones = list(queue_rules.zones_in_window(now, campaign.window_start, campaign.window_end))
    attempts = func.coalesce(_TA.c.attempts, 0)
    rule = case(
        (_CU.c.do_not_call.is_(True), literal("dnc")),
        (_TA.c.status == TaskStatus.DO_NOT_CALL.value, literal("dnc")),
        (_CU.c.timezone.not_in(zones) if zones else literal(True), literal("window")),
        (and_(attempts >= campaign.max_attempts,
              func.coalesce(_TA.c.status, "") != TaskStatus.CALLBACK.value), literal("attempts")),
        (_CU.c.segment == Treatment.DO_NOT_PURSUE.value, literal("segment")),
        else_=literal("eligible"),
    ).label("rule")
    stmt = (
        select(rule, func.count(), func.count(_TA.c.id))
        .select_from(_CU)
        .outerjoin(_TA, and_(_TA.c.customer_id == _CU.c.id, _TA.c.campaign_id == campaign.id))
        .where(*filter_condition(campaign.customer_filter))
        .group_by(rule)
    )
    counts: dict[str, int] = {}
    queued = 0
    for key, n, with_task in session.execute(stmt):
        counts[key] = int(n)
        queued += int(with_task)
    return CampaignPreview(
        matching=sum(counts.values()), do_not_call=counts.get("dnc", 0),
        outside_window=counts.get("window", 0), attempts_exhausted=counts.get("attempts", 0),
        do_not_pursue=counts.get("segment", 0), eligible=counts.get("eligible", 0),
        already_queued=queued)


def populate(session: Session, campaign: Campaign, now: datetime) -> int:
    """Queue every matching customer not yet in the campaign (``INSERT … SELECT``).

    Do-not-call customers get a ``do_not_call`` task (kept out of the queue, visible in
    reports); ``do_not_pursue`` ones get a task that the re-segmentation after the
    insert closes as ``not_pursued`` (it reopens if their segment changes).
    """
    already = exists().where(_TA.c.campaign_id == campaign.id, _TA.c.customer_id == _CU.c.id)
    planned = _enroll_long_term(session, campaign, now)
    source = (
        select(literal(campaign.id), _CU.c.id,
               case((_CU.c.do_not_call.is_(True), literal(TaskStatus.DO_NOT_CALL.value)),
                    else_=literal(TaskStatus.QUEUED.value)),
               func.coalesce(_CU.c.sltv_minor, 0), _CU.c.sltv_tier, _CU.c.segment,
               _CU.c.defection_reason, _CU.c.defection_date, _CU.c.preferred_language,
               _CU.c.timezone, literal(0), literal(now, type_=_TA.c.created_at.type),
               literal(now, type_=_TA.c.updated_at.type))
        .where(*filter_condition(campaign.customer_filter), ~already,
               _CU.c.id.not_in(planned) if planned else literal(True))
    )
    def queued() -> int:
        return session.scalar(select(func.count()).select_from(_TA)
                              .where(_TA.c.campaign_id == campaign.id)) or 0

    before = queued()
    session.execute(insert(_TA).from_select(
        ["campaign_id", "customer_id", "status", "sltv_minor", "sltv_tier", "segment",
         "defection_reason", "defection_date", "language", "timezone", "attempts",
         "created_at", "updated_at"], source))
    # (rowcount of INSERT … SELECT is not reliable on every driver)
    return queued() - before


def _enroll_long_term(session: Session, campaign: Campaign, now: datetime) -> list[int]:
    """Long-term customers of a win-back campaign follow a plan instead of the SLTV
    queue (and, with the courtesy plan active, those not pursued get its one step).

    Returns the customers the plans took (enrolled now or earlier); those whose reason
    has no plan stay in the queue as before.
    """
    from winback_desktop.services import plans

    if campaign.kind != CampaignKind.WIN_BACK.value:
        return []
    wanted = [Treatment.LONG_TERM.value]
    courtesy = plans.courtesy_plan(session) is not None
    if courtesy:
        wanted.append(Treatment.DO_NOT_PURSUE.value)
    rows = session.execute(
        select(_CU.c.id, _CU.c.segment, _CU.c.defection_reason)
        .where(*filter_condition(campaign.customer_filter), _CU.c.segment.in_(wanted),
               _CU.c.do_not_call.is_(False),
               ~exists().where(_TA.c.campaign_id == campaign.id,
                               _TA.c.customer_id == _CU.c.id))).all()
    if not rows:
        return []
    choice = {cid: ("__courtesy__" if segment == Treatment.DO_NOT_PURSUE.value else reason)
              for cid, segment, reason in rows}
    taken = [cid for cid, segment, reason in rows
             if segment == Treatment.DO_NOT_PURSUE.value
             or plans.default_plan_for(session, reason) is not None]
    ever = plans.enrolled_customers(session, taken)
    fresh = [cid for cid in taken if cid not in ever]
    plans.enroll_from_campaign(session, Actor.system(), campaign, fresh, choice, now)
    # not-pursued customers are still queued (as do_not_pursue, never claimed)
    return [cid for cid in taken if choice[cid] != "__courtesy__"]


def start_campaign(session: Session, actor: Actor, campaign_id: int,
                   now: datetime | None = None) -> int:
    """Run the campaign and queue its matching customers; returns how many were added.

    Starting again (after a pause or an import) only adds customers not yet queued.
    """
    require(actor, Permission.MANAGE_CAMPAIGNS)
    campaign = _get(session, campaign_id)
    if campaign.status == CampaignStatus.CLOSED.value:
        raise Conflict(QT_TRANSLATE_NOOP("Errors", "The campaign '{name}' is closed."),
                       name=campaign.name)
    now = now or utcnow()
    before = campaign.status
    added = populate(session, campaign, now)
    # the new tasks carry the customers' default-model values: value them with this
    # campaign's parameters (and segment them) before anyone can claim one
    revalued = sltv_service.revalue(session, campaign_id=campaign.id)[0] if added else 0
    if added and campaign.queue_order == QUEUE_ORDERS[1]:
        # new tasks in expected-value order need their value before the first claim
        win_model.score_tasks(session, campaign.id, now)
    campaign.status = CampaignStatus.RUNNING.value
    if campaign.started_at is None:
        campaign.started_at = now
    audit.record(session, actor, "campaign_started", "campaign", campaign.id,
                 before={"status": before},
                 after={"status": campaign.status, "tasks_added": added,
                        "tasks_revalued": revalued})
    return added


def pause_campaign(session: Session, actor: Actor, campaign_id: int) -> None:
    """Stop handing out this campaign's customers (calls in progress finish normally)."""
    require(actor, Permission.MANAGE_CAMPAIGNS)
    campaign = _get(session, campaign_id)
    if campaign.status != CampaignStatus.PAUSED.value:
        before = campaign.status
        campaign.status = CampaignStatus.PAUSED.value
        audit.record(session, actor, "campaign_paused", "campaign", campaign.id,
                     before={"status": before}, after={"status": campaign.status})


def eligible_agents(session: Session, actor: Actor) -> list[User]:
    """Users who can be assigned to campaigns (active agents and supervisors)."""
    if not (actor.can(Permission.MANAGE_CAMPAIGNS) or actor.can(Permission.MONITOR_AGENTS)):
        refuse(None, actor, "eligible_agents")
    return list(session.scalars(select(User).where(
        User.active.is_(True), User.role.in_([Role.AGENT.value, Role.SUPERVISOR.value]))
        .order_by(User.login)))


# ------------------------------------------------ the screen's and CLI's actions


_CAMPAIGN_CHANGES = Changes.of(Topic.CAMPAIGNS, Topic.QUEUE)


@dataclass(frozen=True, slots=True)
class CampaignChange:
    """A campaign after one of the actions below, and what the action did."""

    campaign: CampaignInfo
    tasks_added: int = 0
    changes: Changes = _CAMPAIGN_CHANGES


def overview(db: Database, actor: Actor) -> list[CampaignInfo]:
    with db.session() as s:
        return list_campaigns(s, actor)


def find(db: Database, actor: Actor, name: str) -> CampaignInfo:
    """A campaign by exact name, else by id (the CLI's NAME arguments)."""
    with db.session() as s:
        return get_campaign(s, actor, get_by_name(s, name).id)


def create(db: Database, actor: Actor, name: str, kind: str = CampaignKind.WIN_BACK.value,
           *, start: bool = False, **settings: Any) -> CampaignChange:
    """Create a campaign (and start it at once when asked), in one transaction."""
    with db.session(immediate=start) as s:
        campaign = create_campaign(s, actor, name, kind, **settings)
        added = start_campaign(s, actor, campaign.id) if start else 0
        return CampaignChange(get_campaign(s, actor, campaign.id), added)


def update(db: Database, actor: Actor, campaign_id: int, **changes: Any) -> CampaignChange:
    """Change settings; new SLTV parameters re-rank the campaign's queue with them (in
    the same transaction), then the win model refreshes the campaign's expected values
    when the parameters or the queue order changed (in its own short transactions)."""
    with db.session(immediate=True) as s:
        before = get_campaign(s, actor, campaign_id)
        update_campaign(s, actor, campaign_id, **changes)
        after = get_campaign(s, actor, campaign_id)
    if (after.queue_order, after.sltv_params) != (before.queue_order, before.sltv_params):
        win_model.refresh(db, actor, campaign_id=campaign_id)
    return CampaignChange(after)


def start(db: Database, actor: Actor, campaign_id: int, now: datetime | None = None
          ) -> CampaignChange:
    with db.session(immediate=True) as s:
        added = start_campaign(s, actor, campaign_id, now)
        return CampaignChange(get_campaign(s, actor, campaign_id), added)


def pause(db: Database, actor: Actor, campaign_id: int) -> CampaignChange:
    with db.session() as s:
        pause_campaign(s, actor, campaign_id)
        return CampaignChange(get_campaign(s, actor, campaign_id))


def preview_now(db: Database, actor: Actor, campaign_id: int) -> CampaignPreview:
    with db.session() as s:
        return preview(s, actor, campaign_id)


def assignable_agents(db: Database, actor: Actor) -> list[tuple[int, str, str]]:
    """(id, login, display name) of the users a campaign can be assigned to."""
    with db.session() as s:
        return [(u.id, u.login, u.display_name) for u in eligible_agents(s, actor)]


def user_ids(db: Database, actor: Actor, logins: Sequence[str]) -> list[int]:
    """Ids of the given logins (the CLI's ``--agents``); an unknown login is an error."""
    require(actor, Permission.MANAGE_CAMPAIGNS)
    with db.session() as s:
        found = {login.lower(): uid for uid, login in s.execute(
            select(User.id, User.login).where(func.lower(User.login).in_(
                [x.lower() for x in logins])))}
    missing = [x for x in logins if x.lower() not in found]
    if missing:
        raise NotFound(what=", ".join(missing))
    return [found[x.lower()] for x in logins]


def campaign_id_for(db: Database, key: str | None) -> int | None:
    """The id of the campaign named (or numbered) ``key``; None for no campaign.

    A command-line filter resolved in its own short read, before the use case runs.
    """
    if key is None:
        return None
    with db.session() as session:
        return get_by_name(session, key).id


def my_running_campaigns(db: Database, actor: Actor) -> list[tuple[int, str, str]]:
    """(id, name, kind) of the running campaigns ``actor`` is assigned to work.

    The call workspace lists these: the queue only ever gives a user customers of the
    campaigns they are assigned to, so an empty list means "not assigned", which the
    desk says instead of calling the queue empty."""
    require(actor, Permission.WORK_QUEUE)
    with db.session() as s:
        rows = s.execute(
            select(Campaign.id, Campaign.name, Campaign.kind)
            .join(CampaignAgent, CampaignAgent.campaign_id == Campaign.id)
            .where(CampaignAgent.user_id == actor.user_id,
                   Campaign.status == CampaignStatus.RUNNING.value)
            .order_by(Campaign.id))
        return [(int(cid), str(name), str(kind)) for cid, name, kind in rows]
