"""Shared checks of the use-case tests: what the audit log holds, users to act as."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from winback_desktop.db.models import AuditEntry


def audit_actions(db: Any) -> list[str]:
    """Every audited action, oldest first."""
    with db.session() as s:
        return list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def audit_count(db: Any) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(AuditEntry)) or 0


def add_user(db: Any, admin: Any, login: str, role: str) -> Any:
    """An actor of ``role`` created by ``admin``."""
    from winback_desktop.services import users
    from winback_desktop.services.context import Actor

    with db.session() as s:
        return Actor.of(users.add_user(s, admin, login, role, f"{login}-pass-1"))
