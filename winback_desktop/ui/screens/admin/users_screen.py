"""Users (admin): who may log in, with which role, team and skills."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from winback_desktop.core.domain import DefectionReason, Role, SltvTier
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.services import user_actions
from winback_desktop.services.changes import Changes, Topic
from winback_desktop.services.user_actions import UserList
from winback_desktop.services.users import UserDetails, UserInfo
from winback_desktop.ui.kit.labels import role_name
from winback_desktop.ui.kit.service_op import OpGroup, ServiceOp
from winback_desktop.ui.shell import i18n
from winback_desktop.ui.shell.context import AppContext
from winback_desktop.ui.shell.registry import ScreenSpec, register

T = TypeVar("T")

REASON_NAMES = {
    DefectionReason.PUSHED_INTENTIONAL: QT_TRANSLATE_NOOP("Reasons", "Pushed away (intentional)"),
    DefectionReason.PUSHED_UNINTENTIONAL: QT_TRANSLATE_NOOP(
        "Reasons", "Pushed away (unintentional)"),
    DefectionReason.PULLED_AWAY: QT_TRANSLATE_NOOP("Reasons", "Pulled away"),
    DefectionReason.BOUGHT_AWAY: QT_TRANSLATE_NOOP("Reasons", "Bought away"),
    DefectionReason.MOVED_AWAY: QT_TRANSLATE_NOOP("Reasons", "Moved away"),
    DefectionReason.UNKNOWN: QT_TRANSLATE_NOOP("Reasons", "Unknown"),
}
CUSTOMER_LANGUAGES = {"zh": QT_TRANSLATE_NOOP("Reasons", "Chinese"),
                      "en": QT_TRANSLATE_NOOP("Reasons", "English")}


def _tr(context: str, text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(context, text)


class UserDialog(QDialog):
    """Add a user (with password) or edit one (role, team, name, active, skills)."""

    def __init__(self, parent: QWidget | None, teams: list[str],
                 details: Any | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userDialog")
        self.details = details
        self.editing = details is not None
        self.login_edit = QLineEdit()
        self.login_edit.setObjectName("userLogin")
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("userName")
        self.role_combo = QComboBox()
        self.role_combo.setObjectName("userRole")
        for role in Role:
            self.role_combo.addItem(role_name(role.value), role.value)
        self.team_combo = QComboBox()
        self.team_combo.setEditable(True)
        self.team_combo.addItem("")
        self.team_combo.addItems(teams)
        self.active_check = QCheckBox()
        self.active_check.setChecked(True)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("userPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setObjectName("userPasswordRepeat")
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.extension_edit = QLineEdit()
        self.extension_edit.setObjectName("userExtension")
        self.extension_edit.setMaxLength(20)
        self.seniority_combo = QComboBox()
        self.seniority_combo.addItem("", "senior")
        self.seniority_combo.addItem("", "trainee")

        self.labels = {k: QLabel() for k in ("login", "name", "role", "team", "active",
                                             "password", "repeat", "seniority",
                                             "extension")}
        form = QFormLayout()
        form.addRow(self.labels["login"], self.login_edit)
        form.addRow(self.labels["name"], self.name_edit)
        form.addRow(self.labels["role"], self.role_combo)
        form.addRow(self.labels["team"], self.team_combo)
        form.addRow(self.labels["active"], self.active_check)
        if not self.editing:
            form.addRow(self.labels["password"], self.password_edit)
            form.addRow(self.labels["repeat"], self.repeat_edit)
        form.addRow(self.labels["seniority"], self.seniority_combo)
        form.addRow(self.labels["extension"], self.extension_edit)

        self.skills_box = QGroupBox()
        grid = QGridLayout(self.skills_box)
        self.tier_label, self.reason_label, self.lang_label = QLabel(), QLabel(), QLabel()
        grid.addWidget(self.tier_label, 0, 0)
        self.tier_checks: dict[str, QCheckBox] = {}
        for i, tier in enumerate(SltvTier):
            box = QCheckBox(tier.value if tier is not SltvTier.NEGATIVE else "")
            self.tier_checks[tier.value] = box
            grid.addWidget(box, 0, 1 + i)
        grid.addWidget(self.reason_label, 1, 0)
        self.reason_checks: dict[str, QCheckBox] = {}
        for i, reason in enumerate(DefectionReason):
            box = QCheckBox()
            self.reason_checks[reason.value] = box
            grid.addWidget(box, 1 + i // 3, 1 + (i % 3) * 2, 1, 2)
        grid.addWidget(self.lang_label, 3, 0)
        self.lang_checks: dict[str, QCheckBox] = {}
        for i, code in enumerate(CUSTOMER_LANGUAGES):
            box = QCheckBox()
            self.lang_checks[code] = box
            grid.addWidget(box, 3, 1 + i * 2, 1, 2)
        self.skills_hint = QLabel()
        self.skills_hint.setWordWrap(True)
        grid.addWidget(self.skills_hint, 4, 0, 1, 7)

        self.error_label = QLabel()
        self.error_label.setObjectName("formError")
        self.error_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._validate)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.skills_box)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        if details is not None:
            self.login_edit.setText(details.login)
            self.login_edit.setReadOnly(True)
            self.name_edit.setText(details.display_name)
            self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(details.role)))
            self.team_combo.setCurrentText(details.team or "")
            self.active_check.setChecked(details.active)
            self.extension_edit.setText(details.extension or "")
            self.seniority_combo.setCurrentIndex(
                max(0, self.seniority_combo.findData(details.seniority)))
            for value, box in self.tier_checks.items():
                box.setChecked(value in details.skill_tiers)
            for value, box in self.reason_checks.items():
                box.setChecked(value in details.skill_reasons)
            for value, box in self.lang_checks.items():
                box.setChecked(value in details.languages)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Edit user") if self.editing else self.tr("Add user"))
        texts = {"login": self.tr("Login:"), "name": self.tr("Full name:"),
                 "role": self.tr("Role:"), "team": self.tr("Team:"),
                 "active": self.tr("Active:"), "password": self.tr("Password:"),
                 "repeat": self.tr("Repeat password:"), "seniority": self.tr("Seniority:"),
                 "extension": self.tr("Phone extension:")}
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.active_check.setText(self.tr("May log in"))
        self.extension_edit.setPlaceholderText(
            self.tr("e.g. 201: the desk phone the PBX rings for this user"))
        self.seniority_combo.setItemText(0, self.tr("Senior"))
        self.seniority_combo.setItemText(1, self.tr("Trainee"))
        for i, role in enumerate(Role):
            self.role_combo.setItemText(i, role_name(role.value))
        self.skills_box.setTitle(self.tr("Skills (which customers the queue gives this agent)"))
        self.tier_label.setText(self.tr("SLTV tiers:"))
        self.tier_checks[SltvTier.NEGATIVE.value].setText(self.tr("negative"))
        self.reason_label.setText(self.tr("Reasons:"))
        for value, box in self.reason_checks.items():
            box.setText(_tr("Reasons", REASON_NAMES[DefectionReason(value)]))
        self.lang_label.setText(self.tr("Languages:"))
        for value, box in self.lang_checks.items():
            box.setText(_tr("Reasons", CUSTOMER_LANGUAGES[value]))
        self.skills_hint.setText(self.tr("Nothing ticked in a row means: any."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _validate(self) -> None:
        if not self.editing and self.password_edit.text() != self.repeat_edit.text():
            self.error_label.setText(self.tr("The two passwords differ."))
            return
        self.accept()

    def values(self) -> dict[str, Any]:
        return {
            "login": self.login_edit.text().strip(),
            "display_name": self.name_edit.text().strip(),
            "role": self.role_combo.currentData(),
            "team": self.team_combo.currentText().strip(),
            "active": self.active_check.isChecked(),
            "password": self.password_edit.text(),
            "seniority": self.seniority_combo.currentData(),
            "extension": self.extension_edit.text().strip(),
            "skill_tiers": [k for k, b in self.tier_checks.items() if b.isChecked()],
            "skill_reasons": [k for k, b in self.reason_checks.items() if b.isChecked()],
            "languages": [k for k, b in self.lang_checks.items() if b.isChecked()],
        }


class PasswordDialog(QDialog):
    """A new password, typed twice."""

    def __init__(self, parent: QWidget | None, login: str) -> None:
        super().__init__(parent)
        self.setObjectName("resetPasswordDialog")
        self.login = login
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_label, self.repeat_label = QLabel(), QLabel()
        form = QFormLayout()
        form.addRow(self.password_label, self.password_edit)
        form.addRow(self.repeat_label, self.repeat_edit)
        self.error_label = QLabel()
        self.error_label.setObjectName("formError")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._validate)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Reset password"))
        self.intro.setText(self.tr("New password for {login}. This also lifts a lockout.")
                           .format(login=self.login))
        self.password_label.setText(self.tr("New password:"))
        self.repeat_label.setText(self.tr("Repeat password:"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _validate(self) -> None:
        if self.password_edit.text() != self.repeat_edit.text():
            self.error_label.setText(self.tr("The two passwords differ."))
            return
        self.accept()


class UsersScreen(QWidget):
    COLUMNS = ("login", "name", "role", "team", "active", "locked", "language")

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.setObjectName("usersScreen")
        self.ctx = ctx
        self.rows: list[Any] = []
        self.teams: list[str] = []
        self._ops = OpGroup(self, ctx.hub)
        self.dialog: QDialog | None = None

        self.title = QLabel()
        self.title.setObjectName("screenTitle")
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("usersFilter")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMinimumWidth(220)
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.add_button = QPushButton()
        self.add_button.setObjectName("addUser")
        self.add_button.clicked.connect(self.add_user)
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("editUser")
        self.edit_button.clicked.connect(self.edit_user)
        self.reset_button = QPushButton()
        self.reset_button.clicked.connect(self.reset_password)
        self.unlock_button = QPushButton()
        self.unlock_button.setObjectName("unlockUser")
        self.unlock_button.clicked.connect(self.unlock_user)
        bar = QHBoxLayout()
        bar.addWidget(self.title)
        bar.addStretch(1)
        bar.addWidget(self.filter_edit)
        for b in (self.add_button, self.edit_button, self.reset_button, self.unlock_button):
            bar.addWidget(b)

        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setObjectName("usersTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self.edit_user())
        self.table.itemSelectionChanged.connect(self._selection_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.message = QLabel()
        self.message.setObjectName("usersMessage")
        layout.addWidget(self.message)
        ctx.hub.subscribe(self, [Topic.USERS], self.refresh)
        self.retranslate()
        self._selection_changed()
        self.refresh()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Users"))
        self.filter_edit.setPlaceholderText(self.tr("Filter by login or name"))
        self.add_button.setText(self.tr("Add…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.reset_button.setText(self.tr("Reset password…"))
        self.unlock_button.setText(self.tr("Unlock"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Login"), self.tr("Name"), self.tr("Role"), self.tr("Team"),
            self.tr("Active"), self.tr("Locked"), self.tr("Language")])
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------- data

    def _run(self, work: Callable[[], T], on_success: Callable[[T], None]) -> ServiceOp[T]:
        return self._ops.op(lambda _c: work()).success(on_success).run()

    def refresh(self, _changes: Changes | None = None) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        self._run(lambda: user_actions.list_users(db, actor), self._loaded)

    def _loaded(self, result: UserList) -> None:
        self.rows, self.teams = result.users, result.teams
        self._fill()

    def idle(self) -> bool:
        return self._ops.idle()

    def _fill(self) -> None:
        selected = self.selected()
        self.table.setRowCount(len(self.rows))
        yes, no = self.tr("yes"), self.tr("no")
        for r, info in enumerate(self.rows):
            values = [info.login, info.display_name, role_name(info.role), info.team or "",
                      yes if info.active else no, self.tr("locked") if info.locked else "",
                      i18n.LANGUAGES.get(info.language or "", "")]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, info.id)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        if selected is not None:
            for r, info in enumerate(self.rows):
                if info.id == selected.id:
                    self.table.selectRow(r)
        self._apply_filter()

    def _apply_filter(self) -> None:
        needle = self.filter_edit.text().strip().lower()
        for r, info in enumerate(self.rows):
            hay = f"{info.login} {info.display_name}".lower()
            self.table.setRowHidden(r, bool(needle) and needle not in hay)

    def selected(self) -> UserInfo | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.rows):
            return None
        return self.rows[rows[0].row()]

    def select_login(self, login: str) -> None:
        for r, info in enumerate(self.rows):
            if info.login == login:
                self.table.selectRow(r)

    def _selection_changed(self) -> None:
        info = self.selected()
        for b in (self.edit_button, self.reset_button):
            b.setEnabled(info is not None)
        self.unlock_button.setEnabled(info is not None and info.locked)

    # ---------------------------------------------------------------- actions

    def add_user(self) -> None:
        dialog = UserDialog(self, self.teams)
        self.dialog = dialog
        db, actor = self.ctx.db, self.ctx.actor

        def save(result: int) -> None:
            if result:
                form = _form(dialog.values())
                self._run(lambda: user_actions.create_user(db, actor, form), _ignore)

        dialog.finished.connect(save)
        dialog.open()

    def edit_user(self) -> None:
        info = self.selected()
        if info is None:
            return
        db, actor = self.ctx.db, self.ctx.actor
        self._run(lambda: user_actions.user_details(db, actor, info.id), self._edit_loaded)

    def _edit_loaded(self, details: UserDetails) -> None:
        dialog = UserDialog(self, self.teams, details)
        self.dialog = dialog
        db, actor = self.ctx.db, self.ctx.actor

        def save(result: int) -> None:
            if result:
                form = _form(dialog.values())
                self._run(lambda: user_actions.update_user(db, actor, details.id, form),
                          _ignore)

        dialog.finished.connect(save)
        dialog.open()

    def reset_password(self) -> None:
        info = self.selected()
        if info is None:
            return
        dialog = PasswordDialog(self, info.login)
        self.dialog = dialog
        db, actor = self.ctx.db, self.ctx.actor

        def save(result: int) -> None:
            if not result:
                return
            password = dialog.password_edit.text()

            def done(saved: user_actions.UserSaved) -> None:
                self.message.setText(self.tr("The password of {login} was changed.")
                                     .format(login=saved.login))

            self._run(lambda: user_actions.reset_password(db, actor, info.id, password), done)

        dialog.finished.connect(save)
        dialog.open()

    def unlock_user(self) -> None:
        info = self.selected()
        if info is None:
            return
        db, actor = self.ctx.db, self.ctx.actor
        self._run(lambda: user_actions.unlock_user(db, actor, info.id), _ignore)


def _form(values: dict[str, Any]) -> user_actions.UserForm:
    return user_actions.UserForm(**values)


def _ignore(_result: object) -> None:
    """The screen refreshes from the change broadcast, like every other view."""


register(ScreenSpec(
    key="users",
    title=QT_TRANSLATE_NOOP("Screens", "Users"),
    permission=Permission.MANAGE_USERS,
    factory=UsersScreen,
    order=900,
))
