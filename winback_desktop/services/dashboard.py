"""Small read-only facts for the home screen and the about box."""

from __future__ import annotations

import platform
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from winback_desktop.core.domain import TaskStatus
from winback_desktop.db.models import Call, CallTask, Customer
from winback_desktop.db.session import Database
from winback_desktop.services.context import Actor


@dataclass(frozen=True, slots=True)
class TodayCounts:
    customers: int
    queued_tasks: int
    callbacks_due: int
    calls_today: int
    my_calls_today: int
    calls_last_7_days: int


def local_day_start(now: datetime | None = None) -> datetime:
    """Midnight of today on this workstation's clock, as UTC (calls are stored UTC)."""
    local_now = (now or datetime.now(UTC)).astimezone()
    start = datetime.combine(local_now.date(), time(0), tzinfo=local_now.tzinfo)
    return start.astimezone(UTC)


def today_counts(session: Session, actor: Actor, now: datetime | None = None) -> TodayCounts:
    """Counts every logged-in user may see: the size of the work, not its content."""
    now = now or datetime.now(UTC)
    start = local_day_start(now)
    end = start + timedelta(days=1)
    customers = session.scalar(select(func.count()).select_from(Customer)) or 0
    queued = session.scalar(
        select(func.count()).select_from(CallTask).where(
            CallTask.status == TaskStatus.QUEUED.value)
    ) or 0
    callbacks = session.scalar(
        select(func.count()).select_from(CallTask).where(
            CallTask.status == TaskStatus.CALLBACK.value, CallTask.callback_at < end)
    ) or 0
    calls_today = select(func.count()).select_from(Call).where(
        Call.started_at >= start, Call.started_at < end)
    total_calls = session.scalar(calls_today) or 0
    mine = 0
    if actor.user_id is not None:
        mine = session.scalar(calls_today.where(Call.agent_id == actor.user_id)) or 0
    week = session.scalar(select(func.count()).select_from(Call).where(
        Call.started_at >= start - timedelta(days=6), Call.started_at < end)) or 0
    return TodayCounts(customers, queued, callbacks, total_calls, mine, week)


def today(db: Database, actor: Actor) -> TodayCounts:
    """The home screen's counts, now."""
    with db.session() as session:
        return today_counts(session, actor)


def about_info(db: Database) -> dict[str, Any]:
    """Versions for the about box and for support calls."""
    import sqlalchemy

    server = ""
    try:
        with db.engine.connect() as conn:
            info = conn.dialect.server_version_info
            if info:
                server = ".".join(str(part) for part in info)
    except Exception:
        server = ""
    return {
        "python": platform.python_version(),
        "sqlalchemy": sqlalchemy.__version__,
        "backend": db.backend,
        "server_version": server,
        "database": db.display_url,
    }
