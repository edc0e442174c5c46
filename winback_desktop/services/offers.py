"""Win-back offers: catalogue, authority matrix, requests, approvals and outcomes.

DESIGN §6 and the book's quick win-back rule: offers are decided in advance, the agent
gives within their authority at once and otherwise keeps working while a supervisor
decides. The rules a user must be able to trust are enforced here, not in the UI:

* nobody decides on their own request;
* a supervisor cannot approve above their own authority (the request goes to an admin);
* when two people decide one request at once exactly one decision stands: every
  decision is an ``UPDATE … WHERE status IN (open) AND version_id = seen`` and the
  loser gets a ``Conflict`` that names who acted first (from the audit log, which is
  written in the winner's transaction);
* every state change writes an audit entry in the same transaction.
"""

from __future__ import annotations

import functools
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.orm import Session, aliased

from winback_desktop.core import offers as rules
from winback_desktop.core import segmentation, sltv
from winback_desktop.core.call_flow import CallStep
from winback_desktop.core.domain import (
    CustomerStatus,
    Disposition,
    OfferRequestStatus,
    Role,
    SltvTier,
)
from winback_desktop.core.errors import Conflict, NotFound, ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import (
    AuditEntry,
    AuthorityLimit,
    Call,
    CallTask,
    Campaign,
    Customer,
    InterviewResponse,
    OfferRequest,
    OfferTemplate,
    User,
)
from winback_desktop.db.session import Database
from winback_desktop.db.types import utcnow
from winback_desktop.services import audit
from winback_desktop.services import settings as settings_service
from winback_desktop.services.calls import lifecycle
from winback_desktop.services.context import Actor, current_role, refuse, require

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


# ---------------------------------------------------------------------- catalogue


def _can_view_catalogue(actor: Actor) -> None:
    if not (actor.can(Permission.WORK_QUEUE) or actor.can(Permission.EDIT_OFFERS)):
        refuse(None, actor, "_can_view_catalogue")


def list_templates(session: Session, actor: Actor, *, include_inactive: bool = True,
                   all_versions: bool = False) -> list[TemplateInfo]:
    """The catalogue: the latest version of each offer (or every version)."""
    _can_view_catalogue(actor)
    stmt = select(OfferTemplate).order_by(OfferTemplate.code, OfferTemplate.version.desc())
    if not all_versions:
        latest = (select(OfferTemplate.code, func.max(OfferTemplate.version).label("v"))
                  .group_by(OfferTemplate.code).subquery())
        stmt = stmt.join(latest, and_(latest.c.code == OfferTemplate.code,
                                      latest.c.v == OfferTemplate.version))
    if not include_inactive:
        stmt = stmt.where(OfferTemplate.active.is_(True))
    return [TemplateInfo.of(t) for t in session.scalars(stmt)]


def get_template(session: Session, actor: Actor, ref: int | str) -> TemplateInfo:
    """By id, or by code (its latest version)."""
    _can_view_catalogue(actor)
    return TemplateInfo.of(_template(session, ref))


def _template(session: Session, ref: int | str) -> OfferTemplate:
    template: OfferTemplate | None = None
    if isinstance(ref, int) or (isinstance(ref, str) and ref.isdigit()):
        template = session.get(OfferTemplate, int(ref))
    if template is None and isinstance(ref, str):
        template = session.scalar(select(OfferTemplate).where(OfferTemplate.code == ref)
                                  .order_by(OfferTemplate.version.desc()).limit(1))
    if template is None:
        raise NotFound(what=str(ref))
    return template


def _clean_template_fields(kind: str, name: str, cost_rule: Mapping[str, Any] | None,
                           eligibility: Mapping[str, Any] | None,
                           valid_from: date | None, valid_to: date | None
                           ) -> tuple[str, str, dict[str, Any], dict[str, Any]]:
    try:
        kind = rules.OfferKind(kind).value
    except ValueError as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Unknown offer kind '{kind}'."), kind=kind) from exc
    name = (name or "").strip()
    if not name:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "An offer needs a name."))
    if valid_from and valid_to and valid_to < valid_from:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The offer's end date is before its start date."))
    return kind, name, rules.validate_cost_rule(cost_rule), rules.validate_eligibility(
        eligibility)


def create_template(
    session: Session,
    actor: Actor,
    *,
    code: str,
    name: str,
    kind: str,
    cost_rule: Mapping[str, Any],
    eligibility: Mapping[str, Any] | None = None,
    valid_from: date | None = None,
    valid_to: date | None = None,
    active: bool = True,
) -> TemplateInfo:
    require(actor, Permission.EDIT_OFFERS)
    code = (code or "").strip().upper()
    if not code or len(code) > 50:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "An offer needs a code of 1 to 50 characters."))
    if session.scalar(select(OfferTemplate.id).where(OfferTemplate.code == code).limit(1)):
        raise Conflict(QT_TRANSLATE_NOOP("Errors", "The offer code '{code}' is taken."), code=code)
    kind, name, rule, elig = _clean_template_fields(kind, name, cost_rule, eligibility,
                                                    valid_from, valid_to)
    template = OfferTemplate(code=code, version=1, name=name, kind=kind, cost_rule=rule,
                             eligibility=elig, valid_from=valid_from, valid_to=valid_to,
                             active=active)
    session.add(template)
    session.flush()
    audit.record(session, actor, "offer_template_created", "offer_template", template.id,
                 after=audit.snapshot(template, _TEMPLATE_FIELDS))
    return TemplateInfo.of(template)


_UNSET: Any = object()


