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


def test_listen_reaches_only_the_entitled_supervisor(qtbot: Any, demo_db: Any) -> None:
    """supervisor1 leads Team 1: agent01's call can be heard, Team 2's agent02's cannot;
    what happened is said on that supervisor's board only, and no agent's screen has
    the controls."""
    import keyring
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    from tests.keyring_stub import MemoryKeyring
    from tests.telephony.ami_server import AmiServer
    from tests.ui.helpers import main_window

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    server = AmiServer(None)
    try:
        admin = make_ctx(demo_db, "admin").actor
        it_settings.save_settings(demo_db, admin, PhoneConfig(
            adapter="ami", ami_host="127.0.0.1", ami_port=server.port, ami_user="winback",
            ami_channel="PJSIP/{extension}"), ami_secret=server.secret)
        ids = {}
        for login, ext in (("agent01", "201"), ("agent02", "202"), ("supervisor1", "301")):
            user = make_ctx(demo_db, login).actor
            it_settings.set_own_extension(demo_db, admin, user.user_id, ext)
            ids[login] = user.user_id
            if login.startswith("agent"):
                task = queue.claim_next_task(demo_db, user)
                assert task is not None
                calls.mark_answered(demo_db, user, calls.start_call(demo_db, user, task.task_id))
        board, other = _board(qtbot, demo_db), BoardScreen(make_ctx(demo_db, "supervisor2"))
        qtbot.addWidget(other)

        def listen_to(login: str) -> None:
            rows = [r for r in range(board.table.rowCount())
                    if board.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == ids[login]]
            board.table.setCurrentCell(rows[0], 0)
            board.monitor_buttons.buttons[MonitorMode.LISTEN].click()
            qtbot.waitUntil(board.monitor_buttons.idle, timeout=10_000)

        listen_to("agent02")
        assert "not in your team" in board.message.text()
        assert server.action("Originate") == []
        listen_to("agent01")
        assert board.message.text().startswith("Pick up your phone")
        assert [o["Channel"] for o in server.action("Originate")] == ["PJSIP/301"]
        assert other.message.text() == ""  # the other supervisor is not told
        for login in ("agent01", "agent02"):
            window = main_window(qtbot, demo_db, login)
            assert not [b for b in window.findChildren(QPushButton)
                        if b.objectName().startswith("monitor_")]
            window.close()
    finally:
        server.close()
        keyring.set_keyring(previous)
