"""Queue benchmarks (issue 5), on demand: ``pytest -m benchmark tests/benchmarks``.

Sizes come from the environment so a quick run is possible:
``WINBACK_BENCH_ROWS`` (default 1,000,000 customers = tasks),
``WINBACK_BENCH_CLAIMS`` (default 5,000 SQLite claims),
``WINBACK_BENCH_SECONDS`` (default 60 s of PostgreSQL claiming).
Every test prints its figures on one ``BENCH`` line.
"""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import statistics
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.benchmarks.queue_data import NOW, build_postgres, build_sqlite
from winback_desktop.db.session import Database
from winback_desktop.services import queue, sltv_service
from winback_desktop.services.context import Actor

pytestmark = [pytest.mark.benchmark, pytest.mark.timeout(3600)]

ROWS = int(os.environ.get("WINBACK_BENCH_ROWS", "1000000"))
CLAIMS = int(os.environ.get("WINBACK_BENCH_CLAIMS", "5000"))
SECONDS = float(os.environ.get("WINBACK_BENCH_SECONDS", "60"))


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))] * 1000


@pytest.fixture(scope="module")
def big_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple]:
    path = tmp_path_factory.mktemp("bench") / "queue.sqlite3"
    t0 = time.perf_counter()
    db, actors, campaign_id = build_sqlite(path, ROWS)
    print(f"\nBENCH sqlite build: {ROWS:,} customers + tasks in {time.perf_counter() - t0:.1f} s")
    yield db, actors, campaign_id, path
    db.dispose()


