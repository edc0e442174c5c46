"""Offers: which offers a customer may be given on a call."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from winback_desktop.core import offers as rules
from winback_desktop.core import segmentation
from winback_desktop.core.errors import NotFound
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import (
    Campaign,
    Customer,
    OfferTemplate,
)
from winback_desktop.db.types import utcnow
from winback_desktop.services.context import Actor, current_role, require
from winback_desktop.services.offers.authority import _override, authority_matrix
from winback_desktop.services.offers.common import OfferChoice

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

