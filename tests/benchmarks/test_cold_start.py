"""Cold start to the login window (DESIGN §10: ≤ 1 s), against a bare Qt window.

Run with ``pytest tests/benchmarks/test_cold_start.py -m benchmark -s``.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BARE_QT = (
    "from PySide6.QtWidgets import QApplication, QLabel\n"
    "from PySide6.QtCore import QTimer\n"
    "app = QApplication([]); w = QLabel('x'); w.show()\n"
    "QTimer.singleShot(0, lambda: (print('shown', flush=True), app.quit()))\n"
    "app.exec()\n"
)


def _time_to_first_line(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.wait(timeout=60)
    return elapsed


@pytest.mark.benchmark
def test_cold_start_to_login_window(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "WINBACK_DATA_DIR": str(tmp_path)}
    app = [sys.executable, "-m", "winback_desktop.app", "--startup-timing"]
    bare = [sys.executable, "-c", BARE_QT]
    _time_to_first_line(app, env)  # warm the OS file cache and create the database
    ours = [_time_to_first_line(app, env) for _ in range(5)]
    baseline = [_time_to_first_line(bare, env) for _ in range(5)]
    ours_med, bare_med = statistics.median(ours), statistics.median(baseline)
    print(f"\ncold start to login window: median {ours_med:.3f} s "
          f"(min {min(ours):.3f}); bare Qt window: {bare_med:.3f} s; "
          f"ratio {ours_med / bare_med:.2f}")
    assert ours_med <= max(1.0, bare_med + 0.6)
