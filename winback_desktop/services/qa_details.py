"""Everything a reviewer needs beside the recording: notes, answers, outcome."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from winback_desktop.core.errors import NotFound, PermissionDenied
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import Call, Customer, InterviewResponse, Recording, User
from winback_desktop.services.context import Actor


@dataclass(frozen=True)
class CallDetails:
    call_id: int
    customer: str
    phone: str | None
    agent_login: str | None
    started_at: datetime
    disposition: str | None
    notes: str | None
    answers: dict[str, Any]
    recording_path: str | None


def call_details(session: Session, actor: Actor, call_id: int) -> CallDetails:
    call = session.get(Call, call_id)
    if call is None:
        raise NotFound(what=str(call_id))
    if call.agent_id != actor.user_id and not actor.can(Permission.EVALUATE_CALLS):
        raise PermissionDenied()
    customer = session.get(Customer, call.customer_id)
    agent = session.get(User, call.agent_id) if call.agent_id else None
    response = session.scalar(select(InterviewResponse).where(
        InterviewResponse.call_id == call_id).order_by(InterviewResponse.id.desc()))
    recording = session.scalar(select(Recording.path).where(Recording.call_id == call_id)
                               .order_by(Recording.id.desc()))
    return CallDetails(call.id, customer.name if customer else "", call.phone_e164,
                       agent.login if agent else None, call.started_at, call.disposition,
                       call.notes, dict(response.answers or {}) if response else {},
                       recording)