def update_template(
    session: Session,
    actor: Actor,
    template_id: int,
    *,
    name: str = _UNSET,
    kind: str = _UNSET,
    cost_rule: Mapping[str, Any] = _UNSET,
    eligibility: Mapping[str, Any] | None = _UNSET,
    valid_from: date | None = _UNSET,
    valid_to: date | None = _UNSET,
    active: bool = _UNSET,
) -> TemplateInfo:
    """Edit an offer by creating its next version; requests keep the version they got.

    Only the latest version of a code may be edited; the earlier one is deactivated so
    the workspace offers exactly one version of each offer.
    """
    require(actor, Permission.EDIT_OFFERS)
    old = session.get(OfferTemplate, template_id)
    if old is None:
        raise NotFound(what=str(template_id))
    latest = session.scalar(select(func.max(OfferTemplate.version))
                            .where(OfferTemplate.code == old.code))
    if latest != old.version:
        raise Conflict(QT_TRANSLATE_NOOP(
            "Errors", "Offer {code} has a newer version; edit that one."), code=old.code)
    values: dict[str, Any] = {
        "name": old.name if name is _UNSET else name,
        "kind": old.kind if kind is _UNSET else kind,
        "cost_rule": old.cost_rule if cost_rule is _UNSET else cost_rule,
        "eligibility": old.eligibility if eligibility is _UNSET else eligibility,
        "valid_from": old.valid_from if valid_from is _UNSET else valid_from,
        "valid_to": old.valid_to if valid_to is _UNSET else valid_to,
    }
    new_active = old.active if active is _UNSET else bool(active)
    k, n, rule, elig = _clean_template_fields(values["kind"], values["name"],
                                              values["cost_rule"], values["eligibility"],
                                              values["valid_from"], values["valid_to"])
    before = audit.snapshot(old, _TEMPLATE_FIELDS)
    same_content = (k == old.kind and n == old.name and rule == (old.cost_rule or {})
                    and elig == (old.eligibility or {}) and values["valid_from"] == old.valid_from
                    and values["valid_to"] == old.valid_to)
    if same_content:
        # Switching an offer on or off changes nothing that was offered: no new version.
        if new_active != old.active:
            old.active = new_active
            audit.record(session, actor, "offer_template_updated", "offer_template", old.id,
                         before={"active": not new_active}, after={"active": new_active})
        return TemplateInfo.of(old)
    new = OfferTemplate(code=old.code, version=old.version + 1, name=n, kind=k, cost_rule=rule,
                        eligibility=elig, valid_from=values["valid_from"],
                        valid_to=values["valid_to"], active=new_active)
    old.active = False
    session.add(new)
    session.flush()
    old_fields, new_fields = audit.changed_fields(before, audit.snapshot(new, _TEMPLATE_FIELDS))
    audit.record(session, actor, "offer_template_versioned", "offer_template", new.id,
                 before=old_fields | {"id": old.id}, after=new_fields | {"id": new.id})
    return TemplateInfo.of(new)


def default_catalogue() -> list[dict[str, Any]]:
    """The shipped catalogue (``resources/offers/default_offers.json``)."""
    text = (resources.files("winback_desktop") / "resources" / "offers" /
            "default_offers.json").read_text(encoding="utf-8")
    return list(json.loads(text)["offers"])


def ensure_default_authority(session: Session) -> int:
    """Fill matrix cells that are missing (migration 0001 seeds them; a wiped table
    would otherwise leave every offer needing an admin)."""
    have = set(authority_matrix(session))
    missing = [AuthorityLimit(role=r, tier=t, max_cost_minor=v)
               for (r, t), v in rules.DEFAULT_AUTHORITY.items() if (r, t) not in have]
    session.add_all(missing)
    session.flush()
    return len(missing)


def add_default_offers(session: Session, actor: Actor) -> int:
    """The catalogue screen's "add shipped offers" (supervisors and admins)."""
    require(actor, Permission.EDIT_OFFERS)
    return ensure_default_offers(session, actor)


def ensure_default_offers(session: Session, actor: Actor | None = None) -> int:
    """Add the shipped offers whose code is not in the catalogue yet (and any missing
    authority cells); returns how many offers were added."""
    actor = actor or Actor.system()
    ensure_default_authority(session)
    existing = set(session.scalars(select(OfferTemplate.code).distinct()))
    added = 0
    for item in default_catalogue():
        if item["code"] in existing:
            continue
        kind, name, rule, elig = _clean_template_fields(
            item["kind"], item["name"], item["cost_rule"], item.get("eligibility"), None, None)
        template = OfferTemplate(code=item["code"], version=1, name=name, kind=kind,
                                 cost_rule=rule, eligibility=elig, active=True)
        session.add(template)
        session.flush()
        audit.record(session, actor, "offer_template_created", "offer_template", template.id,
                     after=audit.snapshot(template, _TEMPLATE_FIELDS))
        added += 1
    return added


# ------------------------------------------------------------------- authority


def authority_matrix(session: Session) -> dict[tuple[str, str], int]:
    return {(r, t): int(v) for r, t, v in session.execute(
        select(AuthorityLimit.role, AuthorityLimit.tier, AuthorityLimit.max_cost_minor))}


def get_authority_matrix(session: Session, actor: Actor) -> dict[tuple[str, str], int]:
    if not (actor.can(Permission.EDIT_OFFERS) or actor.can(Permission.APPROVE_OFFERS)):
        refuse(None, actor, "get_authority_matrix")
    return authority_matrix(session)


