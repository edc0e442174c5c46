"""The queue (DESIGN §5) on both engines: eligibility, ordering, leases, DNC."""

from __future__ import annotations

import time as time_module
from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import select, text

from tests.services.queue_helpers import NOW, agent, campaign, customers
from winback_desktop.core.errors import PermissionDenied
from winback_desktop.db.models import AuditEntry, CallTask, Customer
from winback_desktop.services import calls, campaigns, queue
from winback_desktop.services.queue import LeaseLost, NotAssigned


def _drain(db, actor, now=NOW, campaign_id=None):  # type: ignore[no-untyped-def]
    got = []
    while (task := queue.claim_next_task(db, actor, campaign_id, now=now)) is not None:
        got.append(task)
    return got


def test_claim_returns_highest_sltv_then_most_recent_defection(db, admin) -> None:
    a = agent(db, admin, "a1")
    ids = customers(db, [
        {"sltv_minor": 500_000},
        {"sltv_minor": 9_000_000, "defection_date": date(2026, 1, 1)},
        {"sltv_minor": 9_000_000, "defection_date": date(2026, 9, 1)},
        {"sltv_minor": 2_000_000},
    ])
    campaign(db, admin, [a])
    order = [t.customer_id for t in _drain(db, a)]
    assert order == [ids[2], ids[1], ids[3], ids[0]]


def test_claimed_task_carries_customer_and_lease(db, admin) -> None:
    a = agent(db, admin, "a1")
    ids = customers(db, [{"name": "王伟", "external_id": "C1", "sltv_minor": 123,
                          "sltv_tier": "D", "defection_reason": "pulled_away"}])
    cid = campaign(db, admin, [a], lease_minutes=7)
    task = queue.claim_next_task(db, a, now=NOW)
    assert task is not None
    assert (task.customer_id, task.external_id, task.name, task.sltv_minor, task.sltv_tier,
            task.defection_reason, task.campaign_id, task.is_callback) == (
        ids[0], "C1", "王伟", 123, "D", "pulled_away", cid, False)
    assert task.lease_expires_at == NOW + timedelta(minutes=7)
    assert queue.claim_next_task(db, a, now=NOW) is None  # nobody is claimed twice


def test_calling_window_uses_each_customers_local_time(db, admin) -> None:
    a = agent(db, admin, "a1")
    sh, ny, ldn = customers(db, [{"timezone": "Asia/Shanghai"},
                                 {"timezone": "America/New_York"},
                                 {"timezone": "Europe/London"}])
    campaign(db, admin, [a])
    # 03:00 UTC: 11:00 Shanghai (open), 22:00 New York and 03:00 London (closed)
    assert [t.customer_id for t in _drain(db, a, NOW)] == [sh]
    # 14:00 UTC: 22:00 Shanghai (closed), 09:00 New York, 14:00 London (open)
    later = datetime(2026, 11, 20, 14, 0, tzinfo=UTC)
    assert sorted(t.customer_id for t in _drain(db, a, later)) == sorted([ny, ldn])


@pytest.mark.parametrize(("utc", "callable_"), [
    # before the spring-forward switch (8 March 2026) New York is UTC-5 ...
    (datetime(2026, 3, 6, 13, 30, tzinfo=UTC), False),  # 08:30 EST
    (datetime(2026, 3, 6, 14, 0, tzinfo=UTC), True),    # 09:00 EST
    # ... after it UTC-4: the same UTC clock is an hour later locally
    (datetime(2026, 3, 9, 13, 0, tzinfo=UTC), True),    # 09:00 EDT
    (datetime(2026, 3, 9, 12, 59, tzinfo=UTC), False),  # 08:59 EDT
    # back to UTC-5 on 1 November 2026
    (datetime(2026, 10, 30, 23, 59, tzinfo=UTC), True),  # 19:59 EDT
    (datetime(2026, 11, 2, 0, 0, tzinfo=UTC), True),     # 19:00 EST
    (datetime(2026, 11, 2, 1, 0, tzinfo=UTC), False),    # 20:00 EST: window closed
])
def test_calling_window_follows_daylight_saving(db, admin, utc, callable_) -> None:
    a = agent(db, admin, "a1")
    customers(db, [{"timezone": "America/New_York"}])
    campaign(db, admin, [a])
    assert (queue.claim_next_task(db, a, now=utc) is not None) is callable_


