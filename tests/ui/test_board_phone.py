"""The live board with a phone system (issue 20): Listen / Whisper / Barge only where the
adapter can, and the call's talk time since the customer answered."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from tests.ui.conftest import make_ctx
from winback_desktop.db.models import CallTask
from winback_desktop.services import calls, queue
from winback_desktop.services.telephony import it_settings
from winback_desktop.services.telephony.config import PhoneConfig
from winback_desktop.services.telephony.interface import MonitorMode
from winback_desktop.ui.screens.board.screen import BoardScreen


def _board(qtbot: Any, db: Any) -> BoardScreen:
    board = BoardScreen(make_ctx(db, "supervisor1"))
    qtbot.addWidget(board)
    board.show()
    qtbot.waitUntil(lambda: board.board is not None and board.monitor_buttons.idle(),
                    timeout=10_000)
    return board


def test_manual_phone_shows_no_listen_buttons(qtbot: Any, demo_db: Any) -> None:
    board = _board(qtbot, demo_db)
    assert board.monitor_buttons.modes == frozenset()
    assert not any(b.isVisible() for b in board.monitor_buttons.buttons.values())


def test_ami_offers_listen_whisper_barge_and_talk_time_shows(qtbot: Any, demo_db: Any) -> None:
    admin = make_ctx(demo_db, "admin").actor
    it_settings.save_settings(demo_db, admin, PhoneConfig(adapter="ami", ami_host="127.0.0.1"))
    agent = make_ctx(demo_db, "agent01").actor
    task = queue.claim_next_task(demo_db, agent)
    assert task is not None
    call_id = calls.start_call(demo_db, agent, task.task_id)
    calls.mark_answered(demo_db, agent, call_id)
    board = _board(qtbot, demo_db)
    assert board.monitor_buttons.modes == frozenset(MonitorMode)
    assert all(b.isVisible() for b in board.monitor_buttons.buttons.values())
    assert board.monitor_buttons.buttons[MonitorMode.WHISPER].text() == "Whisper"
    # no agent selected: said plainly, nothing rung
    board.monitor_buttons.buttons[MonitorMode.LISTEN].click()
    assert "Select an agent" in board.message.text()
    qtbot.waitUntil(lambda: any("talk" in (board.table.item(r, 6).text() or "")
                                for r in range(board.table.rowCount())), timeout=10_000)
    with demo_db.session() as s:
        assert s.scalar(select(CallTask.status).where(CallTask.id == task.task_id)) == "claimed"
