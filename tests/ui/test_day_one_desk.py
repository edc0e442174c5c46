"""Day one at the desk: what a new agent (or an admin trying the desk) meets first.

* a user who is assigned to no campaign is told so, not that the queue is empty.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QDesktopServices

from tests.ui.helpers import main_window

TIMEOUT = 15_000


@pytest.fixture(autouse=True)
def _no_softphone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda _u: True))


def test_a_user_with_no_campaign_is_told_so_not_that_the_queue_is_empty(
        qtbot: Any, demo_db: Any) -> None:
    from winback_desktop.ui.shell import i18n

    window = main_window(qtbot, demo_db, "admin")
    screen = window.open_screen("workspace")
    qtbot.waitUntil(lambda: screen.assigned is False and screen.idle(), timeout=TIMEOUT)
    assert "not assigned to a campaign" in screen.empty_label.text()
    assert "Campaigns screen" in screen.empty_label.text()
    assert not screen.next_button.isEnabled()
    window.language_actions["zh_CN"].trigger()
    try:
        qtbot.waitUntil(lambda: "尚未分配" in screen.empty_label.text(), timeout=TIMEOUT)
    finally:
        window.language_actions["en"].trigger()
        i18n.install("en")
    agent = main_window(qtbot, demo_db, "agent01")
    desk = agent.open_screen("workspace")
    qtbot.waitUntil(lambda: desk.assigned is True and desk.idle(), timeout=TIMEOUT)
    assert desk.next_button.isEnabled()
    assert "Press F2" in desk.empty_label.text()