def set_authority_limit(session: Session, actor: Actor, role: str, tier: str,
                        max_cost_minor: int) -> None:
    """Admin only: one cell of the matrix (audited)."""
    require(actor, Permission.MANAGE_SETTINGS)
    try:
        role = Role(role).value
        tier = SltvTier(tier).value
    except ValueError as exc:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown role or SLTV tier.")) from exc
    if max_cost_minor < 0:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "An authority limit cannot be negative."))
    row = session.scalar(select(AuthorityLimit).where(AuthorityLimit.role == role,
                                                      AuthorityLimit.tier == tier))
    before = None if row is None else row.max_cost_minor
    if before == max_cost_minor:
        return
    if row is None:
        row = AuthorityLimit(role=role, tier=tier, max_cost_minor=max_cost_minor)
        session.add(row)
    else:
        row.max_cost_minor = max_cost_minor
    audit.record(session, actor, "authority_limit_changed", "authority_limit", f"{role}/{tier}",
                 before={"max_cost_minor": before}, after={"max_cost_minor": max_cost_minor})


def set_authority_matrix(session: Session, actor: Actor,
                         matrix: Mapping[tuple[str, str], int]) -> None:
    require(actor, Permission.MANAGE_SETTINGS)
    for (role, tier), value in matrix.items():
        set_authority_limit(session, actor, role, tier, int(value))


def set_authority_override(session: Session, actor: Actor, user_id: int,
                           max_cost_minor: int | None) -> None:
    """Admin only: a per-person limit that wins over the matrix (None: use the matrix)."""
    require(actor, Permission.MANAGE_SETTINGS)
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(what=str(user_id))
    if max_cost_minor is not None and max_cost_minor < 0:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "An authority limit cannot be negative."))
    if user.authority_override_minor == max_cost_minor:
        return
    audit.record(session, actor, "authority_override_changed", "user", user.id,
                 before={"authority_override_minor": user.authority_override_minor},
                 after={"authority_override_minor": max_cost_minor})
    user.authority_override_minor = max_cost_minor


def authority_overrides(session: Session, actor: Actor) -> list[tuple[int, str, str, str,
                                                                      int | None]]:
    """(user id, login, display name, role, override) of every active user."""
    if not (actor.can(Permission.EDIT_OFFERS) or actor.can(Permission.MANAGE_SETTINGS)):
        refuse(None, actor, "authority_overrides")
    return [tuple(r) for r in session.execute(  # type: ignore[misc]
        select(User.id, User.login, User.display_name, User.role, User.authority_override_minor)
        .where(User.active.is_(True)).order_by(User.role, User.login))]


def _override(session: Session, user_id: int | None) -> int | None:
    if user_id is None:
        return None
    return session.scalar(select(User.authority_override_minor).where(User.id == user_id))


# ---------------------------------------------------------------- eligibility


def _tier(customer: Customer) -> str:
    if customer.sltv_tier:
        return customer.sltv_tier
    return segmentation.tier_for(customer.sltv_minor or 0)


def _facts(session: Session, customer: Customer, campaign_id: int | None) -> rules.CustomerFacts:
    campaign_name = None
    if campaign_id is not None:
        campaign_name = session.scalar(select(Campaign.name).where(Campaign.id == campaign_id))
    return rules.CustomerFacts(
        reason=customer.defection_reason, tier=_tier(customer), status=customer.status,
        sltv_minor=customer.sltv_minor or 0, annual_revenue_minor=customer.annual_revenue_minor,
        campaign_id=campaign_id, campaign_name=campaign_name)


def _customer(session: Session, customer_id: int) -> Customer:
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise NotFound(what=str(customer_id))
    return customer


def eligible_offers(
    session: Session,
    actor: Actor,
    customer_id: int,
    campaign_id: int | None = None,
    *,
    today: date | None = None,
    limit: int = rules.MAX_CHOICES,
) -> list[OfferChoice]:
    """The best ``limit`` offers for this customer by expected return, each marked
    within or above the actor's own authority."""
    require(actor, Permission.WORK_QUEUE)
    customer = _customer(session, customer_id)
    facts = _facts(session, customer, campaign_id)
    today = today or utcnow().date()
    matrix = authority_matrix(session)
    override = _override(session, actor.user_id)
    templates = {t.id: t for t in session.scalars(
        select(OfferTemplate).where(OfferTemplate.active.is_(True)))}
    candidates = []
    for t in templates.values():
        if not rules.is_eligible(t.eligibility, facts, active=t.active, valid_from=t.valid_from,
                                 valid_to=t.valid_to, today=today):
            continue
        cost = rules.offer_cost(t.cost_rule, facts.annual_revenue_minor)
        candidates.append(rules.Candidate(t.id, t.code, cost,
                                          rules.sltv_recovered(facts.sltv_minor, t.cost_rule)))
    choices = []
    for c in rules.rank(candidates, limit):
        t = templates[c.template_id]
        decision = rules.authority_decision(c.cost_minor, facts.tier,
                                            current_role(actor).value, matrix, override)
        choices.append(OfferChoice(t.id, t.code, t.name, t.kind, c.cost_minor,
                                   c.sltv_recovered_minor, c.expected_return_minor,
                                   decision.within_authority, decision.approver_role,
                                   decision.limit_minor))
    return choices


# -------------------------------------------------------------------- requests


@functools.cache
def _info_query() -> Any:
    """The request-with-names select, built once: building ``aliased()`` joins costs
    ~6 ms of Python per call, thirty times the indexed read the 1 s poll needs."""
    agent = aliased(User, name="agent")
    decider = aliased(User, name="decider")
    return (select(OfferRequest, OfferTemplate.code, OfferTemplate.name, OfferTemplate.version,
                   OfferTemplate.kind, Customer.name, Customer.sltv_tier, agent.login,
                   agent.display_name, decider.login, decider.display_name)
            .join(OfferTemplate, OfferTemplate.id == OfferRequest.offer_template_id)
            .join(Customer, Customer.id == OfferRequest.customer_id)
            .outerjoin(agent, agent.id == OfferRequest.agent_id)
            .outerjoin(decider, decider.id == OfferRequest.decided_by))


