"""Win-back offers: cost rules, eligibility, expected return and authority (DESIGN §6).

The book's quick win-back rule is "decide the solutions in advance": the agent sees
at most three generous, pre-costed choices and knows at once whether they may give
one on the spot. Everything here is pure so the same rules serve the workspace, the
approval inbox, the CLI and the reports.

Cost rules (``OfferTemplate.cost_rule``), money in minor units (fen/cents)::

    {"type": "fixed", "amount_minor": 20000}                  credit, service fix, gift
    {"type": "percent_revenue", "percent": 10, "months": 3}   10% off for 3 months
    {"type": "free_period", "months": 1}                       months × monthly revenue
    optional: "min_minor", "max_minor" (clamp), "win_probability" (0..1, default 1)

``win_probability`` is the catalogue's estimate of how likely the offer wins the
customer back; the SLTV recovered is ``SLTV × win_probability`` so that a cheap but
weak offer does not always outrank a generous one.

Eligibility (``OfferTemplate.eligibility``), each list empty or missing = any::

    {"reasons": [...], "tiers": [...], "campaigns": [id or name, ...], "statuses": [...]}
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from winback_desktop.core.domain import OfferRequestStatus, Role, SltvTier
from winback_desktop.core.errors import ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP

MAX_CHOICES = 3


class OfferKind(StrEnum):
    DISCOUNT_PCT = "discount_pct"
    ACCOUNT_CREDIT = "account_credit"
    FREE_PERIOD = "free_period"
    SERVICE_FIX = "service_fix"
    GIFT = "gift"


class CostRuleType(StrEnum):
    FIXED = "fixed"
    PERCENT_REVENUE = "percent_revenue"
    FREE_PERIOD = "free_period"


#: Statuses a supervisor or admin can still decide on.
OPEN_STATUSES = (OfferRequestStatus.PENDING.value, OfferRequestStatus.ESCALATED.value)
#: Statuses in which the agent may present the offer and record the customer's answer.
PRESENTABLE_STATUSES = (
    OfferRequestStatus.AUTO_APPROVED.value,
    OfferRequestStatus.APPROVED.value,
    OfferRequestStatus.COUNTERED.value,
)
#: Statuses after which nothing more happens to a request.
FINAL_STATUSES = (
    OfferRequestStatus.REJECTED.value,
    OfferRequestStatus.EXPIRED.value,
    OfferRequestStatus.ACCEPTED.value,
    OfferRequestStatus.DECLINED.value,
)


# ------------------------------------------------------------------------- cost


def _int(rule: Mapping[str, Any], key: str, default: int | None = None) -> int | None:
    value = rule.get(key, default)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The cost rule value '{key}' must be a number."), key=key
        )
    return int(value)


def validate_cost_rule(rule: Mapping[str, Any] | None) -> dict[str, Any]:
    """A clean copy of ``rule`` or ``ValidationError`` saying what is wrong."""
    if not rule:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "An offer needs a cost rule."))
    kind = rule.get("type")
    try:
        CostRuleType(str(kind))
    except ValueError as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Unknown cost rule '{type}': use fixed, percent_revenue or free_period."),
            type=kind,
        ) from exc
    clean: dict[str, Any] = {"type": str(kind)}
    if kind == CostRuleType.FIXED:
        amount = _int(rule, "amount_minor")
        if amount is None or amount < 0:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "A fixed cost needs an amount of zero or more."))
        clean["amount_minor"] = amount
    if kind == CostRuleType.PERCENT_REVENUE:
        percent = rule.get("percent")
        if not isinstance(percent, int | float) or isinstance(percent, bool) or not (
                0 < percent <= 100):
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "A percentage must be above 0 and at most 100."))
        clean["percent"] = percent
    if kind in (CostRuleType.PERCENT_REVENUE, CostRuleType.FREE_PERIOD):
        months = _int(rule, "months", 12 if kind == CostRuleType.PERCENT_REVENUE else None)
        if months is None or not 1 <= months <= 36:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "The number of months must be 1 to 36."))
        clean["months"] = months
    for key in ("min_minor", "max_minor"):
        value = _int(rule, key)
        if value is not None:
            if value < 0:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("Errors", "The cost rule value '{key}' must be a number."),
                    key=key)
            clean[key] = value
    if "win_probability" in rule and rule["win_probability"] is not None:
        p = rule["win_probability"]
        if not isinstance(p, int | float) or isinstance(p, bool) or not 0 < p <= 1:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "The win probability must be above 0 and at most 1."))
        clean["win_probability"] = float(p)
    return clean


def offer_cost(rule: Mapping[str, Any] | None, annual_revenue_minor: int | None) -> int:
    """What the offer costs us for this customer, in minor units.

    Revenue-based rules on a customer without known revenue cost their ``min_minor``
    (or nothing): the catalogue should set a floor for such offers.
    """
    if not rule:
        return 0
    kind = rule.get("type")
    revenue = max(annual_revenue_minor or 0, 0)
    if kind == CostRuleType.FIXED:
        cost = int(rule.get("amount_minor") or 0)
    elif kind == CostRuleType.PERCENT_REVENUE:
        months = int(rule.get("months") or 12)
        cost = round(revenue * float(rule.get("percent") or 0) / 100 * months / 12)
    elif kind == CostRuleType.FREE_PERIOD:
        cost = round(revenue / 12 * int(rule.get("months") or 1))
    else:
        cost = 0
    if rule.get("min_minor") is not None:
        cost = max(cost, int(rule["min_minor"]))
    if rule.get("max_minor") is not None:
        cost = min(cost, int(rule["max_minor"]))
    return max(cost, 0)


def win_probability(rule: Mapping[str, Any] | None) -> float:
    if not rule or rule.get("win_probability") is None:
        return 1.0
    return float(rule["win_probability"])


def sltv_recovered(sltv_minor: int | None, rule: Mapping[str, Any] | None) -> int:
    """The SLTV this offer is expected to bring back (never negative)."""
    return max(round((sltv_minor or 0) * win_probability(rule)), 0)


def expected_return(sltv_minor: int | None, rule: Mapping[str, Any] | None,
                    cost_minor: int) -> int:
    """SLTV recovered − cost: what ranks the choices in the workspace."""
    return sltv_recovered(sltv_minor, rule) - cost_minor


# ------------------------------------------------------------------ eligibility


@dataclass(frozen=True, slots=True)
class CustomerFacts:
    """What eligibility and authority look at; the service fills it from the rows."""

    reason: str
    tier: str
    status: str
    sltv_minor: int
    annual_revenue_minor: int | None
    campaign_id: int | None = None
    campaign_name: str | None = None


def validate_eligibility(data: Mapping[str, Any] | None) -> dict[str, Any]:
    from winback_desktop.core.domain import CustomerStatus, DefectionReason

    clean: dict[str, Any] = {}
    if not data:
        return clean
    checks: dict[str, set[str]] = {
        "reasons": {r.value for r in DefectionReason},
        "tiers": {t.value for t in SltvTier},
        "statuses": {s.value for s in CustomerStatus},
    }
    for key, allowed in checks.items():
        values = [str(v) for v in data.get(key) or []]
        bad = [v for v in values if v not in allowed]
        if bad:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "Unknown value in offer eligibility: {value}."),
                value=", ".join(bad))
        if values:
            clean[key] = values
    campaigns = list(data.get("campaigns") or [])
    if campaigns:
        clean["campaigns"] = campaigns
    return clean


def is_valid_on(valid_from: date | None, valid_to: date | None, today: date) -> bool:
    return (valid_from is None or valid_from <= today) and (valid_to is None or today <= valid_to)


def is_eligible(
    eligibility: Mapping[str, Any] | None,
    facts: CustomerFacts,
    *,
    active: bool = True,
    valid_from: date | None = None,
    valid_to: date | None = None,
    today: date,
) -> bool:
    """Whether the catalogue allows this offer for this customer today."""
    if not active or not is_valid_on(valid_from, valid_to, today):
        return False
    rules = eligibility or {}
    reasons = rules.get("reasons") or []
    if reasons and facts.reason not in reasons:
        return False
    tiers = rules.get("tiers") or []
    if tiers and facts.tier not in tiers:
        return False
    statuses = rules.get("statuses") or []
    if statuses and facts.status not in statuses:
        return False
    campaigns = rules.get("campaigns") or []
    if campaigns:
        wanted = {str(c) for c in campaigns}
        mine = {str(v) for v in (facts.campaign_id, facts.campaign_name) if v is not None}
        if not wanted & mine:
            return False
    return True


# --------------------------------------------------------------------- ranking


@dataclass(frozen=True, slots=True)
class Candidate:
    template_id: int
    code: str
    cost_minor: int
    sltv_recovered_minor: int

    @property
    def expected_return_minor(self) -> int:
        return self.sltv_recovered_minor - self.cost_minor


def rank(candidates: Iterable[Candidate], limit: int = MAX_CHOICES) -> list[Candidate]:
    """Best expected return first; cheaper first on a tie, then by code (stable)."""
    ordered = sorted(candidates, key=lambda c: (-c.expected_return_minor, c.cost_minor, c.code))
    return ordered[:limit]


# -------------------------------------------------------------------- authority

#: Authority matrix: (role, tier) → highest cost approved without asking anyone.
AuthorityMatrix = Mapping[tuple[str, str], int]

ROLE_ORDER = (Role.AGENT.value, Role.SUPERVISOR.value, Role.ADMIN.value)

#: The matrix migration 0001 seeds (¥ in fen); ``ensure_default_authority`` restores
#: missing cells from it.
DEFAULT_AUTHORITY: dict[tuple[str, str], int] = {
    (role, tier): value
    for role, cells in {
        "agent": {"A": 50_000, "B": 30_000, "C": 15_000, "D": 5_000, "negative": 0},
        "supervisor": {"A": 500_000, "B": 200_000, "C": 80_000, "D": 30_000, "negative": 0},
        "admin": {"A": 5_000_000, "B": 2_000_000, "C": 500_000, "D": 200_000,
                  "negative": 50_000},
    }.items()
    for tier, value in cells.items()
}


def limit_for(matrix: AuthorityMatrix, role: str, tier: str,
              override_minor: int | None = None) -> int:
    """A person's own authority: their per-person override wins over the matrix."""
    if override_minor is not None:
        return override_minor
    return int(matrix.get((role, tier), 0))