def test_overnight_window_spans_midnight(db, admin) -> None:
    a = agent(db, admin, "a1")
    customers(db, [{"timezone": "UTC"}])
    campaign(db, admin, [a], window_start=time(22, 0), window_end=time(2, 0))
    assert queue.claim_next_task(db, a, now=datetime(2026, 11, 20, 12, tzinfo=UTC)) is None
    assert queue.claim_next_task(db, a, now=datetime(2026, 11, 20, 1, tzinfo=UTC)) is not None


def test_dnc_do_not_pursue_and_exhausted_are_never_claimed(db, admin) -> None:
    a = agent(db, admin, "a1")
    ok, dnc, dnp, tired = customers(db, [{}, {"do_not_call": True},
                                        {"segment": "do_not_pursue",
                                         "defection_reason": "pushed_intentional"}, {}])
    cid = campaign(db, admin, [a], max_attempts=3)
    with db.session() as s:
        s.execute(CallTask.__table__.update().where(CallTask.customer_id == tired)
                  .values(attempts=3))
    assert [t.customer_id for t in _drain(db, a)] == [ok]
    with db.session() as s:
        status = s.scalar(select(CallTask.status).where(CallTask.customer_id == dnc,
                                                         CallTask.campaign_id == cid))
    assert status == "do_not_call"
    with db.session() as s:
        assert s.scalar(select(CallTask.status).where(CallTask.customer_id == dnp)) == \
            "not_pursued"


def test_retry_gap_keeps_task_back_until_due(db, admin) -> None:
    a = agent(db, admin, "a1")
    customers(db, [{}])
    campaign(db, admin, [a], retry_gap_minutes=120)
    task = queue.claim_next_task(db, a, now=NOW)
    assert task is not None
    calls.log_call(db, a, task.task_id, "no_answer", now=NOW)
    assert queue.claim_next_task(db, a, now=NOW + timedelta(minutes=119)) is None
    again = queue.claim_next_task(db, a, now=NOW + timedelta(minutes=120))
    assert again is not None and again.task_id == task.task_id


def test_skills_tiers_reasons_and_languages(db, admin) -> None:
    trainee = agent(db, admin, "trainee", seniority="trainee", skill_tiers=["A", "B", "C"])
    senior_b = agent(db, admin, "seniorb", skill_tiers=["B"])
    english = agent(db, admin, "english", languages=["en"], skill_reasons=["pulled_away"])
    everyone = agent(db, admin, "everyone")
    ids = customers(db, [
        {"sltv_minor": 9_000_000, "sltv_tier": "A"},
        {"sltv_minor": 3_000_000, "sltv_tier": "B"},
        {"sltv_minor": 600_000, "sltv_tier": "C", "preferred_language": "en",
         "defection_reason": "pulled_away"},
        {"sltv_minor": 700_000, "sltv_tier": "C", "preferred_language": "en"},
    ])
    campaign(db, admin, [trainee, senior_b, english, everyone])
    # a trainee never gets tier A, even when listing it
    t = queue.claim_next_task(db, trainee, now=NOW)
    assert t is not None and t.customer_id == ids[1]
    assert queue.claim_next_task(db, senior_b, now=NOW) is None  # only B, already taken
    e = queue.claim_next_task(db, english, now=NOW)
    assert e is not None and e.customer_id == ids[2]
    rest = [x.customer_id for x in _drain(db, everyone)]
    assert rest == [ids[0], ids[3]]  # a senior with no skills set works everything


def test_callbacks_come_first_own_before_team(db, admin) -> None:
    a = agent(db, admin, "a1")
    b = agent(db, admin, "b1")
    big, team_cb, own_cb, later_cb = customers(db, [
        {"sltv_minor": 99_000_000, "sltv_tier": "A"}, {"sltv_minor": 10}, {"sltv_minor": 20},
        {"sltv_minor": 30}])
    campaign(db, admin, [a, b])
    held = {t.customer_id: t for t in _drain(db, a)}
    due = NOW + timedelta(hours=1)
    calls.log_call(db, a, held[team_cb].task_id, "callback", callback_at=due - timedelta(
        minutes=30), team_callback=True, now=NOW)
    calls.log_call(db, a, held[own_cb].task_id, "callback", callback_at=due, now=NOW)
    calls.log_call(db, a, held[later_cb].task_id, "callback",
                   callback_at=due + timedelta(hours=5), now=NOW)
    queue.release_task(db, a, held[big].task_id, now=NOW)
    # b cannot take a's personal callback, but takes the team one before the big SLTV
    first_b = queue.claim_next_task(db, b, now=due)
    assert first_b is not None and first_b.customer_id == team_cb and first_b.is_callback
    first_a = queue.claim_next_task(db, a, now=due)
    assert first_a is not None and first_a.customer_id == own_cb and first_a.is_callback
    nxt = queue.claim_next_task(db, a, now=due)
    assert nxt is not None and nxt.customer_id == big  # later callback not due yet


