"""Reward rules, the append-only points ledger, spot awards, redemptions, leaderboards.

The ledger is derived: ``sync_ledger`` computes which points the rules grant for the
events of a period (win-backs, saves, completed interviews, QA scores, streaks, team
goals)
and appends only the difference — missing grants as new entries, grants that no
longer hold as reversal entries. Running it twice, or on another workstation, gives
the same ledger. Nothing is ever updated or deleted.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from winback_desktop.core import metrics, segmentation
from winback_desktop.core.choices import LEADERBOARD_METRICS
from winback_desktop.core.domain import Disposition, Role
from winback_desktop.core.errors import Conflict, NotFound, ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import (
    Call,
    InterviewResponse,
    QaEvaluation,
    RewardLedgerEntry,
    RewardRedemption,
    RewardRule,
    User,
)
from winback_desktop.db.sql import utc_day
from winback_desktop.db.types import utcnow
from winback_desktop.services import audit, segmentation_service
from winback_desktop.services import settings as settings_service
from winback_desktop.services.context import Actor, refuse, require

RULE_KINDS = ("win_back", "save", "interview", "qa_bonus", "streak", "team_goal")
EVENT = "event"
SPOT = "spot"
CORRECTION = "correction"
REDEMPTION = "redemption"

DEFAULT_SPOT_CAP = 200  # points per agent per calendar month
DEFAULT_CATALOGUE: list[dict[str, Any]] = [
    {"item": "time_off_2h", "name": "2 hours off", "name_zh": "调休 2 小时", "points": 500},
    {"item": "voucher_100", "name": "¥100 shopping voucher", "name_zh": "100 元购物券",
     "points": 800},
    {"item": "team_lunch", "name": "Lunch with the team", "name_zh": "团队午餐",
     "points": 300},
]

DEFAULT_RULES: list[dict[str, Any]] = [
    {"name": "Win-back by SLTV tier", "kind": "win_back", "points": 0,
     "params": {"tier_points": {"A": 50, "B": 30, "C": 15, "D": 5, "negative": 0}}},
    # a save keeps a customer who had not left yet: rewarded, but apart and less
    {"name": "Save by SLTV tier", "kind": "save", "points": 0,
     "params": {"tier_points": {"A": 25, "B": 15, "C": 8, "D": 3, "negative": 0}}},
    {"name": "Completed exit interview", "kind": "interview", "points": 2, "params": {}},
    {"name": "QA score bonus", "kind": "qa_bonus", "points": 20, "params": {"threshold": 90}},
    {"name": "Win-back streak", "kind": "streak", "points": 25, "params": {"days": 5}},
    {"name": "Team monthly goal", "kind": "team_goal", "points": 100,
     "params": {"win_backs": 150}},
]


def _at(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=UTC)


# ------------------------------------------------------------------------ rules


def ensure_default_rules(session: Session, effective_from: date) -> int:
    """Seed the default rules when none exist (demo data and first runs)."""
    if session.scalar(select(func.count()).select_from(RewardRule)):
        return 0
    for rule in DEFAULT_RULES:
        session.add(RewardRule(effective_from=effective_from, **rule))
    return len(DEFAULT_RULES)


def list_rules(session: Session) -> list[RewardRule]:
    return list(session.scalars(select(RewardRule).order_by(RewardRule.id)))


def save_rule(session: Session, actor: Actor, *, rule_id: int | None = None, name: str,
              kind: str, points: int, params: dict[str, Any] | None,
              effective_from: date, effective_to: date | None = None,
              active: bool = True) -> RewardRule:
    require(actor, Permission.MANAGE_REWARD_RULES)
    if kind not in RULE_KINDS:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown reward rule kind '{kind}'."),
                              kind=kind)
    if effective_to is not None and effective_to < effective_from:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "A rule cannot end before it starts."))
    fields = ("name", "kind", "points", "params", "effective_from", "effective_to", "active")
    if rule_id is None:
        rule = RewardRule(name=name, kind=kind, points=points, params=params or {},
                          effective_from=effective_from, effective_to=effective_to,
                          active=active)
        session.add(rule)
        session.flush()
        audit.record(session, actor, "reward_rule_created", "reward_rule", rule.id,
                     after=audit.snapshot(rule, fields))
        return rule
    found = session.get(RewardRule, rule_id)
    if found is None:
        raise NotFound(what=str(rule_id))
    rule = found
    before = audit.snapshot(rule, fields)
    rule.name, rule.kind, rule.points, rule.params = name, kind, points, params or {}
    rule.effective_from, rule.effective_to, rule.active = effective_from, effective_to, active
    old, new = audit.changed_fields(before, audit.snapshot(rule, fields))
    if new:
        audit.record(session, actor, "reward_rule_updated", "reward_rule", rule.id,
                     before=old, after=new)
    return rule


def _active_on(rule: RewardRule, day: date) -> bool:
    return rule.active and rule.effective_from <= day and (
        rule.effective_to is None or day <= rule.effective_to)


# ------------------------------------------------------------------ the ledger


@dataclass(frozen=True)
class Grant:
    """Points one rule grants one agent for one source event."""

    agent_id: int
    rule_id: int
    source_type: str
    source_id: int
    points: int
    day: date


def expected_grants(session: Session, start: date, end: date) -> list[Grant]:
    """What the rules grant for events in [start, end)."""
    rules = [r for r in list_rules(session) if r.active]
    grants: list[Grant] = []
    lo, hi = _at(start), _at(end)
    by_kind: dict[str, list[RewardRule]] = defaultdict(list)
    for r in rules:
        by_kind[r.kind].append(r)
    if by_kind["win_back"] or by_kind["save"]:
        grants.extend(_success_grants(session, by_kind, lo, hi))
    for rule in by_kind["streak"]:
        grants.extend(_streak_grants(session, rule, start, end))
    for rule in by_kind["team_goal"]:
        grants.extend(_team_goal_grants(session, rule, start, end))
    for rule in by_kind["interview"]:
        for rid, agent_id, done in session.execute(
            select(InterviewResponse.id, InterviewResponse.agent_id,
                   InterviewResponse.completed_at)
            .where(InterviewResponse.status == "completed",
                   InterviewResponse.agent_id.is_not(None),
                   InterviewResponse.completed_at >= lo, InterviewResponse.completed_at < hi)):
            if agent_id is not None and done is not None and _active_on(rule, done.date()) \
                    and rule.points:
                grants.append(Grant(agent_id, rule.id, "interview", rid, rule.points,
                                    done.date()))
    for rule in by_kind["qa_bonus"]:
        threshold = int((rule.params or {}).get("threshold", 90))
        for eid, agent_id, created in session.execute(
            select(QaEvaluation.id, QaEvaluation.agent_id, QaEvaluation.created_at)
            .where(QaEvaluation.agent_id.is_not(None), QaEvaluation.score_pct >= threshold,
                   QaEvaluation.critical_fail.is_(False),
                   QaEvaluation.calibration_session.is_(None),
                   QaEvaluation.created_at >= lo, QaEvaluation.created_at < hi)):
            if agent_id is not None and _active_on(rule, created.date()) and rule.points:
                grants.append(Grant(agent_id, rule.id, "qa", eid, rule.points, created.date()))
    return grants


# rule kind → (the call outcome it rewards, the ledger's source type)
_SUCCESS_RULES = {"win_back": (Disposition.WON_BACK, "call"),
                  "save": (Disposition.SAVED, "save")}


def _success_grants(session: Session, by_kind: dict[str, list[RewardRule]], lo: datetime,
                    hi: datetime) -> list[Grant]:
    """Points per win-back and per save, by the SLTV tier of the value the call
    recorded when the customer came back (or stayed): re-valuing customers later
    (a new model, an import) neither grants nor takes back points."""
    thresholds = segmentation_service.get_thresholds(session)
    grants: list[Grant] = []
    for kind, (disposition, source) in _SUCCESS_RULES.items():
        if not by_kind[kind]:
            continue
        rows = session.execute(
            select(Call.id, Call.agent_id, Call.started_at, Call.sltv_minor)
            .where(Call.disposition == disposition.value, Call.agent_id.is_not(None),
                   Call.started_at >= lo, Call.started_at < hi)).all()
        for rule in by_kind[kind]:
            tier_points = (rule.params or {}).get("tier_points", {})
            for call_id, agent_id, started, sltv_minor in rows:
                day = started.date()
                tier = segmentation.tier_for(sltv_minor, thresholds)
                pts = int(tier_points.get(tier, rule.points))
                if agent_id is not None and pts and _active_on(rule, day):
                    grants.append(Grant(agent_id, rule.id, source, call_id, pts, day))
    return grants


def _streak_grants(session: Session, rule: RewardRule, start: date, end: date) -> list[Grant]:
    """Every ``days`` consecutive worked days with at least one win-back earn points."""
    need = int((rule.params or {}).get("days", 5))
    lookback = _at(start - timedelta(days=need * 3))
    day_col = utc_day(Call.started_at)
    rows = session.execute(
        select(Call.agent_id, day_col,
               func.sum(case((Call.disposition == Disposition.WON_BACK.value, 1), else_=0)))
        .where(Call.agent_id.is_not(None), Call.started_at >= lookback,
               Call.started_at < _at(end))
        .group_by(Call.agent_id, day_col)
        .order_by(Call.agent_id, day_col)
    ).all()
    grants = []
    run: dict[int, int] = defaultdict(int)
    for agent_id, day_value, wins in rows:
        day = day_value if isinstance(day_value, date) else date.fromisoformat(str(day_value))
        run[agent_id] = run[agent_id] + 1 if wins else 0
        if run[agent_id] and run[agent_id] % need == 0 and start <= day < end \
                and _active_on(rule, day):
            grants.append(Grant(agent_id, rule.id, "streak", int(day.strftime("%Y%m%d")),
                                rule.points, day))
    return grants


def _team_goal_grants(session: Session, rule: RewardRule, start: date,
                      end: date) -> list[Grant]:
    """Each member of a team that reached the month's win-back goal earns points."""
    goal = int((rule.params or {}).get("win_backs", 100))
    grants = []
    month = date(start.year, start.month, 1)
    while month < end:
        nxt = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
        if nxt <= date.today() + timedelta(days=1) and _active_on(rule, nxt - timedelta(days=1)):
            rows = session.execute(
                select(User.team_id, func.count())
                .join(Call, Call.agent_id == User.id)
                .where(User.team_id.is_not(None),
                       Call.disposition == Disposition.WON_BACK.value,
                       Call.started_at >= _at(month), Call.started_at < _at(nxt))
                .group_by(User.team_id)).all()
            for team_id, count in rows:
                if count >= goal:
                    members = session.scalars(select(User.id).where(
                        User.team_id == team_id, User.role == Role.AGENT.value))
                    for agent_id in members:
                        grants.append(Grant(agent_id, rule.id, "team_goal",
                                            int(month.strftime("%Y%m")) * 10_000 + (team_id or 0),
                                            rule.points, nxt - timedelta(days=1)))
        month = nxt
    return grants


