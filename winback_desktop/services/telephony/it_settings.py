"""IT's use cases for the phone connection: read, save (audited), test.

The AMI password goes into this PC's credential store (keyring) under the manager
login's name, never into the database, the audit log or ``microsip.ini``; the stored
settings only say whether a password is set.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from winback_desktop.core.errors import ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.db.session import Database
from winback_desktop.services.context import Actor, require
from winback_desktop.services.telephony import config, factory
from winback_desktop.services.telephony.interface import (
    Capability,
    ConnectionCheck,
    Telephony,
)


@dataclass(frozen=True, slots=True)
class PhoneSettings:
    config: config.PhoneConfig
    #: the AMI password is in this PC's credential store
    ami_secret_set: bool
    capabilities: frozenset[Capability]
    #: the SIP password of baresip's account is in this PC's credential store
    sip_secret_set: bool = False


def _settings(cfg: config.PhoneConfig) -> PhoneSettings:
    ami = factory.secret(factory.ami_secret_name(cfg)) if cfg.ami_user else None
    sip = factory.secret(factory.baresip_secret_name(cfg)) if cfg.baresip_account else None
    return PhoneSettings(cfg, bool(ami), _capabilities(cfg), bool(sip))


def _capabilities(cfg: config.PhoneConfig) -> frozenset[Capability]:
    phone = factory.make_phone(cfg)
    try:
        return phone.capabilities
    finally:
        phone.close()


def load_settings(db: Database, actor: Actor) -> PhoneSettings:
    require(actor, Permission.MANAGE_SETTINGS)
    with db.session() as session:
        cfg = config.load(session)
    return _settings(cfg)


def save_settings(db: Database, actor: Actor, cfg: config.PhoneConfig,
                  ami_secret: str | None = None, sip_secret: str | None = None
                  ) -> PhoneSettings:
    """Store the team's phone connection; new passwords go to the keyring only."""
    require(actor, Permission.MANAGE_SETTINGS)
    cfg = replace(cfg, extra=dict(cfg.extra))
    if cfg.adapter == "ami" and not cfg.ami_host.strip():
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "Enter the address of the Asterisk server."))
    if "auth_pass" in cfg.baresip_account.lower():
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "Leave the password out of the SIP account; enter it in the password"
            " field, which keeps it in this PC's credential store."))
    with db.session(immediate=True) as session:
        config.save(session, actor, cfg)
    for name, value in ((factory.ami_secret_name(cfg), ami_secret),
                        (factory.baresip_secret_name(cfg), sip_secret)):
        if not value:
            continue
        try:
            factory.set_secret(name, value)
        except Exception as exc:  # no credential store: say so, keep the rest
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "The password could not be stored in this PC's credential "
                "store: {detail}"), detail=str(exc)) from exc
    return _settings(cfg)


def check_connection(actor: Actor, cfg: config.PhoneConfig,
                    ami_secret: str | None = None) -> ConnectionCheck:
    """Try a connection as entered (not yet saved); slow: run it off the GUI thread."""
    require(actor, Permission.MANAGE_SETTINGS)
    phone: Telephony
    if cfg.adapter == "ami" and ami_secret:
        from winback_desktop.services.telephony.ami import AmiPhone

        phone = AmiPhone(cfg, ami_secret)
    else:
        phone = factory.make_phone(cfg)
    try:
        return phone.test_connection()
    finally:
        phone.close()


def write_microsip_hooks(db: Database, actor: Actor, ini: str, winback: str,
                         database: str | None = None) -> dict[str, str]:
    """Put the ``winback phone hook`` lines into MicroSIP's settings file (audited).

    Only the three hook commands are written: no password ever goes into microsip.ini.
    """
    from pathlib import Path

    from winback_desktop.services import audit
    from winback_desktop.services.telephony.microsip import write_hooks

    require(actor, Permission.MANAGE_SETTINGS)
    if database and "://" in database:
        from sqlalchemy.engine import make_url

        if make_url(database).password:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "The database address for MicroSIP must not contain a password:"
                " put it in the PostgreSQL password file (pgpass.conf)."))
    if not ini.strip():
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "Enter where MicroSIP keeps microsip.ini."))
    try:
        lines = write_hooks(Path(ini), winback,
                            extra=["--database", database] if database else None)
    except OSError as exc:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "{path} could not be written: {detail}"), path=ini,
            detail=str(exc)) from exc
    with db.session(immediate=True) as session:
        audit.record(session, actor, "microsip_hooks_written", "setting", "telephony",
                     after={"ini": ini, "lines": lines})
    return lines


def set_own_extension(db: Database, actor: Actor, user_id: int, value: str | None) -> None:
    """A user's extension on the phone system (their own, or anyone's for an admin)."""
    with db.session(immediate=True) as session:
        config.set_extension(session, actor, user_id, value)
