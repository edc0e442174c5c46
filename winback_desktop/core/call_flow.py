"""The call as a state machine: which step a call is at and what may happen next.

A supervisor can only trust the figures if every call goes through the same steps,
whoever drives it (the workspace's buttons, the phone system's events, the CLI)::

    claimed → dialling → answered → outcome → wrap-up → done
        (any open step) ────────────────────────────→ abandoned

* ``claimed``: the agent holds the customer's task; no call row exists yet.
* ``dialling``: the call was started (ringing, or nobody came on the line yet).
* ``answered``: the customer is on the line: the interview and the offers happen here.
* ``outcome``: the conversation is over (hung up), or the customer accepted an offer
  and the line is still open; the agent now records what came of it.
* ``wrap_up``: the outcome is stored; notes are being finished.
* ``done``: closed with an outcome. ``abandoned``: closed without one (the app crashed
  or quit mid-call, or the call's lease ran out); the task went back to the queue.

An outcome that needs a conversation (won back, saved, refused offer, not interested,
callback agreed) is refused before the customer answered: a stray key or a misplaced
click can never turn an unanswered dial into a win-back.

Pure: no database, no Qt. The services store the step on the call and ask here.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

from winback_desktop.core.domain import Disposition
from winback_desktop.core.errors import Conflict, ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP


class CallStep(StrEnum):
    CLAIMED = "claimed"
    DIALLING = "dialling"
    ANSWERED = "answered"
    OUTCOME = "outcome"
    WRAP_UP = "wrap_up"
    DONE = "done"
    ABANDONED = "abandoned"


#: steps of a call that is still open (its agent is on it)
OPEN_STEPS = frozenset({CallStep.DIALLING, CallStep.ANSWERED, CallStep.OUTCOME,
                        CallStep.WRAP_UP})
#: steps of a closed call
CLOSED_STEPS = frozenset({CallStep.DONE, CallStep.ABANDONED})

#: outcomes that only a conversation can produce
NEEDS_CONVERSATION = frozenset({Disposition.WON_BACK, Disposition.SAVED,
                                Disposition.REFUSED_OFFER, Disposition.NOT_INTERESTED,
                                Disposition.CALLBACK, Disposition.STILL_CUSTOMER})

#: how long an agent may correct their own outcome; a supervisor may at any time
AMEND_WINDOW = timedelta(minutes=15)


class BadTransition(Conflict):
    """The call is not at a step where this can happen (the text names the action)."""

    default_text = QT_TRANSLATE_NOOP("Errors", "Call {call} cannot do that at step '{step}'.")


class NeedsConversation(ValidationError):
    default_text = QT_TRANSLATE_NOOP(
        "Errors", "'{outcome}' needs a conversation: mark the call answered first.")


class AmendWindowClosed(Conflict):
    default_text = QT_TRANSLATE_NOOP(
        "Errors", "Outcomes can be corrected by the agent within 15 minutes; ask a "
        "supervisor to amend this one.")


class ReasonRequired(ValidationError):
    default_text = QT_TRANSLATE_NOOP("Errors", "Say why the outcome is being changed.")


class Action(StrEnum):
    """What a user or the phone system asks of a call."""

    ANSWER = "answer"
    END = "end"
    ACCEPT_OFFER = "accept_offer"
    RECORD_OUTCOME = "record_outcome"
    FINISH = "finish"
    AMEND = "amend"


#: why each action is refused, in the user's words
_REFUSALS = {
    Action.ANSWER: QT_TRANSLATE_NOOP(
        "Errors", "Call {call} is at step '{step}': it cannot be marked answered now."),
    Action.END: QT_TRANSLATE_NOOP(
        "Errors", "Call {call} is at step '{step}': it cannot be hung up now."),
    Action.ACCEPT_OFFER: QT_TRANSLATE_NOOP(
        "Errors", "Call {call} is at step '{step}': an offer can only be accepted while "
        "the customer is on the line."),
    Action.RECORD_OUTCOME: QT_TRANSLATE_NOOP(
        "Errors", "Call {call} is at step '{step}': its outcome is already recorded or it "
        "was closed."),
    Action.FINISH: QT_TRANSLATE_NOOP(
        "Errors", "Call {call} is at step '{step}': record the outcome before finishing "
        "wrap-up."),
    Action.AMEND: QT_TRANSLATE_NOOP(
        "Errors", "Call {call} is at step '{step}': only a recorded outcome can be amended."),
}


def is_open(step: CallStep | str) -> bool:
    return CallStep(step) in OPEN_STEPS


def _refuse(call_id: int, step: CallStep, action: Action) -> BadTransition:
    return BadTransition(_REFUSALS[action], call=call_id, step=step.value)


def after_answer(call_id: int, step: CallStep | str, line_open: bool) -> CallStep | None:
    """The step after "the customer picked up"; None = nothing to do (already answered).

    Idempotent for the phone system: a repeated or late answer changes nothing.
    """
    step = CallStep(step)
    if step is CallStep.DIALLING:
        return CallStep.ANSWERED if line_open else None
    if step in (CallStep.ANSWERED, CallStep.OUTCOME) or step in CLOSED_STEPS \
            or step is CallStep.WRAP_UP:
        return None  # already answered, or over (a late event from the phone)
    raise _refuse(call_id, step, Action.ANSWER)


def after_end(call_id: int, step: CallStep | str) -> CallStep | None:
    """The step after a hang-up; None = nothing to do (already over). Idempotent."""
    step = CallStep(step)
    if step in (CallStep.DIALLING, CallStep.ANSWERED):
        return CallStep.OUTCOME
    if step in (CallStep.OUTCOME, CallStep.WRAP_UP, CallStep.DONE, CallStep.ABANDONED):
        return None
    raise _refuse(call_id, step, Action.END)


def after_offer_accepted(call_id: int, step: CallStep | str) -> CallStep:
    """The customer said yes to an offer: on to the outcome step, the line stays open."""
    step = CallStep(step)
    if step in (CallStep.ANSWERED, CallStep.OUTCOME):
        return CallStep.OUTCOME
    raise _refuse(call_id, step, Action.ACCEPT_OFFER)


def check_outcome(call_id: int, step: CallStep | str, answered: bool,
                  disposition: Disposition) -> None:
    """Refuse an outcome the call cannot have at its step (or without a conversation)."""
    step = CallStep(step)
    if step not in (CallStep.DIALLING, CallStep.ANSWERED, CallStep.OUTCOME):
        raise _refuse(call_id, step, Action.RECORD_OUTCOME)
    check_conversation(answered, disposition)


def check_conversation(answered: bool, disposition: Disposition) -> None:
    if disposition in NEEDS_CONVERSATION and not answered:
        raise NeedsConversation(outcome=disposition.value)


def after_outcome(wrap_up: bool) -> CallStep:
    """Outcome stored: wrap-up follows, or the call is done at once."""
    return CallStep.WRAP_UP if wrap_up else CallStep.DONE


def after_finish(call_id: int, step: CallStep | str) -> CallStep | None:
    """Wrap-up finished; None = already done (idempotent)."""
    step = CallStep(step)
    if step is CallStep.WRAP_UP:
        return CallStep.DONE
    if step is CallStep.DONE:
        return None
    raise _refuse(call_id, step, Action.FINISH)


def after_abandon(step: CallStep | str) -> CallStep | None:
    """Closing a call its agent left: a stored outcome stands (done), else abandoned.

    None: already closed, nothing to do.
    """
    step = CallStep(step)
    if step is CallStep.WRAP_UP:
        return CallStep.DONE
    if step in OPEN_STEPS:
        return CallStep.ABANDONED
    return None


def check_amend(call_id: int, step: CallStep | str, *, answered: bool, disposition: Disposition,
                reason: str, by_agent: bool, outcome_at: datetime | None,
                now: datetime) -> None:
    """May this outcome be changed? The agent within 15 minutes, a supervisor any time;
    a reason always; a conversation outcome only on an answered call."""
    step = CallStep(step)
    if step not in (CallStep.WRAP_UP, CallStep.DONE):
        raise _refuse(call_id, step, Action.AMEND)
    if not reason.strip():
        raise ReasonRequired()
    if by_agent and (outcome_at is None or now - outcome_at > AMEND_WINDOW):
        raise AmendWindowClosed()
    check_conversation(answered, disposition)
