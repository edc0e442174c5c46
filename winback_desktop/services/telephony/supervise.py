"""A supervisor listens to, whispers to or barges into an agent's live call (issue 20).

The phone system rings the supervisor's own extension and joins the agent's call
(Asterisk: ``ChanSpy`` with ``qEb``/``qEbw``/``qEbB``). Only adapters that can do it
offer it. Every use is written to the audit log with the call it joined; nothing is
shown to the agent or to other supervisors.
"""

from __future__ import annotations

from dataclasses import dataclass

from winback_desktop.core.errors import NotFound, ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import AgentPresence, User
from winback_desktop.db.session import Database
from winback_desktop.services import audit
from winback_desktop.services.context import Actor, require
from winback_desktop.services.telephony import config, factory
from winback_desktop.services.telephony.interface import (
    MONITOR_CAPABILITY,
    MonitorMode,
    NotSupported,
)


@dataclass(frozen=True, slots=True)
class MonitorStarted:
    agent_id: int
    call_id: int | None
    mode: MonitorMode
    supervisor_extension: str


def monitor_modes(db: Database, actor: Actor) -> frozenset[MonitorMode]:
    """The ways of joining a call the team's phone system offers this supervisor."""
    require(actor, Permission.MONITOR_AGENTS)
    with db.session() as session:
        cfg = config.load(session)
    phone = factory.make_phone(cfg)
    try:
        return frozenset(m for m, cap in MONITOR_CAPABILITY.items() if phone.can(cap))
    finally:
        phone.close()


def monitor_agent(db: Database, actor: Actor, agent_id: int, mode: MonitorMode | str
                  ) -> MonitorStarted:
    """Ring the supervisor's phone and join the agent's live call in ``mode`` (audited)."""
    require(actor, Permission.MONITOR_AGENTS)
    mode = MonitorMode(mode)
    if actor.user_id is None:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "Set your own phone extension before listening in."))
    with db.session() as session:
        cfg = config.load(session)
        agent = session.get(User, agent_id)
        if agent is None:
            raise NotFound(what=str(agent_id))
        agent_ext = config.extension(session, agent_id)
        own_ext = config.extension(session, actor.user_id)
        presence = session.get(AgentPresence, agent_id)
        call_id = presence.current_call_id if presence is not None else None
    if not own_ext:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "Set your own phone extension before listening in."))
    if not agent_ext:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "{agent} has no phone extension set."), agent=agent.display_name)
    phone = factory.make_phone(cfg, extension=own_ext)
    try:
        if not phone.can(MONITOR_CAPABILITY[mode]):
            raise NotSupported(adapter=phone.name)
        phone.connect()
        phone.monitor(agent_ext, own_ext, mode)
    finally:
        phone.close()
    with db.session(immediate=True) as session:
        audit.record(session, actor, "call_monitored", "call", call_id,
                     after={"mode": mode.value, "agent_id": agent_id,
                            "agent_extension": agent_ext, "supervisor_extension": own_ext})
    return MonitorStarted(agent_id, call_id, mode, own_ext)