def _bare_claims(path: Path, campaign_id: int, agent_id: int, n: int) -> list[float]:
    """The floor: one raw sqlite3 connection, BEGIN IMMEDIATE, one UPDATE … RETURNING."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    sql = ("UPDATE call_tasks SET status='claimed', claimed_by=?, claimed_at=?, "
           "lease_expires_at=? WHERE id = (SELECT id FROM call_tasks WHERE campaign_id=? AND "
           "status='queued' ORDER BY sltv_minor DESC, defection_date DESC, id DESC LIMIT 1) "
           "RETURNING id, customer_id")
    stamp = NOW.replace(tzinfo=None).isoformat(sep=" ")
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(sql, (agent_id, stamp, stamp, campaign_id)).fetchone()
        conn.execute("COMMIT")
        times.append(time.perf_counter() - t0)
    conn.close()
    return times


def _timed_claims(db: Database, agent: Actor, campaign_id: int, n: int) -> tuple[list[float], list]:
    """Seconds per ``claim_next_task`` call, and the tasks claimed (each must exist)."""
    times, tasks = [], []
    for _ in range(n):
        t0 = time.perf_counter()
        task = queue.claim_next_task(db, agent, campaign_id, now=NOW)
        times.append(time.perf_counter() - t0)
        assert task is not None
        tasks.append(task)
    return times, tasks


def test_sqlite_claim_latency_1m(big_sqlite) -> None:
    db, actors, campaign_id, path = big_sqlite
    agent = actors[0]
    for _ in range(50):  # warm caches, compile statements, compute the zone set
        queue.claim_next_task(db, agent, campaign_id, now=NOW)
    times, tasks = _timed_claims(db, agent, campaign_id, CLAIMS)
    assert len({t.task_id for t in tasks}) == CLAIMS
    bare = _bare_claims(path, campaign_id, actors[1].user_id or 0, CLAIMS)
    p50, p99 = _pct(times, 0.50), _pct(times, 0.99)
    b50, b99 = _pct(bare, 0.50), _pct(bare, 0.99)
    print(f"\nBENCH sqlite claim_next_task ({ROWS:,} tasks, {CLAIMS:,} claims): "
          f"p50 {p50:.3f} ms, p99 {p99:.3f} ms, mean {statistics.mean(times) * 1000:.3f} ms; "
          f"bare sqlite3 claim p50 {b50:.3f} ms, p99 {b99:.3f} ms; "
          f"ratio p50 {p50 / b50:.1f}x")
    # DESIGN §10 (5 ms), or the machine's own noise floor when it is busy: p99 is set by
    # the scheduler then, as the bare claim's p99 in the same run shows.
    assert p99 <= max(5.0, 2.5 * b99)
    assert p50 <= max(1.0, 10 * b50)


def _trainee(db: Database, actors: list[Actor]) -> Actor:
    """actors[2] as a trainee (no tier A) speaking zh only (each test that needs one sets
    it, so a test runs alone as well as after the others)."""
    from winback_desktop.services import users

    with db.session() as s:
        admin = Actor.of(users.get_user(s, "admin"))
        users.update_user(s, admin, actors[2].user_id or 0, seniority="trainee",
                          languages=["zh"])
    return actors[2]


def test_sqlite_claim_latency_trainee_skips_top_tier(big_sqlite) -> None:
    """A trainee (no tier A) starts the scan below tier A instead of skipping it."""
    db, actors, campaign_id, _path = big_sqlite
    trainee = _trainee(db, actors)
    times, tasks = _timed_claims(db, trainee, campaign_id, min(CLAIMS, 2000))
    assert all(t.sltv_tier != "A" for t in tasks)
    print(f"\nBENCH sqlite claim, trainee (no tier A) speaking zh only: p50 {_pct(times, .5):.3f} ms, "
          f"p99 {_pct(times, .99):.3f} ms")


def test_sqlite_claim_latency_with_tasks_in_their_retry_gap(big_sqlite) -> None:
    """The best 2,000 tasks of every zone were called an hour ago and nobody answered:
    they wait out their retry gap, and claims must not step over them one by one."""
    db, actors, campaign_id, path = big_sqlite
    waiting = 2000
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "UPDATE call_tasks SET attempts = 1, next_eligible_at = ? WHERE id IN (SELECT id "
            "FROM (SELECT id, row_number() OVER (PARTITION BY timezone ORDER BY sltv_minor "
            "DESC, defection_date DESC, id DESC) AS n FROM call_tasks WHERE status = 'queued' "
            "AND segment <> 'do_not_pursue') WHERE n <= ?)",
            ((NOW + timedelta(hours=1)).replace(tzinfo=None).isoformat(" ", "microseconds"),
             waiting))
    conn.close()
    agent = actors[3]
    times, _tasks = _timed_claims(db, agent, campaign_id, min(CLAIMS, 2000))
    p50, p99 = _pct(times, 0.50), _pct(times, 0.99)
    print(f"\nBENCH sqlite claim, {waiting:,} tasks per zone in their retry gap: "
          f"p50 {p50:.3f} ms, p99 {p99:.3f} ms")
    assert p99 <= 5.0


#: expected values as a learned P(win) by reason would give them (service failures come
#: back most, price buyers least), so the expected-value index order differs from SLTV's
_EV_SQL = (
    "UPDATE call_tasks SET p_win = (CASE defection_reason WHEN 'pushed_unintentional' "
    "THEN 0.30 WHEN 'pulled_away' THEN 0.15 WHEN 'moved_away' THEN 0.08 WHEN 'bought_away' "
    "THEN 0.03 ELSE 0.10 END), expected_value_minor = sltv_minor * (CASE defection_reason "
    "WHEN 'pushed_unintentional' THEN 30 WHEN 'pulled_away' THEN 15 WHEN 'moved_away' THEN 8 "
    "WHEN 'bought_away' THEN 3 ELSE 10 END) / 100 - 2000")


def _order_by_expected_value(db: Database, campaign_id: int) -> None:
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE campaigns SET queue_order = 'expected_value' WHERE id = :c"),
                     {"c": campaign_id})
        conn.exec_driver_sql(_EV_SQL)


def test_sqlite_claim_latency_expected_value_order(big_sqlite) -> None:
    """The same claims with the campaign ordered by expected value (its own index)."""
    db, actors, campaign_id, path = big_sqlite
    _order_by_expected_value(db, campaign_id)
    agent, trainee = actors[4], _trainee(db, actors)
    for _ in range(50):
        queue.claim_next_task(db, agent, campaign_id, now=NOW)
    times, tasks = _timed_claims(db, agent, campaign_id, CLAIMS)
    values = [t.task_id for t in tasks]
    assert len(set(values)) == CLAIMS
    trainee_times, trainee_tasks = _timed_claims(db, trainee, campaign_id, min(CLAIMS, 2000))
    assert all(t.sltv_tier != "A" for t in trainee_tasks)
    bare = _bare_claims(path, campaign_id, actors[5].user_id or 0, CLAIMS)
    p50, p99 = _pct(times, 0.50), _pct(times, 0.99)
    b50, b99 = _pct(bare, 0.50), _pct(bare, 0.99)
    print(f"\nBENCH sqlite claim_next_task, expected-value order ({ROWS:,} tasks, "
          f"{CLAIMS:,} claims): p50 {p50:.3f} ms, p99 {p99:.3f} ms, mean "
          f"{statistics.mean(times) * 1000:.3f} ms; trainee p50 {_pct(trainee_times, .5):.3f} ms, "
          f"p99 {_pct(trainee_times, .99):.3f} ms; bare sqlite3 claim p50 {b50:.3f} ms, "
          f"p99 {b99:.3f} ms")
    with db.engine.connect() as conn:
        claimed = conn.execute(text(
            "SELECT avg(expected_value_minor) FROM call_tasks WHERE id IN (SELECT value FROM "
            "json_each(:ids))"), {"ids": str(values[:500])}).scalar_one()
        waiting = conn.execute(text(
            "SELECT avg(expected_value_minor) FROM call_tasks WHERE status = 'queued'")
        ).scalar_one()
    # claims came in expected-value order: the first ones carry far larger values
    assert claimed > 5 * waiting
    assert p99 <= max(5.0, 2.5 * b99)
    assert p50 <= max(1.0, 10 * b50)


def test_sqlite_sltv_recompute_1m(big_sqlite) -> None:
    db, _actors, _cid, _path = big_sqlite
    t0 = time.perf_counter()
    changed = sltv_service.recompute(db, Actor.system())
    elapsed = time.perf_counter() - t0
    print(f"\nBENCH sqlite sltv recompute: {ROWS:,} customers + {ROWS:,} tasks, "
          f"{changed:,} rows rewritten in {elapsed:.1f} s "
          f"({2 * ROWS / elapsed:,.0f} rows/s)")
    assert changed >= ROWS
    t0 = time.perf_counter()
    assert sltv_service.recompute(db, Actor.system()) == 0
    print(f"BENCH sqlite sltv recompute, nothing changed: {time.perf_counter() - t0:.1f} s")


# ------------------------------------------------------------------ PostgreSQL


@pytest.fixture(scope="module")
def big_pg() -> Iterator[tuple]:
    base = os.environ.get("WINBACK_TEST_PG_URL")
    if not base:
        pytest.skip("needs WINBACK_TEST_PG_URL")
    admin_url = make_url(base)
    name = f"winback_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = admin_url.set(database=name).render_as_string(hide_password=False)
    t0 = time.perf_counter()
    db, actors, campaign_id = build_postgres(url, ROWS)
    print(f"\nBENCH postgres build: {ROWS:,} customers + tasks in "
          f"{time.perf_counter() - t0:.1f} s")
    try:
        yield db, actors, campaign_id, url
    finally:
        db.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _ready(i: int) -> int:
    """Run once in every child before timing starts (imports done, process warm)."""
    time.sleep(0.5)
    return i


def _pg_worker(url: str, actor: Actor, campaign_id: int, seconds: float, start_at: float
               ) -> tuple[list[int], list[int]]:
    """Claim until the deadline; returns the task ids and claims per whole second."""
    db = Database(url)
    while time.time() < start_at:
        time.sleep(0.005)
    deadline = start_at + seconds
    ids: list[int] = []
    per_second = [0] * (int(seconds) + 1)
    now = NOW
    while (t := time.time()) < deadline:
        task = queue.claim_next_task(db, actor, campaign_id, now=now)
        if task is None:
            break
        ids.append(task.task_id)
        per_second[int(t - start_at)] += 1
    db.dispose()
    return ids, per_second


def _bare_pg_worker(url: str, agent_id: int, campaign_id: int, seconds: float,
                    start_at: float) -> int:
    import psycopg

    conn = psycopg.connect(make_url(url).set(drivername="postgresql").render_as_string(
        hide_password=False), autocommit=False)
    conn.execute("SET synchronous_commit = off")  # as the service does
    conn.commit()
    sql = ("UPDATE call_tasks SET status='claimed', claimed_by=%s, claimed_at=now() "
           "WHERE id = (SELECT id FROM call_tasks WHERE campaign_id=%s AND status='queued' "
           "ORDER BY sltv_minor DESC, defection_date DESC, id DESC LIMIT 1 "
           "FOR UPDATE SKIP LOCKED) RETURNING id")
    while time.time() < start_at:
        time.sleep(0.005)
    n = 0
    while time.time() < start_at + seconds:
        conn.execute(sql, (agent_id, campaign_id)).fetchone()
        conn.commit()
        n += 1
    conn.close()
    return n


def test_postgres_throughput_8_processes(big_pg) -> None:
    _throughput(big_pg, "SLTV order")


def test_postgres_throughput_8_processes_expected_value_order(big_pg) -> None:
    db, _actors, campaign_id, _url = big_pg
    _order_by_expected_value(db, campaign_id)
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM ANALYZE call_tasks")
    _throughput(big_pg, "expected-value order")


def _throughput(big_pg: tuple, label: str) -> None:
    db, actors, campaign_id, url = big_pg
    # claims an earlier test of the module left (the fixture is shared) are not this run's
    with db.engine.connect() as conn:
        held_before = conn.execute(text(
            "SELECT count(*) FROM call_tasks WHERE status='claimed'")).scalar_one()
    vacuums: list[float] = []
    upkeep = queue.QueueMaintenance(db, interval_s=5.0,
                                    on_vacuum=lambda: vacuums.append(time.time())).start()
    ctx = multiprocessing.get_context("spawn")
    try:
        with ctx.Pool(len(actors)) as pool:
            pool.map(_ready, range(len(actors)))
            start_at = time.time() + 2.0
            results = pool.starmap(_pg_worker, [(url, a, campaign_id, SECONDS, start_at)
                                                for a in actors])
    finally:
        upkeep.stop()
    all_ids = [i for ids, _ in results for i in ids]
    counts = Counter(all_ids)
    doubles = sum(1 for v in counts.values() if v > 1)
    per_second = [sum(ps[s] for _, ps in results) for s in range(int(SECONDS))]
    total = len(all_ids)
    rate = total / SECONDS
    window = max(1, int(SECONDS) // 6)
    first = statistics.mean(per_second[1:1 + window])
    last = statistics.mean(per_second[-window:])
    with db.engine.connect() as conn:
        in_db = conn.execute(text("SELECT count(*) FROM call_tasks WHERE status='claimed'")
                             ).scalar_one()
    print(f"\nBENCH postgres claim_next_task, {label}, 8 processes, {SECONDS:.0f} s, "
          f"{ROWS:,} tasks: "
          f"{total:,} claims = {rate:,.0f} claims/s; first {window} s {first:,.0f}/s, "
          f"last {window} s {last:,.0f}/s; double claims {doubles}; vacuums {len(vacuums)}; "
          f"per second: {per_second}", flush=True)
    # the floor: raw psycopg, same single statement, 8 processes, 10 s
    with ctx.Pool(len(actors)) as pool:
        pool.map(_ready, range(len(actors)))
        start_at = time.time() + 2.0
        bare = pool.starmap(_bare_pg_worker, [(url, a.user_id, campaign_id, 10.0, start_at)
                                              for a in actors])
    bare_rate = sum(bare) / 10.0
    print(f"BENCH postgres bare psycopg single statement, 8 processes, 10 s: "
          f"{bare_rate:,.0f} claims/s (service = {rate / bare_rate:.0%} of bare)")
    assert doubles == 0
    assert in_db - held_before == total
    assert last >= 0.7 * first  # no decay


def test_postgres_sltv_recompute(big_pg) -> None:
    db, _actors, _cid, _url = big_pg
    t0 = time.perf_counter()
    changed = sltv_service.recompute(db, Actor.system())
    elapsed = time.perf_counter() - t0
    print(f"\nBENCH postgres sltv recompute: {ROWS:,} customers + tasks, {changed:,} rows "
          f"rewritten in {elapsed:.1f} s")
    assert changed >= ROWS


