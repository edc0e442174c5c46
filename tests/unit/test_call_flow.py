"""The call's state machine, without a database: what each step allows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from winback_desktop.core import call_flow as flow
from winback_desktop.core.call_flow import CallStep
from winback_desktop.core.domain import Disposition

NOW = datetime(2026, 12, 5, 10, tzinfo=UTC)


def test_the_happy_path_and_idempotent_phone_events() -> None:
    assert flow.after_answer(1, CallStep.DIALLING, line_open=True) is CallStep.ANSWERED
    assert flow.after_answer(1, CallStep.ANSWERED, line_open=True) is None  # repeated
    assert flow.after_offer_accepted(1, CallStep.ANSWERED) is CallStep.OUTCOME
    assert flow.after_end(1, CallStep.ANSWERED) is CallStep.OUTCOME
    assert flow.after_end(1, CallStep.OUTCOME) is None  # hung up after an accepted offer
    assert flow.after_outcome(wrap_up=True) is CallStep.WRAP_UP
    assert flow.after_finish(1, CallStep.WRAP_UP) is CallStep.DONE
    assert flow.after_finish(1, CallStep.DONE) is None
    assert flow.after_end(1, CallStep.DONE) is None
    assert flow.after_answer(1, CallStep.DONE, line_open=False) is None


@pytest.mark.parametrize("disposition", sorted(flow.NEEDS_CONVERSATION))
def test_conversation_outcomes_are_refused_before_the_customer_answered(
        disposition: Disposition) -> None:
    with pytest.raises(flow.NeedsConversation):
        flow.check_outcome(1, CallStep.DIALLING, False, disposition)
    flow.check_outcome(1, CallStep.ANSWERED, True, disposition)


@pytest.mark.parametrize("disposition", [Disposition.NO_ANSWER, Disposition.BUSY,
                                         Disposition.VOICEMAIL, Disposition.WRONG_NUMBER])
def test_no_conversation_outcomes_are_fine_while_dialling(disposition: Disposition) -> None:
    flow.check_outcome(1, CallStep.DIALLING, False, disposition)


def test_an_offer_cannot_be_accepted_before_answer_and_an_outcome_only_once() -> None:
    with pytest.raises(flow.BadTransition):
        flow.after_offer_accepted(1, CallStep.DIALLING)
    for step in (CallStep.WRAP_UP, CallStep.DONE, CallStep.ABANDONED):
        with pytest.raises(flow.BadTransition):
            flow.check_outcome(1, step, True, Disposition.BUSY)
    with pytest.raises(flow.BadTransition):
        flow.after_finish(1, CallStep.ANSWERED)


def test_abandon_keeps_a_stored_outcome_and_closes_once() -> None:
    assert flow.after_abandon(CallStep.DIALLING) is CallStep.ABANDONED
    assert flow.after_abandon(CallStep.OUTCOME) is CallStep.ABANDONED
    assert flow.after_abandon(CallStep.WRAP_UP) is CallStep.DONE
    assert flow.after_abandon(CallStep.DONE) is None
    assert flow.after_abandon(CallStep.ABANDONED) is None


def test_amend_window_reason_and_conversation() -> None:
    ok = {"answered": True, "disposition": Disposition.WON_BACK, "reason": "rang back",
          "outcome_at": NOW}
    flow.check_amend(1, CallStep.DONE, by_agent=True, now=NOW + timedelta(minutes=15), **ok)
    with pytest.raises(flow.AmendWindowClosed):
        flow.check_amend(1, CallStep.DONE, by_agent=True, now=NOW + timedelta(minutes=16),
                         **ok)
    flow.check_amend(1, CallStep.DONE, by_agent=False, now=NOW + timedelta(days=30), **ok)
    with pytest.raises(flow.ReasonRequired):
        flow.check_amend(1, CallStep.DONE, by_agent=False, now=NOW,
                         **(ok | {"reason": "  "}))
    with pytest.raises(flow.NeedsConversation):
        flow.check_amend(1, CallStep.DONE, by_agent=False, now=NOW,
                         **(ok | {"answered": False}))
    with pytest.raises(flow.BadTransition):
        flow.check_amend(1, CallStep.ABANDONED, by_agent=False, now=NOW, **ok)
