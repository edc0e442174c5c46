"""The home screen's counts, on both engines."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import func, select

from winback_desktop.db.models import Call, User
from winback_desktop.services import dashboard, demo, users
from winback_desktop.services.context import Actor


def test_today_counts_follow_the_data(db: Any) -> None:
    summary = demo.load_demo(db, Actor.system(), customers=80)
    with db.session() as s:
        last_call = s.scalar(select(func.max(Call.started_at)))
        busiest = s.scalar(select(Call.agent_id).where(Call.started_at == last_call).limit(1))
        agent = Actor.of(s.get(User, busiest))
        counts = dashboard.today_counts(s, agent, now=last_call)
        later = dashboard.today_counts(s, agent, now=last_call + timedelta(days=30))
        admin = Actor.of(users.get_user(s, "admin"))
        admin_counts = dashboard.today_counts(s, admin, now=last_call)
    assert counts.customers == 80
    assert 0 < counts.queued_tasks <= summary.tasks
    assert counts.calls_last_7_days >= counts.calls_today >= counts.my_calls_today >= 1
    assert admin_counts.my_calls_today == 0  # admins make no calls in the demo
    assert (later.calls_today, later.calls_last_7_days, later.my_calls_today) == (0, 0, 0)


def test_about_info_names_the_backend(db: Any) -> None:
    info = dashboard.about_info(db)
    assert info["backend"] in {"sqlite", "postgresql"}
    assert info["server_version"]
    assert info["database"] == db.display_url
