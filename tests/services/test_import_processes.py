"""Imports from two workstations at once: separate processes, as on a shared database.

Threads in one process share a connection pool and the GIL; two workstations share
nothing but the server. These tests start real processes: two imports of the same file
started together yield one set of customers (the second waits, then finds every row
unchanged), and a workstation killed while another waits releases the database (the
waiting import then imports the file once), on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from winback_desktop.db.models import Customer, CustomerPhone, ImportBatch
from winback_desktop.services import import_lock, importing

from .test_importing import count, good_rows, workbook

ROOT = Path(__file__).resolve().parents[2]

IMPORTER = """
import json, sys, time
from winback_desktop.db.session import Database
from winback_desktop.services import importing
from winback_desktop.services.context import Actor

url, path, hold = sys.argv[1], sys.argv[2], float(sys.argv[3])
db = Database(url)
held = []

def progress(done, total):
    if done > 0 and not held:  # the lock is ours: keep it a while, as a slow disk would
        held.append(1)
        print("HOLDING", flush=True)
        time.sleep(hold)

def waiting():
    if not held:
        held.append(0)
        print("WAITING", flush=True)

sys.stdin.readline()  # start together
result = importing.run_import(db, Actor.system(), path, progress=progress, waiting=waiting,
                              chunk_rows=500)
print(json.dumps({"inserted": result.inserted, "unchanged": result.unchanged,
                  "waited": result.waited, "committed": result.committed}), flush=True)
"""


def _start(url: str, path: Path, hold: float) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", IMPORTER, url, str(path), str(hold)],
                            cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})


def _lines(proc: subprocess.Popen[str], timeout: float = 180) -> list[str]:
    out, err = proc.communicate(timeout=timeout)
    assert proc.returncode == 0, err[-1500:]
    return out.splitlines()


def test_two_workstations_importing_one_file_make_one_set_of_customers(
        db, db_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = workbook(tmp_path / "same.xlsx", good_rows(2000))
    db.dispose()
    procs = [_start(db_url, path, hold=2.0) for _ in range(2)]
    for proc in procs:  # both are ready (imports done); go at the same moment
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    results = [json.loads(_lines(proc)[-1]) for proc in procs]
    results.sort(key=lambda r: r["waited"])
    first, second = results
    assert first == {"inserted": 2000, "unchanged": 0, "waited": False, "committed": True}
    assert second == {"inserted": 0, "unchanged": 2000, "waited": True, "committed": True}
    assert count(db, Customer) == 2000
    assert count(db, CustomerPhone) == 2000
    assert count(db, ImportBatch) == 2


def test_a_workstation_killed_holding_the_lock_lets_the_waiting_one_finish(
        db, db_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = workbook(tmp_path / "same.xlsx", good_rows(2000))
    db.dispose()
    holder = _start(db_url, path, hold=600)
    assert holder.stdin is not None and holder.stdout is not None
    holder.stdin.write("go\n")
    holder.stdin.flush()
    assert holder.stdout.readline().strip() == "HOLDING"
    waiter = _start(db_url, path, hold=0)
    assert waiter.stdin is not None and waiter.stdout is not None
    waiter.stdin.write("go\n")
    waiter.stdin.flush()
    try:
        assert waiter.stdout.readline().strip() == "WAITING"
        assert count(db, Customer) == 0  # the holder's rows are uncommitted
        holder.kill()  # portable: TerminateProcess on Windows, SIGKILL elsewhere
        holder.wait(timeout=30)
        result = json.loads(_lines(waiter)[-1])
    finally:
        for proc in (holder, waiter):
            if proc.poll() is None:
                proc.kill()
    assert result == {"inserted": 2000, "unchanged": 0, "waited": True, "committed": True}
    assert (count(db, Customer), count(db, ImportBatch)) == (2000, 1)


@pytest.mark.pg
def test_waiting_for_the_advisory_lock_polls_instead_of_spinning(
        db, db_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    if db.backend != "postgresql":
        pytest.skip("PostgreSQL's advisory lock")
    path = workbook(tmp_path / "few.xlsx", good_rows(5))
    calls: list[float] = []
    with db.engine.connect() as holder:
        holder.execute(text("SELECT pg_advisory_lock(:k)"), {"k": import_lock.LOCK_KEY})
        worker = threading.Thread(target=lambda: importing.run_import(
            db, _system(), path, waiting=lambda: calls.append(time.monotonic())))
        worker.start()
        time.sleep(1.5)
        holder.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": import_lock.LOCK_KEY})
        holder.commit()
    worker.join(60)
    assert 0 < len(calls) <= 1.5 / import_lock.POLL + 3
    assert count(db, Customer) == 5


def _system():  # type: ignore[no-untyped-def]
    from winback_desktop.services.context import Actor

    return Actor.system()
