"""Backups and restores: round trips on both engines, refusals, retention and schedule."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from winback_desktop.core.domain import Role
from winback_desktop.core.errors import DatabaseTooNew, PermissionDenied
from winback_desktop.db import backup as backup_file
from winback_desktop.db.models import Base, Customer, User
from winback_desktop.services import backup, demo
from winback_desktop.services.context import Actor


def _stats(db) -> dict[str, backup_file.TableStat]:  # type: ignore[no-untyped-def]
    with db.engine.connect() as conn:
        return backup_file.table_stats(conn, Base.metadata.sorted_tables)


@pytest.fixture
def demo_db(db):  # type: ignore[no-untyped-def]
    demo.load_demo(db, Actor.system(), customers=60, seed=7)
    return db


def _customers(db) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(Customer)) or 0)


def test_round_trip_restores_every_row_exactly(demo_db, tmp_path: Path) -> None:
    before = _stats(demo_db)
    info = backup.backup(demo_db, Actor.system(), tmp_path / "b.zip")
    assert info.rows["customers"] == 60
    assert info.kind == ("sqlite" if demo_db.backend == "sqlite" else "pg_dump")

    # Damage the live data: the restore must bring back exactly what was backed up.
    with demo_db.session() as s:
        s.query(Customer).filter(Customer.id % 2 == 0).delete()
        s.query(User).filter(User.login == "agent01").update({"display_name": "changed"})
    assert _customers(demo_db) < 60

    result = backup.restore(demo_db, Actor.system(), tmp_path / "b.zip", confirm=True)
    after = _stats(demo_db)
    for name, stat in before.items():
        if name == "audit_log":
            continue  # the restore itself is audited afterwards
        assert after[name] == stat, name
    assert result.rows["customers"] == 60
    with demo_db.session() as s:
        actions = s.scalars(select(Base.metadata.tables["audit_log"].c.action)).all()
    assert "database_restore" in actions


def test_portable_backup_restores_into_the_other_engine(demo_db, db_url, tmp_path: Path,
                                                        sqlite_template: Path) -> None:
    """The pg_dump-less fallback loads into an empty schema on either engine."""
    import shutil

    from winback_desktop.db.session import Database

    before = _stats(demo_db)
    path = tmp_path / "portable.zip"
    info = backup.backup(demo_db, Actor.system(), path, portable=True)
    assert info.kind == "portable"
    assert backup.verify_backup(path).rows["customers"] == 60

    fresh_path = tmp_path / "fresh.sqlite3"
    shutil.copyfile(sqlite_template, fresh_path)
    fresh = Database(f"sqlite:///{fresh_path.as_posix()}")
    try:
        backup.restore(fresh, Actor.system(), path, confirm=True)
        after = _stats(fresh)
    finally:
        fresh.dispose()
    for name, stat in before.items():
        if name != "audit_log":
            assert after[name] == stat, name

    # And back into the original engine by loading rows (PostgreSQL: sequences reset).
    with demo_db.session() as s:
        s.query(Customer).delete()
    backup.restore(demo_db, Actor.system(), path, confirm=True)
    assert _stats(demo_db)["customers"] == before["customers"]
    with demo_db.session() as s:
        s.add(Customer(external_id="after-restore", name="New"))
    assert _customers(demo_db) == 61


def test_restore_refuses_without_confirmation(demo_db, tmp_path: Path) -> None:
    backup.backup(demo_db, Actor.system(), tmp_path / "b.zip")
    with pytest.raises(backup.RestoreNotConfirmed, match="Confirm"):
        backup.restore(demo_db, Actor.system(), tmp_path / "b.zip", confirm=False)


def test_only_admins_back_up_or_restore(demo_db, tmp_path: Path) -> None:
    with demo_db.session() as s:  # powers are read from the stored role: a real agent
        agent_id = s.scalar(select(User.id).where(User.login == "agent01"))
    agent = Actor(agent_id, "agent01", Role.AGENT)
    with pytest.raises(PermissionDenied):
        backup.backup(demo_db, agent, tmp_path / "b.zip")
    with pytest.raises(PermissionDenied):
        backup.restore(demo_db, agent, tmp_path / "b.zip", confirm=True)


def _flip(path: Path, offset: int, length: int = 64) -> None:
    data = bytearray(path.read_bytes())
    for i in range(offset, min(offset + length, len(data))):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))


def test_restore_refuses_a_damaged_file_and_keeps_the_data(sqlite_db, tmp_path: Path) -> None:
    demo.load_demo(sqlite_db, Actor.system(), customers=30, seed=3)
    path = tmp_path / "b.zip"
    backup.backup(sqlite_db, Actor.system(), path)
    _flip(path, path.stat().st_size // 3)
    with pytest.raises(backup_file.BackupCorrupt, match="damaged or incomplete"):
        backup.verify_backup(path)
    with pytest.raises(backup_file.BackupCorrupt):
        backup.restore(sqlite_db, Actor.system(), path, confirm=True)
    assert _customers(sqlite_db) == 30


def test_a_file_that_is_not_a_backup_is_refused(tmp_path: Path) -> None:
    junk = tmp_path / "notes.zip"
    junk.write_bytes(b"hello, not a zip")
    with pytest.raises(backup_file.BackupCorrupt, match=r"notes\.zip"):
        backup.verify_backup(junk)


def test_a_damaged_table_inside_an_intact_zip_is_caught(sqlite_db, tmp_path: Path) -> None:
    """Even a rewritten zip (CRCs fine) fails when a table no longer matches the manifest."""
    import sqlite3

    demo.load_demo(sqlite_db, Actor.system(), customers=20, seed=3)
    path = tmp_path / "b.zip"
    backup.backup(sqlite_db, Actor.system(), path)
    with zipfile.ZipFile(path) as zf:
        manifest = zf.read("manifest.json")
        zf.extract("database.sqlite3", tmp_path)
    con = sqlite3.connect(tmp_path / "database.sqlite3")
    con.execute("UPDATE customers SET name = 'X' WHERE id = 1")
    con.commit()
    con.close()
    forged = tmp_path / "forged.zip"
    with zipfile.ZipFile(forged, "w") as zf:
        zf.write(tmp_path / "database.sqlite3", "database.sqlite3")
        zf.writestr("manifest.json", manifest)
    with pytest.raises(backup_file.BackupCorrupt, match="checksum"):
        backup.verify_backup(forged)


def test_restore_refuses_a_backup_from_a_newer_schema(sqlite_db, tmp_path: Path) -> None:
    path = tmp_path / "b.zip"
    backup.backup(sqlite_db, Actor.system(), path)
    rewritten = tmp_path / "newer.zip"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(rewritten, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "manifest.json":
                data = data.replace(b'"revision": "', b'"revision": "9999_future')
            dst.writestr(item, data)
    with pytest.raises(DatabaseTooNew):
        backup.restore(sqlite_db, Actor.system(), rewritten, confirm=True)
    # 'restore --check' must not call it intact: this app cannot restore it
    with pytest.raises(DatabaseTooNew) as caught:
        backup.verify_backup(rewritten)
    assert "9999_future" in str(caught.value)


def test_retention_keeps_the_newest_backups(sqlite_db, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    with sqlite_db.session() as s:
        from winback_desktop.services import settings

        settings.set_value(s, Actor.system(), backup.RETENTION_KEY, 2)
    written = []
    for i in range(4):
        info = backup.backup(sqlite_db, Actor.system())
        os.utime(info.path, (1_000_000 + i, 1_000_000 + i))
        written.append(Path(info.path))
    left = backup.list_backups()
    assert left[0] == written[-1]
    assert len(left) == 2


def test_schedule_daily_and_weekly_slots() -> None:
    tz = datetime.now().astimezone().tzinfo
    now = datetime(2026, 11, 25, 10, 0, tzinfo=tz)  # a Wednesday
    daily = backup.BackupSchedule("daily", time(2, 0))
    assert backup.is_due(daily, None, now)
    assert not backup.is_due(daily, now.replace(hour=3), now)
    assert backup.is_due(daily, now - timedelta(days=1), now)
    early = now.replace(hour=1)
    assert backup.last_slot(daily, early) == early.replace(hour=2) - timedelta(days=1)
    weekly = backup.BackupSchedule("weekly", time(2, 0), weekday=0)  # Mondays
    slot = backup.last_slot(weekly, now)
    assert slot is not None and slot.weekday() == 0 and slot.day == 23
    assert not backup.is_due(weekly, datetime(2026, 11, 24, tzinfo=tz), now)
    assert not backup.is_due(backup.BackupSchedule("off"), None, now)


def test_due_backup_follows_the_saved_schedule(sqlite_db) -> None:
    admin = Actor.system()
    assert not backup.due_backup(sqlite_db)
    backup.set_schedule(sqlite_db, admin, backup.BackupSchedule("daily", time(0, 0)))
    assert backup.get_schedule(sqlite_db).frequency == "daily"
    assert backup.due_backup(sqlite_db)
    info = backup.run_scheduled_backup(sqlite_db, admin)
    assert info is not None and "scheduled" in Path(info.path).name
    assert not backup.due_backup(sqlite_db)
    assert backup.run_scheduled_backup(sqlite_db, admin) is None
    assert backup.last_backup_at(sqlite_db) <= datetime.now(UTC)


def test_pre_upgrade_backup_uses_the_same_verified_format(sqlite_db, tmp_path: Path) -> None:
    from winback_desktop.db import migrate

    demo.load_demo(sqlite_db, Actor.system(), customers=10, seed=1)
    path = migrate.backup_database(sqlite_db.engine, tmp_path, label="pre-upgrade-0001")
    assert path.name.startswith("winback-pre-upgrade-0001-")
    assert backup.verify_backup(path).rows["customers"] == 10
