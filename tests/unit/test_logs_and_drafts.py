"""Log files rotate and hide passwords; drafts survive a crash of the process."""

from __future__ import annotations

import logging
import logging.handlers
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from winback_desktop.services import logs
from winback_desktop.services.drafts import DraftStore

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def clean_root_logger() -> Iterator[None]:
    root = logging.getLogger()
    before = list(root.handlers), root.level
    yield
    for handler in list(root.handlers):
        if handler not in before[0]:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(before[1])


def test_log_file_rotates_at_2_mb_keeping_five(tmp_path: Path, clean_root_logger: None) -> None:
    path = logs.setup_logging("winback-test", directory=tmp_path)
    assert path.parent == tmp_path
    handler = next(h for h in logging.getLogger().handlers if getattr(h, "_winback", False))
    assert isinstance(handler, logging.handlers.RotatingFileHandler)
    assert handler.maxBytes == 2 * 1024 * 1024 and handler.backupCount == 5
    assert logs.setup_logging("winback-test", directory=tmp_path) == path  # idempotent
    assert sum(getattr(h, "_winback", False) for h in logging.getLogger().handlers) == 1
    line = "x" * 1000
    log = logging.getLogger("winback_desktop.test")
    for _ in range(2300):
        log.info(line)
    handler.flush()
    assert (tmp_path / "winback-test.log.1").exists()
    assert path.stat().st_size < 2 * 1024 * 1024


def test_logs_never_contain_database_passwords(tmp_path: Path, clean_root_logger: None) -> None:
    path = logs.setup_logging("winback-test", directory=tmp_path)
    logging.getLogger("winback_desktop.x").warning(
        "cannot reach postgresql+psycopg://wb:Secr3t@db1:5432/winback; PGPASSWORD=Secr3t")
    for h in logging.getLogger().handlers:
        h.flush()
    text = path.read_text(encoding="utf-8")
    assert "Secr3t" not in text and "wb:***@db1" in text


def test_logs_go_to_the_user_log_folder_by_default(tmp_path: Path) -> None:
    from winback_desktop.services.paths import log_dir

    assert tmp_path in log_dir().parents  # WINBACK_DATA_DIR isolates tests


def test_drafts_round_trip_and_clear(tmp_path: Path) -> None:
    store = DraftStore("agent01", tmp_path)
    store.save(7, "客户说价格太高", {"callback": "2026-11-24T10:00"})
    store.save(8, "second")
    assert store.load(7).notes == "客户说价格太高"
    assert store.load(7).fields == {"callback": "2026-11-24T10:00"}
    store.clear(7)
    assert store.load(7) is None
    assert [d.task_id for d in store.all()] == [8]
    assert DraftStore("agent02", tmp_path).load(8) is None  # per login


def test_a_torn_drafts_file_is_set_aside_not_fatal(tmp_path: Path) -> None:
    store = DraftStore("agent01", tmp_path)
    store.path.write_text('{"7": {"notes": "half', encoding="utf-8")
    assert store.load(7) is None
    assert store.path.with_suffix(".bad").exists()
    store.save(7, "again")
    assert store.load(7).notes == "again"


def test_drafts_survive_a_crash(tmp_path: Path) -> None:
    """The writer dies hard right after saving; a new process finds the notes."""
    script = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from winback_desktop.services.drafts import DraftStore\n"
        f"DraftStore('agent01', Path({str(tmp_path)!r})).save(42, 'promised a callback')\n"
        "os._exit(3)\n"
    )
    crashed = subprocess.run([sys.executable, "-c", script], cwd=ROOT, timeout=60)
    assert crashed.returncode == 3
    reader = subprocess.run(
        [sys.executable, "-c",
         "from pathlib import Path\nfrom winback_desktop.services.drafts import DraftStore\n"
         f"print(DraftStore('agent01', Path({str(tmp_path)!r})).load(42).notes)"],
        cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert reader.stdout.strip() == "promised a callback"
    assert not list(tmp_path.glob("*.tmp"))