def _to_info(row: Any) -> OfferRequestInfo:
    (r, code, name, version, kind, customer_name, tier, agent_login, agent_name,
     decider_login, decider_name) = row
    return OfferRequestInfo(
        id=r.id, status=r.status, customer_id=r.customer_id, customer_name=customer_name,
        task_id=r.task_id, agent_id=r.agent_id, agent_login=agent_login, agent_name=agent_name,
        template_id=r.offer_template_id, offer_code=code, offer_name=name,
        offer_version=version, kind=kind, cost_minor=r.cost_minor, sltv_minor=r.sltv_minor,
        tier=tier, agent_note=r.agent_note, requested_at=r.requested_at, expires_at=r.expires_at,
        escalated_to=r.escalated_to, decided_at=r.decided_at, decided_by_login=decider_login,
        decided_by_name=decider_name, decision_note=r.decision_note,
        counter_offer=r.counter_offer, outcome_at=r.outcome_at, decline_reason=r.decline_reason,
        updated_at=r.updated_at, version=r.version_id)


def request_info(session: Session, request_id: int) -> OfferRequestInfo:
    row = session.execute(_info_query().where(OfferRequest.id == request_id)).first()
    if row is None:
        raise NotFound(what=str(request_id))
    return _to_info(row)


def _expiry_minutes(session: Session) -> int:
    value = settings_service.get(session, EXPIRY_SETTING)
    try:
        return int(value) if value is not None else DEFAULT_EXPIRY_MINUTES
    except (TypeError, ValueError):
        return DEFAULT_EXPIRY_MINUTES


def request_offer(
    db: Database,
    actor: Actor,
    template_id: int | str,
    *,
    task_id: int | None = None,
    customer_id: int | None = None,
    note: str | None = None,
    call_id: int | None = None,
    now: datetime | None = None,
) -> OfferRequestInfo:
    """Propose an offer: within the agent's authority it is approved at once, above it
    becomes a request to supervisors (or to an admin above theirs) with an expiry."""
    require(actor, Permission.WORK_QUEUE)
    if actor.user_id is None:
        refuse(None, actor, "request_offer")
    now = now or utcnow()
    with db.session(immediate=True) as session:
        campaign_id = None
        holder: int | None = None
        if task_id is not None:
            task = session.get(CallTask, task_id)
            if task is None:
                raise NotFound(what=str(task_id))
            holder = task.claimed_by
            if task.claimed_by is not None and task.claimed_by != actor.user_id \
                    and not actor.can(Permission.APPROVE_OFFERS):
                refuse(None, actor, "request_offer", QT_TRANSLATE_NOOP(
                    "Errors", "This customer is being worked by another agent."))
            customer_id, campaign_id = task.customer_id, task.campaign_id
        if customer_id is None:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Say which task or customer."))
        customer = _customer(session, customer_id)
        if customer.status == CustomerStatus.WON_BACK:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "This customer is already won back."))
        template = _template(session, template_id)
        facts = _facts(session, customer, campaign_id)
        if not rules.is_eligible(template.eligibility, facts, active=template.active,
                                 valid_from=template.valid_from, valid_to=template.valid_to,
                                 today=now.date()):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "Offer {code} is not available for this customer."), code=template.code)
        if task_id is not None and session.scalar(select(OfferRequest.id).where(
                OfferRequest.task_id == task_id,
                OfferRequest.status == S.ACCEPTED.value).limit(1)) is not None:
            # the customer took an offer on this task; the call's outcome comes next
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "This customer already accepted an offer; record the call's "
                "outcome."))
        waiting = session.scalar(select(OfferRequest.id).where(
            OfferRequest.customer_id == customer.id,
            OfferRequest.status.in_(rules.OPEN_STATUSES)).limit(1))
        if waiting is not None:
            raise Conflict(QT_TRANSLATE_NOOP(
                "Errors", "Request {id} for this customer is still waiting for a decision."),
                id=waiting)
        cost = rules.offer_cost(template.cost_rule, facts.annual_revenue_minor)
        decision = rules.authority_decision(cost, facts.tier, current_role(actor).value,
                                            authority_matrix(session),
                                            _override(session, actor.user_id))
        if holder is not None and holder != actor.user_id and decision.within_authority:
            # A supervisor's own proposal on another agent's customer goes to a colleague:
            # nobody approves their own request, not even through their authority limit.
            approver = Role.ADMIN.value if current_role(actor) is Role.ADMIN \
                else Role.SUPERVISOR.value
            decision = rules.AuthorityDecision(
                S.ESCALATED.value if approver == Role.ADMIN.value else S.PENDING.value,
                decision.limit_minor, approver)
        request = OfferRequest(
            offer_template_id=template.id, task_id=task_id, call_id=call_id,
            customer_id=customer.id, agent_id=actor.user_id, status=decision.status,
            cost_minor=cost, sltv_minor=facts.sltv_minor,
            agent_note=(note or "").strip() or None, requested_at=now,
            created_at=now, updated_at=now)
        if decision.within_authority:
            request.decided_at = now
        else:
            request.expires_at = now + timedelta(minutes=_expiry_minutes(session))
            if decision.status == S.ESCALATED:
                request.escalated_to = Role.ADMIN.value
        session.add(request)
        session.flush()
        audit.record(session, actor, "offer_requested", "offer_request", request.id,
                     after=audit.snapshot(request, _REQUEST_FIELDS) | {
                         "offer": template.code, "version": template.version,
                         "customer_id": customer.id, "task_id": task_id,
                         "limit_minor": decision.limit_minor})
        request_id = request.id
    with db.session() as session:
        return request_info(session, request_id)


