"""The simulated day, once per engine (and per test worker): SQLite in a file of its
own, PostgreSQL in a database of its own (other tests truncate theirs)."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.reconciliation.simulation import Day, simulate


@pytest.fixture(scope="session",
                params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def day_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
            ) -> Iterator[str]:
    if request.param == "sqlite":
        template: Path = request.getfixturevalue("sqlite_template")
        path = tmp_path_factory.mktemp("reconciliation") / "day.sqlite3"
        shutil.copyfile(template, path)
        yield f"sqlite:///{path.as_posix()}"
        return
    base: str = request.getfixturevalue("pg_server_url")
    from winback_desktop.db import migrate
    from winback_desktop.db.engine import make_engine

    admin_url = make_url(base)
    name = f"winback_day_{uuid.uuid4().hex[:10]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = admin_url.set(database=name).render_as_string(hide_password=False)
    engine = make_engine(url)
    migrate.upgrade(engine, backup=False)
    engine.dispose()
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def day(day_url: str) -> Iterator[Day]:
    from winback_desktop.db.session import Database
    from winback_desktop.services import auth

    database = Database(day_url)
    real = auth._hasher
    # passwords are not what this suite checks: hash them cheaply
    auth._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    try:
        simulated = simulate(database)
    finally:
        auth._hasher = real
    yield simulated
    database.dispose()