def test_unassigned_agent_and_paused_campaign(db, admin) -> None:
    a = agent(db, admin, "a1")
    outsider = agent(db, admin, "outsider")
    customers(db, [{}])
    cid = campaign(db, admin, [a])
    with pytest.raises(NotAssigned):
        queue.claim_next_task(db, outsider, cid, now=NOW)
    assert queue.claim_next_task(db, outsider, now=NOW) is None
    with db.session() as s:
        campaigns.pause_campaign(s, admin, cid)
    assert queue.claim_next_task(db, a, cid, now=NOW) is None


def test_expired_lease_returns_task_of_crashed_agent(db, admin) -> None:
    crashed = agent(db, admin, "crashed")
    other = agent(db, admin, "other")
    customers(db, [{}])
    campaign(db, admin, [crashed, other], lease_minutes=15)
    task = queue.claim_next_task(db, crashed, now=NOW)
    assert task is not None
    assert queue.claim_next_task(db, other, now=NOW + timedelta(minutes=14)) is None
    # the crashed PC never renews: after the lease the task comes back by itself
    back = queue.claim_next_task(db, other, now=NOW + timedelta(minutes=16))
    assert back is not None and back.task_id == task.task_id
    with pytest.raises(LeaseLost):
        queue.renew_lease(db, crashed, task.task_id, now=NOW + timedelta(minutes=17))


def test_renew_lease_keeps_task(db, admin) -> None:
    a = agent(db, admin, "a1")
    b = agent(db, admin, "b1")
    customers(db, [{}])
    campaign(db, admin, [a, b], lease_minutes=15)
    task = queue.claim_next_task(db, a, now=NOW)
    assert task is not None
    lease = queue.renew_lease(db, a, task.task_id, now=NOW + timedelta(minutes=10))
    assert lease == NOW + timedelta(minutes=25)
    assert queue.expire_leases(db, NOW + timedelta(minutes=20)) == 0
    assert queue.claim_next_task(db, b, now=NOW + timedelta(minutes=20)) is None
    assert queue.expire_leases(db, NOW + timedelta(minutes=26)) == 1


def test_release_returns_task_without_an_attempt(db, admin) -> None:
    a = agent(db, admin, "a1")
    b = agent(db, admin, "b1")
    customers(db, [{}])
    campaign(db, admin, [a, b])
    task = queue.claim_next_task(db, a, now=NOW)
    assert task is not None
    with pytest.raises(PermissionDenied):
        queue.release_task(db, b, task.task_id, now=NOW)
    queue.release_task(db, a, task.task_id, now=NOW)
    again = queue.claim_next_task(db, b, now=NOW)
    assert again is not None and again.task_id == task.task_id
    with db.session() as s:
        t = s.get(CallTask, task.task_id)
        assert t is not None and t.attempts == 0
        assert s.scalar(select(AuditEntry.action).where(AuditEntry.action == "task_released"))


def test_do_not_call_closes_every_task_of_the_customer(db, admin) -> None:
    a = agent(db, admin, "a1")
    cust, other = customers(db, [{}, {"sltv_minor": 1}])
    c1 = campaign(db, admin, [a], name="one")
    c2 = campaign(db, admin, [a], name="two")
    task = queue.claim_next_task(db, a, c1, now=NOW)
    assert task is not None and task.customer_id == cust
    call = calls.start_call(db, a, task.task_id, now=NOW)
    calls.end_call(db, a, call, now=NOW + timedelta(minutes=1))
    calls.finish_call(db, a, call, "do_not_call", notes="asked us to stop",
                      now=NOW + timedelta(minutes=2))
    with db.session() as s:
        assert s.get(Customer, cust).do_not_call  # type: ignore[union-attr]
        statuses = set(s.scalars(select(CallTask.status).where(CallTask.customer_id == cust)))
    assert statuses == {"do_not_call"}
    # neither campaign hands the customer out again
    rest = [t.customer_id for t in _drain(db, a, NOW + timedelta(days=1))]
    assert rest == [other, other] and c2


