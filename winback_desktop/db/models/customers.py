"""Models: import batches and mappings, customers, phones, purchases and risk flags."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from winback_desktop.db.models.base import Base, TimestampMixin
from winback_desktop.db.types import JSONType, utcnow

# ------------------------------------------------------------------------ customers


class ImportBatch(Base):
    __tablename__ = "import_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(String(500))
    sheet: Mapped[str | None] = mapped_column(String(200))
    mode: Mapped[str] = mapped_column(String(20), default="upsert")
    status: Mapped[str] = mapped_column(String(20), default="running")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]
    undone_at: Mapped[datetime | None]
    rows: Mapped[int] = mapped_column(Integer, default=0)
    inserted: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    mapping: Mapped[dict[str, Any] | None]
    #: which kind of list: ``customers`` or ``purchases`` (undo differs)
    kind: Mapped[str] = mapped_column(String(20), default="customers",
                                      server_default="customers")


class ImportMapping(TimestampMixin, Base):
    """A saved column mapping, reused by name from the wizard or ``--mapping``."""

    __tablename__ = "import_mappings"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    mapping: Mapped[dict[str, Any]]


class Customer(TimestampMixin, Base):
    __tablename__ = "customers"
    __table_args__ = (
        # The customers screen sorts 1M rows on the server (ORDER BY col, id LIMIT):
        # each sort index ends with id so PostgreSQL walks it without re-sorting ties
        # (SQLite appends the rowid to every index anyway).
        Index("ix_customers_status_sltv", "status", "sltv_minor", "id"),
        Index("ix_customers_reason_tier", "defection_reason", "sltv_tier", "id"),
        Index("ix_customers_external_id", "external_id", "id"),
        Index("ix_customers_defection_date", "defection_date", "id"),
        Index("ix_customers_segment", "segment", "id"),
        Index("ix_customers_import_batch_id", "import_batch_id", "id"),
        Index("ix_customers_name", "name", "id"),
        Index("ix_customers_sltv_minor", "sltv_minor", "id"),
        # Identity is the database's to enforce: one customer per external ID where
        # there is one (two imports at once cannot both insert it).
        Index("uq_customers_external_id", "external_id", unique=True,
              sqlite_where=text("external_id IS NOT NULL"),
              postgresql_where=text("external_id IS NOT NULL")),
        # Rows without an ID match customers by e-mail, case-insensitively.
        Index("ix_customers_email_lower", text("lower(email)")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Unique where present (uq_customers_external_id).
    external_id: Mapped[str | None] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(20), default="lost")
    defection_reason: Mapped[str] = mapped_column(String(30), default="unknown")
    defection_date: Mapped[date | None] = mapped_column(Date)
    reason_note: Mapped[str | None] = mapped_column(Text)
    trigger: Mapped[str | None] = mapped_column(String(500))
    competitor: Mapped[str | None] = mapped_column(String(200))
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    annual_revenue_minor: Mapped[int | None] = mapped_column(BigInteger)
    annual_margin_minor: Mapped[int | None] = mapped_column(BigInteger)
    last_purchase_date: Mapped[date | None] = mapped_column(Date)
    purchase_count: Mapped[int | None] = mapped_column(Integer)
    city: Mapped[str | None] = mapped_column(String(100))
    region: Mapped[str | None] = mapped_column(String(2))
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Shanghai")
    preferred_language: Mapped[str] = mapped_column(String(10), default="zh")
    email: Mapped[str | None] = mapped_column(String(200))
    sltv_minor: Mapped[int | None] = mapped_column(BigInteger)
    sltv_imported_minor: Mapped[int | None] = mapped_column(BigInteger)
    sltv_tier: Mapped[str | None] = mapped_column(String(10))
    segment: Mapped[str | None] = mapped_column(String(20))
    do_not_call: Mapped[bool] = mapped_column(Boolean, default=False)
    import_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batches.id", ondelete="SET NULL")
    )
    won_back_at: Mapped[datetime | None]
    #: when a save campaign kept this at-risk customer (status ``retained``)
    retained_at: Mapped[datetime | None]
    # Warning signs imported from a CRM or billing export; the risk scan reads them.
    complaints: Mapped[int | None] = mapped_column(Integer)
    overdue_invoices: Mapped[int | None] = mapped_column(Integer)
    downgrade: Mapped[str | None] = mapped_column(String(200))
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    phones: Mapped[list[CustomerPhone]] = relationship(
        back_populates="customer", cascade="all, delete-orphan", order_by="CustomerPhone.id"
    )

    __mapper_args__ = {"version_id_col": version_id}


class CustomerPhone(Base):
    __tablename__ = "customer_phones"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), index=True
    )
    e164: Mapped[str | None] = mapped_column(String(20), index=True)
    raw: Mapped[str] = mapped_column(String(100), default="")
    kind: Mapped[str] = mapped_column(String(20), default="mobile")
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)

    customer: Mapped[Customer] = relationship(back_populates="phones")


# ------------------------------------------------------------- purchases and risk


class Purchase(Base):
    """One imported purchase (or order line) of a customer.

    ``dedupe_key`` identifies the row across imports: the order ID (numbered when an
    order has several lines) or, without one, date, amount and product (numbered when
    repeated), so importing the same file again adds nothing.
    """

    __tablename__ = "purchases"
    __table_args__ = (
        UniqueConstraint("customer_id", "dedupe_key"),
        # The risk scan reads every history in this order: the index covers it.
        Index("ix_purchases_history", "customer_id", "purchased_on", "amount_minor"),
        Index("ix_purchases_import_batch_id", "import_batch_id"),
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"),
                                    primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"))
    purchased_on: Mapped[date] = mapped_column(Date)
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    order_id: Mapped[str | None] = mapped_column(String(100))
    product: Mapped[str | None] = mapped_column(String(200))
    dedupe_key: Mapped[str] = mapped_column(String(400))
    import_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batches.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class PurchaseStats(Base):
    """A customer's rhythm from their purchase history, kept current by imports and
    the risk scan: recency (last purchase), frequency, spend, typical gap."""

    __tablename__ = "purchase_stats"

    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), primary_key=True)
    first_purchase_on: Mapped[date] = mapped_column(Date)
    last_purchase_on: Mapped[date] = mapped_column(Date)
    purchases: Mapped[int] = mapped_column(Integer)
    spend_minor: Mapped[int] = mapped_column(BigInteger)
    #: median days between purchases; None below two purchases
    typical_gap_days: Mapped[float | None]
    #: BG/NBD probability that the customer is still buying, as of the last scan
    p_alive: Mapped[float | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class RiskFlag(Base):
    """A customer the early-warning scan found slipping away, with the signals why.

    ``signals`` is a list of ``{"code": …, "params": {…}}``; screens and the CLI turn
    each into words. ``status``: ``open`` until the customer is worked (saved, still a
    customer, lost) or the flag is dismissed.
    """

    __tablename__ = "risk_flags"
    __table_args__ = (Index("ix_risk_flags_status", "status", "flagged_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), index=True)
    flagged_at: Mapped[datetime] = mapped_column(default=utcnow)
    as_of: Mapped[date] = mapped_column(Date)
    signals: Mapped[list[dict[str, Any]]] = mapped_column(JSONType)
    p_alive: Mapped[float | None]
    previous_status: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), default="open")
    closed_at: Mapped[datetime | None]
    closed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

