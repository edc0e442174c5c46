"""Offers: request states, settings keys and the data shapes services return."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from winback_desktop.core import offers as rules
from winback_desktop.core import sltv
from winback_desktop.core.domain import (
    OfferRequestStatus,
)
from winback_desktop.db.models import (
    OfferTemplate,
)

S = OfferRequestStatus
EXPIRY_SETTING = "offer_request_expiry_minutes"
DEFAULT_EXPIRY_MINUTES = 240
#: how long expired requests stay (greyed) in the inbox
EXPIRED_VISIBLE = timedelta(hours=24)
_TEMPLATE_FIELDS = ("code", "version", "name", "kind", "cost_rule", "eligibility",
                    "valid_from", "valid_to", "active")
_REQUEST_FIELDS = ("status", "cost_minor", "sltv_minor", "escalated_to", "decided_by",
                   "decision_note", "counter_offer", "expires_at", "decline_reason")


class Decision(StrEnum):
    APPROVE = "approve"
    REJECT = "reject"
    COUNTER = "counter"


# ------------------------------------------------------------------ data shapes


@dataclass(frozen=True, slots=True)
class TemplateInfo:
    id: int
    code: str
    version: int
    name: str
    kind: str
    cost_rule: dict[str, Any]
    eligibility: dict[str, Any]
    valid_from: date | None
    valid_to: date | None
    active: bool

    @classmethod
    def of(cls, t: OfferTemplate) -> TemplateInfo:
        return cls(t.id, t.code, t.version, t.name, t.kind, dict(t.cost_rule or {}),
                   dict(t.eligibility or {}), t.valid_from, t.valid_to, t.active)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class OfferChoice:
    """One of the (up to three) offers the agent may propose right now."""

    template_id: int
    code: str
    name: str
    kind: str
    cost_minor: int
    sltv_recovered_minor: int
    expected_return_minor: int
    within_authority: bool
    #: who must approve when not within authority: "supervisor" or "admin"
    approver_role: str | None
    limit_minor: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class OfferRequestInfo:
    id: int
    status: str
    customer_id: int
    customer_name: str
    task_id: int | None
    agent_id: int | None
    agent_login: str | None
    agent_name: str | None
    template_id: int
    offer_code: str
    offer_name: str
    offer_version: int
    kind: str
    cost_minor: int
    sltv_minor: int
    tier: str | None
    agent_note: str | None
    requested_at: datetime
    expires_at: datetime | None
    escalated_to: str | None
    decided_at: datetime | None
    decided_by_login: str | None
    decided_by_name: str | None
    decision_note: str | None
    counter_offer: dict[str, Any] | None
    outcome_at: datetime | None
    decline_reason: str | None
    updated_at: datetime
    version: int

    @property
    def is_open(self) -> bool:
        return self.status in rules.OPEN_STATUSES

    @property
    def presentable(self) -> bool:
        """The agent may now put it to the customer and record the answer."""
        return self.status in rules.PRESENTABLE_STATUSES

    def expired_at(self, now: datetime) -> bool:
        """Expired, or open but past its expiry (not yet swept by ``expire_stale``)."""
        if self.status == S.EXPIRED:
            return True
        return self.is_open and self.expires_at is not None and self.expires_at <= now

    @property
    def final_cost_minor(self) -> int:
        """The cost of what the customer is offered: a counter-offer replaces the original."""
        if self.counter_offer and self.counter_offer.get("cost_minor") is not None:
            return int(self.counter_offer["cost_minor"])
        return self.cost_minor

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["final_cost_minor"] = self.final_cost_minor
        return data


@dataclass(frozen=True, slots=True)
class Inbox:
    count: int
    items: list[OfferRequestInfo]


@dataclass(frozen=True, slots=True)
class RequestDetails:
    request: OfferRequestInfo
    customer: dict[str, Any]
    sltv_explain: sltv.SltvExplanation
    interview: list[tuple[str, str]]
    past_offers: list[OfferRequestInfo]


@dataclass(frozen=True, slots=True)
class BulkResult:
    request_id: int
    ok: bool
    status: str | None = None
    error: Exception | None = None


@dataclass(frozen=True, slots=True)
class OfferReportRow:
    code: str
    name: str
    requests: int
    auto_approved: int
    approved: int
    rejected: int
    expired: int
    accepted: int
    declined: int
    cost_minor: int
    sltv_recovered_minor: int
    #: accepted offers whose call then won the customer back (or saved them): an accepted
    #: offer alone is not a win-back, the call's outcome is
    win_backs: int = 0
    saves: int = 0

    @property
    def acceptance_rate(self) -> float | None:
        return rules.ratio(self.accepted, self.accepted + self.declined)

    @property
    def return_minor(self) -> int:
        return self.sltv_recovered_minor - self.cost_minor

    @property
    def cost_per_accepted_offer_minor(self) -> int | None:
        return round(self.cost_minor / self.accepted) if self.accepted else None

    @property
    def roi(self) -> float | None:
        """Return per unit of cost: (SLTV recovered − cost) / cost."""
        return rules.ratio(self.return_minor, self.cost_minor)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(acceptance_rate=self.acceptance_rate, return_minor=self.return_minor,
                    cost_per_accepted_offer_minor=self.cost_per_accepted_offer_minor,
                    roi=self.roi)
        return data


@dataclass(frozen=True, slots=True)
class OfferReport:
    since: datetime | None
    until: datetime | None
    rows: list[OfferReportRow]
    decisions: int
    turnaround_avg_minutes: float | None
    turnaround_median_minutes: float | None
    totals: OfferReportRow = field(init=False)

    def __post_init__(self) -> None:
        total = OfferReportRow("", "", *[sum(getattr(r, f) for r in self.rows) for f in (
            "requests", "auto_approved", "approved", "rejected", "expired", "accepted",
            "declined", "cost_minor", "sltv_recovered_minor", "win_backs", "saves")])
        object.__setattr__(self, "totals", total)

    def as_dict(self) -> dict[str, Any]:
        t = self.totals
        return {
            "since": self.since, "until": self.until,
            "acceptance_rate": t.acceptance_rate,
            "cost_per_accepted_offer_minor": t.cost_per_accepted_offer_minor,
            "accepted_offers": t.accepted, "win_backs": t.win_backs, "saves": t.saves,
            "cost_minor": t.cost_minor,
            "sltv_recovered_minor": t.sltv_recovered_minor, "return_minor": t.return_minor,
            "requests": t.requests, "decisions": self.decisions,
            "turnaround_avg_minutes": self.turnaround_avg_minutes,
            "turnaround_median_minutes": self.turnaround_median_minutes,
            "offers": [r.as_dict() for r in self.rows],
        }

