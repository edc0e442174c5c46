"""Offers: the catalogue of offer templates (list, create, update, defaults)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from importlib import resources
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from winback_desktop.core import offers as rules
from winback_desktop.core.errors import Conflict, NotFound, ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import (
    AuthorityLimit,
    OfferTemplate,
)
from winback_desktop.services import audit
from winback_desktop.services.context import Actor, refuse, require
from winback_desktop.services.offers.authority import authority_matrix
from winback_desktop.services.offers.common import _TEMPLATE_FIELDS, TemplateInfo

# ---------------------------------------------------------------------- catalogue


def _can_view_catalogue(actor: Actor) -> None:
    if not (actor.can(Permission.WORK_QUEUE) or actor.can(Permission.EDIT_OFFERS)):
        refuse(None, actor, "_can_view_catalogue")


def list_templates(session: Session, actor: Actor, *, include_inactive: bool = True,
                   all_versions: bool = False) -> list[TemplateInfo]:
    """The catalogue: the latest version of each offer (or every version)."""
    _can_view_catalogue(actor)
    stmt = select(OfferTemplate).order_by(OfferTemplate.code, OfferTemplate.version.desc())
    if not all_versions:
        latest = (select(OfferTemplate.code, func.max(OfferTemplate.version).label("v"))
                  .group_by(OfferTemplate.code).subquery())
        stmt = stmt.join(latest, and_(latest.c.code == OfferTemplate.code,
                                      latest.c.v == OfferTemplate.version))
    if not include_inactive:
        stmt = stmt.where(OfferTemplate.active.is_(True))
    return [TemplateInfo.of(t) for t in session.scalars(stmt)]


def get_template(session: Session, actor: Actor, ref: int | str) -> TemplateInfo:
    """By id, or by code (its latest version)."""
    _can_view_catalogue(actor)
    return TemplateInfo.of(_template(session, ref))


def _template(session: Session, ref: int | str) -> OfferTemplate:
    template: OfferTemplate | None = None
    if isinstance(ref, int) or (isinstance(ref, str) and ref.isdigit()):
        template = session.get(OfferTemplate, int(ref))
    if template is None and isinstance(ref, str):
        template = session.scalar(select(OfferTemplate).where(OfferTemplate.code == ref)
                                  .order_by(OfferTemplate.version.desc()).limit(1))
    if template is None:
        raise NotFound(what=str(ref))
    return template


def _clean_template_fields(kind: str, name: str, cost_rule: Mapping[str, Any] | None,
                           eligibility: Mapping[str, Any] | None,
                           valid_from: date | None, valid_to: date | None
                           ) -> tuple[str, str, dict[str, Any], dict[str, Any]]:
    try:
        kind = rules.OfferKind(kind).value
    except ValueError as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Unknown offer kind '{kind}'."), kind=kind) from exc
    name = (name or "").strip()
    if not name:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "An offer needs a name."))
    if valid_from and valid_to and valid_to < valid_from:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The offer's end date is before its start date."))
    return kind, name, rules.validate_cost_rule(cost_rule), rules.validate_eligibility(
        eligibility)


def create_template(
    session: Session,
    actor: Actor,
    *,
    code: str,
    name: str,
    kind: str,
    cost_rule: Mapping[str, Any],
    eligibility: Mapping[str, Any] | None = None,
    valid_from: date | None = None,
    valid_to: date | None = None,
    active: bool = True,
) -> TemplateInfo:
    require(actor, Permission.EDIT_OFFERS)
    code = (code or "").strip().upper()
    if not code or len(code) > 50:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "An offer needs a code of 1 to 50 characters."))
    if session.scalar(select(OfferTemplate.id).where(OfferTemplate.code == code).limit(1)):
        raise Conflict(QT_TRANSLATE_NOOP("Errors", "The offer code '{code}' is taken."), code=code)
    kind, name, rule, elig = _clean_template_fields(kind, name, cost_rule, eligibility,
                                                    valid_from, valid_to)
    template = OfferTemplate(code=code, version=1, name=name, kind=kind, cost_rule=rule,
                             eligibility=elig, valid_from=valid_from, valid_to=valid_to,
                             active=active)
    session.add(template)
    session.flush()
    audit.record(session, actor, "offer_template_created", "offer_template", template.id,
                 after=audit.snapshot(template, _TEMPLATE_FIELDS))
    return TemplateInfo.of(template)


_UNSET: Any = object()


def update_template(
    session: Session,
    actor: Actor,
    template_id: int,
    *,
    name: str = _UNSET,
    kind: str = _UNSET,
    cost_rule: Mapping[str, Any] = _UNSET,
    eligibility: Mapping[str, Any] | None = _UNSET,
    valid_from: date | None = _UNSET,
    valid_to: date | None = _UNSET,
    active: bool = _UNSET,
) -> TemplateInfo:
    """Edit an offer by creating its next version; requests keep the version they got.

    Only the latest version of a code may be edited; the earlier one is deactivated so
    the workspace offers exactly one version of each offer.
    """
    require(actor, Permission.EDIT_OFFERS)
    old = session.get(OfferTemplate, template_id)
    if old is None:
        raise NotFound(what=str(template_id))
    latest = session.scalar(select(func.max(OfferTemplate.version))
                            .where(OfferTemplate.code == old.code))
    if latest != old.version:
        raise Conflict(QT_TRANSLATE_NOOP(
            "Errors", "Offer {code} has a newer version; edit that one."), code=old.code)
    values: dict[str, Any] = {
        "name": old.name if name is _UNSET else name,
        "kind": old.kind if kind is _UNSET else kind,
        "cost_rule": old.cost_rule if cost_rule is _UNSET else cost_rule,
        "eligibility": old.eligibility if eligibility is _UNSET else eligibility,
        "valid_from": old.valid_from if valid_from is _UNSET else valid_from,
        "valid_to": old.valid_to if valid_to is _UNSET else valid_to,
    }
    new_active = old.active if active is _UNSET else bool(active)
    k, n, rule, elig = _clean_template_fields(values["kind"], values["name"],
                                              values["cost_rule"], values["eligibility"],
                                              values["valid_from"], values["valid_to"])
    before = audit.snapshot(old, _TEMPLATE_FIELDS)
    same_content = (k == old.kind and n == old.name and rule == (old.cost_rule or {})
                    and elig == (old.eligibility or {}) and values["valid_from"] == old.valid_from
                    and values["valid_to"] == old.valid_to)
    if same_content:
        # Switching an offer on or off changes nothing that was offered: no new version.
        if new_active != old.active:
            old.active = new_active
            audit.record(session, actor, "offer_template_updated", "offer_template", old.id,
                         before={"active": not new_active}, after={"active": new_active})
        return TemplateInfo.of(old)
    new = OfferTemplate(code=old.code, version=old.version + 1, name=n, kind=k, cost_rule=rule,
                        eligibility=elig, valid_from=values["valid_from"],
                        valid_to=values["valid_to"], active=new_active)
    old.active = False
    session.add(new)
    session.flush()
    old_fields, new_fields = audit.changed_fields(before, audit.snapshot(new, _TEMPLATE_FIELDS))
    audit.record(session, actor, "offer_template_versioned", "offer_template", new.id,
                 before=old_fields | {"id": old.id}, after=new_fields | {"id": new.id})
    return TemplateInfo.of(new)


def default_catalogue() -> list[dict[str, Any]]:
    """The shipped catalogue (``resources/offers/default_offers.json``)."""
    text = (resources.files("winback_desktop") / "resources" / "offers" /
            "default_offers.json").read_text(encoding="utf-8")
    return list(json.loads(text)["offers"])


def ensure_default_authority(session: Session) -> int:
    """Fill matrix cells that are missing (migration 0001 seeds them; a wiped table
    would otherwise leave every offer needing an admin)."""
    have = set(authority_matrix(session))
    missing = [AuthorityLimit(role=r, tier=t, max_cost_minor=v)
               for (r, t), v in rules.DEFAULT_AUTHORITY.items() if (r, t) not in have]
    session.add_all(missing)
    session.flush()
    return len(missing)


def add_default_offers(session: Session, actor: Actor) -> int:
    """The catalogue screen's "add shipped offers" (supervisors and admins)."""
    require(actor, Permission.EDIT_OFFERS)
    return ensure_default_offers(session, actor)


def ensure_default_offers(session: Session, actor: Actor | None = None) -> int:
    """Add the shipped offers whose code is not in the catalogue yet (and any missing
    authority cells); returns how many offers were added."""
    actor = actor or Actor.system()
    ensure_default_authority(session)
    existing = set(session.scalars(select(OfferTemplate.code).distinct()))
    added = 0
    for item in default_catalogue():
        if item["code"] in existing:
            continue
        kind, name, rule, elig = _clean_template_fields(
            item["kind"], item["name"], item["cost_rule"], item.get("eligibility"), None, None)
        template = OfferTemplate(code=item["code"], version=1, name=name, kind=kind,
                                 cost_rule=rule, eligibility=elig, active=True)
        session.add(template)
        session.flush()
        audit.record(session, actor, "offer_template_created", "offer_template", template.id,
                     after=audit.snapshot(template, _TEMPLATE_FIELDS))
        added += 1
    return added

