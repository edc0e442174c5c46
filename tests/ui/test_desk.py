"""The agent desk around the call (issue 16), driven as an agent and a supervisor would:
my callbacks (opening one claims it), not-ready reasons with a timer on the live board,
ask for help, a supervisor forcing not-ready or logout, the wrap-up limit's auto-ready,
today's own figures, the search of worked customers, and coaching that arrives within
2 s without a modal box and waits while the agent is talking. Timings use the poll
intervals, never sleeps."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QDialog
from sqlalchemy import select

from tests.ui.conftest import make_ctx
from winback_desktop.db.models import AgentPresence, CallTask, CoachingMessage
from winback_desktop.services import desk
from winback_desktop.ui.screens.workspace.screen import Phase, WorkspaceScreen

TIMEOUT = 10_000


@pytest.fixture(autouse=True)
def _no_softphone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda _u: True))


def _workspace(qtbot: Any, db: Any, login: str) -> WorkspaceScreen:
    screen = WorkspaceScreen(make_ctx(db, login), open_url=lambda _u: True)
    qtbot.addWidget(screen)
    screen.resize(1070, 740)
    screen.show()
    qtbot.waitUntil(screen.idle, timeout=TIMEOUT)
    return screen


def _board(qtbot: Any, db: Any) -> Any:
    from winback_desktop.ui.screens.board.screen import BoardScreen

    board = BoardScreen(make_ctx(db, "supervisor1"))
    qtbot.addWidget(board)
    board.resize(1070, 700)
    board.show()
    qtbot.waitUntil(lambda: board.board is not None, timeout=TIMEOUT)
    return board


def _row(board: Any, login: str) -> int:
    for i in range(board.table.rowCount()):
        if f"({login})" in board.table.item(i, 0).text():
            return i
    raise AssertionError(login)


def _tile(board: Any, login: str) -> Any:
    return next(t for t in board.board.tiles if t.row.login == login)


def _callbacks(db: Any, login: str) -> list[int]:
    """Three of the agent's tasks become callbacks: overdue, later today, tomorrow."""
    now = datetime.now(UTC)
    from winback_desktop.db.models import CampaignAgent, User

    with db.session() as s:
        user_id = s.scalar(select(User.id).where(User.login == login))
        campaigns = select(CampaignAgent.campaign_id).where(CampaignAgent.user_id == user_id)
        tasks = list(s.scalars(select(CallTask).where(CallTask.status == "queued",
                                                      CallTask.campaign_id.in_(campaigns))
                              .order_by(CallTask.id).limit(3)))
        when = [now - timedelta(minutes=30), min(now + timedelta(minutes=1),
                                                 desk.local_day_end(now) - timedelta(seconds=1)),
                desk.local_day_end(now) + timedelta(hours=10)]
        for task, at in zip(tasks, when, strict=True):
            task.status, task.callback_at, task.callback_owner_id = "callback", at, user_id
        return [t.id for t in tasks]


def test_my_callbacks_by_time_and_opening_one_claims_it(qtbot: Any, any_demo_db: Any) -> None:
    ids = _callbacks(any_demo_db, "agent03")
    screen = _workspace(qtbot, any_demo_db, "agent03")
    view = screen.desk.home.callbacks
    qtbot.waitUntil(lambda: view.data is not None and len(view.data.rows) >= 3, timeout=TIMEOUT)
    mine = [r.task_id for r in view.data.rows if r.task_id in ids]
    assert mine == ids  # by time: overdue, later today, tomorrow
    assert view.data.rows[0].overdue and "overdue" in view.summary.text()
    assert "My callbacks" in screen.desk.home.tabs.tabText(0)
    # the agent picks tomorrow's and calls it back now
    row = next(i for i in range(view.table.rowCount())
               if view.table.item(i, 0).data(0x0100) == ids[2])
    view.table.selectRow(row)
    view.open_button.click()
    qtbot.waitUntil(lambda: screen.phase is Phase.HOLDING, timeout=TIMEOUT)
    assert screen.task is not None and screen.task.task_id == ids[2] and screen.task.is_callback
    with any_demo_db.session() as s:
        task = s.get(CallTask, ids[2])
        assert task.status == "claimed" and task.claimed_by == screen.ctx.actor.user_id
    assert not view.open_button.isEnabled()  # one customer at a time


