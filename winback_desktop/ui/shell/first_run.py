"""First run on an empty database: load the demo team or create the first admin."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from winback_desktop.ui.kit.service_op import OpControl, OpError, ServiceOp

DEMO_CUSTOMERS = 20_000


class FirstRunDialog(QDialog):
    """After ``accept()``, ``suggested_login`` holds the login to prefill."""

    def __init__(self, db: Any, parent: QWidget | None = None, *,
                 demo_customers: int = DEMO_CUSTOMERS) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunDialog")
        self.db = db
        self.demo_customers = demo_customers
        self.suggested_login = ""
        self.suggested_password = ""
        self._op: ServiceOp[Any] | None = None
        self.progress: QProgressDialog | None = None

        self.pages = QStackedWidget()
        # page 0: the choice
        choice = QWidget()
        self.welcome = QLabel()
        self.welcome.setObjectName("dialogTitle")
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.demo_button = QPushButton()
        self.demo_button.setObjectName("loadDemo")
        self.demo_button.clicked.connect(self.load_demo)
        self.admin_button = QPushButton()
        self.admin_button.setObjectName("createAdmin")
        self.admin_button.clicked.connect(lambda: self.pages.setCurrentIndex(1))
        row = QHBoxLayout()
        row.addWidget(self.demo_button)
        row.addWidget(self.admin_button)
        lay = QVBoxLayout(choice)
        lay.addWidget(self.welcome)
        lay.addWidget(self.explain)
        lay.addStretch(1)
        lay.addLayout(row)
        # page 1: first admin
        admin = QWidget()
        self.admin_title = QLabel()
        self.admin_title.setObjectName("dialogTitle")
        self.login_edit = QLineEdit("admin")
        self.name_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.login_label, self.name_label = QLabel(), QLabel()
        self.password_label, self.repeat_label = QLabel(), QLabel()
        form = QFormLayout()
        form.addRow(self.login_label, self.login_edit)
        form.addRow(self.name_label, self.name_edit)
        form.addRow(self.password_label, self.password_edit)
        form.addRow(self.repeat_label, self.repeat_edit)
        self.admin_error = QLabel()
        self.admin_error.setObjectName("formError")
        self.admin_error.setWordWrap(True)
        self.back_button = QPushButton()
        self.back_button.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.create_button = QPushButton()
        self.create_button.setObjectName("createButton")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create_admin)
        row2 = QHBoxLayout()
        row2.addWidget(self.back_button)
        row2.addStretch(1)
        row2.addWidget(self.create_button)
        lay2 = QVBoxLayout(admin)
        lay2.addWidget(self.admin_title)
        lay2.addLayout(form)
        lay2.addWidget(self.admin_error)
        lay2.addStretch(1)
        lay2.addLayout(row2)
        # page 2: demo loaded
        done = QWidget()
        self.done_title = QLabel()
        self.done_title.setObjectName("dialogTitle")
        self.done_text = QLabel()
        self.done_text.setWordWrap(True)
        self.done_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.continue_button = QPushButton()
        self.continue_button.setObjectName("continueButton")
        self.continue_button.clicked.connect(self.accept)
        row3 = QHBoxLayout()
        row3.addStretch(1)
        row3.addWidget(self.continue_button)
        lay3 = QVBoxLayout(done)
        lay3.addWidget(self.done_title)
        lay3.addWidget(self.done_text)
        lay3.addStretch(1)
        lay3.addLayout(row3)

        for page in (choice, admin, done):
            self.pages.addWidget(page)
        outer = QVBoxLayout(self)
        outer.addWidget(self.pages)
        self.setMinimumWidth(520)
        self._summary: Any = None
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Welcome"))
        self.welcome.setText(self.tr("Welcome to Winback Desktop"))
        self.explain.setText(self.tr(
            "This database is empty. Load the demo team to explore the program, or create "
            "the first administrator to start with your own data."))
        self.demo_button.setText(self.tr("Load demo data"))
        self.admin_button.setText(self.tr("Create the first admin"))
        self.admin_title.setText(self.tr("First administrator"))
        self.login_label.setText(self.tr("Login:"))
        self.name_label.setText(self.tr("Full name:"))
        self.password_label.setText(self.tr("Password:"))
        self.repeat_label.setText(self.tr("Repeat password:"))
        self.back_button.setText(self.tr("Back"))
        self.create_button.setText(self.tr("Create admin"))
        self.done_title.setText(self.tr("Demo data loaded"))
        self.continue_button.setText(self.tr("Continue to login"))
        self._show_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------- first admin

    def create_admin(self) -> None:
        login = self.login_edit.text().strip()
        password = self.password_edit.text()
        if password != self.repeat_edit.text():
            self.admin_error.setText(self.tr("The two passwords differ."))
            return
        name = self.name_edit.text().strip()
        db = self.db

        from winback_desktop.services import user_actions

        def done(created: Any) -> None:
            self.suggested_login = created.login
            self.accept()

        def failed(error: OpError) -> None:
            self.create_button.setEnabled(True)
            self.admin_error.setText(error.text)

        self.create_button.setEnabled(False)
        self.admin_error.clear()
        self._op = ServiceOp(
            self, lambda _c: user_actions.create_first_admin(db, login, password, name),
            hub=None).success(done).failure(failed).run()

    # --------------------------------------------------------------- demo data

    def load_demo(self) -> None:
        db, count = self.db, self.demo_customers
        progress = QProgressDialog(self.tr("Loading the demo team and customers…"),
                                   self.tr("Cancel"), 0, 100, self)
        progress.setObjectName("demoProgress")
        progress.setWindowTitle(self.tr("Demo data"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setValue(0)
        self.progress = progress

        def work(control: OpControl) -> Any:
            from winback_desktop.services import demo
            from winback_desktop.services.context import Actor

            def report(done: int, total: int) -> None:
                control.check()
                control.progress(done, total, "")

            return demo.load_demo(db, Actor.system(), customers=count, progress=report)

        def on_progress(done: int, total: int, _label: str) -> None:
            progress.setMaximum(max(total, 1))
            progress.setValue(min(done, max(total, 1)))

        def finished(summary: Any) -> None:
            progress.close()
            self._summary = summary
            from winback_desktop.services.demo import DEMO_ADMIN

            self.suggested_login = DEMO_ADMIN
            self.suggested_password = summary.password
            self._show_summary()
            self.pages.setCurrentIndex(2)

        def failed(error: OpError) -> None:
            progress.close()
            self.demo_button.setEnabled(True)
            self.explain.setText(error.text)

        self.demo_button.setEnabled(False)
        op = ServiceOp(self, work, hub=None).success(finished).failure(failed).progress(
            on_progress)
        progress.canceled.connect(op.cancel)
        self._op = op.run()

    def _show_summary(self) -> None:
        s = self._summary
        if s is None:
            return
        self.done_text.setText(self.tr(
            "Created {users} users, {customers} customers, {calls} calls and {campaigns} "
            "campaigns.\n\nLog in as admin, supervisor1 or supervisor2, or agent01 to "
            "agent10. Every demo password is: {password}").format(
                users=s.users, customers=s.customers, calls=s.calls,
                campaigns=s.campaigns, password=s.password))
