"""The Programme screen over the demo team (pytest-qt): totals, breakdowns, cohorts,
calibration, export in English and 简体中文."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt

from tests.ui.conftest import make_ctx
from tests.ui.helpers import wait_ops
from winback_desktop.services import programme, win_model
from winback_desktop.services.context import Actor
from winback_desktop.services.programme_export import COLUMNS


def _whole_history(screen) -> None:  # type: ignore[no-untyped-def]
    screen.start.setDate(QDate(2026, 1, 1))
    screen.end.setDate(QDate(2026, 12, 31))
    screen.preset.setCurrentIndex(screen.preset.findData("custom"))
    screen.reload()


def test_programme_screen_shows_totals_breakdowns_and_exports(qtbot, demo_db,  # type: ignore[no-untyped-def]
                                                              tmp_path: Path) -> None:
    from winback_desktop.ui.screens.programme.screen import ProgrammeScreen

    win_model.refresh(demo_db, Actor.system())
    screen = ProgrammeScreen(make_ctx(demo_db, "supervisor1"))
    qtbot.addWidget(screen)
    screen.show()
    wait_ops(qtbot)
    _whole_history(screen)
    wait_ops(qtbot)
    report = screen.report
    assert report is not None and report.totals.calls > 0
    # the totals on screen are the service's
    with demo_db.session() as s:
        expected = programme.programme_report(s, Actor.system(), report.period)
    assert screen.total_values["won_back"].text() == f"{expected.totals.won_back:,}"
    assert screen.total_values["calls"].text() == f"{expected.totals.calls:,}"
    # each breakdown lists its groups, and their won back add up to the total
    for i, name in enumerate(programme.BREAKDOWNS):
        screen.breakdown.setCurrentIndex(i)
        model = screen.model
        assert model.rowCount() == len(report.breakdowns[name])
        column = 1 + [k for k, _ in COLUMNS].index("won_back")
        shown = sum(int(model.index(r, column).data().replace(",", ""))
                    for r in range(model.rowCount()))
        assert shown == report.totals.won_back
    assert screen.bars.figure.axes and screen.cohort_chart.figure.axes
    screen.export("xlsx", tmp_path / "programme.xlsx")
    wait_ops(qtbot)
    wb = load_workbook(tmp_path / "programme.xlsx")
    assert "By defection reason" in wb.sheetnames
    screen.export("pdf", tmp_path / "programme.pdf")
    wait_ops(qtbot)
    assert (tmp_path / "programme.pdf").read_bytes().startswith(b"%PDF")


def test_programme_screen_in_chinese(qtbot, demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from winback_desktop.ui.screens.programme.screen import ProgrammeScreen
    from winback_desktop.ui.shell import i18n

    i18n.install("zh_CN")
    screen = ProgrammeScreen(make_ctx(demo_db, "supervisor1"))
    qtbot.addWidget(screen)
    wait_ops(qtbot)
    _whole_history(screen)
    wait_ops(qtbot)
    assert screen.tabs.tabText(0) == "细分"
    assert screen.breakdown.itemText(0) == "按流失原因"
    assert screen.model.headerData(4, Qt.Orientation.Horizontal) == "已挽回"
    screen.export("xlsx", tmp_path / "p.xlsx")
    wait_ops(qtbot)
    assert "按流失原因" in load_workbook(tmp_path / "p.xlsx").sheetnames


def test_agents_do_not_get_the_programme_screen(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    from winback_desktop.ui.shell import registry as screens

    keys = {s.key for s in screens.screens_for(make_ctx(demo_db, "agent01"))}
    assert "programme" not in keys
    assert "programme" in {s.key for s in screens.screens_for(make_ctx(demo_db,
                                                                         "supervisor1"))}