def test_list_queue_agent_sees_only_own(db, admin) -> None:
    a = agent(db, admin, "a1")
    customers(db, [{}, {}, {}])
    campaign(db, admin, [a])
    task = queue.claim_next_task(db, a, now=NOW)
    assert task is not None
    with db.session() as s:
        mine = queue.list_queue(s, a)
        everything = queue.list_queue(s, admin)
    assert [r.task_id for r in mine] == [task.task_id]
    assert len(everything) == 3 and everything[0].status == "claimed"


def test_claims_follow_every_configuration_change_at_once(db, admin) -> None:
    """A claim never runs on an agent's or a campaign's old settings, even though a
    workstation keeps them between claims (PostgreSQL)."""
    from winback_desktop.core.errors import PermissionDenied as Denied
    from winback_desktop.services import users

    a = agent(db, admin, "a1")
    en_top, zh4, zh3, zh2, zh1 = customers(db, [
        {"sltv_minor": 9_000_000, "sltv_tier": "A", "preferred_language": "en"},
        {"sltv_minor": 400, "sltv_tier": "D"}, {"sltv_minor": 300, "sltv_tier": "D"},
        {"sltv_minor": 200, "sltv_tier": "D"}, {"sltv_minor": 100, "sltv_tier": "D"}])
    cid = campaign(db, admin, [a], lease_minutes=15)

    def claim():  # type: ignore[no-untyped-def]
        return queue.claim_next_task(db, a, cid, now=NOW)

    def change_user(**kw):  # type: ignore[no-untyped-def]
        with db.session() as s:
            users.update_user(s, admin, a.user_id, **kw)

    def change_campaign(**kw):  # type: ignore[no-untyped-def]
        with db.session() as s:
            campaigns.update_campaign(s, admin, cid, **kw)

    first = claim()
    assert first is not None and first.customer_id == en_top
    queue.release_task(db, a, first.task_id, now=NOW)
    change_user(languages=["zh"])
    got = claim()
    assert got is not None and got.customer_id == zh4
    change_user(languages=["en"])
    got = claim()
    assert got is not None and got.customer_id == en_top
    queue.release_task(db, a, got.task_id, now=NOW)
    change_user(languages=["zh"], seniority="trainee")
    change_campaign(lease_minutes=7)
    got = claim()
    assert got is not None and got.customer_id == zh3
    assert got.lease_expires_at == NOW + timedelta(minutes=7)
    with db.session() as s:
        s.execute(CallTask.__table__.update().where(CallTask.customer_id.in_([zh2, zh1]))
                  .values(attempts=1))
    change_campaign(max_attempts=1)
    assert claim() is None
    change_campaign(max_attempts=2, window_start=time(12, 0))  # 11:00 in Shanghai
    assert claim() is None
    change_campaign(window_start=time(9, 0))
    got = claim()
    assert got is not None and got.customer_id == zh2
    with db.session() as s:
        campaigns.pause_campaign(s, admin, cid)
    assert claim() is None
    with db.session() as s:
        campaigns.start_campaign(s, admin, cid, now=NOW)
    got = claim()
    assert got is not None and got.customer_id == zh1
    queue.release_task(db, a, got.task_id, now=NOW)
    with db.session() as s:
        campaigns.assign_agents(s, admin, cid, [])
    with pytest.raises(NotAssigned):
        claim()
    assert queue.claim_next_task(db, a, now=NOW) is None
    with db.session() as s:
        campaigns.assign_agents(s, admin, cid, [a.user_id])
    got = claim()
    assert got is not None and got.customer_id == zh1
    change_user(active=False)
    with pytest.raises(Denied):
        claim()


def test_claims_across_campaigns_see_a_newly_started_campaign(db, admin) -> None:
    a = agent(db, admin, "a1")
    low, high = customers(db, [{"sltv_minor": 100, "sltv_tier": "D"},
                               {"sltv_minor": 3_000_000, "sltv_tier": "B"}])
    first = campaign(db, admin, [a], name="first",
                     customer_filter={"tier": ["D"]})
    got = queue.claim_next_task(db, a, now=NOW)
    assert got is not None and got.customer_id == low and got.campaign_id == first
    second = campaign(db, admin, [a], name="second")
    got = queue.claim_next_task(db, a, now=NOW)
    assert got is not None and got.customer_id == high and got.campaign_id == second


