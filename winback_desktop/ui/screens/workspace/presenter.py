"""The call workspace's state and rules, in plain Python (no Qt, testable alone).

The widget (``screen.py``) asks this presenter what the desk may do now (which buttons
are live, which presence the board shows, what the call clock reads, whether an
outcome may be recorded) and tells it what happened (a customer taken, dialled,
answered, hung up, stored). Keeping these decisions here means a rule such as "a bare
digit records only at the outcome step" is read, changed and tested in one place,
without building the screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from winback_desktop.core.call_flow import NEEDS_CONVERSATION
from winback_desktop.core.domain import Disposition, PresenceState, success_for
from winback_desktop.services.customer_card import CustomerCard
from winback_desktop.services.queue import ClaimedTask

#: Disposition keys: the digit on the button is its shortcut. A bare digit records only
#: at the outcome step (hung up, or an offer accepted) and never while a text box or the
#: interview has the keyboard; Alt+digit works from anywhere during the call. (Ctrl+digit
#: belongs to the main window's navigation.)
DISPOSITION_KEYS: list[tuple[int, Disposition]] = [
    (1, Disposition.NO_ANSWER),
    (2, Disposition.BUSY),
    (3, Disposition.VOICEMAIL),
    (4, Disposition.WRONG_NUMBER),
    (5, Disposition.CALLBACK),
    (6, Disposition.NOT_INTERESTED),
    (7, Disposition.DO_NOT_CALL),
    (8, Disposition.WON_BACK),
    (9, Disposition.REFUSED_OFFER),
    (0, Disposition.STILL_CUSTOMER),
]

NEXT_KEY = "F2"
DIAL_KEY = "F5"
ANSWER_KEY = "F6"
HANGUP_KEY = "F7"
BREAK_KEY = "F9"


class Phase(Enum):
    """The desk's view of the call (``core.call_flow`` has the stored steps)."""

    IDLE = "idle"          # no customer held
    HOLDING = "holding"    # customer claimed, not dialled yet
    CALLING = "calling"    # dialled (ringing or talking)
    OUTCOME = "outcome"    # the customer accepted an offer and is still on the line
    WRAP_UP = "wrap_up"    # hung up, outcome not stored yet: the wrap-up clock runs


#: the phases in which a call is open on this desk
CALL_PHASES = (Phase.CALLING, Phase.OUTCOME, Phase.WRAP_UP)

_PRESENCE = {Phase.HOLDING: PresenceState.READY, Phase.CALLING: PresenceState.ON_CALL,
             Phase.OUTCOME: PresenceState.ON_CALL, Phase.WRAP_UP: PresenceState.WRAP_UP}


@dataclass
class CallState:
    """The open call's id and its clock readings (``time.monotonic`` seconds)."""

    call_id: int | None = None
    started: float | None = None
    answered: float | None = None
    ended: float | None = None


@dataclass(frozen=True)
class Controls:
    """Which of the desk's controls take input now."""

    next_customer: bool
    campaign: bool
    not_ready: bool
    dial: bool
    answer: bool
    hang_up: bool
    release: bool
    outcomes: bool
    amend: bool


class Clock(Enum):
    """What the call clock shows (the widget words it)."""

    NONE = "none"
    READY = "ready"        # holding, not dialled
    RINGING = "ringing"    # dialled, total time
    TALKING = "talking"    # dialled and answered: total and talk time
    OUTCOME = "outcome"    # offer accepted, still talking
    WRAP_UP = "wrap_up"    # hung up: wrap-up time


@dataclass(frozen=True)
class ClockReading:
    clock: Clock
    total: float = 0.0     # seconds since dialling
    part: float = 0.0      # talk or wrap-up seconds


class Refusal(Enum):
    """Why an outcome cannot be recorded right now (the widget says so)."""

    IGNORE = "ignore"              # nothing to record: no call, or busy
    NOT_DIALLED = "not_dialled"    # holding a customer, not called yet
    NEEDS_ANSWER = "needs_answer"  # a conversation outcome before "answered"