@dataclass(frozen=True)
class SyncResult:
    granted: int
    reversed: int
    points_added: int

    def as_dict(self) -> dict[str, int]:
        return {"granted": self.granted, "reversed": self.reversed,
                "points_added": self.points_added}


def sync_ledger(session: Session, actor: Actor, start: date, end: date) -> SyncResult:
    """Append what the rules grant for [start, end) and reverse what no longer holds."""
    if actor.user_id is not None and not actor.can(Permission.GRANT_SPOT_REWARDS):
        refuse(None, actor, "sync_ledger")
    want = {(g.agent_id, g.rule_id, g.source_type, g.source_id): g
            for g in expected_grants(session, start, end)}
    have: dict[tuple[int, int, str, int], int] = defaultdict(int)
    latest: dict[tuple[int, int, str, int], RewardLedgerEntry] = {}
    entries = session.scalars(
        select(RewardLedgerEntry).where(RewardLedgerEntry.kind == EVENT,
                                        RewardLedgerEntry.rule_id.is_not(None),
                                        RewardLedgerEntry.created_at >= _at(start),
                                        RewardLedgerEntry.created_at < _at(end))
        .order_by(RewardLedgerEntry.id))
    for e in entries:
        key = (e.agent_id, e.rule_id or 0, e.source_type or "", e.source_id or 0)
        have[key] += e.points
        if e.reverses_id is None:
            latest[key] = e
    granted = reversed_ = added = 0
    for key in sorted(set(have) | set(want)):
        target = want[key].points if key in want else 0
        current = have.get(key, 0)
        if current == target:
            continue
        if current:
            session.add(RewardLedgerEntry(
                agent_id=key[0], points=-current, kind=EVENT, rule_id=key[1],
                source_type=key[2], source_id=key[3],
                reverses_id=latest[key].id if key in latest else None,
                reason="rule no longer grants these points",
                created_at=latest[key].created_at if key in latest else _at(start)))
            reversed_ += 1
            added -= current
        if target:
            g = want[key]
            session.add(RewardLedgerEntry(
                agent_id=g.agent_id, points=g.points, kind=EVENT, rule_id=g.rule_id,
                source_type=g.source_type, source_id=g.source_id,
                created_at=datetime.combine(g.day, time(23, 59), tzinfo=UTC)))
            granted += 1
            added += target
    result = SyncResult(granted, reversed_, added)
    if granted or reversed_:
        audit.record(session, actor, "reward_ledger_synced", "reward_ledger", None,
                     after={"from": start, "to": end, **result.as_dict()})
    return result


