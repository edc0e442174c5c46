"""Eight processes claim from one queue until it is empty: each task exactly once."""

from __future__ import annotations

import multiprocessing
from collections import Counter
from datetime import time, timedelta

from sqlalchemy import func, insert, select, update

from tests.services.queue_helpers import NOW, agent, campaign
from tests.services.queue_workers import claim_until_empty
from winback_desktop.db.models import CallTask, Customer

TASKS = 1_600
PROCESSES = 8


def test_eight_processes_claim_every_task_exactly_once(db, db_url, admin) -> None:
    _claim_everything(db, db_url, admin, ready_after_a_gap=False)


def test_tasks_back_from_their_retry_gap_are_claimed_exactly_once(db, db_url, admin) -> None:
    """Half the queue has just passed its retry gap: every claimer may find tasks to
    release before it claims; still each task goes to exactly one agent."""
    _claim_everything(db, db_url, admin, ready_after_a_gap=True)


def _claim_everything(db, db_url, admin, *, ready_after_a_gap: bool) -> None:  # type: ignore[no-untyped-def]
    agents = [agent(db, admin, f"agent{i}") for i in range(PROCESSES)]
    with db.session() as s:
        s.execute(insert(Customer), [
            {"external_id": f"C{i}", "name": f"c{i}", "status": "lost",
             "sltv_minor": (i * 7919) % 100_000, "sltv_tier": "D", "segment": "quick",
             "timezone": ("Asia/Shanghai", "Europe/London", "America/New_York")[i % 3],
             "preferred_language": "zh", "defection_reason": "unknown", "version_id": 1}
            for i in range(TASKS)])
    # an always-open window: the whole queue is callable
    campaign(db, admin, agents, window_start=time(0, 0), window_end=time(0, 0))
    if ready_after_a_gap:
        with db.session() as s:
            s.execute(update(CallTask).where(CallTask.id % 2 == 0)
                      .values(attempts=1, next_eligible_at=NOW - timedelta(minutes=1)))
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(PROCESSES) as pool:
        results = pool.starmap(claim_until_empty,
                               [(db_url, a, NOW.isoformat()) for a in agents])
    claimed = Counter(t for part in results for t in part)
    assert len(claimed) == TASKS
    assert max(claimed.values()) == 1
    assert sum(1 for part in results if part) >= 2  # the work really was shared
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(CallTask)
                        .where(CallTask.status == "claimed")) == TASKS
        holders = Counter(s.scalars(select(CallTask.claimed_by)))
    assert sum(holders.values()) == TASKS
