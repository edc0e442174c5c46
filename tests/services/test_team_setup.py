"""Team server setup: connection tests with clear messages, keyring, migrate-to."""

from __future__ import annotations

import json
import os
import socket
import uuid
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from tests.conftest import PG_ENV, PG_SKIP
from tests.keyring_stub import MemoryKeyring
from winback_desktop.db.models import Base, Customer, User
from winback_desktop.db.session import Database
from winback_desktop.services import demo, team_setup
from winback_desktop.services.context import Actor


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    stub = MemoryKeyring()
    keyring.set_keyring(stub)
    try:
        yield stub
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def empty_pg_url() -> Iterator[str]:
    """A brand-new, empty PostgreSQL database (no schema), dropped afterwards."""
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(PG_SKIP)
    admin = create_engine(make_url(base), isolation_level="AUTOCOMMIT")
    name = f"winback_team_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _pg_conn(url: str) -> tuple[team_setup.ServerConnection, str | None]:
    return team_setup.ServerConnection.from_url(url)


def test_password_goes_to_the_keyring_never_to_the_settings_file(memory_keyring) -> None:
    conn = team_setup.ServerConnection("db.example.cn", 5433, "winback", "wb")
    path = team_setup.save_connection(conn, "s3cret!")
    assert "s3cret" not in path.read_text(encoding="utf-8")
    assert json.loads(path.read_text(encoding="utf-8"))["host"] == "db.example.cn"
    assert memory_keyring.store == {("WinbackDesktop", "wb@db.example.cn:5433/winback"): "s3cret!"}
    assert team_setup.load_connection() == conn
    url = team_setup.configured_database_url()
    assert url is not None and make_url(url).password == "s3cret!"
    team_setup.forget_connection()
    assert team_setup.load_connection() is None
    assert memory_keyring.store == {}
    assert team_setup.configured_database_url() is None


def test_connection_settings_live_in_the_test_config_dir(tmp_path: Path, memory_keyring) -> None:
    team_setup.save_connection(team_setup.ServerConnection("h"), None)
    assert tmp_path in team_setup.connection_file().parents


@pytest.mark.parametrize(("message", "error"), [
    ('connection failed: FATAL:  password authentication failed for user "wb"',
     team_setup.AuthenticationRejected),
    ('FATAL:  no pg_hba.conf entry for host "10.0.0.5", user "wb", database "winback"',
     team_setup.AuthenticationRejected),
    ('connection failed: FATAL:  database "winback" does not exist', team_setup.UnknownDatabase),
    ("connection failed: Connection refused\n\tIs the server running", team_setup.ServerRefused),
    ("connection timeout expired", team_setup.ConnectTimeout),
    ('failed to resolve host "nosuch": [Errno -2] Name or service not known',
     team_setup.UnknownHost),
    ("SSL SYSCALL error: EOF detected", team_setup.ConnectionFailed),
])
def test_libpq_failures_become_one_clear_sentence(message: str, error: type) -> None:
    conn = team_setup.ServerConnection("db1", 5432, "winback", "wb")
    found = team_setup.classify_failure(conn, message, 5)
    assert type(found) is error
    assert "{" not in str(found)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_refused_connection_says_so() -> None:
    conn = team_setup.ServerConnection("127.0.0.1", _free_port(), "winback", "wb")
    with pytest.raises(team_setup.ServerRefused, match="refused the connection"):
        team_setup.test_connection(conn, timeout=2)


def test_a_server_that_never_answers_times_out() -> None:
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)
    try:
        conn = team_setup.ServerConnection("127.0.0.1", silent.getsockname()[1], "w", "wb")
        with pytest.raises(team_setup.ConnectTimeout, match="within 2 seconds"):
            team_setup.test_connection(conn, timeout=2)
    finally:
        silent.close()


@pytest.mark.pg
def test_unknown_database_and_schema_states(empty_pg_url: str) -> None:
    conn, password = _pg_conn(empty_pg_url)
    missing = team_setup.ServerConnection(conn.host, conn.port, "no_such_db_here", conn.user)
    with pytest.raises(team_setup.UnknownDatabase, match="no_such_db_here"):
        team_setup.test_connection(missing, password)
    check = team_setup.test_connection(conn, password)
    assert check.schema == "missing" and check.server_version
    ready = team_setup.prepare_schema(Actor.system(), conn, password)
    assert ready.schema == "current" and ready.revision == ready.head and not ready.has_data


@pytest.mark.pg
def test_migrate_to_copies_and_verifies_every_table(sqlite_db, empty_pg_url: str) -> None:
    demo.load_demo(sqlite_db, Actor.system(), customers=80, seed=5)
    steps: list[str] = []
    report = team_setup.migrate_to(sqlite_db, empty_pg_url, Actor.system(),
                                   lambda done, total, label: steps.append(label))
    assert report.ok
    names = {t.table for t in report.tables}
    assert names == {t.name for t in Base.metadata.sorted_tables}
    by_name = {t.table: t for t in report.tables}
    assert by_name["customers"].target_rows == 80
    with sqlite_db.session() as s:
        assert by_name["calls"].source_rows == s.scalar(
            select(func.count()).select_from(Base.metadata.tables["calls"]))
    assert "customers" in steps

    target = Database(empty_pg_url)
    try:
        with target.session() as s:
            top = s.scalar(select(func.max(Customer.id)))
            new = Customer(external_id="after-move", name="New customer")
            s.add(new)
            s.flush()
            assert new.id == top + 1  # the sequence continues after the copied ids
            assert s.scalar(select(User.login).where(User.login == "agent01")) == "agent01"
        from winback_desktop.services import auth

        assert auth.authenticate(target, "agent01", demo.DEMO_PASSWORD).login == "agent01"
    finally:
        target.dispose()

    with pytest.raises(team_setup.TargetNotEmpty):
        team_setup.migrate_to(sqlite_db, empty_pg_url, Actor.system())


def test_migrate_to_only_targets_postgresql(sqlite_db) -> None:
    with pytest.raises(team_setup.NotAPostgresUrl):
        team_setup.migrate_to(sqlite_db, "sqlite:///x.sqlite3", Actor.system())
