"""The login window appears before the database stack is imported (cold start ≤ 1 s)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_login_window_shows_before_any_heavy_module_is_imported(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WINBACK_DATA_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "winback_desktop.app", "--startup-timing"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    match = re.search(r"login window shown ([\d.]+) s .*heavy modules already loaded: (.*)",
                      result.stdout)
    assert match, result.stdout
    assert match.group(2).strip() == "none"
    # The database opened in the background meanwhile: the default file now exists.
    assert (tmp_path / "winback.sqlite3").exists()


def test_first_start_migrations_go_to_the_log_file_not_stderr(
        tmp_path: Path, capfd: object) -> None:
    """Alembic's ~20 'Running upgrade' lines belong in the log file, not on the console."""
    import logging

    from winback_desktop.db import migrate
    from winback_desktop.db.engine import make_engine
    from winback_desktop.services.logs import setup_logging
    from winback_desktop.ui.shell.application import console_logging

    root = logging.getLogger()
    before = list(root.handlers), root.level
    try:
        console_logging()
        path = setup_logging("winback-desktop", directory=tmp_path / "logs")
        engine = make_engine(f"sqlite:///{(tmp_path / 'fresh.sqlite3').as_posix()}")
        migrate.upgrade(engine, backup=False)
        engine.dispose()
        for handler in root.handlers:
            handler.flush()
        err = capfd.readouterr().err  # type: ignore[attr-defined]
        assert "Running upgrade" not in err
        assert "Running upgrade" in path.read_text(encoding="utf-8")
    finally:
        for handler in list(root.handlers):
            if handler not in before[0]:
                root.removeHandler(handler)
                handler.close()
        root.setLevel(before[1])
