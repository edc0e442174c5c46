"""The admin's users screen and the audit log screen, through their widgets."""

from __future__ import annotations

from typing import Any

import pytest

from tests.ui.helpers import main_window, wait_ops


def _row_of(screen: Any, login: str) -> int:
    return next(i for i, info in enumerate(screen.rows) if info.login == login)


def test_admin_adds_a_user_who_can_then_log_in(qtbot: Any, demo_db: Any) -> None:
    from winback_desktop.services import auth, users

    window = main_window(qtbot, demo_db, "admin")
    screen = window.open_screen("users")
    wait_ops(qtbot)
    screen.add_button.click()
    dialog = screen.dialog
    dialog.login_edit.setText("agent11")
    dialog.name_edit.setText("新人 New Hire")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("agent"))
    dialog.team_combo.setCurrentText("Team 1")
    dialog.password_edit.setText("first-pass-11")
    dialog.repeat_edit.setText("first-pass-11")
    dialog.tier_checks["A"].setChecked(True)
    dialog.lang_checks["zh"].setChecked(True)
    dialog.seniority_combo.setCurrentIndex(dialog.seniority_combo.findData("trainee"))
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: any(i.login == "agent11" for i in screen.rows), timeout=10_000)
    row = _row_of(screen, "agent11")
    assert screen.table.item(row, 1).text() == "新人 New Hire"
    assert screen.table.item(row, 3).text() == "Team 1"
    assert auth.authenticate(demo_db, "agent11", "first-pass-11").login == "agent11"
    with demo_db.session() as s:
        details = users.user_details(s, window.ctx.actor, users.get_user(s, "agent11").id)
    assert (details.skill_tiers, details.languages, details.seniority) == (
        ["A"], ["zh"], "trainee")


def test_admin_edits_role_and_deactivates(qtbot: Any, demo_db: Any) -> None:
    from winback_desktop.core.errors import AuthenticationFailed
    from winback_desktop.services import auth

    window = main_window(qtbot, demo_db, "admin")
    screen = window.open_screen("users")
    wait_ops(qtbot)
    screen.table.selectRow(_row_of(screen, "agent02"))
    screen.edit_button.click()
    qtbot.waitUntil(lambda: screen.dialog is not None and screen.dialog.isVisible(),
                    timeout=10_000)
    dialog = screen.dialog
    assert dialog.login_edit.isReadOnly() and dialog.login_edit.text() == "agent02"
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("supervisor"))
    dialog.active_check.setChecked(False)
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: screen.table.item(_row_of(screen, "agent02"), 4).text() == "no",
                    timeout=10_000)
    assert screen.table.item(_row_of(screen, "agent02"), 2).text() == "Supervisor"
    with pytest.raises(AuthenticationFailed):
        auth.authenticate(demo_db, "agent02", "winback-demo")


def test_admin_unlocks_a_locked_user_and_the_audit_log_shows_it(qtbot: Any,
                                                                demo_db: Any) -> None:
    from winback_desktop.core.errors import WinbackError
    from winback_desktop.services import auth

    for _ in range(5):
        with pytest.raises(WinbackError):
            auth.authenticate(demo_db, "agent03", "bad-password")
    window = main_window(qtbot, demo_db, "admin")
    screen = window.open_screen("users")
    wait_ops(qtbot)
    row = _row_of(screen, "agent03")
    assert screen.table.item(row, 5).text() == "locked"
    screen.table.selectRow(row)
    assert screen.unlock_button.isEnabled()
    screen.unlock_button.click()
    qtbot.waitUntil(lambda: screen.table.item(_row_of(screen, "agent03"), 5).text() == "",
                    timeout=10_000)
    assert auth.authenticate(demo_db, "agent03", "winback-demo").login == "agent03"

    audit = window.open_screen("audit")
    wait_ops(qtbot)
    audit.refresh()
    wait_ops(qtbot)
    actions = [audit.table.item(r, 2).text() for r in range(audit.table.rowCount())]
    assert actions.index("Logged in") < actions.index("Account unlocked") < actions.index(
        "Account locked")  # newest first


def test_audit_screen_filters_by_user_and_entity_and_shows_before_after(
        qtbot: Any, demo_db: Any) -> None:
    from winback_desktop.services import users

    window = main_window(qtbot, demo_db, "admin")
    with demo_db.session() as s:
        target = users.get_user(s, "agent05")
        users.update_user(s, window.ctx.actor, target.id, display_name="Chen Jie 陈杰")
    sup = main_window(qtbot, demo_db, "supervisor1")
    screen = sup.open_screen("audit")
    wait_ops(qtbot)
    screen.refresh()
    wait_ops(qtbot)
    screen.user_combo.setCurrentIndex(screen.user_combo.findData("admin"))
    wait_ops(qtbot)
    assert screen.table.rowCount() > 0
    assert {screen.table.item(r, 1).text() for r in range(screen.table.rowCount())} == {"admin"}
    screen.entity_combo.setCurrentIndex(screen.entity_combo.findData("user"))
    wait_ops(qtbot)
    first = screen.entries[0]
    assert first.action == "user_updated"
    assert screen.table.currentRow() == 0
    assert '"display_name": "陈杰 Chen Jie"' in screen.before_text.toPlainText()
    assert '"display_name": "Chen Jie 陈杰"' in screen.after_text.toPlainText()
