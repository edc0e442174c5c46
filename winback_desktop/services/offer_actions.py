"""What supervisors and admins do with offers: each function is one action, its own unit
of work (permission checked and changes audited by the ``offers`` building blocks).

The approvals inbox, the offer catalogue screen and the ``winback offer`` commands call
these; none of them opens a session. Results that change data say so (``Changes``) so
every screen showing offers refreshes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from winback_desktop.core.errors import WinbackError
from winback_desktop.db.session import Database
from winback_desktop.services import offers
from winback_desktop.services.changes import Changes, Done, Topic
from winback_desktop.services.context import Actor
from winback_desktop.services.offers import (
    BulkResult,
    Inbox,
    OfferReport,
    RequestDetails,
    TemplateInfo,
)

OFFERS_CHANGED = Changes.of(Topic.OFFERS)


@dataclass(frozen=True, slots=True)
class OfferForm:
    """An offer template as the catalogue editor fills it in."""

    name: str
    kind: str
    cost_rule: Mapping[str, Any]
    eligibility: Mapping[str, Any] | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    active: bool = True


@dataclass(frozen=True, slots=True)
class OfferSaved:
    template: TemplateInfo
    changes: Changes = OFFERS_CHANGED


@dataclass(frozen=True, slots=True)
class OffersAdded:
    count: int
    changes: Changes = OFFERS_CHANGED


@dataclass(frozen=True, slots=True)
class OfferSetup:
    """The catalogue screen: offers, the authority matrix and per-person overrides."""

    templates: list[TemplateInfo]
    matrix: dict[tuple[str, str], int]
    overrides: list[tuple[int, str, str, str, int | None]]


@dataclass(frozen=True, slots=True)
class Decisions:
    """One result per request decided; a conflict on one does not undo the others."""

    results: list[BulkResult]
    changes: Changes = OFFERS_CHANGED

    @property
    def decided(self) -> list[BulkResult]:
        return [r for r in self.results if r.ok]

    @property
    def escalated(self) -> int:
        return sum(1 for r in self.results if r.ok and r.status == "escalated")


# -------------------------------------------------------------- the catalogue


def catalogue(db: Database, actor: Actor, *, include_inactive: bool = True,
              all_versions: bool = False) -> list[TemplateInfo]:
    with db.session() as session:
        return offers.list_templates(session, actor, include_inactive=include_inactive,
                                     all_versions=all_versions)


def offer_setup(db: Database, actor: Actor) -> OfferSetup:
    with db.session() as session:
        return OfferSetup(offers.list_templates(session, actor),
                          offers.get_authority_matrix(session, actor),
                          offers.authority_overrides(session, actor))


def save_offer(db: Database, actor: Actor, template_id: int | None, form: OfferForm, *,
               code: str = "") -> OfferSaved:
    """A new offer (``template_id`` None, with its ``code``) or a new version of one."""
    with db.session() as session:
        if template_id is None:
            return OfferSaved(offers.create_template(
                session, actor, code=code, name=form.name, kind=form.kind,
                cost_rule=form.cost_rule, eligibility=form.eligibility,
                valid_from=form.valid_from, valid_to=form.valid_to, active=form.active))
        return OfferSaved(offers.update_template(
            session, actor, template_id, name=form.name, kind=form.kind,
            cost_rule=form.cost_rule, eligibility=form.eligibility, valid_from=form.valid_from,
            valid_to=form.valid_to, active=form.active))


def add_shipped_offers(db: Database, actor: Actor) -> OffersAdded:
    """The offers that ship with the app, those not in the catalogue yet."""
    with db.session() as session:
        return OffersAdded(offers.add_default_offers(session, actor))


def save_authority(db: Database, actor: Actor, matrix: Mapping[tuple[str, str], int],
                   overrides: Mapping[int, int | None]) -> Done:
    """The role × tier limits and personal limits, together: all or nothing."""
    with db.session() as session:
        offers.set_authority_matrix(session, actor, matrix)
        for user_id, limit in overrides.items():
            offers.set_authority_override(session, actor, user_id, limit)
    return Done(OFFERS_CHANGED)


# ---------------------------------------------------------------- approvals


def approvals_inbox(db: Database, actor: Actor) -> Inbox:
    """What waits for this supervisor, after closing requests nobody decided in time."""
    offers.expire_stale(db)
    with db.session() as session:
        return offers.pending_for(session, actor)


def request_details(db: Database, actor: Actor, request_id: int) -> RequestDetails:
    with db.session() as session:
        return offers.request_details(session, actor, request_id)


def decide_requests(db: Database, actor: Actor, request_ids: Iterable[int], decision: str,
                    note: str | None = None,
                    counter: Mapping[str, Any] | None = None) -> Decisions:
    """Approve, reject or counter (one request only) each request in its own transaction."""
    ids = list(request_ids)
    if counter is not None and len(ids) == 1:
        try:
            info = offers.decide(db, actor, ids[0], decision, note, counter)
        except WinbackError as exc:
            return Decisions([BulkResult(ids[0], False, error=exc)])
        return Decisions([BulkResult(ids[0], True, info.status)])
    return Decisions(offers.bulk_decide(db, actor, ids, decision, note))


# ------------------------------------------------------------------- reports


def offer_report(db: Database, actor: Actor, *, since: datetime | None = None,
                 until: datetime | None = None) -> OfferReport:
    with db.session() as session:
        return offers.offer_report(session, actor, since=since, until=until)


def export_offer_report(db: Database, actor: Actor, path: str | Path,
                        headers: Mapping[str, str] | None = None, *,
                        since: datetime | None = None,
                        until: datetime | None = None) -> OfferReport:
    """The report as an xlsx file (the export is audited)."""
    with db.session() as session:
        return offers.export_report(session, actor, path, headers, since=since, until=until)


# ------------------------------------------------------------- the agent's panel


@dataclass(frozen=True, slots=True)
class AgentOffers:
    """What the offers panel shows for the held customer: the choices, best return
    first, and the agent's latest request for them (None: none yet)."""

    choices: list[offers.OfferChoice]
    latest: offers.OfferRequestInfo | None


def agent_offers(db: Database, actor: Actor, customer_id: int,
                 campaign_id: int | None = None) -> AgentOffers:
    with db.session() as session:
        choices = offers.eligible_offers(session, actor, customer_id, campaign_id)
        mine = offers.my_requests(session, actor, customer_id=customer_id, limit=1)
    return AgentOffers(choices, mine[0] if mine else None)


def my_request(db: Database, actor: Actor, request_id: int) -> offers.OfferRequestInfo | None:
    """One of the agent's requests as it stands now (the panel polls this; indexed)."""
    with db.session() as session:
        mine = offers.my_requests(session, actor, ids=[request_id], limit=1)
    return mine[0] if mine else None
