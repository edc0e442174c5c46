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
    # failed logins put further tries on hold (per login and workstation), not lock the account
    assert actions.index("Logged in") < actions.index("Account unlocked") < actions.index(
        "Logins put on hold")  # newest first


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
    # before/after in words, not JSON
    assert "Display name: 陈杰 Chen Jie" in screen.before_text.toPlainText()
    assert "Display name: Chen Jie 陈杰" in screen.after_text.toPlainText()
    assert "{" not in screen.after_text.toPlainText()


def test_every_audited_action_has_a_translated_label() -> None:
    """No raw code in the audit log: each action the services record has a name in both
    languages (the list is read from the source, so a new action without one fails)."""
    import re
    from pathlib import Path

    from winback_desktop.ui.kit.labels import audit_action, audit_entity, audit_field
    from winback_desktop.ui.shell import i18n

    root = Path(__file__).resolve().parents[2] / "winback_desktop"
    codes = set()
    for path in root.rglob("*.py"):
        codes |= set(re.findall(r'audit\.record\(\s*[\w.]+,\s*[\w.]+,\s*"([a-z_]+)"',
                                path.read_text(encoding="utf-8")))
    assert {"customers_exported", "qa_evaluated", "coaching_message"} <= codes
    codes = {c for c in codes if not c.endswith("_")}  # "qa_" + status: listed below
    codes |= {"qa_acknowledged", "qa_disputed", "offer_approved", "offer_rejected",
              "offer_escalated", "offer_countered", "offer_expired"}
    missing = sorted(c for c in codes if audit_action(c) == c)
    assert not missing, missing
    i18n.install("zh_CN")
    try:
        untranslated = sorted(c for c in codes
                              if re.fullmatch(r"[A-Za-z ,()'-]+", audit_action(c)))
        assert not untranslated, untranslated
        assert audit_field("display_name") == "显示名称"
        entities = set()
        for path in root.rglob("*.py"):
            entities |= set(re.findall(
                r'audit\.record\(\s*[\w.]+,\s*[\w.()]+,\s*[^,]+,\s*"([a-z_]+)"',
                path.read_text(encoding="utf-8")))
        assert "reward_redemption" in entities
        raw = sorted(e for e in entities if re.fullmatch(r"[A-Za-z _-]+", audit_entity(e)))
        assert not raw, raw
    finally:
        i18n.install("en")


def test_admin_sets_an_agents_phone_extension_in_the_editor(qtbot: Any, demo_db: Any) -> None:
    from winback_desktop.services import user_actions, users

    window = main_window(qtbot, demo_db, "admin")
    screen = window.open_screen("users")
    wait_ops(qtbot)
    screen.table.selectRow(_row_of(screen, "agent03"))
    screen.edit_button.click()
    qtbot.waitUntil(lambda: screen.dialog is not None and screen.dialog.isVisible(),
                    timeout=10_000)
    dialog = screen.dialog
    assert dialog.extension_edit.text() == ""
    dialog.extension_edit.setText("203")
    dialog.buttons.accepted.emit()
    with demo_db.session() as s:
        user_id = users.get_user(s, "agent03").id

    def saved() -> bool:
        return user_actions.user_details(demo_db, window.ctx.actor, user_id).extension == "203"

    qtbot.waitUntil(saved, timeout=10_000)
