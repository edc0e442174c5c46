"""The workspace driven by the phone system (issue 20): Dial goes through the configured
adapter, the phone's answer and end move the call, the buttons stay as an override."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from sqlalchemy import select

from tests.telephony.fake_baresip import FakeBaresip
from tests.ui.conftest import make_ctx
from tests.ui.test_workspace import TIMEOUT, _desk, _key, _next
from winback_desktop.db.models import AgentPresence, Call, CallEvent
from winback_desktop.services.telephony import it_settings
from winback_desktop.services.telephony.config import PhoneConfig
from winback_desktop.ui.screens.phone import bar as phone_bar
from winback_desktop.ui.screens.workspace.screen import Phase


def _use_baresip(db, port: int) -> None:  # type: ignore[no-untyped-def]
    admin = make_ctx(db, "admin").actor
    it_settings.save_settings(db, admin, PhoneConfig(adapter="baresip", baresip_port=port,
                                                     ring_timeout_s=20))


@pytest.fixture
def dialled(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every URL handed to the OS (a manual phone's tel: link)."""
    urls: list[str] = []

    def fake_open(url: QUrl) -> bool:
        urls.append(url.toString())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(fake_open))
    return urls


@pytest.fixture
def fake_phone() -> Iterator[FakeBaresip]:
    phone = FakeBaresip()
    yield phone
    phone.close()


def _dial(qtbot, screen) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: screen.phone_bar.ready() and screen.phone_bar.bridge.connected,
                    timeout=TIMEOUT)
    _next(qtbot, screen)
    _key(qtbot, screen, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: screen.call.call_id is not None, timeout=TIMEOUT)


def test_phone_answer_and_agent_hangup_move_the_call(qtbot, any_demo_db, fake_phone,
                                                     dialled) -> None:  # type: ignore[no-untyped-def]
    db = any_demo_db
    _use_baresip(db, fake_phone.port)
    screen = _desk(qtbot, db, "agent04")
    _dial(qtbot, screen)
    assert dialled == []  # no tel: link: the phone system dials
    number = screen.card.phones[0].e164
    qtbot.waitUntil(lambda: ("dial", number) in fake_phone.commands, timeout=TIMEOUT)
    # the customer answers: talk time runs without anyone pressing F6
    qtbot.waitUntil(lambda: screen.call.answered is not None, timeout=TIMEOUT)
    assert not screen.answer_button.isEnabled()
    assert "talking" in screen.timer_label.text() or screen._tick() is None
    assert "detected" in screen.phone_bar.status.text()
    # F7 hangs up through the phone; its end event starts wrap-up
    _key(qtbot, screen, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: screen.phase is Phase.WRAP_UP, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: ("hangup", None) in fake_phone.commands, timeout=TIMEOUT)
    call_id = screen.call.call_id

    def stored() -> bool:
        with db.session() as s:
            call = s.get(Call, call_id)
            return call is not None and call.end_cause == "agent_hung_up"

    qtbot.waitUntil(stored, timeout=TIMEOUT)
    with db.session() as s:
        call = s.get(Call, call_id)
        assert call.answered_by == "phone" and call.ended_by == "phone"
        kinds = set(s.scalars(select(CallEvent.kind).where(CallEvent.call_id == call_id)))
        assert {"ringing", "answered", "ended"} <= kinds
    qtbot.waitUntil(screen.idle, timeout=TIMEOUT)  # the hang-up's own write is done
    _key(qtbot, screen, Qt.Key.Key_6, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: screen.phase is Phase.IDLE, timeout=TIMEOUT)
    qtbot.waitUntil(screen.idle, timeout=TIMEOUT)


def test_busy_ends_the_call_and_suggests_busy(qtbot, demo_db, dialled) -> None:  # type: ignore[no-untyped-def]
    phone = FakeBaresip(customer="busy")
    try:
        _use_baresip(demo_db, phone.port)
        screen = _desk(qtbot, demo_db, "agent05")
        _dial(qtbot, screen)
        qtbot.waitUntil(lambda: screen.phase is Phase.WRAP_UP, timeout=TIMEOUT)
        assert screen.call.answered is None
        assert "busy" in screen.banner.text().lower()
        assert "key 2" in screen.banner.text()
        with demo_db.session() as s:
            call = s.get(Call, screen.call.call_id)
            assert call.end_cause == "busy" and call.answered_at is None
            presence = s.get(AgentPresence, screen.ctx.actor.user_id)
            assert presence.state == "wrap_up"
    finally:
        phone.close()


def test_silent_phone_leaves_the_buttons_and_says_so(qtbot, demo_db, dialled,
                                                     monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(phone_bar, "SILENCE_MS", 200)
    phone = FakeBaresip(customer="silent")
    try:
        _use_baresip(demo_db, phone.port)
        screen = _desk(qtbot, demo_db, "agent06")
        _dial(qtbot, screen)
        qtbot.waitUntil(lambda: screen.phone_bar.silent, timeout=TIMEOUT)
        assert "No word from the phone system" in screen.phone_bar.status.text()
        qtbot.waitUntil(screen.idle, timeout=TIMEOUT)
        # the manual override still works
        _key(qtbot, screen, Qt.Key.Key_F6)
        qtbot.waitUntil(lambda: screen.call.answered is not None, timeout=TIMEOUT)
        qtbot.waitUntil(screen.idle, timeout=TIMEOUT)
        _key(qtbot, screen, Qt.Key.Key_F7)
        qtbot.waitUntil(lambda: screen.phase is Phase.WRAP_UP, timeout=TIMEOUT)
        qtbot.waitUntil(screen.idle, timeout=TIMEOUT)
        with demo_db.session() as s:
            call = s.get(Call, screen.call.call_id)
            assert call.answered_at is not None and call.answered_by != "phone"
    finally:
        phone.close()


def test_manual_phone_says_the_buttons_are_the_way(qtbot, demo_db, dialled) -> None:  # type: ignore[no-untyped-def]
    screen = _desk(qtbot, demo_db, "agent07")
    qtbot.waitUntil(screen.phone_bar.ready, timeout=TIMEOUT)
    assert "does not report calls" in screen.phone_bar.status.text()
