"""Users, teams and roles."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from winback_desktop.core.domain import Role
from winback_desktop.core.errors import Conflict, NotFound, ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import Team, User
from winback_desktop.services import audit
from winback_desktop.services.auth import clear_throttle, hash_password
from winback_desktop.services.context import Actor, refuse, require

LOGIN_RE = re.compile(r"^[A-Za-z0-9._@-]{2,64}$")
SUPPORTED_LANGUAGES = ("en", "zh_CN")
_AUDITED = ("login", "display_name", "role", "team_id", "active", "language",
            "skill_tiers", "skill_reasons", "languages", "seniority",
            "authority_override_minor")


@dataclass(frozen=True, slots=True)
class UserInfo:
    id: int
    login: str
    display_name: str
    role: str
    team: str | None
    active: bool
    locked: bool
    language: str | None


def count_users(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(User)) or 0


def needs_first_admin(session: Session) -> bool:
    """True until an active admin exists: the first run then creates one."""
    stmt = select(func.count()).select_from(User).where(
        User.role == Role.ADMIN.value, User.active.is_(True)
    )
    return (session.scalar(stmt) or 0) == 0


def _validate_login(login: str) -> str:
    login = login.strip()
    if not LOGIN_RE.match(login):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "A login has 2 to 64 letters, digits or . _ @ - and no spaces: '{login}'.",
            ),
            login=login,
        )
    return login


def _team(session: Session, name: str | None) -> Team | None:
    if not name:
        return None
    team = session.scalar(select(Team).where(Team.name == name))
    if team is None:
        team = Team(name=name)
        session.add(team)
        session.flush()
    return team


def add_user(
    session: Session,
    actor: Actor,
    login: str,
    role: Role | str,
    password: str,
    *,
    display_name: str = "",
    team: str | None = None,
    language: str | None = None,
) -> User:
    """Create a user. Only admins may, except the very first admin on a new database."""
    try:
        role = Role(role)
    except ValueError as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Unknown role '{role}': use agent, supervisor or admin."),
            role=role,
        ) from exc
    bootstrapping = needs_first_admin(session) and role is Role.ADMIN
    if not bootstrapping:
        require(actor, Permission.MANAGE_USERS)
    login = _validate_login(login)
    exists = session.scalar(select(User.id).where(func.lower(User.login) == login.lower()))
    if exists is not None:
        raise Conflict(QT_TRANSLATE_NOOP("Errors", "The login '{login}' is taken."), login=login)
    if language is not None and language not in SUPPORTED_LANGUAGES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Unknown language '{language}'."), language=language
        )
    team_obj = _team(session, team)
    user = User(
        login=login,
        display_name=display_name.strip() or login,
        role=role.value,
        password_hash=hash_password(password),
        team_id=team_obj.id if team_obj else None,
        language=language,
    )
    session.add(user)
    session.flush()
    audit.record(session, actor, "user_created", "user", user.id,
                 after=audit.snapshot(user, _AUDITED))
    return user


def get_user(session: Session, login: str) -> User:
    user = session.scalar(select(User).where(func.lower(User.login) == login.strip().lower()))
    if user is None:
        raise NotFound(what=login)
    return user


def list_users(session: Session, actor: Actor) -> list[UserInfo]:
    if not (actor.can(Permission.MANAGE_USERS) or actor.can(Permission.MONITOR_AGENTS)):
        refuse(None, actor, "list_users")
    from winback_desktop.db.types import utcnow

    now = utcnow()
    rows = session.execute(
        select(User, Team.name).outerjoin(Team, Team.id == User.team_id).order_by(User.login)
    ).all()
    return [
        UserInfo(u.id, u.login, u.display_name, u.role, team_name, u.active,
                 bool(u.locked_until and u.locked_until > now), u.language)
        for u, team_name in rows
    ]


def update_user(
    session: Session,
    actor: Actor,
    user_id: int,
    *,
    role: Role | str | None = None,
    display_name: str | None = None,
    active: bool | None = None,
    team: str | None = None,
    skill_tiers: Sequence[str] | None = None,
    skill_reasons: Sequence[str] | None = None,
    languages: Sequence[str] | None = None,
    seniority: str | None = None,
) -> User:
    require(actor, Permission.MANAGE_USERS)
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(what=str(user_id))
    before = audit.snapshot(user, _AUDITED)
    if role is not None:
        new_role = Role(role)
        if user.id == actor.user_id and new_role is not Role.ADMIN:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "You cannot take the admin role from yourself.")
            )
        user.role = new_role.value
    if display_name is not None:
        user.display_name = display_name.strip()
    if active is not None:
        if user.id == actor.user_id and not active:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "You cannot deactivate your own account.")
            )
        user.active = active
    if team is not None:
        team_obj = _team(session, team)
        user.team_id = team_obj.id if team_obj else None
    if skill_tiers is not None:
        user.skill_tiers = list(skill_tiers)
    if skill_reasons is not None:
        user.skill_reasons = list(skill_reasons)
    if languages is not None:
        user.languages = list(languages)
    if seniority is not None:
        user.seniority = seniority
    session.flush()
    old, new = audit.changed_fields(before, audit.snapshot(user, _AUDITED))
    if new:
        audit.record(session, actor, "user_updated", "user", user.id, before=old, after=new)
    return user


def reset_password(session: Session, actor: Actor, user_id: int, new_password: str) -> None:
    """An admin sets someone's password and lifts any lockout."""
    require(actor, Permission.MANAGE_USERS)
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(what=str(user_id))
    user.password_hash = hash_password(new_password)
    user.failed_logins = 0
    user.locked_until = None
    clear_throttle(session, user.login)
    audit.record(session, actor, "password_reset", "user", user.id)


