"""The login dialog: who you are, which language, which database.

It appears before the database stack is even imported (cold start ≤ 1 s): the
application opens the database in the background and calls ``set_database`` when it
is ready. Authentication (argon2id, ~50 ms) runs in a worker thread.
"""

from __future__ import annotations

import sys
import time
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from winback_desktop import APP_NAME
from winback_desktop.ui.kit.service_op import OpError, ServiceOp
from winback_desktop.ui.kit.widgets import ElidedLabel
from winback_desktop.ui.shell import i18n, prefs

#: perf_counter() when the login window was first shown (read by the startup timer).
SHOWN_AT: dict[str, float] = {}
#: Modules that must load after the login window appears, not before (cold start ≤ 1 s).
HEAVY_MODULES = ("sqlalchemy", "alembic", "numpy", "openpyxl", "argon2", "psycopg")
#: Which of them were already imported when the login window was first shown.
HEAVY_AT_SHOW: list[str] = []


class LoginDialog(QDialog):
    """Emits ``logged_in(actor, language)``; the application then opens the main window."""

    logged_in = Signal(object, str)
    change_database_requested = Signal()
    quit_requested = Signal()
    shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.db: Any = None
        self._op: ServiceOp[Any] | None = None
        self._db_text = ""
        self._db_state = "pending"

        self.title = QLabel(APP_NAME)
        self.title.setObjectName("dialogTitle")
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)

        self.login_edit = QLineEdit()
        self.login_edit.setObjectName("login")
        self.login_edit.setText(prefs.get_str(prefs.KEY_LAST_LOGIN))
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.language_combo = QComboBox()
        for code, name in i18n.LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(
            max(0, self.language_combo.findData(i18n.current_language()))
        )
        self.language_combo.currentIndexChanged.connect(self._language_chosen)

        self.database_value = ElidedLabel()
        self.database_value.setObjectName("databaseValue")
        self.database_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.change_db_button = QPushButton()
        self.change_db_button.clicked.connect(self.change_database_requested)
        db_row = QHBoxLayout()
        db_row.addWidget(self.database_value, 1)
        db_row.addWidget(self.change_db_button)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.login_label = QLabel()
        self.password_label = QLabel()
        self.language_label = QLabel()
        self.database_label = QLabel()
        self.form.addRow(self.login_label, self.login_edit)
        self.form.addRow(self.password_label, self.password_edit)
        self.form.addRow(self.language_label, self.language_combo)
        self.form.addRow(self.database_label, db_row)

        self.error_label = QLabel()
        self.error_label.setObjectName("formError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        self.login_button = QPushButton()
        self.login_button.setObjectName("loginButton")
        self.login_button.setDefault(True)
        self.login_button.setEnabled(False)
        self.login_button.clicked.connect(self.attempt_login)
        self.quit_button = QPushButton()
        self.quit_button.clicked.connect(self._quit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.login_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self.setMinimumWidth(460)
        self.retranslate()
        self.password_edit.returnPressed.connect(self.attempt_login)
        self.login_edit.returnPressed.connect(self.password_edit.setFocus)
        if self.login_edit.text():
            self.password_edit.setFocus()

    # ------------------------------------------------------------------ texts

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Log in"))
        self.subtitle.setText(self.tr("Log in to your win-back console."))
        self.login_label.setText(self.tr("&Login:"))
        self.login_label.setBuddy(self.login_edit)
        self.password_label.setText(self.tr("&Password:"))
        self.password_label.setBuddy(self.password_edit)
        self.language_label.setText(self.tr("Lan&guage:"))
        self.language_label.setBuddy(self.language_combo)
        self.database_label.setText(self.tr("Database:"))
        self.change_db_button.setText(self.tr("Change…"))
        self.login_button.setText(self.tr("Log in"))
        self.quit_button.setText(self.tr("Quit"))
        self._show_database()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if "login" not in SHOWN_AT:
            SHOWN_AT["login"] = time.perf_counter()
            HEAVY_AT_SHOW[:] = [m for m in HEAVY_MODULES if m in sys.modules]
        self.shown.emit()

    # --------------------------------------------------------------- database

    def set_database_pending(self, display: str) -> None:
        self.db = None
        self._db_text = display
        self._db_state = "pending"
        self.login_button.setEnabled(False)
        self._show_database()

    def set_database(self, db: Any) -> None:
        self.db = db
        self._db_text = db.display_url
        self._db_state = "ready"
        self.login_button.setEnabled(True)
        self._show_database()

    def set_database_failed(self, display: str) -> None:
        self.db = None
        self._db_text = display
        self._db_state = "failed"
        self.login_button.setEnabled(False)
        self._show_database()

    def _show_database(self) -> None:
        if self._db_state == "pending":
            text = self.tr("{url} (opening…)").format(url=self._db_text)
        elif self._db_state == "failed":
            text = self.tr("{url} (not available)").format(url=self._db_text)
        else:
            text = self._db_text
        self.database_value.set_full_text(text)

    # ---------------------------------------------------------------- actions

    def prefill(self, login: str, password: str = "") -> None:
        self.login_edit.setText(login)
        self.password_edit.setText(password)
        self.password_edit.setFocus()

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def _language_chosen(self) -> None:
        code = self.language_combo.currentData()
        i18n.install(code)
        prefs.set_value(prefs.KEY_LANGUAGE, code)

    def _quit(self) -> None:
        self.quit_requested.emit()
        self.reject()

    def attempt_login(self) -> None:
        if self.db is None or (self._op is not None and not self._op.done):
            return
        login = self.login_edit.text().strip()
        password = self.password_edit.text()
        if not login or not password:
            self.show_error(self.tr("Enter your login and password."))
            return
        db = self.db
        # What the dialog shows is what opens: the language selected here wins over the
        # user's stored preference and becomes that preference (for every workstation).
        chosen = i18n.normalise(self.language_combo.currentData())

        from winback_desktop.services import user_actions

        def work(_control: object) -> Any:
            result = user_actions.log_in(db, login, password)
            if result.language != chosen:
                user_actions.set_own_language(db, result.actor, chosen)
            return result, chosen

        self.login_button.setEnabled(False)
        self.show_error("")
        self._op = ServiceOp(self, work, hub=None).success(
            self._succeeded).failure(self._failed).run()

    def _succeeded(self, outcome: tuple[Any, str]) -> None:
        result, chosen = outcome
        actor = result.actor
        prefs.set_value(prefs.KEY_LAST_LOGIN, actor.login)
        self.password_edit.clear()
        self.login_button.setEnabled(True)
        self.logged_in.emit(actor, chosen)
        self.accept()

    def _failed(self, error: OpError) -> None:
        self.login_button.setEnabled(self.db is not None)
        self.show_error(error.text)
        self.password_edit.selectAll()
        self.password_edit.setFocus()
