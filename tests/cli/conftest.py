from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def winback(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run the real ``winback`` CLI in a subprocess, as an admin's script would."""

    def run(*args: str, input: str | None = None, lang: str = "en") -> subprocess.CompletedProcess[str]:
        env = dict(os.environ)
        env["WINBACK_LANG"] = lang
        env["PYTHONPATH"] = str(ROOT)
        return subprocess.run(
            [sys.executable, "-m", "winback_desktop.cli", *args],
            capture_output=True, text=True, input=input, env=env, cwd=ROOT, timeout=300,
        )

    return run
