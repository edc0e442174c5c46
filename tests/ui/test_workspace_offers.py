"""Offers inside a live call (issue 14): the customer's "yes" keeps the call open and wins
nobody back until the call's outcome; the banner follows the supervisor's decision.

Both drove a defect before the fix: "Customer accepted" marked the customer won back
with the call still open, and the banner kept saying "waiting for a supervisor" beside
the panel's "Approved by …".
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QDesktopServices

from tests.ui.conftest import make_ctx
from tests.ui.test_workspace_call_flow import TIMEOUT, _desk, _disposition, _on_the_line
from winback_desktop.db.models import Call, CallTask, Customer
from winback_desktop.services import offers
from winback_desktop.ui.screens.workspace.screen import Phase, WorkspaceScreen


@pytest.fixture(autouse=True)
def _no_softphone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda _u: True))


def _offer_tab(qtbot, screen: WorkspaceScreen) -> None:  # type: ignore[no-untyped-def]
    screen.card_view.history.setCurrentWidget(screen.offers)
    qtbot.waitUntil(lambda: bool(screen.offers.choices), timeout=TIMEOUT)


def _choose(screen: WorkspaceScreen, within: bool) -> None:
    index = next(i for i, c in enumerate(screen.offers.choices)
                 if c.within_authority is within
                 and (within or c.approver_role == "supervisor"))
    screen.offers.choice_buttons[index].click()


def _customer_and_task(db, screen: WorkspaceScreen) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    assert screen.task is not None
    return screen.task.customer_id, screen.task.task_id


def test_accepting_an_offer_keeps_the_call_open_and_the_outcome_wins_back(
        qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    screen = _desk(qtbot, demo_db, "agent07")
    call_id = _on_the_line(qtbot, screen)
    customer_id, task_id = _customer_and_task(demo_db, screen)
    _offer_tab(qtbot, screen)
    _choose(screen, within=True)
    screen.offers.propose_button.click()
    qtbot.waitUntil(lambda: screen.offers.accepted_button.isVisible(), timeout=TIMEOUT)
    screen.offers.accepted_button.click()
    qtbot.waitUntil(lambda: screen.phase is Phase.OUTCOME and screen.idle()
                    and not screen.offers.busy, timeout=TIMEOUT)
    assert "accepted" in screen.offers.status.text().lower()
    assert "won back" not in screen.offers.status.text().lower()
    with demo_db.session() as s:
        call = s.get(Call, call_id)
        customer = s.get(Customer, customer_id)
        task = s.get(CallTask, task_id)
        assert call is not None and customer is not None and task is not None
        assert (call.step, call.disposition, call.ended_at) == ("outcome", None, None)
        assert customer.status == "lost" and customer.won_back_at is None
        assert task.status == "claimed"
    # still on the line: hang up is there, the outcome is the agent's to record
    assert screen.hangup_button.isEnabled()
    screen.disposition_buttons[screen.success].click()
    qtbot.waitUntil(lambda: screen.phase is Phase.IDLE and screen.idle(), timeout=TIMEOUT)
    assert _disposition(demo_db, call_id) == screen.success.value
    with demo_db.session() as s:
        customer = s.get(Customer, customer_id)
        assert customer is not None and customer.status == screen.success.value


def test_the_banner_follows_the_supervisors_decision(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    screen = _desk(qtbot, demo_db, "agent08")
    _on_the_line(qtbot, screen)
    _offer_tab(qtbot, screen)
    _choose(screen, within=False)
    screen.offers.propose_button.click()
    qtbot.waitUntil(lambda: screen.offers.request is not None and screen.idle()
                    and not screen.offers.busy, timeout=TIMEOUT)
    assert "waiting for a supervisor" in screen.banner.text()
    request = screen.offers.request
    assert request is not None and request.is_open
    supervisor = make_ctx(demo_db, "supervisor1").actor
    offers.decide(demo_db, supervisor, request.id, "approve", "go ahead")
    qtbot.waitUntil(lambda: screen.offers.request is not None
                    and screen.offers.request.status == "approved", timeout=TIMEOUT)
    assert "Approved by" in screen.offers.status.text()
    assert "waiting for a supervisor" not in screen.banner.text()
    assert "approved" in screen.banner.text().lower()
