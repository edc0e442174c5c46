"""The agent's desk at the default 1280×800 window: the card fits, every key is one action.

* the customer card (local time, spend history) fits its column without a horizontal
  scroll bar, in English and in 简体中文 (it needed 829 px where 649 were free);
* no two shortcuts of the main window and the open screen share a key (Qt calls such a
  key "ambiguous" and runs neither), and Ctrl+1…Ctrl+5 switch screens from inside the
  call workspace, even from the call notes.
"""

from __future__ import annotations

from collections import defaultdict
from pprint import pformat
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QApplication, QMenu, QScrollArea, QWidget

from tests.ui.helpers import main_window, wait_ops

TIMEOUT = 15_000


@pytest.fixture(autouse=True)
def _no_softphone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda _u: True))


def _on_a_call(qtbot: Any, demo_db: Any, language: str) -> tuple[Any, Any]:
    from winback_desktop.db.models import User

    with demo_db.session() as s:
        s.query(User).filter(User.login == "agent01").update({"language": language})
    window = main_window(qtbot, demo_db, "agent01")
    window.set_language(language)
    window.resize(1280, 800)
    desk = window.open_screen("workspace")
    qtbot.waitUntil(lambda: desk.idle() and desk.next_button.isEnabled(), timeout=TIMEOUT)
    desk.next_customer()
    qtbot.waitUntil(lambda: desk.card is not None and desk.idle(), timeout=TIMEOUT)
    wait_ops(qtbot)
    return window, desk


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_customer_card_fits_1280x800_without_a_sideways_scroll_bar(
        qtbot: Any, demo_db: Any, language: str) -> None:
    window, desk = _on_a_call(qtbot, demo_db, language)
    assert (window.width(), window.height()) == (1280, 800)
    scroll = desk.findChild(QScrollArea)
    assert scroll is not None and scroll.widget() is desk.card_view
    qtbot.waitUntil(lambda: desk.card_view.local_time.text() != "", timeout=TIMEOUT)
    qtbot.wait(50)
    need = desk.card_view.minimumSizeHint().width()
    room = scroll.viewport().width()
    assert need <= room, f"the card needs {need} px, {room} px are free"
    assert not scroll.horizontalScrollBar().isVisible()
    # Everything a person reads first is inside the visible part of the card.
    for label in (desk.card_view.local_time, desk.card_view.revenue_label,
                  desk.card_view.last_purchase_label):
        right = label.mapTo(desk.card_view, label.rect().topRight()).x()
        assert right <= room, (label.text(), right, room)


def test_the_card_boxes_go_side_by_side_when_there_is_room(qtbot: Any, demo_db: Any) -> None:
    window, desk = _on_a_call(qtbot, demo_db, "en")
    boxes = desk.card_view.boxes
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: boxes.wide is False, timeout=TIMEOUT)
    window.resize(1900, 1000)
    qtbot.waitUntil(lambda: boxes.wide is True, timeout=TIMEOUT)


def _shortcuts(window: QWidget) -> dict[str, list[str]]:
    """Every key that does something right now in ``window``: actions, shortcuts and the
    mnemonics (Alt+letter) of visible buttons and of the menu bar."""
    found: dict[str, list[str]] = defaultdict(list)

    def live(widget: QWidget | None) -> bool:
        if isinstance(widget, QMenu):  # a menu's keys work while its window shows
            return widget.window() is window or widget.parentWidget() is not None
        return widget is None or (widget.isVisible() and widget.window() is window)

    for action in window.findChildren(QAction):
        owners = [w for w in action.associatedObjects() if isinstance(w, QWidget)]
        if action.isVisible() and (not owners or any(live(w) for w in owners)):
            for seq in action.shortcuts():
                if not seq.isEmpty():
                    found[seq.toString()].append(f"action {action.text()!r}")
    for shortcut in window.findChildren(QShortcut):
        parent = shortcut.parent()
        if isinstance(parent, QWidget) and live(parent) and not shortcut.key().isEmpty():
            found[shortcut.key().toString()].append(f"shortcut in {type(parent).__name__}")
    for button in window.findChildren(QAbstractButton):
        if live(button) and button.isEnabled():
            seq = QKeySequence.mnemonic(button.text())
            if not seq.isEmpty():
                found[seq.toString()].append(f"button {button.text()!r}")
    for action in window.menuBar().actions():
        seq = QKeySequence.mnemonic(action.text())
        if not seq.isEmpty():
            found[seq.toString()].append(f"menu {action.text()!r}")
    return found


def _clashes(window: QWidget) -> dict[str, list[str]]:
    return {key: owners for key, owners in _shortcuts(window).items() if len(owners) > 1}


@pytest.mark.parametrize("login", ["agent01", "supervisor1", "admin"])
def test_no_two_shortcuts_share_a_key_on_any_screen(qtbot: Any, demo_db: Any,
                                                    login: str) -> None:
    window = main_window(qtbot, demo_db, login)
    window.resize(1280, 800)
    clashes = {}
    for key in window.screen_keys():
        window.open_screen(key)
        wait_ops(qtbot)
        found = _clashes(window)
        if found:
            clashes[key] = found
    assert clashes == {}, pformat(clashes)


def test_the_clash_check_notices_a_clash(qtbot: Any, demo_db: Any) -> None:
    window = main_window(qtbot, demo_db, "agent01")
    window.open_screen("home")
    extra = QShortcut(QKeySequence("Ctrl+1"), window)
    assert "Ctrl+1" in _clashes(window)
    extra.setParent(None)


def test_ctrl_digits_switch_screens_from_inside_a_call(qtbot: Any, demo_db: Any) -> None:
    window, desk = _on_a_call(qtbot, demo_db, "en")
    assert _clashes(window) == {}
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    keys = window.screen_keys()
    for row in range(min(5, len(keys))):
        desk_row = keys.index("workspace")
        window.nav.setCurrentRow(desk_row)
        desk.notes.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is desk.notes, timeout=5_000)
        qtbot.keyClick(desk.notes, Qt.Key(Qt.Key.Key_1 + row), Qt.KeyboardModifier.ControlModifier)
        assert window.current_key() == keys[row], f"Ctrl+{row + 1}"
    window.open_screen("workspace")
    desk._leave_reason = "quit"
