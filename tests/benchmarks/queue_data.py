"""Bulk rows for the queue benchmarks: N customers with one task each in one campaign.

Rows go straight through the driver (sqlite3 ``executemany`` / PostgreSQL
``generate_series``): demo.py would take minutes for a million customers.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, time
from pathlib import Path
from typing import Any

import numpy as np

from winback_desktop.db import migrate
from winback_desktop.db.engine import make_engine
from winback_desktop.db.session import Database
from winback_desktop.services import campaigns, users
from winback_desktop.services.context import Actor

#: 11:00 in Shanghai: about 60 % of the generated customers are inside the window
NOW = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)
ZONES = ["Asia/Shanghai", "Asia/Shanghai", "Asia/Shanghai", "Asia/Hong_Kong",
         "Europe/London", "America/New_York", "Asia/Singapore", "America/Chicago"]
REASONS = ["pulled_away", "bought_away", "pushed_unintentional", "moved_away", "unknown"]
AGENTS = 8


def setup_people(db: Database, agents: int = AGENTS) -> tuple[list[Actor], int]:
    """An admin, ``agents`` agents and one running campaign with an always-open
    window (claims then depend on data, not on the clock of the run)."""
    with db.session() as s:
        admin = Actor.of(users.add_user(s, Actor.system(), "admin", "admin", "bench-pass-1"))
        actors = [Actor.of(users.add_user(s, admin, f"agent{i:02d}", "agent", "bench-pass-1"))
                  for i in range(agents)]
        c = campaigns.create_campaign(s, admin, "Bench", agent_ids=[a.user_id for a in actors],
                                      window_start=time(9, 0), window_end=time(20, 0))
        c.status = "running"
        return actors, c.id


def _columns(n: int, seed: int = 7) -> dict[str, Any]:
    rng = np.random.default_rng(seed)
    revenue = (rng.lognormal(10.6, 0.9, n) * 100).astype(np.int64)
    margin = (revenue * rng.uniform(0.08, 0.4, n)).astype(np.int64)
    sltv = (margin * 2.73).astype(np.int64) - 2000
    tier = np.where(sltv >= 5_000_000, "A", np.where(sltv >= 2_000_000, "B", np.where(
        sltv >= 500_000, "C", np.where(sltv >= 0, "D", "negative"))))
    days = rng.integers(5, 720, n)
    return {
        "revenue": revenue.tolist(), "margin": margin.tolist(),
        # deliberately stale, so a recompute has every row to rewrite
        "sltv": (sltv + 1).tolist(), "tier": tier.tolist(),
        "reason": [REASONS[i] for i in rng.integers(0, len(REASONS), n)],
        "zone": [ZONES[i] for i in rng.integers(0, len(ZONES), n)],
        "date": [f"{2026 - d // 365:04d}-{(d % 12) + 1:02d}-{(d % 28) + 1:02d}" for d in days],
        "dnp": (rng.random(n) < 0.05).tolist(),
    }


def build_sqlite(path: Path, n: int) -> tuple[Database, list[Actor], int]:
    url = f"sqlite:///{path.as_posix()}"
    engine = make_engine(url)
    migrate.upgrade(engine, backup=False)
    engine.dispose()
    db = Database(url)
    actors, campaign_id = setup_people(db)
    cols = _columns(n)
    stamp = "2026-11-01 00:00:00.000000"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    with conn:
        conn.executemany(
            "INSERT INTO customers (id, external_id, name, status, defection_reason, "
            "defection_date, currency, annual_revenue_minor, annual_margin_minor, timezone, "
            "preferred_language, sltv_minor, sltv_tier, segment, do_not_call, created_at, "
            "updated_at, version_id) VALUES (?,?,?,'lost',?,?,'CNY',?,?,?,?,?,?,?,0,?,?,1)",
            ((i + 1, f"C{i + 1}", f"Customer {i + 1}", cols["reason"][i], cols["date"][i],
              cols["revenue"][i], cols["margin"][i], cols["zone"][i],
              "zh" if cols["zone"][i].startswith("Asia") else "en", cols["sltv"][i],
              cols["tier"][i], "do_not_pursue" if cols["dnp"][i] else "quick", stamp, stamp)
             for i in range(n)))
        conn.executemany(
            "INSERT INTO call_tasks (id, campaign_id, customer_id, status, sltv_minor, "
            "sltv_tier, segment, defection_reason, defection_date, language, timezone, "
            "attempts, created_at, updated_at) VALUES (?,?,?,'queued',?,?,?,?,?,?,?,0,?,?)",
            ((i + 1, campaign_id, i + 1, cols["sltv"][i], cols["tier"][i],
              "do_not_pursue" if cols["dnp"][i] else "quick", cols["reason"][i],
              cols["date"][i], "zh" if cols["zone"][i].startswith("Asia") else "en",
              cols["zone"][i], stamp, stamp) for i in range(n)))
    conn.execute("ANALYZE")
    conn.close()
    return db, actors, campaign_id


def build_postgres(url: str, n: int) -> tuple[Database, list[Actor], int]:
    engine = make_engine(url)
    migrate.upgrade(engine, backup=False)
    engine.dispose()
    db = Database(url)
    actors, campaign_id = setup_people(db)
    zones = "ARRAY[" + ",".join(f"'{z}'" for z in ZONES) + "]"
    reasons = "ARRAY[" + ",".join(f"'{r}'" for r in REASONS) + "]"
    with db.engine.begin() as sa_conn:
        conn: Any = sa_conn.connection.driver_connection  # no placeholders: % is modulo
        conn.execute(f"""
            INSERT INTO customers (id, external_id, name, status, defection_reason,
                defection_date, currency, annual_revenue_minor, annual_margin_minor, timezone,
                preferred_language, sltv_minor, sltv_tier, segment, do_not_call, created_at,
                updated_at, version_id)
            SELECT g, 'C' || g, 'Customer ' || g, 'lost',
                   ({reasons})[1 + (g * 7) % {len(REASONS)}],
                   DATE '2026-11-20' - ((g * 13) % 700 + 5),
                   'CNY', r, r / 4, ({zones})[1 + (g * 11) % {len(ZONES)}],
                   CASE WHEN ({zones})[1 + (g * 11) % {len(ZONES)}] LIKE 'Asia/%'
                        THEN 'zh' ELSE 'en' END,
                   (r / 4) * 273 / 100, 'D',
                   CASE WHEN g % 20 = 0 THEN 'do_not_pursue' ELSE 'quick' END,
                   false, now(), now(), 1
            FROM (SELECT g, ((g * 2654435761) % 8000000 + 100000)::bigint AS r
                  FROM generate_series(1, {n}) AS g) s
        """)
        conn.execute(f"""
            INSERT INTO call_tasks (id, campaign_id, customer_id, status, sltv_minor, sltv_tier,
                segment, defection_reason, defection_date, language, timezone, attempts,
                created_at, updated_at)
            SELECT id, {campaign_id}, id, 'queued', sltv_minor, sltv_tier, segment,
                   defection_reason, defection_date, preferred_language, timezone, 0, now(), now()
            FROM customers
        """)
        conn.execute(f"SELECT setval(pg_get_serial_sequence('customers', 'id'), {n})")
        conn.execute(f"SELECT setval(pg_get_serial_sequence('call_tasks', 'id'), {n})")
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM ANALYZE customers")
        conn.exec_driver_sql("VACUUM ANALYZE call_tasks")
    return db, actors, campaign_id
