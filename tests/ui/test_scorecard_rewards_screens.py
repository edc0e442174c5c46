"""Scorecard and rewards screens over demo data (pytest-qt, offscreen)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from sqlalchemy import select

from tests.ui.conftest import QUIET_DEMO
from winback_desktop.db.models import AuditEntry, User
from winback_desktop.services import demo, rewards
from winback_desktop.services.context import Actor
from winback_desktop.ui.shell.context import AppContext


@pytest.fixture
def demo_db(sqlite_db):  # type: ignore[no-untyped-def]
    demo.load_demo(sqlite_db, Actor.system(), customers=600, **QUIET_DEMO)
    return sqlite_db


def _whole_demo_history(screen) -> None:  # type: ignore[no-untyped-def]
    """The demo's three months of calls (a small demo works through its queue early)."""
    screen.date_from.setDate(QDate(2026, 8, 1))
    screen.date_to.setDate(QDate(2026, 11, 30))
    screen.period_combo.setCurrentIndex(screen.period_combo.findData("custom"))


def _loaded_custom(screen) -> bool:  # type: ignore[no-untyped-def]
    return screen.team_view is not None and ".." in screen.team_view.period.label


def _actor(db, login: str) -> Actor:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return Actor.of(s.scalars(select(User).where(User.login == login)).one())


def test_supervisor_team_view_drill_down_and_export(qtbot, demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from winback_desktop.ui.screens.scorecards.screen import ScorecardScreen

    screen = ScorecardScreen(AppContext(demo_db, _actor(demo_db, "supervisor1")))
    qtbot.addWidget(screen)
    _whole_demo_history(screen)
    qtbot.waitUntil(lambda: _loaded_custom(screen), timeout=15_000)
    assert len(screen.model.rows) == 10 and screen.model.rowCount() == 12  # + team, average
    # the average agent's counts are not rounded to whole calls: 5 saves over 10 agents
    # read 0.5 (as `winback scorecard --json` says), never 0
    view = screen.team_view
    assert view is not None
    for key in ("dials", "contacts", "win_backs", "saves"):
        value = view.agent_average[key]
        cell = screen.model.index(11, screen.model.columns.index(key))
        assert value is not None and cell.data() == f"{value:,.1f}", (key, value, cell.data())
    assert screen.tabs.count() == 3
    # sorting by win-backs descending puts the best agent first
    col = screen.model.columns.index("win_backs")
    screen.table.sortByColumn(col, Qt.SortOrder.DescendingOrder)
    wins = [r.card.win_backs for r in screen.model.rows]
    assert wins == sorted(wins, reverse=True) and wins[0] > 0
    screen.table.selectRow(0)
    assert screen.agent_title.text().startswith(screen.model.rows[0].display_name)
    assert screen.tiles.value_labels["win_backs"].text() == str(wins[0])
    # per agent: how many of their handled calls the phone system timed (issue 20)
    qtbot.waitUntil(lambda: bool(screen.model.timing), timeout=15_000)
    timed = screen.model.columns.index("timed")
    first = screen.model.rows[0]
    sources = screen.model.timing[first.agent_id]
    assert screen.model.index(0, timed).data() == f"{sources.measured} / {sources.handled}"
    op = screen.export_to(tmp_path / "team.xlsx", "xlsx")
    qtbot.waitUntil(lambda: op.done, timeout=15_000)
    wb = load_workbook(tmp_path / "team.xlsx")
    assert wb["Scorecards"].cell(row=4, column=1).value == "Agent"
    assert len(wb["Scorecards"]._charts) == 1
    header = [c.value for c in wb["Scorecards"][4]]
    row = next(r for r in wb["Scorecards"].iter_rows(min_row=5, values_only=True)
               if r[0] == (first.display_name or first.login))
    col = header.index("Calls timed by the phone system")
    assert (row[col], row[col + 1]) == (sources.measured, sources.entered)


def test_agent_sees_only_own_scorecard_and_points(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    from winback_desktop.ui.screens.scorecards.screen import ScorecardScreen

    agent = _actor(demo_db, "agent01")
    screen = ScorecardScreen(AppContext(demo_db, agent))
    qtbot.addWidget(screen)
    _whole_demo_history(screen)
    qtbot.waitUntil(lambda: _loaded_custom(screen), timeout=15_000)
    assert "agent01" in screen.agent_title.text()
    assert screen.tabs.count() == 1
    assert [r.login for r in screen.team_view.rows] == ["agent01"]
    assert "Rank" in screen.points_label.text()


def test_spot_award_from_the_screen_is_audited(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    from winback_desktop.ui.screens.rewards.screen import RewardsScreen

    sup = _actor(demo_db, "supervisor1")
    screen = RewardsScreen(AppContext(demo_db, sup))
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: screen.award_agent.count() == 10, timeout=15_000)
    agent_id = screen.award_agent.itemData(0)
    with demo_db.session() as s:
        before = rewards.balance(s, sup, agent_id)
    screen.award_points.setValue(25)
    screen.award_reason.setText("Turned an angry customer around")
    screen.award_button.click()
    qtbot.waitUntil(lambda: "25" in screen.message.text(), timeout=15_000)
    with demo_db.session() as s:
        assert rewards.balance(s, sup, agent_id) == before + 25
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "spot_award")).one()
        assert entry.user_login == "supervisor1"
    screen.award_reason.setText("")
    screen.award_button.click()
    qtbot.waitUntil(lambda: "reason" in screen.message.text(), timeout=15_000)


def test_agent_redeems_and_supervisor_approves(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    from winback_desktop.db.models import RewardLedgerEntry
    from winback_desktop.ui.screens.rewards.screen import RewardsScreen

    agent = _actor(demo_db, "agent01")
    with demo_db.session() as s:  # enough points for the lunch, whatever the demo gave
        s.add(RewardLedgerEntry(agent_id=agent.user_id, points=400, kind="correction",
                                reason="opening balance for this test"))
    agent_screen = RewardsScreen(AppContext(demo_db, agent))
    qtbot.addWidget(agent_screen)
    qtbot.waitUntil(lambda: agent_screen.catalogue.rowCount() > 0, timeout=15_000)
    row = next(i for i in range(agent_screen.catalogue.rowCount())
               if agent_screen.catalogue.item(i, 0).data(Qt.ItemDataRole.UserRole)
               == "team_lunch")
    agent_screen.catalogue.selectRow(row)
    agent_screen.redeem_button.click()
    qtbot.waitUntil(lambda: "sent" in agent_screen.message.text(), timeout=15_000)
    sup_screen = RewardsScreen(AppContext(demo_db, _actor(demo_db, "supervisor1")))
    qtbot.addWidget(sup_screen)
    qtbot.waitUntil(lambda: sup_screen.pending.rowCount() == 1, timeout=15_000)
    with demo_db.session() as s:
        before = rewards.balance(s, agent, agent.user_id)
    sup_screen.pending.selectRow(0)
    sup_screen.approve_button.click()
    qtbot.waitUntil(lambda: sup_screen.message.text() != "", timeout=15_000)
    with demo_db.session() as s:
        assert rewards.balance(s, agent, agent.user_id) == before - 300
