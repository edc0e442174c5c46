"""A simulated working day of a win-back team, driven through the services.

Twenty agents work two campaigns (win-back and save) from one evening into the next
morning (Shanghai time), the way the GUI and the CLI drive the services: claim the
next customer, dial, ring, talk (some on hold), run the exit interview (which
re-segments the customer), propose offers (some need a supervisor), record the
outcome, wrap up. Some calls go unanswered, some customers ask for a callback or not
to be called again, some workstations crash mid-call (the lease runs out and the task
comes back), some agents click "finish" twice. Afterwards supervisors score calls,
award spot points, approve a redemption, and the SLTV model is changed and recomputed
(so customers' values today differ from what the calls recorded).

What the simulation *did* is kept (``Day.calls``) so the suite can hold the database
against it; the figures themselves are checked against definitions computed straight
from the raw tables (``tests.reconciliation.raw``).
"""

from __future__ import annotations

import heapq
import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select

from winback_desktop.core import metrics
from winback_desktop.core.domain import CampaignKind, Disposition, success_for
from winback_desktop.core.errors import ValidationError
from winback_desktop.db.models import Customer, CustomerPhone, RiskFlag
from winback_desktop.db.session import Database
from winback_desktop.services import (
    calls,
    campaigns,
    interviews,
    offers,
    qa,
    queue,
    reward_actions,
    rewards,
    settings,
    sltv_service,
    users,
)
from winback_desktop.services.context import Actor
from winback_desktop.services.telephony.events import record_event
from winback_desktop.services.telephony.interface import EventKind, PhoneEvent

AGENTS = 20
LOST, AT_RISK = 1_500, 300
REASONS = ("unknown", "pushed_unintentional", "pulled_away", "bought_away", "moved_away",
           "pushed_intentional")


@dataclass
class SimCall:
    """What the simulation did with one call."""

    call_id: int
    agent_id: int
    customer_id: int
    campaign_kind: str
    answered: bool
    disposition: str | None  # None: the workstation crashed mid-call
    interview: bool = False
    held: bool = False


@dataclass
class Day:
    db: Database
    admin: Actor
    supervisor: Actor
    agents: list[Actor]
    #: the two days worked plus today (interviews, QA and points are stamped "now")
    period: metrics.Period
    day: date
    calls: dict[int, SimCall] = field(default_factory=dict)
    second_finishes_refused: int = 0
    offers_accepted: int = 0
    spot_points: dict[int, int] = field(default_factory=dict)
    redeemed: dict[int, int] = field(default_factory=dict)
    #: call id -> who corrected its outcome ("agent" within 15 minutes, "supervisor")
    amended: dict[int, str] = field(default_factory=dict)


def _users(db: Database) -> tuple[Actor, Actor, list[Actor]]:
    with db.session() as s:
        admin = Actor.of(users.add_user(s, Actor.system(), "admin", "admin", "admin-pass-1",
                                        display_name="Admin"))
        sup = Actor.of(users.add_user(s, admin, "sup1", "supervisor", "super-pass-1",
                                      display_name="Supervisor One"))
        agents = [Actor.of(users.add_user(s, admin, f"agent{n:02d}", "agent", "agent-pass-1",
                                          display_name=f"Agent {n:02d}"))
                  for n in range(1, AGENTS + 1)]
    return admin, sup, agents


def _customers(db: Database, rng: random.Random) -> None:
    """Lost and at-risk customers with the spend data lists really have: margin, or
    only revenue, or an SLTV from the list, or nothing at all."""
    with db.session() as s:
        for n in range(LOST + AT_RISK):
            spend: dict[str, Any] = {}
            shape = rng.random()
            if shape < 0.5:
                spend["annual_margin_minor"] = rng.randint(-20_000, 900_000)
            elif shape < 0.75:
                spend["annual_revenue_minor"] = rng.randint(50_000, 3_000_000)
            elif shape < 0.9:
                spend["sltv_imported_minor"] = rng.randint(0, 5_000_000)
            customer = Customer(
                external_id=f"C{n:05d}", name=f"客户 {n}" if n % 3 else f"Customer {n}",
                status="lost" if n < LOST else "at_risk",
                defection_reason=rng.choice(REASONS) if n < LOST else "unknown",
                timezone="Asia/Shanghai", preferred_language="zh", **spend)
            customer.phones.append(CustomerPhone(e164=f"+86138{n:08d}", raw=f"138 {n:08d}",
                                                 is_primary=True))
            s.add(customer)
            if n >= LOST:  # the early-warning scan flagged the at-risk ones
                s.flush()
                s.add(RiskFlag(customer_id=customer.id, as_of=date(2026, 11, 1),
                               previous_status="active", p_alive=0.3,
                               signals=[{"code": "silent", "params": {}}]))


