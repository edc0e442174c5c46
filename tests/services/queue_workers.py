"""Worker processes for the concurrency tests (importable by spawned children)."""

from __future__ import annotations

from winback_desktop.db.session import Database
from winback_desktop.services import queue
from winback_desktop.services.context import Actor


def claim_until_empty(url: str, actor: Actor, now_iso: str) -> list[int]:
    from datetime import datetime

    now = datetime.fromisoformat(now_iso)
    db = Database(url)
    got: list[int] = []
    try:
        while (task := queue.claim_next_task(db, actor, now=now)) is not None:
            got.append(task.task_id)
    finally:
        db.dispose()
    return got
