"""Key 0 in the workspace: "still a customer" (issue 19) is an outcome like the others."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from tests.ui.test_workspace import TIMEOUT, _desk, _key, _next, dialled  # noqa: F401
from winback_desktop.db.models import Call, Customer
from winback_desktop.ui.screens.workspace.screen import Disposition, Phase


def test_key_zero_records_still_a_customer(qtbot, demo_db, dialled) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    screen = _desk(qtbot, demo_db, "agent06")
    button = screen.disposition_buttons[Disposition.STILL_CUSTOMER]
    assert button.text() == "0  Still a customer"
    _next(qtbot, screen)
    customer_id = screen.task.customer_id  # type: ignore[union-attr]
    _key(qtbot, screen, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: screen.call.call_id is not None and screen.idle(), timeout=TIMEOUT)
    call_id = screen.call.call_id
    _key(qtbot, screen, Qt.Key.Key_F6)  # "still a customer" needs a conversation
    qtbot.waitUntil(lambda: screen.call.answered is not None and screen.idle(),
                    timeout=TIMEOUT)
    _key(qtbot, screen, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: screen.phase is Phase.WRAP_UP and screen.idle(), timeout=TIMEOUT)
    screen.setFocus()
    _key(qtbot, screen, Qt.Key.Key_0)
    qtbot.waitUntil(lambda: screen.phase is Phase.IDLE and screen.idle(), timeout=TIMEOUT)
    with demo_db.session() as s:
        assert s.scalar(select(Call.disposition).where(Call.id == call_id)) == "still_customer"
        assert s.get(Customer, customer_id).status == "active"  # type: ignore[union-attr]
