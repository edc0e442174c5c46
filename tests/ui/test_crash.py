"""The crash handler writes a useful report, keeps drafts and shows its dialog."""

from __future__ import annotations

import threading
from pathlib import Path

from winback_desktop.ui.shell import crash


def _boom() -> tuple[type[BaseException], BaseException, object]:
    try:
        raise RuntimeError("queue exploded")
    except RuntimeError as exc:
        return type(exc), exc, exc.__traceback__


def test_report_has_traceback_versions_and_no_password(tmp_path: Path) -> None:
    flushed: list[str] = []
    shown: list[Path] = []
    handler = crash.CrashHandler(
        database=lambda: "postgresql+psycopg://wb:Secr3t@db1:5432/winback",
        show_dialog=lambda path, exc: shown.append(path), directory=tmp_path)
    handler.add_flush_hook(lambda: flushed.append("drafts saved"))
    exc_type, exc, tb = _boom()
    path = handler.handle(exc_type, exc, tb)  # type: ignore[arg-type]
    assert path is not None and path.parent == tmp_path and path.name.startswith("crash-")
    text = path.read_text(encoding="utf-8")
    assert "RuntimeError: queue exploded" in text and "_boom" in text
    for key in ("python:", "pyside6:", "qt:", "sqlalchemy:", "os:", "Winback Desktop 0."):
        assert key in text
    assert "postgresql+psycopg://wb:***@db1" in text and "Secr3t" not in text
    assert flushed == ["drafts saved"] and shown == [path]


def test_report_goes_to_the_log_folder_without_a_dialog(tmp_path: Path) -> None:
    from winback_desktop.services.paths import log_dir

    handler = crash.CrashHandler(show_dialog=None)
    exc_type, exc, tb = _boom()
    path = handler.handle(exc_type, exc, tb)  # type: ignore[arg-type]
    assert path is not None and path.parent == log_dir()


def test_a_failing_flush_hook_does_not_hide_the_crash(tmp_path: Path) -> None:
    handler = crash.CrashHandler(show_dialog=None, directory=tmp_path)
    handler.add_flush_hook(lambda: 1 / 0)  # type: ignore[func-returns-value]
    exc_type, exc, tb = _boom()
    assert handler.handle(exc_type, exc, tb) is not None  # type: ignore[arg-type]


def test_worker_thread_crash_reaches_the_gui_thread_dialog(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    shown: list[tuple[Path, str]] = []
    handler = crash.CrashHandler(show_dialog=lambda p, e: shown.append((p, str(e))),
                                 directory=tmp_path)
    handler.install()
    try:
        def work() -> None:
            raise ValueError("bad row 17")

        t = threading.Thread(target=work, name="import-worker")
        t.start()
        t.join()
        qtbot.waitUntil(lambda: bool(shown), timeout=3000)
    finally:
        handler.uninstall()
    path, message = shown[0]
    assert message == "bad row 17"
    assert "thread: import-worker" in path.read_text(encoding="utf-8")
