"""The call workspace's rules without a screen (ui/screens/workspace/presenter.py).

What an agent relies on at the desk: the next-customer button only when there is a queue
to work and no customer held, no outcome before dialling, no conversation outcome
before the customer answered, bare digits only once the line is closed, the call clock
counting from the right moment, and nothing live while the desk waits on the database.
"""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import pytest

from winback_desktop.core.domain import Disposition, PresenceState
from winback_desktop.db.claim_sql import ClaimedTask
from winback_desktop.ui.screens.workspace.presenter import (
    Clock,
    Phase,
    Refusal,
    WorkspacePresenter,
    digit_of,
)

WIN_BACK_CAMPAIGN, SAVE_CAMPAIGN = 1, 2


def _task(campaign_id: int = WIN_BACK_CAMPAIGN) -> ClaimedTask:
    return ClaimedTask(task_id=7, campaign_id=campaign_id, customer_id=70, external_id="C-70",
                       name="王芳", sltv_minor=1_250_000, sltv_tier="A", segment=None,
                       defection_reason="price", is_callback=False,
                       lease_expires_at=datetime(2026, 12, 6, 9, 0, tzinfo=UTC))


def _card(status: str = "lost") -> Any:
    """The card's fields the presenter reads (the status picks the success outcome)."""
    return SimpleNamespace(name="王芳", status=status)


def _holding(campaign_id: int = WIN_BACK_CAMPAIGN) -> WorkspacePresenter:
    desk = WorkspacePresenter(assigned=True,
                              campaign_kinds={WIN_BACK_CAMPAIGN: "win_back",
                                              SAVE_CAMPAIGN: "save"})
    desk.took(_task(campaign_id), _card())
    return desk


def _on_the_line(now: float = 100.0) -> WorkspacePresenter:
    desk = _holding()
    desk.dialling(now)
    desk.call.call_id = 41
    return desk


def test_next_customer_only_with_a_queue_and_no_customer_held() -> None:
    desk = WorkspacePresenter()
    assert desk.controls().next_customer  # not known yet: let the agent try
    desk.assigned = False
    assert not desk.controls().next_customer
    desk.assigned = True
    desk.on_break = True
    assert not desk.controls().next_customer
    assert desk.presence() is PresenceState.BREAK
    desk.on_break = False
    assert desk.controls().next_customer and desk.presence() is PresenceState.READY
    desk.took(_task(), _card())
    assert desk.phase is Phase.HOLDING
    assert not desk.controls().next_customer and not desk.controls().campaign


def test_a_held_customer_can_be_dialled_or_skipped_but_not_given_an_outcome() -> None:
    desk = _holding()
    live = desk.controls()
    assert live.dial and live.release and not live.outcomes and not live.hang_up
    assert desk.refusal(Disposition.NO_ANSWER) is Refusal.NOT_DIALLED
    assert desk.clock(5.0).clock is Clock.READY


def test_the_success_key_follows_the_campaign_kind() -> None:
    assert _holding(WIN_BACK_CAMPAIGN).slot(Disposition.WON_BACK) is Disposition.WON_BACK
    save = _holding(SAVE_CAMPAIGN)
    assert save.slot(Disposition.WON_BACK) is Disposition.SAVED
    assert save.slot(Disposition.BUSY) is Disposition.BUSY


def test_outcomes_wait_for_the_stored_call_and_conversations_for_an_answer() -> None:
    desk = _holding()
    desk.dialling(100.0)
    assert not desk.controls().outcomes  # the call is not stored yet
    assert desk.refusal(Disposition.NO_ANSWER) is Refusal.IGNORE
    desk.call.call_id = 41
    live = desk.controls()
    assert live.outcomes and live.hang_up and live.answer and not live.release
    assert desk.refusal(Disposition.NO_ANSWER) is None
    assert desk.refusal(Disposition.WON_BACK) is Refusal.NEEDS_ANSWER
    assert desk.presence() is PresenceState.ON_CALL
    desk.call.answered = 110.0
    assert desk.refusal(Disposition.WON_BACK) is None
    assert not desk.controls().answer


def test_bare_digits_only_once_the_line_is_closed() -> None:
    desk = _on_the_line()
    assert not desk.digit_keys_live()  # on the line: Alt+digit only
    assert desk.phone_ended(99, now=130.0) is False  # another call's end changes nothing
    assert desk.phase is Phase.CALLING
    assert desk.phone_ended(41, now=130.0) is True
    assert desk.phase is Phase.WRAP_UP and desk.digit_keys_live()
    assert not desk.controls().hang_up and desk.presence() is PresenceState.WRAP_UP
    desk.busy = True
    assert not desk.digit_keys_live()


@pytest.mark.parametrize(("answered", "expected"), [(None, Clock.RINGING), (112.0, Clock.TALKING)])
def test_the_call_clock_counts_from_dialling_and_from_the_answer(
        answered: float | None, expected: Clock) -> None:
    desk = _on_the_line(now=100.0)
    desk.call.answered = answered
    reading = desk.clock(now=130.0)
    assert reading.clock is expected and reading.total == pytest.approx(30.0)
    if answered is not None:
        assert reading.part == pytest.approx(18.0)
    desk.hung_up(now=140.0)
    wrap = desk.clock(now=145.0)
    assert wrap.clock is Clock.WRAP_UP and wrap.part == pytest.approx(5.0)


def test_the_phone_systems_answer_counts_talk_time_from_when_it_happened() -> None:
    desk = _on_the_line(now=100.0)
    assert desk.phone_answered(41, now=120.0, age=4.0) is True
    assert desk.call.answered == pytest.approx(116.0)
    assert desk.phone_answered(41, now=125.0, age=0.0) is False  # already known


def test_an_accepted_offer_keeps_the_call_open_at_the_outcome_step() -> None:
    desk = _on_the_line()
    assert desk.offer_accepted() is False  # no conversation yet: nothing to accept
    desk.call.answered = 105.0
    assert desk.offer_accepted() is True
    assert desk.phase is Phase.OUTCOME and desk.controls().hang_up
    assert desk.digit_keys_live() and desk.clock(now=110.0).clock is Clock.OUTCOME


def test_after_the_outcome_the_desk_is_idle_and_the_last_outcome_can_be_amended() -> None:
    desk = _on_the_line()
    desk.stuck, desk.offer_waiting = True, True
    desk.last_call_id = 41
    desk.reset()
    assert desk.phase is Phase.IDLE and desk.task is None and desk.card is None
    assert not desk.stuck and not desk.offer_waiting and desk.call.call_id is None
    live = desk.controls()
    assert live.amend and live.next_customer


def test_nothing_is_live_while_the_desk_waits_on_the_database() -> None:
    desk = _on_the_line()
    desk.busy = True
    live = desk.controls()
    assert not any((live.next_customer, live.dial, live.answer, live.hang_up, live.release,
                    live.outcomes, live.amend))
    assert desk.refusal(Disposition.NO_ANSWER) is Refusal.IGNORE


def test_a_stuck_outcome_lets_the_agent_leave_the_call() -> None:
    desk = _on_the_line()
    assert not desk.controls().release
    desk.stuck = True
    assert desk.controls().release


def test_a_suggested_outcome_names_its_key() -> None:
    assert digit_of("no_answer") == 1 and digit_of("still_customer") == 0
    assert digit_of("saved") == digit_of("won_back") == 8  # one success key
