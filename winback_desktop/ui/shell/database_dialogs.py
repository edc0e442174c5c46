"""When the database cannot be opened: say why, then Retry, choose another, or Quit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from winback_desktop.core.errors import DatabaseTooNew
from winback_desktop.ui.kit.feedback import error_text
from winback_desktop.ui.shell import prefs


class DatabaseErrorDialog(QMessageBox):
    """Modal-less question box; ``choice`` is ``retry``, ``choose`` or ``quit``."""

    def __init__(self, exc: BaseException, url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("databaseErrorDialog")
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(self.tr("Database problem"))
        self.too_new = isinstance(exc, DatabaseTooNew)
        if self.too_new:
            self.setText(self.tr("This database is newer than this version of "
                                 "Winback Desktop and will not be opened."))
        else:
            self.setText(self.tr("Winback Desktop cannot open its database."))
        self.setInformativeText(
            error_text(exc) + "\n\n" + self.tr("Database: {url}").format(url=prefs.mask_url(url))
        )
        self.retry_button = None
        if not self.too_new:
            self.retry_button = self.addButton(self.tr("Retry"),
                                               QMessageBox.ButtonRole.AcceptRole)
        self.choose_button = self.addButton(self.tr("Choose another database…"),
                                            QMessageBox.ButtonRole.ActionRole)
        self.quit_button = self.addButton(self.tr("Quit"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.retry_button or self.choose_button)

    @property
    def choice(self) -> str:
        clicked = self.clickedButton()
        if clicked is not None and clicked is self.retry_button:
            return "retry"
        if clicked is self.choose_button:
            return "choose"
        return "quit"


class ChooseDatabaseDialog(QDialog):
    """Pick a SQLite file on this PC or type a team server's URL.

    A SQLite file that does not exist is created only after the user says so: a typo in
    the path must not become a new, empty database.
    """

    def __init__(self, current_url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chooseDatabaseDialog")
        #: the user agreed to create the (missing) SQLite file of :meth:`url`
        self.create_file = False
        self.confirm: QMessageBox | None = None
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.url_edit = QLineEdit(prefs.mask_url(current_url))
        self.url_edit.setMinimumWidth(420)
        self.browse_button = QPushButton()
        self.browse_button.clicked.connect(self._browse)
        self.default_button = QPushButton()
        self.default_button.clicked.connect(
            lambda: self.url_edit.setText(prefs.default_database_url()))
        row = QHBoxLayout()
        row.addWidget(self.url_edit, 1)
        row.addWidget(self.browse_button)
        self.examples = QLabel()
        self.examples.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(row)
        layout.addWidget(self.default_button)
        layout.addWidget(self.examples)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Choose a database"))
        self.intro.setText(self.tr(
            "Use a SQLite file when this PC works alone, or your team's PostgreSQL server."))
        self.browse_button.setText(self.tr("SQLite file…"))
        self.default_button.setText(self.tr("Use this PC's default file"))
        self.examples.setText(self.tr(
            "Examples: sqlite:///C:/Winback/team.sqlite3 or "
            "postgresql://user:password@server/winback"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("SQLite database file"), str(prefs.data_dir()),
            self.tr("SQLite databases (*.sqlite3 *.sqlite *.db);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.url_edit.setText(f"sqlite:///{Path(path).as_posix()}")

    def accept(self) -> None:
        from winback_desktop.services.database import missing_file

        missing = missing_file(self.url()) if self.url() else None
        if missing is None:
            self.create_file = False
            super().accept()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Create a new database?"),
                          self.tr("There is no database file at {path}. Create a new, empty "
                                  "database there?").format(path=str(missing)),
                          parent=self)
        box.setObjectName("createDatabaseQuestion")
        self.create_button = box.addButton(self.tr("Create it"),
                                           QMessageBox.ButtonRole.AcceptRole)
        self.change_button = box.addButton(self.tr("Change the path"),
                                           QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(self.change_button)
        self.confirm = box

        def answered(_result: int) -> None:
            self.confirm = None
            if box.clickedButton() is self.create_button:
                self.create_file = True
                QDialog.accept(self)
            else:
                self.url_edit.setFocus()
                self.url_edit.selectAll()

        box.finished.connect(answered)
        box.open()

    def url(self) -> str:
        text = self.url_edit.text().strip()
        if text and "://" not in text:
            text = f"sqlite:///{Path(text).as_posix()}"
        return prefs.resolve_url(text)
