"""The customer card of the call workspace (DESIGN §6).

Agents see a customer only while they hold the customer's task or own a callback for
them: the queue, not curiosity, decides whom an agent looks at. Supervisors and admins
always may.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from winback_desktop.core import queue_rules
from winback_desktop.core.domain import TaskStatus
from winback_desktop.core.errors import NotFound
from winback_desktop.core.permissions import Permission
from winback_desktop.core.risk import Signal
from winback_desktop.db.models import (
    Call,
    CallTask,
    Customer,
    CustomerPhone,
    OfferRequest,
    OfferTemplate,
    RiskFlag,
    User,
)
from winback_desktop.db.types import utcnow
from winback_desktop.services import plans
from winback_desktop.services.context import Actor, refuse, require


@dataclass(frozen=True, slots=True)
class PhoneInfo:
    e164: str | None
    raw: str
    kind: str
    primary: bool


@dataclass(frozen=True, slots=True)
class PastCall:
    id: int
    started_at: datetime
    answered_at: datetime | None
    ended_at: datetime | None
    agent_login: str | None
    disposition: str | None
    notes: str | None
    callback_at: datetime | None
    #: corrections of the outcome, oldest first (``calls.Amendment``)
    amendments: tuple[Any, ...] = ()


@dataclass(frozen=True, slots=True)
class PastOffer:
    id: int
    offer_name: str
    status: str
    cost_minor: int
    requested_at: datetime
    agent_login: str | None


@dataclass(frozen=True, slots=True)
class CustomerCard:
    id: int
    external_id: str | None
    name: str
    phones: list[PhoneInfo]
    timezone: str
    local_time: datetime | None
    preferred_language: str
    status: str
    segment: str | None
    sltv_minor: int | None
    sltv_imported_minor: int | None
    sltv_tier: str | None
    defection_reason: str
    defection_date: date | None
    reason_note: str | None
    trigger: str | None
    competitor: str | None
    currency: str
    annual_revenue_minor: int | None
    annual_margin_minor: int | None
    last_purchase_date: date | None
    purchase_count: int | None
    city: str | None
    email: str | None
    do_not_call: bool
    calls: list[PastCall]
    offers: list[PastOffer]
    #: the open early-warning flag's signals (issue 19): empty when not flagged
    risk_signals: list[Signal] = field(default_factory=list)
    risk_flagged_at: datetime | None = None
    #: the long-term plan followed now (or last): steps done, next step
    plan: plans.CustomerPlanSummary | None = None

    @property
    def primary_phone(self) -> str | None:
        for phone in self.phones:
            if phone.primary and phone.e164:
                return phone.e164
        return next((p.e164 for p in self.phones if p.e164), None)


def check_access(session: Session, actor: Actor, customer_id: int) -> None:
    """Raise PermissionDenied unless the actor may see this customer now."""
    if actor.can(Permission.VIEW_CUSTOMERS):
        return
    require(actor, Permission.WORK_QUEUE)
    held = session.scalar(
        select(CallTask.id).where(
            CallTask.customer_id == customer_id,
            or_(
                (CallTask.status == TaskStatus.CLAIMED.value)
                & (CallTask.claimed_by == actor.user_id),
                (CallTask.status == TaskStatus.CALLBACK.value)
                & (CallTask.callback_owner_id == actor.user_id),
            )).limit(1))
    if held is None:
        refuse(None, actor, "check_access")


def customer_card(session: Session, actor: Actor, customer_id: int,
                  now: datetime | None = None, history: int = 20) -> CustomerCard:
    check_access(session, actor, customer_id)
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise NotFound(what=str(customer_id))
    now = now or utcnow()
    phones = [PhoneInfo(p.e164, p.raw, p.kind, p.is_primary) for p in session.scalars(
        select(CustomerPhone).where(CustomerPhone.customer_id == customer_id)
        .order_by(CustomerPhone.is_primary.desc(), CustomerPhone.id))]
    calls = [
        PastCall(c.id, c.started_at, c.answered_at, c.ended_at, login, c.disposition, c.notes,
                 c.callback_at)
        for c, login in session.execute(
            select(Call, User.login).outerjoin(User, User.id == Call.agent_id)
            .where(Call.customer_id == customer_id)
            .order_by(Call.started_at.desc(), Call.id.desc()).limit(history))
    ]
    from winback_desktop.services.calls.views import amendments_of

    amended = amendments_of(session, [c.id for c in calls])
    calls = [replace(c, amendments=amended[c.id]) if c.id in amended else c for c in calls]
    offers = [
        PastOffer(o.id, name, o.status, o.cost_minor, o.requested_at, login)
        for o, name, login in session.execute(
            select(OfferRequest, OfferTemplate.name, User.login)
            .join(OfferTemplate, OfferTemplate.id == OfferRequest.offer_template_id)
            .outerjoin(User, User.id == OfferRequest.agent_id)
            .where(OfferRequest.customer_id == customer_id)
            .order_by(OfferRequest.requested_at.desc(), OfferRequest.id.desc()).limit(history))
    ]
    flag = session.scalar(select(RiskFlag).where(
        RiskFlag.customer_id == customer_id, RiskFlag.status == "open")
        .order_by(RiskFlag.id.desc()).limit(1))
    return CustomerCard(
        id=customer.id, external_id=customer.external_id, name=customer.name, phones=phones,
        timezone=customer.timezone,
        local_time=queue_rules.local_time(now, customer.timezone),
        preferred_language=customer.preferred_language, status=customer.status,
        segment=customer.segment, sltv_minor=customer.sltv_minor,
        sltv_imported_minor=customer.sltv_imported_minor, sltv_tier=customer.sltv_tier,
        defection_reason=customer.defection_reason, defection_date=customer.defection_date,
        reason_note=customer.reason_note, trigger=customer.trigger,
        competitor=customer.competitor, currency=customer.currency,
        annual_revenue_minor=customer.annual_revenue_minor,
        annual_margin_minor=customer.annual_margin_minor,
        last_purchase_date=customer.last_purchase_date,
        purchase_count=customer.purchase_count, city=customer.city, email=customer.email,
        do_not_call=customer.do_not_call, calls=calls, offers=offers,
        risk_signals=[Signal.from_dict(d) for d in flag.signals] if flag else [],
        risk_flagged_at=flag.flagged_at if flag else None,
        plan=plans.card_summary(session, customer_id))


def find_customer(session: Session, key: str) -> Customer:
    """A customer by id or external id (CLI)."""
    customer = session.scalar(select(Customer).where(Customer.external_id == key).limit(1))
    if customer is None and key.isdigit():
        customer = session.get(Customer, int(key))
    if customer is None:
        raise NotFound(what=key)
    return customer
