"""Vocabulary of the win-back method (DESIGN §2, §5): stored as plain strings."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    AGENT = "agent"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class DefectionReason(StrEnum):
    """The five reasons of seed 001, plus ``unknown`` until the exit interview says."""

    PUSHED_INTENTIONAL = "pushed_intentional"
    PUSHED_UNINTENTIONAL = "pushed_unintentional"
    PULLED_AWAY = "pulled_away"
    BOUGHT_AWAY = "bought_away"
    MOVED_AWAY = "moved_away"
    UNKNOWN = "unknown"


class Treatment(StrEnum):
    QUICK = "quick"
    LONG_TERM = "long_term"
    DO_NOT_PURSUE = "do_not_pursue"


class SltvTier(StrEnum):
    A = "A"
    B = "B"
    C = "C"
    D = "D"
    NEGATIVE = "negative"


class CustomerStatus(StrEnum):
    """``won_back``: a lost customer who came back. ``retained``: an at-risk customer a
    save campaign kept, never counted as a win-back (DESIGN §6)."""

    LOST = "lost"
    AT_RISK = "at_risk"
    WON_BACK = "won_back"
    ACTIVE = "active"
    RETAINED = "retained"


class CampaignKind(StrEnum):
    WIN_BACK = "win_back"
    SAVE = "save"


class CampaignStatus(StrEnum):
    DRAFT = "draft"
    RUNNING = "running"
    PAUSED = "paused"
    CLOSED = "closed"


class TaskStatus(StrEnum):
    QUEUED = "queued"
    CLAIMED = "claimed"
    CALLBACK = "callback"
    DONE = "done"
    EXHAUSTED = "exhausted"
    DO_NOT_CALL = "do_not_call"
    #: closed because the customer's segment became ``do_not_pursue``; reopened (queued,
    #: or callback if one was agreed) if the segment changes back
    NOT_PURSUED = "not_pursued"


class Disposition(StrEnum):
    NO_ANSWER = "no_answer"
    BUSY = "busy"
    VOICEMAIL = "voicemail"
    WRONG_NUMBER = "wrong_number"
    CALLBACK = "callback"
    NOT_INTERESTED = "not_interested"
    DO_NOT_CALL = "do_not_call"
    WON_BACK = "won_back"
    SAVED = "saved"
    REFUSED_OFFER = "refused_offer"
    #: the customer never left: just quiet (issue 19). Status back to ``active``; counts
    #: as neither a win-back nor a save; closes their risk flag and ends any plan.
    STILL_CUSTOMER = "still_customer"


#: the successful outcome of each kind of campaign: a win-back wins a lost customer
#: back; a save keeps an at-risk one (a save is never a win-back)
SUCCESS_BY_KIND: dict[CampaignKind, Disposition] = {
    CampaignKind.WIN_BACK: Disposition.WON_BACK,
    CampaignKind.SAVE: Disposition.SAVED,
}
SUCCESS_DISPOSITIONS = frozenset(SUCCESS_BY_KIND.values())
#: the customer's status after each successful outcome
STATUS_AFTER_SUCCESS: dict[Disposition, CustomerStatus] = {
    Disposition.WON_BACK: CustomerStatus.WON_BACK,
    Disposition.SAVED: CustomerStatus.RETAINED,
}


#: outcomes after which the customer is with us (again): each ends the customer's
#: long-term plan and closes their open risk flag, under its own name
CUSTOMER_STAYS = frozenset({Disposition.WON_BACK, Disposition.SAVED,
                            Disposition.STILL_CUSTOMER})


def success_for(campaign_kind: str | None, customer_status: str | None = None) -> Disposition:
    """The successful outcome of a call: by its campaign's kind, else (no campaign) by
    whether the customer was at risk rather than lost."""
    if campaign_kind is not None:
        return SUCCESS_BY_KIND[CampaignKind(campaign_kind)]
    if customer_status in (CustomerStatus.AT_RISK, CustomerStatus.RETAINED):
        return Disposition.SAVED
    return Disposition.WON_BACK


class PresenceState(StrEnum):
    OFFLINE = "offline"
    READY = "ready"
    ON_CALL = "on_call"
    WRAP_UP = "wrap_up"
    BREAK = "break"


class OfferRequestStatus(StrEnum):
    AUTO_APPROVED = "auto_approved"
    PENDING = "pending"
    ESCALATED = "escalated"
    APPROVED = "approved"
    REJECTED = "rejected"
    COUNTERED = "countered"
    EXPIRED = "expired"
    ACCEPTED = "accepted"
    DECLINED = "declined"
