"""Admin dialog: connect this workstation to the team PostgreSQL server.

Host, port, database, user and password; *Test connection* says plainly what is wrong;
*Create or upgrade schema* prepares an empty server; *Move this PC's data* copies the
single-PC database over (counts verified); *Save and use* stores the connection (the
password in the OS credential store) and emits ``connection_saved`` so the main window
can reconnect. Everything slow runs in a ``ServiceOp``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from winback_desktop.core.errors import WinbackError
from winback_desktop.core.permissions import Permission
from winback_desktop.services import team_setup
from winback_desktop.ui.kit.feedback import error_text
from winback_desktop.ui.kit.service_op import OpControl, OpError, ServiceOp
from winback_desktop.ui.shell.context import AppContext


class TeamServerDialog(QDialog):
    """Edits, tests and saves the team server connection."""

    #: the saved server's URL (with password): reconnect to it
    connection_saved = Signal(str)
    #: the workstation went back to its own SQLite file
    connection_forgotten = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._op: ServiceOp[Any] | None = None
        self.setWindowTitle(self.tr("Team database server"))
        self.host = QLineEdit()
        self.host.setPlaceholderText(self.tr("server name or IP address"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(team_setup.DEFAULT_PORT)
        self.database = QLineEdit("winback")
        self.user = QLineEdit("winback")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Host"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Database"), self.database)
        form.addRow(self.tr("User"), self.user)
        form.addRow(self.tr("Password"), self.password)

        self.test_button = QPushButton(self.tr("Test connection"))
        self.schema_button = QPushButton(self.tr("Create or upgrade schema"))
        self.move_button = QPushButton(self.tr("Move this PC's data to the server…"))
        self.save_button = QPushButton(self.tr("Save and use"))
        self.forget_button = QPushButton(self.tr("Use this PC's own database"))
        actions = QHBoxLayout()
        for button in (self.test_button, self.schema_button, self.move_button):
            actions.addWidget(button)
        saving = QHBoxLayout()
        saving.addWidget(self.save_button)
        saving.addWidget(self.forget_button)
        saving.addStretch(1)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(actions)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(saving)
        layout.addWidget(close)

        self.test_button.clicked.connect(self.test)
        self.schema_button.clicked.connect(self.prepare)
        self.move_button.clicked.connect(self.move_data)
        self.save_button.clicked.connect(self.save)
        self.forget_button.clicked.connect(self.forget)
        self.move_button.setEnabled(ctx.db.backend == "sqlite")
        if not ctx.actor.can(Permission.MANAGE_DATABASE):
            for w in (self.test_button, self.schema_button, self.move_button,
                      self.save_button, self.forget_button):
                w.setEnabled(False)
            self.show_status(self.tr("Only an admin can change the database connection."),
                             ok=False)
        self._load_saved()

    # ------------------------------------------------------------------ helpers

    def _load_saved(self) -> None:
        saved = team_setup.load_connection()
        if saved is None:
            return
        self.host.setText(saved.host)
        self.port.setValue(saved.port)
        self.database.setText(saved.database)
        self.user.setText(saved.user)
        try:
            self.password.setText(team_setup.load_password(saved) or "")
        except team_setup.KeyringUnavailable as exc:
            self.show_status(error_text(exc), ok=False)

    def connection(self) -> team_setup.ServerConnection:
        return team_setup.ServerConnection(self.host.text().strip(), self.port.value(),
                                           self.database.text().strip(),
                                           self.user.text().strip())

    def show_status(self, text: str, ok: bool = True) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #1b7f3b;" if ok else "color: #b00020;")

    def _busy(self, busy: bool) -> None:
        for w in (self.test_button, self.schema_button, self.save_button,
                  self.forget_button):
            w.setEnabled(not busy)
        self.move_button.setEnabled(not busy and self.ctx.db.backend == "sqlite")
        self.progress.setVisible(busy)

    def _run(self, fn: Any, on_success: Any) -> ServiceOp[Any]:
        self._busy(True)
        self.show_status(self.tr("Working…"))

        def done(result: Any) -> None:
            self._busy(False)
            on_success(result)

        def failed(error: OpError) -> None:
            self._busy(False)
            self.show_status(error_text(error.error), ok=False)

        def progress(done_: int, total: int, label: str) -> None:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done_)
            self.progress.setFormat(f"%p% {label}")

        self._op = (ServiceOp(self, fn, hub=self.ctx.hub).success(done).failure(failed)
                    .progress(progress).run())
        return self._op

    def _describe(self, check: team_setup.ConnectionCheck) -> str:
        states = {
            "missing": self.tr("the database is empty: create the schema next"),
            "old": self.tr("the schema is from an older version: upgrade it"),
            "current": self.tr("the schema is up to date"),
            "newer": self.tr("the schema is newer than this app: install the newer version"),
        }
        return self.tr("Connected (PostgreSQL {version}); {state}.").replace(
            "{version}", check.server_version).replace("{state}", states[check.schema])

    # ------------------------------------------------------------------ actions

    def test(self) -> ServiceOp[Any]:
        conn, password = self.connection(), self.password.text() or None
        return self._run(lambda _c: team_setup.test_connection(conn, password),
                         lambda check: self.show_status(self._describe(check)))

    def prepare(self) -> ServiceOp[Any]:
        conn, password = self.connection(), self.password.text() or None
        actor = self.ctx.actor
        return self._run(lambda _c: team_setup.prepare_schema(actor, conn, password),
                         lambda check: self.show_status(self._describe(check)))

    def move_data(self) -> ServiceOp[Any]:
        url = self.connection().url(self.password.text() or None)
        db, actor = self.ctx.db, self.ctx.actor

        def work(control: OpControl) -> team_setup.MigrationReport:
            return team_setup.migrate_to(db, url, actor, control.progress)

        def done(report: team_setup.MigrationReport) -> None:
            self.show_status(self.tr("Copied {rows} rows in {tables} tables; every count and "
                                     "checksum matches. Save and use the server now.")
                             .replace("{rows}", str(report.total_rows))
                             .replace("{tables}", str(len(report.tables))))

        return self._run(work, done)

    def save(self) -> None:
        conn, password = self.connection(), self.password.text() or None
        try:
            team_setup.save_connection(conn, password)
        except WinbackError as exc:
            self.show_status(error_text(exc), ok=False)
            return
        self.show_status(self.tr("Saved. This workstation now uses {server}.")
                         .replace("{server}", conn.display()))
        self.connection_saved.emit(conn.url(password))

    def forget(self) -> None:
        try:
            team_setup.forget_connection()
        except WinbackError as exc:
            self.show_status(error_text(exc), ok=False)
            return
        self.show_status(self.tr("This workstation now uses its own database file."))
        self.connection_forgotten.emit()
