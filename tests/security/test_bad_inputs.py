"""Bad input on the command line (issue 15): ids too large for any column, NaN and
infinite amounts, far-future dates, bytes that are not UTF-8. Each gets one clear,
translated line and exit code 2 -- never "Unexpected error", a traceback or SQL.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests import cli_runner
from winback_desktop.services import users

HUGE = str(2**70)

COMMANDS = [
    ["offer", "decide", HUGE, "approve"],
    ["queue", "release", HUGE],
    ["call", "log", HUGE, "--disposition", "no_answer"],
    ["sltv", "explain", HUGE],
    ["queue", "list", "--limit", HUGE],
    ["export", "customers", "--batch", HUGE, "--output", "out.xlsx"],
    ["offer", "request", "--task", "1", "--offer", "x", "--amount", "NaN"],
    ["offer", "request", "--task", "1", "--offer", "x", "--amount", "Infinity"],
    ["report", "programme", "--hourly-cost", "nan"],
    ["call", "log", "1", "--disposition", "callback", "--callback-at",
     "9999-12-31T23:00:00-05:00"],
    ["call", "log", "1", "--disposition", "callback", "--callback-at",
     "9999-12-31T10:00:00+08:00"],
]


def _one_clean_line(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 2, (done.returncode, done.stderr)
    err = done.stderr.strip()
    assert "Unexpected" not in err and "Traceback" not in err and "SELECT" not in err, err
    assert "Error:" not in err, err  # no Python exception class names
    return err.splitlines()[-1]


@pytest.fixture
def seeded(db, admin):  # type: ignore[no-untyped-def]
    with db.session() as s:
        users.add_user(s, admin, "agent1", "agent", "agent-pass-1")
    return db


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c)[:40])
def test_bad_values_get_one_clear_line(seeded, db_url, command, tmp_path) -> None:  # type: ignore[no-untyped-def]
    args = [a if a != "out.xlsx" else str(tmp_path / "out.xlsx") for a in command]
    amount = "--amount" in args
    if amount:  # the amount a counter-offer costs
        args = ["offer", "decide", "1", "counter", "--counter-cost", args[-1]]
    done = cli_runner.run("--database", db_url, *args, as_user="admin")
    line = _one_clean_line(done)
    if amount or "--hourly-cost" in args:
        assert "amount" in line.lower() or "number" in line.lower(), line


def test_a_huge_id_is_translated(seeded, db_url) -> None:  # type: ignore[no-untyped-def]
    done = cli_runner.run("--database", db_url, "queue", "release", HUGE, as_user="admin",
                          lang="zh_CN")
    line = _one_clean_line(done)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in line), line


def test_arguments_that_are_not_utf8_get_one_clear_line(sqlite_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A Windows code-page or Latin-1 byte in an argument arrives as a surrogate escape."""
    url = str(sqlite_db.engine.url)
    env = dict(cli_runner.os.environ, WINBACK_LANG="en", PYTHONPATH=str(cli_runner.ROOT))
    done = subprocess.run(
        [sys.executable, "-m", "winback_desktop.cli", "--database", url.encode(),
         "user", "add", b"caf\xe9", "--role", "agent", "--password", b"pass\xff-word-1"],
        capture_output=True, env=env, cwd=cli_runner.ROOT, timeout=120)
    text = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 2, text
    assert "Unexpected" not in text and "Traceback" not in text, text
    assert "UTF-8" in text