def test_trainee_claims_follow_new_tier_bounds(db, admin) -> None:
    """The scan of an agent barred from tier A starts below A's bound; a new bound
    applies to the very next claim."""
    trainee = agent(db, admin, "trainee", seniority="trainee")
    mid, low = customers(db, [{"sltv_minor": 5_500_000, "sltv_tier": "A"},
                              {"sltv_minor": 1_000_000, "sltv_tier": "C"}, ])
    campaign(db, admin, [trainee])
    assert queue.claim_next_task(db, trainee, now=NOW).customer_id == low  # type: ignore[union-attr]
    with db.session() as s:
        s.execute(text("UPDATE sltv_tiers SET min_sltv_minor = 6000000 WHERE tier = 'A'"))
        s.execute(CallTask.__table__.update().where(CallTask.customer_id == mid)
                  .values(sltv_tier="B"))
    got = queue.claim_next_task(db, trainee, now=NOW)
    assert got is not None and got.customer_id == mid


def test_task_back_from_its_retry_gap_is_claimed_in_sltv_order(db, admin) -> None:
    a = agent(db, admin, "a1")
    big, small = customers(db, [{"sltv_minor": 9_000_000, "sltv_tier": "A"},
                                {"sltv_minor": 100, "sltv_tier": "D"}])
    campaign(db, admin, [a], retry_gap_minutes=60)
    first = queue.claim_next_task(db, a, now=NOW)
    assert first is not None and first.customer_id == big
    calls.log_call(db, a, first.task_id, "no_answer", now=NOW)
    waiting = queue.claim_next_task(db, a, now=NOW + timedelta(minutes=1))
    assert waiting is not None and waiting.customer_id == small
    queue.release_task(db, a, waiting.task_id, now=NOW + timedelta(minutes=1))
    assert queue.claim_next_task(db, a, now=NOW + timedelta(minutes=59)).customer_id == small  # type: ignore[union-attr]
    queue.release_task(db, a, waiting.task_id, now=NOW + timedelta(minutes=59))
    back = queue.claim_next_task(db, a, now=NOW + timedelta(minutes=60))
    assert back is not None and back.task_id == first.task_id  # before the smaller one
    with db.session() as s:
        t = s.get(CallTask, first.task_id)
        assert t is not None and t.attempts == 1 and t.next_eligible_at is None
        other = s.get(CallTask, waiting.task_id)
        assert other is not None and other.status == "queued"


def test_many_tasks_in_their_retry_gap_are_skipped(db, admin) -> None:
    a = agent(db, admin, "a1")
    ids = customers(db, [{"sltv_minor": 1_000_000 - n, "sltv_tier": "C"} for n in range(30)])
    cid = campaign(db, admin, [a], retry_gap_minutes=120, lease_minutes=240)
    with db.session() as s:  # the 25 best were called an hour ago, nobody answered
        s.execute(CallTask.__table__.update()
                  .where(CallTask.campaign_id == cid, CallTask.customer_id.in_(ids[:25]))
                  .values(attempts=1, next_eligible_at=NOW + timedelta(hours=1)))
    assert [t.customer_id for t in _drain(db, a)] == ids[25:]
    later = [t.customer_id for t in _drain(db, a, NOW + timedelta(hours=1))]
    assert later == ids[:25]


def test_claim_connections_close_with_the_database(db, admin) -> None:
    a = agent(db, admin, "a1")
    customers(db, [{}, {}])
    campaign(db, admin, [a])

    def claim_connections() -> int:
        if db.backend != "postgresql":
            return 0
        with db.session() as s:
            return int(s.scalar(text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND application_name = 'winback-desktop-queue'")) or 0)

    assert queue.claim_next_task(db, a, now=NOW) is not None
    assert claim_connections() == (1 if db.backend == "postgresql" else 0)
    db.engine.dispose()
    deadline = time_module.monotonic() + 5  # the server's backend exits a moment later
    while claim_connections() and time_module.monotonic() < deadline:
        time_module.sleep(0.05)
    assert claim_connections() == 0
    assert queue.claim_next_task(db, a, now=NOW) is not None  # connects again
