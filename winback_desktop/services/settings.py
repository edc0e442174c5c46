"""Team-wide and per-user settings stored in the database (audited)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import Setting
from winback_desktop.services import audit
from winback_desktop.services.context import Actor, refuse, require

GLOBAL = "global"

#: Team settings with their defaults; the settings dialog edits these.
DEFAULTS: dict[str, Any] = {
    "default_phone_region": "CN",
    "default_timezone": "Asia/Shanghai",
    "default_currency": "CNY",
    "calling_window_start": "09:00",
    "calling_window_end": "20:00",
    "lease_minutes": 15,
    "presence_timeout_seconds": 90,
}


def user_scope(user_id: int) -> str:
    return f"user:{user_id}"


def get(session: Session, key: str, scope: str = GLOBAL) -> Any:
    value = session.scalar(select(Setting.value).where(Setting.scope == scope, Setting.key == key))
    if value is None and scope == GLOBAL:
        return DEFAULTS.get(key)
    return value


def get_all(session: Session, scope: str = GLOBAL) -> dict[str, Any]:
    values = dict(DEFAULTS) if scope == GLOBAL else {}
    for key, value in session.execute(
        select(Setting.key, Setting.value).where(Setting.scope == scope)
    ):
        values[key] = value
    return values


def set_value(session: Session, actor: Actor, key: str, value: Any, scope: str = GLOBAL) -> None:
    if scope == GLOBAL:
        require(actor, Permission.MANAGE_SETTINGS)
    elif actor.user_id is None or scope != user_scope(actor.user_id):
        refuse(None, actor, "set_value")
    row = session.scalar(select(Setting).where(Setting.scope == scope, Setting.key == key))
    before = None if row is None else row.value
    if row is None:
        row = Setting(scope=scope, key=key, value=value)
        session.add(row)
    elif row.value == value:
        return
    else:
        row.value = value
    audit.record(session, actor, "setting_changed", "setting", f"{scope}/{key}",
                 before={"value": before}, after={"value": value})