def _setup(db: Database, admin: Actor, sup: Actor, agents: list[Actor], opened: datetime,
           first_day: date) -> dict[str, int]:
    ids = [a.user_id for a in agents]
    with db.session() as s:
        rewards.ensure_default_rules(s, first_day)
        interviews.ensure_default_scripts(s, admin)
        qa.ensure_default_form(s)
        offers.ensure_default_offers(s, admin)
    sltv_service.recompute(db, admin)  # value, tier and segment every customer
    out = {}
    with db.session() as s:
        for kind, params in ((CampaignKind.WIN_BACK.value, {"retention_rate": 0.6,
                                                            "contact_cost_minor": 3_000}),
                             (CampaignKind.SAVE.value, None)):
            c = campaigns.create_campaign(
                s, admin, f"Q4 {kind}", kind, window_start=time(8, 0), window_end=time(23, 0),
                max_attempts=3, retry_gap_minutes=45, sltv_params=params, agent_ids=ids)
            campaigns.start_campaign(s, admin, c.id, now=opened)
            out[kind] = c.id
    return out


class _Shift:
    """One agent's calls, one turn at a time (the heap interleaves the agents)."""

    def __init__(self, day: Day, kinds: dict[int, str], rng: random.Random) -> None:
        self.day, self.kinds, self.rng = day, kinds, rng
        self.db = day.db

    def turn(self, agent: Actor, t: datetime) -> datetime:
        """Work one customer from ``t``; returns when the agent is free again."""
        rng = self.rng
        task = queue.claim_next_task(self.db, agent, now=t)
        if task is None:
            return t + timedelta(minutes=30)
        kind = self.kinds[task.campaign_id]
        t += timedelta(seconds=rng.randint(5, 40))  # reads the card
        call_id = calls.start_call(self.db, agent, task.task_id, now=t)
        assert agent.user_id is not None
        sim = SimCall(call_id, agent.user_id, task.customer_id, kind, False, None)
        self.day.calls[call_id] = sim
        t += timedelta(seconds=rng.randint(4, 30))  # ringing
        fate = rng.random()
        if fate < 0.04:  # the workstation crashes (answered or not): nothing more
            if rng.random() < 0.5:
                calls.mark_answered(self.db, agent, call_id, now=t)
                sim.answered = True
            return t + timedelta(minutes=rng.randint(3, 10))
        if fate < 0.28:
            disposition = rng.choice((Disposition.NO_ANSWER, Disposition.BUSY,
                                      Disposition.VOICEMAIL))
            calls.end_call(self.db, agent, call_id, now=t)
            t += timedelta(seconds=rng.randint(3, 20))
            return self._finish(agent, sim, disposition, t)
        calls.mark_answered(self.db, agent, call_id, now=t)
        sim.answered = True
        talk_end = t + timedelta(seconds=rng.randint(30, 420))
        if rng.random() < 0.15:
            hold_at = t + timedelta(seconds=rng.randint(10, 30))
            for kind_, at in ((EventKind.HOLD, hold_at),
                              (EventKind.RESUMED, hold_at + timedelta(seconds=rng.randint(
                                  15, 120)))):
                record_event(self.db, agent, PhoneEvent(kind_, call_id, at, "sim"))
            sim.held = True
            talk_end += timedelta(seconds=60)
        outcome = self._outcome(kind)
        if kind == CampaignKind.WIN_BACK.value and outcome is not Disposition.WRONG_NUMBER \
                and rng.random() < 0.5:
            self._interview(agent, sim)
        if outcome in (Disposition.WON_BACK, Disposition.SAVED,
                       Disposition.REFUSED_OFFER) and rng.random() < 0.6:
            outcome = self._offer(agent, task.task_id, sim, outcome, t)
        calls.end_call(self.db, agent, call_id, now=talk_end)
        done = talk_end + timedelta(seconds=rng.randint(8, 90))
        return self._finish(agent, sim, outcome, done)

    def _outcome(self, kind: str) -> Disposition:
        r = self.rng.random()
        if r < 0.2:
            return success_for(kind)
        for share, disposition in ((0.32, Disposition.CALLBACK),
                                   (0.40, Disposition.REFUSED_OFFER),
                                   (0.45, Disposition.WRONG_NUMBER),
                                   (0.48, Disposition.DO_NOT_CALL)):
            if r < share:
                return disposition
        return Disposition.NOT_INTERESTED

    def _interview(self, agent: Actor, sim: SimCall) -> None:
        with self.db.session() as s:
            state = interviews.start_response(s, agent, sim.customer_id, sim.call_id)
            interviews.complete(s, agent, state.response_id, self.rng.choice(REASONS[1:]))
        sim.interview = True

    def _offer(self, agent: Actor, task_id: int, sim: SimCall, outcome: Disposition,
               t: datetime) -> Disposition:
        """Propose the best offer; a supervisor decides when it is above the agent's
        authority; the customer's answer follows the planned outcome."""
        with self.db.session() as s:
            choices = offers.eligible_offers(s, agent, sim.customer_id, today=t.date())
        if not choices:
            return outcome
        try:
            request = offers.request_offer(self.db, agent, choices[0].template_id,
                                           task_id=task_id, call_id=sim.call_id, now=t)
        except ValidationError:
            return outcome
        if request.status == "pending":
            approve = self.rng.random() < 0.8
            request = offers.decide(self.db, self.day.supervisor, request.id,
                                    "approve" if approve else "reject",
                                    note=None if approve else "too generous",
                                    now=t + timedelta(seconds=40))
            if not approve:
                return Disposition.NOT_INTERESTED
        accepted = outcome is not Disposition.REFUSED_OFFER
        offers.record_outcome(self.db, agent, request.id, accepted,
                              None if accepted else "price", now=t + timedelta(seconds=60))
        self.day.offers_accepted += accepted
        return outcome

    def _finish(self, agent: Actor, sim: SimCall, disposition: Disposition,
                t: datetime) -> datetime:
        callback_at = t + timedelta(hours=2) if disposition is Disposition.CALLBACK else None
        calls.finish_call(self.db, agent, sim.call_id, disposition, callback_at=callback_at,
                          now=t)
        sim.disposition = disposition.value
        if self.rng.random() < 0.01:  # a double click on "finish"
            try:
                calls.finish_call(self.db, agent, sim.call_id, Disposition.NOT_INTERESTED,
                                  now=t + timedelta(seconds=1))
            except calls.CallAlreadyFinished:
                self.day.second_finishes_refused += 1
            else:  # pragma: no cover - the invariant test reports it
                sim.disposition = "finished twice"
        elif (disposition in (Disposition.WON_BACK, Disposition.SAVED)
              and self.rng.random() < 0.06):
            # the wrong key: the agent corrects it within the 15 minutes agents have
            calls.amend_outcome(self.db, agent, sim.call_id, Disposition.NOT_INTERESTED,
                                "pressed the wrong key", now=t + timedelta(minutes=5))
            sim.disposition = Disposition.NOT_INTERESTED.value
            self.day.amended[sim.call_id] = "agent"
        return t + timedelta(seconds=self.rng.randint(5, 60))


