"""The data model of DESIGN §4 as SQLAlchemy 2 typed models.

Money is integer minor units (fen/cents) in ``*_minor`` columns; times are aware UTC.
Enumerations are stored as short strings (values from ``core.domain``) so that adding
a value needs no schema change on either engine.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from winback_desktop.db.types import JSONType, UTCDateTime, utcnow

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSONType}


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


# --------------------------------------------------------------------------- people


class Team(TimestampMixin, Base):
    __tablename__ = "teams"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)

    members: Mapped[list[User]] = relationship(
        back_populates="team", foreign_keys="User.team_id"
    )


class User(TimestampMixin, Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(20), index=True)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id", ondelete="SET NULL"))
    password_hash: Mapped[str] = mapped_column(String(255))
    password_changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    last_login_at: Mapped[datetime | None]
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    language: Mapped[str | None] = mapped_column(String(10))
    # Skills that match agents to win-back conditions (DESIGN §4, issue 5).
    skill_tiers: Mapped[list[str] | None] = mapped_column(JSONType)
    skill_reasons: Mapped[list[str] | None] = mapped_column(JSONType)
    languages: Mapped[list[str] | None] = mapped_column(JSONType)
    seniority: Mapped[str] = mapped_column(String(20), default="senior")
    authority_override_minor: Mapped[int | None] = mapped_column(BigInteger)

    team: Mapped[Team | None] = relationship(back_populates="members", foreign_keys=[team_id])


class CliSession(Base):
    """A ``winback login`` on one workstation: the command line acts as this user.

    Only a SHA-256 of the token is kept, so a copy of the database grants nothing; an
    admin revokes a session by setting ``revoked_at`` (deactivating the user ends all).
    """

    __tablename__ = "cli_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    workstation: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    last_used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]


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


# --------------------------------------------------------------------- segmentation


class SltvTierThreshold(Base):
    """Lower SLTV bound of each tier; tiers are checked from the highest bound down."""

    __tablename__ = "sltv_tiers"

    tier: Mapped[str] = mapped_column(String(10), primary_key=True)
    min_sltv_minor: Mapped[int] = mapped_column(BigInteger)


class SegmentRule(Base):
    """One cell of the segmentation grid: SLTV tier × defection reason → treatment."""

    __tablename__ = "segment_rules"
    __table_args__ = (UniqueConstraint("tier", "reason"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tier: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str] = mapped_column(String(30))
    treatment: Mapped[str] = mapped_column(String(20))


# ------------------------------------------------------------------ campaigns/queue


class CampaignAgent(Base):
    __tablename__ = "campaign_agents"
    # "this agent's campaigns": every claim's settings check reads them
    __table_args__ = (Index("ix_campaign_agents_user", "user_id", "campaign_id"),)

    campaign_id: Mapped[int] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )


class Campaign(TimestampMixin, Base):
    __tablename__ = "campaigns"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(20), default="win_back")
    status: Mapped[str] = mapped_column(String(20), default="draft")
    customer_filter: Mapped[dict[str, Any] | None]
    window_start: Mapped[time] = mapped_column(Time, default=time(9, 0))
    window_end: Mapped[time] = mapped_column(Time, default=time(20, 0))
    max_attempts: Mapped[int] = mapped_column(Integer, default=5)
    retry_gap_minutes: Mapped[int] = mapped_column(Integer, default=240)
    lease_minutes: Mapped[int] = mapped_column(Integer, default=15)
    sltv_params: Mapped[dict[str, Any] | None]
    #: the order claims hand out queued tasks in: ``sltv`` or ``expected_value``
    queue_order: Mapped[str] = mapped_column(String(20), default="sltv", server_default="sltv")
    script_id: Mapped[int | None] = mapped_column(
        ForeignKey("interview_scripts.id", ondelete="SET NULL")
    )
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    started_at: Mapped[datetime | None]


#: tasks a claim may hand out (the partial index ``ix_call_tasks_claim`` holds only
#: these): queued, worth pursuing, not waiting out a retry gap
CLAIMABLE_PREDICATE = ("status = 'queued' AND (segment IS NULL OR segment <> 'do_not_pursue') "
                       "AND next_eligible_at IS NULL")
#: queued tasks waiting out a retry gap (``ix_call_tasks_waiting``); claims clear
#: ``next_eligible_at`` once it has passed, which puts them back among the claimable
WAITING_PREDICATE = "status = 'queued' AND next_eligible_at IS NOT NULL"


class CallTask(TimestampMixin, Base):
    """One customer in one campaign's queue (DESIGN §5).

    Ordering inputs (SLTV, defection date, tier, reason, language) are copied here so
    that claiming the next task reads one table through one index.
    """

    __tablename__ = "call_tasks"
    __table_args__ = (
        UniqueConstraint("campaign_id", "customer_id"),
        Index("ix_call_tasks_queue", "campaign_id", "status", "sltv_minor", "id"),
        # What a claim reads: only claimable tasks, one (campaign, zone) range at a time,
        # backwards = SLTV desc, then most recent defection. Queries repeat the predicate.
        Index("ix_call_tasks_claim", "campaign_id", "timezone", "sltv_minor", "defection_date",
              "id", sqlite_where=text(CLAIMABLE_PREDICATE),
              postgresql_where=text(CLAIMABLE_PREDICATE)),
        # The same for campaigns that order by expected value (P(win) × SLTV − costs).
        Index("ix_call_tasks_claim_ev", "campaign_id", "timezone", "expected_value_minor",
              "defection_date", "id", sqlite_where=text(CLAIMABLE_PREDICATE),
              postgresql_where=text(CLAIMABLE_PREDICATE)),
        Index("ix_call_tasks_waiting", "next_eligible_at", sqlite_where=text(WAITING_PREDICATE),
              postgresql_where=text(WAITING_PREDICATE)),
        Index("ix_call_tasks_callbacks", "campaign_id", "status", "callback_at"),
        Index("ix_call_tasks_lease", "status", "lease_expires_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"))
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(20), default="queued")
    sltv_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    sltv_tier: Mapped[str | None] = mapped_column(String(10))
    #: treatment of the customer's grid cell; ``do_not_pursue`` is never claimed
    segment: Mapped[str | None] = mapped_column(String(20))
    defection_reason: Mapped[str] = mapped_column(String(30), default="unknown")
    defection_date: Mapped[date | None] = mapped_column(Date)
    language: Mapped[str] = mapped_column(String(10), default="zh")
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Shanghai")
    claimed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    claimed_at: Mapped[datetime | None]
    lease_expires_at: Mapped[datetime | None]
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_attempt_at: Mapped[datetime | None]
    next_eligible_at: Mapped[datetime | None]
    callback_at: Mapped[datetime | None]
    callback_owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    last_disposition: Mapped[str | None] = mapped_column(String(30))
    #: P(win) of the next call, and its expected value in minor units, as the win model
    #: last scored the task (``services.win_model``); 0 / NULL until it has
    p_win: Mapped[float | None]
    expected_value_minor: Mapped[int] = mapped_column(BigInteger, default=0,
                                                      server_default="0")


def _initial_step(context: Any) -> str:
    """A call inserted with its outcome is closed; one without is being dialled."""
    params = context.get_current_parameters() if context is not None else {}
    return "done" if params.get("disposition") else "dialling"


class Call(Base):
    __tablename__ = "calls"
    __table_args__ = (
        Index("ix_calls_started_at", "started_at"),
        Index("ix_calls_agent_started", "agent_id", "started_at"),
        # The live board counts flagged calls every refresh: few rows, found by index.
        Index("ix_calls_flagged", "flagged_for_review", "started_at"),
        # Calls left open past their lease are found by step and lease (few rows).
        Index("ix_calls_step_lease", "step", "lease_expires_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int | None] = mapped_column(
        ForeignKey("call_tasks.id", ondelete="SET NULL"), index=True
    )
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), index=True
    )
    campaign_id: Mapped[int | None] = mapped_column(
        ForeignKey("campaigns.id", ondelete="SET NULL")
    )
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    phone_e164: Mapped[str | None] = mapped_column(String(20))
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    answered_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]
    wrapup_ended_at: Mapped[datetime | None]
    disposition: Mapped[str | None] = mapped_column(String(30))
    notes: Mapped[str | None] = mapped_column(Text)
    callback_at: Mapped[datetime | None]
    flagged_for_review: Mapped[bool] = mapped_column(Boolean, default=False)
    flagged_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # Issue 20: who set the answer and end times ("phone" = measured from the phone
    # system's events, "agent" = entered with the buttons; NULL before either), why the
    # call ended, and hold time measured from hold/resume events (NULL = not measured).
    answered_by: Mapped[str | None] = mapped_column(String(10))
    ended_by: Mapped[str | None] = mapped_column(String(10))
    end_cause: Mapped[str | None] = mapped_column(String(30))
    hold_seconds: Mapped[int | None] = mapped_column(Integer)
    #: the customer's SLTV in the call's campaign when a win-back or save outcome was
    #: recorded: what "SLTV recovered / saved" sums, unmoved by later recomputes
    sltv_minor: Mapped[int | None] = mapped_column(BigInteger)
    #: the call's step (core.call_flow.CallStep); a row written whole, with its outcome,
    #: is ``done``, one without an outcome is ``dialling``
    step: Mapped[str] = mapped_column(String(12), default=_initial_step,
                                      server_default="done")
    #: the call is abandoned (its task returns to the queue) if its agent's app stops
    #: renewing this: a crash, a quit, a lost network
    lease_expires_at: Mapped[datetime | None]
    #: when the outcome was recorded (the agent's 15 minutes to amend run from here)
    outcome_at: Mapped[datetime | None]
    #: why a call was closed without an outcome (crash, quit, logout, lease_expired)
    abandon_reason: Mapped[str | None] = mapped_column(String(20))
    #: the last time a recorded outcome was amended (the audit log says by whom and why)
    amended_at: Mapped[datetime | None]


class CallEvent(Base):
    """What the phone system reported about a call; ``dedupe_key`` makes repeats no-ops."""

    __tablename__ = "call_events"
    __table_args__ = (UniqueConstraint("call_id", "dedupe_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    call_id: Mapped[int] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    dedupe_key: Mapped[str] = mapped_column(String(120))
    at: Mapped[datetime]
    source: Mapped[str] = mapped_column(String(20))
    cause: Mapped[str | None] = mapped_column(String(30))
    detail: Mapped[str | None] = mapped_column(String(300))
    path: Mapped[str | None] = mapped_column(String(1000))
    external_id: Mapped[str | None] = mapped_column(String(200))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)


# ------------------------------------------------------------- long-term win-back plans


class WinbackPlan(TimestampMixin, Base):
    """A template of steps over several channels for long-term win-back (DESIGN §12).

    ``default_reasons``: the long-term segments (defection reasons) this plan is the
    default for; ``["*"]`` is any reason. ``kind`` ``courtesy`` is the single polite
    step for customers not pursued. Call steps go to ``campaign_id``'s queue.
    """

    __tablename__ = "winback_plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20), default="long_term")
    default_reasons: Mapped[list[str] | None] = mapped_column(JSONType)
    campaign_id: Mapped[int | None] = mapped_column(
        ForeignKey("campaigns.id", ondelete="SET NULL"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    steps: Mapped[list[WinbackPlanStep]] = relationship(
        back_populates="plan", cascade="all, delete-orphan",
        order_by="WinbackPlanStep.position")


class WinbackPlanStep(Base):
    __tablename__ = "winback_plan_steps"
    __table_args__ = (UniqueConstraint("plan_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("winback_plans.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    #: letter, email, sms, call or visit
    channel: Mapped[str] = mapped_column(String(10))
    #: days after the previous step (after enrolling, for the first)
    wait_days: Mapped[int] = mapped_column(Integer, default=0)
    #: the script or text; ``{name}`` is the customer's name in a mail merge
    text: Mapped[str] = mapped_column(Text, default="")
    #: who does it: a role (agent, supervisor, admin) and/or one user
    owner_role: Mapped[str | None] = mapped_column(String(20))
    owner_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))

    plan: Mapped[WinbackPlan] = relationship(back_populates="steps")


class PlanEnrollment(Base):
    """One customer following one plan; ``status`` active until done or ended."""

    __tablename__ = "plan_enrollments"
    __table_args__ = (Index("ix_plan_enrollments_customer", "customer_id", "status"),
                      Index("ix_plan_enrollments_status", "status", "plan_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("winback_plans.id", ondelete="RESTRICT"))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"))
    campaign_id: Mapped[int | None] = mapped_column(
        ForeignKey("campaigns.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(20), default="active")
    enrolled_at: Mapped[datetime] = mapped_column(default=utcnow)
    enrolled_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    ended_at: Mapped[datetime | None]
    end_reason: Mapped[str | None] = mapped_column(String(30))


class PlanStepRun(Base):
    """A step scheduled for one enrolment: a copy of the template's step (later edits of
    the template do not change what was planned), its due day and what became of it."""

    __tablename__ = "plan_step_runs"
    __table_args__ = (Index("ix_plan_step_runs_due", "status", "due_on"),
                      Index("ix_plan_step_runs_enrollment", "enrollment_id", "position"))

    id: Mapped[int] = mapped_column(primary_key=True)
    enrollment_id: Mapped[int] = mapped_column(
        ForeignKey("plan_enrollments.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    channel: Mapped[str] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text, default="")
    owner_role: Mapped[str | None] = mapped_column(String(20))
    owner_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))
    due_on: Mapped[date] = mapped_column(Date)
    #: pending, done, skipped, cancelled
    status: Mapped[str] = mapped_column(String(20), default="pending")
    task_id: Mapped[int | None] = mapped_column(ForeignKey("call_tasks.id", ondelete="SET NULL"))
    done_at: Mapped[datetime | None]
    done_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    outcome: Mapped[str | None] = mapped_column(String(30))
    note: Mapped[str | None] = mapped_column(Text)


# ----------------------------------------------------------------- the win model


class WinModelFact(Base):
    """One finished call as the win model counts it: its cell as it was then (kind,
    reason, tier, segment, attempt number, time since defection) and whether it won.
    Kept per call so that an amended outcome moves exactly its own try."""

    __tablename__ = "win_model_facts"

    call_id: Mapped[int] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"),
                                         primary_key=True)
    campaign_id: Mapped[int | None] = mapped_column(
        ForeignKey("campaigns.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(String(30))
    tier: Mapped[str] = mapped_column(String(10), default="")
    segment: Mapped[str] = mapped_column(String(20), default="")
    attempt: Mapped[int] = mapped_column(Integer)
    age: Mapped[int] = mapped_column(Integer)
    won: Mapped[bool] = mapped_column(Boolean, default=False)
    #: the model's P(win) for this call when it was made (for calibration)
    p_predicted: Mapped[float | None]
    observed_at: Mapped[datetime] = mapped_column(default=utcnow)


class WinModelCell(Base):
    """Tries and wins per cell: the sums of ``win_model_facts`` the model is fitted on."""

    __tablename__ = "win_model_cells"

    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    reason: Mapped[str] = mapped_column(String(30), primary_key=True)
    tier: Mapped[str] = mapped_column(String(10), primary_key=True)
    segment: Mapped[str] = mapped_column(String(20), primary_key=True)
    attempt: Mapped[int] = mapped_column(Integer, primary_key=True)
    age: Mapped[int] = mapped_column(Integer, primary_key=True)
    tries: Mapped[int] = mapped_column(Integer, default=0)
    wins: Mapped[int] = mapped_column(Integer, default=0)


class WinModelState(Base):
    """The refresh mark: every finished call up to ``facts_through_call_id`` has its
    fact, so an ordinary refresh reads only the calls after it; ``layout`` names the
    cell numbering of ``win_model_rates`` (a new layout republishes every cell)."""

    __tablename__ = "win_model_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    facts_through_call_id: Mapped[int] = mapped_column(BigInteger, default=0)
    layout: Mapped[str] = mapped_column(String(200), default="")
    refreshed_at: Mapped[datetime | None]


class WinModelRate(Base):
    """P(win) of one cell (flat cell number) as the tasks carry it: republished only
    when the model moved it by more than the tolerance."""

    __tablename__ = "win_model_rates"

    code: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    p: Mapped[float]


# ---------------------------------------------------------------------- interviews


class InterviewScript(TimestampMixin, Base):
    """A versioned exit-interview script; a published version is never edited."""

    __tablename__ = "interview_scripts"
    __table_args__ = (UniqueConstraint("name", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    kind: Mapped[str] = mapped_column(String(20), default="win_back")
    language: Mapped[str] = mapped_column(String(10), default="en")
    description: Mapped[str | None] = mapped_column(Text)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("interview_scripts.id", ondelete="SET NULL")
    )
    published_at: Mapped[datetime | None]
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    questions: Mapped[list[InterviewQuestion]] = relationship(
        back_populates="script",
        cascade="all, delete-orphan",
        order_by="InterviewQuestion.position",
    )


class InterviewQuestion(Base):
    __tablename__ = "interview_questions"
    __table_args__ = (UniqueConstraint("script_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    script_id: Mapped[int] = mapped_column(
        ForeignKey("interview_scripts.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(50))
    text: Mapped[str] = mapped_column(Text)
    qtype: Mapped[str] = mapped_column(String(20))
    required: Mapped[bool] = mapped_column(Boolean, default=False)
    help_text: Mapped[str | None] = mapped_column(Text)
    #: choices with label, value, per-reason weights and an optional ``goto`` key.
    options: Mapped[dict[str, Any] | None]

    script: Mapped[InterviewScript] = relationship(back_populates="questions")


class InterviewResponse(TimestampMixin, Base):
    __tablename__ = "interview_responses"

    id: Mapped[int] = mapped_column(primary_key=True)
    script_id: Mapped[int] = mapped_column(
        ForeignKey("interview_scripts.id", ondelete="RESTRICT"), index=True
    )
    call_id: Mapped[int | None] = mapped_column(
        ForeignKey("calls.id", ondelete="SET NULL"), index=True
    )
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), index=True
    )
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(20), default="in_progress")
    answers: Mapped[dict[str, Any] | None]
    current_question_key: Mapped[str | None] = mapped_column(String(50))
    completed_at: Mapped[datetime | None]
    proposed_reason: Mapped[str | None] = mapped_column(String(30))
    confirmed_reason: Mapped[str | None] = mapped_column(String(30))
    reason_overridden: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str | None] = mapped_column(Text)


# --------------------------------------------------------------------------- offers


class OfferTemplate(TimestampMixin, Base):
    """One version of a catalogue offer; requests point at the version they offered."""

    __tablename__ = "offer_templates"
    __table_args__ = (UniqueConstraint("code", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(50))
    version: Mapped[int] = mapped_column(Integer, default=1)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(30))
    cost_rule: Mapped[dict[str, Any] | None]
    eligibility: Mapped[dict[str, Any] | None]
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class AuthorityLimit(Base):
    """Role × SLTV tier → the highest offer cost approved without asking anyone."""

    __tablename__ = "authority_limits"
    __table_args__ = (UniqueConstraint("role", "tier"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    role: Mapped[str] = mapped_column(String(20))
    tier: Mapped[str] = mapped_column(String(10))
    max_cost_minor: Mapped[int] = mapped_column(BigInteger, default=0)


class OfferRequest(TimestampMixin, Base):
    __tablename__ = "offer_requests"
    __table_args__ = (Index("ix_offer_requests_status", "status", "requested_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    offer_template_id: Mapped[int] = mapped_column(
        ForeignKey("offer_templates.id", ondelete="RESTRICT")
    )
    task_id: Mapped[int | None] = mapped_column(ForeignKey("call_tasks.id", ondelete="SET NULL"))
    call_id: Mapped[int | None] = mapped_column(ForeignKey("calls.id", ondelete="SET NULL"))
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), index=True
    )
    agent_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[str] = mapped_column(String(20), default="pending")
    cost_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    sltv_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    agent_note: Mapped[str | None] = mapped_column(Text)
    requested_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime | None]
    escalated_to: Mapped[str | None] = mapped_column(String(20))
    decided_at: Mapped[datetime | None]
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decision_note: Mapped[str | None] = mapped_column(Text)
    counter_offer: Mapped[dict[str, Any] | None]
    outcome_at: Mapped[datetime | None]
    decline_reason: Mapped[str | None] = mapped_column(Text)
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version_id}


# ---------------------------------------------------------------- monitoring and QA


class AgentPresence(Base):
    __tablename__ = "agent_presence"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    state: Mapped[str] = mapped_column(String(20), default="offline")
    since: Mapped[datetime] = mapped_column(default=utcnow)
    heartbeat_at: Mapped[datetime] = mapped_column(default=utcnow)
    campaign_id: Mapped[int | None] = mapped_column(
        ForeignKey("campaigns.id", ondelete="SET NULL")
    )
    current_customer_id: Mapped[int | None] = mapped_column(
        ForeignKey("customers.id", ondelete="SET NULL")
    )
    current_call_id: Mapped[int | None] = mapped_column(ForeignKey("calls.id", ondelete="SET NULL"))
    script_step: Mapped[str | None] = mapped_column(String(100))
    workstation: Mapped[str | None] = mapped_column(String(100))
    #: why the agent is not ready (a ``NotReadyReason.code``) while the state is ``break``
    reason: Mapped[str | None] = mapped_column(String(40))
    #: the agent asked for help (the board lights their row) until they withdraw it
    help_requested_at: Mapped[datetime | None]
    #: a supervisor forced this state (not ready or logged out); the agent's desk obeys
    forced_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    forced_at: Mapped[datetime | None]


class NotReadyReason(Base):
    """Why an agent is not taking customers (break, lunch, training …); admins edit the
    list. Built-in codes are shown translated; ``name`` labels a reason an admin added."""

    __tablename__ = "not_ready_reasons"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str | None] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Recording(Base):
    __tablename__ = "recordings"

    id: Mapped[int] = mapped_column(primary_key=True)
    call_id: Mapped[int | None] = mapped_column(
        ForeignKey("calls.id", ondelete="SET NULL"), index=True
    )
    path: Mapped[str] = mapped_column(String(1000))
    duration_ms: Mapped[int | None] = mapped_column(Integer)
    sha256: Mapped[str | None] = mapped_column(String(64))
    matched_by: Mapped[str] = mapped_column(String(20), default="manual")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class QaForm(TimestampMixin, Base):
    __tablename__ = "qa_forms"
    __table_args__ = (UniqueConstraint("name", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    #: weighted criteria: key, label, weight, critical flag
    criteria: Mapped[dict[str, Any]]


class QaEvaluation(TimestampMixin, Base):
    __tablename__ = "qa_evaluations"

    id: Mapped[int] = mapped_column(primary_key=True)
    call_id: Mapped[int] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"), index=True)
    form_id: Mapped[int] = mapped_column(ForeignKey("qa_forms.id", ondelete="RESTRICT"))
    evaluator_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    agent_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    scores: Mapped[dict[str, Any] | None]
    score_pct: Mapped[int | None] = mapped_column(Integer)
    critical_fail: Mapped[bool] = mapped_column(Boolean, default=False)
    coaching_notes: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="submitted")
    agent_comment: Mapped[str | None] = mapped_column(Text)
    acknowledged_at: Mapped[datetime | None]
    calibration_session: Mapped[str | None] = mapped_column(String(100))


# -------------------------------------------------------------------------- rewards


class RewardRule(TimestampMixin, Base):
    __tablename__ = "reward_rules"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(30))
    params: Mapped[dict[str, Any] | None]
    points: Mapped[int] = mapped_column(Integer, default=0)
    effective_from: Mapped[date] = mapped_column(Date)
    effective_to: Mapped[date | None] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class RewardLedgerEntry(Base):
    """Append-only: corrections are reversal entries, never updates."""

    __tablename__ = "reward_ledger"
    __table_args__ = (
        Index("ix_reward_ledger_agent_at", "agent_id", "created_at"),
        Index("ix_reward_ledger_source", "source_type", "source_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    agent_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    points: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    rule_id: Mapped[int | None] = mapped_column(ForeignKey("reward_rules.id", ondelete="SET NULL"))
    source_type: Mapped[str | None] = mapped_column(String(30))
    source_id: Mapped[int | None] = mapped_column(BigInteger)
    reverses_id: Mapped[int | None] = mapped_column(
        ForeignKey("reward_ledger.id", ondelete="RESTRICT")
    )
    reason: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class RewardRedemption(Base):
    """An agent's request to spend points; approved ones debit the ledger."""

    __tablename__ = "reward_redemptions"
    __table_args__ = (Index("ix_reward_redemptions_status", "status", "requested_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agent_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    item: Mapped[str] = mapped_column(String(100))
    points: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), default="pending")
    requested_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_at: Mapped[datetime | None]
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    note: Mapped[str | None] = mapped_column(Text)
    ledger_entry_id: Mapped[int | None] = mapped_column(
        ForeignKey("reward_ledger.id", ondelete="SET NULL")
    )


