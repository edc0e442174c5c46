"""Lost updates under parallel attempts (issue 15): 40 threads on SQLite and PostgreSQL.

Threads share nothing but the database file/server; each opens its own engine, as
separate workstations would.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from sqlalchemy import func, select

from winback_desktop.core.errors import AuthenticationFailed, ValidationError
from winback_desktop.db.models import AuditEntry, LoginThrottle, RewardLedgerEntry
from winback_desktop.db.session import Database
from winback_desktop.services import auth, reward_actions, settings, users
from winback_desktop.services.context import Actor

PARALLEL = 40


def _in_parallel(db_url: str, n: int, work: Callable[[Database], object]) -> list[object]:
    """Run ``work`` in ``n`` threads at once, each with its own Database; results or
    exceptions in order."""
    results: list[object] = [None] * n
    start = threading.Barrier(n)

    def run(i: int) -> None:
        db = Database(db_url)
        try:
            start.wait()
            results[i] = work(db)
        except Exception as exc:  # collected, asserted by the test
            results[i] = exc
        finally:
            db.dispose()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return results


def test_forty_parallel_wrong_passwords_all_count_and_wait(db, db_url) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        users.add_user(s, Actor.system(), "admin", "admin", "admin-pass-1")
    results = _in_parallel(db_url, PARALLEL,
                           lambda d: auth.authenticate(d, "admin", "wrong-password"))
    assert all(isinstance(r, AuthenticationFailed) for r in results), results
    with db.session() as s:
        throttle = s.scalars(select(LoginThrottle)).one()
        assert throttle.retry_at is not None
        # attempts that found the workstation already waiting are audited without counting
        counted = sum(1 for a in s.scalars(select(AuditEntry.after)
                                           .where(AuditEntry.action == "login_failed"))
                      if "failures" in (a or {}))
        waits = s.scalar(select(func.count()).select_from(AuditEntry)
                         .where(AuditEntry.action == "login_throttled"))
    # every attempt that got past the wait check was counted, none lost
    assert auth.FREE_FAILURES <= counted == throttle.failures <= PARALLEL
    assert waits == counted - auth.FREE_FAILURES + 1
    assert sum(isinstance(r, auth.LoginWaiting) for r in results) == PARALLEL - counted


def test_parallel_spot_awards_never_pass_the_cap(db, db_url, admin) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        sup = Actor.of(users.add_user(s, admin, "sup", "supervisor", "super-pass-1"))
        agent_id = users.add_user(s, admin, "ag", "agent", "agent-pass-1").id
        settings.set_value(s, admin, "spot_award_cap_points", 200)
    results = _in_parallel(db_url, 3, lambda d: reward_actions.award(d, sup, agent_id, 150,
                                                                     "great save"))
    granted = [r for r in results if not isinstance(r, Exception)]
    refused = [r for r in results if isinstance(r, Exception)]
    assert len(granted) == 1, results
    assert all(isinstance(r, ValidationError) and "cap" in str(r) for r in refused), refused
    with db.session() as s:
        total = s.scalar(select(func.coalesce(func.sum(RewardLedgerEntry.points), 0))
                         .where(RewardLedgerEntry.agent_id == agent_id))
    assert total == 150


def test_forty_parallel_awards_of_ten_stop_exactly_at_the_cap(db, db_url, admin) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        sup = Actor.of(users.add_user(s, admin, "sup", "supervisor", "super-pass-1"))
        agent_id = users.add_user(s, admin, "ag", "agent", "agent-pass-1").id
        settings.set_value(s, admin, "spot_award_cap_points", 200)
    results = _in_parallel(db_url, PARALLEL,
                           lambda d: reward_actions.award(d, sup, agent_id, 10, "streak"))
    assert not [r for r in results if isinstance(r, Exception)
                and not isinstance(r, ValidationError)], results
    with db.session() as s:
        total = s.scalar(select(func.coalesce(func.sum(RewardLedgerEntry.points), 0))
                         .where(RewardLedgerEntry.agent_id == agent_id))
    assert total == 200
