"""Issue 14 in the call workspace: keys never record an outcome by accident, an accepted
offer keeps the call open, quitting mid-call asks, and outcomes can be amended.

Each test drove the defect it names before the fix (pytest-qt, the real services).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from sqlalchemy import select

from tests.ui.conftest import make_ctx
from winback_desktop.db.models import Call, CallTask
from winback_desktop.services import interviews as I
from winback_desktop.services.context import Actor
from winback_desktop.ui.screens.interviews.runner import PAGE_QUESTION
from winback_desktop.ui.screens.workspace.screen import Phase, WorkspaceScreen

TIMEOUT = 10_000

TEXT_SCRIPT = """{
  "name": "Typed answers", "kind": "win_back",
  "questions": [
    {"key": "offer", "text": "What would bring you back?", "type": "text"},
    {"key": "when", "text": "When did you decide to leave?", "type": "text"},
    {"key": "more", "text": "Anything else?", "type": "text"}
  ]
}"""


@pytest.fixture(autouse=True)
def _no_softphone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda _u: True))


def _desk(qtbot, db, login: str) -> WorkspaceScreen:  # type: ignore[no-untyped-def]
    screen = WorkspaceScreen(make_ctx(db, login), open_url=lambda _u: True)
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    screen.activateWindow()
    qtbot.waitActive(screen)
    qtbot.waitUntil(screen.idle, timeout=TIMEOUT)
    return screen


def _type(qtbot, screen: WorkspaceScreen, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type as the agent does: into whatever has the keyboard focus."""
    for ch in text:
        focus = QApplication.focusWidget()
        target = focus if focus is not None and screen.isAncestorOf(focus) else screen
        qtbot.keyClicks(target, ch)


def _press(qtbot, screen: WorkspaceScreen, key: Qt.Key,  # type: ignore[no-untyped-def]
           modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    focus = QApplication.focusWidget()
    target = focus if focus is not None and screen.isAncestorOf(focus) else screen
    qtbot.keyClick(target, key, modifier)


def _on_the_line(qtbot, screen: WorkspaceScreen) -> int:  # type: ignore[no-untyped-def]
    """Next customer, dial, answered: the call is at the "answered" step."""
    _press(qtbot, screen, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: screen.phase is Phase.HOLDING and screen.idle(), timeout=TIMEOUT)
    _press(qtbot, screen, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: screen.call.call_id is not None and screen.idle(), timeout=TIMEOUT)
    _press(qtbot, screen, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: screen.call.answered is not None and screen.idle(),
                    timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not screen.runner.busy, timeout=TIMEOUT)
    assert screen.call.call_id is not None
    return screen.call.call_id


def _disposition(db, call_id: int) -> str | None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        call = s.get(Call, call_id)
        assert call is not None
        return call.disposition


def test_enter_on_a_typed_answer_moves_on_and_digits_never_record_an_outcome(
        qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.session() as s:
        script = I.import_script(s, Actor.system(), TEXT_SCRIPT, publish_now=True)
        script_id = script.id
    screen = _desk(qtbot, demo_db, "agent01")
    call_id = _on_the_line(qtbot, screen)
    runner = screen.runner
    assert screen.task is not None
    runner.start(screen.task.customer_id, call_id, script_id)
    qtbot.waitUntil(lambda: runner.state is not None and not runner.busy, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit),
                    timeout=TIMEOUT)
    first = QApplication.focusWidget()
    _type(qtbot, screen, "8 months free")
    _press(qtbot, screen, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not runner.busy and runner.state is not None
                    and runner.state.question is not None
                    and runner.state.question.key == "when", timeout=TIMEOUT)
    # the next answer box has the keyboard: the agent keeps typing there
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit)
                    and QApplication.focusWidget() is not first, timeout=TIMEOUT)
    _type(qtbot, screen, "5 weeks ago")
    qtbot.wait(300)
    assert runner._answer_widget is not None
    assert runner._answer_widget.text() == "5 weeks ago"  # type: ignore[union-attr]
    assert screen.phase is Phase.CALLING and screen.idle()
    assert _disposition(demo_db, call_id) is None
    # digits typed into the call notes are notes, too
    screen.notes.setFocus()
    _type(qtbot, screen, "8 9 6")
    qtbot.wait(300)
    assert screen.notes.toPlainText() == "8 9 6"
    assert _disposition(demo_db, call_id) is None
    # ...even when nothing in particular has the focus during the conversation
    screen.setFocus()
    _type(qtbot, screen, "8")
    qtbot.wait(300)
    assert _disposition(demo_db, call_id) is None and screen.phase is Phase.CALLING
    assert runner.pages.currentIndex() == PAGE_QUESTION


