"""The plan editor and the to-dos, driven through real widgets (pytest-qt)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QSpinBox
from sqlalchemy import text

from winback_desktop.core.domain import Role
from winback_desktop.services import importing, plans, users
from winback_desktop.services.context import Actor
from winback_desktop.ui.screens.plans.screen import PlansScreen
from winback_desktop.ui.shell.context import AppContext

from .helpers import wait_ops


@pytest.fixture
def ctx(sqlite_db: Any, tmp_path: Path) -> AppContext:
    with sqlite_db.session() as s:
        admin = Actor.of(users.add_user(s, Actor.system(), "boss", "admin", "boss-pass-123"))
    wb = openpyxl.Workbook()
    wb.active.append(["客户编号", "姓名", "手机", "流失原因"])
    wb.active.append(["M1", "搬家的王", "13800000031", "搬家"])
    wb.save(tmp_path / "c.xlsx")
    assert importing.run_import(sqlite_db, admin, tmp_path / "c.xlsx").committed
    return AppContext(db=sqlite_db, actor=admin)


def open_screen(qtbot: Any, ctx: AppContext) -> PlansScreen:
    screen = PlansScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1200, 700)
    screen.show()
    wait_ops(qtbot)
    return screen


def test_editor_adds_a_step_and_saves_the_plan(qtbot: Any, ctx: AppContext) -> None:
    screen = open_screen(qtbot, ctx)
    editor = screen.editor
    screen.tabs.setCurrentIndex(2)
    assert editor.list.count() == 2 and editor.name.text() == "Long-term win-back"
    assert editor.steps.rowCount() == 5
    # a visit three weeks after the last call, by a supervisor
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    row = editor.steps.rowCount() - 1
    channel = editor.steps.cellWidget(row, 0)
    wait = editor.steps.cellWidget(row, 1)
    assert isinstance(channel, QComboBox) and isinstance(wait, QSpinBox)
    channel.setCurrentIndex(channel.findData("visit"))
    wait.setValue(21)
    editor.steps.item(row, 3).setText("Visit {name} with a small gift")
    editor.steps.setCurrentCell(row, 3)
    qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)  # before the last call
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "saved" in editor.message.text(), timeout=15_000)
    with ctx.db.session() as s:
        info = plans.get_plan(s, ctx.actor, "Long-term win-back")
    assert [(st.channel, st.wait_days) for st in info.steps] == [
        ("letter", 0), ("email", 14), ("call", 21), ("sms", 30), ("visit", 21), ("call", 30)]
    assert info.steps[4].text == "Visit {name} with a small gift"

    # a courtesy plan with two steps is refused, with the reason shown
    editor.list.setCurrentRow(1)
    editor.add_step()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "exactly one step" in editor.message.text(), timeout=15_000)


def test_to_dos_are_listed_done_and_exported(qtbot: Any, ctx: AppContext,
                                             tmp_path: Path) -> None:
    with ctx.db.session() as s:
        plans.save_plan(s, ctx.actor, name="信件", default_reasons=["moved_away"], steps=[
            plans.StepSpec("letter", 0, "Dear {name}", "supervisor"),
            plans.StepSpec("sms", 0, "Hi {name}", "agent")])
        cid = s.scalar(text("SELECT id FROM customers"))
        plans.enroll_customer(s, ctx.actor, cid, today=date.today())
    screen = open_screen(qtbot, ctx)
    todo = screen.todo
    assert todo.table.rowCount() == 2
    assert todo.table.item(0, 7).text() == "Dear 搬家的王"
    out = tmp_path / "merge.xlsx"
    todo.export(out)
    qtbot.waitUntil(lambda: out.exists(), timeout=15_000)
    assert len(list(openpyxl.load_workbook(out).active.iter_rows())) == 2  # letter only
    todo.table.selectRow(0)
    qtbot.mouseClick(todo.done_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: todo.table.rowCount() == 1, timeout=15_000)
    assert todo.table.item(0, 1).text() == "SMS"
    # progress per customer
    qtbot.waitUntil(lambda: screen.progress.table.rowCount() == 1
                    and screen.progress.table.item(0, 3).text() == "1/2", timeout=15_000)
    assert screen.progress.table.item(0, 4).text() == "SMS"


def test_supervisors_see_plans_but_do_not_edit(qtbot: Any, ctx: AppContext) -> None:
    sup = AppContext(db=ctx.db, actor=Actor(None, "sup", Role.SUPERVISOR))
    screen = open_screen(qtbot, sup)
    assert not screen.editor.save_button.isVisibleTo(screen)
    assert not screen.editor.steps.isEnabled()
    assert screen.todo.done_button.isVisibleTo(screen)
