"""A full disk while a backup is written (issue 15): one clear translated message, no
partial file left that looks like a backup, no scratch folder, the database untouched.

The disk filling up is injected as the ``ENOSPC`` error the OS raises, once in the
middle of the zip and once while the database copy is made.
"""

from __future__ import annotations

import errno
import sqlite3
import zipfile
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from winback_desktop.db.backup import write
from winback_desktop.db.backup.write import BackupWriteFailed
from winback_desktop.services import backup


def _full(*_a: Any, **_k: Any) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("where", ["zip", "copy"])
def test_a_full_disk_leaves_nothing_behind(db, admin, tmp_path: Path, where: str,  # type: ignore[no-untyped-def]
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "backups"
    target.mkdir()
    if where == "zip":
        real = zipfile.ZipFile.write

        def half(self: zipfile.ZipFile, *a: Any, **k: Any) -> None:
            real(self, *a, **k)  # the first member goes in, then the disk is full
            monkeypatch.setattr(zipfile.ZipFile, "write", _full)

        monkeypatch.setattr(zipfile.ZipFile, "write", half)
        monkeypatch.setattr(zipfile.ZipFile, "writestr", _full)
    else:
        if db.backend == "sqlite":  # SQLite's own words when the copy runs out of space
            def connect(path: Any, *a: Any, **k: Any) -> sqlite3.Connection:
                if Path(path).parent.name.startswith("winback-backup-"):
                    raise sqlite3.OperationalError("database or disk is full")
                return sqlite3.connect(path, *a, **k)

            monkeypatch.setattr(write, "sqlite3", SimpleNamespace(
                connect=connect, OperationalError=sqlite3.OperationalError))
        else:  # pg_dump's file is written by another program: fail right after it
            monkeypatch.setattr(write, "_sha256_file", _full)
    with pytest.raises(BackupWriteFailed) as failed:
        backup.backup(db, admin, target / "b.zip")
    assert "no space left on the disk" in str(failed.value) and "b.zip" in str(failed.value)
    assert list(target.iterdir()) == []  # no b.zip, no b.zip.part, no scratch folder
    monkeypatch.undo()
    info = backup.backup(db, admin, target / "b.zip")  # the database is as it was
    assert backup.verify_backup(info.path).total_rows == info.total_rows