def test_not_ready_reason_timer_on_board_and_help(qtbot: Any, demo_db: Any) -> None:
    screen = _workspace(qtbot, demo_db, "agent04")
    board = _board(qtbot, demo_db)
    qtbot.waitUntil(lambda: bool(screen.desk.reasons), timeout=TIMEOUT)
    codes = [a.data() for a in screen.desk.reason_menu.actions()]
    assert codes == ["break", "lunch", "training", "meeting", "admin"]
    assert screen.break_button.text() == "Not ready (F9)"
    lunch = next(a for a in screen.desk.reason_menu.actions() if a.data() == "lunch")
    lunch.trigger()
    assert screen.on_break and not screen.next_button.isEnabled()
    assert screen.break_button.text() == "Ready again (F9)"
    assert screen.desk.status_label.text().startswith("Not ready · Lunch")
    assert screen.empty_label.text() == "You are not ready (Lunch). Press F9 to come back."
    qtbot.waitUntil(screen.idle, timeout=TIMEOUT)
    with demo_db.session() as s:
        row = s.get(AgentPresence, screen.ctx.actor.user_id)
        assert (row.state, row.reason) == ("break", "lunch")
    qtbot.waitUntil(lambda: _tile(board, "agent04").row.reason == "lunch", timeout=TIMEOUT)
    assert board.table.item(_row(board, "agent04"), 1).text() == "Not ready · Lunch"
    assert board.table.item(_row(board, "agent04"), 2).text()  # time in state

    # ask for help: the row lights up; the supervisor answers and the hand goes down
    screen.desk.help_button.click()
    qtbot.waitUntil(lambda: _tile(board, "agent04").row.help_requested_at is not None,
                    timeout=TIMEOUT)
    i = _row(board, "agent04")
    assert board.table.item(i, 1).text() == "Not ready · Lunch · HELP"
    assert board.table.item(i, 0).background().color().name().upper() == "#FFE082"
    assert "Asking for help: 1" in board.totals.text()
    board.table.selectRow(i)
    board.answer_help()
    qtbot.waitUntil(lambda: not screen.desk.help_button.isChecked(), timeout=TIMEOUT)

    # back to ready with F9's button
    screen.break_button.click()
    assert not screen.on_break and screen.next_button.isEnabled()
    qtbot.waitUntil(lambda: _tile(board, "agent04").row.state == "ready", timeout=TIMEOUT)


def test_supervisor_forces_not_ready_then_logs_out(qtbot: Any, demo_db: Any) -> None:
    screen = _workspace(qtbot, demo_db, "agent05")
    board = _board(qtbot, demo_db)
    qtbot.waitUntil(lambda: _tile(board, "agent05").row.state == "ready", timeout=TIMEOUT)
    board.table.selectRow(_row(board, "agent05"))
    board.force_not_ready("meeting")
    # the agent's desk obeys at its next poll
    qtbot.waitUntil(lambda: screen.on_break, timeout=TIMEOUT)
    assert not screen.next_button.isEnabled() and screen.break_button.isChecked()
    assert "set you to not ready (Meeting)" in screen.banner.text()
    assert board.ctx.actor.display_name in screen.banner.text()  # who did it
    with qtbot.waitSignal(screen.desk.logged_out, timeout=TIMEOUT):
        board.table.selectRow(_row(board, "agent05"))
        board.force_logout(confirmed=True)
    from tests.services.use_case_helpers import audit_actions

    assert audit_actions(demo_db)[-2:] == ["agent_forced_not_ready", "agent_forced_logout"]


