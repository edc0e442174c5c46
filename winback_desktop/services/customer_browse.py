"""What the customers screen adds around the shared customer card: where a customer
came from (import batch), how many calls they had, and the filter bar's choices."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import Call, Campaign, Customer, ImportBatch
from winback_desktop.db.session import Database
from winback_desktop.services import customer_card, settings
from winback_desktop.services.context import Actor, require
from winback_desktop.services.customer_card import CustomerCard


@dataclass(frozen=True)
class BatchInfo:
    id: int
    file_name: str
    sheet: str | None
    started_at: datetime
    status: str


@dataclass(frozen=True)
class CustomerOrigin:
    """The import batch that created or last updated the customer, and call count."""

    batch: BatchInfo | None
    call_count: int


def customer_origin(session: Session, actor: Actor, customer_id: int) -> CustomerOrigin:
    require(actor, Permission.VIEW_CUSTOMERS)
    batch_id = session.scalar(select(Customer.import_batch_id)
                              .where(Customer.id == customer_id))
    batch = None
    if batch_id is not None:
        b = session.get(ImportBatch, batch_id)
        if b is not None:
            batch = BatchInfo(b.id, b.file_name, b.sheet, b.started_at, b.status)
    calls = session.scalar(
        select(func.count()).select_from(Call).where(Call.customer_id == customer_id)) or 0
    return CustomerOrigin(batch, int(calls))


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


# ----------------------------------------------------- the customers screen's reads


@dataclass(frozen=True)
class CustomerDetails:
    """What the customers screen's card pane shows for one customer, read at once."""

    card: CustomerCard
    origin: CustomerOrigin


def customer_details(db: Database, actor: Actor, customer_id: int, *,
                     history: int = 50) -> CustomerDetails:
    """The card (with ``history`` calls and offers) and where the customer came from, in
    one read so the two never describe different moments."""
    with db.session() as session:
        card = customer_card.customer_card(session, actor, customer_id, history=history)
        return CustomerDetails(card, customer_origin(session, actor, customer_id))


def load_filter_choices(db: Database, actor: Actor) -> FilterChoices:
    """``filter_choices`` as its own unit of work (the screen's filter bar)."""
    with db.session() as session:
        return filter_choices(session, actor)
