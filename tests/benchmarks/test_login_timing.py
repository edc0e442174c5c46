"""Login answer times: unknown, inactive, wrong and locked logins against a wrong password
on a real account (the baseline of the same run). Equal times keep logins unlisted.

Run: .venv/bin/python -m pytest tests/benchmarks/test_login_timing.py -m benchmark -s
"""

from __future__ import annotations

import statistics
import time

import pytest

from winback_desktop.core.errors import WinbackError
from winback_desktop.db.types import utcnow
from winback_desktop.services import auth, users

ROUNDS = 30


@pytest.mark.benchmark
def test_every_failed_login_takes_the_time_of_a_wrong_password(db, admin) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        agent_id = users.add_user(s, admin, "agent1", "agent", "agent-pass-1").id
        users.add_user(s, admin, "gone", "agent", "gone-pass-1").active = False
    now = utcnow()
    for _ in range(5):
        with pytest.raises(WinbackError):
            auth.authenticate(db, "admin", "wrong-password", now=now)
    cases = {"wrong (baseline)": "agent1", "unknown": "nobody", "inactive": "gone",
             "locked": "admin"}
    times: dict[str, list[float]] = {name: [] for name in cases}
    for i in range(ROUNDS):  # interleaved so load changes hit every case alike
        for name, login in cases.items():
            if name.startswith("wrong") and i % 4 == 0:
                with db.session() as s:  # keep agent1 below the lock
                    users.unlock(s, admin, agent_id)
            started = time.perf_counter()
            with pytest.raises(WinbackError):
                auth.authenticate(db, login, "wrong-password", now=now)
            times[name].append(time.perf_counter() - started)
    base = statistics.median(times["wrong (baseline)"])
    for name, values in times.items():
        median = statistics.median(values)
        print(f"\n{db.backend} {name}: median {median * 1000:.1f} ms, {median / base:.2f}x")
        assert 0.8 <= median / base <= 1.25, name
