"""Migration 0008 converts stored save-campaign "win-backs" into saves, on both engines."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from tests.conftest import PG_ENV, PG_SKIP
from winback_desktop.db import migrate
from winback_desktop.db.engine import make_engine

BEFORE = "cl01"
T = "2026-11-01 10:00:00"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def fresh_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """An empty database of its own (the migration runs from an older revision)."""
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{(tmp_path / 'm.sqlite3').as_posix()}")
        yield engine
        engine.dispose()
        return
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(PG_SKIP)
    admin = create_engine(make_url(base), isolation_level="AUTOCOMMIT")
    name = f"winback_mig_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine = make_engine(make_url(base).set(database=name).render_as_string(hide_password=False))
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _to(engine: Engine, revision: str, down: bool = False) -> None:
    with engine.begin() as conn:
        cfg = migrate.alembic_config()
        cfg.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(cfg, revision)


def _seed(engine: Engine) -> None:
    """Two campaigns; customer 1 saved by the save campaign, 2 won back by the win-back
    campaign, 3 kept by an accepted offer on a save task, 4 saved and later won back."""
    rows = [
        "INSERT INTO campaigns (id, name, kind, status, window_start, window_end, "
        "max_attempts, retry_gap_minutes, lease_minutes, customer_filter, created_at, "
        f"updated_at) VALUES (1, 'Win', 'win_back', 'running', '09:00:00', '20:00:00', 5, 60, "
        f"15, '{{}}', '{T}', '{T}'), (2, 'Save', 'save', 'running', '09:00:00', "
        f"'20:00:00', 5, 60, 15, '{{}}', '{T}', '{T}')",
        "INSERT INTO customers (id, name, status, defection_reason, currency, timezone, "
        "preferred_language, do_not_call, won_back_at, version_id, created_at, updated_at) "
        f"VALUES (1, 'A', 'won_back', 'unknown', 'CNY', 'Asia/Shanghai', 'zh', false, '{T}', "
        f"1, '{T}', '{T}'), (2, 'B', 'won_back', 'unknown', 'CNY', 'Asia/Shanghai', 'zh', "
        f"false, '{T}', 1, '{T}', '{T}'), (3, 'C', 'won_back', 'unknown', 'CNY', "
        f"'Asia/Shanghai', 'zh', false, '{T}', 1, '{T}', '{T}'), (4, 'D', 'won_back', "
        f"'unknown', 'CNY', 'Asia/Shanghai', 'zh', false, '{T}', 1, '{T}', '{T}')",
        "INSERT INTO call_tasks (id, campaign_id, customer_id, status, sltv_minor, "
        "defection_reason, language, timezone, attempts, last_disposition, created_at, "
        f"updated_at) VALUES (1, 2, 1, 'done', 0, 'unknown', 'zh', 'Asia/Shanghai', 1, "
        f"'won_back', '{T}', '{T}'), (2, 1, 2, 'done', 0, 'unknown', 'zh', 'Asia/Shanghai', "
        f"1, 'won_back', '{T}', '{T}'), (3, 2, 3, 'done', 0, 'unknown', 'zh', "
        f"'Asia/Shanghai', 0, NULL, '{T}', '{T}'), (4, 2, 4, 'done', 0, 'unknown', 'zh', "
        f"'Asia/Shanghai', 1, 'won_back', '{T}', '{T}'), (5, 1, 4, 'done', 0, 'unknown', "
        f"'zh', 'Asia/Shanghai', 1, 'won_back', '{T}', '{T}')",
        "INSERT INTO calls (id, task_id, customer_id, campaign_id, started_at, disposition, "
        f"flagged_for_review) VALUES (1, 1, 1, 2, '{T}', 'won_back', false), "
        f"(2, 2, 2, 1, '{T}', 'won_back', false), (3, 4, 4, 2, '{T}', 'won_back', false), "
        f"(4, 5, 4, 1, '{T}', 'won_back', false), (5, 1, 1, 2, '{T}', 'no_answer', false)",
        "INSERT INTO offer_templates (id, code, version, name, kind, cost_rule, eligibility, "
        f"active, created_at, updated_at) VALUES (1, 'gift', 1, 'Gift', 'gift', '{{}}', "
        f"'{{}}', true, '{T}', '{T}')",
        "INSERT INTO offer_requests (id, offer_template_id, task_id, customer_id, status, "
        "cost_minor, sltv_minor, requested_at, version_id, created_at, updated_at) VALUES "
        f"(1, 1, 3, 3, 'accepted', 100, 0, '{T}', 1, '{T}', '{T}')",
    ]
    with engine.begin() as conn:
        for sql in rows:
            conn.exec_driver_sql(sql)


def test_stored_saves_become_saves_and_their_customers_retained(fresh_engine: Engine) -> None:
    _to(fresh_engine, BEFORE)
    _seed(fresh_engine)
    _to(fresh_engine, "tc01saves")
    with fresh_engine.connect() as conn:
        calls = dict(conn.exec_driver_sql("SELECT id, disposition FROM calls").all())
        assert calls == {1: "saved", 2: "won_back", 3: "saved", 4: "won_back",
                         5: "no_answer"}
        tasks = dict(conn.exec_driver_sql("SELECT id, last_disposition FROM call_tasks").all())
        assert tasks == {1: "saved", 2: "won_back", 3: None, 4: "saved", 5: "won_back"}
        customers = {r[0]: (r[1], r[2] is not None, r[3] is not None) for r in
                     conn.exec_driver_sql("SELECT id, status, won_back_at, retained_at "
                                          "FROM customers")}
        # (status, has won_back_at, has retained_at)
        assert customers == {1: ("retained", False, True), 2: ("won_back", True, False),
                             3: ("retained", False, True), 4: ("won_back", True, False)}
    _to(fresh_engine, BEFORE, down=True)
    with fresh_engine.connect() as conn:
        assert set(conn.exec_driver_sql("SELECT status FROM customers").scalars()) == {
            "won_back"}
        assert conn.exec_driver_sql(
            "SELECT count(*) FROM calls WHERE disposition = 'won_back'").scalar() == 4
