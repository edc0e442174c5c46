"""The phone at an agent's desk: which adapter, the agent's extension, the call's state.

The workspace and the live board reach the phone system only through here and through
the adapter this builds, so screens never open a session themselves. ``call_phone_state``
is what a screen polls when the adapter's events arrive in another process (MicroSIP
runs ``winback phone hook`` for each event): the events were stored by that process, the
screen only learns that the call moved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from winback_desktop.core.errors import NotFound
from winback_desktop.db.models import Call, CallEvent
from winback_desktop.db.session import Database
from winback_desktop.services.context import Actor, refuse
from winback_desktop.services.telephony import config
from winback_desktop.services.telephony.factory import make_phone
from winback_desktop.services.telephony.interface import Capability, Telephony


@dataclass(frozen=True, slots=True)
class DeskPhone:
    """What the desk needs to build its adapter, read in one short transaction."""

    config: config.PhoneConfig
    extension: str | None

    @property
    def adapter(self) -> str:
        return self.config.adapter


def desk_phone(db: Database, actor: Actor) -> DeskPhone:
    """The team's phone settings and this user's own extension."""
    with db.session() as session:
        cfg = config.load(session)
        ext = config.extension(session, actor.user_id) if actor.user_id is not None else None
    return DeskPhone(cfg, ext)


def open_phone(desk: DeskPhone, open_uri: Callable[[str], object] | None = None) -> Telephony:
    """The configured adapter (not yet connected: connecting may wait on the network)."""
    return make_phone(desk.config, open_uri=open_uri, extension=desk.extension)


def capabilities(desk: DeskPhone) -> frozenset[Capability]:
    """What the configured adapter can do, without connecting to anything."""
    phone = make_phone(desk.config, extension=desk.extension)
    try:
        return phone.capabilities
    finally:
        phone.close()


@dataclass(frozen=True, slots=True)
class CallPhoneState:
    """Where a call stands as far as the phone system reported it."""

    call_id: int
    events: int
    answered_at: datetime | None
    answered_by_phone: bool
    ended_at: datetime | None
    ended_by_phone: bool
    end_cause: str | None


def call_phone_state(db: Database, actor: Actor, call_id: int) -> CallPhoneState:
    """The agent's own call as the phone events left it (for out-of-process events)."""
    with db.session() as session:
        call = session.get(Call, call_id)
        if call is None:
            raise NotFound(what=str(call_id))
        if call.agent_id != actor.user_id:
            refuse(None, actor, "call_phone_state")
        count = session.scalar(select(func.count(CallEvent.id))
                               .where(CallEvent.call_id == call_id)) or 0
        return CallPhoneState(call.id, int(count), call.answered_at,
                              call.answered_by == "phone", call.ended_at,
                              call.ended_by == "phone", call.end_cause)
