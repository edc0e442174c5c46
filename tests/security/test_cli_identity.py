"""The probe's CLI attempts (issue 15): the command line acts only as a logged-in user.

Each attempt runs the real ``winback`` in a subprocess on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
import os
import stat
import sys
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from tests import cli_runner
from tests.cli_runner import NOBODY
from tests.services.offer_fixtures import add_customer, make_team
from winback_desktop.db.models import AuditEntry, CliSession, OfferRequest, User
from winback_desktop.db.session import Database
from winback_desktop.db.types import utcnow
from winback_desktop.services import offers

PASSWORD = "pass-word-1"  # offer_fixtures.make_team's password for everyone


def _team_with_request(db_url: str) -> int:
    db = Database(db_url)
    team = make_team(db)
    _customer, task = add_customer(db, team.campaign_id)
    info = offers.request_offer(db, team.agent, "FREE-1M", task_id=task, note="loyal")
    db.dispose()
    return info.id


def _refusals(db_url: str) -> list[AuditEntry]:
    db = Database(db_url)
    with db.session() as s:
        rows = list(s.scalars(select(AuditEntry).where(AuditEntry.action == "refused")))
    db.dispose()
    return rows


def _login(db_url: str, login: str, password: str = PASSWORD):  # type: ignore[no-untyped-def]
    return cli_runner.run("--database", db_url, "login", login, "--password-stdin",
                          input=password + "\n")


def test_nobody_logged_in_cannot_decide_or_add_an_admin(db_url: str) -> None:
    rid = _team_with_request(db_url)
    decide = cli_runner.run("--database", db_url, "offer", "decide", str(rid), "approve",
                            "--by", "sup1", as_user=NOBODY)
    assert decide.returncode == 2
    assert "winback login" in decide.stderr and len(decide.stderr.strip().splitlines()) == 1
    evil = cli_runner.run("--database", db_url, "user", "add", "evil", "--role", "admin",
                          "--password", "evil-pass-1", as_user=NOBODY)
    assert evil.returncode == 2 and "winback login" in evil.stderr
    card = cli_runner.run("--database", db_url, "scorecard", "--agent", "ag2", as_user=NOBODY)
    assert card.returncode == 2
    db = Database(db_url)
    with db.session() as s:
        assert s.get(OfferRequest, rid).status == "pending"  # type: ignore[union-attr]
        assert s.scalar(select(User).where(User.login == "evil")) is None
    db.dispose()


def test_by_never_grants_identity(db_url: str) -> None:
    rid = _team_with_request(db_url)
    assert _login(db_url, "ag2").returncode == 0
    forged = cli_runner.run("--database", db_url, "offer", "decide", str(rid), "approve",
                            "--by", "sup1", "--json", as_user=NOBODY)
    assert forged.returncode == 2 and "Traceback" not in forged.stderr
    (row,) = [r for r in _refusals(db_url) if r.entity_id == "decide"]
    assert row.user_login == "ag2" and row.channel == "cli" and row.after is not None
    assert "sup1" in json.dumps(row.after)
    # the same decision by sup1, logged in as sup1, goes through
    assert _login(db_url, "sup1").returncode == 0
    ok = cli_runner.run("--database", db_url, "offer", "decide", str(rid), "approve",
                        "--json", as_user=NOBODY)
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["status"] == "approved"
    db = Database(db_url)
    with db.session() as s:
        decided = s.scalar(select(AuditEntry).where(AuditEntry.action == "offer_approved"))
        assert decided is not None and decided.user_login == "sup1" and decided.channel == "cli"
    db.dispose()


def test_login_whoami_logout_and_wrong_password(db_url: str) -> None:
    _team_with_request(db_url)
    wrong = _login(db_url, "sup1", "not-the-password")
    assert wrong.returncode == 2 and "Wrong login or password" in wrong.stderr
    assert "$argon2" not in wrong.stderr + wrong.stdout
    who = cli_runner.run("--database", db_url, "whoami", as_user=NOBODY)
    assert who.returncode == 2
    done = _login(db_url, "sup1")
    assert done.returncode == 0, done.stderr
    assert "sup1" in done.stdout
    who = cli_runner.run("--database", db_url, "whoami", "--json", as_user=NOBODY)
    assert json.loads(who.stdout)["login"] == "sup1"
    out = cli_runner.run("--database", db_url, "logout", as_user=NOBODY)
    assert out.returncode == 0
    again = cli_runner.run("--database", db_url, "whoami", as_user=NOBODY)
    assert again.returncode == 2
    db = Database(db_url)
    with db.session() as s:
        (session_row,) = s.scalars(select(CliSession)).all()
        assert session_row.revoked_at is not None and len(session_row.token_hash) == 64
    db.dispose()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_the_stored_token_is_readable_by_its_owner_only(db_url: str, _isolated_data_dir) -> None:  # type: ignore[no-untyped-def]
    _team_with_request(db_url)
    assert _login(db_url, "sup1").returncode == 0
    (path,) = list(_isolated_data_dir.rglob("cli-sessions.json"))
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    db = Database(db_url)
    with db.session() as s:
        (row,) = s.scalars(select(CliSession)).all()
    db.dispose()
    assert row.token_hash not in path.read_text()  # the file has the token, the db its hash


def test_expired_revoked_or_deactivated_sessions_end(db_url: str) -> None:
    _team_with_request(db_url)
    assert _login(db_url, "sup1").returncode == 0
    db = Database(db_url)
    with db.session() as s:
        s.execute(update(CliSession).values(expires_at=utcnow() - timedelta(minutes=1)))
    late = cli_runner.run("--database", db_url, "offer", "list", as_user=NOBODY)
    assert late.returncode == 2 and "expired" in late.stderr
    assert _login(db_url, "sup1").returncode == 0
    with db.session() as s:
        s.execute(update(User).where(User.login == "sup1").values(active=False))
    gone = cli_runner.run("--database", db_url, "offer", "list", as_user=NOBODY)
    assert gone.returncode == 2
    db.dispose()


def test_scheduled_jobs_log_in_from_the_environment(db_url: str) -> None:
    _team_with_request(db_url)
    env = {"WINBACK_USER": "sup1", "WINBACK_PASSWORD": PASSWORD}
    who = cli_runner.run("--database", db_url, "whoami", "--json", as_user=NOBODY, env=env)
    assert who.returncode == 0, who.stderr
    assert json.loads(who.stdout)["login"] == "sup1"
    bad = cli_runner.run("--database", db_url, "whoami", as_user=NOBODY,
                         env={"WINBACK_USER": "sup1", "WINBACK_PASSWORD": "nope-nope"})
    assert bad.returncode == 2 and "Wrong login or password" in bad.stderr


def test_first_run_creates_the_admin_then_asks_for_a_login(db_url: str) -> None:
    first = cli_runner.run("--database", db_url, "user", "add", "boss", "--role", "admin",
                           "--password", "boss-pass-123", as_user=NOBODY)
    assert first.returncode == 0, first.stderr
    second = cli_runner.run("--database", db_url, "user", "add", "evil", "--role", "admin",
                            "--password", "evil-pass-1", as_user=NOBODY)
    assert second.returncode == 2
    assert _login(db_url, "boss", "boss-pass-123").returncode == 0
    third = cli_runner.run("--database", db_url, "user", "add", "ann", "--role", "agent",
                           "--password", "ann-pass-12", as_user=NOBODY)
    assert third.returncode == 0, third.stderr


def test_an_agent_reads_only_their_own_scorecard_and_balance(db_url: str) -> None:
    _team_with_request(db_url)
    assert _login(db_url, "ag1").returncode == 0
    other = cli_runner.run("--database", db_url, "scorecard", "--agent", "ag2", as_user=NOBODY)
    assert other.returncode == 2, other.stdout
    ledger = cli_runner.run("--database", db_url, "rewards", "balance", "--agent", "ag2",
                            as_user=NOBODY)
    assert ledger.returncode == 2, ledger.stdout
    own = cli_runner.run("--database", db_url, "scorecard", "--agent", "ag1", as_user=NOBODY)
    assert own.returncode == 0, own.stderr
    actions = {r.entity_id for r in _refusals(db_url)}
    assert len(_refusals(db_url)) >= 2, actions


def test_a_supervisor_acts_for_an_agent_audited_but_not_for_a_supervisor(db_url: str) -> None:
    db = Database(db_url)
    team = make_team(db)
    _customer, task = add_customer(db, team.campaign_id)
    db.dispose()
    assert _login(db_url, "sup1").returncode == 0
    made = cli_runner.run("--database", db_url, "offer", "request", "--task", str(task),
                          "--offer", "FREE-1M", "--agent", "ag1", "--json", as_user=NOBODY)
    assert made.returncode == 0, made.stderr
    db = Database(db_url)
    with db.session() as s:
        row = s.scalar(select(AuditEntry).where(AuditEntry.action == "act_for"))
        assert row is not None and row.user_login == "sup1"
        assert row.after == {"for": "ag1"}
    db.dispose()
    as_sup2 = cli_runner.run("--database", db_url, "offer", "request", "--task", str(task),
                             "--offer", "FREE-1M", "--agent", "sup2", as_user=NOBODY)
    assert as_sup2.returncode == 2
    assert _login(db_url, "ag2").returncode == 0
    as_ag1 = cli_runner.run("--database", db_url, "offer", "request", "--task", str(task),
                            "--offer", "FREE-1M", "--agent", "ag1", as_user=NOBODY)
    assert as_ag1.returncode == 2
    assert {r.entity_id for r in _refusals(db_url)} == {"act_for"}
