"""Fixtures for the GUI tests: a demo database copy per test, a styled app, clean i18n."""

from __future__ import annotations

import gc
import shutil
from collections.abc import Iterator
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update

DEMO_CUSTOMERS = 300
#: The screens' tests share one fixed demo: a day in the past, no interviews, offers or
#: QA yet, so each test starts from a known quiet team (the live demo has its own tests).
QUIET_DEMO: dict[str, Any] = {"today": date(2026, 11, 20), "lively": False}


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Path:
    from winback_desktop.db.session import Database
    from winback_desktop.services import demo
    from winback_desktop.services.context import Actor

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    shutil.copyfile(sqlite_template, path)
    db = Database(f"sqlite:///{path.as_posix()}")
    demo.load_demo(db, Actor.system(), customers=DEMO_CUSTOMERS, **QUIET_DEMO)
    _call_around_the_clock(db)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path


@pytest.fixture
def demo_url(tmp_path: Path, demo_template: Path) -> str:
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, path)
    return f"sqlite:///{path.as_posix()}"


@pytest.fixture
def demo_db(demo_url: str) -> Iterator[Any]:
    from winback_desktop.db.session import Database

    db = Database(demo_url)
    yield db
    db.dispose()


@pytest.fixture(scope="session", autouse=True)
def _collect_garbage_on_the_gui_thread() -> Iterator[None]:
    """As in the app (``ui.gc_guard``): a worker thread must never delete a widget."""
    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def _gui(qapp: Any) -> Iterator[None]:
    """The app's own style, English to start with, no operation left running after."""
    from PySide6.QtCore import QThreadPool

    from winback_desktop.ui.shell import i18n, style

    style.apply(qapp)
    i18n.install("en")
    yield
    QThreadPool.globalInstance().waitForDone(10_000)
    qapp.processEvents()
    i18n.install("en")
    gc.collect()
    qapp.processEvents()




@pytest.fixture
def controllers() -> Iterator[list[Any]]:
    """Application controllers a test started; their windows are closed afterwards."""
    made: list[Any] = []
    yield made
    for controller in made:
        if controller.login is not None:
            controller.login.close()
        controller.shutdown()


def _call_around_the_clock(db: Any) -> None:
    """Campaign windows open all day, so tests never depend on the hour they run at."""
    from winback_desktop.db.models import Campaign

    with db.session() as s:
        s.execute(update(Campaign).values(window_start=time(0, 0),
                                          window_end=time(23, 59, 59)))


def make_ctx(db, login: str):  # type: ignore[no-untyped-def]
    """Log in through the real authentication service, as the GUI does."""
    from winback_desktop.services import auth
    from winback_desktop.services.demo import DEMO_PASSWORD
    from winback_desktop.ui.shell.context import AppContext

    actor = auth.authenticate(db, login, DEMO_PASSWORD)
    return AppContext(db=db, actor=actor)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def any_demo_db(request: pytest.FixtureRequest) -> Iterator:
    """The demo team on each engine (PostgreSQL needs WINBACK_TEST_PG_URL)."""
    if request.param == "sqlite":
        yield request.getfixturevalue("demo_db")
        return
    from tests.conftest import _truncate_pg
    from winback_desktop.db.session import Database
    from winback_desktop.services import demo
    from winback_desktop.services.context import Actor

    url: str = request.getfixturevalue("pg_server_url")
    _truncate_pg(url)
    database = Database(url)
    demo.load_demo(database, Actor.system(), customers=300, **QUIET_DEMO)
    _call_around_the_clock(database)
    yield database
    database.dispose()
