"""A supervisor listens to, whispers to or barges into an agent's live call (issue 20).

The phone system rings the supervisor's own extension and joins the agent's call
(Asterisk: ``ChanSpy`` with ``qEb``/``qEbw``/``qEbB``). Only adapters that can do it
offer it. Every use is written to the audit log with the call it joined; nothing is
shown to the agent or to other supervisors.

Who may: a supervisor or admin (``MONITOR_AGENTS``), only into an agent's call (never a
colleague supervisor's or an admin's line), only while that agent is on a call (an idle
extension's next call, or a private one, is nobody's to hear), and a supervisor who
leads a team only into that team's agents' calls. A refusal is audited like the use.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from winback_desktop.core.domain import Role
from winback_desktop.core.errors import NotFound, ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import AgentPresence, User
from winback_desktop.db.session import Database
from winback_desktop.services import audit
from winback_desktop.services.context import Actor, refuse, require
from winback_desktop.services.telephony import config, factory
from winback_desktop.services.telephony.interface import (
    MONITOR_CAPABILITY,
    MonitorMode,
    NotSupported,
)

NOT_AN_AGENT = QT_TRANSLATE_NOOP(
    "Errors", "Only agents' calls can be listened in on; {person} is not an agent.")
OTHER_TEAM = QT_TRANSLATE_NOOP(
    "Errors", "{agent} is not in your team: only their own team's supervisors can listen in.")
NOT_ON_A_CALL = QT_TRANSLATE_NOOP("Errors", "{agent} is not on a call.")


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
        me = session.get(User, actor.user_id)
        _check_entitled(session, actor, me, agent, mode)
        if call_id is None:
            raise ValidationError(NOT_ON_A_CALL, agent=agent.display_name)
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


def _check_entitled(session: Session, actor: Actor, me: User | None, agent: User,
                    mode: MonitorMode) -> None:
    """Refused and audited: anyone's line but an agent's, or another team's agent."""
    if agent.role != Role.AGENT.value or not agent.active:
        refuse(session, actor, "call_monitored", NOT_AN_AGENT, person=agent.display_name,
               agent_id=agent.id, mode=mode.value)
    if me is not None and me.role == Role.SUPERVISOR.value and me.team_id is not None \
            and agent.team_id != me.team_id:
        refuse(session, actor, "call_monitored", OTHER_TEAM, agent=agent.display_name,
               agent_id=agent.id, mode=mode.value)