class AgentDailyStats(Base):
    """Per-agent, per-UTC-day call totals: scorecards read closed days from here."""

    __tablename__ = "agent_daily_stats"

    agent_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    dials: Mapped[int] = mapped_column(Integer, default=0)
    contacts: Mapped[int] = mapped_column(Integer, default=0)
    rpc: Mapped[int] = mapped_column(Integer, default=0)
    winback_rpc: Mapped[int] = mapped_column(Integer, default=0)
    save_rpc: Mapped[int] = mapped_column(Integer, default=0)
    win_backs: Mapped[int] = mapped_column(Integer, default=0)
    sltv_recovered_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    saves: Mapped[int] = mapped_column(Integer, default=0)
    sltv_saved_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    handled_calls: Mapped[int] = mapped_column(Integer, default=0)
    talk_seconds: Mapped[float] = mapped_column(default=0.0)
    hold_seconds: Mapped[float] = mapped_column(default=0.0)
    wrap_seconds: Mapped[float] = mapped_column(default=0.0)
    computed_at: Mapped[datetime] = mapped_column(default=utcnow)


class ScorecardStaleDay(Base):
    """A closed UTC day whose calls changed after it was rolled up (an amended outcome,
    a late wrap-up, a call logged afterwards). Database triggers on ``calls`` write it,
    so no code path can forget; ``scorecards.refresh_rollups`` recomputes the day."""

    __tablename__ = "scorecard_stale_days"

    day: Mapped[date] = mapped_column(Date, primary_key=True)


