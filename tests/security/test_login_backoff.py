"""Failed logins back off per login *and* workstation (issue 15).

An attacker at one PC used to lock any account -- admin included -- out of every PC
after five wrong passwords. Now each login at each workstation has its own count: past
the first few, every wrong password doubles that workstation's wait; another
workstation's right password still gets in; the waits are audited with the workstation
and read the same for unknown logins, so they list nothing.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from winback_desktop.core.errors import AuthenticationFailed
from winback_desktop.db.models import AuditEntry
from winback_desktop.db.types import utcnow
from winback_desktop.services import auth, users

A, B = "PC-ATTACKER", "PC-ADMIN"


def _wrong(db, login: str, now, workstation: str = A) -> AuthenticationFailed:  # type: ignore[no-untyped-def]
    with pytest.raises(AuthenticationFailed) as caught:
        auth.authenticate(db, login, "wrong-password", now=now, workstation=workstation)
    return caught.value


def test_one_workstation_waits_longer_and_longer_another_gets_in(db, admin) -> None:  # type: ignore[no-untyped-def]
    now = utcnow()
    for _ in range(auth.FREE_FAILURES):
        assert type(_wrong(db, "admin", now)) is AuthenticationFailed
    # the attacker's PC now waits, even with the right password
    with pytest.raises(auth.LoginWaiting) as waiting:
        auth.authenticate(db, "admin", "admin-pass-1", now=now, workstation=A)
    assert waiting.value.params["seconds"] == 15
    # ...but the admin at another PC logs in at once
    assert auth.authenticate(db, "admin", "admin-pass-1", now=now, workstation=B).login == "admin"
    # after the wait, the next wrong password doubles it
    later = now + timedelta(seconds=16)
    _wrong(db, "admin", later)
    longer = _wrong(db, "admin", later + timedelta(seconds=1))
    assert isinstance(longer, auth.LoginWaiting) and longer.params["seconds"] == 29
    assert auth.wait_after(40) == auth.MAX_WAIT
    with db.session() as s:
        rows = s.execute(select(AuditEntry.workstation, AuditEntry.after)
                         .where(AuditEntry.action == "login_throttled")).all()
    assert [(w, a["wait_seconds"]) for w, a in rows] == [(A, 15), (A, 30)]


def test_unknown_logins_wait_the_same_way(db, admin) -> None:  # type: ignore[no-untyped-def]
    now = utcnow()
    answers = {}
    for login in ("admin", "nobody"):
        for _ in range(auth.FREE_FAILURES):
            _wrong(db, login, now)
        answers[login] = _wrong(db, login, now)
    assert {type(e) for e in answers.values()} == {auth.LoginWaiting}
    assert len({str(e) for e in answers.values()}) == 1


def test_the_right_password_clears_the_count_and_an_unlock_lifts_the_wait(db, admin) -> None:  # type: ignore[no-untyped-def]
    now = utcnow()
    for _ in range(auth.FREE_FAILURES - 1):
        _wrong(db, "admin", now)
    auth.authenticate(db, "admin", "admin-pass-1", now=now, workstation=A)
    for _ in range(auth.FREE_FAILURES - 1):  # counted from zero again: no wait yet
        assert type(_wrong(db, "admin", now)) is AuthenticationFailed
    with db.session() as s:
        agent = users.add_user(s, admin, "agent7", "agent", "agent-pass-7")
    for _ in range(auth.FREE_FAILURES):
        _wrong(db, "agent7", now)
    with db.session() as s:
        assert [u.locked for u in users.list_users(s, admin) if u.login == "agent7"] == [True]
        users.unlock(s, admin, agent.id)
    assert auth.authenticate(db, "agent7", "agent-pass-7", now=now, workstation=A)