def set_language(session: Session, actor: Actor, language: str) -> None:
    """Remember the UI language a user chose, for every workstation they log in at."""
    if language not in SUPPORTED_LANGUAGES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Unknown language '{language}'."), language=language
        )
    user = session.get(User, actor.user_id) if actor.user_id is not None else None
    if user is None:
        refuse(None, actor, "set_language")
    if user.language != language:
        audit.record(session, actor, "language_changed", "user", user.id,
                     before={"language": user.language}, after={"language": language})
        user.language = language


def get_language(session: Session, user_id: int) -> str | None:
    return session.scalar(select(User.language).where(User.id == user_id))


def unlock(session: Session, actor: Actor, user_id: int) -> None:
    """An admin lifts a lockout early (the password stays as it is)."""
    require(actor, Permission.MANAGE_USERS)
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(what=str(user_id))
    cleared = clear_throttle(session, user.login)
    if user.locked_until is None and not user.failed_logins and not cleared:
        return
    before = {"locked_until": user.locked_until, "failed_logins": user.failed_logins}
    user.locked_until = None
    user.failed_logins = 0
    audit.record(session, actor, "account_unlocked", "user", user.id,
                 before=before, after={"locked_until": None, "failed_logins": 0})


@dataclass(frozen=True, slots=True)
class UserDetails:
    """Everything the user editor shows about one user."""

    id: int
    login: str
    display_name: str
    role: str
    team: str | None
    active: bool
    skill_tiers: list[str]
    skill_reasons: list[str]
    languages: list[str]
    seniority: str
    #: the user's phone on the team's PBX (filled by ``user_actions.user_details``)
    extension: str | None = None


def user_details(session: Session, actor: Actor, user_id: int) -> UserDetails:
    require(actor, Permission.MANAGE_USERS)
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(what=str(user_id))
    team = session.get(Team, user.team_id) if user.team_id is not None else None
    return UserDetails(user.id, user.login, user.display_name, user.role,
                       team.name if team else None, user.active, list(user.skill_tiers or []),
                       list(user.skill_reasons or []), list(user.languages or []),
                       user.seniority)


def team_names(session: Session) -> list[str]:
    return list(session.scalars(select(Team.name).order_by(Team.name)))