class CoachingMessage(Base):
    """A supervisor's short message that pops up in the agent's workspace."""

    __tablename__ = "coaching_messages"
    __table_args__ = (Index("ix_coaching_messages_to_read", "to_user_id", "read_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    from_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))
    to_user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    call_id: Mapped[int | None] = mapped_column(ForeignKey("calls.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    read_at: Mapped[datetime | None]


# ----------------------------------------------------------------- audit & settings


class AuditEntry(Base):
    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_at", "at"),
        Index("ix_audit_log_entity", "entity", "entity_id"),
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    user_login: Mapped[str | None] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(60))
    entity_id: Mapped[str | None] = mapped_column(String(64))
    before: Mapped[dict[str, Any] | None]
    after: Mapped[dict[str, Any] | None]
    workstation: Mapped[str | None] = mapped_column(String(100))
    #: where the action came from: ``gui``, ``cli`` (None before this was recorded)
    channel: Mapped[str | None] = mapped_column(String(10))


class Setting(Base):
    """A setting: scope ``global`` for the team, ``user:<id>`` for one person."""

    __tablename__ = "settings"
    __table_args__ = (UniqueConstraint("scope", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    scope: Mapped[str] = mapped_column(String(40), default="global")
    key: Mapped[str] = mapped_column(String(100))
    value: Mapped[Any] = mapped_column(JSONType, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