def ledger(session: Session, actor: Actor, agent_id: int, limit: int = 200
           ) -> list[RewardLedgerEntry]:
    _check_can_see(actor, agent_id)
    return list(session.scalars(
        select(RewardLedgerEntry).where(RewardLedgerEntry.agent_id == agent_id)
        .order_by(RewardLedgerEntry.id.desc()).limit(limit)))


def _check_can_see(actor: Actor, agent_id: int) -> None:
    if actor.user_id != agent_id and not actor.can(Permission.VIEW_TEAM_SCORECARDS):
        refuse(None, actor, "_check_can_see")


def balance(session: Session, actor: Actor, agent_id: int) -> int:
    _check_can_see(actor, agent_id)
    return int(session.scalar(select(func.coalesce(func.sum(RewardLedgerEntry.points), 0))
                              .where(RewardLedgerEntry.agent_id == agent_id)) or 0)


def active_agents(session: Session, actor: Actor) -> list[tuple[int, str, str]]:
    """(id, login, display name) of the agents a supervisor can award or review."""
    require(actor, Permission.GRANT_SPOT_REWARDS)
    return [(u.id, u.login, u.display_name) for u in session.scalars(
        select(User).where(User.role == Role.AGENT.value, User.active.is_(True))
        .order_by(User.login))]


