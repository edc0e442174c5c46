"""What users do about accounts: each function is one action and its own unit of work.

The users screen, the settings dialog, the login and first-run dialogs and the ``winback
user`` commands call these; none of them opens a session. Every change is checked
against the actor's permission and written to the audit log in the same transaction
(by the ``users``/``auth``/``settings`` building blocks), and the result says what
changed so the screens showing it refresh.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy.orm import Session

from winback_desktop.core.currencies import is_currency
from winback_desktop.core.domain import Role
from winback_desktop.core.errors import PermissionDenied, ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.db.session import Database
from winback_desktop.services import auth, settings, users
from winback_desktop.services.changes import Changes, Done, Topic
from winback_desktop.services.context import Actor, require
from winback_desktop.services.telephony import config as phone_config
from winback_desktop.services.users import UserDetails, UserInfo

USERS_CHANGED = Changes.of(Topic.USERS)


@dataclass(frozen=True, slots=True)
class UserForm:
    """What the user editor (or ``winback user add``) fills in."""

    login: str = ""
    role: str = Role.AGENT.value
    display_name: str = ""
    team: str = ""
    active: bool = True
    # only when creating a user
    password: str = ""
    seniority: str = "regular"
    skill_tiers: list[str] = field(default_factory=list)
    skill_reasons: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    #: the user's own phone on the team's PBX ("" = none); None leaves it as it is
    extension: str | None = None


@dataclass(frozen=True, slots=True)
class UserSaved:
    user_id: int
    login: str
    changes: Changes = USERS_CHANGED
    # as stored (``winback user add`` prints them)
    role: str = ""
    display_name: str = ""


@dataclass(frozen=True, slots=True)
class UserList:
    users: list[UserInfo]
    teams: list[str]


@dataclass(frozen=True, slots=True)
class LoggedIn:
    actor: Actor
    # the language the user chose last time, on any workstation
    language: str | None


# ------------------------------------------------------------------ the users screen


def list_users(db: Database, actor: Actor) -> UserList:
    with db.session() as session:
        return UserList(users.list_users(session, actor), users.team_names(session))


def user_details(db: Database, actor: Actor, user_id: int) -> UserDetails:
    with db.session() as session:
        details = users.user_details(session, actor, user_id)
        return replace(details, extension=phone_config.extension(session, user_id))


def _save_extension(session: Session, actor: Actor, user_id: int, value: str | None) -> None:
    """Store the extension only when it changed, so an unchanged form audits nothing."""
    if value is None:
        return
    if (value.strip() or None) != phone_config.extension(session, user_id):
        phone_config.set_extension(session, actor, user_id, value)


def set_extension(db: Database, actor: Actor, login: str, extension: str) -> UserSaved:
    """``winback user update LOGIN --extension EXT``: the phone a supervisor's Listen
    rings and the PBX dials from (validated, audited; "" clears it)."""
    with db.session() as session:
        require(actor, Permission.MANAGE_USERS)
        user = users.get_user(session, login)
        phone_config.set_extension(session, actor, user.id, extension)
        return UserSaved(user.id, user.login)


def create_user(db: Database, actor: Actor, form: UserForm) -> UserSaved:
    """A new account with its skills, in one transaction (both steps audited)."""
    with db.session() as session:
        user = users.add_user(session, actor, form.login, form.role, form.password,
                              display_name=form.display_name, team=form.team or None)
        users.update_user(session, actor, user.id, skill_tiers=form.skill_tiers,
                          skill_reasons=form.skill_reasons, languages=form.languages,
                          seniority=form.seniority, active=form.active)
        _save_extension(session, actor, user.id, form.extension)
        return UserSaved(user.id, user.login)


def add_user(db: Database, actor: Actor, login: str, role: str, password: str, *,
             display_name: str = "", team: str | None = None) -> UserSaved:
    """``winback user add``: an account with no skills yet (one audited step)."""
    with db.session() as session:
        user = users.add_user(session, actor, login, role, password,
                              display_name=display_name, team=team)
        return UserSaved(user.id, user.login, role=user.role, display_name=user.display_name)


def user_id_for(db: Database, actor: Actor, login: str) -> int:
    """The id of the account ``login`` names (a command's ``LOGIN`` argument); what the
    actor may then do to it is the next service's check."""
    with db.session() as session:
        return users.get_user(session, login).id


def update_user(db: Database, actor: Actor, user_id: int, form: UserForm) -> UserSaved:
    with db.session() as session:
        user = users.update_user(session, actor, user_id, role=form.role,
                                 display_name=form.display_name, active=form.active,
                                 team=form.team, skill_tiers=form.skill_tiers,
                                 skill_reasons=form.skill_reasons, languages=form.languages,
                                 seniority=form.seniority)
        _save_extension(session, actor, user.id, form.extension)
        return UserSaved(user.id, user.login)


def reset_password(db: Database, actor: Actor, user_id: int, password: str) -> UserSaved:
    with db.session() as session:
        users.reset_password(session, actor, user_id, password)
        return UserSaved(user_id, users.user_details(session, actor, user_id).login)


def unlock_user(db: Database, actor: Actor, user_id: int) -> UserSaved:
    with db.session() as session:
        users.unlock(session, actor, user_id)
        return UserSaved(user_id, users.user_details(session, actor, user_id).login)


# ------------------------------------------------------- the user's own account


def log_in(db: Database, login: str, password: str) -> LoggedIn:
    actor = auth.authenticate(db, login, password)
    if actor.user_id is None:
        return LoggedIn(actor, None)
    with db.session() as session:
        return LoggedIn(actor, users.get_language(session, actor.user_id))


def change_own_password(db: Database, actor: Actor, old_password: str,
                        new_password: str) -> Done:
    with db.session() as session:
        auth.change_password(session, actor, old_password, new_password)
    return Done(USERS_CHANGED)


def set_own_language(db: Database, actor: Actor, language: str) -> Done:
    with db.session() as session:
        users.set_language(session, actor, language)
    return Done(USERS_CHANGED)


def create_first_admin(db: Database, login: str, password: str,
                       display_name: str = "") -> UserSaved:
    """The installer's first admin; refused once an active admin exists."""
    with db.session() as session:
        if not users.needs_first_admin(session):
            raise PermissionDenied(QT_TRANSLATE_NOOP(
                "Errors", "This database has an administrator already; ask them to add you."))
        user = users.add_user(session, Actor.system(), login, Role.ADMIN, password,
                              display_name=display_name)
        return UserSaved(user.id, user.login)


# --------------------------------------------------------------- team settings


def team_settings(db: Database, actor: Actor) -> dict[str, Any]:
    """The team's settings with their defaults; anyone logged in may read them."""
    del actor  # not private: every workstation needs the calling window and zone
    with db.session() as session:
        return settings.get_all(session)


_HHMM_KEYS = ("calling_window_start", "calling_window_end")


def _is_hhmm(text: str) -> bool:
    parts = text.split(":")
    if len(parts) != 2 or not all(p.isdigit() and len(p) == 2 for p in parts):
        return False
    return int(parts[0]) < 24 and int(parts[1]) < 60


_POSITIVE_KEYS = ("lease_minutes", "presence_timeout_seconds")


def _check_team_settings(values: Mapping[str, Any]) -> None:
    """Refuse what the queue, the clocks or the money figures could not use."""
    for key in _HHMM_KEYS:
        if key in values and not _is_hhmm(str(values[key])):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "Enter times as HH:MM, for example 09:00."))
    if "default_timezone" in values:
        from zoneinfo import available_timezones

        zone = str(values["default_timezone"]).strip()
        if zone not in available_timezones():
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "'{zone}' is not a time zone: use an IANA name such as "
                "Asia/Shanghai or Europe/London."), zone=zone)
    if "default_currency" in values:
        code = str(values["default_currency"]).strip()
        if not is_currency(code):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "'{code}' is not an ISO currency code: use three capital "
                "letters such as CNY, USD or EUR."), code=code)
    if "default_phone_region" in values:
        import phonenumbers

        region = str(values["default_phone_region"]).strip()
        if region not in phonenumbers.SUPPORTED_REGIONS:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "'{region}' is not a phone region: use a two-letter country "
                "code such as CN, HK or GB."), region=region)
    for key in _POSITIVE_KEYS:
        if key in values:
            value = values[key]
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "Errors", "{value} must be a positive whole number."), value=value)


def save_team_settings(db: Database, actor: Actor, values: Mapping[str, Any]) -> Done:
    """Change several team settings at once: all or none (each change audited)."""
    _check_team_settings(values)
    with db.session() as session:
        require(actor, Permission.MANAGE_SETTINGS)
        for key, value in values.items():
            settings.set_value(session, actor, key, value)
    return Done(Changes.of(Topic.SETTINGS))
