"""The interview runner in a call: keyboard, skip logic, pause/resume, confirm."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from winback_desktop.db.models import Call, CallTask, Campaign, Customer, InterviewResponse
from winback_desktop.services import interviews as I
from winback_desktop.services import users
from winback_desktop.services.context import Actor
from winback_desktop.ui.screens.interviews.runner import (
    PAGE_CONFIRM,
    PAGE_DONE,
    PAGE_QUESTION,
    InterviewRunner,
)
from winback_desktop.ui.shell.context import AppContext

SCRIPT = """{
  "name": "Runner test", "kind": "win_back",
  "questions": [
    {"key": "why", "text": "Why did you leave?", "type": "single", "required": true,
     "choices": [
      {"label": "Service failure", "value": "service", "weights": {"pushed_unintentional": 3}},
      {"label": "Cheaper elsewhere", "value": "price", "weights": {"bought_away": 3},
       "goto": "who"}]},
    {"key": "what", "text": "What failed?", "type": "multi", "goto": "back", "choices": [
      {"label": "Delivery", "value": "delivery", "weights": {"pushed_unintentional": 1}},
      {"label": "Billing", "value": "billing", "weights": {"pushed_unintentional": 1}}]},
    {"key": "who", "text": "Which competitor?", "type": "text", "tag": "competitor"},
    {"key": "back", "text": "Would you come back?", "type": "yes_no", "required": true,
     "choices": [{"label": "Yes", "value": "yes"}, {"label": "No", "value": "no"}]}
  ]
}"""


@pytest.fixture
def call(db, admin):  # type: ignore[no-untyped-def]
    with db.session() as s:
        agent = Actor.of(users.add_user(s, admin, "agent7", "agent", "pw-123456",
                                        display_name="Agent Seven"))
        script = I.import_script(s, admin, SCRIPT, publish_now=True)
        campaign = Campaign(name="Q4", kind="win_back", status="running",
                            script_id=script.id)
        customer = Customer(name="Zhang San", status="lost", sltv_minor=9_000_000,
                            sltv_tier="A", segment="quick")
        s.add_all([campaign, customer])
        s.flush()
        task = CallTask(campaign_id=campaign.id, customer_id=customer.id, status="claimed")
        s.add(task)
        s.flush()
        c = Call(task_id=task.id, customer_id=customer.id, campaign_id=campaign.id,
                 agent_id=agent.user_id)
        s.add(c)
        s.flush()
        return {"agent": agent, "customer_id": customer.id, "call_id": c.id,
                "campaign_id": campaign.id}


def _runner(qtbot, db, actor) -> InterviewRunner:  # type: ignore[no-untyped-def]
    runner = InterviewRunner(AppContext(db=db, actor=actor))
    qtbot.addWidget(runner)
    runner.resize(700, 500)
    runner.show()
    qtbot.waitExposed(runner)
    return runner


def _idle(qtbot, runner: InterviewRunner) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)


def _key(qtbot, runner: InterviewRunner, key: Qt.Key,  # type: ignore[no-untyped-def]
         modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    runner.activateWindow()
    qtbot.waitUntil(runner.isActiveWindow, timeout=5_000)
    target = runner.focusWidget()
    assert target is not None and runner.isAncestorOf(target)  # keyboard flow keeps focus
    qtbot.keyClick(target, key, modifier)
    _idle(qtbot, runner)


def test_keyboard_walk_branches_and_confirms_an_override(qtbot, db, call) -> None:
    runner = _runner(qtbot, db, call["agent"])
    steps: list[str] = []
    runner.step_changed.connect(steps.append)
    runner.start(call["customer_id"], call["call_id"])
    _idle(qtbot, runner)
    assert runner.state.current_key == "why"
    assert runner.pages.currentIndex() == PAGE_QUESTION
    runner.activateWindow()
    runner.next_button.setFocus()
    _key(qtbot, runner, Qt.Key.Key_Return)  # required: refused without an answer
    assert runner.error_label.isVisibleTo(runner) and runner.state.current_key == "why"
    _key(qtbot, runner, Qt.Key.Key_2)  # "Cheaper elsewhere" → branches to "who"
    _key(qtbot, runner, Qt.Key.Key_Return)
    assert runner.state.current_key == "who"
    _key(qtbot, runner, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert runner.state.current_key == "why"
    assert runner._choice_buttons[1].isChecked()  # the earlier answer is kept
    _key(qtbot, runner, Qt.Key.Key_1)
    _key(qtbot, runner, Qt.Key.Key_Return)
    assert runner.state.current_key == "what"
    _key(qtbot, runner, Qt.Key.Key_1)
    _key(qtbot, runner, Qt.Key.Key_2)
    _key(qtbot, runner, Qt.Key.Key_Return)
    assert runner.state.current_key == "back"
    _key(qtbot, runner, Qt.Key.Key_1)
    _key(qtbot, runner, Qt.Key.Key_Return)
    assert runner.pages.currentIndex() == PAGE_CONFIRM
    assert runner.proposal.proposed_reason == "pushed_unintentional"
    assert steps[0] == "1/3 why" and steps[-1] == "3/3 confirm"
    runner.set_reason("pulled_away")
    assert runner.override_label.text()
    with qtbot.waitSignal(runner.completed, timeout=10_000) as sig:
        _key(qtbot, runner, Qt.Key.Key_Return)
    assert sig.args == ["pulled_away", "quick"]  # pulled_away × A → quick
    assert runner.pages.currentIndex() == PAGE_DONE
    with db.session() as s:
        r = s.scalar(select(InterviewResponse))
        assert (r.proposed_reason, r.confirmed_reason, r.reason_overridden) == (
            "pushed_unintentional", "pulled_away", True)
        assert s.get(Customer, call["customer_id"]).defection_reason == "pulled_away"


def test_a_new_runner_resumes_after_the_call_drops(qtbot, db, call) -> None:
    first = _runner(qtbot, db, call["agent"])
    first.start(call["customer_id"], call["call_id"])
    _idle(qtbot, first)
    first._pick(1)
    first.notes.setPlainText("Angry about a late parcel")
    first.go_next()
    _idle(qtbot, first)
    assert first.state.current_key == "what"
    first.close()  # the call dropped; the workstation even closed the window
    second = _runner(qtbot, db, call["agent"])
    second.start(call["customer_id"], None)
    _idle(qtbot, second)
    assert second.state.resumed and second.state.current_key == "what"
    assert second.notes.toPlainText() == "Angry about a late parcel"
    second.pause()
    _idle(qtbot, second)
    with db.session() as s:
        assert s.scalar(select(InterviewResponse.status)) == "paused"


def test_typing_notes_does_not_trigger_shortcuts(qtbot, db, call) -> None:
    runner = _runner(qtbot, db, call["agent"])
    runner.start(call["customer_id"], call["call_id"])
    _idle(qtbot, runner)
    runner.activateWindow()
    qtbot.waitUntil(runner.isActiveWindow, timeout=5_000)
    runner.notes.setFocus()
    qtbot.keyClicks(runner.notes, "2 bills")
    qtbot.keyClick(runner.notes, Qt.Key.Key_Return)
    qtbot.keyClick(runner.notes, Qt.Key.Key_Backspace)
    _idle(qtbot, runner)
    assert runner.notes.toPlainText() == "2 bills"
    assert runner.state.current_key == "why"  # neither answered nor moved
    assert not any(b.isChecked() for b in runner._choice_buttons)


def test_embedded_next_to_window_wide_digit_shortcuts(qtbot, db, call) -> None:
    """The workspace binds 1–9 and Alt+1–9 to dispositions for its whole window: inside
    the runner a digit picks a choice; outside it the workspace still gets it."""
    from PySide6.QtGui import QKeySequence, QShortcut
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

    host = QWidget()
    qtbot.addWidget(host)
    fired: list[str] = []
    for key in ("1", "2", "Alt+1"):
        QShortcut(QKeySequence(key), host).activated.connect(
            lambda key=key: fired.append(key))
    layout = QVBoxLayout(host)
    other = QLineEdit()
    other.setReadOnly(True)
    layout.addWidget(other)
    runner = InterviewRunner(AppContext(db=db, actor=call["agent"]), host)
    layout.addWidget(runner)
    host.resize(700, 600)
    host.show()
    qtbot.waitExposed(host)
    runner.start(call["customer_id"], call["call_id"])
    _idle(qtbot, runner)
    host.activateWindow()
    qtbot.waitUntil(host.isActiveWindow, timeout=5_000)
    runner.next_button.setFocus()
    qtbot.keyClick(runner.next_button, Qt.Key.Key_2)
    assert runner._choice_buttons[1].isChecked() and fired == []
    qtbot.keyClick(runner.next_button, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert fired == ["Alt+1"]  # no choice mnemonic competes with the workspace
    other.setFocus()
    qtbot.keyClick(other, Qt.Key.Key_1)
    assert fired == ["Alt+1", "1"] and runner._choice_buttons[1].isChecked()


def test_idle_runner_says_when_the_interview_starts(qtbot, db, call) -> None:  # type: ignore[no-untyped-def]
    runner = _runner(qtbot, db, call["agent"])
    assert "answers (F6)" in runner.idle_label.text()
    # no script yet: no empty script switcher or progress bar
    assert not runner.script_combo.isVisibleTo(runner)
    assert not runner.progress.isVisibleTo(runner)
    runner.start(call["customer_id"], call["call_id"])
    _idle(qtbot, runner)
    assert runner.pages.currentIndex() == PAGE_QUESTION
    assert runner.progress.isVisibleTo(runner)
    runner.clear()
    assert not runner.progress.isVisibleTo(runner)
