"""Where this workstation keeps its files: data, settings, logs.

``WINBACK_DATA_DIR`` (set by tests and portable installs) moves all of them under one
folder, so a test never touches the real user's files; ``WINBACK_CONFIG_DIR`` and
``WINBACK_LOG_DIR`` move one each.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_config_path, user_log_path

from winback_desktop import APP_ID, ORG_NAME

__all__ = ["config_dir", "data_dir", "drafts_dir", "log_dir"]


def data_dir() -> Path:
    """The database's folder (``db.engine`` decides it; imported when first asked, so
    setting up the log, which every command does first, does not load SQLAlchemy)."""
    from winback_desktop.db.engine import data_dir as engine_data_dir

    return engine_data_dir()


def _pick(env: str, sub: str, default: Path) -> Path:
    override = os.environ.get(env)
    if override:
        path = Path(override)
    elif os.environ.get("WINBACK_DATA_DIR"):
        path = Path(os.environ["WINBACK_DATA_DIR"]) / sub
    else:
        path = default
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    """Per-user settings of this PC (the team server to use, never its password)."""
    return _pick("WINBACK_CONFIG_DIR", "config", user_config_path(APP_ID, ORG_NAME))


def log_dir() -> Path:
    """Rotating logs and crash reports (``%LOCALAPPDATA%\\Winback\\WinbackDesktop\\Logs``)."""
    return _pick("WINBACK_LOG_DIR", "logs", user_log_path(APP_ID, ORG_NAME))


def drafts_dir() -> Path:
    path = data_dir() / "drafts"
    path.mkdir(parents=True, exist_ok=True)
    return path
