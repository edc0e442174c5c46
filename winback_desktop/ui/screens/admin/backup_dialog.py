"""Admin dialog: back up now, restore from a file, and the backup schedule.

Also ``ScheduledBackups``: a timer the main window starts for admins; every few minutes
it asks ``services.backup.due_backup`` and, when due, backs up in the background.
"""

from __future__ import annotations

from datetime import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTime, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from winback_desktop.core.permissions import Permission
from winback_desktop.services import backup
from winback_desktop.ui.kit.service_op import OpControl, OpError, ServiceOp
from winback_desktop.ui.screens.admin.team_server_dialog import error_text
from winback_desktop.ui.shell.context import AppContext


class BackupDialog(QDialog):
    """Backups for admins. ``restored`` tells the main window to log everyone out."""

    restored = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 ask: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._op: ServiceOp[Any] | None = None
        #: confirmation hook (tests replace it): (title, text) -> bool
        self.ask = ask or self._ask
        self.setWindowTitle(self.tr("Backups"))

        self.backup_button = QPushButton(self.tr("Back up now…"))
        self.restore_button = QPushButton(self.tr("Restore from a backup…"))
        self.folder_button = QPushButton(self.tr("Open backups folder"))
        buttons = QHBoxLayout()
        for b in (self.backup_button, self.restore_button, self.folder_button):
            buttons.addWidget(b)
        self.list = QListWidget()

        self.frequency = QComboBox()
        self.frequency.addItem(self.tr("Off"), "off")
        self.frequency.addItem(self.tr("Daily"), "daily")
        self.frequency.addItem(self.tr("Weekly"), "weekly")
        self.at = QTimeEdit()
        self.at.setDisplayFormat("HH:mm")
        self.weekday = QComboBox()
        for i, name in enumerate([self.tr("Monday"), self.tr("Tuesday"), self.tr("Wednesday"),
                                  self.tr("Thursday"), self.tr("Friday"), self.tr("Saturday"),
                                  self.tr("Sunday")]):
            self.weekday.addItem(name, i)
        self.keep = QSpinBox()
        self.keep.setRange(1, 1000)
        self.save_button = QPushButton(self.tr("Save schedule"))
        schedule = QGroupBox(self.tr("Scheduled backups"))
        form = QFormLayout(schedule)
        form.addRow(self.tr("Frequency"), self.frequency)
        form.addRow(self.tr("Time"), self.at)
        form.addRow(self.tr("Day"), self.weekday)
        form.addRow(self.tr("Keep newest"), self.keep)
        form.addRow("", self.save_button)

        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("Backups in {folder}:").replace(
            "{folder}", str(backup.backups_dir()))))
        layout.addWidget(self.list)
        layout.addWidget(schedule)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(close)

        self.backup_button.clicked.connect(lambda: self.back_up(self._choose_target()))
        self.restore_button.clicked.connect(lambda: self.restore(self._choose_source()))
        self.folder_button.clicked.connect(self._open_folder)
        self.save_button.clicked.connect(self.save_schedule)
        self.frequency.currentIndexChanged.connect(self._frequency_changed)

        allowed = ctx.actor.can(Permission.MANAGE_DATABASE)
        for w in (self.backup_button, self.restore_button, self.save_button):
            w.setEnabled(allowed)
        if not allowed:
            self.show_status(self.tr("Only an admin can back up or restore."), ok=False)
        self._load()

    # ------------------------------------------------------------------ state

    def _load(self) -> None:
        sched = backup.get_schedule(self.ctx.db)
        self.frequency.setCurrentIndex(max(0, self.frequency.findData(sched.frequency)))
        self.at.setTime(QTime(sched.at.hour, sched.at.minute))
        self.weekday.setCurrentIndex(sched.weekday)
        self.keep.setValue(backup.get_retention(self.ctx.db))
        self._frequency_changed()
        self.refresh_list()

    def refresh_list(self) -> None:
        self.list.clear()
        for path in backup.list_backups():
            self.list.addItem(f"{path.name}  ({path.stat().st_size / 1e6:.1f} MB)")

    def _frequency_changed(self) -> None:
        frequency = self.frequency.currentData()
        self.at.setEnabled(frequency != "off")
        self.weekday.setEnabled(frequency == "weekly")

    def show_status(self, text: str, ok: bool = True) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #1b7f3b;" if ok else "color: #b00020;")

    def _ask(self, title: str, text: str) -> bool:
        answer = QMessageBox.warning(self, title, text,
                                     QMessageBox.StandardButton.Yes
                                     | QMessageBox.StandardButton.Cancel,
                                     QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def _choose_target(self) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Back up to"), str(backup.default_backup_path()),
            self.tr("Winback backups (*.zip)"))
        return Path(name) if name else None

    def _choose_source(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Restore from"), str(backup.backups_dir()),
            self.tr("Winback backups (*.zip)"))
        return Path(name) if name else None

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(backup.backups_dir())))

    def _run(self, fn: Any, on_success: Any) -> ServiceOp[Any]:
        for w in (self.backup_button, self.restore_button, self.save_button):
            w.setEnabled(False)
        self.progress.setVisible(True)
        self.show_status(self.tr("Working…"))

        def finish() -> None:
            for w in (self.backup_button, self.restore_button, self.save_button):
                w.setEnabled(True)
            self.progress.setVisible(False)

        def done(result: Any) -> None:
            finish()
            on_success(result)

        def failed(error: OpError) -> None:
            finish()
            self.show_status(error_text(error.error), ok=False)

        def progress(done_: int, total: int, label: str) -> None:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done_)
            self.progress.setFormat(f"%p% {label}")

        self._op = (ServiceOp(self, fn, hub=self.ctx.hub).success(done).failure(failed)
                    .progress(progress).run())
        return self._op

    # ------------------------------------------------------------------ actions

    def back_up(self, target: Path | None) -> ServiceOp[Any] | None:
        if target is None:
            return None
        db, actor = self.ctx.db, self.ctx.actor

        def work(control: OpControl) -> backup.BackupInfo:
            return backup.backup(db, actor, target, progress=control.progress)

        def done(info: backup.BackupInfo) -> None:
            self.refresh_list()
            self.show_status(self.tr("Backup written: {path} ({rows} rows).")
                             .replace("{path}", info.path)
                             .replace("{rows}", str(info.total_rows)))

        return self._run(work, done)

    def restore(self, source: Path | None) -> ServiceOp[Any] | None:
        """Verify first (in the background), then ask, then restore."""
        if source is None:
            return None

        def verified(info: backup.BackupInfo) -> None:
            text = self.tr(
                "Backup made {created} by version {version}: {customers} customers, {rows} "
                "rows in all. Restoring replaces everything in {database} for every "
                "workstation. Close Winback Desktop on the other PCs first. Restore now?"
            ).replace("{created}", info.created_at).replace("{version}", info.app_version) \
                .replace("{customers}", str(info.rows.get("customers", 0))) \
                .replace("{rows}", str(info.total_rows)) \
                .replace("{database}", self.ctx.db.display_url)
            if not self.ask(self.tr("Restore database"), text):
                self.show_status(self.tr("Not restored."), ok=False)
                return
            db, actor = self.ctx.db, self.ctx.actor

            def work(control: OpControl) -> backup.RestoreInfo:
                return backup.restore(db, actor, source, confirm=True,
                                      progress=control.progress)

            def done(result: backup.RestoreInfo) -> None:
                self.show_status(self.tr("Restored and verified {rows} rows. Please log in "
                                         "again.").replace("{rows}",
                                                           str(sum(result.rows.values()))))
                self.ctx.hub.notify("*")
                self.restored.emit()

            self._run(work, done)

        return self._run(lambda control: backup.verify_backup(source, control.progress),
                         verified)

    def save_schedule(self) -> None:
        t = self.at.time()
        sched = backup.BackupSchedule(self.frequency.currentData(), time(t.hour(), t.minute()),
                                      int(self.weekday.currentData()))
        try:
            backup.set_schedule(self.ctx.db, self.ctx.actor, sched)
            backup.set_retention(self.ctx.db, self.ctx.actor, self.keep.value())
        except Exception as exc:
            self.show_status(error_text(exc), ok=False)
            return
        self.show_status(self.tr("Schedule saved."))


class ScheduledBackups(QObject):
    """Runs due scheduled backups in the background while an admin is logged in."""

    finished = Signal(object)  # BackupInfo
    failed = Signal(str)

    def __init__(self, ctx: AppContext, interval_ms: int = 5 * 60 * 1000,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._op: ServiceOp[Any] | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        if self.ctx.actor.can(Permission.MANAGE_DATABASE):
            self.timer.start()
            # After start-up settles; a child timer dies with this object, so a closed
            # window never gets a late call.
            self._first = QTimer(self)
            self._first.setSingleShot(True)
            self._first.timeout.connect(self.check)
            self._first.start(30_000)

    def stop(self) -> None:
        self.timer.stop()
        first = getattr(self, "_first", None)
        if first is not None:
            first.stop()

    def check(self) -> ServiceOp[Any] | None:
        if self._op is not None and not self._op.done:
            return None
        db, actor = self.ctx.db, self.ctx.actor

        def done(info: backup.BackupInfo | None) -> None:
            if info is not None:
                self.finished.emit(info)

        self._op = (ServiceOp(self, lambda control: backup.run_scheduled_backup(
                        db, actor, progress=control.progress), hub=None)
                    .success(done).failure(lambda error: self.failed.emit(error.text)).run())
        return self._op