def test_outcome_keys_work_at_the_outcome_step_or_with_alt(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    screen = _desk(qtbot, demo_db, "agent02")
    call_id = _on_the_line(qtbot, screen)
    _press(qtbot, screen, Qt.Key.Key_F7)  # hung up: the outcome step
    qtbot.waitUntil(lambda: screen.phase is Phase.WRAP_UP and screen.idle(), timeout=TIMEOUT)
    # in the notes a digit is a note...
    screen.notes.setFocus()
    _press(qtbot, screen, Qt.Key.Key_6)
    qtbot.wait(300)
    assert screen.notes.toPlainText() == "6" and screen.phase is Phase.WRAP_UP
    # ...outside text boxes, at the outcome step, it is the outcome
    screen.setFocus()
    _press(qtbot, screen, Qt.Key.Key_6)  # not interested
    qtbot.waitUntil(lambda: screen.phase is Phase.IDLE and screen.idle(), timeout=TIMEOUT)
    assert _disposition(demo_db, call_id) == "not_interested"
    # during the conversation Alt+digit records from anywhere, even from a text box
    call_id = _on_the_line(qtbot, screen)
    screen.notes.setFocus()
    _press(qtbot, screen, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    qtbot.wait(500)
    assert screen.notes.toPlainText() == "", (screen.banner.text(), screen.notes.toPlainText())
    qtbot.waitUntil(lambda: screen.phase is Phase.IDLE and screen.idle(), timeout=TIMEOUT)
    assert _disposition(demo_db, call_id) == "busy"
    assert screen.notes.toPlainText() == ""


def test_accepting_an_offer_keeps_the_call_open_at_the_outcome_step(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    screen = _desk(qtbot, demo_db, "agent03")
    call_id = _on_the_line(qtbot, screen)
    screen.notes.setPlainText("Took the 3-month discount")
    # the customer takes an offer within the agent's authority
    screen.card_view.history.setCurrentWidget(screen.offers)
    qtbot.waitUntil(lambda: bool(screen.offers.choices), timeout=TIMEOUT)
    within = next(i for i, c in enumerate(screen.offers.choices) if c.within_authority)
    screen.offers.choice_buttons[within].click()
    screen.offers.propose_button.click()
    qtbot.waitUntil(lambda: screen.offers.accepted_button.isVisible(), timeout=TIMEOUT)
    screen.offers.accepted_button.click()
    qtbot.waitUntil(lambda: screen.phase is Phase.OUTCOME and screen.idle(), timeout=TIMEOUT)
    with demo_db.session() as s:
        call = s.get(Call, call_id)
        assert call is not None
        assert (call.step, call.disposition, call.ended_at) == ("outcome", None, None)
    # still on the line: the agent can hang up, the interview stays, the outcome is theirs
    assert screen.hangup_button.isEnabled()
    success = screen.disposition_buttons[screen.success]
    assert success.isEnabled()
    assert screen.notes.toPlainText() == "Took the 3-month discount"
    success.click()
    qtbot.waitUntil(lambda: screen.phase is Phase.IDLE and screen.idle(), timeout=TIMEOUT)
    assert _disposition(demo_db, call_id) == screen.success.value


def test_closing_mid_call_asks_and_abandons_the_call(qtbot, demo_db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    screen = _desk(qtbot, demo_db, "agent04")
    call_id = _on_the_line(qtbot, screen)
    task_id = screen.task.task_id if screen.task else None
    asked: list[str] = []

    def answer(choice):  # type: ignore[no-untyped-def]
        def ask(*args, **_k):  # type: ignore[no-untyped-def]
            asked.append(str(args[2]) if len(args) > 2 else "")
            return choice
        return ask

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    assert not screen.confirm_leave()
    assert asked and screen.phase is Phase.CALLING
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    assert screen.confirm_leave()
    screen.shutdown()
    with demo_db.session() as s:
        call = s.get(Call, call_id)
        assert call is not None and (call.step, call.abandon_reason) == ("abandoned", "quit")
        task = s.get(CallTask, task_id)
        assert task is not None and task.status == "queued"


def test_the_last_outcome_can_be_amended_from_the_workspace(qtbot, demo_db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    screen = _desk(qtbot, demo_db, "agent05")
    call_id = _on_the_line(qtbot, screen)
    screen.disposition_buttons[screen.success].click()
    qtbot.waitUntil(lambda: screen.phase is Phase.IDLE and screen.idle(), timeout=TIMEOUT)
    assert screen.amend_button.isEnabled()
    monkeypatch.setattr(screen, "ask_amendment",
                        lambda: ("not_interested", "pressed the wrong key"))
    screen.amend_button.click()
    qtbot.waitUntil(lambda: screen.idle() and not screen.busy, timeout=TIMEOUT)
    assert screen.banner.property("kind") == "ok", screen.banner.text()
    assert _disposition(demo_db, call_id) == "not_interested"
    assert screen.banner.property("kind") == "ok"
    with demo_db.session() as s:
        assert s.scalar(select(Call.amended_at).where(Call.id == call_id)) is not None


def test_a_call_left_open_by_a_crash_is_closed_when_the_agent_comes_back(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    from winback_desktop.services import calls, queue

    actor = make_ctx(demo_db, "agent06").actor
    task = queue.claim_next_task(demo_db, actor)
    assert task is not None
    call_id = calls.start_call(demo_db, actor, task.task_id)  # ...and the app crashed
    _desk(qtbot, demo_db, "agent06")
    with demo_db.session() as s:
        call = s.get(Call, call_id)
        assert call is not None and (call.step, call.abandon_reason) == ("abandoned", "crash")
        row = s.get(CallTask, task.task_id)
        assert row is not None and row.status in ("queued", "callback")
