"""The outcome step is its own phase of the call (issue 14): after "Customer accepted" the
customer is still on the line, so the desk says "on call" and no wrap-up clock runs; the
wrap-up countdown starts when the agent hangs up. And a "Dialling …" banner is over once
the agent marks the call answered (F6).

Both drove a defect before the fix: accepting an offer showed "Status: wrap-up" with the
countdown running mid-conversation, and the manual-dial banner stayed up after F6.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from sqlalchemy import select

from tests.ui.test_workspace_call_flow import TIMEOUT, _desk, _disposition, _on_the_line, _press
from winback_desktop.db.models import AgentPresence, Call
from winback_desktop.ui.screens.workspace.screen import Phase, WorkspaceScreen


@pytest.fixture(autouse=True)
def _no_softphone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda _u: True))


def _accept_an_offer(qtbot, screen: WorkspaceScreen) -> None:  # type: ignore[no-untyped-def]
    screen.card_view.history.setCurrentWidget(screen.offers)
    qtbot.waitUntil(lambda: bool(screen.offers.choices), timeout=TIMEOUT)
    within = next(i for i, c in enumerate(screen.offers.choices) if c.within_authority)
    screen.offers.choice_buttons[within].click()
    screen.offers.propose_button.click()
    qtbot.waitUntil(lambda: screen.offers.accepted_button.isVisible(), timeout=TIMEOUT)
    screen.offers.accepted_button.click()
    qtbot.waitUntil(lambda: screen.phase is Phase.OUTCOME and screen.idle()
                    and not screen.offers.busy, timeout=TIMEOUT)


def _presence(db, login_id: int) -> str | None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return s.scalar(select(AgentPresence.state).where(AgentPresence.user_id == login_id))


def test_an_accepted_offer_is_the_outcome_step_not_wrap_up(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    screen = _desk(qtbot, demo_db, "agent05")
    call_id = _on_the_line(qtbot, screen)
    _accept_an_offer(qtbot, screen)
    # the customer is still on the line: on call, no wrap-up clock
    assert screen.desk.wrap_started is None
    assert "wrap" not in screen.presence_label.text().lower()
    assert "wrap" not in screen.desk.status_label.text().lower()
    screen._tick()
    assert "wrap" not in screen.timer_label.text().lower()
    assert screen.hangup_button.isEnabled() and not screen.answer_button.isEnabled()
    user_id = screen.ctx.actor.user_id
    assert _presence(demo_db, user_id) == "on_call"
    # the outcome keys work at this step (outside text boxes)
    assert screen._digit_keys_allowed() or screen.notes.hasFocus()
    # hanging up starts wrap-up: its countdown runs from now
    _press(qtbot, screen, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: screen.phase is Phase.WRAP_UP and screen.idle(), timeout=TIMEOUT)
    assert screen.desk.wrap_started is not None
    assert screen.call.ended is not None
    screen._tick()
    assert screen.timer_label.text().startswith(screen.tr("Wrap-up {wrap}").split("{")[0])
    assert not screen.hangup_button.isEnabled()
    assert _presence(demo_db, user_id) == "wrap_up"
    with demo_db.session() as s:
        call = s.get(Call, call_id)
        assert call is not None and call.ended_at is not None and call.disposition is None
    screen.disposition_buttons[screen.success].click()
    qtbot.waitUntil(lambda: screen.phase is Phase.IDLE and screen.idle(), timeout=TIMEOUT)
    assert _disposition(demo_db, call_id) == screen.success.value


def test_the_outcome_can_be_recorded_while_still_on_the_line(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    screen = _desk(qtbot, demo_db, "agent06")
    call_id = _on_the_line(qtbot, screen)
    _accept_an_offer(qtbot, screen)
    screen.setFocus()
    _press(qtbot, screen, Qt.Key.Key_8)  # the success key, at the outcome step
    qtbot.waitUntil(lambda: screen.phase is Phase.IDLE and screen.idle(), timeout=TIMEOUT)
    assert _disposition(demo_db, call_id) == screen.success.value


def test_marking_the_call_answered_clears_the_dialling_banner(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    screen = _desk(qtbot, demo_db, "agent08")
    _press(qtbot, screen, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: screen.phase is Phase.HOLDING and screen.idle(), timeout=TIMEOUT)
    _press(qtbot, screen, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: screen.call.call_id is not None and screen.idle(), timeout=TIMEOUT)
    assert screen.banner.isVisibleTo(screen) and "+" in screen.banner.text()
    _press(qtbot, screen, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: screen.call.answered is not None and screen.idle(),
                    timeout=TIMEOUT)
    assert not screen.banner.isVisibleTo(screen), screen.banner.text()
