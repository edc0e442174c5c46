"""The data model of DESIGN §4 as SQLAlchemy 2 typed models.

Money is integer minor units (fen/cents) in ``*_minor`` columns; times are aware UTC.
Enumerations are stored as short strings (values from ``core.domain``) so that adding
a value needs no schema change on either engine."""

from __future__ import annotations

from winback_desktop.db.models.audit import AuditEntry, Setting
from winback_desktop.db.models.base import NAMING_CONVENTION, Base, TimestampMixin
from winback_desktop.db.models.customers import (
    Customer,
    CustomerPhone,
    ImportBatch,
    ImportMapping,
    Purchase,
    PurchaseStats,
    RiskFlag,
)
from winback_desktop.db.models.interviews import (
    InterviewQuestion,
    InterviewResponse,
    InterviewScript,
)
from winback_desktop.db.models.monitoring import (
    AgentDailyStats,
    AgentPresence,
    CoachingMessage,
    NotReadyReason,
    QaEvaluation,
    QaForm,
    Recording,
    RewardLedgerEntry,
    RewardRedemption,
    RewardRule,
    ScorecardStaleDay,
)
from winback_desktop.db.models.offers import AuthorityLimit, OfferRequest, OfferTemplate
from winback_desktop.db.models.people import CliSession, LoginThrottle, Team, User
from winback_desktop.db.models.plans import (
    PlanEnrollment,
    PlanStepRun,
    WinbackPlan,
    WinbackPlanStep,
    WinModelCell,
    WinModelFact,
    WinModelRate,
    WinModelState,
)
from winback_desktop.db.models.queue import (
    CLAIMABLE_PREDICATE,
    WAITING_PREDICATE,
    Call,
    CallEvent,
    CallTask,
    Campaign,
    CampaignAgent,
    SegmentRule,
    SltvTierThreshold,
)

__all__ = [
    "CLAIMABLE_PREDICATE",
    "NAMING_CONVENTION",
    "WAITING_PREDICATE",
    "AgentDailyStats",
    "AgentPresence",
    "AuditEntry",
    "AuthorityLimit",
    "Base",
    "Call",
    "CallEvent",
    "CallTask",
    "Campaign",
    "CampaignAgent",
    "CliSession",
    "CoachingMessage",
    "Customer",
    "CustomerPhone",
    "ImportBatch",
    "ImportMapping",
    "InterviewQuestion",
    "InterviewResponse",
    "InterviewScript",
    "LoginThrottle",
    "NotReadyReason",
    "OfferRequest",
    "OfferTemplate",
    "PlanEnrollment",
    "PlanStepRun",
    "Purchase",
    "PurchaseStats",
    "QaEvaluation",
    "QaForm",
    "Recording",
    "RewardLedgerEntry",
    "RewardRedemption",
    "RewardRule",
    "RiskFlag",
    "ScorecardStaleDay",
    "SegmentRule",
    "Setting",
    "SltvTierThreshold",
    "Team",
    "TimestampMixin",
    "User",
    "WinModelCell",
    "WinModelFact",
    "WinModelRate",
    "WinModelState",
    "WinbackPlan",
    "WinbackPlanStep",
]
