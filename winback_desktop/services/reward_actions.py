"""What the rewards screen and the ``winback rewards|leaderboard`` commands do: one
function per user action, each its own unit of work, permission checked and audited
by ``services.rewards``, returning what it changed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from winback_desktop.core import metrics
from winback_desktop.core.domain import Role
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import User
from winback_desktop.db.session import Database
from winback_desktop.services import rewards, users
from winback_desktop.services.changes import Changes, Topic
from winback_desktop.services.context import Actor, current_role, require

#: what a change of points touches
POINTS_CHANGED = Changes.of(Topic.REWARDS, Topic.SCORECARDS)


@dataclass(frozen=True)
class RuleLine:
    id: int
    name: str
    kind: str
    points: int
    params: dict[str, Any]
    active: bool
    effective_from: date
    effective_to: date | None


@dataclass(frozen=True)
class PendingLine:
    id: int
    agent_id: int
    item: str
    points: int
    requested_at: datetime


@dataclass(frozen=True)
class RewardsView:
    """The rewards screen: the leaderboard, and what the viewer's role works with."""

    board: list[rewards.LeaderRow]
    catalogue: list[dict[str, Any]]
    balance: int | None = None          # the viewing agent's own
    pending_points: int = 0             # the viewing agent's requests not yet decided
    agents: list[tuple[int, str, str]] = field(default_factory=list)
    pending: list[PendingLine] = field(default_factory=list)
    rules: list[RuleLine] = field(default_factory=list)


def rewards_view(db: Database, actor: Actor, period: metrics.Period, metric: str
                 ) -> RewardsView:
    with db.session() as s:
        balance, pending_points = None, 0
        if actor.user_id is not None and current_role(actor) == Role.AGENT:
            balance = rewards.balance(s, actor, actor.user_id)
            pending_points = rewards.pending_redemption_points(s, actor.user_id)
        agents: list[tuple[int, str, str]] = []
        pending: list[PendingLine] = []
        if actor.can(Permission.GRANT_SPOT_REWARDS):
            agents = rewards.active_agents(s, actor)
            pending = [PendingLine(r.id, r.agent_id, r.item, r.points, r.requested_at)
                       for r in rewards.pending_redemptions(s, actor)]
        rules = [RuleLine(r.id, r.name, r.kind, r.points, dict(r.params or {}), r.active,
                          r.effective_from, r.effective_to)
                 for r in rewards.list_rules(s)] if actor.can(
                     Permission.MANAGE_REWARD_RULES) else []
        return RewardsView(rewards.leaderboard(s, actor, period, metric), rewards.catalogue(s),
                           balance, pending_points, agents, pending, rules)


@dataclass(frozen=True)
class LedgerLine:
    id: int
    created_at: datetime
    points: int
    kind: str
    reason: str | None
    source_type: str | None


def ledger_lines(db: Database, actor: Actor, agent_id: int) -> list[LedgerLine]:
    with db.session() as s:
        return [LedgerLine(e.id, e.created_at, e.points, e.kind, e.reason, e.source_type)
                for e in rewards.ledger(s, actor, agent_id)]


@dataclass(frozen=True)
class PointsChanged:
    """A change to an agent's points, and their balance after it."""

    agent_id: int
    login: str
    points: int
    balance: int
    entry_id: int | None = None
    changes: Changes = POINTS_CHANGED


def award(db: Database, actor: Actor, agent_id: int, points: int, reason: str
          ) -> PointsChanged:
    """A supervisor's spot award (capped per month, audited)."""
    with db.session(immediate=True) as s:
        entry = rewards.grant_spot_award(s, actor, agent_id, points, reason)
        agent = s.get(User, agent_id)
        assert agent is not None
        return PointsChanged(agent_id, agent.login, entry.points,
                             rewards.balance(s, actor, agent_id), entry.id)


def award_to_login(db: Database, actor: Actor, agent_login: str, points: int,
                   reason: str) -> PointsChanged:
    """``award`` naming the agent by login, as the logged-in ``actor`` (the CLI)."""
    with db.session() as s:
        agent_id = users.get_user(s, agent_login).id
    return award(db, actor, agent_id, points, reason)


def request_redemption(db: Database, actor: Actor, item: str) -> PointsChanged:
    with db.session(immediate=True) as s:
        red = rewards.request_redemption(s, actor, item)
        assert actor.user_id is not None
        return PointsChanged(actor.user_id, actor.login, red.points,
                             rewards.balance(s, actor, actor.user_id))


def decide_redemption(db: Database, actor: Actor, redemption_id: int, approve: bool,
                      note: str | None = None) -> PointsChanged:
    with db.session(immediate=True) as s:
        red = rewards.decide_redemption(s, actor, redemption_id, approve, note)
        agent = s.get(User, red.agent_id)
        assert agent is not None
        return PointsChanged(red.agent_id, agent.login, -red.points if approve else 0,
                             rewards.balance(s, actor, red.agent_id), red.ledger_entry_id)


def reverse_entry(db: Database, actor: Actor, entry_id: int, reason: str) -> PointsChanged:
    with db.session(immediate=True) as s:
        rev = rewards.reverse_entry(s, actor, entry_id, reason)
        agent = s.get(User, rev.agent_id)
        assert agent is not None
        return PointsChanged(rev.agent_id, agent.login, rev.points,
                             rewards.balance(s, actor, rev.agent_id), rev.id)


@dataclass(frozen=True)
class RulesSaved:
    rules: int
    changes: Changes = POINTS_CHANGED


def save_rules(db: Database, actor: Actor,
               edits: list[tuple[int, str, str, int, dict[str, Any], bool]]) -> RulesSaved:
    """Rules edited in the table: (id, name, kind, points, params, active) each."""
    require(actor, Permission.MANAGE_REWARD_RULES)
    with db.session() as s:
        existing = {r.id: r for r in rewards.list_rules(s)}
        for rid, name, kind, points, params, active in edits:
            rule = existing[rid]
            rewards.save_rule(s, actor, rule_id=rid, name=name, kind=kind, points=points,
                              params=params, effective_from=rule.effective_from,
                              effective_to=rule.effective_to, active=active)
        return RulesSaved(len(edits))


@dataclass(frozen=True)
class Balance:
    login: str
    balance: int
    pending_redemptions: int


def balances(db: Database, actor: Actor, login: str | None = None) -> list[Balance]:
    """Points balances of one agent or of every agent."""
    with db.session() as s:
        if login:
            agents = [users.get_user(s, login)]
        else:
            agents = list(s.scalars(select(User).where(User.role == Role.AGENT.value)
                                    .order_by(User.login)))
        return [Balance(a.login, rewards.balance(s, actor, a.id),
                        rewards.pending_redemption_points(s, a.id)) for a in agents]


@dataclass(frozen=True)
class LedgerSynced:
    result: rewards.SyncResult
    changes: Changes = POINTS_CHANGED


def sync(db: Database, actor: Actor, period: metrics.Period) -> LedgerSynced:
    """Grant what the rules give for the period and reverse what no longer holds."""
    with db.session(immediate=True) as s:
        return LedgerSynced(rewards.sync_ledger(s, actor, period.start, period.end))


def leaderboard(db: Database, actor: Actor, period: metrics.Period, metric: str
                ) -> list[rewards.LeaderRow]:
    with db.session() as s:
        return rewards.leaderboard(s, actor, period, metric)
