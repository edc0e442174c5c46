"""Who is acting: passed to every service that changes data or reads private data.

An ``Actor`` is what a login proved; its powers are what the database says *now*.
Inside a unit of work, ``can`` and ``require`` re-read the user's role and active flag
(once per transaction), so a supervisor demoted or deactivated while logged in loses
the powers at once in the app and on the command line (issue 15). Every refusal leaves
one ``refused`` audit row: who, what and why.
"""

from __future__ import annotations

import platform
import sys
from dataclasses import dataclass
from typing import Any, NoReturn

from sqlalchemy import select
from sqlalchemy.orm import Session

from winback_desktop.core.domain import Role
from winback_desktop.core.errors import PermissionDenied
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission, role_allows
from winback_desktop.db.models import User
from winback_desktop.db.session import current_session, last_database, write_refusal

DEACTIVATED = QT_TRANSLATE_NOOP("Errors", "Your account is deactivated.")


@dataclass(frozen=True, slots=True)
class Actor:
    user_id: int | None
    login: str
    role: Role
    display_name: str = ""
    workstation: str = platform.node()[:100]
    #: ``gui`` or ``cli``: written on every audit row with the workstation
    channel: str = "gui"
    #: the supervisor's login when they act for this agent (``--agent``), else None
    on_behalf_by: str | None = None

    @classmethod
    def of(cls, user: User) -> Actor:
        return cls(user.id, user.login, Role(user.role), user.display_name)

    @classmethod
    def system(cls) -> Actor:
        """The installer or CLI acting before any user exists (first admin, migrations)."""
        return cls(None, "system", Role.ADMIN, "system")

    def can(self, permission: Permission) -> bool:
        """Whether the actor may; inside a unit of work, by the role stored now."""
        session = current_session()
        if session is None or self.user_id is None:
            return role_allows(self.role, permission)
        role, active = _powers(session, self)
        return active and role_allows(role, permission)


def _powers(session: Session, actor: Actor) -> tuple[str, bool]:
    """The role and active flag the database holds for ``actor``, once per transaction."""
    cache: dict[int, tuple[str, bool]] = session.info.setdefault("winback_powers", {})
    assert actor.user_id is not None
    found = cache.get(actor.user_id)
    if found is None:
        with session.no_autoflush:
            row = session.execute(
                select(User.role, User.active).where(User.id == actor.user_id)).one_or_none()
        # No row: another database than the actor's (a migration's target): keep the
        # login's role there; users are deactivated, never deleted, in their own.
        found = (str(row[0]), bool(row[1])) if row is not None else (str(actor.role), True)
        cache[actor.user_id] = found
    return found


def current_role(actor: Actor) -> Role:
    """The actor's role as stored now (inside a unit of work), else as logged in."""
    session = current_session()
    if session is None or actor.user_id is None:
        return actor.role
    role, _active = _powers(session, actor)
    return Role(role)


def _caller() -> str:
    """The service function that asked, as the refused action's name."""
    frame = sys._getframe(1)
    while frame is not None and frame.f_globals.get("__name__") == __name__:
        frame = frame.f_back  # type: ignore[assignment]
    return frame.f_code.co_name if frame is not None else "?"


def refusal_row(actor: Actor, action: str, reason: str, **detail: Any) -> dict[str, Any]:
    after: dict[str, Any] = {"action": action, "reason": reason}
    after.update({k: v for k, v in detail.items() if v is not None})
    if actor.on_behalf_by:
        after["on_behalf_by"] = actor.on_behalf_by
    return {"user_id": actor.user_id, "user_login": actor.login[:64], "action": "refused",
            "entity": "action", "entity_id": action[:64], "after": after,
            "workstation": actor.workstation, "channel": actor.channel}


def refuse(session: Session | None, actor: Actor, action: str, text: str | None = None,
           **params: Any) -> NoReturn:
    """Raise ``PermissionDenied`` (``text`` or the default message) and audit it.

    The row is written after the refused unit of work rolls back (``db.session``), or
    at once when there is none.
    """
    exc = PermissionDenied(text, **params)
    exc.refusal = refusal_row(actor, action, exc.render(), **{  # type: ignore[attr-defined]
        k: str(v) for k, v in params.items()})
    if session is None and current_session() is None:
        db = last_database()
        if db is not None:
            exc.refusal_written = True  # type: ignore[attr-defined]
            write_refusal(db.engine, exc.refusal)  # type: ignore[attr-defined]
    raise exc


def require(actor: Actor, permission: Permission) -> None:
    """Raise ``PermissionDenied`` unless the actor's role, as stored now, grants it."""
    if actor.user_id is None:
        if not role_allows(actor.role, permission):
            refuse(None, actor, _caller(), permission=permission.value)
        return
    session = current_session()
    if session is not None:
        role, active = _powers(session, actor)
    else:
        db = last_database()
        if db is None:
            role, active = str(actor.role), True
        else:
            with db.session() as fresh:
                role, active = _powers(fresh, actor)
    if not active:
        refuse(session, actor, _caller(), DEACTIVATED, permission=permission.value)
    if not role_allows(role, permission):
        refuse(session, actor, _caller(), permission=permission.value)