@dataclass
class WorkspacePresenter:
    """One desk's state. The screen changes it only through these methods."""

    phase: Phase = Phase.IDLE
    task: ClaimedTask | None = None
    card: CustomerCard | None = None
    call: CallState = field(default_factory=CallState)
    #: the successful outcome for the held customer (won back, or saved by a save
    #: campaign); key 8 records it
    success: Disposition = Disposition.WON_BACK
    on_break: bool = False
    #: the outcome cannot be stored (not a connection problem): allow leaving the call
    stuck: bool = False
    #: a blocking background call runs: the desk takes no input meanwhile
    busy: bool = False
    #: whether the user is assigned to a running campaign (None until known)
    assigned: bool | None = None
    #: the last call whose outcome this desk stored (the amend button corrects it)
    last_call_id: int | None = None
    #: an offer of this call waits for a supervisor (the banner says so until decided)
    offer_waiting: bool = False
    campaign_kinds: dict[int, str] = field(default_factory=dict)

    # ------------------------------------------------------------------ reading
    def call_open(self) -> bool:
        """A call is in progress (dialled, talking or its outcome not stored yet)."""
        return self.phase in CALL_PHASES and self.call.call_id is not None

    def line_open(self) -> bool:
        """The customer may still be on the line (dialled or talking, not hung up)."""
        return self.phase in (Phase.CALLING, Phase.OUTCOME) and self.call.ended is None

    def controls(self) -> Controls:
        p, busy = self.phase, self.busy
        return Controls(
            next_customer=(not busy and p is Phase.IDLE and not self.on_break
                           and self.assigned is not False),
            campaign=not busy and p is Phase.IDLE,
            not_ready=not busy and p is Phase.IDLE,
            dial=not busy and p is Phase.HOLDING,
            answer=not busy and p is Phase.CALLING and self.call.answered is None,
            hang_up=not busy and self.line_open(),
            release=not busy and (p is Phase.HOLDING or self.stuck),
            outcomes=not busy and p in CALL_PHASES and self.call.call_id is not None,
            amend=(not busy and self.last_call_id is not None
                   and p in (Phase.IDLE, Phase.HOLDING)),
        )

    def presence(self) -> PresenceState:
        """What the live board shows for this desk."""
        if self.phase is Phase.IDLE:
            return PresenceState.BREAK if self.on_break else PresenceState.READY
        return _PRESENCE[self.phase]

    def clock(self, now: float) -> ClockReading:
        c = self.call
        if self.phase is Phase.CALLING and c.started is not None:
            if c.answered is not None:
                return ClockReading(Clock.TALKING, now - c.started, now - c.answered)
            return ClockReading(Clock.RINGING, now - c.started)
        if self.phase is Phase.OUTCOME and c.answered is not None:
            return ClockReading(Clock.OUTCOME, part=now - c.answered)
        if self.phase is Phase.WRAP_UP and c.ended is not None:
            return ClockReading(Clock.WRAP_UP, part=now - c.ended)
        if self.phase is Phase.HOLDING:
            return ClockReading(Clock.READY)
        return ClockReading(Clock.NONE)

    def digit_keys_live(self) -> bool:
        """Bare digits may record at all (the widget also checks where the keyboard is)."""
        return (self.phase in (Phase.OUTCOME, Phase.WRAP_UP) and not self.busy
                and self.call.call_id is not None)

    def slot(self, disposition: Disposition) -> Disposition:
        """The outcome a button or key stands for (the success one follows the campaign)."""
        return self.success if disposition is Disposition.WON_BACK else disposition

    def refusal(self, disposition: Disposition) -> Refusal | None:
        """Why ``disposition`` cannot be recorded now, or None when it can."""
        if self.busy:
            return Refusal.IGNORE
        if self.phase is Phase.HOLDING:
            return Refusal.NOT_DIALLED
        if self.phase not in CALL_PHASES or self.call.call_id is None:
            return Refusal.IGNORE
        if disposition in NEEDS_CONVERSATION and self.call.answered is None:
            return Refusal.NEEDS_ANSWER  # the service refuses it too; say so first
        return None

    # ------------------------------------------------------------------ changing
    def took(self, task: ClaimedTask, card: CustomerCard) -> None:
        """A customer was claimed (next in the queue, or an opened callback)."""
        self.task, self.card = task, card
        self.call = CallState()
        self.success = success_for(self.campaign_kinds.get(task.campaign_id), card.status)
        self.phase = Phase.HOLDING

    def dialling(self, now: float) -> None:
        self.call = CallState(started=now)
        self.phase = Phase.CALLING

    def dial_failed(self) -> None:
        self.call = CallState()
        self.phase = Phase.HOLDING

    def hung_up(self, now: float) -> None:
        self.call.ended = now
        self.phase = Phase.WRAP_UP

    def phone_answered(self, call_id: int, now: float, age: float) -> bool:
        """The phone system saw the answer ``age`` seconds ago; True when it is news."""
        if self.phase is not Phase.CALLING or call_id != self.call.call_id:
            return False
        if self.call.answered is not None:
            return False
        self.call.answered = now - max(0.0, age)
        return True

    def phone_ended(self, call_id: int, now: float) -> bool:
        """The phone system saw this call end: wrap-up starts. False for another call."""
        if call_id != self.call.call_id or self.phase not in (Phase.CALLING, Phase.OUTCOME):
            return False
        self.hung_up(now)
        return True

    def offer_accepted(self) -> bool:
        """The customer said yes while talking: the outcome step (no wrap-up clock)."""
        if self.phase is Phase.CALLING and self.call.call_id is not None \
                and self.call.answered is not None:
            self.phase = Phase.OUTCOME
            return True
        return False

    def reset(self) -> None:
        """The customer is done with (outcome stored, put back or left)."""
        self.task, self.card = None, None
        self.call = CallState()
        self.stuck = False
        self.offer_waiting = False
        self.phase = Phase.IDLE


SUCCESS_DIGIT = next(d for d, disp in DISPOSITION_KEYS if disp is Disposition.WON_BACK)


def digit_of(disposition_value: str) -> int | None:
    """The key that records the outcome stored as ``disposition_value`` (a save shares
    the success key with a win-back)."""
    if disposition_value == Disposition.SAVED.value:
        return SUCCESS_DIGIT
    return next((d for d, disp in DISPOSITION_KEYS if disp.value == disposition_value), None)