def _last_actor(session: Session, request_id: int) -> tuple[str, datetime | None]:
    row = session.execute(
        select(AuditEntry.user_login, User.display_name, AuditEntry.at)
        .outerjoin(User, User.id == AuditEntry.user_id)
        .where(AuditEntry.entity == "offer_request", AuditEntry.entity_id == str(request_id))
        .order_by(AuditEntry.id.desc()).limit(1)).first()
    if row is None:
        return "?", None
    login, name, at = row
    return (name or login or "?"), at


def _when(at: datetime | None) -> str:
    return at.astimezone().strftime("%Y-%m-%d %H:%M") if at else "?"


def _conflict(session: Session, request_id: int) -> Conflict:
    """Tell the loser of a race (or a late click) what happened and who did it."""
    current = session.execute(select(OfferRequest.status).where(
        OfferRequest.id == request_id)).scalar_one()
    who, at = _last_actor(session, request_id)
    texts = {
        S.APPROVED: QT_TRANSLATE_NOOP("Errors", "{who} already approved request {id} at {when}."),
        S.REJECTED: QT_TRANSLATE_NOOP("Errors", "{who} already rejected request {id} at {when}."),
        S.COUNTERED: QT_TRANSLATE_NOOP(
            "Errors", "{who} already made a counter-offer on request {id} at {when}."),
        S.EXPIRED: QT_TRANSLATE_NOOP("Errors", "Request {id} expired at {when}."),
        S.ESCALATED: QT_TRANSLATE_NOOP(
            "Errors", "{who} sent request {id} to an admin at {when}; look at it again."),
        S.ACCEPTED: QT_TRANSLATE_NOOP(
            "Errors", "{who} already recorded that the customer accepted request {id}."),
        S.DECLINED: QT_TRANSLATE_NOOP(
            "Errors", "{who} already recorded that the customer declined request {id}."),
    }
    text = texts.get(S(current), QT_TRANSLATE_NOOP(
        "Errors", "{who} changed request {id} at {when}; look at it again."))
    return Conflict(text, who=who, id=request_id, when=_when(at))


def _transition(session: Session, request: OfferRequest, allowed: Sequence[str],
                values: dict[str, Any], now: datetime) -> bool:
    """Apply ``values`` only if nobody changed the request since we read it."""
    result = session.execute(
        update(OfferRequest)
        .where(OfferRequest.id == request.id, OfferRequest.status.in_(list(allowed)),
               OfferRequest.version_id == request.version_id)
        .values(**values, version_id=request.version_id + 1, updated_at=now)
        .execution_options(synchronize_session=False))
    session.expire(request)
    return bool(getattr(result, "rowcount", 0) == 1)


def _counter_offer(session: Session, customer: Customer, counter: Mapping[str, Any] | None
                   ) -> dict[str, Any]:
    """A counter-offer: another catalogue offer and/or an explicit cost with a text."""
    if not counter:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Say what the counter-offer is."))
    result: dict[str, Any] = {}
    ref = counter.get("template_id") or counter.get("code")
    if ref:
        template = _template(session, ref)
        result.update(template_id=template.id, code=template.code, name=template.name,
                      cost_minor=rules.offer_cost(template.cost_rule,
                                                  customer.annual_revenue_minor))
    if counter.get("cost_minor") is not None:
        cost = int(counter["cost_minor"])
        if cost < 0:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "A cost cannot be negative."))
        result["cost_minor"] = cost
    text = str(counter.get("text") or "").strip()
    if text:
        result["text"] = text
    if "cost_minor" not in result:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Say what the counter-offer is."))
    return result


def decide(
    db: Database,
    actor: Actor,
    request_id: int,
    decision: Decision | str,
    note: str | None = None,
    counter_offer: Mapping[str, Any] | None = None,
    *,
    now: datetime | None = None,
) -> OfferRequestInfo:
    """Approve, reject or counter a pending request (see the module rules)."""
    require(actor, Permission.APPROVE_OFFERS)
    try:
        decision = Decision(decision)
    except ValueError as exc:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "Decide with approve, reject or counter.")) from exc
    now = now or utcnow()
    note = (note or "").strip() or None
    expired_error: Conflict | None = None
    with db.session(immediate=True) as session:
        request = session.get(OfferRequest, request_id)
        if request is None:
            raise NotFound(what=str(request_id))
        if actor.user_id is not None and request.agent_id == actor.user_id:
            refuse(None, actor, "decide", QT_TRANSLATE_NOOP(
                "Errors", "Nobody may decide on their own offer request."))
        task_agent = session.scalar(select(CallTask.claimed_by).where(
            CallTask.id == request.task_id)) if request.task_id is not None else None
        if actor.user_id is not None and task_agent == actor.user_id:
            refuse(None, actor, "decide", QT_TRANSLATE_NOOP(
                "Errors", "Nobody may decide on a request for a customer they are working."))
        if request.status not in rules.OPEN_STATUSES:
            raise _conflict(session, request_id)
        if request.expires_at is not None and request.expires_at <= now:
            _expire(session, request, now)
            expired_error = Conflict(QT_TRANSLATE_NOOP(
                "Errors", "Request {id} expired at {when}."), id=request_id,
                when=_when(request.expires_at))
        else:
            customer = _customer(session, request.customer_id)
            tier = _tier(customer)
            matrix = authority_matrix(session)
            override = _override(session, actor.user_id)
            before = audit.snapshot(request, _REQUEST_FIELDS)
            values: dict[str, Any]
            if decision is Decision.APPROVE:
                if not rules.can_approve(current_role(actor).value, request.cost_minor, tier,
                                         matrix, override):
                    if request.status == S.ESCALATED:
                        refuse(None, actor, "decide", QT_TRANSLATE_NOOP(
                            "Errors", "This offer is above your authority; it waits for an admin."))
                    values = {"status": S.ESCALATED.value, "escalated_to": Role.ADMIN.value}
                    action = "offer_escalated"
                else:
                    values = {"status": S.APPROVED.value, "decided_by": actor.user_id,
                              "decided_at": now, "decision_note": note}
                    action = "offer_approved"
            elif decision is Decision.REJECT:
                values = {"status": S.REJECTED.value, "decided_by": actor.user_id,
                          "decided_at": now, "decision_note": note}
                action = "offer_rejected"
            else:
                counter = _counter_offer(session, customer, counter_offer)
                if not rules.can_approve(current_role(actor).value, counter["cost_minor"],
                                         tier, matrix, override):
                    refuse(None, actor, "decide", QT_TRANSLATE_NOOP(
                        "Errors", "The counter-offer is above your own authority."))
                values = {"status": S.COUNTERED.value, "decided_by": actor.user_id,
                          "decided_at": now, "decision_note": note, "counter_offer": counter}
                action = "offer_countered"
            if not _transition(session, request, rules.OPEN_STATUSES, values, now):
                raise _conflict(session, request_id)
            audit.record(session, actor, action, "offer_request", request_id, before=before,
                         after=audit.snapshot(request, _REQUEST_FIELDS) | (
                             {"note": note} if action == "offer_escalated" and note else {}))
    if expired_error is not None:
        raise expired_error
    with db.session() as session:
        return request_info(session, request_id)


