"""Offers: the approver's inbox, an agent's requests and a request's details."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from winback_desktop.core import sltv
from winback_desktop.core.domain import (
    Role,
)
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import (
    CallTask,
    Campaign,
    InterviewResponse,
    OfferRequest,
)
from winback_desktop.db.types import utcnow
from winback_desktop.services.context import Actor, current_role, require
from winback_desktop.services.offers.common import (
    EXPIRED_VISIBLE,
    Inbox,
    OfferRequestInfo,
    RequestDetails,
    S,
)
from winback_desktop.services.offers.eligibility import _customer, _tier
from winback_desktop.services.offers.requests import (
    _expiry_minutes,
    _info_query,
    _to_info,
    request_info,
)

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

