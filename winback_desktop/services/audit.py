"""The audit log: written in the same transaction as the change it describes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import AuditEntry
from winback_desktop.db.session import Database
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

    if actor.on_behalf_by:  # a supervisor acting for this agent: say who really did it
        after = {**(after or {}), "on_behalf_by": actor.on_behalf_by}
    entry = AuditEntry(
        user_id=actor.user_id,
        user_login=actor.login,
        action=action,
        entity=entity,
        entity_id=None if entity_id is None else str(entity_id),
        before=clean(before),
        after=clean(after),
        workstation=actor.workstation,
        channel=actor.channel,
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


@dataclass(frozen=True, slots=True)
class AuditRow:
    """One audit entry as the audit screen shows it."""

    id: int
    at: datetime
    user_login: str | None
    action: str
    entity: str
    entity_id: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    workstation: str | None

    @classmethod
    def of(cls, e: AuditEntry) -> AuditRow:
        return cls(e.id, e.at, e.user_login, e.action, e.entity, e.entity_id, e.before,
                   e.after, e.workstation)


@dataclass(frozen=True, slots=True)
class AuditPage:
    """The newest entries matching the audit screen's filters, and the filters' choices."""

    entries: list[AuditRow]
    entities: list[str]
    logins: list[str]


def browse(db: Database, actor: Actor, *, entity: str | None = None,
           user_login: str | None = None, limit: int = 200) -> AuditPage:
    with db.session() as session:
        entries = list_entries(session, actor, entity=entity, user_login=user_login,
                               limit=limit)
        return AuditPage([AuditRow.of(e) for e in entries], *filter_choices(session, actor))
