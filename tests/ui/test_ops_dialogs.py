"""The team-server and backup dialogs: what an admin sees when things go right or wrong."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from tests.keyring_stub import MemoryKeyring
from winback_desktop.core.domain import Role
from winback_desktop.services import backup, demo, team_setup
from winback_desktop.services.context import Actor
from winback_desktop.ui.shell.context import AppContext


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    stub = MemoryKeyring()
    keyring.set_keyring(stub)
    yield stub
    keyring.set_keyring(previous)


@pytest.fixture
def ctx(sqlite_db) -> AppContext:  # type: ignore[no-untyped-def]
    return AppContext(sqlite_db, Actor.system())


def test_refused_connection_is_shown_in_plain_words(qtbot, ctx, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    from winback_desktop.ui.screens.admin.team_server_dialog import TeamServerDialog

    dialog = TeamServerDialog(ctx)
    qtbot.addWidget(dialog)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(port)
    op = dialog.test()
    qtbot.waitUntil(lambda: op.done, timeout=15000)
    assert "refused the connection" in dialog.status.text()
    assert dialog.test_button.isEnabled()


def test_saving_keeps_the_password_in_the_keyring(qtbot, ctx, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    from winback_desktop.ui.screens.admin.team_server_dialog import TeamServerDialog

    dialog = TeamServerDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.host.setText("db1")
    dialog.password.setText("pw-1")
    with qtbot.waitSignal(dialog.connection_saved) as saved:
        dialog.save()
    assert "pw-1" in saved.args[0]
    assert "pw-1" not in team_setup.connection_file().read_text(encoding="utf-8")
    again = TeamServerDialog(ctx)  # reopening shows the saved server and password
    qtbot.addWidget(again)
    assert again.host.text() == "db1" and again.password.text() == "pw-1"


def test_agents_cannot_use_the_database_dialogs(qtbot, sqlite_db, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    from winback_desktop.ui.screens.admin.backup_dialog import BackupDialog
    from winback_desktop.ui.screens.admin.team_server_dialog import TeamServerDialog

    agent = AppContext(sqlite_db, Actor(5, "agent01", Role.AGENT))
    team = TeamServerDialog(agent)
    backups = BackupDialog(agent)
    qtbot.addWidget(team)
    qtbot.addWidget(backups)
    assert not team.save_button.isEnabled() and not backups.restore_button.isEnabled()


def test_backup_then_confirmed_restore(qtbot, ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from winback_desktop.ui.screens.admin.backup_dialog import BackupDialog

    demo.load_demo(ctx.db, Actor.system(), customers=20, seed=2)
    questions: list[str] = []
    dialog = BackupDialog(ctx, ask=lambda title, text: questions.append(text) or True)
    qtbot.addWidget(dialog)
    op = dialog.back_up(tmp_path / "b.zip")
    qtbot.waitUntil(lambda: op is not None and op.done, timeout=30000)
    assert (tmp_path / "b.zip").exists() and "Backup written" in dialog.status.text()

    with qtbot.waitSignal(dialog.restored, timeout=30000):
        dialog.restore(tmp_path / "b.zip")
    assert "20 customers" in questions[0]
    assert "Restored and verified" in dialog.status.text()


def test_declined_restore_changes_nothing(qtbot, ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from winback_desktop.ui.screens.admin.backup_dialog import BackupDialog

    backup.backup(ctx.db, ctx.actor, tmp_path / "b.zip")
    dialog = BackupDialog(ctx, ask=lambda title, text: False)
    qtbot.addWidget(dialog)
    op = dialog.restore(tmp_path / "b.zip")
    qtbot.waitUntil(lambda: dialog.status.text() == "Not restored.", timeout=30000)
    assert op is not None


def test_schedule_is_saved(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTime

    from winback_desktop.ui.screens.admin.backup_dialog import BackupDialog

    dialog = BackupDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.frequency.setCurrentIndex(dialog.frequency.findData("weekly"))
    dialog.at.setTime(QTime(23, 30))
    dialog.weekday.setCurrentIndex(4)
    dialog.keep.setValue(3)
    dialog.save_schedule()
    sched = backup.get_schedule(ctx.db)
    assert (sched.frequency, sched.at.hour, sched.at.minute, sched.weekday) == ("weekly", 23, 30, 4)
    assert backup.get_retention(ctx.db) == 3
