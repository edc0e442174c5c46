"""Language switching, first run, settings, the connection banner and database errors."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from tests.ui.helpers import log_in, main_window, start_controller, wait_ops
from winback_desktop.services.demo import DEMO_PASSWORD


def test_language_switch_retranslates_live_and_is_remembered_for_the_user(
        qtbot: Any, controllers: list, demo_url: str) -> None:
    from winback_desktop.services import users
    from winback_desktop.ui.shell import i18n

    controller = start_controller(controllers, demo_url)
    log_in(qtbot, controller, "agent06")  # an English-speaking agent
    qtbot.waitUntil(lambda: controller.window is not None, timeout=15_000)
    window = controller.window
    wait_ops(qtbot)
    home = window.screens["home"]
    assert window.file_menu.title() == "&File"
    with qtbot.waitSignal(window.ctx.hub.language_changed, timeout=5000) as signal:
        window.language_actions["zh_CN"].trigger()
    assert signal.args == ["zh_CN"]
    qtbot.waitUntil(lambda: window.file_menu.title() == "文件(&F)")
    assert window.nav.item(0).text() == "首页"
    assert window.role_label.text() == "角色：坐席"
    assert home.title.text() == "首页"
    assert home.refresh_button.text() == "刷新"
    wait_ops(qtbot)
    with controller.db.session() as s:
        assert users.get_language(s, users.get_user(s, "agent06").id) == "zh_CN"

    # Applied at the next login, whatever the login dialog was set to.
    window.logout()
    i18n.install("en")
    log_in(qtbot, controller, "agent06")
    qtbot.waitUntil(lambda: controller.window is not None, timeout=15_000)
    assert i18n.current_language() == "zh_CN"
    assert controller.window.file_menu.title() == "文件(&F)"
    assert controller.window.language_actions["zh_CN"].isChecked()


def test_first_run_creates_the_first_admin(qtbot: Any, controllers: list,
                                           sqlite_db: Any) -> None:
    controller = start_controller(controllers, sqlite_db.url)
    qtbot.waitUntil(lambda: controller.first_run is not None, timeout=15_000)
    dialog = controller.first_run
    dialog.admin_button.click()
    dialog.login_edit.setText("boss")
    dialog.name_edit.setText("Lin Boss")
    dialog.password_edit.setText("long-enough-1")
    dialog.repeat_edit.setText("long-enough-2")
    dialog.create_button.click()
    assert dialog.admin_error.text() == "The two passwords differ."
    dialog.repeat_edit.setText("long-enough-1")
    dialog.create_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15_000)
    login = controller.login
    assert login.login_edit.text() == "boss"
    log_in(qtbot, controller, "boss", "long-enough-1")
    qtbot.waitUntil(lambda: controller.window is not None, timeout=15_000)
    assert {"users", "audit"} <= set(controller.window.screen_keys())
    from winback_desktop.services import audit
    from winback_desktop.services.context import Actor

    with sqlite_db.session() as s:
        created = [e for e in audit.list_entries(s, Actor.system()) if e.action == "user_created"]
    assert created and created[0].after["role"] == "admin"


def test_first_run_short_password_is_explained(qtbot: Any, controllers: list,
                                               sqlite_db: Any) -> None:
    controller = start_controller(controllers, sqlite_db.url)
    qtbot.waitUntil(lambda: controller.first_run is not None, timeout=15_000)
    dialog = controller.first_run
    dialog.admin_button.click()
    dialog.password_edit.setText("short")
    dialog.repeat_edit.setText("short")
    dialog.create_button.click()
    qtbot.waitUntil(lambda: bool(dialog.admin_error.text()), timeout=10_000)
    assert dialog.admin_error.text() == "The password needs at least 8 characters."
    assert dialog.isVisible()


def test_first_run_loads_demo_data_and_shows_the_logins(qtbot: Any, controllers: list,
                                                        sqlite_db: Any) -> None:
    controller = start_controller(controllers, sqlite_db.url, demo_customers=60)
    qtbot.waitUntil(lambda: controller.first_run is not None, timeout=15_000)
    dialog = controller.first_run
    dialog.demo_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 2, timeout=60_000)
    assert "60 customers" in dialog.done_text.text()
    assert DEMO_PASSWORD in dialog.done_text.text()
    dialog.continue_button.click()
    assert controller.login.login_edit.text() == "admin"
    assert controller.login.password_edit.text() == DEMO_PASSWORD


def test_settings_save_is_audited_and_read_only_for_supervisors(qtbot: Any,
                                                                demo_db: Any) -> None:
    from winback_desktop.services import audit, settings
    from winback_desktop.services.context import Actor

    window = main_window(qtbot, demo_db, "admin")
    window.settings_action.trigger()
    dialog = window.settings_dialog
    wait_ops(qtbot)
    spin = dialog.editors["lease_minutes"]
    assert spin.isEnabled()
    spin.setValue(20)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    with demo_db.session() as s:
        assert settings.get(s, "lease_minutes") == 20
        entry = audit.list_entries(s, Actor.system(), entity="setting")[0]
    assert (entry.user_login, entry.before, entry.after) == ("admin", {"value": None},
                                                            {"value": 20})

    sup = main_window(qtbot, demo_db, "supervisor1")
    sup.settings_action.trigger()
    wait_ops(qtbot)
    ro = sup.settings_dialog
    assert ro.save_button is None
    assert not ro.editors["lease_minutes"].isEnabled()
    assert ro.editors["lease_minutes"].value() == 20


def test_change_own_password_in_settings(qtbot: Any, demo_db: Any) -> None:
    from winback_desktop.services import auth

    window = main_window(qtbot, demo_db, "agent07")
    window.settings_action.trigger()
    dialog = window.settings_dialog
    dialog.current_edit.setText("wrong-current")
    dialog.new_edit.setText("brand-new-pass")
    dialog.repeat_edit.setText("brand-new-pass")
    dialog.password_button.click()
    qtbot.waitUntil(lambda: bool(dialog.password_status.text()), timeout=10_000)
    assert dialog.password_status.text() == "The current password is wrong."
    dialog.current_edit.setText(DEMO_PASSWORD)
    dialog.password_button.click()
    qtbot.waitUntil(lambda: dialog.password_status.text() == "Your password was changed.",
                    timeout=10_000)
    assert auth.authenticate(demo_db, "agent07", "brand-new-pass").login == "agent07"


def test_lost_connection_shows_a_banner_keeps_typed_work_and_recovers(
        qtbot: Any, demo_db: Any, monkeypatch: Any) -> None:
    window = main_window(qtbot, demo_db, "admin", ping_interval_ms=40)
    users_screen = window.open_screen("users")
    users_screen.filter_edit.setText("half-typed filter")
    events: list[bool] = []
    window.ctx.hub.connection_changed.connect(events.append)
    assert not window.banner.isVisible()

    monkeypatch.setattr(demo_db, "ping", lambda: False)
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=5000)
    assert "reconnecting" in window.banner.text()
    assert "Disconnected" in window.health_label.text()
    checks = window.monitor.checks
    qtbot.waitUntil(lambda: window.monitor.checks > checks + 2, timeout=5000)  # keeps trying

    monkeypatch.undo()
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=5000)
    assert events == [False, True]
    assert "Connected" in window.health_label.text()
    assert window.screens["users"] is users_screen
    assert users_screen.filter_edit.text() == "half-typed filter"


def test_ping_that_raises_counts_as_lost(qtbot: Any, demo_db: Any, monkeypatch: Any) -> None:
    window = main_window(qtbot, demo_db, "agent08", ping_interval_ms=40)

    def broken() -> bool:
        raise OSError("network unreachable")

    monkeypatch.setattr(demo_db, "ping", broken)
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=5000)


def test_unreachable_database_offers_retry_choose_and_quit(qtbot: Any,
                                                          controllers: list) -> None:
    url = "postgresql+psycopg://nobody@127.0.0.1:1/winback"
    controller = start_controller(controllers, url)
    qtbot.waitUntil(lambda: controller.error_dialog is not None, timeout=20_000)
    dialog = controller.error_dialog
    assert dialog.retry_button is not None
    assert "Cannot reach the database" in dialog.informativeText()
    assert not controller.login.login_button.isEnabled()
    assert "not available" in controller.login.database_value.full_text()
    with qtbot.waitSignal(controller.quit_requested, timeout=5000):
        dialog.quit_button.click()


def test_choosing_another_database_after_an_error(qtbot: Any, controllers: list,
                                                  demo_url: str) -> None:
    from winback_desktop.ui.shell import prefs

    controller = start_controller(controllers, "postgresql+psycopg://nobody@127.0.0.1:1/x")
    qtbot.waitUntil(lambda: controller.error_dialog is not None, timeout=20_000)
    controller.error_dialog.choose_button.click()
    qtbot.waitUntil(lambda: getattr(controller, "choose_dialog", None) is not None)
    chooser = controller.choose_dialog
    chooser.url_edit.setText(demo_url)
    chooser.accept()
    qtbot.waitUntil(lambda: controller.login.login_button.isEnabled(), timeout=15_000)
    assert prefs.get_str(prefs.KEY_DATABASE_URL) == demo_url


def test_a_newer_database_is_refused_without_retry(qtbot: Any, controllers: list,
                                                   tmp_path: Path, demo_template: Path) -> None:
    import shutil

    path = tmp_path / "newer.sqlite3"
    shutil.copyfile(demo_template, path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'fromthefuture'")
    controller = start_controller(controllers, f"sqlite:///{path.as_posix()}")
    qtbot.waitUntil(lambda: controller.error_dialog is not None, timeout=20_000)
    dialog = controller.error_dialog
    assert dialog.too_new and dialog.retry_button is None
    assert "newer version" in dialog.informativeText()
    assert "fromthefuture" in dialog.informativeText()
    dialog.quit_button.click()


def test_pre_upgrade_backup_is_named_in_the_status_bar(qtbot: Any, controllers: list,
                                                       demo_url: str, tmp_path: Path,
                                                       monkeypatch: Any) -> None:
    from winback_desktop.services import database

    backup = tmp_path / "winback-pre-upgrade-0001.sqlite3"
    real_open = database.open_database

    def open_with_upgrade(url: str | None = None, **kwargs: Any) -> Any:
        db = real_open(url, **kwargs)
        backup.write_bytes(b"copy")
        kwargs["on_backup"](backup)  # what migrate.upgrade reports before upgrading
        return db

    monkeypatch.setattr(database, "open_database", open_with_upgrade)
    controller = start_controller(controllers, demo_url)
    qtbot.waitUntil(lambda: controller.login.login_button.isEnabled(), timeout=30_000)
    assert controller.backup_path == backup
    log_in(qtbot, controller, "agent10")
    qtbot.waitUntil(lambda: controller.window is not None, timeout=15_000)
    assert controller.window.backup_label.text() == (
        f"Backup taken before the upgrade: {backup}")