def bulk_decide(db: Database, actor: Actor, request_ids: Iterable[int],
                decision: Decision | str, note: str | None = None) -> list[BulkResult]:
    """Decide several requests; each is its own transaction so one conflict costs one."""
    from winback_desktop.core.errors import WinbackError

    results = []
    for request_id in request_ids:
        try:
            info = decide(db, actor, request_id, decision, note)
        except WinbackError as exc:
            results.append(BulkResult(request_id, False, error=exc))
        else:
            results.append(BulkResult(request_id, True, info.status))
    return results


def _expire(session: Session, request: OfferRequest, now: datetime) -> bool:
    before = audit.snapshot(request, _REQUEST_FIELDS)
    if not _transition(session, request, rules.OPEN_STATUSES,
                       {"status": S.EXPIRED.value}, now):
        return False
    audit.record(session, Actor.system(), "offer_expired", "offer_request", request.id,
                 before=before, after={"status": S.EXPIRED.value})
    return True


def expire_stale(db: Database, now: datetime | None = None) -> int:
    """Close requests nobody decided in time; the agent sees "expired".

    Inboxes call this on every refresh, so the common case (nothing stale) is one
    indexed read and never takes SQLite's write lock.
    """
    now = now or utcnow()
    with db.session() as session:
        if session.scalar(select(OfferRequest.id).where(
                OfferRequest.status.in_(rules.OPEN_STATUSES),
                OfferRequest.expires_at <= now).limit(1)) is None:
            return 0
    with db.session(immediate=True) as session:
        stale = list(session.scalars(select(OfferRequest).where(
            OfferRequest.status.in_(rules.OPEN_STATUSES), OfferRequest.expires_at <= now)))
        return sum(_expire(session, r, now) for r in stale)


def _open_call(session: Session, actor: Actor, request: OfferRequest) -> Call | None:
    """The call the offer was accepted in: the request's own, else the agent's call on
    the request's task that is still at the conversation (answered or outcome)."""
    if request.call_id is not None:
        call = session.get(Call, request.call_id, with_for_update=True)
    elif request.task_id is not None and actor.user_id is not None:
        call = session.scalar(
            select(Call).where(Call.task_id == request.task_id,
                               Call.agent_id == actor.user_id,
                               Call.step.in_((CallStep.ANSWERED.value, CallStep.OUTCOME.value)))
            .order_by(Call.id.desc()).limit(1).with_for_update())
    else:
        return None
    if call is None or call.agent_id != actor.user_id or call.step not in (
            CallStep.ANSWERED.value, CallStep.OUTCOME.value):
        return None
    return call


def record_outcome(
    db: Database,
    actor: Actor,
    request_id: int,
    accepted: bool,
    decline_reason: str | None = None,
    *,
    now: datetime | None = None,
) -> OfferRequestInfo:
    """The customer's answer to the offer, and only that.

    Accepted: the request keeps the final cost and the SLTV it was weighed against, and
    the agent's open call on the customer moves to its outcome step (the line stays
    open). The customer is *not* won back here: that is the call's outcome, chosen when
    the interview is done (the customer may still change their mind, and a save is not
    a win-back). Declined: the reason is kept."""
    require(actor, Permission.WORK_QUEUE)
    now = now or utcnow()
    decline_reason = (decline_reason or "").strip() or None
    with db.session(immediate=True) as session:
        request = session.get(OfferRequest, request_id)
        if request is None:
            raise NotFound(what=str(request_id))
        if request.agent_id != actor.user_id and not actor.can(Permission.APPROVE_OFFERS):
            refuse(None, actor, "record_outcome")
        if request.status not in rules.PRESENTABLE_STATUSES:
            if request.status in rules.OPEN_STATUSES:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "Errors", "Request {id} is still waiting for a decision."), id=request_id)
            raise _conflict(session, request_id)
        customer = _customer(session, request.customer_id)
        before = audit.snapshot(request, _REQUEST_FIELDS)
        counter = request.counter_offer or {}
        cost = int(counter["cost_minor"]) if counter.get("cost_minor") is not None \
            else request.cost_minor
        if accepted:
            values = {"status": S.ACCEPTED.value, "outcome_at": now, "cost_minor": cost,
                      "sltv_minor": customer.sltv_minor or request.sltv_minor}
        else:
            values = {"status": S.DECLINED.value, "outcome_at": now,
                      "decline_reason": decline_reason}
        if not _transition(session, request, rules.PRESENTABLE_STATUSES, values, now):
            raise _conflict(session, request_id)
        audit.record(session, actor, "offer_accepted" if accepted else "offer_declined",
                     "offer_request", request_id, before=before,
                     after=audit.snapshot(request, _REQUEST_FIELDS))
        if accepted:
            call = _open_call(session, actor, request)
            if call is not None:
                lifecycle.accept_offer_in_session(session, actor, call, now)
    with db.session() as session:
        return request_info(session, request_id)


