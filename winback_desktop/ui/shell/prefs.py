"""Workstation preferences (QSettings) and where this PC keeps its files.

Kept free of SQLAlchemy so the login window can appear before the database stack is
imported. ``WINBACK_DATA_DIR`` (used by tests and portable installs) moves both the
settings file and the default database into one folder.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from PySide6.QtCore import QSettings

from winback_desktop import APP_ID, ORG_NAME

KEY_DATABASE_URL = "database/url"
KEY_LANGUAGE = "ui/language"
KEY_LAST_LOGIN = "login/last_login"
KEY_GEOMETRY = "main_window/geometry"
KEY_STATE = "main_window/state"


def data_dir() -> Path:
    """Same folder as ``db.engine.data_dir`` (kept import-light on purpose)."""
    override = os.environ.get("WINBACK_DATA_DIR")
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_path

        path = user_data_path(APP_ID, ORG_NAME)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_url() -> str:
    return f"sqlite:///{(data_dir() / 'winback.sqlite3').as_posix()}"


def qsettings() -> QSettings:
    """The workstation's settings; a private ini file when ``WINBACK_DATA_DIR`` is set."""
    if os.environ.get("WINBACK_DATA_DIR"):
        return QSettings(str(data_dir() / "winback-desktop.ini"), QSettings.Format.IniFormat)
    return QSettings(ORG_NAME, APP_ID)


def get_str(key: str, default: str = "") -> str:
    value = qsettings().value(key, default)
    return value if isinstance(value, str) else default


def set_value(key: str, value: object) -> None:
    s = qsettings()
    s.setValue(key, value)
    s.sync()


_PASSWORD_RE = re.compile(r"(://[^:/@]+):[^@]*@")


def mask_url(url: str) -> str:
    """A database URL with its password hidden, without importing SQLAlchemy."""
    return _PASSWORD_RE.sub(r"\1:***@", url)


_KEYRING_SERVICE = "Winback Desktop database"


def save_database_url(url: str) -> None:
    """Remember the database; a password goes to the OS keyring, not the settings file."""
    masked = mask_url(url)
    if masked != url:
        match = re.search(r"://[^:/@]+:([^@]*)@", url)
        try:
            import keyring

            keyring.set_password(_KEYRING_SERVICE, masked, match.group(1) if match else "")
        except Exception:  # no keyring backend: keep it for this session only
            return
    set_value(KEY_DATABASE_URL, masked)


def resolve_url(url: str) -> str:
    """Put the keyring's password back into a masked URL (``user:***@``)."""
    if ":***@" not in url:
        return url
    try:
        import keyring

        password = keyring.get_password(_KEYRING_SERVICE, url)
    except Exception:
        password = None
    return url.replace(":***@", f":{password}@", 1) if password is not None else url


def load_database_url() -> str:
    stored = get_str(KEY_DATABASE_URL)
    return resolve_url(stored) if stored else default_database_url()
