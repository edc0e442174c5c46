"""``winback-desktop --smoke-test``: passes on the real app, fails when a screen breaks."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_smoke_test_opens_every_screen_of_every_role_and_saves_screenshots(
        tmp_path: Path) -> None:
    shots = tmp_path / "shots"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WINBACK_DATA_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "winback_desktop.app", "--smoke-test", "--screenshots",
         str(shots), "--demo-customers", "300"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "smoke test passed" in result.stdout
    names = {p.name for p in shots.glob("*.png")}
    for lang in ("en", "zh_CN"):
        for expected in ("admin-home", "admin-users", "admin-audit", "admin-login",
                         "admin-settings", "supervisor-home", "supervisor-audit",
                         "agent-home", "agent-login", "agent-about"):
            assert f"{expected}-{lang}.png" in names
    # roles never see screens they may not use
    assert not any(n.startswith(("agent-users", "agent-audit", "supervisor-users"))
                   for n in names)
    assert all((shots / n).stat().st_size > 5000 for n in names)


def test_smoke_test_fails_when_a_screen_raises(qapp: Any, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from winback_desktop.core.permissions import Permission
    from winback_desktop.ui.shell import registry as screens
    from winback_desktop.ui.shell.smoke import run_smoke

    def broken(_ctx: Any) -> Any:
        raise ValueError("this screen is broken")

    screens.load_all()
    monkeypatch.setitem(screens._REGISTRY, "broken", screens.ScreenSpec(
        key="broken", title="Broken", permission=Permission.MANAGE_USERS, factory=broken))
    monkeypatch.setenv("WINBACK_DATA_DIR", str(tmp_path))
    args = argparse.Namespace(database=None, screenshots=None, demo_customers=50)
    assert run_smoke(qapp, args) == 1
    err = capsys.readouterr().err
    assert "SMOKE TEST FAILED" in err
    assert "admin screen broken" in err and "this screen is broken" in err