def _supervisors_amend(day: Day, rng: random.Random, at: datetime) -> None:
    """Customers ring back the next morning to say yes after all: a supervisor turns
    their "not interested" into the campaign's success, with the reason."""
    won = {c.customer_id for c in day.calls.values()
           if c.disposition in (Disposition.WON_BACK.value, Disposition.SAVED.value)}
    candidates = [c for c in day.calls.values()
                  if c.disposition == Disposition.NOT_INTERESTED.value and c.answered
                  and c.customer_id not in won and c.call_id not in day.amended]
    for sim in rng.sample(candidates, min(12, len(candidates))):
        if sim.customer_id in won:
            continue
        success = (Disposition.SAVED if sim.campaign_kind == CampaignKind.SAVE.value
                   else Disposition.WON_BACK)
        try:
            calls.amend_outcome(day.db, day.supervisor, sim.call_id, success,
                                "customer rang back to accept", now=at)
        except ValidationError:
            continue  # re-segmented since (e.g. no longer lost): not this customer
        sim.disposition = success.value
        day.amended[sim.call_id] = "supervisor"
        won.add(sim.customer_id)


def _after_hours(day: Day, rng: random.Random) -> None:
    """Supervisors score calls, award and approve points; the model changes."""
    db, sup = day.db, day.supervisor
    answered = [c for c in day.calls.values() if c.answered and c.disposition]
    with db.session() as s:
        criteria = qa.criteria_of(qa.current_form(s))
        for sim in rng.sample(answered, min(60, len(answered))):
            scores = {c.key: rng.randint(max(0, c.max_score - 2), c.max_score)
                      for c in criteria}
            if rng.random() < 0.1:
                scores[criteria[0].key] = 0
            qa.evaluate(s, sup, sim.call_id, scores)
    reward_actions.sync(db, sup, day.period)
    for agent in rng.sample(day.agents, 4):
        assert agent.user_id is not None
        reward_actions.award(db, sup, agent.user_id, 30, "great call")
        day.spot_points[agent.user_id] = 30
    rich = max(reward_actions.balances(db, sup), key=lambda b: b.balance)
    richest = next(a for a in day.agents if a.login == rich.login)
    item = {"item": "coffee", "name": "Coffee with the team", "name_zh": "团队咖啡",
            "points": 40}
    with db.session() as s:
        settings.set_value(s, day.admin, "reward_catalogue",
                           [*rewards.DEFAULT_CATALOGUE, item])
    if rich.balance >= int(item["points"]):
        reward_actions.request_redemption(db, richest, str(item["item"]))
        with db.session() as s:
            pending = rewards.pending_redemptions(s, sup)
        reward_actions.decide_redemption(db, sup, pending[0].id, True)
        assert richest.user_id is not None
        day.redeemed[richest.user_id] = int(item["points"])
    with db.session() as s:
        settings.set_value(s, day.admin, sltv_service.DEFAULT_PARAMS_KEY,
                           {"retention_rate": 0.8})
    sltv_service.recompute(db, day.admin)  # today's values differ from the calls'


