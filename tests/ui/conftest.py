"""Fixtures for the GUI tests: a demo database copy per test, a styled app, clean i18n."""

from __future__ import annotations

import gc
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

DEMO_CUSTOMERS = 150


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Path:
    from winback_desktop.db.session import Database
    from winback_desktop.services import demo
    from winback_desktop.services.context import Actor

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    shutil.copyfile(sqlite_template, path)
    db = Database(f"sqlite:///{path.as_posix()}")
    demo.load_demo(db, Actor.system(), customers=DEMO_CUSTOMERS)
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

    from winback_desktop.ui import i18n, style

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
