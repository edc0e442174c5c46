"""How much a verified backup, verify and restore cost over SQLite's bare online backup.

Run: .venv/bin/python -m pytest tests/benchmarks/test_backup_speed.py -m benchmark -s
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest

from winback_desktop.db.engine import sqlite_path
from winback_desktop.services import backup, demo, team_setup
from winback_desktop.services.context import Actor

CUSTOMERS = int(os.environ.get("WINBACK_BENCH_CUSTOMERS", "20000"))


def _timed(fn):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


@pytest.mark.benchmark
def test_backup_verify_restore_against_bare_copy(sqlite_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    demo.load_demo(sqlite_db, Actor.system(), customers=CUSTOMERS)
    live = sqlite_path(sqlite_db.engine.url)
    assert live is not None

    def bare() -> None:
        src, dst = sqlite3.connect(live), sqlite3.connect(tmp_path / "bare.sqlite3")
        src.backup(dst)
        dst.close()
        src.close()

    t_bare, _ = _timed(bare)
    t_backup, info = _timed(lambda: backup.backup(sqlite_db, Actor.system(), tmp_path / "b.zip"))
    t_verify, _ = _timed(lambda: backup.verify_backup(tmp_path / "b.zip"))
    t_restore, _ = _timed(lambda: backup.restore(sqlite_db, Actor.system(), tmp_path / "b.zip",
                                                 confirm=True))
    t_portable, _ = _timed(lambda: backup.backup(sqlite_db, Actor.system(), tmp_path / "p.zip",
                                                 portable=True))
    size = (tmp_path / "bare.sqlite3").stat().st_size
    print(f"\n{CUSTOMERS} customers, {info.total_rows} rows, database {size / 1e6:.1f} MB, "
          f"backup zip {info.size_bytes / 1e6:.1f} MB")
    print(f"bare online backup {t_bare:.2f} s | winback backup {t_backup:.2f} s "
          f"({t_backup / t_bare:.1f}x) | verify {t_verify:.2f} s | restore {t_restore:.2f} s | "
          f"portable backup {t_portable:.2f} s")
    pg = os.environ.get("WINBACK_TEST_PG_URL")
    if pg:
        import uuid

        from sqlalchemy import create_engine, text
        from sqlalchemy.engine import make_url

        admin = create_engine(make_url(pg), isolation_level="AUTOCOMMIT")
        name = f"winback_bench_{uuid.uuid4().hex[:8]}"
        with admin.connect() as c:
            c.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            url = make_url(pg).set(database=name).render_as_string(hide_password=False)
            t_mig, report = _timed(lambda: team_setup.migrate_to(sqlite_db, url,
                                                                 Actor.system()))
            assert report.ok
            print(f"migrate-to PostgreSQL: {report.total_rows} rows copied and verified in "
                  f"{t_mig:.2f} s")
        finally:
            with admin.connect() as c:
                c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()
