"""A workstation killed in the middle of an import leaves the database as it was."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from winback_desktop.db.models import Customer, CustomerPhone, ImportBatch
from winback_desktop.services import importing

from .test_importing import good_rows, workbook

ROOT = Path(__file__).resolve().parents[2]

IMPORTER = """
import sys, time
from winback_desktop.db.session import Database
from winback_desktop.services import importing
from winback_desktop.services.context import Actor

db = Database(sys.argv[1])

def progress(done, total):
    if done >= 1000:  # two chunks are in the database, uncommitted
        print("WRITING", flush=True)
        time.sleep(120)

importing.run_import(db, Actor.system(), sys.argv[2], progress=progress, chunk_rows=500)
print("FINISHED", flush=True)
"""


def _counts(db) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return tuple(int(s.scalar(select(func.count()).select_from(m)) or 0)  # type: ignore[return-value]
                     for m in (Customer, CustomerPhone, ImportBatch))


def test_killed_import_leaves_nothing(db, db_url: str, admin, tmp_path: Path) -> None:
    importing.run_import(db, admin, workbook(tmp_path / "first.xlsx", good_rows(10)))
    before = _counts(db)
    path = workbook(tmp_path / "big.xlsx", good_rows(3000, start=1000))
    db.dispose()
    proc = subprocess.Popen([sys.executable, "-c", IMPORTER, db_url, str(path)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.strip() == "WRITING", proc.stderr.read() if proc.stderr else ""
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    assert _counts(db) == before
    # and the database is usable: the same file imports completely afterwards
    result = importing.run_import(db, admin, path)
    assert result.inserted == 3000
    assert _counts(db) == (before[0] + 3000, before[1] + 3000, before[2] + 1)
