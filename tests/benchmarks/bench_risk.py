"""The early-warning scan against a naive "no purchase for 90 days" rule, and its speed.

Generated histories whose truth is known: customers buy at their own rate (gamma
distributed, so a few buy weekly and many a few times a year), over one to three years;
a share stops buying on one known day (``STOP``); another share left long before and
is already lost (their histories are in the database and in the BG/NBD fit, but the
scan does not flag lost customers). The scan and the naive rule are asked 30, 60 and
90 days after the stop; precision and recall are over the customers the scan looks at
(still buying + stopped).

The timing half builds a SQLite database of ~1M purchases (62k customers, skewed) and
runs the real ``services.risk.scan``; target ≤ 30 s. The floor in the same run: reading
the same rows with a bare ``sqlite3`` cursor.

Run: .venv/bin/python -m pytest tests/benchmarks/bench_risk.py -m benchmark -s
"""

from __future__ import annotations

import os
import sqlite3
import time
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from winback_desktop.core import risk
from winback_desktop.services import purchase_history

STOP = purchase_history.day_number(date(2026, 6, 1))
CUSTOMERS = int(os.environ.get("WINBACK_BENCH_RISK_CUSTOMERS", "62000"))  # ~1M purchases


def generate(n: int, seed: int = 19, stopped_share: float = 0.15, lost_share: float = 0.3
             ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(customer, day, amount_minor) per purchase, sorted, and each customer's group:
    0 still buying, 1 stopped on ``STOP``, 2 lost long before."""
    rng = np.random.default_rng(seed)
    rate = np.clip(rng.gamma(1.2, (1 / 35) / 1.2, n), 1 / 400, 1 / 3)  # purchases a day
    first = STOP - rng.integers(60, 3 * 365, n)
    u = rng.random(n)
    group = np.where(u < stopped_share, 1, np.where(u < stopped_share + lost_share, 2, 0))
    lost_end = first + (rng.random(n) * np.maximum(STOP - 200 - first, 1)).astype(np.int64)
    end = np.where(group == 1, STOP, np.where(group == 2, np.maximum(lost_end, first + 1),
                                               STOP + 120))
    counts = rng.poisson(rate * (end - first)) + 1  # the first purchase, then the rest
    owner = np.repeat(np.arange(n), counts)
    offset = (rng.random(owner.size) * (end - first)[owner]).astype(np.int64)
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    offset[starts] = 0  # everyone's first purchase is on their first day
    days = first[owner] + offset
    mean = rng.lognormal(5.5, 0.8, n)  # ~¥250 a purchase, skewed
    amounts = np.maximum(100, rng.gamma(2.0, mean[owner] / 2) * 100).astype(np.int64)
    order = np.lexsort((days, owner))
    return owner[order], days[order], amounts[order], group


def precision_recall(flags: np.ndarray, truth: np.ndarray) -> tuple[float, float]:
    tp = int(np.sum(flags & truth))
    fp = int(np.sum(flags & ~truth))
    fn = int(np.sum(~flags & truth))
    return (tp / (tp + fp) if tp + fp else 0.0), (tp / (tp + fn) if tp + fn else 0.0)


@pytest.mark.benchmark
def test_flags_against_the_naive_rule() -> None:
    owner, days, amounts, group = generate(50_000)
    h = risk.Histories.from_rows(owner, days, amounts)
    g = group[h.customer_ids]
    looked_at = g != 2
    truth = (g == 1)[looked_at]
    print(f"\n{h.size} customers, {days.size} purchases; {np.sum(g == 1)} stop on day 0, "
          f"{np.sum(g == 0)} keep buying, {np.sum(g == 2)} lost long before")
    print("days after stop | scan precision | scan recall | naive precision | naive recall")
    for after in (30, 60, 90):
        scan = risk.assess(h, STOP + after).any_signal[looked_at]
        naive = risk.naive_flags(h, STOP + after)[looked_at]
        sp, sr = precision_recall(scan, truth)
        np_, nr = precision_recall(naive, truth)
        print(f"{after:>15} | {sp:>14.3f} | {sr:>11.3f} | {np_:>15.3f} | {nr:>12.3f}")
        if after < 90:  # before the naive rule can see anyone, the scan is better on both
            assert sp > np_ and sr > nr


def build_database(path: Path, n: int) -> int:
    """A migrated SQLite file with ``n`` customers and their generated purchases."""
    from winback_desktop.db import migrate
    from winback_desktop.db.engine import make_engine

    engine = make_engine(f"sqlite:///{path.as_posix()}")
    migrate.upgrade(engine, backup=False)
    engine.dispose()
    owner, days, amounts, group = generate(n)
    status = np.where(group == 2, "lost", "active")
    conn = sqlite3.connect(path)
    now = "2026-06-01 00:00:00.000000"
    conn.executemany(
        "INSERT INTO customers (id, external_id, name, status, defection_reason, currency, "
        "timezone, preferred_language, do_not_call, created_at, updated_at, version_id) "
        "VALUES (?, ?, ?, ?, 'unknown', 'CNY', 'Asia/Shanghai', 'zh', 0, ?, ?, 1)",
        ((i + 1, f"C{i + 1:07d}", f"客户{i + 1}", str(status[i]), now, now)
         for i in range(n)))
    epoch = date(1970, 1, 1).toordinal()
    conn.executemany(
        "INSERT INTO purchases (customer_id, purchased_on, amount_minor, dedupe_key, "
        "created_at) VALUES (?, ?, ?, ?, ?)",
        ((int(c) + 1, date.fromordinal(epoch + int(d)).isoformat(), int(a), f"k{i}", now)
         for i, (c, d, a) in enumerate(zip(owner, days, amounts, strict=True))))
    conn.commit()
    conn.close()
    return int(days.size)


@pytest.mark.benchmark
def test_scan_of_a_million_purchases_on_sqlite(tmp_path: Path) -> None:
    from winback_desktop.db.session import Database
    from winback_desktop.services import risk as risk_service
    from winback_desktop.services.context import Actor

    path = tmp_path / "risk.sqlite3"
    purchases = build_database(path, CUSTOMERS)

    started = time.perf_counter()
    raw = sqlite3.connect(path)
    rows = raw.execute("SELECT customer_id, julianday(purchased_on), amount_minor "
                       "FROM purchases ORDER BY customer_id, purchased_on").fetchall()
    raw.close()
    floor = time.perf_counter() - started

    db = Database(f"sqlite:///{path.as_posix()}")
    try:
        started = time.perf_counter()
        result = risk_service.scan(db, Actor.system(), as_of=date(2026, 7, 1))
        took = time.perf_counter() - started
        started = time.perf_counter()
        again = risk_service.scan(db, Actor.system(), as_of=date(2026, 7, 1))
        second = time.perf_counter() - started
    finally:
        db.dispose()
    print(f"\n{CUSTOMERS} customers, {purchases} purchases ({len(rows)} read by the floor)")
    print(f"bare sqlite3 read {floor:.2f} s | scan {took:.2f} s ({took / floor:.1f}x the read)"
          f" | flagged {len(result.flagged)} | second scan {second:.2f} s, flagged "
          f"{len(again.flagged)} | model {result.model}")
    assert took <= 30.0