def simulate(db: Database, seed: int = 14, today: date | None = None) -> Day:
    """Run the day; the calls fall on the two UTC days before ``today``."""
    rng = random.Random(seed)
    today = today or datetime.now(UTC).date()
    day = today - timedelta(days=1)
    start = datetime.combine(day - timedelta(days=1), time(12, 0), tzinfo=UTC)  # 20:00 CST
    end = datetime.combine(day, time(3, 0), tzinfo=UTC)  # 11:00 CST
    admin, sup, agents = _users(db)
    _customers(db, rng)
    kind_of = _setup(db, admin, sup, agents, start - timedelta(hours=1), start.date())
    result = Day(db, admin, sup, agents,
                 metrics.parse_period(f"{start.date()}..{today}"), day)
    shift = _Shift(result, {cid: kind for kind, cid in kind_of.items()}, rng)
    heap = [(start + timedelta(seconds=rng.randint(0, 300)), n) for n in range(len(agents))]
    heapq.heapify(heap)
    turns = 0
    while heap:
        t, n = heapq.heappop(heap)
        if t >= end:
            continue
        if turns % 50 == 0:
            queue.expire_leases(db, now=t)
        turns += 1
        heapq.heappush(heap, (shift.turn(agents[n], t), n))
    # the calls of crashed workstations ran past their lease: closed as abandoned
    calls.abandon_stale_calls(db, sup, now=end + timedelta(hours=1), limit=100_000)
    queue.expire_leases(db, now=end + timedelta(hours=1))
    _supervisors_amend(result, rng, end + timedelta(hours=2))
    _after_hours(result, rng)
    return result


def customers_not_pursued(db: Database) -> list[int]:
    with db.session() as s:
        return list(s.scalars(select(Customer.id).where(Customer.segment == "do_not_pursue")))
