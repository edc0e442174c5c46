"""The At-risk screen and the daily scan, driven through real widgets (pytest-qt)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from winback_desktop.db.models import Customer
from winback_desktop.services import importing, risk, users
from winback_desktop.services.context import Actor
from winback_desktop.ui.screens.at_risk.screen import SPARK_ROLE, SPEND_COLUMN, AtRiskScreen
from winback_desktop.ui.shell.context import AppContext

from .helpers import wait_ops


def book(path: Path, header: list[str], rows: list[list[Any]]) -> Path:
    wb = openpyxl.Workbook()
    wb.active.append(header)
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


@pytest.fixture
def ctx(sqlite_db: Any, tmp_path: Path) -> AppContext:
    with sqlite_db.session() as s:
        admin = Actor.of(users.add_user(s, Actor.system(), "boss", "admin", "boss-pass-123"))
    importing.run_import(sqlite_db, admin, book(tmp_path / "c.xlsx", ["客户编号", "姓名", "手机",
                                                                    "状态", "投诉次数"], [
        ["S1", "沉默的王", "13800000001", "active", None],
        ["S2", "投诉的李", "13800000002", "active", 3],
        ["S3", "规律的张", "13800000003", "active", None]]))
    today = date.today()
    rows = []
    for k in range(10):
        rows.append(["S1", today - timedelta(days=75 + 14 * k), 200 + 10 * k])
        rows.append(["S3", today - timedelta(days=2 + 14 * k), 100])
    importing.run_import(sqlite_db, admin, book(tmp_path / "p.xlsx", ["客户编号", "日期", "金额"],
                                                rows), kind="purchases", scan_after=False)
    return AppContext(db=sqlite_db, actor=admin)


def open_screen(qtbot: Any, ctx: AppContext) -> AtRiskScreen:
    screen = AtRiskScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1200, 700)
    screen.show()
    wait_ops(qtbot)
    return screen


def test_scan_now_lists_customers_with_words_and_sparkline(qtbot: Any, ctx: AppContext) -> None:
    screen = open_screen(qtbot, ctx)
    assert screen.model.rowCount() == 0 and "Last scan: never" in screen.summary.text()
    qtbot.mouseClick(screen.scan_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2, timeout=30_000)
    wait_ops(qtbot)
    assert "2 newly flagged" in screen.message.text()
    model = screen.model
    why = {model.index(r, 0).data(): model.index(r, 3).data() for r in range(2)}
    assert why["S1"] == "No purchase for 75 days; usually buys every 14 days"
    assert why["S2"] == "Complaints on record: 3"
    s1 = next(r for r in range(2) if model.index(r, 0).data() == "S1")
    spark = model.index(s1, SPEND_COLUMN).data(SPARK_ROLE)
    assert len(spark) == 12 and sum(spark) > 0 and spark[-1] == 0  # silent for months
    assert model.index(s1, 6).data() == "14 days"
    screen.table.selectRow(s1)
    assert "No purchase for 75 days" in screen.details.toPlainText()
    assert screen.dismiss_button.isEnabled()
    screen.grab()  # the sparkline delegate paints without error


def test_dismiss_restores_the_status_and_leaves_the_list(qtbot: Any, ctx: AppContext) -> None:
    result = risk.scan(ctx.db, ctx.actor)
    screen = open_screen(qtbot, ctx)
    assert screen.model.rowCount() == 2
    flag = next(f.flag_id for f in result.flagged if f.external_id == "S2")
    screen.dismiss(flag, "complaint resolved")  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1 or "ismiss" in screen.message.text() or bool(screen.message.text()), timeout=15_000)
    wait_ops(qtbot)
    assert screen.model.rowCount() == 1, screen.message.text()
    assert "Active" in screen.message.text()
    with ctx.db.session() as s:
        assert s.scalar(select(Customer.status).where(Customer.external_id == "S2")) == "active"
    screen.show_combo.setCurrentIndex(screen.show_combo.findData(None))
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2, timeout=15_000)


def test_agents_cannot_open_it_and_supervisors_cannot_scan_without_rights(
        ctx: AppContext) -> None:
    from winback_desktop.core.domain import Role
    from winback_desktop.ui.shell.registry import screens_for

    agent = AppContext(db=ctx.db, actor=Actor(None, "a", Role.AGENT))
    assert "at_risk" not in [s.key for s in screens_for(agent)]
    assert "at_risk" in [s.key for s in screens_for(ctx)]


def test_chinese_headers_and_words(qtbot: Any, ctx: AppContext) -> None:
    from winback_desktop.ui.shell import i18n

    risk.scan(ctx.db, ctx.actor)
    i18n.install("zh_CN")
    try:
        screen = open_screen(qtbot, ctx)
        model = screen.model
        headers = [model.headerData(c, Qt.Orientation.Horizontal)
                   for c in range(model.columnCount())]
        assert "原因" in headers or any("原因" in h for h in headers)
        words = [model.index(r, 3).data() for r in range(model.rowCount())]
        assert "投诉记录：3 次" in words
        assert screen.scan_button.text() == "立即扫描"
    finally:
        i18n.install("en")


def test_daily_scan_runs_once_a_day(qtbot: Any, ctx: AppContext) -> None:
    from winback_desktop.ui.screens.at_risk.schedule import ScheduledRiskScan

    seen: list[Any] = []
    job = ScheduledRiskScan(ctx, first_ms=10)
    job.finished.connect(seen.append)
    job.start()
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=30_000)
    assert seen[0] is not None and len(seen[0].flagged) == 2
    job.check()
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=30_000)
    assert seen[1] is None  # scanned less than a day ago
    job.stop()


def test_daily_scan_reports_its_steps_off_the_gui_thread(qtbot: Any, ctx: AppContext,
                                                        monkeypatch: Any) -> None:
    import threading

    from winback_desktop.ui.screens.at_risk import schedule

    threads: list[threading.Thread] = []
    real_scan = schedule.risk.scan

    def scan(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread())
        return real_scan(*args, **kwargs)

    monkeypatch.setattr(schedule.risk, "scan", scan)
    lines: list[str] = []
    seen: list[Any] = []
    job = schedule.ScheduledRiskScan(ctx, first_ms=10)
    job.progressed.connect(lines.append)
    job.finished.connect(seen.append)
    job.start()
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=30_000)
    job.stop()
    assert threads and threads[0] is not threading.main_thread()
    assert lines[0] == "Daily early-warning scan: step 1 of 4…"
    assert lines[-1] == "Daily early-warning scan: 2 customers flagged at risk."
