"""Live board updating while an agent works from another session; evaluating a call with
its recording playing (pytest-qt, offscreen)."""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path
from typing import Any

from sqlalchemy import select

from tests.ui.helpers import wait_ops
from winback_desktop.db.models import QaEvaluation
from winback_desktop.services import auth, calls, presence, queue
from winback_desktop.services.demo import DEMO_PASSWORD
from winback_desktop.ui.shell.context import AppContext


def _ctx(db: Any, login: str) -> AppContext:
    return AppContext(db=db, actor=auth.authenticate(db, login, DEMO_PASSWORD))


def _tile(screen: Any, login: str) -> Any:
    if screen.board is None:
        return None
    return next((t for t in screen.board.tiles if t.row.login == login), None)


def test_board_follows_an_agent_working_elsewhere(qtbot: Any, demo_db: Any) -> None:
    from winback_desktop.ui.screens.board.screen import BoardScreen

    board = BoardScreen(_ctx(demo_db, "supervisor1"))
    qtbot.addWidget(board)
    qtbot.waitUntil(lambda: board.board is not None, timeout=10_000)
    assert _tile(board, "agent01").row.state == "offline"
    # agent01 works on "another workstation": plain service calls on the same database
    agent = auth.authenticate(demo_db, "agent01", DEMO_PASSWORD)
    presence.set_state(demo_db, agent, "ready")
    qtbot.waitUntil(lambda: _tile(board, "agent01").row.state == "ready", timeout=5_000)
    claimed = queue.claim_next_task(demo_db, agent)
    assert claimed is not None
    calls.start_call(demo_db, agent, claimed.task_id)
    qtbot.waitUntil(lambda: _tile(board, "agent01").row.state == "on_call", timeout=5_000)
    tile = _tile(board, "agent01")
    assert tile.row.customer_name == claimed.name and tile.sltv_minor == claimed.sltv_minor
    # coach the agent from the board
    row = next(i for i in range(board.table.rowCount())
               if "agent01" in board.table.item(i, 0).text())
    board.table.selectRow(row)
    board.send_coaching("Ask what the competitor offered")
    qtbot.waitUntil(lambda: board.message.text() != "", timeout=5_000)
    from winback_desktop.ui.screens.desk.coaching import CoachingInbox

    agent_ctx = AppContext(db=demo_db, actor=agent)
    holder = board  # any widget can host the inbox in a test
    inbox = CoachingInbox(agent_ctx, holder, popup=False)
    with qtbot.waitSignal(inbox.received, timeout=5_000) as got:
        inbox.poll()
    assert [m.text for m in got.args[0]] == ["Ask what the competitor offered"]


def _wav(path: Path, seconds: float = 1.0) -> Path:
    rate = 8000
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(b"".join(struct.pack("<h", int(8000 * math.sin(2 * math.pi * 440 * i
                                                                      / rate)))
                               for i in range(int(rate * seconds))))
    return path


def test_evaluate_a_call_with_its_recording(qtbot: Any, demo_db: Any, tmp_path: Path) -> None:
    from datetime import date, timedelta

    from PySide6.QtCore import QDate

    from winback_desktop.ui.screens.qa.screen import QaScreen

    agent = auth.authenticate(demo_db, "agent02", DEMO_PASSWORD)
    claimed = queue.claim_next_task(demo_db, agent)
    assert claimed is not None
    call_id = calls.start_call(demo_db, agent, claimed.task_id)
    calls.mark_answered(demo_db, agent, call_id)
    calls.end_call(demo_db, agent, call_id)
    calls.finish_call(demo_db, agent, call_id, "not_interested", notes="Price too high")
    screen = QaScreen(_ctx(demo_db, "supervisor1"))
    qtbot.addWidget(screen)
    monday = date.today() - timedelta(days=date.today().weekday())
    screen.week.setDate(QDate(monday.year, monday.month, monday.day))
    qtbot.waitUntil(lambda: screen.queue.rowCount() > 0 and bool(screen.score_boxes),
                    timeout=10_000)
    row = next(i for i in range(screen.queue.rowCount())
               if screen.queue.item(i, 0).data(256) == call_id)
    screen.queue.selectRow(row)
    qtbot.waitUntil(lambda: "Price too high" in screen.details.toPlainText(), timeout=5_000)
    op = screen.attach_path(_wav(tmp_path / "call.wav"))
    qtbot.waitUntil(lambda: op.done, timeout=5_000)
    assert screen.player.isEnabled()
    screen.player.toggle()  # plays (no audio device offscreen is fine: state still changes)
    for box in screen.score_boxes.values():
        box.setValue(box.maximum())
    screen.score_boxes["courtesy"].setValue(0)
    assert "critical" in screen.score_label.text()
    screen.coaching.setPlainText("Stay polite even when they shout")
    op = screen.submit()
    assert op is not None
    qtbot.waitUntil(lambda: op.done, timeout=5_000)
    assert screen.callback_button.isEnabled()
    # the evaluation's QA change refreshes the review queue: the call now reads "Evaluated"
    qtbot.waitUntil(lambda: any(screen.queue.item(i, 0).data(256) == call_id
                                and screen.queue.item(i, 4).text() == "Evaluated"
                                for i in range(screen.queue.rowCount())), timeout=5_000)
    op = screen.send_back()
    assert op is not None
    qtbot.waitUntil(lambda: op.done, timeout=5_000)
    assert not screen.callback_button.isEnabled()
    assert "call the customer back" in screen.message.text()
    with demo_db.session() as s:
        ev = s.scalars(select(QaEvaluation).where(QaEvaluation.call_id == call_id)).one()
        assert ev.critical_fail and ev.coaching_notes == "Stay polite even when they shout"
    # the agent sees it, and only theirs, and disputes it
    mine = QaScreen(AppContext(db=demo_db, actor=agent))
    qtbot.addWidget(mine)
    qtbot.waitUntil(lambda: mine.evals.rowCount() == 1, timeout=5_000)
    assert mine.tabs.count() == 1
    mine.evals.selectRow(0)
    mine.dispute_text.setText("The customer insulted me first")
    op = mine.respond(False)
    assert op is not None
    qtbot.waitUntil(lambda: op.done, timeout=5_000)
    with demo_db.session() as s:
        assert s.get(QaEvaluation, ev.id).status == "disputed"