def test_wrap_up_limit_turns_the_agent_ready(qtbot: Any, demo_db: Any) -> None:
    desk.set_wrap_up_limit(demo_db, make_ctx(demo_db, "admin").actor, 1)
    screen = _workspace(qtbot, demo_db, "agent06")
    qtbot.waitUntil(lambda: screen.desk.wrap_limit_s == 1, timeout=TIMEOUT)
    screen.next_customer()
    qtbot.waitUntil(lambda: screen.phase is Phase.HOLDING, timeout=TIMEOUT)
    qtbot.waitUntil(screen.idle, timeout=TIMEOUT)
    screen.dial_first()
    qtbot.waitUntil(lambda: screen.call.call_id is not None, timeout=TIMEOUT)
    qtbot.waitUntil(screen.idle, timeout=TIMEOUT)
    screen.mark_answered()
    qtbot.waitUntil(screen.idle, timeout=TIMEOUT)
    screen.hang_up()
    qtbot.waitUntil(lambda: screen.phase is Phase.WRAP_UP, timeout=TIMEOUT)
    assert screen.desk.status_label.text().startswith(("Wrap-up", "Wrap-up time is up"))
    with qtbot.waitSignal(screen.desk.wrap_up_expired, timeout=5_000):
        pass
    qtbot.waitUntil(screen.idle, timeout=TIMEOUT)
    with demo_db.session() as s:
        assert s.get(AgentPresence, screen.ctx.actor.user_id).state == "ready"
    assert "record the outcome" in screen.desk.status_label.text()
    # the outcome is still recorded, and today's figures follow (scorecard definitions)
    before = screen.desk.figures.calls if screen.desk.figures else 0
    from winback_desktop.core.domain import Disposition

    screen.dispose(Disposition.NOT_INTERESTED)
    qtbot.waitUntil(lambda: screen.phase is Phase.IDLE, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: screen.desk.figures is not None
                    and screen.desk.figures.calls == before + 1, timeout=TIMEOUT)
    assert f"calls {before + 1} " in screen.desk.figures_label.text()
    assert screen.desk.status_label.text() == ""
    # ...and the customer is now among "My customers"
    qtbot.waitUntil(lambda: any(w.calls for w in screen.desk.home.customers.rows),
                    timeout=TIMEOUT)
    name = screen.desk.home.customers.rows[0].name
    screen.desk.home.customers.search.setText(name[:2])
    qtbot.waitUntil(lambda: screen.desk.home.customers.rows
                    and all(name[:2].lower() in w.name.lower() or w.external_id
                            for w in screen.desk.home.customers.rows), timeout=TIMEOUT)


def test_coaching_names_the_agent_arrives_within_2s_and_waits_for_the_call(
        qtbot: Any, demo_db: Any) -> None:
    from winback_desktop.ui.screens.desk.coaching import CoachingInbox, CoachingNote

    screen = _workspace(qtbot, demo_db, "agent07")
    board = _board(qtbot, demo_db)
    qtbot.waitUntil(lambda: _tile(board, "agent07").row.state == "ready", timeout=TIMEOUT)
    board.table.selectRow(_row(board, "agent07"))
    dialog = board.make_coaching_dialog()
    assert "agent07" in dialog.windowTitle() and "agent07" in dialog.header.text()
    assert "2 seconds" in dialog.when.text()
    assert not dialog.send_button.isEnabled()  # nothing typed yet
    dialog.close()

    inbox = CoachingInbox(screen.ctx, screen)  # the main window's, on the agent's desk
    inbox.hold = screen.desk.is_talking
    notes = screen.notes
    # a message sent while the agent is idle arrives within 2 s (the real poll interval)
    with qtbot.waitSignal(inbox.received, timeout=2_000) as got:
        board.send_coaching("Smile while you talk")
    assert [m.text for m in got.args[0]] == ["Smile while you talk"]
    assert got.args[0][0].sender  # who sent it
    qtbot.waitUntil(lambda: bool(inbox.notes), timeout=TIMEOUT)
    note = inbox.notes[-1]
    assert isinstance(note, CoachingNote) and note.isVisible()
    assert "Coaching from" in note.title.text()
    # never a modal box (asked of the note itself: a dialog another test left open
    # in this process must not decide this test)
    assert note.windowModality() == Qt.WindowModality.NonModal
    assert not (isinstance(note, QDialog) and note.isModal())
    assert QApplication.activeModalWidget() is not note

    # while talking, messages wait unread; they arrive when the call ends
    screen.next_customer()
    qtbot.waitUntil(lambda: screen.phase is Phase.HOLDING, timeout=TIMEOUT)
    qtbot.waitUntil(screen.idle, timeout=TIMEOUT)
    screen.dial_first()
    qtbot.waitUntil(lambda: screen.call.call_id is not None, timeout=TIMEOUT)
    assert screen.desk.is_talking()
    inbox.timer.setInterval(20)
    board.send_coaching("Ask what the competitor offered")
    qtbot.waitUntil(lambda: board.message.text().startswith("Message sent to"), timeout=TIMEOUT)
    assert "agent07" in board.message.text()
    received: list[Any] = []
    inbox.received.connect(received.append)
    start = inbox.ticks
    qtbot.waitUntil(lambda: inbox.ticks >= start + 10, timeout=TIMEOUT)
    assert received == []
    with demo_db.session() as s:
        unread = s.scalars(select(CoachingMessage.text).where(
            CoachingMessage.read_at.is_(None))).all()
        assert "Ask what the competitor offered" in unread
    notes.setFocus()
    screen.hang_up()
    qtbot.waitUntil(lambda: received != [], timeout=2_000)
    assert received[0][0].text == "Ask what the competitor offered"