def pending_redemption_points(session: Session, agent_id: int) -> int:
    return int(session.scalar(select(func.coalesce(func.sum(RewardRedemption.points), 0))
                              .where(RewardRedemption.agent_id == agent_id,
                                     RewardRedemption.status == "pending")) or 0)


# ------------------------------------------------------------- spot & corrections


def spot_cap(session: Session) -> int:
    return int(settings_service.get(session, "spot_award_cap_points") or DEFAULT_SPOT_CAP)


def grant_spot_award(session: Session, actor: Actor, agent_id: int, points: int,
                     reason: str, now: datetime | None = None) -> RewardLedgerEntry:
    """A supervisor's on-the-spot recognition, capped per agent per month."""
    require(actor, Permission.GRANT_SPOT_REWARDS)
    now = now or utcnow()
    if agent_id == actor.user_id:
        refuse(None, actor, "grant_spot_award",
               QT_TRANSLATE_NOOP("Errors", "You cannot reward yourself."))
    if not reason.strip():
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "A spot award needs a reason."))
    if points <= 0:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Points must be a positive number."))
    # The agent's row lock serialises awards to one agent on PostgreSQL, so two
    # supervisors cannot both pass the cap (SQLite: the caller's BEGIN IMMEDIATE).
    agent = session.scalar(select(User).where(User.id == agent_id).with_for_update())
    if agent is None or agent.role != Role.AGENT.value:
        raise NotFound(what=str(agent_id))
    month = date(now.year, now.month, 1)
    nxt = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
    used = int(session.scalar(
        select(func.coalesce(func.sum(RewardLedgerEntry.points), 0))
        .where(RewardLedgerEntry.agent_id == agent_id, RewardLedgerEntry.kind == SPOT,
               RewardLedgerEntry.created_at >= _at(month),
               RewardLedgerEntry.created_at < _at(nxt))) or 0)
    cap = spot_cap(session)
    if used + points > cap:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "This award would pass the monthly spot-award cap of {cap} points "
            "({left} left for this agent)."), cap=cap, left=max(cap - used, 0))
    entry = RewardLedgerEntry(agent_id=agent_id, points=points, kind=SPOT,
                              reason=reason.strip(), created_by=actor.user_id, created_at=now)
    session.add(entry)
    session.flush()
    audit.record(session, actor, "spot_award", "reward_ledger", entry.id,
                 after={"agent_id": agent_id, "points": points, "reason": reason.strip()})
    return entry


