"""The callback picker speaks the customer's clock and stores UTC."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from winback_desktop.ui.screens.workspace.callback_dialog import (
    CallbackDialog,
    customer_wall_clock_to_utc,
)


def test_customer_time_converts_to_utc_across_zones_and_dst() -> None:
    # New York in winter is UTC-5, in summer UTC-4
    assert customer_wall_clock_to_utc(datetime(2026, 1, 15, 10, 0), "America/New_York") == \
        datetime(2026, 1, 15, 15, 0, tzinfo=UTC)
    assert customer_wall_clock_to_utc(datetime(2026, 7, 15, 10, 0), "America/New_York") == \
        datetime(2026, 7, 15, 14, 0, tzinfo=UTC)
    # Shanghai has no DST: always UTC+8
    assert customer_wall_clock_to_utc(datetime(2026, 7, 15, 10, 0), "Asia/Shanghai") == \
        datetime(2026, 7, 15, 2, 0, tzinfo=UTC)
    # 02:30 does not exist in New York on 2026-03-08: the clock jumps to 03:30 EDT
    assert customer_wall_clock_to_utc(datetime(2026, 3, 8, 2, 30), "America/New_York") == \
        datetime(2026, 3, 8, 7, 30, tzinfo=UTC)
    # 01:30 happens twice on 2026-11-01: the first (EDT) one is taken
    assert customer_wall_clock_to_utc(datetime(2026, 11, 1, 1, 30), "America/New_York") == \
        datetime(2026, 11, 1, 5, 30, tzinfo=UTC)


def test_dialog_edits_customer_time_and_shows_agent_equivalent(qtbot) -> None:  # type: ignore[no-untyped-def]
    now = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    dialog = CallbackDialog("Emma Taylor", "Europe/London", agent_tz=ZoneInfo("Asia/Shanghai"),
                            now=now)
    qtbot.addWidget(dialog)
    # default: tomorrow 10:00 on the customer's clock
    assert dialog.wall_clock() == datetime(2026, 11, 24, 10, 0)
    dialog.set_wall_clock(datetime(2026, 11, 25, 16, 45))
    assert dialog.callback_at_utc() == datetime(2026, 11, 25, 16, 45, tzinfo=UTC)
    # the agent in Shanghai sees 00:45 the next day
    assert dialog.agent_label.text().startswith("2026-11-26 00:45")
    assert not dialog.is_team()
    dialog.team.setChecked(True)
    assert dialog.is_team()
    assert dialog.ok_button.isEnabled()


def test_dialog_refuses_a_time_in_the_past(qtbot) -> None:  # type: ignore[no-untyped-def]
    now = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    dialog = CallbackDialog("王伟", "Asia/Shanghai", agent_tz=ZoneInfo("Asia/Shanghai"), now=now)
    qtbot.addWidget(dialog)
    dialog.set_wall_clock(datetime(2026, 11, 23, 19, 0))  # 11:00 UTC: an hour ago
    assert not dialog.ok_button.isEnabled()
    assert dialog.warning.text()
    dialog.set_wall_clock(datetime(2026, 11, 23, 21, 0))
    assert dialog.ok_button.isEnabled()
