"""Restore: audited before it starts, and it never waits without a limit (issue 15).

A restore used to wait for ever behind another session's open transaction and left no
trace when it was killed half-way. Now it waits a bounded time for the others to leave
and stops saying who is still connected, with nothing changed; who began it, from which
file, is audited before anything is replaced and again in the restored database.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text

from winback_desktop.db import restore_guard
from winback_desktop.db.models import AuditEntry, Customer
from winback_desktop.db.session import Database
from winback_desktop.services import backup


def _customers(db: Database) -> list[str]:
    with db.session() as s:
        return list(s.scalars(select(Customer.external_id).order_by(Customer.external_id)))


def _actions(db: Database) -> list[tuple[str, dict]]:  # type: ignore[type-arg]
    with db.session() as s:
        return [(a, dict(after or {})) for a, after in s.execute(
            select(AuditEntry.action, AuditEntry.after).where(
                AuditEntry.action.like("database_restore%")).order_by(AuditEntry.id))]


@pytest.fixture
def backed_up(db, admin, tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "b.zip"
    backup.backup(db, admin, path)
    with db.session() as s:
        s.add(Customer(external_id="after-backup", name="New"))
    return path


def test_another_sessions_transaction_stops_the_restore_within_the_limit(
        db, db_url, admin, backed_up) -> None:  # type: ignore[no-untyped-def]
    other = create_engine(db_url)
    conn = other.connect()
    try:
        conn.execute(text("SELECT 1"))
        if db.backend == "sqlite":  # a writer's open transaction holds the file
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            conn.exec_driver_sql("UPDATE customers SET name = name")
        started = time.monotonic()
        with pytest.raises(restore_guard.RestoreBlocked) as blocked:
            backup.restore(db, admin, backed_up, confirm=True, wait_seconds=1)
        assert time.monotonic() - started < 30
        assert "Nothing was changed" in str(blocked.value)
    finally:
        conn.rollback()
        conn.close()
        other.dispose()
    assert "after-backup" in _customers(db)  # nothing was replaced
    if db.backend == "postgresql":  # says who, and the attempt is audited
        assert "1 other connection" in str(blocked.value)
        assert [a for a, _ in _actions(db)] == ["database_restore_blocked"]
    # once the other session has left, the restore goes through
    backup.restore(db, admin, backed_up, confirm=True, wait_seconds=5)
    assert "after-backup" not in _customers(db)


def test_the_start_is_audited_before_anything_is_replaced(
        db, admin, backed_up, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    def killed(*_a, **_k):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt  # the restore dies half-way

    monkeypatch.setattr(backup.backup_file, "restore_into", killed)
    with pytest.raises(KeyboardInterrupt):
        backup.restore(db, admin, backed_up, confirm=True)
    [(action, after)] = _actions(db)
    assert action == "database_restore_started" and after["path"] == str(backed_up)
    with db.session() as s:
        assert s.scalar(select(AuditEntry.user_login).where(
            AuditEntry.action == "database_restore_started")) == admin.login


def test_the_restored_database_says_who_restored_it_from_which_file(
        db, admin, backed_up) -> None:  # type: ignore[no-untyped-def]
    backup.restore(db, admin, backed_up, confirm=True)
    actions = _actions(db)
    assert [a for a, _ in actions] == ["database_restore_started", "database_restore"]
    assert {after["path"] for _, after in actions} == {str(backed_up)}
