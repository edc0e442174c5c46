"""Where ``winback login`` keeps its session token on this PC, per OS user.

The OS keyring (Windows Credential Manager) holds it, keyed by the database it opens
(the URL without its password). Without a usable keyring, and always when
``WINBACK_DATA_DIR`` is set (tests, portable installs keep everything in one folder),
it goes to a file only the OS user may read. Only a token is kept, never a password;
the server side can revoke it (``cli_sessions``).
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from winback_desktop.services.paths import config_dir

KEYRING_SERVICE = "WinbackDesktop-cli"
FILE_NAME = "cli-sessions.json"
log = logging.getLogger(__name__)


def _use_keyring() -> bool:
    return not os.environ.get("WINBACK_DATA_DIR")


def _file() -> Path:
    return config_dir() / FILE_NAME


def _read_file() -> dict[str, str]:
    try:
        data = json.loads(_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _write_file(data: dict[str, str]) -> None:
    path = _file()
    tmp = path.with_name(path.name + ".tmp")
    # Created owner-only (0600 on POSIX; the profile folder's ACL on Windows).
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(data, out)
    os.replace(tmp, path)


def load(key: str) -> str | None:
    if _use_keyring():
        try:
            import keyring

            token = keyring.get_password(KEYRING_SERVICE, key)
            if token:
                return str(token)
        except Exception:  # no keyring backend: the file below
            log.debug("keyring unavailable", exc_info=True)
    return _read_file().get(key)


def save(key: str, token: str) -> None:
    if _use_keyring():
        try:
            import keyring

            keyring.set_password(KEYRING_SERVICE, key, token)
            return
        except Exception:
            log.debug("keyring unavailable, using the owner-only file", exc_info=True)
    data = _read_file()
    data[key] = token
    _write_file(data)


def forget(key: str) -> None:
    if _use_keyring():
        try:
            import keyring

            keyring.delete_password(KEYRING_SERVICE, key)
        except Exception:
            log.debug("nothing in the keyring", exc_info=True)
    data = _read_file()
    if data.pop(key, None) is not None:
        _write_file(data)
