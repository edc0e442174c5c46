"""Who is acting: passed to every service that changes data or reads private data."""

from __future__ import annotations

import platform
from dataclasses import dataclass

from winback_desktop.core.domain import Role
from winback_desktop.core.errors import PermissionDenied
from winback_desktop.core.permissions import Permission, role_allows
from winback_desktop.db.models import User


@dataclass(frozen=True, slots=True)
class Actor:
    user_id: int | None
    login: str
    role: Role
    display_name: str = ""
    workstation: str = platform.node()[:100]

    @classmethod
    def of(cls, user: User) -> Actor:
        return cls(user.id, user.login, Role(user.role), user.display_name)

    @classmethod
    def system(cls) -> Actor:
        """The installer or CLI acting before any user exists (first admin, migrations)."""
        return cls(None, "system", Role.ADMIN, "system")

    def can(self, permission: Permission) -> bool:
        return role_allows(self.role, permission)


def require(actor: Actor, permission: Permission) -> None:
    """Raise ``PermissionDenied`` unless the actor's role grants ``permission``."""
    if not actor.can(permission):
        raise PermissionDenied()
