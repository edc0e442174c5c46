"""The agent's whole loop on the keyboard: next, dial, answered, hang up, outcome, next."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from tests.ui.conftest import make_ctx
from winback_desktop.core.errors import DatabaseUnavailable
from winback_desktop.db.models import AgentPresence, Call, CallTask
from winback_desktop.ui.screens.workspace import screen as workspace_screen
from winback_desktop.ui.screens.workspace.screen import Phase, WorkspaceScreen

TIMEOUT = 10_000


@pytest.fixture
def dialled(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every URL handed to the OS (the softphone's tel: handler)."""
    urls: list[str] = []

    def fake_open(url: QUrl) -> bool:
        urls.append(url.toString())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(fake_open))
    return urls


def _desk(qtbot, db, login: str = "agent01") -> WorkspaceScreen:  # type: ignore[no-untyped-def]
    screen = WorkspaceScreen(make_ctx(db, login))
    qtbot.addWidget(screen)
    screen.resize(1300, 850)
    screen.show()
    screen.activateWindow()
    qtbot.waitActive(screen)
    qtbot.waitUntil(screen.idle, timeout=TIMEOUT)
    return screen


def _key(qtbot, screen: WorkspaceScreen, key: Qt.Key,  # type: ignore[no-untyped-def]
         modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    if not screen.isActiveWindow():  # a window left over by another test took over
        screen.activateWindow()
        qtbot.waitUntil(screen.isActiveWindow, timeout=5_000)
    focus = QApplication.focusWidget()
    target = focus if focus is not None and screen.isAncestorOf(focus) else screen
    qtbot.keyClick(target, key, modifier)


def _answer(qtbot, screen: WorkspaceScreen) -> None:  # type: ignore[no-untyped-def]
    """F6: the customer is on the line (outcomes of a conversation need it)."""
    _key(qtbot, screen, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: screen.call.answered is not None and screen.idle(),
                    timeout=TIMEOUT)


def _next(qtbot, screen: WorkspaceScreen) -> None:  # type: ignore[no-untyped-def]
    _key(qtbot, screen, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: screen.phase is Phase.HOLDING, timeout=TIMEOUT)
    qtbot.waitUntil(screen.idle, timeout=TIMEOUT)


def test_full_loop_by_keyboard(qtbot, any_demo_db, dialled) -> None:  # type: ignore[no-untyped-def]
    demo_db = any_demo_db
    screen = _desk(qtbot, demo_db)
    assert "F2" in screen.next_button.text()
    _next(qtbot, screen)
    first = screen.task
    assert screen.card_view.name_label.text() == screen.card.name
    assert screen.card_view.sltv_label.text().startswith(("¥", "-¥"))
    assert screen.card_view.local_time.text()
    number = screen.card.phones[0].e164

    # F5 dials the first phone: tel: link to the softphone and the number on the clipboard
    _key(qtbot, screen, Qt.Key.Key_F5)
    assert dialled == [f"tel:{number}"]
    assert QGuiApplication.clipboard().text() == number
    assert number in screen.banner.text()
    qtbot.waitUntil(lambda: screen.call.call_id is not None, timeout=TIMEOUT)
    qtbot.waitUntil(screen.idle, timeout=TIMEOUT)
    assert screen.phase is Phase.CALLING

    _key(qtbot, screen, Qt.Key.Key_F6)  # answered
    qtbot.waitUntil(screen.idle, timeout=TIMEOUT)
    _key(qtbot, screen, Qt.Key.Key_F7)  # hang up → wrap-up
    qtbot.waitUntil(lambda: screen.phase is Phase.WRAP_UP, timeout=TIMEOUT)
    qtbot.waitUntil(screen.idle, timeout=TIMEOUT)
    assert "Wrap-up" in screen.timer_label.text() or screen.timer_label.text()

    # digits typed into the notes are text, not outcomes
    screen.notes.setFocus()
    qtbot.keyClicks(screen.notes, "Moved to rival, price 123")
    assert screen.phase is Phase.WRAP_UP
    assert screen.notes.toPlainText() == "Moved to rival, price 123"

    # Alt+6 records "not interested" even while typing notes (Ctrl+digit is navigation)
    _key(qtbot, screen, Qt.Key.Key_6, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: screen.phase is Phase.IDLE, timeout=TIMEOUT)
    qtbot.waitUntil(screen.idle, timeout=TIMEOUT)
    assert screen.notes.toPlainText() == ""
    assert screen.banner.property("kind") == "ok"

    with demo_db.session() as s:
        call = s.scalars(select(Call).where(Call.task_id == first.task_id)
                         .order_by(Call.id.desc())).first()
        assert call is not None
        assert call.agent_id == screen.ctx.actor.user_id
        assert call.phone_e164 == number
        assert call.started_at is not None and call.answered_at is not None
        assert call.ended_at is not None and call.wrapup_ended_at is not None
        assert call.started_at <= call.answered_at <= call.ended_at <= call.wrapup_ended_at
        assert call.disposition == "not_interested"
        assert call.notes == "Moved to rival, price 123"
        presence = s.get(AgentPresence, screen.ctx.actor.user_id)
        assert presence is not None

    # one key again: a different customer
    _next(qtbot, screen)
    assert screen.task.customer_id != first.customer_id


def test_alt_digit_records_an_outcome_straight_from_the_call(qtbot, demo_db, dialled) -> None:  # type: ignore[no-untyped-def]
    screen = _desk(qtbot, demo_db, "agent02")
    _next(qtbot, screen)
    task = screen.task
    _key(qtbot, screen, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: screen.call.call_id is not None and screen.idle(), timeout=TIMEOUT)
    screen.next_button.setFocus()  # focus outside the notes
    _key(qtbot, screen, Qt.Key.Key_1)  # a bare digit while dialling records nothing
    qtbot.wait(200)
    assert screen.phase is Phase.CALLING
    _key(qtbot, screen, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)  # no answer
    qtbot.waitUntil(lambda: screen.phase is Phase.IDLE, timeout=TIMEOUT)
    qtbot.waitUntil(screen.idle, timeout=TIMEOUT)
    with demo_db.session() as s:
        call = s.scalars(select(Call).where(Call.task_id == task.task_id)
                         .order_by(Call.id.desc())).first()
        assert call.disposition == "no_answer"
        assert call.answered_at is None and call.ended_at is not None


def test_callback_in_customer_zone(qtbot, demo_db, dialled, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    screen = _desk(qtbot, demo_db, "agent03")
    _next(qtbot, screen)
    task = screen.task
    tz = screen.card.timezone
    _key(qtbot, screen, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: screen.call.call_id is not None and screen.idle(), timeout=TIMEOUT)
    _answer(qtbot, screen)
    wall = (datetime.now(UTC) + timedelta(days=2)).replace(hour=10, minute=30, second=0,
                                                           microsecond=0, tzinfo=None)
    expected = workspace_screen.CallbackDialog  # the real dialog, driven by the test
    made = []

    def fake_dialog():  # type: ignore[no-untyped-def]
        dialog = expected(screen.card.name, tz, screen)
        dialog.set_wall_clock(wall)
        dialog.team.setChecked(True)
        dialog.exec = lambda: 1  # type: ignore[method-assign]
        made.append(dialog)
        return dialog

    monkeypatch.setattr(screen, "make_callback_dialog", fake_dialog)
    screen.next_button.setFocus()
    _key(qtbot, screen, Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: screen.phase is Phase.IDLE, timeout=TIMEOUT)
    qtbot.waitUntil(screen.idle, timeout=TIMEOUT)
    from zoneinfo import ZoneInfo

    want = wall.replace(tzinfo=ZoneInfo(tz)).astimezone(UTC)
    with demo_db.session() as s:
        row = s.get(CallTask, task.task_id)
        assert row.status == "callback"
        assert row.callback_at == want
        assert row.callback_owner_id is None  # team callback
        call = s.scalars(select(Call).where(Call.task_id == task.task_id)
                         .order_by(Call.id.desc())).first()
        assert call.disposition == "callback" and call.callback_at == want


def test_notes_survive_a_lost_connection(qtbot, demo_db, dialled, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    screen = _desk(qtbot, demo_db, "agent04")
    _next(qtbot, screen)
    _key(qtbot, screen, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: screen.call.call_id is not None and screen.idle(), timeout=TIMEOUT)
    _answer(qtbot, screen)
    _key(qtbot, screen, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: screen.phase is Phase.WRAP_UP and screen.idle(), timeout=TIMEOUT)
    screen.notes.setPlainText("Wants a call after the holidays")
    real_finish = workspace_screen.calls.finish_call

    def broken(*_a, **_k):  # type: ignore[no-untyped-def]
        raise DatabaseUnavailable(detail="server closed the connection")

    monkeypatch.setattr(workspace_screen.calls, "finish_call", broken)
    screen.disposition_buttons[workspace_screen.Disposition.NOT_INTERESTED].click()
    qtbot.waitUntil(screen.idle, timeout=TIMEOUT)
    assert screen.phase is Phase.WRAP_UP
    assert screen.banner.property("kind") == "error"
    assert "server closed the connection" in screen.banner.text()
    assert screen.notes.toPlainText() == "Wants a call after the holidays"

    monkeypatch.setattr(workspace_screen.calls, "finish_call", real_finish)
    screen.disposition_buttons[workspace_screen.Disposition.NOT_INTERESTED].click()
    qtbot.waitUntil(lambda: screen.phase is Phase.IDLE and screen.idle(), timeout=TIMEOUT)
    assert screen.notes.toPlainText() == ""


def test_empty_queue_says_so(qtbot, demo_db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(workspace_screen.queue, "claim_next_task", lambda *a, **k: None)
    screen = _desk(qtbot, demo_db, "agent05")
    _key(qtbot, screen, Qt.Key.Key_F2)
    qtbot.waitUntil(screen.idle, timeout=TIMEOUT)
    assert screen.phase is Phase.IDLE
    assert "Nobody is waiting" in screen.empty_label.text()
    assert screen.next_button.isEnabled()


def test_explain_popup_shows_each_year(qtbot, demo_db, dialled) -> None:  # type: ignore[no-untyped-def]
    screen = _desk(qtbot, demo_db, "agent06")
    _next(qtbot, screen)
    screen.card_view.explain_button.click()
    qtbot.waitUntil(lambda: getattr(screen, "explain_dialog", None) is not None, timeout=TIMEOUT)
    dialog = screen.explain_dialog
    # five years + total + cost + SLTV
    assert dialog.table.rowCount() == 5 + 3
    assert dialog.table.item(7, 4).text() == screen.card_view.sltv_label.text()


def test_break_blocks_next_customer(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    screen = _desk(qtbot, demo_db, "agent07")
    _key(qtbot, screen, Qt.Key.Key_F9)
    assert screen.on_break
    assert not screen.next_button.isEnabled()
    qtbot.waitUntil(screen.idle, timeout=TIMEOUT)
    with demo_db.session() as s:
        assert s.get(AgentPresence, screen.ctx.actor.user_id).state == "break"
    _key(qtbot, screen, Qt.Key.Key_F9)
    assert not screen.on_break and screen.next_button.isEnabled()


def test_outcome_stored_but_reply_lost_is_not_recorded_twice(qtbot, demo_db, dialled, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    screen = _desk(qtbot, demo_db, "agent08")
    _next(qtbot, screen)
    task = screen.task
    _key(qtbot, screen, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: screen.call.call_id is not None and screen.idle(), timeout=TIMEOUT)
    _answer(qtbot, screen)
    screen.notes.setPlainText("Asked for a manager")
    real_finish = workspace_screen.calls.finish_call

    def commit_then_drop(*args, **kwargs):  # type: ignore[no-untyped-def]
        real_finish(*args, **kwargs)
        raise DatabaseUnavailable(detail="connection reset")

    monkeypatch.setattr(workspace_screen.calls, "finish_call", commit_then_drop)
    screen.disposition_buttons[workspace_screen.Disposition.REFUSED_OFFER].click()
    qtbot.waitUntil(screen.idle, timeout=TIMEOUT)
    assert screen.banner.property("kind") == "error"
    assert screen.notes.toPlainText() == "Asked for a manager"
    assert not screen.stuck  # a connection problem: retrying is the right move

    monkeypatch.setattr(workspace_screen.calls, "finish_call", real_finish)
    screen.disposition_buttons[workspace_screen.Disposition.REFUSED_OFFER].click()
    qtbot.waitUntil(lambda: screen.phase is Phase.IDLE and screen.idle(), timeout=TIMEOUT)
    assert screen.banner.property("kind") == "ok"
    with demo_db.session() as s:
        rows = s.scalars(select(Call).where(Call.task_id == task.task_id,
                                            Call.disposition.is_not(None),
                                            Call.agent_id == screen.ctx.actor.user_id)).all()
        mine = [c for c in rows if c.notes == "Asked for a manager"]
        assert len(mine) == 1 and mine[0].disposition == "refused_offer"


def test_a_customer_whose_card_fails_goes_back_to_the_queue(qtbot, demo_db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def broken(*_a, **_k):  # type: ignore[no-untyped-def]
        raise DatabaseUnavailable(detail="timeout")

    from winback_desktop.services import call_desk

    monkeypatch.setattr(call_desk.customer_card, "customer_card", broken)
    screen = _desk(qtbot, demo_db, "agent09")
    _key(qtbot, screen, Qt.Key.Key_F2)
    qtbot.waitUntil(screen.idle, timeout=TIMEOUT)
    assert screen.phase is Phase.IDLE
    assert "timeout" in screen.banner.text()
    with demo_db.session() as s:
        held = s.scalars(select(CallTask).where(
            CallTask.claimed_by == screen.ctx.actor.user_id,
            CallTask.status == "claimed")).all()
        assert held == []


def test_stuck_call_can_be_left_with_notes_on_clipboard(qtbot, demo_db, dialled, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from winback_desktop.core.errors import Conflict

    screen = _desk(qtbot, demo_db, "agent10")
    _next(qtbot, screen)
    _key(qtbot, screen, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: screen.call.call_id is not None and screen.idle(), timeout=TIMEOUT)
    assert not screen.release_button.isEnabled()  # no skipping out of a live call

    def refused(*_a, **_k):  # type: ignore[no-untyped-def]
        raise Conflict()

    monkeypatch.setattr(workspace_screen.calls, "finish_call", refused)
    screen.notes.setPlainText("Left a message with the assistant")
    screen.disposition_buttons[workspace_screen.Disposition.VOICEMAIL].click()
    qtbot.waitUntil(screen.idle, timeout=TIMEOUT)
    assert screen.stuck and screen.release_button.isEnabled()
    screen.release_button.click()
    qtbot.waitUntil(lambda: screen.phase is Phase.IDLE and screen.idle(), timeout=TIMEOUT)
    assert QGuiApplication.clipboard().text() == "Left a message with the assistant"
    assert screen.next_button.isEnabled()


def test_customers_held_by_a_crashed_session_go_back(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    from winback_desktop.services import queue

    ctx = make_ctx(demo_db, "agent05")
    held = queue.claim_next_task(demo_db, ctx.actor)
    assert held is not None  # ...and then the workstation crashed
    screen = _desk(qtbot, demo_db, "agent05")
    assert "earlier session" in screen.banner.text()
    with demo_db.session() as s:
        assert s.get(CallTask, held.task_id).status == "queued"
        assert queue.get_claimed(s, ctx.actor) == []


def test_exit_interview_runs_inside_the_call(qtbot, demo_db, dialled) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QAbstractButton

    from winback_desktop.db.models import InterviewResponse
    from winback_desktop.ui.screens.interviews.runner import PAGE_QUESTION

    screen = _desk(qtbot, demo_db, "agent01")
    _next(qtbot, screen)
    runner = screen.runner
    assert screen.card_view.history.currentWidget() is runner
    _key(qtbot, screen, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: screen.call.call_id is not None and screen.idle(), timeout=TIMEOUT)
    call_id = screen.call.call_id
    _key(qtbot, screen, Qt.Key.Key_F6)  # answered: the campaign's interview script starts
    qtbot.waitUntil(lambda: runner.state is not None and not runner.busy, timeout=TIMEOUT)
    assert runner.pages.currentIndex() == PAGE_QUESTION
    qtbot.waitUntil(screen.idle, timeout=TIMEOUT)
    with demo_db.session() as s:
        presence = s.get(AgentPresence, screen.ctx.actor.user_id)
        assert presence.script_step  # the live board sees the interview step

    # inside the runner a bare digit answers the question; it is not an outcome
    choices = [b for b in runner._choice_buttons if isinstance(b, QAbstractButton)]
    target = choices[0] if choices else runner
    target.setFocus()
    qtbot.keyClick(target, Qt.Key.Key_1)
    assert screen.phase is Phase.CALLING
    if choices:
        assert choices[0].isChecked()

    # Alt+2 still records "busy" from inside the runner; the interview is paused, kept
    qtbot.keyClick(target, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: screen.phase is Phase.IDLE and screen.idle(), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not runner.busy, timeout=TIMEOUT)
    with demo_db.session() as s:
        assert s.get(Call, call_id).disposition == "busy"
        response = s.scalars(select(InterviewResponse)
                             .where(InterviewResponse.call_id == call_id)).one()
        assert response.status == "paused"


def test_notes_survive_a_crash_as_a_local_draft(qtbot, demo_db, dialled) -> None:  # type: ignore[no-untyped-def]
    from winback_desktop.services.drafts import DraftStore

    store = DraftStore("agent02")
    screen = _desk(qtbot, demo_db, "agent02")
    _next(qtbot, screen)
    task_id = screen.task.task_id
    screen.notes.setFocus()
    qtbot.keyClicks(screen.notes, "Half-written: wants a refund first")
    qtbot.waitUntil(lambda: store.load(task_id) is not None, timeout=TIMEOUT)
    assert store.load(task_id).notes == "Half-written: wants a refund first"

    # the workstation dies; the agent starts again and is given the same customer back
    screen.close()
    again = _desk(qtbot, demo_db, "agent02")
    _next(qtbot, again)
    assert again.task.task_id == task_id
    assert again.notes.toPlainText() == "Half-written: wants a refund first"
    _key(qtbot, again, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: again.call.call_id is not None and again.idle(), timeout=TIMEOUT)
    again.next_button.setFocus()
    _key(qtbot, again, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: again.phase is Phase.IDLE and again.idle(), timeout=TIMEOUT)
    assert store.load(task_id) is None  # stored in the database: the draft is gone
    with demo_db.session() as s:
        call = s.scalars(select(Call).where(Call.task_id == task_id)
                         .order_by(Call.id.desc())).first()
        assert call.notes == "Half-written: wants a refund first"


def test_offers_panel_follows_the_customer_and_acceptance_leads_to_the_outcome(qtbot, demo_db, dialled) -> None:  # type: ignore[no-untyped-def]
    screen = _desk(qtbot, demo_db, "agent03")
    assert screen.offers.customer_id is None
    _next(qtbot, screen)
    task = screen.task
    assert screen.offers.customer_id == task.customer_id
    assert screen.offers.task_id == task.task_id
    _key(qtbot, screen, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: screen.call.call_id is not None and screen.idle(), timeout=TIMEOUT)
    call_id = screen.call.call_id
    _answer(qtbot, screen)
    screen.notes.setPlainText("Took the 3-month discount")
    screen.offers.won_back.emit()  # the panel recorded "customer accepted"
    # the call stays open at the outcome step; the agent records the outcome
    qtbot.waitUntil(lambda: screen.phase is Phase.OUTCOME and screen.idle(), timeout=TIMEOUT)
    screen.disposition_buttons[screen.success].click()
    qtbot.waitUntil(lambda: screen.phase is Phase.IDLE and screen.idle(), timeout=TIMEOUT)
    assert screen.offers.customer_id is None
    with demo_db.session() as s:
        call = s.get(Call, call_id)
        assert call.disposition == "won_back" and call.notes == "Took the 3-month discount"


def test_closing_the_main_window_gives_the_customer_back_and_goes_offline(qtbot, demo_db, dialled) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.helpers import main_window, wait_ops

    window = main_window(qtbot, demo_db, "agent06")
    screen = window.open_screen("workspace")
    wait_ops(qtbot)
    assert isinstance(screen, WorkspaceScreen)
    screen.next_customer()
    qtbot.waitUntil(lambda: screen.phase is Phase.HOLDING and screen.idle(), timeout=TIMEOUT)
    task_id = screen.task.task_id
    window.close()
    with demo_db.session() as s:
        assert s.get(CallTask, task_id).status == "queued"
        assert s.get(AgentPresence, screen.ctx.actor.user_id).state == "offline"


def test_a_transaction_hit_by_a_snapshot_conflict_runs_again() -> None:
    from winback_desktop.ui.kit.service_op import retry_when_locked

    calls: list[int] = []

    def flaky() -> str:
        calls.append(1)
        if len(calls) < 3:
            raise DatabaseUnavailable(detail="database is locked")
        return "stored"

    assert retry_when_locked(flaky, pause=0) == "stored" and len(calls) == 3

    def down() -> None:
        raise DatabaseUnavailable(detail="connection refused")

    with pytest.raises(DatabaseUnavailable):
        retry_when_locked(down, pause=0)


def test_a_save_campaign_customer_is_saved_not_won_back(qtbot, demo_db, dialled) -> None:  # type: ignore[no-untyped-def]
    from winback_desktop.db.models import Customer

    screen = _desk(qtbot, demo_db, "agent05")
    qtbot.waitUntil(lambda: screen.campaign_combo.count() == 3, timeout=TIMEOUT)
    save = next(i for i in range(screen.campaign_combo.count())
                if "Save" in screen.campaign_combo.itemText(i))
    screen.campaign_combo.setCurrentIndex(save)
    _next(qtbot, screen)
    task = screen.task
    success = screen.disposition_buttons[workspace_screen.Disposition.SAVED]
    assert "Saved" in success.text() and "Won back" not in success.text()
    _key(qtbot, screen, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: screen.call.call_id is not None and screen.idle(), timeout=TIMEOUT)
    _key(qtbot, screen, Qt.Key.Key_F6)
    qtbot.waitUntil(screen.idle, timeout=TIMEOUT)
    success.click()
    qtbot.waitUntil(lambda: screen.phase is Phase.IDLE and screen.idle(), timeout=TIMEOUT)
    with demo_db.session() as s:
        call = s.scalars(select(Call).where(Call.task_id == task.task_id)
                         .order_by(Call.id.desc())).first()
        assert call.disposition == "saved"
        assert s.get(Customer, task.customer_id).status == "retained"
