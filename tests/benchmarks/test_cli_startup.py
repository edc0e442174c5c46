"""Command-line start-up (issue 17: ``--version`` ≤ 0.4 s, a command's start ≤ 0.5 s).

Each figure is the median of several runs against ``python -c pass`` in the same run,
so a busy machine shifts both alike. Run with
``pytest tests/benchmarks/test_cli_startup.py -m benchmark -s``.
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
RUNS = 5


def _median(args: list[str]) -> float:
    env = {**os.environ, "WINBACK_LANG": "zh_CN"}
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


@pytest.mark.benchmark
def test_cli_start_up() -> None:
    bare = _median([sys.executable, "-c", "pass"])
    cli = [sys.executable, "-m", "winback_desktop.cli"]
    version = _median([*cli, "--version"])
    help_zh = _median([*cli, "--help"])
    command_help = _median([*cli, "queue", "--help"])
    print(f"\nbare python {bare:.3f}s | winback --version {version:.3f}s "
          f"({version / bare:.1f}x) | --help (zh_CN) {help_zh:.3f}s ({help_zh / bare:.1f}x) | "
          f"queue --help {command_help:.3f}s ({command_help / bare:.1f}x)")
    assert version - bare <= 0.4
