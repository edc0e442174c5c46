"""Unexpected CLI failures (issue 15): the traceback goes to the log file, redacted, and
the terminal gets one short line naming that file; a full log folder stays quiet."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

import pytest

from winback_desktop.cli import _common
from winback_desktop.services import logs


@pytest.fixture
def log_file(tmp_path: Path):  # type: ignore[no-untyped-def]
    path = logs.setup_logging("winback", directory=tmp_path / "logs")
    yield path
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_winback", False):
            root.removeHandler(handler)
            handler.close()


def _boom(_args: argparse.Namespace) -> int:
    raise RuntimeError("postgresql://winback:hunter2@db/winback refused {'password': 'x1'}")


def test_an_unexpected_error_is_logged_with_its_traceback(log_file: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert _common.run(_boom, argparse.Namespace()) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and str(log_file) in err, err
    assert "hunter2" not in err and "x1" not in err
    text = log_file.read_text(encoding="utf-8")
    assert "Traceback" in text and "_boom" in text and "RuntimeError" in text
    assert "hunter2" not in text and "'x1'" not in text


def test_a_full_log_folder_does_not_print_logging_errors(log_file: Path, capsys,  # type: ignore[no-untyped-def]
                                                         monkeypatch) -> None:
    def full(*_a, **_k):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    for handler in logging.getLogger().handlers:
        if getattr(handler, "_winback", False):
            monkeypatch.setattr(handler, "_open", full)
    logging.getLogger("winback.test").error("something to write")
    assert "Logging error" not in capsys.readouterr().err
