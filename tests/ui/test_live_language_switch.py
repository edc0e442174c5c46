"""A live language switch with every screen of every role open leaves no word behind.

The agent has a customer on the line (card, interview script, offers); the supervisor and
the admin have every screen of their navigation built. Switching to 简体中文 must leave
no shipped English message on any of them (QA criteria, programme totals, the plans'
"steps due", the script editor's reason columns included), and switching back no Chinese.
"""

from __future__ import annotations

from pprint import pformat
from typing import Any

import pytest
from PySide6.QtGui import QDesktopServices

from tests.ui.helpers import main_window, wait_ops
from tests.ui.language_check import foreign_texts

TIMEOUT = 15_000


@pytest.fixture(autouse=True)
def _no_softphone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda _u: True))


def _open_everything(qtbot: Any, window: Any) -> None:
    for key in window.screen_keys():
        window.open_screen(key)
        wait_ops(qtbot)
    if "workspace" in window.screens:
        desk = window.open_screen("workspace")
        qtbot.waitUntil(desk.idle, timeout=TIMEOUT)
        if desk.next_button.isEnabled():
            desk.next_customer()
            qtbot.waitUntil(lambda: desk.card is not None and desk.idle(), timeout=TIMEOUT)
            desk.dial_first()
            qtbot.waitUntil(desk.idle, timeout=TIMEOUT)
            desk.mark_answered()
            qtbot.waitUntil(desk.idle, timeout=TIMEOUT)
    wait_ops(qtbot)


def _switch(qtbot: Any, window: Any, code: str) -> None:
    window.language_actions[code].trigger()
    wait_ops(qtbot)
    qtbot.wait(50)
    wait_ops(qtbot)


def _left_over(window: Any, language: str) -> dict[str, list[tuple[str, str]]]:
    found = {}
    for key, screen in window.screens.items():
        texts = foreign_texts(screen, language)
        if texts:
            found[key] = texts
    shell = [t for t in foreign_texts(window.menuBar(), language)
             + foreign_texts(window.statusBar(), language)
             + foreign_texts(window.nav, language)]
    if shell:
        found["(window)"] = shell
    return found


@pytest.mark.parametrize("login", ["agent01", "supervisor1", "admin"])
def test_every_open_screen_follows_a_live_switch_both_ways(
        qtbot: Any, demo_db: Any, login: str) -> None:
    from winback_desktop.db.models import User

    with demo_db.session() as s:  # start in English whatever the demo prefers
        s.query(User).filter(User.login == login).update({"language": "en"})
    window = main_window(qtbot, demo_db, login)
    window.resize(1280, 800)
    try:
        _open_everything(qtbot, window)
        found = _left_over(window, "en")
        assert not found, f"Chinese on English screens before any switch: {pformat(found)}"
        _switch(qtbot, window, "zh_CN")
        found = _left_over(window, "zh_CN")
        assert not found, f"English left after switching to Chinese: {pformat(found)}"
        _switch(qtbot, window, "en")
        found = _left_over(window, "en")
        assert not found, f"Chinese left after switching back: {pformat(found)}"
    finally:
        desk = window.screens.get("workspace")
        if desk is not None and hasattr(desk, "_leave_reason"):
            desk._leave_reason = "quit"  # the test ends mid-call: no "leave anyway?" box