def test_desk_fits_1280x800_in_both_languages(qtbot: Any, demo_db: Any) -> None:
    """The desk's rows fit the workspace of a 1280×800 main window, English and Chinese."""
    from tests.ui.helpers import main_window
    from winback_desktop.ui.shell import i18n

    for lang in ("en", "zh_CN"):
        i18n.install(lang)
        window = main_window(qtbot, demo_db, "agent08")
        window.resize(1280, 800)
        screen = window.open_screen("workspace")
        qtbot.waitUntil(lambda s=screen: s.idle(), timeout=TIMEOUT)
        QApplication.processEvents()
        assert screen.layout().minimumSize().width() <= screen.width(), lang
        assert screen.layout().minimumSize().height() <= screen.height(), lang
        if lang == "zh_CN":
            assert "未就绪" in screen.break_button.text()
        assert window.width() == 1280, lang
        window.close()
    i18n.install("en")


def test_admin_edits_reasons_and_the_wrap_up_limit(qtbot: Any, demo_db: Any) -> None:
    from winback_desktop.ui.screens.board.screen import BoardScreen

    board = BoardScreen(make_ctx(demo_db, "admin"))
    qtbot.addWidget(board)
    assert not board.settings_button.isHidden()
    assert _board(qtbot, demo_db).settings_button.isHidden()  # supervisors do not see it
    board.open_desk_settings()
    dialog = board.desk_settings
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 5, timeout=TIMEOUT)
    dialog.code.setText("coaching")
    dialog.name.setText("Coaching session")
    dialog.add_button.click()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 6, timeout=TIMEOUT)
    assert dialog.table.item(5, 0).text() == "Coaching session"
    dialog.table.selectRow(0)
    dialog.retire_button.click()
    qtbot.waitUntil(lambda: dialog.table.item(0, 2).text() == "retired", timeout=TIMEOUT)
    dialog.code.setText("Bad code!")
    dialog.name.setText("x")
    dialog.add_button.click()
    qtbot.waitUntil(lambda: "lower-case" in dialog.message.text(), timeout=TIMEOUT)
    dialog.limit.setValue(45)
    dialog.limit_button.click()
    qtbot.waitUntil(lambda: dialog.message.text() == "Wrap-up limit saved.", timeout=TIMEOUT)
    assert desk.wrap_up_limit(demo_db) == 45
    agent = make_ctx(demo_db, "agent01").actor
    assert [r.code for r in desk.reasons(demo_db, agent)] == [
        "lunch", "training", "meeting", "admin", "coaching"]


def test_forced_logout_logs_the_main_window_out(qtbot: Any, demo_db: Any) -> None:
    from tests.ui.helpers import main_window

    window = main_window(qtbot, demo_db, "agent09")
    screen = window.open_screen("workspace")
    qtbot.waitUntil(screen.idle, timeout=TIMEOUT)
    assert window.coaching is not None and window.coaching.hold is not None  # the desk's
    board = _board(qtbot, demo_db)
    qtbot.waitUntil(lambda: _tile(board, "agent09").row.state == "ready", timeout=TIMEOUT)
    board.table.selectRow(_row(board, "agent09"))
    with qtbot.waitSignal(window.logout_requested, timeout=TIMEOUT):
        board.force_logout(confirmed=True)
