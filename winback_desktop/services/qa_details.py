"""Everything a reviewer needs beside the recording: notes, answers, outcome."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from winback_desktop.core.errors import NotFound
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import Call, Customer, InterviewResponse, Recording, User
from winback_desktop.services.context import Actor, refuse


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
    #: the interview as the reviewer reads it: (question text, answer in words), in order
    answered: tuple[tuple[str, str], ...] = ()


def call_details(session: Session, actor: Actor, call_id: int) -> CallDetails:
    call = session.get(Call, call_id)
    if call is None:
        raise NotFound(what=str(call_id))
    if call.agent_id != actor.user_id and not actor.can(Permission.EVALUATE_CALLS):
        refuse(None, actor, "call_details")
    customer = session.get(Customer, call.customer_id)
    agent = session.get(User, call.agent_id) if call.agent_id else None
    response = session.scalar(select(InterviewResponse).where(
        InterviewResponse.call_id == call_id).order_by(InterviewResponse.id.desc()))
    recording = session.scalar(select(Recording.path).where(Recording.call_id == call_id)
                               .order_by(Recording.id.desc()))
    answers = dict(response.answers or {}) if response else {}
    answered: list[tuple[str, str]] = []
    if response is not None and answers:
        from winback_desktop.core import interview as iv
        from winback_desktop.db.models import InterviewScript
        from winback_desktop.services.interviews import to_core

        row = session.get(InterviewScript, response.script_id)
        script = to_core(row) if row is not None else None
        for key in iv.path(script, answers, None) if script is not None else answers:
            question = script.question(key) if script is not None else None
            if question is None or key not in answers:
                continue
            answered.append((question.text, iv.answer_text(question, answers[key])))
    return CallDetails(call.id, customer.name if customer else "", call.phone_e164,
                       agent.login if agent else None, call.started_at, call.disposition,
                       call.notes, answers, recording, tuple(answered))
