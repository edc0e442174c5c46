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

from tests.telephony.test_microsip_hook import (  # noqa: F401
    NUMBER,
    _call,
    drained,
    microsip_runs,
    open_call,
)

LIMIT_S = 0.5
RUNS = 7


def _python(code: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - started


# Measured 2026-12-05 on the shared 2-core machine with the hook opening the database
# itself: quiet, median 0.48 s on SQLite and 0.53 s on PostgreSQL (importing the ORM
# models alone 0.40 s; 1.4-2.1 s with the machine busy). With the agent's app listening
# (hook_channel) the hook imports only the standard library; the app records the event
# through the services. Without the app the hook spools the event and a detached worker
# records it (hook_spool): the hook itself again imports only the standard library.
@pytest.mark.benchmark
def test_hook_returns_within_half_a_second(open_call, db_url) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    from winback_desktop.services.telephony import hook

    listener = hook.listen(open_call["db"], open_call["agent"])  # the agent's app runs
    try:
        _measure(open_call["ini"], db_url)
    finally:
        listener.close()


@pytest.mark.benchmark
def test_hook_without_the_app_returns_within_half_a_second(open_call, db_url) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    # a call's hooks come seconds apart: each run's worker finishes before the next hook
    _measure(open_call["ini"], db_url, label="without the app", between=drained)
    drained()  # and the worker did record it, with the time the hook started
    call = _call(open_call["db"], open_call["call_id"])
    assert (call.step, call.answered_by) == ("answered", "phone")


def _measure(ini, db_url: str, label: str = "app listening",  # type: ignore[no-untyped-def]
             between=lambda: None) -> None:
    done, _ = microsip_runs(ini, "cmdCallStart", NUMBER)  # warm the OS file cache
    assert done.returncode == 0, done.stderr
    between()
    hook: list[float] = []
    for _ in range(RUNS):
        done, seconds = microsip_runs(ini, "cmdCallStart", NUMBER)  # a repeat: same work
        assert done.returncode == 0, done.stderr
        hook.append(seconds)
        between()
    baseline = [_python("pass") for _ in range(RUNS)]
    orm = [_python("import winback_desktop.db.models, sqlalchemy.orm") for _ in range(3)]
    hook_med, base_med = statistics.median(hook), statistics.median(baseline)
    engine = db_url.split(":", 1)[0]
    print(f"\nphone hook ({label}) on {engine}: median {hook_med:.3f} s (max {max(hook):.3f}); "
          f"python -c pass: {base_med:.3f} s; ratio {hook_med / base_med:.1f}; "
          f"importing the ORM models alone: {statistics.median(orm):.3f} s")
    assert hook_med < LIMIT_S, f"the hook took {hook_med:.3f} s (limit {LIMIT_S} s)"
