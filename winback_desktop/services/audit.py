"""The audit log: written in the same transaction as the change it describes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import AuditEntry
from winback_desktop.services.context import Actor, require

#: Never written to the log, whatever a caller passes.
_SECRET_FIELDS = frozenset({"password", "password_hash"})


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_jsonable(v) for v in value]
    return value


def snapshot(obj: Any, fields: Iterable[str]) -> dict[str, Any]:
    """The named attributes of a model, ready for the log's before/after."""
    return {f: _jsonable(getattr(obj, f)) for f in fields if f not in _SECRET_FIELDS}


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: object | None = None,
    *,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
) -> AuditEntry:
    def clean(data: Mapping[str, Any] | None) -> dict[str, Any] | None:
        if data is None:
            return None
        return {k: _jsonable(v) for k, v in data.items() if k not in _SECRET_FIELDS}

    entry = AuditEntry(
        user_id=actor.user_id,
        user_login=actor.login,
        action=action,
        entity=entity,
        entity_id=None if entity_id is None else str(entity_id),
        before=clean(before),
        after=clean(after),
        workstation=actor.workstation,
    )
    session.add(entry)
    return entry


def changed_fields(before: Mapping[str, Any], after: Mapping[str, Any]) -> tuple[dict, dict]:
    """Only the fields that differ, so the log says exactly what changed."""
    keys = [k for k in after if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


def list_entries(
    session: Session,
    actor: Actor,
    *,
    entity: str | None = None,
    limit: int = 200,
    user_login: str | None = None,
) -> list[AuditEntry]:
    """Newest first, optionally only one kind of entity and/or one user's actions."""
    require(actor, Permission.VIEW_AUDIT_LOG)
    stmt = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if entity:
        stmt = stmt.where(AuditEntry.entity == entity)
    if user_login:
        stmt = stmt.where(AuditEntry.user_login == user_login)
    return list(session.scalars(stmt))


def filter_choices(session: Session, actor: Actor) -> tuple[list[str], list[str]]:
    """The entities and user logins that occur in the log, for the audit screen's filters."""
    require(actor, Permission.VIEW_AUDIT_LOG)
    entities = session.scalars(select(AuditEntry.entity).distinct().order_by(AuditEntry.entity))
    logins = session.scalars(
        select(AuditEntry.user_login).where(AuditEntry.user_login.is_not(None))
        .distinct().order_by(AuditEntry.user_login))
    return list(entities), [login for login in logins if login]