# -------------------------------------------------------------------- reading


def pending_for(session: Session, actor: Actor, *, now: datetime | None = None,
                include_expired: bool = True) -> Inbox:
    """The approval inbox: requests this person may decide (never their own), oldest
    first; ``count`` is the badge. Recently expired ones follow, for the record."""
    require(actor, Permission.APPROVE_OFFERS)
    now = now or utcnow()
    mine = [S.PENDING.value, S.ESCALATED.value]
    not_own: list[Any] = []
    if actor.user_id is not None:
        not_own.append(or_(OfferRequest.agent_id.is_(None),
                           OfferRequest.agent_id != actor.user_id))
    # Two range reads on ix_offer_requests_status (status, requested_at): the open
    # requests, then the recently expired ones; never a scan of the whole history.
    stmt = (_info_query().where(OfferRequest.status.in_(mine), *not_own)
            .order_by(OfferRequest.requested_at, OfferRequest.id).limit(1000))
    items = [_to_info(row) for row in session.execute(stmt)]
    if include_expired:
        oldest = now - EXPIRED_VISIBLE - timedelta(minutes=_expiry_minutes(session))
        stmt = (_info_query().where(OfferRequest.status == S.EXPIRED.value,
                                    OfferRequest.requested_at >= oldest,
                                    OfferRequest.expires_at >= now - EXPIRED_VISIBLE,
                                    *not_own)
                .order_by(OfferRequest.requested_at, OfferRequest.id).limit(200))
        items.extend(_to_info(row) for row in session.execute(stmt))
    wanted = mine if current_role(actor) is Role.ADMIN else [S.PENDING.value]
    count = sum(1 for i in items if i.status in wanted and not i.expired_at(now))
    return Inbox(count, items)


def pending_count(session: Session, actor: Actor, *, now: datetime | None = None) -> int:
    """Just the badge number (one indexed count)."""
    require(actor, Permission.APPROVE_OFFERS)
    now = now or utcnow()
    wanted = [S.PENDING.value, S.ESCALATED.value] if current_role(actor) is Role.ADMIN \
        else [S.PENDING.value]
    stmt = select(func.count()).select_from(OfferRequest).where(
        OfferRequest.status.in_(wanted),
        or_(OfferRequest.expires_at.is_(None), OfferRequest.expires_at > now))
    if actor.user_id is not None:
        stmt = stmt.where(or_(OfferRequest.agent_id.is_(None),
                              OfferRequest.agent_id != actor.user_id))
    return int(session.scalar(stmt) or 0)


def my_requests(session: Session, actor: Actor, since: datetime | None = None, *,
                customer_id: int | None = None, ids: Sequence[int] | None = None,
                limit: int = 50) -> list[OfferRequestInfo]:
    """The actor's own requests changed since ``since`` (newest first), for the
    workspace's 1 s poll: served by the ``agent_id``/``customer_id`` indexes, or by
    primary key when the caller knows which requests it waits for (``ids``)."""
    require(actor, Permission.WORK_QUEUE)
    if actor.user_id is None:
        return []
    stmt = _info_query().where(OfferRequest.agent_id == actor.user_id)
    if ids is not None:
        stmt = stmt.where(OfferRequest.id.in_(list(ids)))
    if since is not None:
        stmt = stmt.where(OfferRequest.updated_at >= since)
    if customer_id is not None:
        stmt = stmt.where(OfferRequest.customer_id == customer_id)
    stmt = stmt.order_by(OfferRequest.id.desc()).limit(limit)
    return [_to_info(row) for row in session.execute(stmt)]


def customer_requests(session: Session, actor: Actor, customer_id: int) -> list[OfferRequestInfo]:
    """Past offers of one customer (the customer card shows them)."""
    require(actor, Permission.WORK_QUEUE)
    stmt = _info_query().where(OfferRequest.customer_id == customer_id).order_by(
        OfferRequest.id.desc()).limit(100)
    return [_to_info(row) for row in session.execute(stmt)]


def request_details(session: Session, actor: Actor, request_id: int) -> RequestDetails:
    """Everything a supervisor needs to decide: card, SLTV explain, interview, note."""
    require(actor, Permission.APPROVE_OFFERS)
    info = request_info(session, request_id)
    customer = _customer(session, info.customer_id)
    params = None
    if info.task_id is not None:
        params = session.scalar(select(Campaign.sltv_params).join(
            CallTask, CallTask.campaign_id == Campaign.id).where(CallTask.id == info.task_id))
    explanation = sltv.explain(customer.annual_margin_minor, customer.annual_revenue_minor,
                               sltv.SltvParams.from_mapping(params),
                               imported_sltv_minor=customer.sltv_imported_minor)
    card = {
        "id": customer.id, "external_id": customer.external_id, "name": customer.name,
        "status": customer.status, "defection_reason": customer.defection_reason,
        "defection_date": customer.defection_date, "reason_note": customer.reason_note,
        "competitor": customer.competitor, "tier": _tier(customer),
        "sltv_minor": customer.sltv_minor, "segment": customer.segment,
        "annual_revenue_minor": customer.annual_revenue_minor,
        "annual_margin_minor": customer.annual_margin_minor, "city": customer.city,
        "currency": customer.currency, "purchase_count": customer.purchase_count,
        "last_purchase_date": customer.last_purchase_date,
    }
    interview: list[tuple[str, str]] = []
    response = session.scalar(select(InterviewResponse).where(
        InterviewResponse.customer_id == customer.id).order_by(
        InterviewResponse.id.desc()).limit(1))
    if response is not None and response.answers:
        # The question as scripted and the choice's label ("Yes", "The price"), not the
        # stored key and value ("yes", "price").
        from winback_desktop.core import interview as iv
        from winback_desktop.db.models import InterviewScript
        from winback_desktop.services.interviews import to_core

        row = session.get(InterviewScript, response.script_id)
        script = to_core(row) if row is not None else None
        for key, answer in response.answers.items():
            question = script.question(key) if script is not None else None
            if question is not None:
                interview.append((question.text, iv.answer_text(question, answer)))
            elif isinstance(answer, list):
                interview.append((key, ", ".join(str(a) for a in answer)))
            elif isinstance(answer, dict):
                interview.append((key, json.dumps(answer, ensure_ascii=False)))
            else:
                interview.append((key, str(answer)))
    past = [r for r in customer_requests(session, actor, customer.id) if r.id != request_id]
    return RequestDetails(info, card, explanation, interview, past)


