"""Supervisors listen, whisper and barge through the service (issue 20): ChanSpy on the
wire to the replaying AMI server, each use audited, refused without the permission or
an extension, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from sqlalchemy import select

from tests.keyring_stub import MemoryKeyring
from tests.services.queue_helpers import agent
from tests.telephony.ami_server import AmiServer
from winback_desktop.core.domain import Role
from winback_desktop.core.errors import PermissionDenied, ValidationError
from winback_desktop.db.models import AuditEntry
from winback_desktop.services import users
from winback_desktop.services.context import Actor
from winback_desktop.services.telephony import config, it_settings, supervise
from winback_desktop.services.telephony.interface import MonitorMode


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    stub = MemoryKeyring()
    keyring.set_keyring(stub)
    yield stub
    keyring.set_keyring(previous)


@pytest.fixture
def pbx(db, admin, memory_keyring) -> Iterator[AmiServer]:  # type: ignore[no-untyped-def]
    server = AmiServer(None)
    it_settings.save_settings(db, admin, config.PhoneConfig(
        adapter="ami", ami_host="127.0.0.1", ami_port=server.port, ami_user="winback",
        ami_channel="PJSIP/{extension}"), ami_secret=server.secret)
    yield server
    server.close()


def _supervisor(db, admin) -> Actor:  # type: ignore[no-untyped-def]
    with db.session() as s:
        user = users.add_user(s, admin, "sup01", Role.SUPERVISOR, "sup-pass-1")
        s.flush()
        return Actor.of(user)


def test_listen_whisper_barge_ring_the_supervisor_and_are_audited(db, admin, pbx) -> None:  # type: ignore[no-untyped-def]
    a = agent(db, admin, "agent01")
    sup = _supervisor(db, admin)
    assert supervise.monitor_modes(db, sup) == frozenset(MonitorMode)
    with pytest.raises(ValidationError):  # no extension of their own yet
        supervise.monitor_agent(db, sup, a.user_id, MonitorMode.LISTEN)
    it_settings.set_own_extension(db, sup, sup.user_id, "301")
    it_settings.set_own_extension(db, admin, a.user_id, "201")
    for mode, options in ((MonitorMode.LISTEN, "qEb"), (MonitorMode.WHISPER, "qEbw"),
                          (MonitorMode.BARGE, "qEbB")):
        started = supervise.monitor_agent(db, sup, a.user_id, mode)
        assert started.supervisor_extension == "301"
        spy = pbx.action("Originate")[-1]
        assert (spy["Channel"], spy["Application"], spy["Data"]) == (
            "PJSIP/301", "ChanSpy", f"PJSIP/201,{options}")
    with db.session() as s:
        uses = s.scalars(select(AuditEntry).where(AuditEntry.action == "call_monitored")
                         .order_by(AuditEntry.id)).all()
        assert [u.after["mode"] for u in uses] == ["listen", "whisper", "barge"]
        assert {u.user_login for u in uses} == {"sup01"}
    with pytest.raises(PermissionDenied):
        supervise.monitor_agent(db, a, a.user_id, MonitorMode.LISTEN)


def test_manual_phone_offers_no_monitoring(db, admin) -> None:  # type: ignore[no-untyped-def]
    sup = _supervisor(db, admin)
    assert supervise.monitor_modes(db, sup) == frozenset()
