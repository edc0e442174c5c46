"""Which phone system the team uses and how to reach it (edited by IT, audited).

Stored as the team setting ``telephony`` (one JSON object); secrets (the AMI password,
a SIP password) never go there: they stay in this PC's credential store (keyring).
Each user's own extension is a per-user setting, ``phone_extension``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

from sqlalchemy.orm import Session

from winback_desktop.core.errors import ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.db.session import Database
from winback_desktop.services import settings
from winback_desktop.services.context import Actor, refuse, require

KEY = "telephony"
EXTENSION_KEY = "phone_extension"
#: longer than any dial plan's extension: a pasted phone number or a note, not a phone
MAX_EXTENSION = 20
ADAPTERS = ("manual", "baresip", "microsip", "ami")
KEYRING_SERVICE = "Winback Desktop telephony"


@dataclass
class PhoneConfig:
    adapter: str = "manual"
    # baresip: its ctrl_tcp address, the folder of its snd_path, the ring timeout
    baresip_host: str = "127.0.0.1"
    baresip_port: int = 4444
    baresip_recordings: str = ""
    #: the agent's SIP account as baresip writes it (``<sip:1001@pbx.example>``), without
    #: ``auth_pass``: the password stays in the credential store
    baresip_account: str = ""
    ring_timeout_s: int = 30
    # MicroSIP: the program, its microsip.ini and its recording folder
    microsip_exe: str = r"C:\Program Files (x86)\MicroSIP\microsip.exe"
    microsip_ini: str = ""
    microsip_recordings: str = ""
    # Asterisk AMI: manager address and login, channel technology, dial context,
    # where MixMonitor writes and where this PC sees that folder
    ami_host: str = ""
    ami_port: int = 5038
    ami_user: str = ""
    ami_channel: str = "PJSIP/{extension}"
    ami_context: str = "from-internal"
    ami_record_dir: str = "/var/spool/asterisk/monitor/winback"
    ami_record_share: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> PhoneConfig:
        known = {f.name for f in fields(cls)}
        data = data or {}
        return cls(**{k: v for k, v in data.items() if k in known})

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def load(session: Session) -> PhoneConfig:
    return PhoneConfig.from_dict(settings.get(session, KEY))


def save(session: Session, actor: Actor, config: PhoneConfig) -> PhoneConfig:
    require(actor, Permission.MANAGE_SETTINGS)
    if config.adapter not in ADAPTERS:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "Unknown phone connection '{adapter}'. Use one of: {choices}."),
            adapter=config.adapter, choices=", ".join(ADAPTERS))
    for name in ("baresip_port", "ami_port"):
        port = getattr(config, name)
        if not isinstance(port, int) or not 0 < port < 65536:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "A port is a number from 1 to 65535."))
    settings.set_value(session, actor, KEY, config.to_dict())
    return config


def extension(session: Session, user_id: int) -> str | None:
    value = settings.get(session, EXTENSION_KEY, settings.user_scope(user_id))
    return str(value) if value else None


def set_extension(session: Session, actor: Actor, user_id: int, value: str | None) -> None:
    """A user's extension on the PBX: admins set anyone's, a user their own."""
    if actor.user_id != user_id and not actor.can(Permission.MANAGE_USERS):
        refuse(None, actor, "set_extension")
    value = (value or "").strip() or None
    if value is not None and (len(value) > MAX_EXTENSION or not value.isascii()
                              or not value.replace("+", "").replace("*", "").isalnum()):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "An extension is up to 20 digits or letters ('{value}')."),
            value=value[:40])
    scope = settings.user_scope(user_id)
    if actor.user_id == user_id:
        settings.set_value(session, actor, EXTENSION_KEY, value, scope=scope)
    else:
        _set_for_other(session, actor, scope, value)


def _set_for_other(session: Session, actor: Actor, scope: str, value: str | None) -> None:
    from sqlalchemy import select

    from winback_desktop.db.models import Setting
    from winback_desktop.services import audit

    row = session.scalar(select(Setting).where(Setting.scope == scope,
                                               Setting.key == EXTENSION_KEY))
    before = row.value if row else None
    if row is None:
        session.add(Setting(scope=scope, key=EXTENSION_KEY, value=value))
    else:
        row.value = value
    audit.record(session, actor, "setting_changed", "setting", f"{scope}/{EXTENSION_KEY}",
                 before={"value": before}, after={"value": value})


def load_config(db: Database) -> PhoneConfig:
    """The team's phone settings as their own read (``winback phone status``)."""
    with db.session() as session:
        return load(session)
