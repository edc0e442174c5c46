"""Logging in, the messages a user sees when it fails, and what each role may open."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.ui.conftest import DEMO_CUSTOMERS
from tests.ui.helpers import log_in, main_window, start_controller, wait_ops


def test_login_opens_the_main_window_with_user_role_and_database(
        qtbot: Any, controllers: list, demo_url: str) -> None:
    controller = start_controller(controllers, demo_url)
    log_in(qtbot, controller, "supervisor2")
    qtbot.waitUntil(lambda: controller.window is not None, timeout=15_000)
    window = controller.window
    assert window.isVisible()
    assert controller.login is None
    assert "Sarah Walker" in window.user_label.text()
    assert window.role_label.text() == "Role: Supervisor"
    assert "demo.sqlite3" in window.db_label.text()
    assert "Connected" in window.health_label.text()
    assert window.current_key() == "home"
    wait_ops(qtbot)
    home = window.screens["home"]
    assert home.counts.customers == DEMO_CUSTOMERS
    assert home.values["customers"].text() == str(DEMO_CUSTOMERS)


def test_wrong_password_says_so_and_keeps_the_dialog(qtbot: Any, controllers: list, demo_url: str) -> None:
    controller = start_controller(controllers, demo_url)
    dialog = log_in(qtbot, controller, "agent01", "not-the-password")
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=15_000)
    assert dialog.error_label.text() == "Wrong login or password."
    assert controller.window is None
    assert dialog.login_button.isEnabled()


def test_repeated_failures_make_this_workstation_wait_and_say_how_long(
        qtbot: Any, controllers: list, demo_url: str) -> None:
    from winback_desktop.services import auth

    controller = start_controller(controllers, demo_url)
    dialog = controller.login
    for _ in range(auth.FREE_FAILURES):
        log_in(qtbot, controller, "agent02", "wrong-password")
        wait_ops(qtbot)
    # The wrong password that earns the wait answers like an unknown login would.
    assert dialog.error_label.text() == "Wrong login or password."
    # The right password waits too at this workstation, and learns for how long.
    log_in(qtbot, controller, "agent02")
    wait_ops(qtbot)
    assert controller.window is None
    text = dialog.error_label.text()
    assert re.fullmatch(r"Too many failed logins with this name on this computer\. "
                        r"Wait \d+ seconds, then try again\.", text), text
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("zh_CN"))
    qtbot.waitUntil(lambda: dialog.login_button.text() == "登录")
    log_in(qtbot, controller, "agent02")
    wait_ops(qtbot)
    assert re.fullmatch(r"此登录名在本电脑上登录失败次数过多。请等待 \d+ 秒后再试。",
                        dialog.error_label.text()), dialog.error_label.text()


def test_login_errors_are_translated(qtbot: Any, controllers: list, demo_url: str) -> None:
    controller = start_controller(controllers, demo_url)
    dialog = controller.login
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("zh_CN"))
    qtbot.waitUntil(lambda: dialog.login_button.text() == "登录")
    log_in(qtbot, controller, "agent01", "nope-nope")
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=15_000)
    assert dialog.error_label.text() == "登录名或密码错误。"


@pytest.mark.parametrize(("login", "present", "absent"), [
    ("agent01", {"home"}, {"users", "audit"}),
    ("supervisor1", {"home", "audit"}, {"users"}),
    ("admin", {"home", "users", "audit"}, set()),
])
def test_navigation_shows_only_the_screens_the_role_may_use(
        qtbot: Any, demo_db: Any, login: str, present: set[str], absent: set[str]) -> None:
    window = main_window(qtbot, demo_db, login)
    keys = set(window.screen_keys())
    assert present <= keys
    assert not (absent & keys)
    assert window.nav.count() == len(keys)
    for key in sorted(present):
        widget = window.open_screen(key)
        wait_ops(qtbot)
        assert widget.isVisible()
        assert key not in window.screen_errors


def test_logout_returns_to_the_login_dialog(qtbot: Any, controllers: list, demo_url: str) -> None:
    controller = start_controller(controllers, demo_url)
    log_in(qtbot, controller, "agent03")
    qtbot.waitUntil(lambda: controller.window is not None, timeout=15_000)
    window = controller.window
    window.logout_action.trigger()
    assert controller.window is None
    assert controller.login is not None and controller.login.isVisible()
    assert controller.login.login_edit.text() == "agent03"
    assert controller.login.login_button.isEnabled()  # same database, no reopening


def test_window_geometry_is_remembered(qtbot: Any, demo_db: Any) -> None:
    window = main_window(qtbot, demo_db, "agent04")
    window.resize(730, 530)  # the offscreen test screen is only 800x600
    window.close()
    again = main_window(qtbot, demo_db, "agent04")
    assert (again.width(), again.height()) == (730, 530)


def test_about_box_names_the_versions(qtbot: Any, demo_db: Any) -> None:
    import PySide6
    import sqlalchemy

    window = main_window(qtbot, demo_db, "agent05")
    window.about_action.trigger()
    qtbot.waitUntil(lambda: getattr(window, "about_box", None) is not None, timeout=10_000)
    text = window.about_box.text()
    for needle in (PySide6.__version__, sqlalchemy.__version__, "sqlite", "Python"):
        assert needle in text
    window.about_box.close()


def test_ctrl_number_jumps_to_a_screen(qtbot: Any, demo_db: Any) -> None:
    window = main_window(qtbot, demo_db, "admin")
    keys = window.screen_keys()
    window.screen_actions[2].trigger()
    assert window.current_key() == keys[2]
    assert window.screen_actions[2].shortcut().toString() == "Ctrl+3"
    wait_ops(qtbot)


def test_the_language_chosen_at_login_wins_over_the_stored_preference(
        qtbot: Any, controllers: list, demo_url: str) -> None:
    """agent01 prefers Chinese, but chose English at this login: English, and remembered."""
    from winback_desktop.db.models import User
    from winback_desktop.db.session import Database

    db = Database(demo_url)
    try:
        with db.session() as s:
            s.query(User).filter(User.login == "agent01").update({"language": "zh_CN"})
    finally:
        db.dispose()
    controller = start_controller(controllers, demo_url)
    dialog = controller.login
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    log_in(qtbot, controller, "agent01")
    qtbot.waitUntil(lambda: controller.window is not None, timeout=15_000)
    window = controller.window
    assert window.ctx.language == "en"
    assert window.file_menu.title() == "&File"
    wait_ops(qtbot)
    db = Database(demo_url)
    try:
        with db.session() as s:
            assert s.query(User.language).filter(User.login == "agent01").scalar() == "en"
    finally:
        db.dispose()
