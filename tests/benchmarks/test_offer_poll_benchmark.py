"""The workspace polls its offer request every second and each supervisor's inbox every
two: both must stay cheap with a long request history (issue 7). Run with
``-m benchmark``; prints p50/p99 and the ratio to a bare primary-key read."""

from __future__ import annotations

import statistics
import time
from datetime import timedelta

import pytest
from sqlalchemy import insert, select

from tests.services.offer_fixtures import add_customer, make_team
from winback_desktop.db.models import OfferRequest
from winback_desktop.db.types import utcnow
from winback_desktop.services import offers

HISTORY = 100_000


def _times(fn, n: int = 200) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return sorted(out)


@pytest.mark.benchmark
def test_poll_and_inbox_stay_cheap(db) -> None:  # type: ignore[no-untyped-def]
    team = make_team(db)
    customer_id, task = add_customer(db, team.campaign_id)
    template = offers.request_offer(db, team.agent, "GIFT-WELCOME", task_id=task).template_id
    now = utcnow()
    rows = [{"offer_template_id": template, "customer_id": customer_id,
             "agent_id": (team.agent.user_id, team.agent2.user_id)[i % 2],
             "status": ("accepted", "declined", "rejected", "expired")[i % 4],
             "cost_minor": 5_000, "sltv_minor": 1_000_000,
             "requested_at": now - timedelta(minutes=i), "created_at": now, "updated_at": now,
             "version_id": 1} for i in range(HISTORY)]
    with db.session() as s:
        for start in range(0, HISTORY, 5_000):
            s.execute(insert(OfferRequest.__table__), rows[start:start + 5_000])  # type: ignore[arg-type]
    if db.backend == "postgresql":  # what autovacuum does after a bulk load
        with db.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE offer_requests")
            conn.commit()
    pending = offers.request_offer(db, team.agent2, "GIFT-WELCOME",
                                   customer_id=add_customer(db, team.campaign_id)[0])
    since = utcnow() - timedelta(seconds=5)

    def poll() -> None:
        with db.session() as s:
            offers.my_requests(s, team.agent2, since, customer_id=pending.customer_id, limit=5)

    def poll_by_id() -> None:
        with db.session() as s:
            offers.my_requests(s, team.agent2, ids=[pending.id], limit=1)

    def inbox() -> None:
        with db.session() as s:
            offers.pending_for(s, team.supervisor)

    def bare() -> None:
        with db.session() as s:
            s.execute(select(OfferRequest.status).where(OfferRequest.id == pending.id)).one()

    base, p, i, k = _times(bare), _times(poll), _times(inbox, 50), _times(poll_by_id)
    for name, t in (("bare pk read", base), ("my_requests by customer", p),
                    ("my_requests by id (panel poll)", k), ("pending_for inbox", i)):
        print(f"{db.backend} {name}: p50 {statistics.median(t):.2f} ms, "
              f"p99 {t[int(len(t) * 0.99) - 1]:.2f} ms")
    print(f"panel poll / bare = {statistics.median(k) / statistics.median(base):.1f}x")
    assert statistics.median(k) < 10 * statistics.median(base)
    assert statistics.median(p) < 20 and statistics.median(i) < 200
