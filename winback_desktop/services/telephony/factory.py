"""Build the configured adapter for this PC (secrets come from its credential store)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from winback_desktop.services.telephony.config import KEYRING_SERVICE, PhoneConfig
from winback_desktop.services.telephony.interface import Telephony


def secret(name: str) -> str | None:
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, name)
    except Exception:  # no credential store on this PC: nothing stored
        return None


def set_secret(name: str, value: str) -> None:
    import keyring

    keyring.set_password(KEYRING_SERVICE, name, value)


def ami_secret_name(config: PhoneConfig) -> str:
    """The credential-store entry of the AMI login (one per manager user and host)."""
    return f"ami:{config.ami_user}@{config.ami_host}:{config.ami_port}"


def baresip_secret_name(config: PhoneConfig) -> str:
    """The credential-store entry of the SIP password of baresip's account."""
    return f"sip:{config.baresip_account}"


def baresip_account(config: PhoneConfig) -> str | None:
    """The account line baresip registers with, its password added from the keyring."""
    account = config.baresip_account.strip()
    if not account:
        return None
    password = secret(baresip_secret_name(config))
    if password and "auth_pass=" not in account:
        account += f";auth_pass={password}"
    return account


def make_phone(config: PhoneConfig, *, open_uri: Callable[[str], object] | None = None,
               extension: str | None = None) -> Telephony:
    """The adapter IT configured; ``extension`` is the signed-in user's own phone."""
    if config.adapter == "ami":
        from winback_desktop.services.telephony.ami import AmiPhone

        return AmiPhone(config, secret(ami_secret_name(config)) or "", extension=extension)
    if config.adapter == "baresip":
        from winback_desktop.services.telephony.baresip import BaresipPhone

        return BaresipPhone(config.baresip_host, int(config.baresip_port),
                            recordings_dir=config.baresip_recordings or None,
                            ring_timeout_s=float(config.ring_timeout_s),
                            account=baresip_account(config))
    if config.adapter == "microsip":
        from winback_desktop.services.telephony.microsip import MicroSipPhone

        return MicroSipPhone(Path(config.microsip_exe),
                             Path(config.microsip_ini) if config.microsip_ini else None)
    from winback_desktop.services.telephony.manual import ManualPhone

    return ManualPhone(open_uri)
