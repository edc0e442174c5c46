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
    LOST = "lost"
    AT_RISK = "at_risk"
    WON_BACK = "won_back"
    ACTIVE = "active"


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


class Disposition(StrEnum):
    NO_ANSWER = "no_answer"
    BUSY = "busy"
    VOICEMAIL = "voicemail"
    WRONG_NUMBER = "wrong_number"
    CALLBACK = "callback"
    NOT_INTERESTED = "not_interested"
    DO_NOT_CALL = "do_not_call"
    WON_BACK = "won_back"
    REFUSED_OFFER = "refused_offer"


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