@dataclass(frozen=True, slots=True)
class AuthorityDecision:
    status: str  # auto_approved, pending or escalated
    limit_minor: int
    #: who must decide: None (nobody), "supervisor" or "admin"
    approver_role: str | None

    @property
    def within_authority(self) -> bool:
        return self.status == OfferRequestStatus.AUTO_APPROVED.value


def authority_decision(
    cost_minor: int,
    tier: str,
    requester_role: str,
    matrix: AuthorityMatrix,
    override_minor: int | None = None,
) -> AuthorityDecision:
    """Auto-approve within the requester's limit, else route to the lowest role above
    them whose limit for the tier covers the cost; nothing covers it → admin."""
    own = limit_for(matrix, requester_role, tier, override_minor)
    if cost_minor <= own:
        return AuthorityDecision(OfferRequestStatus.AUTO_APPROVED.value, own, None)
    if (requester_role == Role.AGENT.value
            and cost_minor <= limit_for(matrix, Role.SUPERVISOR.value, tier)):
        return AuthorityDecision(OfferRequestStatus.PENDING.value, own, Role.SUPERVISOR.value)
    return AuthorityDecision(OfferRequestStatus.ESCALATED.value, own, Role.ADMIN.value)


def can_approve(approver_role: str, cost_minor: int, tier: str, matrix: AuthorityMatrix,
                override_minor: int | None = None) -> bool:
    """Admins approve anything; a supervisor only within their own limit for the tier."""
    if approver_role == Role.ADMIN.value:
        return True
    if approver_role != Role.SUPERVISOR.value:
        return False
    return cost_minor <= limit_for(matrix, approver_role, tier, override_minor)


# ------------------------------------------------------------------- reporting


def localized_name(name: str, language: str) -> str:
    """Catalogue names are "English / 中文"; show the part for the UI language."""
    if " / " not in name:
        return name
    english, chinese = name.split(" / ", 1)
    return chinese.strip() if language.startswith("zh") else english.strip()


def median(values: Sequence[float]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    mid = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[mid])
    return (ordered[mid - 1] + ordered[mid]) / 2


def ratio(numerator: float, denominator: float) -> float | None:
    return None if not denominator else numerator / denominator
