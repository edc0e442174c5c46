"""Settings: the team's settings (admins edit, others read) and your own password."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.services import user_actions
from winback_desktop.ui.kit.service_op import OpError, OpGroup
from winback_desktop.ui.shell.context import AppContext

#: Labels of ``services.settings.DEFAULTS`` keys; unknown keys show their key.
SETTING_LABELS = {
    "default_phone_region": QT_TRANSLATE_NOOP("Settings", "Default phone region:"),
    "default_timezone": QT_TRANSLATE_NOOP("Settings", "Default time zone:"),
    "default_currency": QT_TRANSLATE_NOOP("Settings", "Currency:"),
    "calling_window_start": QT_TRANSLATE_NOOP("Settings", "Calling window starts (HH:MM):"),
    "calling_window_end": QT_TRANSLATE_NOOP("Settings", "Calling window ends (HH:MM):"),
    "lease_minutes": QT_TRANSLATE_NOOP("Settings", "Task lease (minutes):"),
    "presence_timeout_seconds": QT_TRANSLATE_NOOP(
        "Settings", "Agent shown offline after (seconds):"),
}


class SettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.ctx = ctx
        self.can_edit = ctx.actor.can(Permission.MANAGE_SETTINGS)
        self.values: dict[str, Any] = {}
        self.editors: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self._ops = OpGroup(self, ctx.hub)

        self.tabs = QTabWidget()
        # team tab
        team = QWidget()
        self.team_intro = QLabel()
        self.team_intro.setWordWrap(True)
        self.team_form = QFormLayout()
        self.team_status = QLabel()
        self.team_status.setObjectName("teamStatus")
        self.team_status.setWordWrap(True)
        tl = QVBoxLayout(team)
        tl.addWidget(self.team_intro)
        tl.addLayout(self.team_form)
        tl.addWidget(self.team_status)
        tl.addStretch(1)
        self.tabs.addTab(team, "")
        # password tab
        pw = QWidget()
        self.current_edit = QLineEdit()
        self.current_edit.setObjectName("currentPassword")
        self.new_edit = QLineEdit()
        self.new_edit.setObjectName("newPassword")
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setObjectName("repeatPassword")
        for edit in (self.current_edit, self.new_edit, self.repeat_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.current_label, self.new_label, self.repeat_label = QLabel(), QLabel(), QLabel()
        pf = QFormLayout()
        pf.addRow(self.current_label, self.current_edit)
        pf.addRow(self.new_label, self.new_edit)
        pf.addRow(self.repeat_label, self.repeat_edit)
        self.password_button = QPushButton()
        self.password_button.setObjectName("changePassword")
        self.password_button.clicked.connect(self.change_password)
        self.password_status = QLabel()
        self.password_status.setObjectName("passwordStatus")
        self.password_status.setWordWrap(True)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.password_button)
        pl = QVBoxLayout(pw)
        pl.addLayout(pf)
        pl.addLayout(row)
        pl.addWidget(self.password_status)
        pl.addStretch(1)
        self.tabs.addTab(pw, "")

        buttons = QDialogButtonBox.StandardButton.Close
        if self.can_edit:
            buttons |= QDialogButtonBox.StandardButton.Save
        self.buttons = QDialogButtonBox(buttons)
        self.buttons.rejected.connect(self.reject)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        if self.save_button is not None:
            self.save_button.setObjectName("saveSettings")
            self.save_button.clicked.connect(self.save)
            self.save_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.retranslate()
        self.load()

    # ------------------------------------------------------------------- texts

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.tabs.setTabText(0, self.tr("Team"))
        self.tabs.setTabText(1, self.tr("My password"))
        self.team_intro.setText(
            self.tr("These settings apply to the whole team.") if self.can_edit else
            self.tr("These settings apply to the whole team. Only an administrator may "
                    "change them."))
        for key, label in self.labels.items():
            label.setText(QCoreApplication.translate(
                "Settings", SETTING_LABELS.get(key, key)) if key in SETTING_LABELS else key)
        self.current_label.setText(self.tr("Current password:"))
        self.new_label.setText(self.tr("New password:"))
        self.repeat_label.setText(self.tr("Repeat new password:"))
        self.password_button.setText(self.tr("Change password"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------- team

    def idle(self) -> bool:
        return self._ops.idle()

    def load(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        self._ops.op(lambda _c: user_actions.team_settings(db, actor)).success(
            self._loaded).failure(lambda e: self.team_status.setText(e.text)).run()

    def _loaded(self, values: dict[str, Any]) -> None:
        from winback_desktop.services.settings import DEFAULTS

        self.values = values
        for key in DEFAULTS:
            value = values.get(key, DEFAULTS[key])
            editor: QWidget
            if isinstance(DEFAULTS[key], int):
                spin = QSpinBox()
                spin.setRange(0, 1_000_000)
                spin.setValue(int(value))
                editor = spin
            else:
                line = QLineEdit(str(value))
                editor = line
            editor.setObjectName(f"setting-{key}")
            editor.setEnabled(self.can_edit)
            label = QLabel()
            self.labels[key] = label
            self.editors[key] = editor
            self.team_form.addRow(label, editor)
        if self.save_button is not None:
            self.save_button.setEnabled(True)
        self.retranslate()

    def edited_values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, editor in self.editors.items():
            value: Any = editor.value() if isinstance(editor, QSpinBox) else \
                editor.text().strip()  # type: ignore[attr-defined]
            if value != self.values.get(key):
                out[key] = value
        return out

    def save(self) -> None:
        changes = self.edited_values()
        if not changes:
            self.accept()
            return
        db, actor = self.ctx.db, self.ctx.actor

        def done(_r: object) -> None:
            self.values.update(changes)
            self.accept()

        def failed(error: OpError) -> None:
            if self.save_button is not None:
                self.save_button.setEnabled(True)
            self.team_status.setText(error.text)

        if self.save_button is not None:
            self.save_button.setEnabled(False)
        self._ops.op(lambda _c: user_actions.save_team_settings(db, actor, changes)).success(
            done).failure(failed).run()

    # --------------------------------------------------------------- password

    def change_password(self) -> None:
        old, new = self.current_edit.text(), self.new_edit.text()
        if new != self.repeat_edit.text():
            self.password_status.setText(self.tr("The two new passwords differ."))
            return
        db, actor = self.ctx.db, self.ctx.actor

        def done(_r: object) -> None:
            for edit in (self.current_edit, self.new_edit, self.repeat_edit):
                edit.clear()
            self.password_status.setText(self.tr("Your password was changed."))

        self.password_button.setEnabled(False)
        self._ops.op(
            lambda _c: user_actions.change_own_password(db, actor, old, new)).success(
            done).failure(lambda e: self.password_status.setText(e.text)).finally_(
            lambda: self.password_button.setEnabled(True)).run()
