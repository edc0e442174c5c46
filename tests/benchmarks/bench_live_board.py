"""Live board refresh for 200 agents over 1M calls (issue 8): target ≤ 50 ms.

Run on demand:  python -m pytest tests/benchmarks/bench_live_board.py -m benchmark -s
WINBACK_BENCH_CALLS shrinks the call table (default 1,000,000).
"""

from __future__ import annotations

import os
import random
import statistics
import time
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from winback_desktop.db.session import Database
from winback_desktop.services import monitoring
from winback_desktop.services.context import Actor

pytestmark = pytest.mark.benchmark
N_CALLS = int(os.environ.get("WINBACK_BENCH_CALLS", "1000000"))
N_AGENTS = 200


def _fill(db: Database) -> None:
    rng = random.Random(3)
    now = datetime.now(UTC)
    with db.engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO users (login, display_name, role, password_hash, password_changed_at, "
            "failed_logins, active, seniority, created_at, updated_at) VALUES "
            "(:l, :l, 'agent', 'x', :t, 0, true, 'senior', :t, :t)"),
            [{"l": f"agent{i:03d}", "t": now} for i in range(N_AGENTS)])
        conn.execute(text("INSERT INTO campaigns (name, kind, status, window_start, window_end, "
                          "max_attempts, retry_gap_minutes, lease_minutes, created_at, "
                          "updated_at) VALUES ('c', 'win_back', 'running', '00:00:00', "
                          "'23:59:59', 5, 60, 15, :t, :t)"), {"t": now})
        conn.execute(text(
            "INSERT INTO customers (name, status, defection_reason, currency, timezone, "
            "preferred_language, do_not_call, version_id, sltv_minor, created_at, updated_at) "
            "VALUES ('c', 'lost', 'unknown', 'CNY', 'Asia/Shanghai', 'zh', false, 1, :s, :t, :t)"),
            [{"s": rng.randint(0, 9_000_000), "t": now} for _ in range(20_000)])
        agents = [r[0] for r in conn.execute(text("SELECT id FROM users"))]
        batch = []
        for i in range(N_CALLS):
            t0 = now - timedelta(seconds=60 * 86400 * (N_CALLS - i) / N_CALLS)
            batch.append({"c": rng.randint(1, 20_000), "a": rng.choice(agents), "s": t0})
            if len(batch) == 50_000 or i == N_CALLS - 1:
                conn.execute(text("INSERT INTO calls (customer_id, agent_id, started_at, "
                                  "flagged_for_review) VALUES (:c, :a, :s, false)"), batch)
                batch = []
        last = conn.execute(text("SELECT max(id) FROM calls")).scalar()
        states = ["ready", "on_call", "wrap_up", "break"]
        conn.execute(text(
            "INSERT INTO agent_presence (user_id, state, since, heartbeat_at, campaign_id, "
            "current_customer_id, current_call_id, script_step) VALUES "
            "(:u, :s, :t, :t, 1, :c, :call, 'q2')"),
            [{"u": a, "s": states[i % 4], "t": now, "c": rng.randint(1, 20_000),
              "call": last - i} for i, a in enumerate(agents)])
    if db.backend == "postgresql":
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))


def test_board_refresh(db: Database) -> None:
    t = time.perf_counter()
    _fill(db)
    print(f"\n[{db.backend}] filled {N_CALLS:,} calls in {time.perf_counter() - t:.1f} s")
    actor = Actor.system()

    def bare() -> None:
        with db.engine.connect() as conn:
            conn.execute(text("SELECT * FROM agent_presence")).all()

    def board() -> None:
        with db.session() as s:
            b = monitoring.live_board(s, actor)
            assert len(b.tiles) == N_AGENTS

    for fn in (bare, board):
        fn()
    bare_t = [0.0] * 20
    board_t = [0.0] * 20
    for i in range(20):
        t = time.perf_counter()
        bare()
        bare_t[i] = time.perf_counter() - t
        t = time.perf_counter()
        board()
        board_t[i] = time.perf_counter() - t
    med = statistics.median(board_t) * 1000
    print(f"[{db.backend}] bare presence read: {statistics.median(bare_t) * 1000:.1f} ms; "
          f"live board: median {med:.1f} ms, max {max(board_t) * 1000:.1f} ms")
    assert med <= 50
