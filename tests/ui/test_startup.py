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