def reverse_entry(session: Session, actor: Actor, entry_id: int, reason: str
                  ) -> RewardLedgerEntry:
    """Correct a mistaken entry by appending its exact opposite."""
    require(actor, Permission.GRANT_SPOT_REWARDS)
    entry = session.get(RewardLedgerEntry, entry_id)
    if entry is None:
        raise NotFound(what=str(entry_id))
    already = session.scalar(select(RewardLedgerEntry.id).where(
        RewardLedgerEntry.reverses_id == entry_id))
    if already is not None:
        raise Conflict(QT_TRANSLATE_NOOP("Errors", "This entry was already reversed."))
    rev = RewardLedgerEntry(agent_id=entry.agent_id, points=-entry.points, kind=CORRECTION,
                            reverses_id=entry.id, reason=reason.strip() or None,
                            created_by=actor.user_id)
    session.add(rev)
    session.flush()
    audit.record(session, actor, "reward_reversed", "reward_ledger", rev.id,
                 after={"reverses": entry.id, "points": rev.points, "reason": reason})
    return rev


# ------------------------------------------------------------------ redemptions


def catalogue(session: Session) -> list[dict[str, Any]]:
    return list(settings_service.get(session, "reward_catalogue") or DEFAULT_CATALOGUE)


def request_redemption(session: Session, actor: Actor, item: str) -> RewardRedemption:
    if actor.user_id is None:
        refuse(None, actor, "request_redemption")
    offer = next((c for c in catalogue(session) if c["item"] == item), None)
    if offer is None:
        raise NotFound(what=item)
    available = balance(session, actor, actor.user_id) - pending_redemption_points(
        session, actor.user_id)
    if available < int(offer["points"]):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "Not enough points: {item} needs {need}, you have {have} available."),
            item=offer["name"], need=offer["points"], have=available)
    red = RewardRedemption(agent_id=actor.user_id, item=item, points=int(offer["points"]))
    session.add(red)
    session.flush()
    audit.record(session, actor, "redemption_requested", "reward_redemption", red.id,
                 after={"item": item, "points": red.points})
    return red


def decide_redemption(session: Session, actor: Actor, redemption_id: int, approve: bool,
                      note: str | None = None) -> RewardRedemption:
    require(actor, Permission.GRANT_SPOT_REWARDS)
    red = session.get(RewardRedemption, redemption_id)
    if red is None:
        raise NotFound(what=str(redemption_id))
    if red.agent_id == actor.user_id:
        refuse(None, actor, "decide_redemption", QT_TRANSLATE_NOOP(
            "Errors", "Nobody approves their own request."))
    if red.status != "pending":
        raise Conflict(QT_TRANSLATE_NOOP("Errors", "This request was already decided."))
    red.status = "approved" if approve else "rejected"
    red.decided_at = utcnow()
    red.decided_by = actor.user_id
    red.note = note
    if approve:
        entry = RewardLedgerEntry(agent_id=red.agent_id, points=-red.points, kind=REDEMPTION,
                                  source_type="redemption", source_id=red.id,
                                  reason=red.item, created_by=actor.user_id)
        session.add(entry)
        session.flush()
        red.ledger_entry_id = entry.id
    audit.record(session, actor, "redemption_decided", "reward_redemption", red.id,
                 before={"status": "pending"}, after={"status": red.status, "note": note})
    return red


def pending_redemptions(session: Session, actor: Actor) -> list[RewardRedemption]:
    require(actor, Permission.GRANT_SPOT_REWARDS)
    return list(session.scalars(select(RewardRedemption).where(
        RewardRedemption.status == "pending").order_by(RewardRedemption.requested_at)))


# ------------------------------------------------------------------ leaderboard


@dataclass(frozen=True)
class LeaderRow:
    rank: int
    agent_id: int
    login: str
    display_name: str
    value: int




def leaderboard(session: Session, actor: Actor, period: metrics.Period,
                metric: str = "points") -> list[LeaderRow]:
    """Everyone ranked (agents may see the board: it motivates) by the scorecard's
    figure for the period (``core.metrics``): ties share a rank, and agents with
    nothing share the last place (``metrics.ranks``)."""
    if metric not in LEADERBOARD_METRICS:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown leaderboard '{metric}'."),
                              metric=metric)
    from winback_desktop.services import scorecard_totals

    agents = list(session.execute(select(User.id, User.login, User.display_name).where(
        User.role == Role.AGENT.value, User.active.is_(True))))
    if metric == "points":
        totals = scorecard_totals.other_totals(session, period)
    else:
        totals = scorecard_totals.call_totals(session, period)
    values = {aid: int(getattr(t, metric)) for aid, t in totals.items()}
    ranked = metrics.ranks([(aid, values.get(aid, 0)) for aid, _l, _n in agents])
    ordered = sorted(agents, key=lambda a: (ranked[a[0]], a[1]))
    return [LeaderRow(ranked[aid], aid, login, name, values.get(aid, 0))
            for aid, login, name in ordered]
