"""Offers: the authority matrix (who may approve what, by role and tier) and overrides."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from winback_desktop.core.domain import (
    Role,
    SltvTier,
)
from winback_desktop.core.errors import NotFound, ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import (
    AuthorityLimit,
    User,
)
from winback_desktop.services import audit
from winback_desktop.services.context import Actor, refuse, require

# ------------------------------------------------------------------- authority


def authority_matrix(session: Session) -> dict[tuple[str, str], int]:
    return {(r, t): int(v) for r, t, v in session.execute(
        select(AuthorityLimit.role, AuthorityLimit.tier, AuthorityLimit.max_cost_minor))}


def get_authority_matrix(session: Session, actor: Actor) -> dict[tuple[str, str], int]:
    if not (actor.can(Permission.EDIT_OFFERS) or actor.can(Permission.APPROVE_OFFERS)):
        refuse(None, actor, "get_authority_matrix")
    return authority_matrix(session)


def set_authority_limit(session: Session, actor: Actor, role: str, tier: str,
                        max_cost_minor: int) -> None:
    """Admin only: one cell of the matrix (audited)."""
    require(actor, Permission.MANAGE_SETTINGS)
    try:
        role = Role(role).value
        tier = SltvTier(tier).value
    except ValueError as exc:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown role or SLTV tier.")) from exc
    if max_cost_minor < 0:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "An authority limit cannot be negative."))
    row = session.scalar(select(AuthorityLimit).where(AuthorityLimit.role == role,
                                                      AuthorityLimit.tier == tier))
    before = None if row is None else row.max_cost_minor
    if before == max_cost_minor:
        return
    if row is None:
        row = AuthorityLimit(role=role, tier=tier, max_cost_minor=max_cost_minor)
        session.add(row)
    else:
        row.max_cost_minor = max_cost_minor
    audit.record(session, actor, "authority_limit_changed", "authority_limit", f"{role}/{tier}",
                 before={"max_cost_minor": before}, after={"max_cost_minor": max_cost_minor})


def set_authority_matrix(session: Session, actor: Actor,
                         matrix: Mapping[tuple[str, str], int]) -> None:
    require(actor, Permission.MANAGE_SETTINGS)
    for (role, tier), value in matrix.items():
        set_authority_limit(session, actor, role, tier, int(value))


def set_authority_override(session: Session, actor: Actor, user_id: int,
                           max_cost_minor: int | None) -> None:
    """Admin only: a per-person limit that wins over the matrix (None: use the matrix)."""
    require(actor, Permission.MANAGE_SETTINGS)
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(what=str(user_id))
    if max_cost_minor is not None and max_cost_minor < 0:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "An authority limit cannot be negative."))
    if user.authority_override_minor == max_cost_minor:
        return
    audit.record(session, actor, "authority_override_changed", "user", user.id,
                 before={"authority_override_minor": user.authority_override_minor},
                 after={"authority_override_minor": max_cost_minor})
    user.authority_override_minor = max_cost_minor


def authority_overrides(session: Session, actor: Actor) -> list[tuple[int, str, str, str,
                                                                      int | None]]:
    """(user id, login, display name, role, override) of every active user."""
    if not (actor.can(Permission.EDIT_OFFERS) or actor.can(Permission.MANAGE_SETTINGS)):
        refuse(None, actor, "authority_overrides")
    return [tuple(r) for r in session.execute(  # type: ignore[misc]
        select(User.id, User.login, User.display_name, User.role, User.authority_override_minor)
        .where(User.active.is_(True)).order_by(User.role, User.login))]


def _override(session: Session, user_id: int | None) -> int | None:
    if user_id is None:
        return None
    return session.scalar(select(User.authority_override_minor).where(User.id == user_id))

