"""The main window: navigation by role, the screens, status bar, menus, banner.

Screens are built on first visit and then kept, so switching screens, switching
language or losing and regaining the database connection never throws away what a
user typed.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from winback_desktop import APP_NAME, __version__
from winback_desktop.core.permissions import Permission
from winback_desktop.services import dashboard, user_actions
from winback_desktop.ui.kit.feedback import error_text
from winback_desktop.ui.kit.labels import role_name, screen_title
from winback_desktop.ui.kit.service_op import OpGroup
from winback_desktop.ui.screens.desk.coaching import CoachingInbox
from winback_desktop.ui.shell import i18n, prefs, style
from winback_desktop.ui.shell.connection import PING_INTERVAL_MS, ConnectionMonitor
from winback_desktop.ui.shell.context import AppContext
from winback_desktop.ui.shell.registry import ScreenSpec, screens_for

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    logout_requested = Signal()
    quit_requested = Signal()

    def __init__(self, ctx: AppContext, *, backup_path: Path | None = None,
                 ping_interval_ms: int = PING_INTERVAL_MS) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.ctx = ctx
        self.backup_path = backup_path
        self.specs: list[ScreenSpec] = screens_for(ctx)
        self.screens: dict[str, QWidget] = {}
        self.screen_errors: dict[str, BaseException] = {}
        self._ops = OpGroup(self, ctx.hub)
        self.scheduled_backups: Any = None
        if ctx.actor.can(Permission.MANAGE_DATABASE):
            from winback_desktop.ui.screens.admin.backup_dialog import ScheduledBackups

            # An admin's workstation takes the scheduled backups while it is logged in.
            self.scheduled_backups = ScheduledBackups(ctx, parent=self)
            self.scheduled_backups.start()
        self.scheduled_risk_scan: Any = None
        if ctx.actor.can(Permission.MANAGE_DATABASE):
            from winback_desktop.ui.screens.at_risk.schedule import ScheduledRiskScan

            # ... and the daily early-warning scan (issue 19).
            self.scheduled_risk_scan = ScheduledRiskScan(ctx, parent=self)
            self.scheduled_risk_scan.progressed.connect(
                lambda text: self.statusBar().showMessage(text, 15_000))
            self.scheduled_risk_scan.start()
        # Agents get their supervisor's coaching messages as pop-ups, whatever screen is open.
        self.coaching: CoachingInbox | None = (
            CoachingInbox(ctx, self) if ctx.actor.can(Permission.WORK_QUEUE)
            and ctx.actor.role == "agent" else None)

        self.banner = QLabel()
        self.banner.setObjectName("connectionBanner")
        self.banner.setWordWrap(True)
        self.banner.hide()

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(210)
        self.nav.setIconSize(QSize(18, 18))
        self.stack = QStackedWidget()
        self._pages: dict[str, QWidget] = {}
        for spec in self.specs:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.nav.addItem(item)
            page = QWidget()
            page.setObjectName(f"page-{spec.key}")
            QVBoxLayout(page).setContentsMargins(0, 0, 0, 0)
            self.stack.addWidget(page)
            self._pages[spec.key] = page
        self.nav.currentRowChanged.connect(self._row_changed)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.banner)
        outer.addLayout(body, 1)
        self.setCentralWidget(central)

        # status bar: backup note on the left; user, role, database, health on the right
        self.backup_label = QLabel()
        self.backup_label.setMinimumWidth(40)
        self.backup_label.setSizePolicy(QSizePolicy.Policy.Ignored,
                                        QSizePolicy.Policy.Preferred)
        self.user_label = QLabel()
        self.user_label.setObjectName("statusUser")
        self.role_label = QLabel()
        self.role_label.setObjectName("statusRole")
        self.db_label = QLabel()
        self.db_label.setObjectName("statusDatabase")
        self.health_label = QLabel()
        self.health_label.setObjectName("statusHealth")
        bar = self.statusBar()
        bar.addWidget(self.backup_label, 1)
        for widget in (self.user_label, self.role_label, self.db_label, self.health_label):
            bar.addPermanentWidget(widget)

        self._build_menus()

        self.monitor = ConnectionMonitor(ctx.db, self, ping_interval_ms)
        self.monitor.state_changed.connect(self._connection_changed)
        self.connected = True

        self.resize(1280, 800)
        geometry = prefs.qsettings().value(prefs.KEY_GEOMETRY)
        if isinstance(geometry, QByteArray | bytes) and geometry:
            self.restoreGeometry(QByteArray(geometry))
        state = prefs.qsettings().value(prefs.KEY_STATE)
        if isinstance(state, QByteArray | bytes) and state:
            self.restoreState(QByteArray(state))

        self.retranslate()
        if self.specs:
            self.nav.setCurrentRow(0)
        self.monitor.start()

    # ------------------------------------------------------------------ menus

    def _build_menus(self) -> None:
        mb = self.menuBar()
        self.file_menu = mb.addMenu("")
        self.settings_action = QAction(self)
        self.settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.settings_action.triggered.connect(self.open_settings)
        self.logout_action = QAction(self)
        self.logout_action.triggered.connect(self.logout)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self._quit)
        self.import_action = QAction(self)
        self.import_action.triggered.connect(self.open_import)
        self.import_action.setVisible(self.ctx.actor.can(Permission.IMPORT_CUSTOMERS))
        self.import_purchases_action = QAction(self)
        self.import_purchases_action.triggered.connect(self.open_purchase_import)
        self.import_purchases_action.setVisible(self.ctx.actor.can(Permission.IMPORT_CUSTOMERS))
        admin_db = self.ctx.actor.can(Permission.MANAGE_DATABASE)
        self.team_server_action = QAction(self)
        self.team_server_action.triggered.connect(self.open_team_server)
        self.team_server_action.setVisible(admin_db)
        self.phone_action = QAction(self)
        self.phone_action.triggered.connect(self.open_phone_settings)
        self.phone_action.setVisible(self.ctx.actor.can(Permission.MANAGE_SETTINGS))
        self.backup_action = QAction(self)
        self.backup_action.triggered.connect(self.open_backups)
        self.backup_action.setVisible(admin_db)
        self.file_menu.addAction(self.import_action)
        self.file_menu.addAction(self.import_purchases_action)
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addAction(self.team_server_action)
        self.file_menu.addAction(self.phone_action)
        self.file_menu.addAction(self.backup_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.logout_action)
        self.file_menu.addAction(self.quit_action)

        self.view_menu = mb.addMenu("")
        self.language_menu = self.view_menu.addMenu("")
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in i18n.LANGUAGES.items():
            action = QAction(name, self, checkable=True)
            action.setData(code)
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        self.language_actions.get(self.ctx.language, self.language_actions["en"]).setChecked(True)

        # Ctrl+1 … Ctrl+9 jump to the navigation's first nine screens.
        self.screen_actions: list[QAction] = []
        for row in range(min(9, len(self.specs))):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
            action.triggered.connect(lambda _checked=False, r=row: self.nav.setCurrentRow(r))
            self.view_menu.addAction(action)
            self.screen_actions.append(action)
        if self.screen_actions:
            self.view_menu.insertSeparator(self.screen_actions[0])

        self.help_menu = mb.addMenu("")
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self.show_about)
        self.help_menu.addAction(self.about_action)

    def open_team_server(self) -> None:
        """File › Team server…: connect this PC to the team's PostgreSQL (issue 10)."""
        from winback_desktop.ui.screens.admin.team_server_dialog import TeamServerDialog

        dialog = TeamServerDialog(self.ctx, self)

        def saved(url: str) -> None:
            # The password goes to the OS keyring; the next login uses the server.
            prefs.save_database_url(url)
            self.statusBar().showMessage(self.tr(
                "Saved. Log out and in again to work on the team server."), 15_000)

        def forgotten() -> None:
            prefs.set_value(prefs.KEY_DATABASE_URL, "")
            self.statusBar().showMessage(self.tr(
                "This PC goes back to its own database at the next login."), 15_000)

        dialog.connection_saved.connect(saved)
        dialog.connection_forgotten.connect(forgotten)
        dialog.open()
        self.team_server_dialog = dialog

    def open_phone_settings(self) -> None:
        """File › Phone system… (issue 20): IT picks and tests the phone connection."""
        from winback_desktop.ui.screens.phone.settings_dialog import PhoneSettingsDialog

        dialog = PhoneSettingsDialog(self.ctx, self)
        dialog.open()
        self.phone_dialog = dialog

    def open_backups(self) -> None:
        """File › Backup and restore… (issue 10)."""
        from winback_desktop.ui.screens.admin.backup_dialog import BackupDialog

        dialog = BackupDialog(self.ctx, self)
        # After a restore the data under every open screen changed: start afresh.
        dialog.restored.connect(self.logout)
        dialog.open()
        self.backup_dialog = dialog

    def open_import(self) -> None:
        """File › Import customers…: the import wizard (issue 4)."""
        from winback_desktop.ui.screens.importing.wizard import open_import_wizard

        open_import_wizard(self.ctx, self)

    def open_purchase_import(self) -> None:
        """File › Import purchases…: the same wizard for purchase histories (issue 19)."""
        from winback_desktop.ui.screens.importing.wizard import open_import_wizard

        open_import_wizard(self.ctx, self, kind="purchases")

    # ------------------------------------------------------------------- texts

    def retranslate(self) -> None:
        actor = self.ctx.actor
        self.setWindowTitle(self.tr("{app} — {user}").format(
            app=APP_NAME, user=actor.display_name or actor.login))
        for row, spec in enumerate(self.specs):
            item = self.nav.item(row)
            if item is not None:
                item.setText(screen_title(spec.title))
            if row < len(self.screen_actions):
                self.screen_actions[row].setText(screen_title(spec.title))
        self.file_menu.setTitle(self.tr("&File"))
        self.import_action.setText(self.tr("&Import customers…"))
        self.import_purchases_action.setText(self.tr("Import &purchases…"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.team_server_action.setText(self.tr("&Team server…"))
        self.phone_action.setText(self.tr("&Phone system…"))
        self.backup_action.setText(self.tr("&Backup and restore…"))
        self.logout_action.setText(self.tr("&Log out"))
        self.quit_action.setText(self.tr("&Quit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About Winback Desktop"))
        self.user_label.setText(self.tr("User: {name}").format(
            name=actor.display_name or actor.login))
        self.role_label.setText(self.tr("Role: {role}").format(role=role_name(actor.role)))
        # Long server URLs and file paths are elided; the tooltip has the whole text.
        url = self.ctx.db.display_url
        short = self.db_label.fontMetrics().elidedText(url, Qt.TextElideMode.ElideMiddle, 320)
        self.db_label.setText(self.tr("Database: {url}").format(url=short))
        self.db_label.setToolTip(url)
        if self.backup_path is not None:
            self.backup_label.setText(self.tr("Backup taken before the upgrade: {path}").format(
                path=str(self.backup_path)))
        self.banner.setText(self.tr(
            "Connection to the database lost — reconnecting… Your typed work is kept."))
        self._show_health()

    def _show_health(self) -> None:
        if self.connected:
            color, text = style.OK, self.tr("Connected")
        else:
            color, text = style.DANGER, self.tr("Disconnected")
        self.health_label.setText(f'<span style="color:{color}">●</span> {text}')

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ----------------------------------------------------------------- screens

    def screen_keys(self) -> list[str]:
        return [spec.key for spec in self.specs]

    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(self.specs):
            self._ensure_screen(self.specs[row])
            self.stack.setCurrentIndex(row)

    def _ensure_screen(self, spec: ScreenSpec) -> QWidget | None:
        if spec.key in self.screens:
            return self.screens[spec.key]
        page = self._pages[spec.key]
        try:
            widget = spec.factory(self.ctx)
        except Exception as exc:
            log.exception("screen %s failed to open", spec.key)
            self.screen_errors[spec.key] = exc
            widget = QLabel(error_text(exc))
            widget.setWordWrap(True)
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
        widget.setObjectName(widget.objectName() or f"screen-{spec.key}")
        page_layout = page.layout()
        assert page_layout is not None
        page_layout.addWidget(widget)
        self.screens[spec.key] = widget
        return widget

    def open_screen(self, key: str) -> QWidget:
        """Select ``key`` in the navigation and return its widget."""
        row = self.screen_keys().index(key)
        self.nav.setCurrentRow(row)
        return self.screens[key]

    def current_key(self) -> str | None:
        row = self.nav.currentRow()
        return self.specs[row].key if 0 <= row < len(self.specs) else None

    # ---------------------------------------------------------------- language

    def set_language(self, code: str) -> None:
        """Switch live, remember for this workstation and for this user everywhere."""
        code = i18n.install(code)
        self.ctx.language = code
        prefs.set_value(prefs.KEY_LANGUAGE, code)
        action = self.language_actions.get(code)
        if action is not None:
            action.setChecked(True)
        db, actor = self.ctx.db, self.ctx.actor

        self._ops.op(lambda _c: user_actions.set_own_language(db, actor, code)).failure(
            lambda error: log.warning("language not saved: %s", error.text)).run()
        self.ctx.hub.language_changed.emit(code)

    # ------------------------------------------------------------- connection

    def _connection_changed(self, ok: bool) -> None:
        self.connected = ok
        self.banner.setVisible(not ok)
        self._show_health()
        self.ctx.hub.connection_changed.emit(ok)

    # ----------------------------------------------------------------- actions

    def open_settings(self) -> None:
        from winback_desktop.ui.screens.admin.settings_dialog import SettingsDialog

        old = getattr(self, "settings_dialog", None)
        if old is not None:
            old.close()
            old.deleteLater()
        dialog = SettingsDialog(self.ctx, self)
        dialog.open()
        self.settings_dialog = dialog

    def show_about(self) -> None:
        db = self.ctx.db

        self._ops.op(lambda _c: dashboard.about_info(db)).success(self._about).run()

    def about_text(self, info: dict[str, Any]) -> str:
        import PySide6
        from PySide6.QtCore import qVersion

        backend = info["backend"]
        if info.get("server_version"):
            backend = f"{backend} {info['server_version']}"
        return self.tr(
            "<h3>{app} {version}</h3>"
            "<p>A console for permanent customer win-back call teams.</p>"
            "<p>Python {python}<br>Qt {qt} / PySide6 {pyside}<br>SQLAlchemy {sqlalchemy}"
            "<br>Database: {backend}<br>{url}</p>"
        ).format(app=APP_NAME, version=__version__, python=info["python"], qt=qVersion(),
                 pyside=PySide6.__version__, sqlalchemy=info["sqlalchemy"], backend=backend,
                 url=info["database"])

    def _about(self, info: dict[str, Any]) -> None:
        box = QMessageBox(self)
        box.setObjectName("aboutBox")
        box.setWindowTitle(self.tr("About Winback Desktop"))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(self.about_text(info))
        box.setIcon(QMessageBox.Icon.Information)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.about_box = box

    def logout(self) -> None:
        self.logout_requested.emit()

    def _quit(self) -> None:
        self.quit_requested.emit()
        self.close()

    def save_geometry(self) -> None:
        s = prefs.qsettings()
        s.setValue(prefs.KEY_GEOMETRY, self.saveGeometry())
        s.setValue(prefs.KEY_STATE, self.saveState())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_geometry()
        self.monitor.shutdown()
        # Nothing of a closed window may keep working in the background.
        if self.scheduled_backups is not None:
            self.scheduled_backups.stop()
        if self.scheduled_risk_scan is not None:
            self.scheduled_risk_scan.stop()
        if self.coaching is not None:
            self.coaching.timer.stop()
        super().closeEvent(event)
