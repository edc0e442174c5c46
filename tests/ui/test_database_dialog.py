"""The database dialog asks before creating a new SQLite file (issue 21)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.ui.helpers import start_controller


def test_a_missing_file_is_created_only_after_asking(qtbot: Any, controllers: list,
                                                     tmp_path: Path) -> None:
    typo = tmp_path / "typo" / "team.sqlite3"
    controller = start_controller(controllers, f"sqlite:///{typo.as_posix()}")
    qtbot.waitUntil(lambda: controller.error_dialog is not None, timeout=15_000)
    assert str(typo) in controller.error_dialog.informativeText()
    assert not typo.exists() and not typo.parent.exists()
    controller.error_dialog.done(0)  # answered "Choose another database…"
    controller._error_answered("choose")
    dialog = controller.choose_dialog
    dialog.url_edit.setText(str(typo))
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: dialog.confirm is not None and dialog.confirm.isVisible())
    assert str(typo) in dialog.confirm.text()
    # "Change the path": the dialog stays open, nothing is created
    dialog.change_button.click()
    qtbot.waitUntil(lambda: dialog.confirm is None)
    assert dialog.isVisible() and not typo.exists()
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: dialog.confirm is not None and dialog.confirm.isVisible())
    dialog.create_button.click()
    qtbot.waitUntil(lambda: controller.db is not None, timeout=30_000)
    assert typo.exists()
    assert controller.db.url == f"sqlite:///{typo.as_posix()}"


def test_an_existing_file_is_opened_without_a_question(qtbot: Any, controllers: list,
                                                      sqlite_db: Any, tmp_path: Path) -> None:
    controller = start_controller(controllers, sqlite_db.url)
    qtbot.waitUntil(lambda: controller.db is not None, timeout=15_000)
    controller.choose_database()
    dialog = controller.choose_dialog
    dialog.url_edit.setText(sqlite_db.url)
    dialog.buttons.accepted.emit()
    assert dialog.confirm is None and not dialog.isVisible()
    assert not dialog.create_file