# --------------------------------------------------------------------- reports


def offer_report(session: Session, actor: Actor, *, since: datetime | None = None,
                 until: datetime | None = None) -> OfferReport:
    """Acceptance rate, cost per accepted offer, return of each offer, approval turnaround.

    Accepted offers and win-backs are counted apart: an offer is accepted when the
    customer says yes to it, a win-back (or save) is the outcome of the call it was made
    on (its task's call when the offer names no call).
    """
    if not (actor.can(Permission.VIEW_TEAM_SCORECARDS) or actor.can(Permission.EDIT_OFFERS)):
        refuse(None, actor, "offer_report")
    period = []
    if since is not None:
        period.append(OfferRequest.requested_at >= since)
    if until is not None:
        period.append(OfferRequest.requested_at < until)
    # A plain IS NOT NULL (no bound parameters) so PostgreSQL matches it in GROUP BY.
    human = OfferRequest.decided_by.is_not(None)
    stmt = (select(OfferTemplate.code, OfferRequest.status, human, func.count(),
                   func.sum(OfferRequest.cost_minor), func.sum(OfferRequest.sltv_minor))
            .join(OfferTemplate, OfferTemplate.id == OfferRequest.offer_template_id)
            .where(*period).group_by(OfferTemplate.code, OfferRequest.status, human))
    counts: dict[str, dict[tuple[str, int], int]] = defaultdict(lambda: defaultdict(int))
    money: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for code, status, by_person, number, cost, value in session.execute(stmt):
        counts[code][(status, int(by_person))] += int(number)
        if status == S.ACCEPTED:
            money[code][0] += int(cost or 0)
            money[code][1] += int(value or 0)
    names = dict(session.execute(
        select(OfferTemplate.code, OfferTemplate.name).order_by(OfferTemplate.version)
    ).all())
    successes: dict[tuple[str, str], int] = defaultdict(int)
    for disposition in (Disposition.WON_BACK, Disposition.SAVED):
        on_call = select(Call.id).where(
            Call.disposition == disposition.value,
            or_(Call.id == OfferRequest.call_id,
                and_(OfferRequest.call_id.is_(None), Call.task_id == OfferRequest.task_id)))
        for code, number in session.execute(
                select(OfferTemplate.code, func.count()).select_from(OfferRequest)
                .join(OfferTemplate, OfferTemplate.id == OfferRequest.offer_template_id)
                .where(*period, OfferRequest.status == S.ACCEPTED, on_call.exists())
                .group_by(OfferTemplate.code)):
            successes[(code, disposition.value)] += int(number)
    rows = []
    for code in sorted(counts):
        c = counts[code]

        def n(*statuses: str, person: int | None = None, c: Any = c) -> int:
            return sum(v for (st, p), v in c.items()
                       if st in statuses and (person is None or p == person))

        rows.append(OfferReportRow(
            code=code, name=names.get(code, code), requests=sum(c.values()),
            auto_approved=n(S.AUTO_APPROVED, S.ACCEPTED, S.DECLINED, person=0),
            approved=n(S.APPROVED, S.COUNTERED, S.ACCEPTED, S.DECLINED, person=1),
            rejected=n(S.REJECTED), expired=n(S.EXPIRED), accepted=n(S.ACCEPTED),
            declined=n(S.DECLINED), cost_minor=money[code][0],
            sltv_recovered_minor=money[code][1],
            win_backs=successes[(code, Disposition.WON_BACK.value)],
            saves=successes[(code, Disposition.SAVED.value)]))
    minutes = [(d - r).total_seconds() / 60 for r, d in session.execute(
        select(OfferRequest.requested_at, OfferRequest.decided_at).where(
            *period, OfferRequest.decided_by.is_not(None),
            OfferRequest.decided_at.is_not(None))) if d is not None]
    avg = sum(minutes) / len(minutes) if minutes else None
    return OfferReport(since, until, rows, len(minutes), avg, rules.median(minutes))


def export_report(session: Session, actor: Actor, path: str | Path,
                  headers: Mapping[str, str] | None = None, *,
                  since: datetime | None = None, until: datetime | None = None) -> OfferReport:
    """The offers report as an xlsx file (headers translated by the caller)."""
    require(actor, Permission.EXPORT_DATA)
    from winback_desktop.io import offers_xlsx

    report = offer_report(session, actor, since=since, until=until)
    offers_xlsx.write_report(Path(path), report.as_dict(), headers or {})
    audit.record(session, actor, "offers_report_exported", "offer_report", None,
                 after={"path": str(path), "offers": len(report.rows)})
    return report
