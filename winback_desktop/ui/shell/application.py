"""``winback-desktop``: QApplication setup and the login → main window flow.

The login window appears first; the database (SQLAlchemy, Alembic, migrations and the
pre-upgrade backup) opens in a worker thread meanwhile, which keeps the cold start
under a second. Every step that can fail shows a translated dialog with a way out.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QApplication

from winback_desktop import APP_ID, APP_NAME, ORG_NAME, __version__
from winback_desktop.ui.kit.service_op import OpError, ServiceOp
from winback_desktop.ui.shell import i18n, prefs, style
from winback_desktop.ui.shell.login_dialog import HEAVY_AT_SHOW, SHOWN_AT, LoginDialog

log = logging.getLogger(__name__)

#: perf_counter() when this module started running ``run`` (for the startup figure).
STARTED_AT: dict[str, float] = {}


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="winback-desktop", description=APP_NAME)
    parser.add_argument("--database", metavar="URL", help="database URL (default: settings, "
                        "else this PC's SQLite file)")
    parser.add_argument("--lang", metavar="LANG", help="interface language: en or zh_CN")
    parser.add_argument("--smoke-test", action="store_true",
                        help="open every screen of every demo role offscreen and exit")
    parser.add_argument("--screenshots", metavar="DIR", type=Path,
                        help="with --smoke-test: save a PNG of every screen here")
    parser.add_argument("--demo-customers", type=int, default=2000, help=argparse.SUPPRESS)
    parser.add_argument("--startup-timing", action="store_true",
                        help="print the time to the login window and exit")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    return parser.parse_args(argv)


def console_logging() -> logging.Handler:
    """Warnings and errors on stderr; everything else only in the log file.

    The file handler (``services.logs``) lowers the root level to INFO, so the console
    handler carries its own WARNING level: a first start's Alembic "Running upgrade"
    lines must not reach the terminal.
    """
    handler = logging.StreamHandler()
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.WARNING:
        root.setLevel(logging.WARNING)
    return handler


def make_app(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv[:1])
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    style.apply(app)
    return app


def initial_language(cli_choice: str | None) -> str:
    if cli_choice:
        return i18n.normalise(cli_choice)
    stored = prefs.get_str(prefs.KEY_LANGUAGE)
    return i18n.normalise(stored) if stored else i18n.system_language()


class AppController(QObject):
    """Drives login → main window → logout → login; owns the open database."""

    quit_requested = Signal()
    main_window_shown = Signal(object)

    def __init__(self, database_url: str | None = None, *, demo_customers: int = 20_000,
                 remember_url: bool = False) -> None:
        super().__init__()
        self.url = database_url or prefs.load_database_url()
        self.remember_url = remember_url
        self.demo_customers = demo_customers
        self.db: Any = None
        self.maintenance: Any = None
        self.backup_path: Path | None = None
        self.login: LoginDialog | None = None
        self.window: Any = None
        self.error_dialog: Any = None
        self.first_run: Any = None
        self._op: ServiceOp[Any] | None = None
        self._drain_op: ServiceOp[tuple[int, int]] | None = None
        self._open_seq = 0
        #: a SQLite URL whose missing file the user agreed to create
        self._create_url: str | None = None

    # ------------------------------------------------------------------ login

    def start(self) -> None:
        self.show_login()
        if self.db is None:
            self.open_database()

    def show_login(self) -> None:
        login = LoginDialog()
        login.logged_in.connect(self._logged_in)
        login.quit_requested.connect(self.quit_requested)
        login.change_database_requested.connect(self.choose_database)
        if self.db is not None:
            login.set_database(self.db)
        else:
            login.set_database_pending(prefs.mask_url(self.url))
        self.login = login
        login.show()
        login.raise_()
        login.activateWindow()

    # --------------------------------------------------------------- database

    def open_database(self) -> None:
        url = self.url
        create = url == self._create_url
        backups: list[Path] = []
        self._open_seq += 1
        seq = self._open_seq

        def work(_control: object) -> Any:
            from winback_desktop.services import database

            return database.open_for_workstation(url, on_backup=backups.append,
                                                 create=create)

        def opened(result: Any) -> None:
            db, first_run = result.db, result.needs_first_admin
            if seq != self._open_seq:  # the user chose another database meanwhile
                db.dispose()
                return
            if self.db is not None and self.db is not db:
                self.db.dispose()
            self.db = db
            self.backup_path = backups[-1] if backups else None
            if self.remember_url:
                prefs.save_database_url(url)
            if self.login is not None:
                self.login.set_database(db)
            if first_run:
                self.show_first_run()
            self.drain_phone_spool()

        if self.login is not None:
            self.login.set_database_pending(prefs.mask_url(url))
        def failed(error: OpError) -> None:
            if seq == self._open_seq:
                self._open_failed(error.error)

        self._op = ServiceOp(self, work, hub=None).success(opened).failure(failed).run()

    def drain_phone_spool(self) -> None:
        """Record the softphone hook events spooled while no app ran here, in the
        background.

        The hook's own worker records them at once, unless the database could not be
        reached then (the team server down, the laptop away from the office): those wait
        in the spool, in order, and would be applied only when the next hook fires,
        possibly after the agent's next call started. The app drains them once the
        database is open, before the agent's hooks come to the app instead.
        """

        def work(_control: object) -> tuple[int, int]:
            from winback_desktop.services.telephony import hook_spool
            from winback_desktop.services.telephony.hook import drain_spool

            return drain_spool() if hook_spool.pending() else (0, 0)

        def drained(result: tuple[int, int]) -> None:
            if any(result):
                log.info("phone hook spool drained at start: %d recorded, %d set aside",
                         *result)

        def failed(error: OpError) -> None:  # left in the spool for the next hook's worker
            log.warning("phone hook spool not drained at start: %s", error.text)

        self._drain_op = ServiceOp(self, work, hub=None).success(drained).failure(failed).run()

    def _open_failed(self, exc: BaseException) -> None:
        from winback_desktop.ui.shell.database_dialogs import DatabaseErrorDialog

        if self.login is not None:
            self.login.set_database_failed(prefs.mask_url(self.url))
        dialog = DatabaseErrorDialog(exc, self.url, self.login)
        dialog.finished.connect(lambda _r: self._error_answered(dialog.choice))
        self.error_dialog = dialog
        dialog.open()

    def _error_answered(self, choice: str) -> None:
        self.error_dialog = None
        if choice == "retry":
            self.open_database()
        elif choice == "choose":
            self.choose_database()
        else:
            self.quit_requested.emit()

    def choose_database(self) -> None:
        from winback_desktop.ui.shell.database_dialogs import ChooseDatabaseDialog

        dialog = ChooseDatabaseDialog(self.url, self.login)
        self.choose_dialog = dialog

        def done(result: int) -> None:
            if result and dialog.url():
                self.url = dialog.url()
                self._create_url = self.url if dialog.create_file else None
                self.remember_url = True
                self.open_database()
            elif self.db is None and self.login is not None:
                self.login.set_database_failed(prefs.mask_url(self.url))

        dialog.finished.connect(done)
        dialog.open()

    def show_first_run(self) -> None:
        from winback_desktop.ui.shell.first_run import FirstRunDialog

        dialog = FirstRunDialog(self.db, self.login, demo_customers=self.demo_customers)
        self.first_run = dialog

        def done(result: int) -> None:
            if result and self.login is not None and dialog.suggested_login:
                self.login.prefill(dialog.suggested_login, dialog.suggested_password)

        dialog.finished.connect(done)
        dialog.open()

    # ------------------------------------------------------------ main window

    def _logged_in(self, actor: Any, language: str) -> None:
        from winback_desktop.ui.shell.context import AppContext
        from winback_desktop.ui.shell.main_window import MainWindow

        language = i18n.install(language)
        prefs.set_value(prefs.KEY_LANGUAGE, language)
        ctx = AppContext(db=self.db, actor=actor, language=language)
        if self.maintenance is None:
            from winback_desktop.services import queue

            # PostgreSQL: one workstation of the team keeps the queue table vacuumed.
            self.maintenance = queue.start_maintenance(self.db)
        window = MainWindow(ctx, backup_path=self.backup_path)
        window.logout_requested.connect(self.logout)
        window.quit_requested.connect(self.quit_requested)
        self.window = window
        window.show()
        if self.login is not None:
            self.login.close()
            self.login.deleteLater()
            self.login = None
        self.main_window_shown.emit(window)

    def logout(self) -> None:
        window = self.window
        self.window = None
        self.show_login()
        if window is not None:
            window.close()
            window.deleteLater()

    def shutdown(self) -> None:
        if self.window is not None:
            self.window.close()
        if self.maintenance is not None:
            self.maintenance.stop()
            self.maintenance = None
        if self.db is not None:
            self.db.dispose()
            self.db = None


def run(argv: list[str]) -> int:
    STARTED_AT.setdefault("run", time.perf_counter())
    args = parse_args(argv[1:])
    if args.smoke_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    console_logging()
    app = make_app(argv)
    from winback_desktop.ui.shell import gc_guard

    guard = gc_guard.install(app)
    i18n.install(initial_language(args.lang))
    if args.smoke_test:
        from winback_desktop.ui.shell.smoke import run_smoke

        return run_smoke(app, args)
    controller = AppController(args.database, remember_url=False)
    controller.quit_requested.connect(app.quit)
    if args.startup_timing:
        # app.py records when it was imported; reading it via sys.modules keeps the
        # ui layer from importing the entry point.
        entry = sys.modules.get("winback_desktop.app")

        def report() -> None:
            t0 = getattr(entry, "IMPORTED_AT", STARTED_AT["run"])
            heavy = ", ".join(HEAVY_AT_SHOW) or "none"
            print(f"login window shown {SHOWN_AT['login'] - t0:.3f} s after app.py was "
                  f"imported; heavy modules already loaded: {heavy}", flush=True)
            app.quit()

        controller.start()
        assert controller.login is not None
        # Report from the event loop: quit() before exec() would be ignored.
        QTimer.singleShot(0, report)
        code = app.exec()
        QThreadPool.globalInstance().waitForDone()
        controller.shutdown()
        return code
    from winback_desktop.services.logs import setup_logging
    from winback_desktop.ui.shell import crash

    setup_logging("winback-desktop")
    crash.install(database=lambda: controller.db.display_url if controller.db else None)
    controller.start()
    code = app.exec()
    controller.shutdown()
    guard.collect()
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run(sys.argv))
