"""A killed backup or restore leaves its scratch folder behind (issue 15): the next
backup sweeps stale ones (older than an hour) from the target folder and the temp folder,
and leaves fresh ones -- another workstation's running backup -- alone."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from winback_desktop.services import backup
from winback_desktop.services.context import Actor


def test_stale_scratch_folders_are_swept(sqlite_db, tmp_path: Path,  # type: ignore[no-untyped-def]
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    import tempfile
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    target = tmp_path / "backups"
    target.mkdir()
    stale = [target / "winback-backup-dead1", temp / "winback-restore-dead2",
             temp / "winback-verify-dead3"]
    fresh = target / "winback-backup-running"
    for folder in [*stale, fresh]:
        folder.mkdir()
        (folder / "winback.sqlite3").write_bytes(b"x" * 1000)
    old = time.time() - 2 * 3600
    for folder in stale:
        os.utime(folder, (old, old))
    backup.backup(sqlite_db, Actor.system(), target / "b.zip")
    assert [p for p in stale if p.exists()] == []
    assert fresh.exists()
