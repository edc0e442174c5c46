"""IT's phone settings (issue 20): pick the adapter, passwords only in the credential
store, a connection test that runs in the background, MicroSIP hook lines written."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from sqlalchemy import select

from tests.keyring_stub import MemoryKeyring
from tests.telephony.fake_baresip import FakeBaresip
from tests.ui.conftest import make_ctx
from winback_desktop.core.errors import PermissionDenied
from winback_desktop.db.models import AuditEntry, Setting
from winback_desktop.services.telephony import config, it_settings
from winback_desktop.services.telephony.microsip import read_settings
from winback_desktop.ui.screens.phone.settings_dialog import PhoneSettingsDialog

TIMEOUT = 10_000


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    stub = MemoryKeyring()
    keyring.set_keyring(stub)
    yield stub
    keyring.set_keyring(previous)


def _dialog(qtbot, db, login: str = "admin") -> PhoneSettingsDialog:  # type: ignore[no-untyped-def]
    dialog = PhoneSettingsDialog(make_ctx(db, login))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.idle, timeout=TIMEOUT)
    return dialog


def test_ami_password_goes_to_the_keyring_only(qtbot, demo_db, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, demo_db)
    assert dialog.adapter_combo.currentData() == "manual"
    dialog.adapter_combo.setCurrentIndex(dialog.adapter_combo.findData("ami"))
    assert dialog.pages.currentIndex() == 3
    dialog.ami_host.setText("pbx.example.com")
    dialog.ami_user.setText("winback")
    dialog.ami_password.setText("s3cret-Ami")
    with qtbot.waitSignal(dialog.saved, timeout=TIMEOUT):
        dialog.save()
    with demo_db.session() as s:
        stored = config.load(s)
        assert stored.adapter == "ami" and stored.ami_host == "pbx.example.com"
        rows = [json.dumps(v) for v in s.scalars(select(Setting.value))]
        audit = [json.dumps([a.before, a.after]) for a in s.scalars(select(AuditEntry))]
    assert not any("s3cret-Ami" in text for text in rows + audit)
    assert "s3cret-Ami" in memory_keyring.store.values()
    # reopened: the password is not shown, only that one is stored
    again = _dialog(qtbot, demo_db)
    assert again.adapter_combo.currentData() == "ami"
    assert again.ami_password.text() == ""
    assert "stored" in again.ami_password.placeholderText()


def test_sip_password_in_the_account_line_is_refused(demo_db, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    admin = make_ctx(demo_db, "admin").actor
    from winback_desktop.core.errors import ValidationError

    with pytest.raises(ValidationError):
        it_settings.save_settings(demo_db, admin, config.PhoneConfig(
            adapter="baresip", baresip_account="<sip:1001@pbx>;auth_pass=plain"))
    agent = make_ctx(demo_db, "agent01").actor
    with pytest.raises(PermissionDenied):
        it_settings.save_settings(demo_db, agent, config.PhoneConfig())


def test_connection_test_runs_in_the_background(qtbot, demo_db, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    phone = FakeBaresip()
    try:
        dialog = _dialog(qtbot, demo_db)
        dialog.adapter_combo.setCurrentIndex(dialog.adapter_combo.findData("baresip"))
        dialog.baresip_port.setValue(phone.port)
        dialog.test_button.click()
        assert not dialog.test_button.isEnabled()  # the GUI goes on; the test runs apart
        qtbot.waitUntil(dialog.test_button.isEnabled, timeout=TIMEOUT)
        assert dialog.last_check is not None and dialog.last_check.ok
        assert "Connected" in dialog.result_label.text()
        assert ("reginfo", None) in phone.commands
    finally:
        phone.close()
    # nothing listens on the port any more: said plainly
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        free = probe.getsockname()[1]
    dialog.baresip_port.setValue(free)
    dialog.test_button.click()
    qtbot.waitUntil(dialog.test_button.isEnabled, timeout=TIMEOUT)
    assert dialog.last_check is not None and not dialog.last_check.ok
    assert "Not connected" in dialog.result_label.text()


def test_microsip_hooks_written_without_secrets(qtbot, demo_db, tmp_path: Path,
                                                memory_keyring) -> None:  # type: ignore[no-untyped-def]
    ini = tmp_path / "microsip.ini"
    ini.write_bytes(b"\xff\xfe" + "[Settings]\r\nringtone=\r\n".encode("utf-16-le"))
    dialog = _dialog(qtbot, demo_db)
    dialog.adapter_combo.setCurrentIndex(dialog.adapter_combo.findData("microsip"))
    dialog.microsip_ini.setText(str(ini))
    dialog.hooks_button.click()
    qtbot.waitUntil(lambda: "written" in dialog.result_label.text(), timeout=TIMEOUT)
    lines = read_settings(ini)
    assert lines["cmdCallStart"].endswith("phone hook call-start")
    assert lines["cmdCallBusy"].endswith("phone hook call-busy")
    assert "ringtone" in lines
    admin = make_ctx(demo_db, "admin").actor
    from winback_desktop.core.errors import ValidationError

    with pytest.raises(ValidationError):
        it_settings.write_microsip_hooks(demo_db, admin, str(ini), "winback",
                                         database="postgresql://u:pw@db/winback")
