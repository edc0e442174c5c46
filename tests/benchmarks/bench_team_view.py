"""Team view for 200 agents over 2M calls (issue 9): target ≤ 0.3 s on both engines.

Run on demand:  python -m pytest tests/benchmarks/bench_team_view.py -m benchmark -s
Sizes shrink with WINBACK_BENCH_CALLS (default 2,000,000).

Measured in the same run: a bare GROUP BY over the same 30-day window (the baseline the
issue names), the team view computed live from calls, and the team view read from the
daily roll-ups (closed days) plus today's live calls.
"""

from __future__ import annotations

import os
import random
import statistics
import time
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import text

from winback_desktop.core import metrics
from winback_desktop.db.session import Database
from winback_desktop.services import scorecards
from winback_desktop.services.context import Actor

pytestmark = pytest.mark.benchmark

N_CALLS = int(os.environ.get("WINBACK_BENCH_CALLS", "2000000"))
N_AGENTS = 200
N_DAYS = 60
TODAY = date(2026, 11, 20)


def _fill(db: Database) -> None:
    rng = random.Random(7)
    start = datetime.combine(TODAY - timedelta(days=N_DAYS), datetime.min.time(), tzinfo=UTC)
    with db.engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO users (login, display_name, role, password_hash, password_changed_at, "
            "failed_logins, active, seniority, created_at, updated_at) VALUES "
            "(:l, :l, 'agent', 'x', :t, 0, true, 'senior', :t, :t)"),
            [{"l": f"agent{i:03d}", "t": start} for i in range(N_AGENTS)])
        conn.execute(text(
            "INSERT INTO customers (name, status, defection_reason, currency, timezone, "
            "preferred_language, do_not_call, version_id, sltv_minor, created_at, updated_at) "
            "VALUES ('c', 'lost', 'unknown', 'CNY', 'Asia/Shanghai', 'zh', false, 1, :s, :t, :t)"),
            [{"s": rng.randint(0, 9_000_000), "t": start} for _ in range(20_000)])
        agent_ids = [r[0] for r in conn.execute(text("SELECT id FROM users"))]
        disps = ["no_answer"] * 5 + ["not_interested"] * 3 + ["won_back", "wrong_number"]
        batch = []
        span = N_DAYS * 86400
        for i in range(N_CALLS):
            t0 = start + timedelta(seconds=span * i / N_CALLS)
            d = rng.choice(disps)
            answered = d not in ("no_answer",)
            batch.append({
                "c": rng.randint(1, 20_000), "a": rng.choice(agent_ids), "s": t0,
                "an": t0 + timedelta(seconds=8) if answered else None,
                "e": t0 + timedelta(seconds=200 if answered else 20),
                "w": t0 + timedelta(seconds=260 if answered else 40), "d": d,
            })
            if len(batch) == 50_000:
                conn.execute(text(
                    "INSERT INTO calls (customer_id, agent_id, started_at, answered_at, ended_at, "
                    "wrapup_ended_at, disposition, flagged_for_review) "
                    "VALUES (:c, :a, :s, :an, :e, :w, :d, false)"), batch)
                batch = []
        if batch:
            conn.execute(text(
                "INSERT INTO calls (customer_id, agent_id, started_at, answered_at, ended_at, "
                "wrapup_ended_at, disposition, flagged_for_review) "
                "VALUES (:c, :a, :s, :an, :e, :w, :d, false)"), batch)
    if db.backend == "postgresql":
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE calls"))
    else:
        with db.engine.begin() as conn:
            conn.execute(text("ANALYZE"))


def _best(fn, repeat: int = 5) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times), statistics.median(times)  # type: ignore[return-value]


def test_team_view_200_agents(db: Database) -> None:
    t = time.perf_counter()
    _fill(db)
    print(f"\n[{db.backend}] filled {N_CALLS:,} calls in {time.perf_counter() - t:.1f} s")
    period = metrics.Period(TODAY - timedelta(days=29), TODAY + timedelta(days=1), "30d")
    lo = datetime.combine(period.start, datetime.min.time(), tzinfo=UTC)
    hi = datetime.combine(period.end, datetime.min.time(), tzinfo=UTC)
    params = {"lo": lo, "hi": hi} if db.backend == "postgresql" else {
        "lo": lo.replace(tzinfo=None).isoformat(" "), "hi": hi.replace(tzinfo=None).isoformat(" ")}

    def bare() -> None:
        with db.engine.connect() as conn:
            conn.execute(text("SELECT agent_id, count(*) FROM calls WHERE started_at >= :lo "
                              "AND started_at < :hi GROUP BY agent_id"), params).all()

    admin = Actor.system()

    def live() -> None:
        with db.session() as s:
            scorecards.team_view(s, admin, period, with_trend=False, with_burnout=False,
                                 today=TODAY + timedelta(days=5))

    def rolled() -> None:
        with db.session() as s:
            scorecards.team_view(s, admin, period, with_trend=True, with_burnout=False,
                                 today=TODAY)

    base_best, base_med = _best(bare)
    live_best, live_med = _best(live, 3)
    t = time.perf_counter()
    with db.session() as s:
        days = scorecards.refresh_rollups(s, today=TODAY)
    refresh = time.perf_counter() - t
    t = time.perf_counter()
    with db.session() as s:
        scorecards.refresh_rollups(s, today=TODAY)
    refresh_again = time.perf_counter() - t
    roll_best, roll_med = _best(rolled)
    print(f"[{db.backend}] bare GROUP BY 30d: {base_best * 1000:.0f} ms (median "
          f"{base_med * 1000:.0f})")
    print(f"[{db.backend}] team view live:     {live_best * 1000:.0f} ms (median "
          f"{live_med * 1000:.0f}), ratio {live_best / base_best:.2f}")
    print(f"[{db.backend}] roll-up build {days} days: {refresh:.1f} s; incremental refresh "
          f"{refresh_again * 1000:.0f} ms")
    print(f"[{db.backend}] team view roll-ups: {roll_best * 1000:.0f} ms (median "
          f"{roll_med * 1000:.0f}), ratio {roll_best / base_best:.2f}")
    assert roll_best <= 0.3
