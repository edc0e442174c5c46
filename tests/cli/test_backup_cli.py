"""``winback backup|restore|db migrate-to|db test-connection`` as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests import cli_runner
from tests.conftest import PG_ENV, PG_SKIP

ROOT = Path(__file__).resolve().parents[2]


def winback(url: str, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return cli_runner.run("--database", url, *args, input=stdin, timeout=240)


@pytest.fixture
def demo_url(sqlite_db) -> str:  # type: ignore[no-untyped-def]
    from winback_desktop.services import demo
    from winback_desktop.services.context import Actor

    demo.load_demo(sqlite_db, Actor.system(), customers=40, seed=9)
    url: str = sqlite_db.url
    sqlite_db.dispose()
    return url


def test_backup_then_restore_with_yes(demo_url: str, tmp_path: Path) -> None:
    out = winback(demo_url, "backup", str(tmp_path / "b.zip"), "--json")
    assert out.returncode == 0, out.stderr
    info = json.loads(out.stdout)
    assert info["rows"]["customers"] == 40 and info["kind"] == "sqlite"

    check = winback(demo_url, "restore", str(tmp_path / "b.zip"), "--check", "--json")
    assert check.returncode == 0 and json.loads(check.stdout)["checks"]

    done = winback(demo_url, "restore", str(tmp_path / "b.zip"), "--yes", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["rows"]["customers"] == 40


def test_restore_into_a_missing_or_broken_database_file(demo_url: str, tmp_path: Path) -> None:
    """Disaster recovery: the live file is gone or garbage; the restore still works."""
    assert winback(demo_url, "backup", str(tmp_path / "b.zip")).returncode == 0
    assert winback(demo_url, "backup", str(tmp_path / "p.zip"), "--portable").returncode == 0
    for name, source in (("new.sqlite3", "b.zip"), ("garbage.sqlite3", "p.zip")):
        target = tmp_path / "restored" / name
        target.parent.mkdir(exist_ok=True)
        if name.startswith("garbage"):
            target.write_bytes(b"\0" * 8192)
        url = f"sqlite:///{target.as_posix()}"
        out = winback(url, "restore", str(tmp_path / source), "--yes", "--json")
        assert out.returncode == 0, out.stderr
        assert json.loads(out.stdout)["rows"]["customers"] == 40
        status = winback(url, "user", "list", "--json")
        assert any(u["login"] == "agent01" for u in json.loads(status.stdout))


def test_restore_without_yes_refuses_with_one_clear_line(demo_url: str, tmp_path: Path) -> None:
    assert winback(demo_url, "backup", str(tmp_path / "b.zip")).returncode == 0
    out = winback(demo_url, "restore", str(tmp_path / "b.zip"), stdin="yes\n")
    assert out.returncode == 2
    assert "Not restored" in out.stderr and "--yes" in out.stderr
    assert "Traceback" not in out.stderr


def test_restore_of_a_damaged_file_is_refused(demo_url: str, tmp_path: Path) -> None:
    path = tmp_path / "b.zip"
    assert winback(demo_url, "backup", str(path)).returncode == 0
    data = bytearray(path.read_bytes())
    for i in range(len(data) // 2, len(data) // 2 + 200):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))
    out = winback(demo_url, "restore", str(path), "--yes")
    assert out.returncode == 2
    assert "damaged or incomplete" in out.stderr and "Traceback" not in out.stderr


def test_test_connection_reports_refusal(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    out = winback(sqlite_db.url, "db", "test-connection", f"postgresql://wb@127.0.0.1:{port}/w")
    assert out.returncode == 2
    assert "refused the connection" in out.stderr


def test_migrate_to_prints_counts_per_table(demo_url: str) -> None:
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(PG_SKIP)
    admin = create_engine(make_url(base), isolation_level="AUTOCOMMIT")
    name = f"winback_cli_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        target = make_url(base).set(database=name).render_as_string(hide_password=False)
        ok = winback(demo_url, "db", "test-connection", target)
        assert ok.returncode == 0 and "no Winback schema yet" in ok.stdout
        out = winback(demo_url, "db", "migrate-to", target, "--json")
        assert out.returncode == 0, out.stderr
        report = json.loads(out.stdout)
        assert report["ok"] is True
        customers = next(t for t in report["tables"] if t["table"] == "customers")
        assert customers["source_rows"] == customers["target_rows"] == 40
        plain = winback(demo_url, "db", "migrate-to", target)
        assert plain.returncode == 2 and "already holds users" in plain.stderr
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
