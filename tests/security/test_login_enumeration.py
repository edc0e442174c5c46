"""Login enumeration (issue 15): an unknown login, an inactive one and a wrong password
answer alike, back off alike and do the same work, so neither the message, the wait nor
the time says which logins exist.

The time itself is measured by tests/benchmarks/bench_login_timing.py; here each path is
checked to run exactly one argon2 verification and one write transaction, which is what
makes the times equal.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from winback_desktop.core.errors import AuthenticationFailed
from winback_desktop.db.models import AuditEntry
from winback_desktop.db.session import Database
from winback_desktop.db.types import utcnow
from winback_desktop.services import auth, users
from winback_desktop.services.context import Actor


@pytest.fixture
def work(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, int]]:
    """Counts argon2 verifications and write transactions during an attempt."""
    counts = {"verify": 0, "writes": 0}
    real_verify = auth.verify_password
    real_session = Database.session

    def verify(*args: Any, **kwargs: Any) -> Any:
        counts["verify"] += 1
        return real_verify(*args, **kwargs)

    def session(self: Database, *, immediate: bool = False) -> Any:
        if immediate:
            counts["writes"] += 1
        return real_session(self, immediate=immediate)

    monkeypatch.setattr(auth, "verify_password", verify)
    monkeypatch.setattr(Database, "session", session)
    yield counts


def _attempt(db: Database, login: str, password: str, **kwargs: Any) -> BaseException:
    with pytest.raises(AuthenticationFailed) as caught:
        auth.authenticate(db, login, password, **kwargs)
    return caught.value


def _setup(db: Database, admin: Actor) -> None:
    with db.session() as s:
        users.add_user(s, admin, "agent1", "agent", "agent-pass-1")
        gone = users.add_user(s, admin, "gone", "agent", "gone-pass-1")
        gone.active = False


def test_unknown_inactive_and_wrong_answer_the_same(db, admin) -> None:  # type: ignore[no-untyped-def]
    _setup(db, admin)
    now = utcnow()
    answers = {
        "unknown": _attempt(db, "nobody", "wrong-password", now=now),
        "inactive": _attempt(db, "gone", "wrong-password", now=now),
        "wrong": _attempt(db, "agent1", "wrong-password", now=now),
    }
    assert {type(e) for e in answers.values()} == {AuthenticationFailed}, answers
    assert len({str(e) for e in answers.values()}) == 1
    for _ in range(auth.FREE_FAILURES):  # this workstation waits on admin now
        _attempt(db, "admin", "wrong-password", now=now)
    waits = [_attempt(db, login, "wrong-password", now=now)
             for login in ("admin", "nobody", "gone", "agent1")
             for _ in range(auth.FREE_FAILURES)][auth.FREE_FAILURES - 1::auth.FREE_FAILURES]
    assert {type(e) for e in waits} == {auth.LoginWaiting}
    assert len({str(e) for e in waits}) == 1
    assert auth.authenticate(db, "admin", "admin-pass-1", now=now + timedelta(minutes=16))


def test_the_attempt_that_earns_a_wait_says_nothing_new(db, admin) -> None:  # type: ignore[no-untyped-def]
    """Wrong passwords on an unknown login and on a real one answer alike, wait included."""
    now = utcnow()
    real = [type(_attempt(db, "admin", "wrong-password", now=now)) for _ in range(6)]
    unknown = [type(_attempt(db, "nobody", "wrong-password", now=now)) for _ in range(6)]
    assert real == unknown
    assert real[:auth.FREE_FAILURES] == [AuthenticationFailed] * auth.FREE_FAILURES


@pytest.mark.parametrize("case", ["unknown", "inactive", "wrong", "locked", "right"])
def test_every_attempt_costs_one_verification_and_one_write(db, admin, work, case) -> None:  # type: ignore[no-untyped-def]
    _setup(db, admin)
    now = utcnow()
    if case == "locked":
        for _ in range(auth.FREE_FAILURES):
            _attempt(db, "agent1", "wrong-password", now=now)
    login = {"unknown": "nobody", "inactive": "gone"}.get(case, "agent1")
    password = "agent-pass-1" if case == "right" else "wrong-password"
    work.update(verify=0, writes=0)
    if case == "right":
        auth.authenticate(db, login, password, now=now)
    else:
        _attempt(db, login, password, now=now)
    assert work == {"verify": 1, "writes": 1}


def test_unknown_logins_are_audited_without_a_user(db, admin) -> None:  # type: ignore[no-untyped-def]
    _attempt(db, "nobody\x00" + "x" * 500, "wrong-password")
    with db.session() as s:
        row = s.scalars(select(AuditEntry).where(AuditEntry.action == "login_failed")).one()
        assert row.user_id is None and row.entity_id is None
        assert row.after is not None and row.after["login"].startswith("nobody")
        assert "\x00" not in row.after["login"] and len(row.after["login"]) <= 64
