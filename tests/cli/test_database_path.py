"""A mistyped SQLite path is refused instead of creating an empty database (issue 21)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def winback(*args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "winback_desktop.cli", "--lang", lang, *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_a_missing_sqlite_file_is_refused_with_one_line(tmp_path: Path) -> None:
    typo = tmp_path / "typo" / "path.db"
    done = winback("--database", f"sqlite:///{typo.as_posix()}", "user", "list")
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and str(typo) in lines[0] and "--create" in lines[0], lines
    assert "No users" not in done.stdout
    assert not typo.exists() and not typo.parent.exists()
    zh = winback("--database", f"sqlite:///{typo.as_posix()}", "user", "list", lang="zh_CN")
    assert zh.returncode == 2 and "不存在" in zh.stderr and len(zh.stderr.strip().splitlines()) == 1


def test_db_upgrade_or_create_makes_the_new_database(tmp_path: Path) -> None:
    first = tmp_path / "new" / "first.db"
    done = winback("--database", f"sqlite:///{first.as_posix()}", "db", "upgrade")
    assert done.returncode == 0, done.stderr
    assert first.exists()
    second = tmp_path / "other" / "second.db"
    done = winback("user", "list", "--database", f"sqlite:///{second.as_posix()}", "--create")
    assert done.returncode == 0, done.stderr
    assert second.exists()
    again = winback("--database", f"sqlite:///{second.as_posix()}", "user", "list")
    assert again.returncode == 0, again.stderr


def test_db_status_does_not_create_the_file(tmp_path: Path) -> None:
    typo = tmp_path / "status.db"
    done = winback("--database", f"sqlite:///{typo.as_posix()}", "db", "status")
    assert done.returncode == 2
    assert not typo.exists()
