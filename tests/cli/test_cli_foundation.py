"""``winback db upgrade``, ``user add``, ``user list``, ``demo load`` on both engines."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from winback_desktop.db import migrate
from winback_desktop.db.engine import make_engine


def test_upgrade_user_add_and_list(winback, db_url: str) -> None:  # type: ignore[no-untyped-def]
    up = winback("db", "upgrade", "--database", db_url, "--json")
    assert up.returncode == 0, up.stderr
    info = json.loads(up.stdout)
    assert info["current"] == info["head"] == migrate.head_revision()

    add = winback("--database", db_url, "user", "add", "li.na", "--role", "supervisor",
                  "--name", "李娜", "--password", "pass-word-1", "--json")
    assert add.returncode == 0, add.stderr
    assert json.loads(add.stdout)["role"] == "supervisor"

    dup = winback("user", "add", "LI.NA", "--role", "agent", "--password", "pass-word-2",
                  "--database", db_url)
    assert dup.returncode != 0
    assert "taken" in dup.stderr and "Traceback" not in dup.stderr
    assert len(dup.stderr.strip().splitlines()) == 1

    listed = json.loads(winback("user", "list", "--json", "--database", db_url).stdout)
    assert [u["login"] for u in listed] == ["li.na"]
    assert listed[0]["display_name"] == "李娜"


def test_password_from_stdin_when_not_given(winback, db_url: str) -> None:  # type: ignore[no-untyped-def]
    add = winback("user", "add", "boss", "--role", "admin", "--database", db_url,
                  input="stdin-password\n")
    assert add.returncode == 0, add.stderr


def test_demo_load_json(winback, db_url: str) -> None:  # type: ignore[no-untyped-def]
    res = winback("demo", "load", "--customers", "300", "--json", "--database", db_url)
    assert res.returncode == 0, res.stderr
    summary = json.loads(res.stdout)
    assert summary["customers"] == 300 and summary["users"] == 13
    again = winback("demo", "load", "--customers", "300", "--database", db_url)
    assert again.returncode != 0 and "empty database" in again.stderr


def test_bad_url_and_unreachable_server_are_one_line(winback) -> None:  # type: ignore[no-untyped-def]
    bad = winback("user", "list", "--database", "not a url")
    assert bad.returncode != 0 and "Traceback" not in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1
    down = winback("db", "upgrade", "--database",
                   "postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert down.returncode != 0 and "Traceback" not in down.stderr
    assert "Cannot reach the database" in down.stderr
    assert len(down.stderr.strip().splitlines()) == 1


def test_errors_are_translated(winback, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{(tmp_path / 'zh.sqlite3').as_posix()}"
    winback("user", "add", "a1", "--role", "admin", "--password", "pass-word-1", "--database", url,
            "--create")
    res = winback("user", "add", "a1", "--role", "admin", "--password", "pass-word-1",
                  "--database", url, lang="zh_CN")
    assert res.returncode != 0
    assert "a1" in res.stderr and any("\u4e00" <= ch <= "\u9fff" for ch in res.stderr)


def test_database_newer_than_app_is_refused(winback, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "future.sqlite3"
    url = f"sqlite:///{path.as_posix()}"
    assert winback("db", "upgrade", "--database", url).returncode == 0
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff9999'")
    res = winback("user", "list", "--database", url)
    assert res.returncode != 0
    assert "newer version" in res.stderr and "ffff9999" in res.stderr


def test_existing_database_is_backed_up_before_upgrade(tmp_path: Path) -> None:
    """A database at an older revision gets a backup copy before its schema changes."""
    import pytest
    from alembic import command
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config())
    previous = script.get_revision(migrate.head_revision()).down_revision
    if previous is None:
        pytest.skip("only one schema revision exists; nothing older to upgrade from")
    path = tmp_path / "old.sqlite3"
    engine = make_engine(f"sqlite:///{path.as_posix()}")
    with engine.begin() as conn:
        cfg = migrate.alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, str(previous))
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO teams (name, created_at, updated_at) "
                             "VALUES ('kept', '2026-01-01', '2026-01-01')")
    taken = migrate.upgrade(engine)
    engine.dispose()
    assert taken is not None and taken.exists()
    from winback_desktop.db import backup

    manifest = backup.verify(taken).manifest
    assert manifest.revision == previous
    assert manifest.counts()["teams"] == 1


def test_backup_copy_of_sqlite_is_consistent(tmp_path: Path) -> None:
    path = tmp_path / "b.sqlite3"
    engine = make_engine(f"sqlite:///{path.as_posix()}")
    migrate.upgrade(engine, backup=False)
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO teams (name, created_at, updated_at) "
                             "VALUES ('t', '2026-01-01', '2026-01-01')")
    out = migrate.backup_database(engine, tmp_path / "backups", label="t")
    engine.dispose()
    from winback_desktop.db import backup

    assert backup.read_manifest(out).counts()["teams"] == 1
    backup.verify(out)  # checksums of the copied tables match the manifest


@pytest.mark.parametrize("command", [["interview", "report", "--from"], ["offer", "report", "--since"],
                                     ["qa", "report", "--from"]])
def test_a_bad_date_option_is_one_translated_line(winback, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                  command: list[str]) -> None:
    url = f"sqlite:///{(tmp_path / 'd.sqlite3').as_posix()}"
    assert winback("db", "upgrade", "--database", url).returncode == 0
    res = winback(*command, "2026-13-01", "--database", url)
    assert res.returncode != 0 and "Traceback" not in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1
    assert res.stderr.strip().endswith("'2026-13-01' is not a date; use YYYY-MM-DD.")
    zh = winback(*command, "2026-13-01", "--database", url, lang="zh_CN")
    assert zh.stderr.strip().endswith("“2026-13-01”不是日期，请使用 YYYY-MM-DD 格式。")
