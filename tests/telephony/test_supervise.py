"""Supervisors listen, whisper and barge through the service (issue 20): ChanSpy on the
wire to the replaying AMI server, each use audited, refused without the permission or
an extension, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from sqlalchemy import select

from tests.keyring_stub import MemoryKeyring
from tests.services.queue_helpers import NOW, agent, campaign, customers
from tests.telephony.ami_server import AmiServer
from winback_desktop.core.domain import Role
from winback_desktop.core.errors import PermissionDenied, ValidationError
from winback_desktop.db.models import AuditEntry, Team, User
from winback_desktop.services import calls, queue, users
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


def _supervisor(db, admin, login: str = "sup01") -> Actor:  # type: ignore[no-untyped-def]
    with db.session() as s:
        user = users.add_user(s, admin, login, Role.SUPERVISOR, "sup-pass-1")
        s.flush()
        return Actor.of(user)


def _on_a_call(db, admin, a: Actor) -> int:  # type: ignore[no-untyped-def]
    customers(db, [{}])
    campaign(db, admin, [a])
    task = queue.claim_next_task(db, a, now=NOW)
    assert task is not None
    return calls.start_call(db, a, task.task_id)


def _teams(db, **members: str) -> None:  # type: ignore[no-untyped-def]
    """``login=team name``: puts users in teams (made as needed)."""
    with db.session() as s:
        for login, name in members.items():
            team = s.query(Team).filter_by(name=name).one_or_none() or Team(name=name)
            s.add(team)
            s.flush()
            s.query(User).filter_by(login=login).one().team_id = team.id


def test_listen_whisper_barge_ring_the_supervisor_and_are_audited(db, admin, pbx) -> None:  # type: ignore[no-untyped-def]
    a = agent(db, admin, "agent01")
    sup = _supervisor(db, admin)
    assert supervise.monitor_modes(db, sup) == frozenset(MonitorMode)
    with pytest.raises(ValidationError):  # no extension of their own yet
        supervise.monitor_agent(db, sup, a.user_id, MonitorMode.LISTEN)
    it_settings.set_own_extension(db, sup, sup.user_id, "301")
    it_settings.set_own_extension(db, admin, a.user_id, "201")
    call_id = _on_a_call(db, admin, a)
    for mode, options in ((MonitorMode.LISTEN, "qEb"), (MonitorMode.WHISPER, "qEbw"),
                          (MonitorMode.BARGE, "qEbB")):
        started = supervise.monitor_agent(db, sup, a.user_id, mode)
        assert (started.supervisor_extension, started.call_id) == ("301", call_id)
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


def _refusals(db) -> list[dict]:  # type: ignore[no-untyped-def,type-arg]
    with db.session() as s:
        return [e.after for e in s.scalars(select(AuditEntry).where(
            AuditEntry.action == "refused", AuditEntry.entity_id == "call_monitored")
            .order_by(AuditEntry.id))]


def test_only_an_agents_live_call_of_ones_own_team(db, admin, pbx) -> None:  # type: ignore[no-untyped-def]
    a = agent(db, admin, "agent01")
    sup, other = _supervisor(db, admin), _supervisor(db, admin, "sup02")
    for who, ext in ((a, "201"), (sup, "301"), (other, "302")):
        it_settings.set_own_extension(db, admin, who.user_id, ext)
    with pytest.raises(ValidationError, match="not on a call"):  # an idle line: nobody's
        supervise.monitor_agent(db, sup, a.user_id, MonitorMode.LISTEN)
    _on_a_call(db, admin, a)
    with pytest.raises(PermissionDenied, match="is not an agent"):  # a colleague's line
        supervise.monitor_agent(db, sup, other.user_id, MonitorMode.LISTEN)
    _teams(db, agent01="North", sup01="North", sup02="South")
    with pytest.raises(PermissionDenied, match="not in your team"):
        supervise.monitor_agent(db, other, a.user_id, MonitorMode.WHISPER)
    assert [(r["agent_id"], r["mode"]) for r in _refusals(db)] == [
        (str(other.user_id), "listen"), (str(a.user_id), "whisper")]
    assert len(pbx.action("Originate")) == 0  # nobody's phone rang for a refusal
    assert supervise.monitor_agent(db, sup, a.user_id, MonitorMode.BARGE).mode is \
        MonitorMode.BARGE  # the agent's own team's supervisor
    it_settings.set_own_extension(db, admin, admin.user_id, "300")
    assert supervise.monitor_agent(db, admin, a.user_id, MonitorMode.LISTEN).agent_id == \
        a.user_id  # an admin is not bound to a team
    assert [o["Channel"] for o in pbx.action("Originate")] == ["PJSIP/301", "PJSIP/300"]
