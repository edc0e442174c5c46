"""File › Phone system… (admins): which phone system the team uses and how to reach it.

One page per adapter (manual ``tel:`` link, baresip, MicroSIP, Asterisk AMI). Passwords
are typed here and go straight into this PC's credential store through the service;
the field only says whether one is stored. "Test connection" tries the settings as
entered, in the background: a PBX that does not answer keeps the dialog responsive.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from winback_desktop.services.telephony import it_settings
from winback_desktop.services.telephony.config import ADAPTERS, PhoneConfig
from winback_desktop.services.telephony.interface import ConnectionCheck
from winback_desktop.ui.kit.service_op import OpError, OpGroup
from winback_desktop.ui.screens.phone.bar import adapter_name
from winback_desktop.ui.shell.context import AppContext


def _edit(name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


def _port(name: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setObjectName(name)
    spin.setRange(1, 65535)
    return spin


class PhoneSettingsDialog(QDialog):
    saved = Signal(object)  # it_settings.PhoneSettings

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phoneSettingsDialog")
        self.ctx = ctx
        self.config = PhoneConfig()
        self.last_check: ConnectionCheck | None = None
        self._ops = OpGroup(self, ctx.hub)
        self._secret_set = {"ami": False, "sip": False}

        self.adapter_label = QLabel()
        self.adapter_combo = QComboBox()
        self.adapter_combo.setObjectName("adapterCombo")
        for code in ADAPTERS:
            self.adapter_combo.addItem(code, code)
        self.adapter_combo.currentIndexChanged.connect(self._adapter_changed)
        self.pages = QStackedWidget()
        self.labels: dict[str, QLabel] = {}
        self.intro: dict[str, QLabel] = {}

        # manual
        manual = QWidget()
        ml = QVBoxLayout(manual)
        self.intro["manual"] = QLabel()
        ml.addWidget(self.intro["manual"])
        ml.addStretch(1)
        # baresip
        self.baresip_host = _edit("baresipHost", "127.0.0.1")
        self.baresip_port = _port("baresipPort")
        self.baresip_account = _edit("baresipAccount", "<sip:1001@pbx.example.com>")
        self.baresip_password = _edit("baresipPassword")
        self.baresip_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.baresip_recordings = _edit("baresipRecordings")
        self.ring_timeout = QSpinBox()
        self.ring_timeout.setObjectName("ringTimeout")
        self.ring_timeout.setRange(5, 120)
        baresip = self._page("baresip", [
            ("host", self.baresip_host), ("port", self.baresip_port),
            ("account", self.baresip_account), ("sip_password", self.baresip_password),
            ("recordings", self._with_browse(self.baresip_recordings, folder=True)),
            ("ring", self.ring_timeout)])
        # MicroSIP
        self.microsip_exe = _edit("microsipExe")
        self.microsip_ini = _edit("microsipIni", r"%APPDATA%\MicroSIP\microsip.ini")
        self.microsip_recordings = _edit("microsipRecordings")
        self.hooks_button = QPushButton()
        self.hooks_button.setObjectName("writeHooks")
        self.hooks_button.clicked.connect(self.write_hooks)
        microsip = self._page("microsip", [
            ("exe", self._with_browse(self.microsip_exe)),
            ("ini", self._with_browse(self.microsip_ini)),
            ("recordings", self._with_browse(self.microsip_recordings, folder=True)),
            ("hooks", self.hooks_button)])
        # Asterisk AMI
        self.ami_host = _edit("amiHost", "pbx.example.com")
        self.ami_port = _port("amiPort")
        self.ami_user = _edit("amiUser")
        self.ami_password = _edit("amiPassword")
        self.ami_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.ami_channel = _edit("amiChannel", "PJSIP/{extension}")
        self.ami_context = _edit("amiContext", "from-internal")
        self.ami_record_dir = _edit("amiRecordDir")
        self.ami_record_share = _edit("amiRecordShare", r"\\pbx\monitor\winback")
        ami = self._page("ami", [
            ("host", self.ami_host), ("port", self.ami_port), ("user", self.ami_user),
            ("password", self.ami_password), ("channel", self.ami_channel),
            ("context", self.ami_context), ("record_dir", self.ami_record_dir),
            ("record_share", self.ami_record_share)])
        for page in (manual, baresip, microsip, ami):
            self.pages.addWidget(page)

        self.test_button = QPushButton()
        self.test_button.setObjectName("testConnection")
        self.test_button.clicked.connect(self.test_connection)
        self.result_label = QLabel()
        self.result_label.setObjectName("phoneTestResult")
        self.result_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.adapter_label)
        top.addWidget(self.adapter_combo, 1)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.result_label, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        layout.addLayout(test_row)
        layout.addWidget(self.buttons)
        self.resize(640, 460)
        self.retranslate()
        self._show(it_settings.PhoneSettings(PhoneConfig(), False, frozenset()))
        self._load()

    # ------------------------------------------------------------------ building
    def _page(self, adapter: str, rows: list[tuple[str, QWidget]]) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.intro[adapter] = QLabel()
        self.intro[adapter].setWordWrap(True)
        layout.addWidget(self.intro[adapter])
        form = QFormLayout()
        for key, widget in rows:
            label = QLabel()
            self.labels[f"{adapter}.{key}"] = label
            form.addRow(label, widget)
        layout.addLayout(form)
        layout.addStretch(1)
        return page

    def _with_browse(self, edit: QLineEdit, folder: bool = False) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        button = QPushButton()
        button.setProperty("browse", True)
        button.clicked.connect(lambda: self._browse(edit, folder))
        row.addWidget(button)
        return box

    def _browse(self, edit: QLineEdit, folder: bool) -> None:
        if folder:
            path = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder"),
                                                    edit.text())
        else:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a file"), edit.text())
        if path:
            edit.setText(str(Path(path)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Phone system"))
        self.adapter_label.setText(self.tr("Phone connection:"))
        for i in range(self.adapter_combo.count()):
            self.adapter_combo.setItemText(i, adapter_name(str(self.adapter_combo.itemData(i))))
        self.intro["manual"].setText(self.tr(
            "Dial opens a tel: link in the softphone Windows associates with it, and puts the"
            " number on the clipboard. Agents press Answered and Hang up themselves."))
        self.intro["baresip"].setText(self.tr(
            "Winback drives the baresip user agent on each PC over its ctrl_tcp interface:"
            " dial, answer and hang-up detected, both sides recorded."))
        self.intro["microsip"].setText(self.tr(
            "Winback dials through MicroSIP's command line; MicroSIP reports answer and end"
            " by running 'winback phone hook'. Write the hook lines once, with MicroSIP"
            " closed."))
        self.intro["ami"].setText(self.tr(
            "Winback asks Asterisk (FreePBX, Issabel …) over the Manager Interface to ring"
            " the agent's extension and then the customer; supervisors can listen, whisper"
            " and barge."))
        texts = {
            "baresip.host": self.tr("ctrl_tcp host:"), "baresip.port": self.tr("ctrl_tcp port:"),
            "baresip.account": self.tr("SIP account:"),
            "baresip.sip_password": self.tr("SIP password:"),
            "baresip.recordings": self.tr("Recordings folder (snd_path):"),
            "baresip.ring": self.tr("Give up ringing after (seconds):"),
            "microsip.exe": self.tr("microsip.exe:"), "microsip.ini": self.tr("microsip.ini:"),
            "microsip.recordings": self.tr("Recordings folder:"),
            "microsip.hooks": self.tr("Hooks:"),
            "ami.host": self.tr("AMI host:"), "ami.port": self.tr("AMI port:"),
            "ami.user": self.tr("AMI user:"), "ami.password": self.tr("AMI password:"),
            "ami.channel": self.tr("Agent channel:"), "ami.context": self.tr("Dial context:"),
            "ami.record_dir": self.tr("MixMonitor folder on the PBX:"),
            "ami.record_share": self.tr("Same folder seen from this PC:"),
        }
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.hooks_button.setText(self.tr("Write the winback hooks into microsip.ini"))
        for button in self.findChildren(QPushButton):
            if button.property("browse"):
                button.setText(self.tr("Browse…"))
        self.test_button.setText(self.tr("Test connection"))
        self._password_hints()

    def _password_hints(self) -> None:
        for edit, key in ((self.ami_password, "ami"), (self.baresip_password, "sip")):
            edit.setPlaceholderText(
                self.tr("stored in this PC's credential store; type to replace")
                if self._secret_set[key] else self.tr("kept in this PC's credential store"))

    # ------------------------------------------------------------------ data
    def _load(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        self._ops.op(lambda _c: it_settings.load_settings(db, actor)).success(
            self._show).failure(self._failed).run()

    def _show(self, settings: it_settings.PhoneSettings) -> None:
        c = self.config = settings.config
        self._secret_set = {"ami": settings.ami_secret_set, "sip": settings.sip_secret_set}
        self.adapter_combo.setCurrentIndex(max(0, self.adapter_combo.findData(c.adapter)))
        self.baresip_host.setText(c.baresip_host)
        self.baresip_port.setValue(int(c.baresip_port))
        self.baresip_account.setText(c.baresip_account)
        self.baresip_recordings.setText(c.baresip_recordings)
        self.ring_timeout.setValue(int(c.ring_timeout_s))
        self.microsip_exe.setText(c.microsip_exe)
        self.microsip_ini.setText(c.microsip_ini)
        self.microsip_recordings.setText(c.microsip_recordings)
        self.ami_host.setText(c.ami_host)
        self.ami_port.setValue(int(c.ami_port))
        self.ami_user.setText(c.ami_user)
        self.ami_channel.setText(c.ami_channel)
        self.ami_context.setText(c.ami_context)
        self.ami_record_dir.setText(c.ami_record_dir)
        self.ami_record_share.setText(c.ami_record_share)
        self.baresip_password.clear()
        self.ami_password.clear()
        self._password_hints()
        self._adapter_changed()

    def entered(self) -> PhoneConfig:
        """The settings as they stand in the dialog (passwords apart)."""
        return replace(
            self.config, adapter=str(self.adapter_combo.currentData()),
            baresip_host=self.baresip_host.text().strip() or "127.0.0.1",
            baresip_port=self.baresip_port.value(),
            baresip_account=self.baresip_account.text().strip(),
            baresip_recordings=self.baresip_recordings.text().strip(),
            ring_timeout_s=self.ring_timeout.value(),
            microsip_exe=self.microsip_exe.text().strip(),
            microsip_ini=self.microsip_ini.text().strip(),
            microsip_recordings=self.microsip_recordings.text().strip(),
            ami_host=self.ami_host.text().strip(), ami_port=self.ami_port.value(),
            ami_user=self.ami_user.text().strip(),
            ami_channel=self.ami_channel.text().strip() or "PJSIP/{extension}",
            ami_context=self.ami_context.text().strip() or "from-internal",
            ami_record_dir=self.ami_record_dir.text().strip(),
            ami_record_share=self.ami_record_share.text().strip())

    def _adapter_changed(self, *_a: object) -> None:
        self.pages.setCurrentIndex(max(0, self.adapter_combo.currentIndex()))
        self.result_label.clear()

    def _failed(self, error: OpError) -> None:
        self._set_result(error.text, ok=False)

    def _set_result(self, text: str, ok: bool) -> None:
        self.result_label.setText(text)
        self.result_label.setProperty("ok", ok)
        self.result_label.setStyleSheet("color:#2e7d32;" if ok else "color:#c62828;")

    # ------------------------------------------------------------------ actions
    def test_connection(self) -> None:
        """Try the entered settings off the GUI thread; the button waits meanwhile."""
        cfg, actor = self.entered(), self.ctx.actor
        secret = self.ami_password.text() or None
        self.test_button.setEnabled(False)
        self._set_result(self.tr("Testing…"), ok=True)

        def done(check: ConnectionCheck) -> None:
            self.last_check = check
            self.test_button.setEnabled(True)
            if check.ok:
                self._set_result(self.tr("Connected: {detail}").format(detail=check.detail),
                                 ok=True)
            else:
                self._set_result(self.tr("Not connected: {detail}").format(
                    detail=check.detail), ok=False)

        def failed(error: OpError) -> None:
            self.test_button.setEnabled(True)
            self._failed(error)

        self._ops.op(lambda _c: it_settings.check_connection(actor, cfg, secret)).success(
            done).failure(failed).run()

    def save(self) -> None:
        cfg, db, actor = self.entered(), self.ctx.db, self.ctx.actor
        ami, sip = self.ami_password.text() or None, self.baresip_password.text() or None

        def done(settings: it_settings.PhoneSettings) -> None:
            self.saved.emit(settings)
            self.accept()

        self._ops.op(lambda _c: it_settings.save_settings(db, actor, cfg, ami, sip)).success(
            done).failure(self._failed).run()

    def write_hooks(self) -> None:
        db, actor, ini = self.ctx.db, self.ctx.actor, self.microsip_ini.text().strip()
        winback = _winback_program()

        def done(lines: dict[str, str]) -> None:
            self._set_result(self.tr("{n} hook lines written into {path}.").format(
                n=len(lines), path=ini), ok=True)

        self._ops.op(lambda _c: it_settings.write_microsip_hooks(db, actor, ini, winback)
                     ).success(done).failure(self._failed).run()

    def idle(self) -> bool:
        return self._ops.idle()


def _winback_program() -> str:
    """The ``winback`` command installed beside this app (winback.exe on Windows)."""
    here = Path(sys.executable).parent
    for name in ("winback.exe", "winback"):
        if (here / name).exists():
            return str(here / name)
    return "winback"
