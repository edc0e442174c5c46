"""``winback phone hook`` returns within 0.5 s (issue 20): MicroSIP waits for it.

The hook is run exactly as MicroSIP runs it (the command line written into
``microsip.ini``, the number appended) against an open call, on SQLite and PostgreSQL,
and compared with ``python -c pass`` measured in the same run (the interpreter's own
start on this machine). Run with
``pytest tests/benchmarks/test_phone_hook_speed.py -m benchmark -s``.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

import pytest

from tests.telephony.test_microsip_hook import NUMBER, microsip_runs, open_call  # noqa: F401

LIMIT_S = 0.5
RUNS = 7


def _python(code: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - started


# Measured 2026-12-05 on the shared 2-core machine with the hook opening the database
# itself: quiet, median 0.48 s on SQLite and 0.53 s on PostgreSQL (importing the ORM
# models alone 0.40 s). With the agent's app listening (hook_channel) the hook imports
# only the standard library; the app records the event through the services.
@pytest.mark.benchmark
def test_hook_returns_within_half_a_second(open_call, db_url) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    from winback_desktop.services.telephony import hook

    listener = hook.listen(open_call["db"], open_call["agent"])  # the agent's app runs
    try:
        _measure(open_call["ini"], db_url)
    finally:
        listener.close()


def _measure(ini, db_url: str) -> None:  # type: ignore[no-untyped-def]
    done, _ = microsip_runs(ini, "cmdCallStart", NUMBER)  # warm the OS file cache
    assert done.returncode == 0, done.stderr
    hook: list[float] = []
    for _ in range(RUNS):
        done, seconds = microsip_runs(ini, "cmdCallStart", NUMBER)  # a repeat: same work
        assert done.returncode == 0, done.stderr
        hook.append(seconds)
    baseline = [_python("pass") for _ in range(RUNS)]
    orm = [_python("import winback_desktop.db.models, sqlalchemy.orm") for _ in range(3)]
    hook_med, base_med = statistics.median(hook), statistics.median(baseline)
    engine = db_url.split(":", 1)[0]
    print(f"\nphone hook on {engine}: median {hook_med:.3f} s (max {max(hook):.3f}); "
          f"python -c pass: {base_med:.3f} s; ratio {hook_med / base_med:.1f}; "
          f"importing the ORM models alone: {statistics.median(orm):.3f} s")
    assert hook_med < LIMIT_S, f"the hook took {hook_med:.3f} s (limit {LIMIT_S} s)"
