"""One customer's card and history, and the choices the customer filters offer."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from winback_desktop.core.errors import NotFound
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import (
    Call,
    Campaign,
    Customer,
    CustomerPhone,
    ImportBatch,
    OfferRequest,
    OfferTemplate,
    User,
)
from winback_desktop.services import settings
from winback_desktop.services.context import Actor, require

#: History shown in the card; older entries stay in the database and the exports.
HISTORY_LIMIT = 50


@dataclass(frozen=True)
class CallLine:
    started_at: datetime
    agent: str | None
    campaign: str | None
    disposition: str | None
    talk_seconds: int | None
    notes: str | None


@dataclass(frozen=True)
class OfferLine:
    requested_at: datetime
    offer: str
    status: str
    cost_minor: int
    agent: str | None


@dataclass(frozen=True)
class BatchInfo:
    id: int
    file_name: str
    sheet: str | None
    started_at: datetime
    status: str


@dataclass(frozen=True)
class CustomerCard:
    id: int
    external_id: str | None
    name: str
    status: str
    defection_reason: str
    defection_date: date | None
    reason_note: str | None
    competitor: str | None
    currency: str
    annual_revenue_minor: int | None
    annual_margin_minor: int | None
    last_purchase_date: date | None
    purchase_count: int | None
    city: str | None
    region: str | None
    timezone: str
    preferred_language: str
    email: str | None
    sltv_minor: int | None
    sltv_imported_minor: int | None
    sltv_tier: str | None
    segment: str | None
    do_not_call: bool
    won_back_at: datetime | None
    #: (number as stored E.164 or raw text, raw text, primary?)
    phones: list[tuple[str, str, bool]] = field(default_factory=list)
    calls: list[CallLine] = field(default_factory=list)
    call_count: int = 0
    offers: list[OfferLine] = field(default_factory=list)
    batch: BatchInfo | None = None


def customer_card(session: Session, actor: Actor, customer_id: int) -> CustomerCard:
    """Everything the detail pane shows about one customer, in one short transaction."""
    require(actor, Permission.VIEW_CUSTOMERS)
    c = session.get(Customer, customer_id)
    if c is None:
        raise NotFound(what=str(customer_id))
    phones = [
        (p.e164 or p.raw, p.raw, p.is_primary)
        for p in session.scalars(select(CustomerPhone)
                                 .where(CustomerPhone.customer_id == customer_id)
                                 .order_by(CustomerPhone.is_primary.desc(), CustomerPhone.id))
    ]
    calls = [
        CallLine(
            started_at=call.started_at,
            agent=agent,
            campaign=campaign,
            disposition=call.disposition,
            talk_seconds=(int((call.ended_at - call.answered_at).total_seconds())
                          if call.answered_at and call.ended_at else None),
            notes=call.notes,
        )
        for call, agent, campaign in session.execute(
            select(Call, func.coalesce(User.display_name, User.login), Campaign.name)
            .outerjoin(User, User.id == Call.agent_id)
            .outerjoin(Campaign, Campaign.id == Call.campaign_id)
            .where(Call.customer_id == customer_id)
            .order_by(Call.started_at.desc(), Call.id.desc())
            .limit(HISTORY_LIMIT))
    ]
    call_count = session.scalar(
        select(func.count()).select_from(Call).where(Call.customer_id == customer_id)) or 0
    offers = [
        OfferLine(req.requested_at, offer_name, req.status, req.cost_minor, agent)
        for req, offer_name, agent in session.execute(
            select(OfferRequest, OfferTemplate.name,
                   func.coalesce(User.display_name, User.login))
            .join(OfferTemplate, OfferTemplate.id == OfferRequest.offer_template_id)
            .outerjoin(User, User.id == OfferRequest.agent_id)
            .where(OfferRequest.customer_id == customer_id)
            .order_by(OfferRequest.requested_at.desc())
            .limit(HISTORY_LIMIT))
    ]
    batch = None
    if c.import_batch_id is not None:
        b = session.get(ImportBatch, c.import_batch_id)
        if b is not None:
            batch = BatchInfo(b.id, b.file_name, b.sheet, b.started_at, b.status)
    return CustomerCard(
        id=c.id, external_id=c.external_id, name=c.name, status=c.status,
        defection_reason=c.defection_reason, defection_date=c.defection_date,
        reason_note=c.reason_note, competitor=c.competitor, currency=c.currency,
        annual_revenue_minor=c.annual_revenue_minor,
        annual_margin_minor=c.annual_margin_minor,
        last_purchase_date=c.last_purchase_date, purchase_count=c.purchase_count,
        city=c.city, region=c.region, timezone=c.timezone,
        preferred_language=c.preferred_language, email=c.email, sltv_minor=c.sltv_minor,
        sltv_imported_minor=c.sltv_imported_minor, sltv_tier=c.sltv_tier,
        segment=c.segment, do_not_call=c.do_not_call, won_back_at=c.won_back_at,
        phones=phones, calls=calls, call_count=call_count, offers=offers, batch=batch,
    )


@dataclass(frozen=True)
class FilterChoices:
    """Campaigns and import batches the filter bar lists (newest first)."""

    campaigns: list[tuple[int, str]]
    batches: list[tuple[int, str, datetime, int]]
    #: region a phone number typed into the search box is read in
    phone_region: str = "CN"


def filter_choices(session: Session, actor: Actor, *, batch_limit: int = 200) -> FilterChoices:
    require(actor, Permission.VIEW_CUSTOMERS)
    campaigns = [(cid, name) for cid, name in session.execute(
        select(Campaign.id, Campaign.name).order_by(Campaign.created_at.desc(), Campaign.id))]
    batches = [(bid, name, started, rows) for bid, name, started, rows in session.execute(
        select(ImportBatch.id, ImportBatch.file_name, ImportBatch.started_at, ImportBatch.rows)
        .where(ImportBatch.undone_at.is_(None))
        .order_by(ImportBatch.id.desc()).limit(batch_limit))]
    region = str(settings.get(session, "default_phone_region") or "CN")
    return FilterChoices(campaigns, batches, region)
