"""Pure queue rules: calling windows (DST), skills, tier ceilings, ordering."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from winback_desktop.core import queue_rules as qr

NOW = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)


def test_in_window_plain_and_overnight() -> None:
    assert qr.in_window(time(9, 0), time(9, 0), time(20, 0))
    assert not qr.in_window(time(20, 0), time(9, 0), time(20, 0))  # end is exclusive
    assert qr.in_window(time(23, 30), time(22, 0), time(2, 0))
    assert qr.in_window(time(1, 59), time(22, 0), time(2, 0))
    assert not qr.in_window(time(2, 0), time(22, 0), time(2, 0))


@pytest.mark.parametrize(("utc", "inside"), [
    (datetime(2026, 3, 6, 13, 59, tzinfo=UTC), False),  # 08:59 EST
    (datetime(2026, 3, 6, 14, 0, tzinfo=UTC), True),    # 09:00 EST
    (datetime(2026, 3, 9, 13, 0, tzinfo=UTC), True),    # 09:00 EDT (after 8 March)
    (datetime(2026, 11, 2, 0, 59, tzinfo=UTC), True),   # 19:59 EST (after 1 November)
    (datetime(2026, 11, 2, 1, 0, tzinfo=UTC), False),   # 20:00 EST
])
def test_zones_in_window_follow_daylight_saving(utc: datetime, inside: bool) -> None:
    zones = qr.zones_in_window(utc, time(9, 0), time(20, 0))
    assert ("America/New_York" in zones) is inside


def test_zones_in_window_never_lists_unknown_zones_and_needs_aware_time() -> None:
    assert "Mars/Olympus" not in qr.zones_in_window(NOW, time(0, 0), time(0, 0))
    assert not qr.is_callable_now("Mars/Olympus", NOW, time(0, 0), time(0, 0))
    with pytest.raises(ValueError):
        qr.zones_in_window(datetime(2026, 1, 1), time(9, 0), time(20, 0))


def test_skills_default_to_everything_and_trainees_never_get_tier_a() -> None:
    assert qr.AgentSkills.of(None, None, None, "senior").allowed_tiers() is None
    assert qr.AgentSkills.of([], [], [], None).allowed_tiers() is None
    trainee = qr.AgentSkills.of(["A", "B"], None, ["en"], "trainee")
    assert trainee.allowed_tiers() == ["B"]
    assert not trainee.matches("A", "unknown", "en")
    assert not trainee.matches("B", "unknown", "zh")
    assert trainee.matches("B", "unknown", "en")
    assert qr.AgentSkills.of(None, None, None, "trainee").allowed_tiers() == [
        "B", "C", "D", "negative"]


def test_sltv_ceiling_starts_below_barred_top_tiers() -> None:
    bounds = {"A": 5_000_000, "B": 2_000_000, "C": 500_000, "D": 0}
    assert qr.sltv_ceiling(None, bounds) is None
    assert qr.sltv_ceiling(["A", "C"], bounds) is None
    assert qr.sltv_ceiling(["B", "C"], bounds) == 5_000_000
    assert qr.sltv_ceiling(["D"], bounds) == 500_000
    assert qr.sltv_ceiling(["negative"], bounds) == 0


def _task(i: int, **kw: object) -> qr.TaskView:
    data: dict = {"id": i, "status": "queued", "sltv_minor": 100, "sltv_tier": "D",
                  "segment": "quick", "defection_reason": "unknown",
                  "defection_date": date(2026, 1, 1), "language": "zh",
                  "timezone": "Asia/Shanghai", "attempts": 0} | kw
    return qr.TaskView(**data)


def test_priority_callbacks_own_then_team_then_sltv_then_recent_defection() -> None:
    due = NOW - timedelta(minutes=5)
    tasks = [
        _task(1, sltv_minor=900),
        _task(2, sltv_minor=500, defection_date=date(2026, 6, 1)),
        _task(3, sltv_minor=500, defection_date=date(2025, 6, 1)),
        _task(4, status="callback", callback_at=due, callback_owner_id=None),
        _task(5, status="callback", callback_at=due, callback_owner_id=7),
    ]
    ordered = sorted(tasks, key=lambda t: qr.priority_key(t, 7, NOW))
    assert [t.id for t in ordered] == [5, 4, 1, 2, 3]


def test_skip_reasons_in_preview_order() -> None:
    window = (time(9, 0), time(20, 0))
    assert qr.skip_reason(_task(1), NOW, window=window, max_attempts=3) is None
    assert qr.skip_reason(_task(1, do_not_call=True, timezone="Europe/London"), NOW,
                          window=window, max_attempts=3) == "dnc"
    assert qr.skip_reason(_task(1, timezone="Europe/London", attempts=9), NOW,
                          window=window, max_attempts=3) == "window"
    assert qr.skip_reason(_task(1, attempts=3, segment="do_not_pursue"), NOW,
                          window=window, max_attempts=3) == "attempts"
    assert qr.skip_reason(_task(1, segment="do_not_pursue"), NOW, window=window,
                          max_attempts=3) == "segment"
    assert qr.skip_reason(_task(1, next_eligible_at=NOW + timedelta(minutes=1)), NOW,
                          window=window, max_attempts=3) == "retry_gap"
