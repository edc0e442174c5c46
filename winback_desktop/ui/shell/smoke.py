"""``winback-desktop --smoke-test [--screenshots DIR]``: the whole GUI, every role.

Starts the real login → main window flow offscreen on a temporary SQLite database
(or ``--database``) with demo data, logs in as each demo role, opens every screen the
role may use in English and Chinese, and optionally saves a PNG of each
(``<role>-<screen>-<lang>.png``). Any Python exception, error log record, failed screen
or Qt warning makes the exit code non-zero.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QWidget

from winback_desktop.ui.kit.service_op import ServiceOp
from winback_desktop.ui.shell import i18n

SMOKE_LOGINS = ("admin", "supervisor1", "agent01")
LANGUAGES = ("en", "zh_CN")
#: The offscreen platform plugin says these about harmless window-manager requests.
_IGNORED_QT = ("This plugin does not support",)


class SmokeFailure(Exception):
    pass


class _Recorder(logging.Handler):
    def __init__(self, failures: list[str]) -> None:
        super().__init__(logging.ERROR)
        self.failures = failures

    def emit(self, record: logging.LogRecord) -> None:
        self.failures.append(f"log {record.name}: {record.getMessage()}")


def wait_until(app: QApplication, condition: Callable[[], bool], timeout: float = 30.0,
               what: str = "condition") -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise SmokeFailure(f"timed out waiting for {what}")
        app.processEvents()
        time.sleep(0.005)
    app.processEvents()


def wait_idle(app: QApplication, timeout: float = 30.0) -> None:
    """Until no background operation is running (screens have loaded their data)."""
    wait_until(app, lambda: not ServiceOp.live, timeout,
               "background operations")


def _save(widget: QWidget, folder: Path | None, name: str) -> None:
    if folder is None:
        return
    folder.mkdir(parents=True, exist_ok=True)
    if not widget.grab().save(str(folder / f"{name}.png")):
        raise SmokeFailure(f"could not save {name}.png")


def run_smoke(app: QApplication, args: argparse.Namespace) -> int:
    failures: list[str] = []
    timings: list[tuple[str, float]] = []

    def qt_message(mode: QtMsgType, context: Any, message: str) -> None:
        serious = (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)
        category = str(getattr(context, "category", "") or "")
        # A PC without a sound server (CI, a locked-down terminal) makes QtMultimedia
        # complain; playback is the only thing that needs one.
        if category.startswith("qt.multimedia"):
            return
        if mode in serious and not message.startswith(_IGNORED_QT):
            failures.append(f"Qt: {message}")

    def excepthook(kind: type[BaseException], exc: BaseException, tb: Any) -> None:
        failures.append("".join(traceback.format_exception(kind, exc, tb)))

    previous_handler = qInstallMessageHandler(qt_message)
    previous_hook = sys.excepthook
    sys.excepthook = excepthook
    recorder = _Recorder(failures)
    logging.getLogger().addHandler(recorder)
    tmp = Path(tempfile.mkdtemp(prefix="winback-smoke-"))
    if not args.database:
        os.environ["WINBACK_DATA_DIR"] = str(tmp / "data")
    shots: Path | None = args.screenshots
    controller: Any = None
    try:
        started = time.perf_counter()
        from winback_desktop.services import demo
        from winback_desktop.services.context import Actor
        from winback_desktop.services.database import open_database
        from winback_desktop.ui.shell.application import AppController

        url = args.database or f"sqlite:///{(tmp / 'smoke.sqlite3').as_posix()}"
        db = open_database(url, create=True)  # the smoke test makes its own database
        if demo.is_empty(db):
            t = time.perf_counter()
            demo.load_demo(db, Actor.system(), customers=args.demo_customers)
            timings.append((f"demo data ({args.demo_customers} customers)",
                            time.perf_counter() - t))
        controller = AppController(url)
        controller.db = db
        for language in LANGUAGES:
            _first_run_dialog(app, db, language, shots)
        for login in SMOKE_LOGINS:
            for language in LANGUAGES:
                try:
                    _one_round(app, controller, login, language, shots, timings, failures)
                except Exception as exc:
                    failures.append(f"{login}/{language}: {exc!r}\n{traceback.format_exc()}")
        timings.append(("total", time.perf_counter() - started))
    except Exception as exc:
        failures.append(f"smoke test could not run: {exc!r}\n{traceback.format_exc()}")
    finally:
        if controller is not None:
            if controller.login is not None:
                controller.login.close()
            controller.shutdown()
        app.processEvents()
        logging.getLogger().removeHandler(recorder)
        sys.excepthook = previous_hook
        qInstallMessageHandler(previous_handler)
        shutil.rmtree(tmp, ignore_errors=True)
    for name, seconds in timings:
        print(f"{name}: {seconds * 1000:.0f} ms")
    if failures:
        print(f"SMOKE TEST FAILED: {len(failures)} problem(s)", file=sys.stderr)
        for failure in failures:
            print(f"- {failure}", file=sys.stderr)
        return 1
    print("smoke test passed")
    return 0


def _first_run_dialog(app: QApplication, db: Any, language: str, shots: Path | None) -> None:
    """The welcome dialog of an empty database (shown, never clicked here)."""
    from winback_desktop.ui.shell.first_run import FirstRunDialog

    i18n.install(language)
    dialog = FirstRunDialog(db)
    dialog.show()
    wait_until(app, dialog.isVisible, what="first-run dialog")
    _save(dialog, shots, f"system-first_run-{language}")
    dialog.pages.setCurrentIndex(1)
    app.processEvents()
    _save(dialog, shots, f"system-first_admin-{language}")
    dialog.close()
    dialog.deleteLater()


def _one_round(app: QApplication, controller: Any, login: str, language: str,
               shots: Path | None, timings: list[tuple[str, float]],
               failures: list[str]) -> None:
    from winback_desktop.services.demo import DEMO_PASSWORD

    i18n.install(language)
    if controller.login is None:
        controller.show_login()
    dialog = controller.login
    combo = dialog.language_combo
    combo.setCurrentIndex(combo.findData(language))
    dialog.prefill(login, DEMO_PASSWORD)
    wait_until(app, dialog.isVisible, what="login dialog")
    dialog.adjustSize()
    app.processEvents()
    role_for_name = {"admin": "admin", "supervisor1": "supervisor", "agent01": "agent"}
    role = role_for_name.get(login, login)
    _save(dialog, shots, f"{role}-login-{language}")
    t = time.perf_counter()
    dialog.login_button.click()
    wait_until(app, lambda: controller.window is not None, what=f"{login} to log in")
    timings.append((f"{login} login", time.perf_counter() - t))
    window = controller.window
    role = window.ctx.actor.role
    # The user's remembered language applies at login; the smoke test shows both.
    i18n.install(language)
    window.ctx.language = language
    window.resize(1280, 800)
    wait_idle(app)
    for key in window.screen_keys():
        t = time.perf_counter()
        window.open_screen(key)
        wait_idle(app)
        timings.append((f"{role} {key} {language}", time.perf_counter() - t))
        if key in window.screen_errors:
            failures.append(f"{role} screen {key}: {window.screen_errors[key]!r}")
        _save(window, shots, f"{role}-{key}-{language}")
    window.open_settings()
    wait_idle(app)
    _save(window.settings_dialog, shots, f"{role}-settings-{language}")
    window.settings_dialog.close()
    window.show_about()
    wait_idle(app)
    wait_until(app, lambda: getattr(window, "about_box", None) is not None, what="about box")
    _save(window.about_box, shots, f"{role}-about-{language}")
    window.about_box.close()
    window.logout()
    wait_until(app, lambda: controller.login is not None and controller.window is None,
               what="logout")
