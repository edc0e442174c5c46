"""Shared fixtures: a migrated database on SQLite and on PostgreSQL.

PostgreSQL comes from ``WINBACK_TEST_PG_URL``; each test session creates its own
database there (dropped at the end) so parallel runs and CI never collide. Without the
variable the PostgreSQL half of every ``db`` test is skipped with that reason.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("WINBACK_LANG", "en")

PG_ENV = "WINBACK_TEST_PG_URL"
PG_SKIP = f"PostgreSQL tests need {PG_ENV} (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test)"


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Backups, settings and logs of a test go to its own folder, never the user's."""
    data = tmp_path / "data"
    monkeypatch.setenv("WINBACK_DATA_DIR", str(data))
    return data


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from winback_desktop.db import migrate
    from winback_desktop.db.engine import make_engine

    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    engine = make_engine(f"sqlite:///{path.as_posix()}")
    migrate.upgrade(engine, backup=False)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def pg_server_url() -> Iterator[str]:
    """URL of a fresh, migrated database for this test session."""
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(PG_SKIP)
    from winback_desktop.db import migrate
    from winback_desktop.db.engine import make_engine

    admin_url = make_url(base)
    name = f"winback_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # pragma: no cover - server down
        admin.dispose()
        pytest.skip(f"PostgreSQL at {admin_url.render_as_string()} not usable: {exc}")
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


def _truncate_pg(url: str) -> None:
    from winback_desktop.db.models import Base

    engine = create_engine(url)
    names = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    from winback_desktop.db.reference import reseed

    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        reseed(conn)  # what migration 0001 seeds: tiers, grid, authority matrix
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A migrated, empty database URL on each engine."""
    if request.param == "sqlite":
        template: Path = request.getfixturevalue("sqlite_template")
        path = tmp_path / "winback.sqlite3"
        shutil.copyfile(template, path)
        return f"sqlite:///{path.as_posix()}"
    url: str = request.getfixturevalue("pg_server_url")
    _truncate_pg(url)
    return url


@pytest.fixture
def db(db_url: str) -> Iterator:
    from winback_desktop.db.session import Database

    database = Database(db_url)
    yield database
    database.dispose()


@pytest.fixture
def sqlite_db(tmp_path: Path, sqlite_template: Path) -> Iterator:
    from winback_desktop.db.session import Database

    path = tmp_path / "winback.sqlite3"
    shutil.copyfile(sqlite_template, path)
    database = Database(f"sqlite:///{path.as_posix()}")
    yield database
    database.dispose()


@pytest.fixture
def admin(db):  # type: ignore[no-untyped-def]
    """An admin actor in ``db``."""
    from winback_desktop.services import users
    from winback_desktop.services.context import Actor

    with db.session() as s:
        user = users.add_user(s, Actor.system(), "admin", "admin", "admin-pass-1",
                              display_name="Admin")
        return Actor.of(user)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Benchmarks run only on demand (``-m benchmark``), never in CI's plain run."""
    if "benchmark" in (config.getoption("-m") or ""):
        return
    skip = pytest.mark.skip(reason="benchmark: run with -m benchmark")
    for item in items:
        if "benchmark" in item.keywords:
            item.add_marker(skip)