def test_qa_form_starts_unscored_and_must_be_scored_item_by_item(
        qtbot: Any, demo_db: Any) -> None:
    """No "Score 100%" before anything is reviewed, no reset to full marks after submit."""
    from datetime import date, timedelta

    from PySide6.QtCore import QDate

    from winback_desktop.ui.screens.qa.screen import QaScreen

    agent = auth.authenticate(demo_db, "agent03", DEMO_PASSWORD)
    claimed = queue.claim_next_task(demo_db, agent)
    assert claimed is not None
    call_id = calls.start_call(demo_db, agent, claimed.task_id)
    calls.mark_answered(demo_db, agent, call_id)
    calls.end_call(demo_db, agent, call_id)
    calls.finish_call(demo_db, agent, call_id, "not_interested", notes="Too dear")
    screen = QaScreen(_ctx(demo_db, "supervisor1"))
    qtbot.addWidget(screen)
    monday = date.today() - timedelta(days=date.today().weekday())
    screen.week.setDate(QDate(monday.year, monday.month, monday.day))
    qtbot.waitUntil(lambda: screen.queue.rowCount() > 0 and bool(screen.score_boxes),
                    timeout=10_000)
    assert all(box.value() == box.minimum() for box in screen.score_boxes.values())
    assert "%" not in screen.score_label.text()
    total = len(screen.score_boxes)
    assert screen.score_label.text() == f"0 of {total} items scored"
    row = next(i for i in range(screen.queue.rowCount())
               if screen.queue.item(i, 0).data(256) == call_id)
    screen.queue.selectRow(row)
    qtbot.waitUntil(lambda: "Too dear" in screen.details.toPlainText(), timeout=5_000)
    first = next(iter(screen.score_boxes.values()))
    first.setValue(first.maximum())
    assert screen.score_label.text() == f"1 of {total} items scored"
    assert screen.submit() is None  # refused: items left unscored
    assert "Score every item" in screen.message.text()
    for box in screen.score_boxes.values():
        box.setValue(max(1, box.maximum() - 1))
    assert "%" in screen.score_label.text()
    op = screen.submit()
    assert op is not None
    qtbot.waitUntil(lambda: op.done, timeout=5_000)
    wait_ops(qtbot)
    assert all(box.value() == box.minimum() for box in screen.score_boxes.values())
    with demo_db.session() as s:
        ev = s.scalars(select(QaEvaluation).where(QaEvaluation.call_id == call_id)).one()
        assert ev.score_pct is not None and ev.score_pct < 100
    # the evaluations list names the call, the customer, the agent, the date and the score
    screen.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: screen.evals.rowCount() > 0, timeout=5_000)
    headers = [screen.evals.horizontalHeaderItem(j).text()
               for j in range(screen.evals.columnCount())]
    assert headers[:5] == ["Call", "Customer", "Agent", "Date", "Score"]
    row = next(i for i in range(screen.evals.rowCount())
               if screen.evals.item(i, 0).text() == f"#{call_id}")
    assert screen.evals.item(row, 1).text()  # the customer's name
    assert screen.evals.item(row, 2).text() == "agent03"
    assert screen.evals.item(row, 3).text() == f"{date.today():%Y-%m-%d}"
