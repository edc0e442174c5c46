"""Offers: requesting, deciding, expiring and recording the outcome of an offer request."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session, aliased

from winback_desktop.core import offers as rules
from winback_desktop.core.call_flow import CallStep
from winback_desktop.core.domain import (
    CustomerStatus,
    Role,
)
from winback_desktop.core.errors import Conflict, NotFound, ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import (
    AuditEntry,
    Call,
    CallTask,
    Customer,
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
from winback_desktop.services.offers.authority import _override, authority_matrix
from winback_desktop.services.offers.catalogue import _template
from winback_desktop.services.offers.common import (
    _REQUEST_FIELDS,
    DEFAULT_EXPIRY_MINUTES,
    EXPIRY_SETTING,
    BulkResult,
    Decision,
    OfferRequestInfo,
    S,
)
from winback_desktop.services.offers.eligibility import _customer, _facts, _tier

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

